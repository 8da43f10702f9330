// Target 3: the search query path against a real snapshot (built from content/ at
// build time). Input: what a citizen types into the search box.
//
// Promises checked (search.hpp): any query text is safe — no exception, at most
// `limit` hits, each with an id and a title.
#include <cstdint>
#include <string_view>

#include "fuzz_common.hpp"
#include "search/search.hpp"
#include "snapshot/snapshot.hpp"

namespace {
const pietura::snapshot::Catalogue& catalogue() {
    static const auto cat = pietura::snapshot::Catalogue::open(fuzz::snapshot_path());
    return cat;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view q(reinterpret_cast<const char*>(data), size);
    for (auto lang : {pietura::Lang::lv, pietura::Lang::en}) {
        std::vector<pietura::search::Hit> hits;
        try {
            hits = catalogue().search(q, lang, 10);
        } catch (const std::exception& e) {
            fuzz::broken("search::query never throws on a snapshot with an index", std::string(q) + ": " + e.what());
        }
        if (hits.size() > 10) fuzz::broken("at most `limit` hits", std::string(q));
        for (auto& h : hits)
            if (h.id.empty() || h.title.empty()) fuzz::broken("every hit has an id and a title", std::string(q));
    }
    return 0;
}
