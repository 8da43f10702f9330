// wasm/shard_bindings.cpp — the search shard for the browser (issue 13). Exports only,
// like bindings.cpp: the shard is core/snapshot's SearchShard, the hits core/search's,
// the results markup core/site's search_results component.
//
//   const shard = new M.SearchShard(new Uint8Array(await (await fetch('/search-lv.sqlite')).arrayBuffer()), 'lv');
//   shard.search('pabalsts', 'lv', 10)             // → as Catalogue#search: [{id, kind, title, titleHtml, url,
//                                                  //   summary, score, weak}], the same hits
//   shard.resultsHtml('pabalsts', 'lv', 1, strings) // → as Catalogue#resultsHtml
//   shard.resultsCount(3, 'lv', strings)           // → "3 rezultāti", as Catalogue#resultsCount
//   shard.contentVersion()                         // → the build it came from
//   shard.lang()                                   // → 'lv'
//   shard.delete()
//
// A damaged shard, a whole snapshot or the other language's shard is refused with
// Error("Pietura snapshot rejected: …"); a bad argument is a RangeError or TypeError.
// The helpers that turn JS values into the core's and back are shared with the
// Catalogue's exports through wasm/js_values.hpp.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "js_values.hpp"
#include "site/components/search_results/search_results.hpp"
#include "snapshot/snapshot.hpp"

namespace {

using emscripten::val;
using pietura::Lang;
namespace js = pietura::wasm;

Lang lang_or_throw(const std::string& lang) {
    auto l = pietura::parse_lang(lang);
    if (!l) throw std::invalid_argument("lang must be 'lv' or 'en'");
    return *l;
}

class SearchShard {
public:
    SearchShard(const val& bytes, const std::string& lang) : shard_(load(bytes, lang)) {}

    val search(const std::string& query, const std::string& lang, int limit) const {
        return js::guard([&] {
            return js::hits(shard_.search(query, lang_or_throw(lang), std::clamp(limit, 1, pietura::search::kMaxHits)));
        });
    }
    std::string resultsHtml(const std::string& query, const std::string& lang, int page, const val& strings) const {
        return js::guard([&] {
            Lang l = lang_or_throw(lang);
            if (page < 1) throw std::invalid_argument("page must be 1 or more");
            pietura::site::components::SearchResultsView v{query, shard_.search(query, l, pietura::search::kMaxHits),
                                                           page};
            return pietura::site::components::search_results(js::strings_from(strings, l), l, v);
        });
    }
    std::string resultsCount(double n, const std::string& lang, const val& strings) const {
        return js::guard([&] { return js::results_count(n, lang_or_throw(lang), strings); });
    }
    std::string contentVersion() const {
        return js::guard([&] { return shard_.content_version(); });
    }
    std::string lang() const { return std::string(pietura::code(shard_.lang())); }

private:
    static pietura::snapshot::SearchShard load(const val& bytes, const std::string& lang) {
        auto l = pietura::parse_lang(lang);
        if (!l) js::throw_error("RangeError", "lang must be 'lv' or 'en'");
        return js::from_bytes(bytes, "SearchShard expects the shard as a Uint8Array", [&](std::string_view b) {
            return pietura::snapshot::SearchShard::from_bytes(reinterpret_cast<const uint8_t*>(b.data()), b.size(), *l);
        });
    }
    pietura::snapshot::SearchShard shard_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(pietura_shard) {
    emscripten::class_<SearchShard>("SearchShard")
        .constructor<const val&, const std::string&>()
        .function("search", &SearchShard::search)
        .function("resultsHtml", &SearchShard::resultsHtml)
        .function("resultsCount", &SearchShard::resultsCount)
        .function("contentVersion", &SearchShard::contentVersion)
        .function("lang", &SearchShard::lang);
}
