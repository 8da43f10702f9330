// Answering a query: text → words → an expression over the postings → ranked hits
// with highlighted titles.
#include <algorithm>
#include <cstdint>
#include <map>
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

// What to look for: every clause (AND) or any of them (OR), in the columns `cols`.
// `word` is each clause's query word, for the ranking (RankPhrase::word).
struct Expr {
    std::vector<Clause> clauses;
    std::vector<unsigned char> word;
    bool any = false;
    unsigned cols = kColTitle | kColKeywords | kColBody;
};

// A prefix of one to three letters matches a large part of the vocabulary; in titles
// and keywords that still finds what people start typing, in the bodies it mostly
// finds noise, so short prefixes skip the body.
unsigned columns_of(const Phrase& p, unsigned cols) {
    return p.prefix && p.term.size() < kShortPrefix ? cols & kColHead : cols;
}

char kind_of(const Phrase& p) { return p.pair ? 'k' : p.surface ? (p.prefix ? 'q' : 's') : (p.prefix ? 'p' : 'e'); }

// All clauses joined by AND (`any` false) or OR; clauses without alternatives are left out.
Expr combine(const std::vector<Clause>& clauses, bool any) {
    Expr e;
    e.any = any;
    for (std::size_t i = 0; i < clauses.size(); ++i) {
        if (clauses[i].alts.empty()) continue;
        e.clauses.push_back(clauses[i]);
        e.word.push_back(static_cast<unsigned char>(i));  // at most kMaxWords
    }
    return e;
}

Expr one_clause(const Clause& c) {
    Expr e;
    e.clauses.push_back(c);
    e.word.push_back(0);
    return e;
}

// The same expression, looking only in titles and keywords.
Expr head_only(Expr e) {
    e.cols = kColHead;
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

// Upper bound of the key range holding every term that begins with `prefix`: the
// prefix with its last byte raised by one (terms compare bytewise). Empty if there is
// none (a prefix of 0xFF bytes only; terms never hold such bytes).
std::string after_prefix(std::string prefix) {
    while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xFF) prefix.pop_back();
    if (!prefix.empty()) prefix.back() = static_cast<char>(static_cast<unsigned char>(prefix.back()) + 1);
    return prefix;
}

class Searcher {
public:
    // Statements are prepared when first needed: most queries need few of them, and
    // preparing costs as much as running a simple one.
    Searcher(sqlite3* db, Lang lang) : db_(db), lang_(lang) {
        Stmt data(db_, "SELECT first, data FROM search_rank WHERE lang = ?");
        if (data.bind(1, code(lang_)).step()) {
            first_ = data.integer(0);
            rank_ = data.bytes(1);
        }
        docs_ = rank_.size() / 2;
    }

    bool exists(const Expr& e) {
        std::vector<RankPhrase> phrases;
        std::vector<std::vector<unsigned char>> cols;
        std::vector<unsigned char> matched = evaluate(e, phrases, cols);
        return std::any_of(matched.begin(), matched.end(), [](unsigned char m) { return m != 0; });
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

    // The word being typed is not checked here: the search itself finds out whether it
    // matches anything, and usually it does.
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
        if (!exists(one_clause(c))) correct(c);
        return c;
    }

    std::vector<Hit> run(const Expr& e, int limit) {
        std::vector<RankPhrase> phrases;
        std::vector<std::vector<unsigned char>> cols;
        std::vector<unsigned char> matched = evaluate(e, phrases, cols);

        struct Scored {
            bool confident;
            double score;
            std::size_t doc;
        };
        std::vector<Scored> scored;
        std::vector<unsigned char> row(phrases.size());
        for (std::size_t d = 0; d < docs_; ++d) {
            if (!matched[d]) continue;
            for (std::size_t p = 0; p < phrases.size(); ++p) row[p] = cols[p][d];
            int popularity = static_cast<unsigned char>(rank_[2 * d]);
            int title_words = static_cast<unsigned char>(rank_[2 * d + 1]);
            bool confident = true;
            double s = score(phrases, row.data(), popularity, title_words, confident);
            scored.push_back({confident, s, d});
        }
        // Every confident hit before every weak one (search.hpp), then by score; exact
        // ties to the lower rowid, the more popular document.
        auto better = [](const Scored& a, const Scored& b) {
            if (a.confident != b.confident) return a.confident;
            if (a.score != b.score) return a.score > b.score;
            return a.doc < b.doc;
        };
        std::size_t n = std::min(scored.size(), std::size_t(limit));
        std::partial_sort(scored.begin(), scored.begin() + std::ptrdiff_t(n), scored.end(), better);
        scored.resize(n);

        Stmt& d = prepared(show_, "SELECT id, kind, title, url, summary FROM search_docs WHERE rowid = ?");
        std::vector<Hit> hits;
        for (auto& s : scored) {
            if (d.bind(1, first_ + std::int64_t(s.doc)).step()) {
                Hit h;
                h.id = d.text(0);
                h.kind = d.text(1);
                h.title = d.text(2);
                h.url = d.text(3);
                h.summary = d.text(4);
                h.weak = !s.confident;
                h.score = s.score;
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

    // Per document of the language, the columns `p` occurs in (before any filter).
    const std::vector<unsigned char>& postings(const Phrase& p) {
        std::string key = (p.prefix ? "*" : "=") + p.term;
        auto cached = cache_.find(key);
        if (cached != cache_.end()) return cached->second;
        std::vector<unsigned char> out(docs_, 0);
        std::string hi = p.prefix ? after_prefix(p.term) : std::string();
        Stmt& st = !p.prefix ? prepared(exact_, "SELECT docs FROM search_postings WHERE lang = ?1 AND term = ?2")
                   : hi.empty()
                       ? prepared(open_range_, "SELECT docs FROM search_postings WHERE lang = ?1 AND term >= ?2")
                       : prepared(range_,
                                  "SELECT docs FROM search_postings WHERE lang = ?1 AND term >= ?2 AND term < ?3");
        st.bind(1, code(lang_)).bind(2, p.term);
        if (!hi.empty()) st.bind(3, hi);
        while (st.step()) decode(st.bytes_view(0), out);
        st.reset();
        return cache_.emplace(std::move(key), std::move(out)).first->second;
    }

    // Ors one term's postings into `out`. Postings of documents outside the language's
    // range (a damaged or hand-made file) are ignored; a cut-off varint is an error.
    void decode(std::string_view blob, std::vector<unsigned char>& out) const {
        std::uint64_t rowid = 0;
        std::size_t at = 0;
        while (at < blob.size()) {
            std::uint64_t v = 0;
            int shift = 0;
            for (;;) {
                if (at >= blob.size() || shift > 63) throw std::runtime_error("search index: damaged postings");
                unsigned char b = static_cast<unsigned char>(blob[at++]);
                v |= std::uint64_t(b & 0x7f) << shift;
                shift += 7;
                if (!(b & 0x80)) break;
            }
            rowid += v >> 3;
            std::uint64_t doc = rowid - std::uint64_t(first_);
            if (doc < docs_) out[std::size_t(doc)] |= static_cast<unsigned char>(v & 7);
        }
    }

    // Which documents match `e` (one byte per document, non-zero if it does), the
    // query's phrases in order with their rarity, and per phrase the columns it counts
    // in for each document: none where its alternative did not match there, as only
    // what matched says anything about the document.
    std::vector<unsigned char> evaluate(const Expr& e, std::vector<RankPhrase>& phrases,
                                        std::vector<std::vector<unsigned char>>& cols) {
        std::vector<unsigned char> matched(docs_, e.any ? 0 : 1);
        for (std::size_t ci = 0; ci < e.clauses.size(); ++ci) {
            std::vector<unsigned char> clause_ok(docs_, 0);
            for (const Alternative& a : e.clauses[ci].alts) {
                std::size_t from = cols.size();
                std::vector<unsigned char> alt_ok(docs_, 1);
                for (const Phrase& p : a) {
                    const std::vector<unsigned char>& base = postings(p);
                    unsigned filter = columns_of(p, e.cols);
                    std::vector<unsigned char> c(docs_);
                    std::int64_t with = 0;
                    for (std::size_t d = 0; d < docs_; ++d) {
                        c[d] = static_cast<unsigned char>(base[d] & filter);
                        if (c[d]) ++with;
                        else alt_ok[d] = 0;
                    }
                    char kind = kind_of(p);
                    phrases.push_back({kind, e.word[ci], phrase_idf(kind, with, std::int64_t(docs_))});
                    cols.push_back(std::move(c));
                }
                for (std::size_t k = from; k < cols.size(); ++k)
                    for (std::size_t d = 0; d < docs_; ++d)
                        if (!alt_ok[d]) cols[k][d] = 0;
                for (std::size_t d = 0; d < docs_; ++d) clause_ok[d] |= alt_ok[d];
            }
            for (std::size_t d = 0; d < docs_; ++d)
                matched[d] = e.any ? (matched[d] | clause_ok[d]) : (matched[d] & clause_ok[d]);
        }
        if (e.clauses.empty()) std::fill(matched.begin(), matched.end(), 0);
        return matched;
    }

    sqlite3* db_;
    Lang lang_;
    std::int64_t first_ = 0;
    std::string rank_;      // search_rank's data: two bytes per document
    std::size_t docs_ = 0;  // documents of the language
    std::optional<Stmt> typo_, show_, exact_, range_, open_range_;
    std::map<std::string, std::vector<unsigned char>> cache_;
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
    if (all_possible()) hits = s.run(combine(with_pairs(clauses), false), limit);
    // Nothing: if the word being typed matches nothing at all it may be mistyped.
    if (hits.empty() && !clauses.back().checked) {
        Clause& last = clauses.back();
        last.checked = true;
        if (!s.exists(one_clause(last))) {
            s.correct(last);
            if (!last.alts.empty() && all_possible()) hits = s.run(combine(with_pairs(clauses), false), limit);
        }
    }
    // Still nothing, because a word is unknown or the words never meet in one
    // document: any of them may match (documents with more of them rank first),
    // first in titles and keywords only, which is cheaper and usually enough.
    std::size_t usable = std::count_if(clauses.begin(), clauses.end(), [](const Clause& c) { return !c.alts.empty(); });
    if (hits.empty() && usable > 0 && (usable < clauses.size() || clauses.size() > 1)) {
        Expr any = combine(with_pairs(clauses), true);
        hits = s.run(head_only(any), limit);
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
        for (auto& h : s.run(head_only(combine(with_pairs(clauses), true)), limit)) {
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
