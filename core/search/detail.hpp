// search/detail.hpp — private to search/: what index.cpp and query.cpp must agree on.
// Not part of the public API; include search/search.hpp instead.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <cstring>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/lang.hpp"
#include "sqlite/statement.hpp"

namespace pietura::search::detail {

// One FTS5 table per language keeps the ranking's statistics (how rare a term is)
// to that language's documents.
inline const char* fts_table(Lang lang) { return lang == Lang::lv ? "search_fts_lv" : "search_fts_en"; }

// Column weights of the ranking: a word in the title or among the synonyms says far
// more about what a service is than the same word somewhere in its description.
inline constexpr double kWeightTitle = 6.0, kWeightKeywords = 4.0, kWeightBody = 1.0;

// Two words that follow each other in one keyword entry ("uzņēmuma reģistrēšana") are
// also indexed as one term, their stems joined by kPairJoin (a middle dot, which no
// query word can contain: text::tokenize keeps letters and digits only). A query whose
// next two words are such a pair names the document by one of its own synonyms, which
// says more than the same words scattered over a title ("Izmaiņu reģistrācija
// uzņēmuma datos"), so the pair counts kWeightPair on top of its words (issue 14).
inline constexpr const char* kPairJoin = "\xC2\xB7";
inline constexpr double kWeightPair = 16.0;

// Typo correction applies to query words at least this long and to index terms at
// least kMinTypoTerm long (a five-letter word may stem to four letters).
inline constexpr std::size_t kMinTypoWord = 5, kMinTypoTerm = 4;

// Key of one deletion-neighbourhood entry: FNV-1a of language and string, 31 bits so
// SQLite stores it in four bytes. Collisions only cost a candidate that the edit
// distance check then rejects.
inline std::int64_t typo_key(Lang lang, std::string_view s) {
    std::uint32_t h = 2166136261u;
    auto mix = [&](unsigned char c) { h = (h ^ c) * 16777619u; };
    mix(lang == Lang::lv ? 'l' : 'e');
    mix(0);
    for (unsigned char c : s) mix(c);
    return static_cast<std::int64_t>(h & 0x7fffffffu);
}

// The string itself and every string one byte shorter: two strings are within one
// edit (insert, delete, substitute; a transposition is caught as two deletions
// meeting) only if their neighbourhoods share a key. Folded Latin is ASCII, so
// bytes are letters.
inline std::vector<std::string> neighbourhood(std::string_view s) {
    std::vector<std::string> out;
    out.emplace_back(s);
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i > 0 && s[i] == s[i - 1]) continue;  // deleting either of a double letter is the same
        std::string d;
        d.reserve(s.size() - 1);
        d.append(s.substr(0, i));
        d.append(s.substr(i + 1));
        out.push_back(std::move(d));
    }
    return out;
}

// The FTS5 auxiliary function that ranks hits (rank.cpp). A connection knows it once
// register_rank() has run; query() does that when SQLite says it has no such function.
inline constexpr const char* kRankFunction = "pietura_rank";
void register_rank(sqlite3* db);

// What the ranking function needs besides the index, passed as its one argument with
// sqlite3_bind_pointer(…, kRankInputType): per-phrase kinds and, from search_rank,
// two bytes per document of the language (popularity 0..100, terms in the title),
// starting at rowid `first`. Reading them from one blob per query saves a table
// lookup for every matching row.
//
// `clause` says which query word each phrase belongs to: the ranking function uses it
// to tell confident rows from weak ones (see kConfidentBand).
struct RankInput {
    std::string kinds;   // one letter per phrase: 'p' prefix, 'e' whole term, 'k' keyword pair
    std::string clause;  // per phrase: the index of its query word (a byte)
    std::string data;    // the search_rank blob
    std::int64_t first = 0;
};
inline constexpr const char* kRankInputType = "pietura_rank_input";

// A row is weak when no more than half the query words are in its title or keywords
// (the rest only in the body, a passing mention; see Hit::weak). A weak row with a
// rare word in its title can outscore a confident one, and ORDER BY score … LIMIT
// would then show the guess first or cut the answer off (issue 14). So the ranking
// function returns a confident row's score plus this band, and a weak row's score
// as it is (never above the band: see rank.cpp); run() reads weakness from the band
// and takes it off again, so a hit's score means the same as before.
inline constexpr double kConfidentBand = 1e6;

[[noreturn]] inline void fail(sqlite3* db, const std::string& what) {
    throw std::runtime_error("search index: " + what + ": " + (db ? sqlite3_errmsg(db) : "no database"));
}

inline void exec(sqlite3* db, const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string m = err ? err : "unknown error";
        sqlite3_free(err);
        throw std::runtime_error("search index: " + m);
    }
}

// A prepared statement of the search index (errors say "search index: ...").
class Stmt : public sqlite::Statement {
public:
    Stmt(sqlite3* db, const std::string& sql) : Statement(db, sql, "search index") {}
    Stmt(sqlite3* db, const std::string& sql, std::nothrow_t n) : Statement(db, sql, "search index", n) {}
};

}  // namespace pietura::search::detail
