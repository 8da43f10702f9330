// sqlite/statement.hpp — a prepared SQLite statement that finalizes itself and
// cannot run away.
//
// Only snapshot/ (the catalogue's tables) and search/ (its index inside the
// snapshot) speak SQL; this is the one wrapper they share: prepare in the
// constructor, bind by position, step through rows, read columns by index,
// finalize on destruction. A snapshot may come from anywhere (a damaged download,
// a hostile mirror), so:
//   - every read is NULL-safe: a NULL reads as "" or 0, never as a null pointer;
//   - one execution (from the first step to reset()) may do at most
//     kMaxWorkTicks × kWorkTick virtual-machine steps, nested statements of FTS5
//     included, and is interrupted past that, so no file can make a query loop
//     for ever;
//   - errors throw std::runtime_error naming the caller's context and saying what
//     happened in words (damaged file, work limit, out of memory, value too big).
// It hides nothing else of SQLite: callers keep their sqlite3* handle, their
// transactions and their own SQL. (Outside the core, only the server's store,
// tools/pietura/store.cpp, speaks SQL, to its own database, through this wrapper too.)
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace pietura::sqlite {

// The progress handler runs every kWorkTick VM steps; an execution may use
// kMaxWorkTicks of them, 10^9 steps, a few seconds natively. The biggest real
// statement, the VACUUM INTO that writes the 6 MB snapshot of a 3,400-service
// catalogue, stays under it; a reader's queries need a tiny fraction.
inline constexpr int kWorkTick = 1000;
inline constexpr std::uint64_t kMaxWorkTicks = 1'000'000;

class Statement {
public:
    // `context` names the caller in error messages ("search index: step: ...").
    Statement(sqlite3* db, std::string_view sql, std::string context) : db_(db), context_(std::move(context)) {
        if (!db_) fail("prepare", SQLITE_MISUSE);
        int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &st_, nullptr);
        if (rc != SQLITE_OK) fail("prepare", rc);
        if (!st_) fail("prepare: empty statement", SQLITE_MISUSE);
    }
    // Does not throw: check ok(), and sqlite3_errmsg() if not.
    Statement(sqlite3* db, std::string_view sql, std::string context, std::nothrow_t)
        : db_(db), context_(std::move(context)) {
        if (!db_ || sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &st_, nullptr) != SQLITE_OK) {
            sqlite3_finalize(st_);
            st_ = nullptr;
        }
    }
    bool ok() const { return st_ != nullptr; }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement() { sqlite3_finalize(st_); }

    Statement& bind(int i, std::string_view v) {
        check_bind(sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
        return *this;
    }
    Statement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
    Statement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
    Statement& bind(int i, std::int64_t v) {
        check_bind(sqlite3_bind_int64(st_, i, v));
        return *this;
    }
    Statement& bind(int i, int v) { return bind(i, std::int64_t{v}); }
    Statement& bind(int i, double v) {
        check_bind(sqlite3_bind_double(st_, i, v));
        return *this;
    }
    Statement& bind(int i, std::nullopt_t) {
        check_bind(sqlite3_bind_null(st_, i));
        return *this;
    }
    Statement& blob(int i, std::string_view v) {
        check_bind(sqlite3_bind_blob(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
        return *this;
    }
    // `p` must outlive the statement's execution; SQLite only hands it to functions
    // that ask for the same `type`.
    Statement& pointer(int i, void* p, const char* type) {
        check_bind(sqlite3_bind_pointer(st_, i, p, type, nullptr));
        return *this;
    }

    // True while there is a row; throws on errors, including the work limit.
    bool step() {
        if (!st_) fail("step", SQLITE_MISUSE);
        if (!running_) {
            running_ = true;
            ticks_ = 0;
        }
        int rc;
        {
            // The handler is the connection's, not the statement's: install it, step
            // and remove it under the connection's (recursive) mutex, so another
            // thread's statement on the same connection never sees our counter.
            DbLock lock(db_);
            sqlite3_progress_handler(db_, kWorkTick, &Statement::on_progress, this);
            rc = sqlite3_step(st_);
            sqlite3_progress_handler(db_, 0, nullptr, nullptr);
        }
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        fail("step", rc);
    }
    void run() {
        while (step()) {
        }
        reset();
    }
    void reset() {
        sqlite3_reset(st_);
        sqlite3_clear_bindings(st_);
        running_ = false;
        ticks_ = 0;
    }

    // Column reads. NULL (or a value SQLite could not convert) is "" / 0 / 0.0;
    // only running out of memory while converting throws.
    std::string text(int col) const {
        auto p = reinterpret_cast<const char*>(sqlite3_column_text(st_, col));
        if (!p) {
            if (sqlite3_errcode(db_) == SQLITE_NOMEM && !is_null(col)) fail("read", SQLITE_NOMEM);
            return {};
        }
        return std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, col)));
    }
    std::optional<std::string> text_or_null(int col) const {
        if (is_null(col)) return std::nullopt;
        return text(col);
    }
    std::int64_t integer(int col) const { return sqlite3_column_int64(st_, col); }
    std::string bytes(int col) const { return std::string(bytes_view(col)); }
    // The same bytes without a copy, valid until the next step(), reset() or read of
    // this column as another type.
    std::string_view bytes_view(int col) const {
        auto p = static_cast<const char*>(sqlite3_column_blob(st_, col));
        if (!p) {
            if (sqlite3_errcode(db_) == SQLITE_NOMEM && !is_null(col)) fail("read", SQLITE_NOMEM);
            return {};
        }
        return std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, col)));
    }
    double real(int col) const { return sqlite3_column_double(st_, col); }
    int type(int col) const { return sqlite3_column_type(st_, col); }
    bool is_null(int col) const { return type(col) == SQLITE_NULL; }
    int columns() const { return sqlite3_column_count(st_); }
    std::string column_name(int col) const {
        const char* n = sqlite3_column_name(st_, col);
        return n ? n : "";
    }

private:
    struct DbLock {
#if defined(SQLITE_THREADSAFE) && SQLITE_THREADSAFE == 0
        // The browser build compiles SQLite without threads and without the mutex API.
        explicit DbLock(sqlite3*) {}
#else
        sqlite3_mutex* m;
        explicit DbLock(sqlite3* db) : m(sqlite3_db_mutex(db)) { sqlite3_mutex_enter(m); }
        ~DbLock() { sqlite3_mutex_leave(m); }
        DbLock(const DbLock&) = delete;
        DbLock& operator=(const DbLock&) = delete;
#endif
    };

    static int on_progress(void* self) {
        auto* s = static_cast<Statement*>(self);
        if (++s->ticks_ <= kMaxWorkTicks) return 0;
        s->over_budget_ = true;
        return 1;  // SQLite stops the statement with SQLITE_INTERRUPT
    }

    void check_bind(int rc) const {
        if (rc != SQLITE_OK) fail("bind", rc);
    }

    [[noreturn]] void fail(const std::string& what, int rc) const {
        std::string why;
        int primary = rc & 0xff;
        std::string detail = db_ ? sqlite3_errmsg(db_) : "no database";
        if (over_budget_ && primary == SQLITE_INTERRUPT)
            why = "a query did more than " + std::to_string(kMaxWorkTicks / 1000) +
                  " million steps of work and was stopped: the file is damaged or built to hang its reader";
        else if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
            why = "the file is damaged or not a database (" + detail + ")";
        else if (primary == SQLITE_NOMEM)
            why = "out of memory (" + detail + ")";
        else if (primary == SQLITE_TOOBIG)
            why = "a value or statement is larger than allowed (" + detail + ")";
        else if (primary == SQLITE_MISUSE && !db_)
            why = "no database";
        else
            why = detail;
        throw std::runtime_error(context_ + ": " + what + ": " + why);
    }

    sqlite3* db_;
    std::string context_;
    sqlite3_stmt* st_ = nullptr;
    bool running_ = false;
    bool over_budget_ = false;
    std::uint64_t ticks_ = 0;
};

// A connection that closes itself. close_v2: should a statement outlive it by
// mistake, the database (for a snapshot in memory, its whole copy) is freed with
// the last statement instead of never.
struct CloseConnection {
    void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
class Connection : public std::unique_ptr<sqlite3, CloseConnection> {
public:
    using std::unique_ptr<sqlite3, CloseConnection>::unique_ptr;
    // An empty in-memory database; throws when SQLite cannot make one.
    static Connection memory() {
        sqlite3* db = nullptr;
        int rc = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
        Connection c(db);
        if (rc != SQLITE_OK) throw std::runtime_error("cannot open an in-memory database (out of memory)");
        return c;
    }
};

}  // namespace pietura::sqlite
