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

namespace pietura::search::detail {

// One FTS5 table per language keeps the ranking's statistics (how rare a term is)
// to that language's documents.
inline const char* fts_table(Lang lang) { return lang == Lang::lv ? "search_fts_lv" : "search_fts_en"; }

// Column weights of the ranking: a word in the title or among the synonyms says far
// more about what a service is than the same word somewhere in its description.
inline constexpr double kWeightTitle = 6.0, kWeightKeywords = 4.0, kWeightBody = 1.0;

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
struct RankInput {
    std::string kinds;  // one letter per phrase: 'p' prefix, 'e' whole term
    std::string data;   // the search_rank blob
    std::int64_t first = 0;
};
inline constexpr const char* kRankInputType = "pietura_rank_input";

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

// A prepared statement that finalizes itself.
class Stmt {
public:
    Stmt(sqlite3* db, const std::string& sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st_, nullptr) != SQLITE_OK) fail(db, "prepare");
    }
    // Does not throw: check ok(), and sqlite3_errmsg() if not.
    Stmt(sqlite3* db, const std::string& sql, std::nothrow_t) : db_(db) {
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st_, nullptr) != SQLITE_OK) {
            sqlite3_finalize(st_);
            st_ = nullptr;
        }
    }
    bool ok() const { return st_ != nullptr; }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    ~Stmt() { sqlite3_finalize(st_); }

    Stmt& bind(int i, std::string_view v) {
        sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Stmt& bind(int i, std::int64_t v) {
        sqlite3_bind_int64(st_, i, v);
        return *this;
    }
    Stmt& blob(int i, std::string_view v) {
        sqlite3_bind_blob(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    // `p` must outlive the statement's execution; SQLite only hands it to functions
    // that ask for the same `type`.
    Stmt& pointer(int i, void* p, const char* type) {
        sqlite3_bind_pointer(st_, i, p, type, nullptr);
        return *this;
    }
    Stmt& bind(int i, double v) {
        sqlite3_bind_double(st_, i, v);
        return *this;
    }
    // True while there is a row; throws on errors.
    bool step() {
        int rc = sqlite3_step(st_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        fail(db_, "step");
    }
    void run() {
        while (step()) {
        }
        reset();
    }
    void reset() {
        sqlite3_reset(st_);
        sqlite3_clear_bindings(st_);
    }
    std::string text(int col) const {
        auto p = reinterpret_cast<const char*>(sqlite3_column_text(st_, col));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, col))) : std::string();
    }
    std::int64_t integer(int col) const { return sqlite3_column_int64(st_, col); }
    std::string bytes(int col) const {
        auto p = static_cast<const char*>(sqlite3_column_blob(st_, col));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, col))) : std::string();
    }
    double real(int col) const { return sqlite3_column_double(st_, col); }

private:
    sqlite3* db_;
    sqlite3_stmt* st_ = nullptr;
};

}  // namespace pietura::search::detail
