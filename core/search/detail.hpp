// search/detail.hpp — private to search/: what index.cpp and query.cpp must agree on.
// Not part of the public API; include search/search.hpp instead.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/lang.hpp"
#include "sqlite/statement.hpp"

namespace pietura::search::detail {

// The inverted index: one row per (language, term), its documents in one blob. A
// language's documents are rowids `first` … `first + n - 1` (search_rank says which),
// so a reader can hold "which columns does this term occur in, per document" as one
// byte per document. Each posting is one LEB128 varint: the rowid's distance from the
// previous posting's (from 0 for the first) shifted left by 3, or'd with the columns.
inline constexpr unsigned kColTitle = 1, kColKeywords = 2, kColBody = 4, kColHead = kColTitle | kColKeywords;

inline void append_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out += static_cast<char>(static_cast<unsigned char>(v | 0x80));
        v >>= 7;
    }
    out += static_cast<char>(static_cast<unsigned char>(v));
}

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

// Ranking (rank.cpp). A query is a list of phrases, each a term that one query word
// may match: its kind says how it counts ('p' prefix, 'e' whole term, 'q'/'s' the
// word as typed, as a prefix or whole, 'k' keyword pair), `word` which query word it
// belongs to (to tell confident hits from weak ones), and `idf` its rarity.
struct RankPhrase {
    char kind = 'e';
    unsigned char word = 0;
    double idf = 0;
};

// Rarity of a phrase found in `with` of the language's `rows` documents; a prefix
// gets a fixed, middling one (see rank.cpp).
double phrase_idf(char kind, std::int64_t with, std::int64_t rows);

// One document's score: `cols[i]` are the columns (kCol*) phrase i occurs in there (0
// where it does not, or where its part of the query did not match). `popularity`
// 0..100 and `title_words` come from search_rank. `confident` says whether more than
// half the query words are in the title or keywords (see Hit::weak).
double score(const std::vector<RankPhrase>& phrases, const unsigned char* cols, int popularity, int title_words,
             bool& confident);

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
};

}  // namespace pietura::search::detail
