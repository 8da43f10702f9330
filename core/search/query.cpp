// Answering a query: text → words → FTS5 expression → ranked hits with highlighted titles.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "search/detail.hpp"
#include "search/search.hpp"
#include "text/text.hpp"

namespace pietura::search {
namespace {

using namespace detail;

// Nobody types more into a search box; the cap also bounds the work a pasted essay
// can cause. Extra words beyond kMaxWords are ignored for the same reason.
constexpr std::size_t kMaxQueryBytes = 256;
constexpr std::size_t kMaxWords = 8;
constexpr int kMaxLimit = kMaxHits;
constexpr std::size_t kMaxCorrections = 3;
// How many letters at the end of a word may be a mistyped ending ("-acija" less its "a").
constexpr std::size_t kMaxEnding = 5;
// Prefixes shorter than this match only titles and keywords (see append()).
constexpr std::size_t kShortPrefix = 4;
// The shortest beginning of a half-typed word tried as a whole term (see clause()).
constexpr std::size_t kMinTruncated = 4;

// One word of the query. A hyphenated compound is one word with parts.
struct Word {
    std::string folded;
    std::vector<std::string> parts;  // folded parts of a compound
    std::string glued;               // "e paraksts": the lone letter before it glued on
    bool open = false;               // still being typed: matches as a prefix
};

struct Phrase {
    std::string term;  // a stem, or a folded word
    bool prefix = false;
    bool surface = false;  // the word as typed, which only titles have: a bonus, not a match of its own
    bool pair = false;     // this word and the one before as a keyword pair: a bonus too (see with_pairs())
};
using Alternative = std::vector<Phrase>;  // all of these; usually one

// What one word may match: any of the alternatives.
struct Clause {
    std::vector<Alternative> alts;
    bool checked = false;  // known to match something, or corrected already (see query())
    const Word* word = nullptr;
};

// An FTS5 expression and, for the ranking function, one letter per phrase in the
// order FTS5 numbers them: 'p' for a prefix, 'e' for a whole term, 'q' and 's' for
// the same as written (see Phrase::surface).
struct Expr {
    std::string match;
    std::string kinds;
    std::string clause;      // per phrase, the index of its query word (RankInput::clause)
    unsigned char word = 0;  // the query word being appended
};

// Every term comes from text::tokenize (letters and digits only), but quoting still
// doubles any '"' so that nothing could ever be read as FTS5 syntax.
//
// A prefix of one to three letters matches a large part of the vocabulary; in titles
// and keywords that still finds what people start typing, in the bodies it mostly
// finds noise and costs the most time, so short prefixes skip the body.
void append(Expr& e, const Phrase& p) {
    if (p.prefix && p.term.size() < kShortPrefix) e.match += "{title keywords} : ";
    e.match += '"';
    for (char c : p.term) {
        if (c == '"') e.match += '"';
        e.match += c;
    }
    e.match += '"';
    if (p.prefix) e.match += '*';
    e.kinds += p.pair ? 'k' : p.surface ? (p.prefix ? 'q' : 's') : (p.prefix ? 'p' : 'e');
    e.clause += static_cast<char>(e.word);
}

void append(Expr& e, const Clause& c) {
    e.match += '(';
    for (std::size_t i = 0; i < c.alts.size(); ++i) {
        if (i) e.match += " OR ";
        const Alternative& a = c.alts[i];
        if (a.size() > 1) e.match += '(';
        for (std::size_t k = 0; k < a.size(); ++k) {
            if (k) e.match += " AND ";
            append(e, a[k]);
        }
        if (a.size() > 1) e.match += ')';
    }
    e.match += ')';
}

// All clauses joined by `op` ("AND", "OR"); clauses without alternatives are left out.
Expr combine(const std::vector<Clause>& clauses, const char* op) {
    Expr e;
    for (std::size_t i = 0; i < clauses.size(); ++i) {
        const Clause& c = clauses[i];
        if (c.alts.empty()) continue;
        if (!e.match.empty()) e.match += std::string(" ") + op + " ";
        e.word = static_cast<unsigned char>(i);  // at most kMaxWords
        append(e, c);
    }
    return e;
}

// The clauses with, for each two query words in a row, their keyword pair (kPairJoin in
// detail.hpp) as one more way for the second word to match. A document has the pair
// among its keywords only if it has the second word there too, so this finds nothing
// new: it tells the ranking which documents have the two words as one of their own
// synonyms. Each word's first alternative is its stem, or its typo correction; a
// compound is never paired (index.cpp pairs none).
std::vector<Clause> with_pairs(std::vector<Clause> clauses) {
    for (std::size_t i = 1; i < clauses.size(); ++i) {
        const Clause &a = clauses[i - 1], &b = clauses[i];
        if (a.alts.empty() || b.alts.empty() || a.alts[0].size() != 1 || b.alts[0].size() != 1) continue;
        if (!a.word || !b.word || !a.word->parts.empty() || !b.word->parts.empty()) continue;
        Phrase p{a.alts[0][0].term + kPairJoin + b.alts[0][0].term};
        p.pair = true;
        clauses[i].alts.push_back({p});
    }
    return clauses;
}

// Cuts at a code point boundary so the last word is not a broken character.
std::string_view cap(std::string_view q) {
    if (q.size() <= kMaxQueryBytes) return q;
    std::size_t n = kMaxQueryBytes;
    while (n > 0 && (static_cast<unsigned char>(q[n]) & 0xC0) == 0x80) --n;
    return q.substr(0, n);
}

// A lone letter ("s" of "children's", "e" typed apart from "paraksts") would find
// everything; a lone digit is a real search.
bool lone_letter(const Word& w) {
    return w.parts.empty() && w.folded.size() == 1 && !(w.folded[0] >= '0' && w.folded[0] <= '9');
}

bool meaningless(const Word& w, Lang lang) {
    return lone_letter(w) || (w.parts.empty() && text::is_stopword(w.folded, lang));
}

std::vector<Word> parse(std::string_view q, Lang lang, bool truncated) {
    std::vector<Word> words;
    std::vector<std::size_t> ends;
    for (auto& t : text::tokenize(q)) {
        if (t.compound) {
            // Its parts were just emitted as words of their own: fold them in.
            Word w;
            w.folded = t.text;
            while (!words.empty() && ends.back() <= t.end && ends.back() > t.begin) {
                w.parts.insert(w.parts.begin(), words.back().folded);
                words.pop_back();
                ends.pop_back();
            }
            words.push_back(std::move(w));
            ends.push_back(t.end);
        } else {
            words.push_back(Word{t.text, {}, {}, false});
            ends.push_back(t.end);
        }
    }
    // The word under the cursor is incomplete: nothing follows it. A trailing space
    // (or a cut-off paste) means the user finished it.
    if (!words.empty() && ends.back() == q.size() && !truncated) words.back().open = true;

    std::vector<Word> kept;
    for (std::size_t i = 0; i < words.size(); ++i) {
        Word& w = words[i];
        if (i > 0 && w.parts.empty() && lone_letter(words[i - 1])) w.glued = words[i - 1].folded + w.folded;
        if (!meaningless(w, lang)) kept.push_back(w);
    }
    // Only function words ("par", "the")? Search for them rather than for nothing,
    // but not for a lone letter: "s" would rank half the catalogue to show ten.
    if (kept.empty())
        for (auto& w : words)
            if (!lone_letter(w)) kept.push_back(w);
    if (kept.size() > kMaxWords) kept.resize(kMaxWords);
    return kept;
}

// Bounded Damerau (optimal string alignment) check: is b one edit away from a?
bool one_edit(std::string_view a, std::string_view b) {
    if (a.size() < b.size()) std::swap(a, b);
    if (a.size() - b.size() > 1) return false;
    std::size_t i = 0;
    while (i < b.size() && a[i] == b[i]) ++i;
    if (i == b.size()) return true;  // equal, or a has one extra letter at the end
    if (a.size() == b.size()) {
        if (a.substr(i + 1) == b.substr(i + 1)) return true;  // substitution
        return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
               a.substr(i + 2) == b.substr(i + 2);  // transposition
    }
    return a.substr(i + 1) == b.substr(i);  // a has one extra letter at i
}

class Searcher {
public:
    // Statements are prepared when first needed: most queries need few of them, and
    // preparing costs as much as running a simple one.
    Searcher(sqlite3* db, Lang lang) : db_(db), lang_(lang), table_(fts_table(lang)) {}

    bool exists(const Expr& e) {
        Stmt& st = prepared(exists_, "SELECT 1 FROM " + table_ + " WHERE " + table_ + " MATCH ? LIMIT 1");
        bool found = st.bind(1, e.match).step();
        st.reset();
        return found;
    }

    // Index terms within one edit of `term` (equal included), most widespread first.
    std::vector<std::string> near(std::string_view term) {
        std::vector<std::pair<std::int64_t, std::string>> found;  // (-df, term)
        Stmt& typo = prepared(typo_, "SELECT t.term, t.df FROM search_typo k JOIN search_terms t ON t.id = k.term "
                                     "WHERE k.key = ? AND t.lang = ?");
        for (auto& v : neighbourhood(term)) {
            typo.bind(1, typo_key(lang_, v)).bind(2, code(lang_));
            while (typo.step()) {
                std::string cand = typo.text(0);
                // A document frequency is a count: a negative one from a damaged file
                // (INT64_MIN cannot even be negated) counts as none.
                if (one_edit(cand, term)) found.emplace_back(-std::max<std::int64_t>(typo.integer(1), 0), cand);
            }
            typo.reset();
        }
        std::sort(found.begin(), found.end());
        found.erase(std::unique(found.begin(), found.end()), found.end());
        std::vector<std::string> out;
        for (auto& f : found)
            if (out.size() < kMaxCorrections) out.push_back(f.second);
        return out;
    }

    // What an unknown word was probably meant to be. First its stem one edit away
    // ("slimbas" → "slimb" ~ "slimib"). A typo in the ending confuses the stemmer
    // ("deklarcija" keeps "deklarcij", far from "deklar"), so next the longest
    // beginning of the word, less at most kMaxEnding letters, near a known stem.
    std::vector<std::string> corrections(const std::string& folded, const std::string& stem) {
        if (folded.size() < kMinTypoWord) return {};
        if (stem.size() >= kMinTypoTerm) {
            auto c = near(stem);
            if (!c.empty()) return c;
        }
        std::size_t shortest = std::max(kMinTypoTerm + 1, folded.size() > kMaxEnding ? folded.size() - kMaxEnding : 0);
        for (std::size_t k = folded.size() - 1; k >= shortest; --k) {
            auto c = near(std::string_view(folded).substr(0, k));
            if (!c.empty()) return c;
        }
        return {};
    }

    void correct(Clause& c) {
        const Word& w = *c.word;
        c.alts.clear();
        for (auto& t : corrections(w.folded, text::stem(w.folded, lang_))) c.alts.push_back({{t, w.open}});
    }

    // The word being typed is not checked here: a prefix check would cost FTS5 as
    // much as the search itself, and usually the search finds something anyway.
    Clause clause(const Word& w) {
        Clause c;
        c.word = &w;
        if (!w.parts.empty()) {
            // "e-paraksts": the joined form is indexed for every spelling; the parts
            // together catch a compound the index only has as separate words.
            c.alts.push_back({{text::stem(w.folded, lang_), w.open}});
            Alternative all;
            for (std::size_t i = 0; i < w.parts.size(); ++i) {
                bool last = i + 1 == w.parts.size();
                if (!last && text::is_stopword(w.parts[i], lang_)) continue;
                all.push_back({text::stem(w.parts[i], lang_), w.open && last});
            }
            if (all.size() >= 2) c.alts.push_back(std::move(all));
            c.checked = true;  // no typo correction for compounds
            return c;
        }
        if (!w.glued.empty()) c.alts.push_back({{text::stem(w.glued, lang_), w.open}});
        std::string s = text::stem(w.folded, lang_);
        c.alts.push_back({{s, w.open}});
        if (s != w.folded) c.alts.push_back({{w.folded, w.open, true}});
        if (w.open) {
            // The word under the cursor is often complete (Enter follows it, not a
            // space). As a prefix it counts with a middling rarity only, while a shorter
            // beginning tried below counts as a whole word: "numurzīmes" found "numurs"
            // (the first half of the compound) everywhere above the one service with
            // number plates among its keywords. Its stem as a whole word gives a match
            // of the complete word the same weight it gets once a space follows it.
            if (s.size() >= kShortPrefix) c.alts.push_back({{s, false}});
            // A half-typed word stems to something that need not begin the stem of the
            // whole word ("declara" vs "declar", "bezdarbn" vs "bezdarb"): the stem of
            // the whole word is one of its own beginnings, so try those as whole terms.
            if (w.folded.size() >= kMinTruncated + 1)
                for (std::size_t k = std::max(kMinTruncated, w.folded.size() - std::min(w.folded.size(), kMaxEnding));
                     k < s.size(); ++k)
                    c.alts.push_back({{w.folded.substr(0, k), false}});
            return c;
        }
        c.checked = true;
        Expr e;
        append(e, c);
        if (!exists(e)) correct(c);
        return c;
    }

    std::vector<Hit> run(const Expr& e, int limit) {
        if (!rank_) {
            // Only rowids and scores go through the sorter; the display fields of the
            // best few are read afterwards.
            std::string sql = "SELECT rowid, " + std::string(kRankFunction) + "(" + table_ + ", ?2) AS score FROM " +
                              table_ + " WHERE " + table_ + " MATCH ?1 ORDER BY score DESC, rowid LIMIT ?3";
            {
                // Under the connection's (recursive) mutex, so that two threads sharing
                // a connection cannot both register the function; null and a no-op
                // when SQLite is built without threads, as in the browser.
#if defined(SQLITE_THREADSAFE) && SQLITE_THREADSAFE == 0
                // The browser build compiles SQLite without threads and without the mutex API.
#else
                struct Lock {
                    sqlite3_mutex* m;
                    explicit Lock(sqlite3_mutex* mx) : m(mx) { sqlite3_mutex_enter(m); }
                    ~Lock() { sqlite3_mutex_leave(m); }
                } lock(sqlite3_db_mutex(db_));
#endif
                rank_.emplace(db_, sql, std::nothrow);
                if (!rank_->ok() && std::strstr(sqlite3_errmsg(db_), "no such function")) {
                    register_rank(db_);  // the first query on this connection
                    rank_.reset();
                    rank_.emplace(db_, sql, std::nothrow);
                }
            }
            if (!rank_->ok()) fail(db_, "prepare");
            Stmt data(db_, "SELECT first, data FROM search_rank WHERE lang = ?");
            if (data.bind(1, code(lang_)).step()) {
                input_.first = data.integer(0);
                input_.data = data.bytes(1);
            }
        }
        input_.kinds = e.kinds;
        input_.clause = e.clause;
        Stmt& st = *rank_;
        st.bind(1, e.match).pointer(2, &input_, kRankInputType).bind(3, std::int64_t{limit});
        std::vector<std::pair<std::int64_t, double>> best;
        while (st.step()) best.emplace_back(st.integer(0), st.real(1));
        st.reset();

        Stmt& d = prepared(show_, "SELECT id, kind, title, url, summary FROM search_docs WHERE rowid = ?");
        std::vector<Hit> hits;
        for (auto& [rowid, score] : best) {
            if (d.bind(1, rowid).step()) {
                Hit h;
                h.id = d.text(0);
                h.kind = d.text(1);
                h.title = d.text(2);
                h.url = d.text(3);
                h.summary = d.text(4);
                h.weak = score < kConfidentBand;
                h.score = h.weak ? score : score - kConfidentBand;
                hits.push_back(std::move(h));
            }
            d.reset();
        }
        return hits;
    }

private:
    Stmt& prepared(std::optional<Stmt>& st, const std::string& sql) {
        if (!st) st.emplace(db_, sql);
        return *st;
    }

    sqlite3* db_;
    Lang lang_;
    std::string table_;
    std::optional<Stmt> exists_, typo_, rank_, show_;
    RankInput input_;
};

// The terms that matched, to highlight them in titles.
struct Marks {
    std::vector<std::string> exact;
    std::vector<std::string> prefix;
};

Marks marks_of(const std::vector<Clause>& clauses) {
    Marks m;
    for (auto& c : clauses)
        for (auto& a : c.alts)
            for (auto& p : a) {
                if (!p.prefix) m.exact.push_back(p.term);
                else if (p.term.size() > 1) m.prefix.push_back(p.term);  // not every word starting "p…"
            }
    return m;
}

bool marked(const std::string& folded, Lang lang, const Marks& m) {
    std::string s = text::stem(folded, lang);
    for (auto& e : m.exact)
        if (s == e) return true;
    for (auto& p : m.prefix)
        if (s.compare(0, p.size(), p) == 0 || folded.compare(0, p.size(), p) == 0) return true;
    return false;
}

std::string highlight(std::string_view title, Lang lang, const Marks& m) {
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    for (auto& t : text::tokenize(title))
        if (!text::is_stopword(t.text, lang) && marked(t.text, lang, m)) spans.emplace_back(t.begin, t.end);
    std::sort(spans.begin(), spans.end());
    std::string out;
    std::size_t at = 0;
    for (std::size_t i = 0; i < spans.size();) {
        auto [b, e] = spans[i];
        // A compound and its parts overlap: mark the widest run once.
        for (++i; i < spans.size() && spans[i].first <= e; ++i) e = std::max(e, spans[i].second);
        text::append_escaped_html(title.substr(at, b - at), out);
        out += "<mark>";
        text::append_escaped_html(title.substr(b, e - b), out);
        out += "</mark>";
        at = e;
    }
    text::append_escaped_html(title.substr(at), out);
    return out;
}

}  // namespace

std::vector<Hit> query(sqlite3* db, std::string_view q, Lang lang, int limit) {
    if (!db) throw std::runtime_error("search index: no database");
    if (limit <= 0) return {};
    limit = std::min(limit, kMaxLimit);
    std::string_view capped = cap(q);
    const std::vector<Word> words = parse(capped, lang, capped.size() < q.size());
    if (words.empty()) return {};

    Searcher s(db, lang);
    std::vector<Clause> clauses;
    for (auto& w : words) clauses.push_back(s.clause(w));
    auto all_possible = [&] {
        return std::all_of(clauses.begin(), clauses.end(), [](const Clause& c) { return !c.alts.empty(); });
    };

    // Every word must match.
    std::vector<Hit> hits;
    if (all_possible()) hits = s.run(combine(with_pairs(clauses), "AND"), limit);
    // Nothing: if the word being typed matches nothing at all it may be mistyped.
    if (hits.empty() && !clauses.back().checked) {
        Clause& last = clauses.back();
        last.checked = true;
        Expr e;
        append(e, last);
        if (!s.exists(e)) {
            s.correct(last);
            if (!last.alts.empty() && all_possible()) hits = s.run(combine(with_pairs(clauses), "AND"), limit);
        }
    }
    // Still nothing, because a word is unknown or the words never meet in one
    // document: any of them may match (documents with more of them rank first),
    // first in titles and keywords only, which is cheaper and usually enough.
    std::size_t usable = std::count_if(clauses.begin(), clauses.end(), [](const Clause& c) { return !c.alts.empty(); });
    if (hits.empty() && usable > 0 && (usable < clauses.size() || clauses.size() > 1)) {
        Expr any = combine(with_pairs(clauses), "OR");
        Expr head{"{title keywords} : (" + any.match + ")", any.kinds, any.clause};
        hits = s.run(head, limit);
        if (hits.empty()) hits = s.run(any, limit);
        // No document has all the words: whatever has some of them is a guess.
        for (auto& h : hits) h.weak = true;
    } else if (!hits.empty() && clauses.size() > 1 && usable == clauses.size() &&
               std::all_of(hits.begin(), hits.end(), [](const Hit& h) { return h.weak; })) {
        // Every document with all the words only mentions most of them in passing:
        // one with most of them in its title or keywords is the better guess ("PIN kods
        // id kartei" found only the ID card's page, whose body mentions PIN codes, and
        // not the PIN code service; "electronic signature not working" found only the
        // sickness benefit). Both lists are guesses, so they are merged by score.
        Expr any = combine(with_pairs(clauses), "OR");
        Expr head{"{title keywords} : (" + any.match + ")", any.kinds, any.clause};
        for (auto& h : s.run(head, limit)) {
            auto same = std::find_if(hits.begin(), hits.end(), [&](const Hit& o) { return o.id == h.id; });
            if (same == hits.end()) {
                h.weak = true;
                hits.push_back(std::move(h));
            } else {
                same->score = std::max(same->score, h.score);
            }
        }
        std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.score > b.score; });
        if (hits.size() > std::size_t(limit)) hits.resize(std::size_t(limit));
    }
    Marks marks = marks_of(clauses);
    for (auto& h : hits) h.title_html = highlight(h.title, lang, marks);
    return hits;
}

}  // namespace pietura::search
