// The ranking function, an FTS5 auxiliary function registered on first use.
//
// Why not FTS5's bm25(): it adds the column weights up *before* saturating the term
// frequency, so a word in the title scores barely more than the same word among the
// keywords, and its length normalisation counts the whole document, so a service
// with a long description loses to one with a short description by more than
// popularity can make up. Catalogue entries are short and a word rarely repeats,
// so here each query term simply counts by where it occurs:
//
//   score = (Σ over terms  idf × (6 if in the title + 4 if in the keywords + 1 if in the body)
//            + Σ over keyword pairs of the query found  idf × 16)
//           × (1 + ½ × terms found in the title / words in the title)
//           × (1 + popularity / 200)
//
// A hit where no more than half the query words occur in its title or keywords is
// weak: it mentions the rest in passing, or not at all. Every confident hit ranks
// above every weak one, whatever their scores (kConfidentBand in detail.hpp).
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
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "search/detail.hpp"

namespace pietura::search::detail {
namespace {

// The rarity given to a prefix: that of a term in about a third of the documents.
constexpr double kPrefixIdf = 1.0;

struct QueryStats {
    std::vector<double> idf;    // per phrase of the query
    std::vector<bool> pair;     // the phrase is a keyword pair ('k'): counts kWeightPair where found
    std::vector<bool> surface;  // the phrase is a word as written ('q', 's'): not counted as a title word
};

int count_row(const Fts5ExtensionApi*, Fts5Context*, void* user) {
    ++*static_cast<sqlite3_int64*>(user);
    return SQLITE_OK;
}

void delete_stats(void* p) { delete static_cast<QueryStats*>(p); }

// Rarity of each phrase among this language's documents, computed once per query.
// A prefix ('p', 'q' in `kinds`) gets a middling, fixed rarity instead: FTS5 merges
// the postings of every term with that prefix each time it is asked, so counting its
// documents would double the cost of the search.
int stats_for(const Fts5ExtensionApi* api, Fts5Context* fts, std::string_view kinds, QueryStats** out) {
    if (auto* s = static_cast<QueryStats*>(api->xGetAuxdata(fts, 0))) {
        *out = s;
        return SQLITE_OK;
    }
    auto owned = std::make_unique<QueryStats>();
    sqlite3_int64 rows = 0;
    int rc = api->xRowCount(fts, &rows);
    for (int i = 0, n = api->xPhraseCount(fts); rc == SQLITE_OK && i < n; ++i) {
        char kind = std::size_t(i) < kinds.size() ? kinds[i] : 'e';
        if (kind == 'p' || kind == 'q') {
            owned->idf.push_back(kPrefixIdf);
            owned->surface.push_back(kind == 'q');
            owned->pair.resize(owned->idf.size());
            continue;
        }
        owned->surface.push_back(kind == 's');
        owned->pair.resize(owned->idf.size() + 1);
        owned->pair.back() = kind == 'k';
        sqlite3_int64 with = 0;
        rc = api->xQueryPhrase(fts, i, &with, count_row);
        // Never negative, unlike classic bm25 idf: a term in most documents still counts a little.
        owned->idf.push_back(std::log(1.0 + (double(rows - with) + 0.5) / (double(with) + 0.5)));
    }
    if (rc != SQLITE_OK) return rc;
    *out = owned.get();
    return api->xSetAuxdata(fts, owned.release(), delete_stats);  // frees it itself on failure
}

// pietura_rank(table, input): see the top of this file, stats_for() and RankInput.
void rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    try {
        RankInput* in = argc > 0 ? static_cast<RankInput*>(sqlite3_value_pointer(argv[0], kRankInputType)) : nullptr;
        QueryStats* stats = nullptr;
        int rc = stats_for(api, fts, in ? std::string_view(in->kinds) : std::string_view(), &stats);
        if (rc != SQLITE_OK) {
            sqlite3_result_error_code(ctx, rc);
            return;
        }
        int popularity = 0, title_size = 0;
        if (in) {
            // `first` comes from the file: subtract without overflowing on any value.
            std::int64_t rowid = api->xRowid(fts);
            if (rowid >= in->first) {
                std::uint64_t i = std::uint64_t(rowid) - std::uint64_t(in->first);
                if (i < in->data.size() / 2) {
                    popularity = static_cast<unsigned char>(in->data[std::size_t(i) * 2]);
                    title_size = static_cast<unsigned char>(in->data[std::size_t(i) * 2 + 1]);
                }
            }
        }
        // Which columns each phrase occurs in, straight from the index's column lists.
        double score = 0;
        int in_title = 0;
        // Per query word (RankInput::clause): found in the title or keywords.
        bool found[256] = {};
        for (std::size_t p = 0; p < stats->idf.size(); ++p) {
            Fts5PhraseIter it;
            int col = -1;
            unsigned c = 0;
            if (api->xPhraseFirstColumn(fts, int(p), &it, &col) != SQLITE_OK) continue;
            for (; col >= 0; api->xPhraseNextColumn(fts, &it, &col))
                if (col < 3) c |= 1u << col;
            if (p < stats->pair.size() && stats->pair[p]) {
                score += c ? stats->idf[p] * kWeightPair : 0;
                continue;
            }
            if ((c & 1u) && !stats->surface[p]) ++in_title;
            if (in && p < in->clause.size() && (c & 3u)) found[static_cast<unsigned char>(in->clause[p])] = true;
            score += stats->idf[p] * ((c & 1u ? kWeightTitle : 0) + (c & 2u ? kWeightKeywords : 0) +
                                      (c & 4u ? kWeightBody : 0));
        }
        if (in_title > 0 && title_size > 0) score *= 1.0 + 0.5 * std::min(1.0, double(in_title) / title_size);
        score *= 1.0 + popularity / 200.0;
        bool confident = true;
        if (in && !in->clause.empty()) {
            // Weak unless more than half the query words are in the title or keywords:
            // "kā pieteikties slimības pabalstam" is about the benefit even though
            // "pieteikties" is only in its description, while "laulības reģistrēšana" is
            // not answered by a marriage contract whose body mentions registering.
            int words = 0, strong = 0;
            for (unsigned w = 0; w < 256; ++w)
                if (in->clause.find(static_cast<char>(w)) != std::string::npos) {
                    ++words;
                    if (found[w]) ++strong;
                }
            confident = 2 * strong > words;
        }
        // Real scores stay far below the band (idf is about ln of twice the number of
        // documents, times 11 per phrase and a few dozen phrases at most); the cap only
        // keeps a weak row out of the confident band whatever the index holds.
        score = std::min(score, kConfidentBand / 2);
        sqlite3_result_double(ctx, confident ? score + kConfidentBand : score);
    } catch (...) {  // never let an exception cross into SQLite's C frames
        sqlite3_result_error_nomem(ctx);
    }
}

}  // namespace

void register_rank(sqlite3* db) {
    fts5_api* api = nullptr;
    {
        Stmt st(db, "SELECT fts5(?1)");
        st.pointer(1, static_cast<void*>(&api), "fts5_api_ptr");
        st.step();
    }
    if (!api || api->iVersion < 2) throw std::runtime_error("search index: this SQLite has no FTS5");
    if (api->xCreateFunction(api, kRankFunction, nullptr, rank, nullptr) != SQLITE_OK)
        fail(db, "registering the ranking function");
}

}  // namespace pietura::search::detail
