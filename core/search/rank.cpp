// The ranking function: how well one document answers one query.
//
// Why not the classic bm25 (SQLite FTS5's, Lucene's): it adds the column weights up
// *before* saturating the term frequency, so a word in the title scores barely more
// than the same word among the keywords, and its length normalisation counts the
// whole document, so a service with a long description loses to one with a short
// description by more than popularity can make up. Catalogue entries are short and
// a word rarely repeats, so here each query term simply counts by where it occurs:
//
//   score = (Σ over terms  idf × (6 if in the title + 4 if in the keywords + 1 if in the body)
//            + Σ over keyword pairs of the query found  idf × 16)
//           × (1 + ½ × terms found in the title / words in the title)
//           × (1 + popularity / 200)
//
// A hit where no more than half the query words occur in its title or keywords is
// weak: it mentions the rest in passing, or not at all. Every confident hit ranks
// above every weak one, whatever their scores (query.cpp sorts them so).
//
// A word as typed ("deklarācija") is a term of its own besides its stem, found only
// in titles: a title with exactly that form gets its idf × 6 on top. Two query words
// in a row that are two words in a row of one keyword entry (a keyword pair, see
// detail.hpp) get the pair's idf × kWeightPair on top: the query is one of the
// document's own names for itself.
// The title factor prefers "Slimības pabalsts" to "Slimības pabalsts pašnodarbinātajiem"
// for "slimības pabalsts". Popularity (0..100) scales by at most half, so it decides
// between matches of about the same quality but cannot lift a body match over a
// title match; exact ties go to the lower rowid, which the index gives the more
// popular document.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "search/detail.hpp"

namespace pietura::search::detail {
namespace {

// The rarity given to a prefix: that of a term in about a third of the documents.
// Counting a prefix's own documents would mean merging the postings of every term
// that begins with it just for the count; the middling value ranks well enough.
constexpr double kPrefixIdf = 1.0;

}  // namespace

double phrase_idf(char kind, std::int64_t with, std::int64_t rows) {
    if (kind == 'p' || kind == 'q') return kPrefixIdf;
    // Never negative, unlike classic bm25 idf: a term in most documents still counts a little.
    return std::log(1.0 + (double(rows - with) + 0.5) / (double(with) + 0.5));
}

double score(const std::vector<RankPhrase>& phrases, const unsigned char* cols, int popularity, int title_words,
             bool& confident) {
    double s = 0;
    int in_title = 0;
    // Query words as bits (a query has at most a handful; any beyond 63 share the last).
    std::uint64_t asked = 0, found = 0;  // found: in the title or keywords
    for (std::size_t p = 0; p < phrases.size(); ++p) {
        const RankPhrase& ph = phrases[p];
        unsigned c = cols[p];
        std::uint64_t word = std::uint64_t(1) << std::min<unsigned>(ph.word, 63);
        asked |= word;
        if (ph.kind == 'k') {
            s += c ? ph.idf * kWeightPair : 0;
            continue;
        }
        bool surface = ph.kind == 'q' || ph.kind == 's';
        if ((c & kColTitle) && !surface) ++in_title;
        if (c & kColHead) found |= word;
        s += ph.idf * ((c & kColTitle ? kWeightTitle : 0) + (c & kColKeywords ? kWeightKeywords : 0) +
                       (c & kColBody ? kWeightBody : 0));
    }
    if (in_title > 0 && title_words > 0) s *= 1.0 + 0.5 * std::min(1.0, double(in_title) / title_words);
    s *= 1.0 + popularity / 200.0;
    // Weak unless more than half the query words are in the title or keywords:
    // "kā pieteikties slimības pabalstam" is about the benefit even though
    // "pieteikties" is only in its description, while "laulības reģistrēšana" is
    // not answered by a marriage contract whose body mentions registering.
    int words = __builtin_popcountll(asked), strong = __builtin_popcountll(found);
    confident = words == 0 || 2 * strong > words;
    return s;
}

}  // namespace pietura::search::detail
