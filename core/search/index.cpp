// Building the search index into the snapshot.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "search/detail.hpp"
#include "search/search.hpp"
#include "text/text.hpp"

namespace pietura::search {
namespace {

using namespace detail;

// search_docs: what a hit shows; its rowid is the postings' document number. Rowids
//   go by language, then popularity (most popular first), so that ties in ranking go
//   to the more popular document without looking it up.
// search_rank: per language, the first rowid and two bytes per document for ranking
//   (popularity 0..100, words in the title).
// search_postings: the inverted index (encoding in detail.hpp). Per term only the
//   columns it occurs in, per document: ranking asks nothing else (not how often, not
//   next to what), and that keeps the common words' postings, exactly the ones that
//   make queries slow, short. A prefix is a range of this table's key. A plain table
//   rather than SQLite's FTS5, which the browser would carry 48 KB (gzip) of code for
//   to answer the same questions (issue 13), and which the stock sqlite3 shell need
//   not have compiled in to open the snapshot.
// search_terms, search_typo: the typo vocabulary and its deletion neighbourhoods.
constexpr const char* kSchema = R"(
DROP TABLE IF EXISTS search_docs;
DROP TABLE IF EXISTS search_postings;
DROP TABLE IF EXISTS search_terms;
DROP TABLE IF EXISTS search_typo;
DROP TABLE IF EXISTS search_rank;
CREATE TABLE search_docs(rowid INTEGER PRIMARY KEY, lang TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL,
  title TEXT NOT NULL, summary TEXT NOT NULL, url TEXT NOT NULL, weight REAL NOT NULL);
CREATE TABLE search_postings(lang TEXT NOT NULL, term TEXT NOT NULL, docs BLOB NOT NULL,
  PRIMARY KEY(lang, term)) WITHOUT ROWID;
CREATE TABLE search_terms(id INTEGER PRIMARY KEY, lang TEXT NOT NULL, term TEXT NOT NULL, df INTEGER NOT NULL);
CREATE TABLE search_typo(key INTEGER NOT NULL, term INTEGER NOT NULL, PRIMARY KEY(key, term)) WITHOUT ROWID;
CREATE TABLE search_rank(lang TEXT PRIMARY KEY, first INTEGER NOT NULL, data BLOB NOT NULL) WITHOUT ROWID;
)";

// The keywords and body columns: terms separated by spaces. Ranking only asks whether
// a term occurs in a column, never how often or next to what, so each term is kept
// once (in order of first use): far smaller postings for the common words, which are
// exactly the ones that make queries slow.
std::string joined_terms(std::string_view text, Lang lang, std::set<std::string>* vocab) {
    std::string out;
    std::set<std::string> seen;
    for (auto& t : text::terms(text, lang)) {
        if (!seen.insert(t).second) continue;
        if (vocab && t.size() >= kMinTypoTerm) vocab->insert(t);
        if (!out.empty()) out += ' ';
        out += t;
    }
    return out;
}

// Adjacent words of each keyword entry (and of the title) as pair terms (kPairJoin in
// detail.hpp), appended to the keywords column. Entries are what the content lists one by one (joined with
// ", " or ";" or a new line); a pair never spans two of them. Stop words are skipped as
// query() skips them ("izziņa no reģistra" pairs "izzin" with "registr"); a hyphenated
// compound is left out, as query() never pairs one.
std::string keyword_pairs(std::string_view keywords, Lang lang) {
    std::string out;
    std::set<std::string> seen;
    std::size_t at = 0;
    while (at <= keywords.size()) {
        std::size_t end = keywords.find_first_of(",;\n", at);
        if (end == std::string_view::npos) end = keywords.size();
        std::vector<text::Token> tokens = text::tokenize(keywords.substr(at, end - at));
        auto in_compound = [&](const text::Token& t) {
            return std::any_of(tokens.begin(), tokens.end(),
                               [&](const text::Token& c) { return c.compound && c.begin <= t.begin && t.end <= c.end; });
        };
        std::string prev;
        for (const text::Token& t : tokens) {
            if (t.compound || text::is_stopword(t.text, lang)) continue;
            if (in_compound(t)) {
                prev.clear();
                continue;
            }
            std::string s = text::stem(t.text, lang);
            if (!prev.empty()) {
                std::string pair = prev + kPairJoin + s;
                if (seen.insert(pair).second) {
                    if (!out.empty()) out += ' ';
                    out += pair;
                }
            }
            prev = std::move(s);
        }
        at = end + 1;
    }
    return out;
}

// The title column: each word's stem, then the word as written (folded) where that
// differs, so that a title with exactly the form typed ("deklarācija") outranks one
// that only shares the stem ("deklarēšana"). `words` counts the stems only.
std::string title_terms(std::string_view title, Lang lang, std::set<std::string>& vocab, std::size_t& words) {
    std::string out;
    auto add = [&](const std::string& t) {
        if (!out.empty()) out += ' ';
        out += t;
    };
    for (auto& t : text::tokenize(title)) {
        if (text::is_stopword(t.text, lang)) continue;
        std::string s = text::stem(t.text, lang);
        add(s);
        ++words;
        if (s.size() >= kMinTypoTerm) vocab.insert(s);
        if (s != t.text) add(t.text);
    }
    return out;
}

// Each space-separated term of `terms` occurs in column `col`.
void add_terms(std::map<std::string, unsigned>& cols, std::string_view terms, unsigned col) {
    std::size_t at = 0;
    while (at < terms.size()) {
        std::size_t end = terms.find(' ', at);
        if (end == std::string_view::npos) end = terms.size();
        if (end > at) cols[std::string(terms.substr(at, end - at))] |= col;
        at = end + 1;
    }
}

double clamp_weight(double w) { return std::isfinite(w) ? std::clamp(w, 0.0, 100.0) : 0.0; }

void build(sqlite3* db, const std::vector<Doc>& docs) {
    exec(db, kSchema);

    // A fixed order, whatever order the caller had: rowids and every page depend on it.
    std::vector<const Doc*> order;
    order.reserve(docs.size());
    for (auto& d : docs) order.push_back(&d);
    std::sort(order.begin(), order.end(), [](const Doc* a, const Doc* b) {
        if (a->lang != b->lang) return a->lang < b->lang;
        double wa = clamp_weight(a->weight), wb = clamp_weight(b->weight);
        if (wa != wb) return wa > wb;  // most popular first
        return std::tie(a->kind, a->id, a->title, a->keywords, a->shared_keywords, a->body, a->summary, a->url) <
               std::tie(b->kind, b->id, b->title, b->keywords, b->shared_keywords, b->body, b->summary, b->url);
    });

    Stmt ins_doc(db, "INSERT INTO search_docs VALUES(?,?,?,?,?,?,?,?)");
    std::map<std::pair<Lang, std::string>, std::int64_t> df;
    // Per (language, term): the last rowid appended and the postings so far.
    std::map<std::pair<Lang, std::string>, std::pair<std::int64_t, std::string>> postings;

    std::map<Lang, std::pair<std::int64_t, std::string>> rank;  // first rowid, search_rank data
    std::int64_t rowid = 0;
    for (const Doc* d : order) {
        ++rowid;
        ins_doc.bind(1, rowid).bind(2, code(d->lang)).bind(3, d->kind).bind(4, d->id).bind(5, d->title);
        ins_doc.bind(6, d->summary).bind(7, d->url).bind(8, clamp_weight(d->weight)).run();

        std::set<std::string> vocab;  // this document's title and keyword terms
        std::size_t title_words = 0;
        std::string title = title_terms(d->title, d->lang, vocab, title_words);
        std::string keywords = joined_terms(d->keywords + "\n" + d->shared_keywords, d->lang, &vocab);
        // The title is the document's own name too: "bērna piedzimšanas pabalsts" is the
        // title of one benefit and a keyword of another, and the pair must not tip it.
        if (std::string pairs = keyword_pairs(d->title + "\n" + d->keywords, d->lang); !pairs.empty())
            keywords += (keywords.empty() ? "" : " ") + pairs;
        std::map<std::string, unsigned> cols;
        add_terms(cols, title, kColTitle);
        add_terms(cols, keywords, kColKeywords);
        add_terms(cols, joined_terms(d->body, d->lang, nullptr), kColBody);
        for (auto& [term, c] : cols) {
            auto& p = postings[{d->lang, term}];
            append_varint(p.second, std::uint64_t(rowid - p.first) << 3 | c);
            p.first = rowid;
        }
        auto& r = rank.try_emplace(d->lang, rowid, std::string()).first->second;
        r.second += static_cast<char>(static_cast<unsigned char>(std::lround(clamp_weight(d->weight))));
        r.second += static_cast<char>(static_cast<unsigned char>(std::min<std::size_t>(title_words, 255)));
        for (auto& t : vocab) ++df[{d->lang, t}];
    }
    Stmt ins_rank(db, "INSERT INTO search_rank VALUES(?,?,?)");
    for (auto& [lang, r] : rank) ins_rank.bind(1, code(lang)).bind(2, r.first).blob(3, r.second).run();
    Stmt ins_post(db, "INSERT INTO search_postings VALUES(?,?,?)");
    for (auto& [lt, p] : postings) ins_post.bind(1, code(lt.first)).bind(2, lt.second).blob(3, p.second).run();

    // Typo vocabulary: title and keyword terms only, which is what people try to name;
    // body words are many, rarely the target, and would multiply the table's size.
    Stmt ins_term(db, "INSERT INTO search_terms VALUES(?,?,?,?)");
    std::vector<std::pair<std::int64_t, std::int64_t>> typo;
    std::int64_t term_id = 0;
    for (auto& [lt, n] : df) {
        ++term_id;
        ins_term.bind(1, term_id).bind(2, code(lt.first)).bind(3, lt.second).bind(4, n).run();
        for (auto& v : neighbourhood(lt.second)) typo.emplace_back(typo_key(lt.first, v), term_id);
    }
    std::sort(typo.begin(), typo.end());
    typo.erase(std::unique(typo.begin(), typo.end()), typo.end());
    Stmt ins_typo(db, "INSERT INTO search_typo VALUES(?,?)");
    for (auto& [k, t] : typo) ins_typo.bind(1, k).bind(2, t).run();
}

}  // namespace

const char* index_schema() { return kSchema; }

void build_index(sqlite3* db, const std::vector<Doc>& docs) {
    if (!db) throw std::runtime_error("search index: no database");
    // A savepoint nests inside the snapshot writer's transaction and is one on its own.
    exec(db, "SAVEPOINT pietura_search_index");
    try {
        build(db, docs);
    } catch (...) {
        sqlite3_exec(db, "ROLLBACK TO pietura_search_index; RELEASE pietura_search_index", nullptr, nullptr,
                     nullptr);
        throw;
    }
    exec(db, "RELEASE pietura_search_index");
}

}  // namespace pietura::search
