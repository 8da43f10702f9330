/* The browser's SQLite: the pinned amalgamation, compiled with the statements a
 * read-only snapshot reader never runs left out (issue 13).
 *
 * The browser opens one snapshot from memory, read-only, with triggers and views
 * refused (core/snapshot/open.cpp). ALTER TABLE, triggers, ANALYZE and REINDEX are
 * dead weight there: 27 KB of gzip in pietura.wasm. SQLite's SQLITE_OMIT_* options
 * drop their code, but the amalgamation's parser was generated with every grammar
 * rule in it, so its actions still call the left-out functions. This file is that
 * amalgamation plus one stand-in for each such function, so that a statement or a
 * schema entry that needs one fails the way any SQL error does: the parser gets an
 * error ("... is not in this read-only build of SQLite") and stops, and whatever the
 * parser handed over is freed. A snapshot with a trigger in its schema is therefore
 * refused while its schema is read, which the core did anyway.
 *
 * Only the wasm build compiles this file (CMakeLists.txt, PIETURA_SQLITE_BROWSER_ONLY);
 * the native tools keep the whole SQLite. Each stand-in has the signature of the
 * amalgamation's own declaration (SQLITE_PRIVATE is `static` there, hence in the same
 * translation unit); a new SQLite version that changes one fails to compile here. */

/* With SQLITE_OMIT_TRIGGER the amalgamation no longer declares the trigger functions
 * its parser calls; declared here first, they are not taken as implicit externs. */
typedef struct Parse Parse;
typedef struct Token Token;
typedef struct IdList IdList;
typedef struct SrcList SrcList;
typedef struct Expr Expr;
typedef struct ExprList ExprList;
typedef struct Select Select;
typedef struct Upsert Upsert;
typedef struct TriggerStep TriggerStep;
typedef struct sqlite3 sqlite3;
static void sqlite3BeginTrigger(Parse *, Token *, Token *, int, int, IdList *, SrcList *, Expr *, int, int);
static void sqlite3FinishTrigger(Parse *, TriggerStep *, Token *);
static void sqlite3DropTrigger(Parse *, SrcList *, int);
static void sqlite3DeleteTriggerStep(sqlite3 *, TriggerStep *);
static TriggerStep *sqlite3TriggerSelectStep(sqlite3 *, Select *, const char *, const char *);
static TriggerStep *sqlite3TriggerInsertStep(Parse *, SrcList *, IdList *, Select *, unsigned char, Upsert *,
                                             const char *, const char *);
static TriggerStep *sqlite3TriggerUpdateStep(Parse *, SrcList *, SrcList *, ExprList *, Expr *, unsigned char,
                                             const char *, const char *);
static TriggerStep *sqlite3TriggerDeleteStep(Parse *, SrcList *, Expr *, const char *, const char *);

#include "sqlite3.c"

#if !defined(SQLITE_OMIT_ALTERTABLE) || !defined(SQLITE_OMIT_TRIGGER) || \
    !defined(SQLITE_OMIT_ANALYZE) || !defined(SQLITE_OMIT_REINDEX)
#error "browser_amalgamation.c expects the SQLITE_OMIT_* options of PIETURA_SQLITE_BROWSER_ONLY"
#endif

static void left_out(Parse *pParse, const char *what) {
  sqlite3ErrorMsg(pParse, "%s is not in this read-only build of SQLite", what);
}

/* --- ALTER TABLE: each takes the table's name list over ------------------------- */
SQLITE_PRIVATE void sqlite3AlterRenameTable(Parse *pParse, SrcList *pSrc, Token *pNew) {
  (void)pNew;
  left_out(pParse, "ALTER TABLE");
  sqlite3SrcListDelete(pParse->db, pSrc);
}
SQLITE_PRIVATE void sqlite3AlterRenameColumn(Parse *pParse, SrcList *pSrc, Token *pOld, Token *pNew) {
  (void)pOld, (void)pNew;
  left_out(pParse, "ALTER TABLE");
  sqlite3SrcListDelete(pParse->db, pSrc);
}
SQLITE_PRIVATE void sqlite3AlterDropConstraint(Parse *pParse, SrcList *pSrc, Token *pCons, Token *pCol) {
  (void)pCons, (void)pCol;
  left_out(pParse, "ALTER TABLE");
  sqlite3SrcListDelete(pParse->db, pSrc);
}
SQLITE_PRIVATE void sqlite3AlterAddConstraint(Parse *pParse, SrcList *pSrc, Token *pFirst, Token *pName,
                                              const char *zExpr, int nExpr, Expr *pExpr) {
  (void)pFirst, (void)pName, (void)zExpr, (void)nExpr;
  left_out(pParse, "ALTER TABLE");
  sqlite3SrcListDelete(pParse->db, pSrc);
  sqlite3ExprDelete(pParse->db, pExpr);
}
SQLITE_PRIVATE void sqlite3AlterSetNotNull(Parse *pParse, SrcList *pSrc, Token *pCol, Token *pFirst) {
  (void)pCol, (void)pFirst;
  left_out(pParse, "ALTER TABLE");
  sqlite3SrcListDelete(pParse->db, pSrc);
}
SQLITE_PRIVATE void sqlite3AlterBeginAddColumn(Parse *pParse, SrcList *pSrc) {
  left_out(pParse, "ALTER TABLE");
  sqlite3SrcListDelete(pParse->db, pSrc);
}
/* Reached only after sqlite3AlterBeginAddColumn has already failed. */
SQLITE_PRIVATE void sqlite3AlterFinishAddColumn(Parse *pParse, Token *pColDef) {
  (void)pColDef;
  left_out(pParse, "ALTER TABLE");
}
SQLITE_PRIVATE void sqlite3AlterDropColumn(Parse *pParse, SrcList *pSrc, const Token *pName) {
  (void)pName;
  left_out(pParse, "ALTER TABLE");
  sqlite3SrcListDelete(pParse->db, pSrc);
}

/* --- ANALYZE and REINDEX: names only ------------------------------------------------ */
SQLITE_PRIVATE void sqlite3Analyze(Parse *pParse, Token *pName1, Token *pName2) {
  (void)pName1, (void)pName2;
  left_out(pParse, "ANALYZE");
}
SQLITE_PRIVATE void sqlite3Reindex(Parse *pParse, Token *pName1, Token *pName2) {
  (void)pName1, (void)pName2;
  left_out(pParse, "REINDEX");
}

/* --- triggers: CREATE TRIGGER fails at its first clause, so no step is ever made;
 * the step constructors still free what the parser gives them and make nothing. ------ */
SQLITE_PRIVATE void sqlite3BeginTrigger(Parse *pParse, Token *pName1, Token *pName2, int tr_tm, int op,
                                        IdList *pColumns, SrcList *pTableName, Expr *pWhen, int isTemp,
                                        int noErr) {
  (void)pName1, (void)pName2, (void)tr_tm, (void)op, (void)isTemp, (void)noErr;
  left_out(pParse, "a trigger");
  sqlite3IdListDelete(pParse->db, pColumns);
  sqlite3SrcListDelete(pParse->db, pTableName);
  sqlite3ExprDelete(pParse->db, pWhen);
}
SQLITE_PRIVATE void sqlite3DeleteTriggerStep(sqlite3 *db, TriggerStep *pStep) {
  (void)db;
  assert(pStep == 0); /* the constructors below never make one */
  (void)pStep;
}
SQLITE_PRIVATE void sqlite3FinishTrigger(Parse *pParse, TriggerStep *pStepList, Token *pAll) {
  (void)pAll;
  left_out(pParse, "a trigger");
  sqlite3DeleteTriggerStep(pParse->db, pStepList);
}
SQLITE_PRIVATE void sqlite3DropTrigger(Parse *pParse, SrcList *pName, int noErr) {
  (void)noErr;
  left_out(pParse, "a trigger");
  sqlite3SrcListDelete(pParse->db, pName);
}
SQLITE_PRIVATE TriggerStep *sqlite3TriggerSelectStep(sqlite3 *db, Select *pSelect, const char *zStart,
                                                     const char *zEnd) {
  (void)zStart, (void)zEnd;
  sqlite3SelectDelete(db, pSelect);
  return 0;
}
SQLITE_PRIVATE TriggerStep *sqlite3TriggerInsertStep(Parse *pParse, SrcList *pTabList, IdList *pColumn,
                                                     Select *pSelect, u8 orconf, Upsert *pUpsert,
                                                     const char *zStart, const char *zEnd) {
  (void)orconf, (void)zStart, (void)zEnd;
  left_out(pParse, "a trigger");
  sqlite3SrcListDelete(pParse->db, pTabList);
  sqlite3IdListDelete(pParse->db, pColumn);
  sqlite3SelectDelete(pParse->db, pSelect);
  sqlite3UpsertDelete(pParse->db, pUpsert);
  return 0;
}
SQLITE_PRIVATE TriggerStep *sqlite3TriggerUpdateStep(Parse *pParse, SrcList *pTabList, SrcList *pFrom,
                                                     ExprList *pEList, Expr *pWhere, u8 orconf,
                                                     const char *zStart, const char *zEnd) {
  (void)orconf, (void)zStart, (void)zEnd;
  left_out(pParse, "a trigger");
  sqlite3SrcListDelete(pParse->db, pTabList);
  sqlite3SrcListDelete(pParse->db, pFrom);
  sqlite3ExprListDelete(pParse->db, pEList);
  sqlite3ExprDelete(pParse->db, pWhere);
  return 0;
}
SQLITE_PRIVATE TriggerStep *sqlite3TriggerDeleteStep(Parse *pParse, SrcList *pTabList, Expr *pWhere,
                                                     const char *zStart, const char *zEnd) {
  (void)zStart, (void)zEnd;
  left_out(pParse, "a trigger");
  sqlite3SrcListDelete(pParse->db, pTabList);
  sqlite3ExprDelete(pParse->db, pWhere);
  return 0;
}
