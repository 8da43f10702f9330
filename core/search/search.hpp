// search/search.hpp — the catalogue search index: built ahead of time into the
// snapshot by the native tools, queried by the browser (wasm) and the CLI through
// this same code.
//
// `build_index()` writes an inverted index (plain SQLite tables, no FTS extension) of
// terms that text/ has folded and stemmed, with the columns each occurs in per
// document (title, keywords, body), a side table of what a hit shows, and a typo table
// (deletion neighbourhoods of title and keyword terms). `query()` sends the query
// through the same text pipeline and evaluates it over the postings itself, so user
// input never reaches SQL: all words must match, the word being typed matches
// as a prefix (and as a whole word), an unknown word of 5+ letters is corrected by one
// edit, and if nothing matches every word, or only weakly, any word in a title or
// among the keywords will do. Ranking (rank.cpp): term rarity × where it
// occurs (title and keywords far above body), plus a bonus where two query words in a
// row are two words in a row of one of the document's keywords or its title (its own
// name for itself, issue 14), scaled a little by popularity.
//
// Search is honest about guesses (issue 14): a hit is *weak* when no document has all
// the words (only the any-word fallback found it) or when no more than half the words
// of the query are in its title or keywords (the others only in its body, a passing
// mention: "laulības reģistrēšana" is not answered by a marriage contract). Every
// confident hit comes before every weak one, whatever their scores, so a cut to the
// first few never shows a guess above an answer. Pages show weak hits apart, after a
// plain sentence that the catalogue may not have what was asked for.
//
// It opens and writes no files (the snapshot does) and never searches across languages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "i18n/lang.hpp"

struct sqlite3;

namespace pietura::search {

struct Doc {
    std::string id;
    std::string kind;      // "service" | "situation" | "contact-point"
    Lang lang = Lang::lv;
    std::string title;
    std::string keywords;  // synonyms, abbreviations, institution names; any separators
    std::string body;
    std::string summary;   // shown under the title in results
    std::string url;
    double weight = 0;     // popularity 0..100, a tie-breaker in ranking
    // Keywords the document shares with others (its institution's names): they match
    // as keywords do, but are not the document's own synonyms, so their adjacent words
    // are not indexed as keyword pairs ("Uzņēmumu reģistrs" names every UR service).
    std::string shared_keywords;
};

// Creates (replacing) the search_* tables in `db` and fills them. Runs inside a
// savepoint, so it can be part of the caller's transaction. The same documents in
// any order give byte-identical tables. Throws std::runtime_error on SQLite errors.
void build_index(sqlite3* db, const std::vector<Doc>& docs);

// The statements that create the (empty) search_* tables, as build_index() runs
// them: a reader compares a snapshot's schema with them without linking the builder.
const char* index_schema();

struct Hit {
    std::string id, kind, title, url, summary;
    double score = 0;        // higher is better; only comparable within one query
    std::string title_html;  // HTML-escaped title with matched words in <mark>…</mark>
    bool weak = false;       // a guess, not an answer: see the overview above
};

// The most hits one query() answers (a larger `limit` is cut to it).
inline constexpr int kMaxHits = 100;

// The best `limit` (at most 100) documents of language `lang` for what the user has
// typed so far. Any query text is safe: empty, punctuation-only, invalid UTF-8 or FTS
// syntax give an empty or sensible list, never an exception. Throws
// std::runtime_error when `db` has no search index or a damaged one.
std::vector<Hit> query(sqlite3* db, std::string_view q, Lang lang, int limit = 10);

}  // namespace pietura::search
