// wasm/pages_bindings.cpp — the page renderer for the offline copy (issue 13). Exports
// only: the pages are core/site's, read from the page pack `pietura build` writes
// (site-pack.jsonl: the checked content, the UI strings and the build's options).
//
// The service worker keeps the pack instead of every page of a national catalogue
// (3,400 services × 2 languages), and renders a page the citizen never visited when
// it is asked for offline — the same bytes `pietura build` wrote for that address:
//
//   const pages = new M.SitePages(new Uint8Array(await (await cache.match('/site-pack.jsonl')).arrayBuffer()));
//   pages.render('/lv/pakalpojumi/vsaa-slimibas-pabalsts/')  // → the page's HTML; '' for an address with no page
//   pages.contentVersion()                                   // → the build the pack came from
//   pages.delete()
//
// A damaged pack is refused with Error("Pietura snapshot rejected: …"); a bad argument
// is a TypeError. Nothing here knows a page type: that is site::Pages.
//
// The worker also applies an update's deltas here (issue 13; core/delta does it all):
//
//   M.applyDelta(heldBytes, deltaBytes)  // → the new file as a Uint8Array, or
//                                        //   Error("delta rejected: …") for a delta that does not fit
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "delta/delta.hpp"
#include "js_values.hpp"
#include "site/site.hpp"

namespace {

using emscripten::val;
namespace js = pietura::wasm;

class SitePages {
public:
    explicit SitePages(const val& bytes) : pages_(load(bytes)) {}

    std::string render(const std::string& url) const {
        return js::guard([&] {
            auto page = pages_.render(url);
            return page ? page->html : std::string();
        });
    }
    std::string contentVersion() const { return pages_.content_version(); }

private:
    static pietura::site::Pages load(const val& bytes) {
        return js::from_bytes(bytes, "SitePages expects the page pack as a Uint8Array",
                              [](std::string_view pack) { return pietura::site::Pages::from_pack(pack); });
    }
    pietura::site::Pages pages_;
};

// The delta's message as the core gives it ("delta rejected: …"): not a snapshot's.
std::string as_is(const std::string& why) { return why; }

// Issue 13: an update's delta (core/delta) applied to the file the copy holds.
val applyDelta(const val& old, const val& delta) {
    if (!delta.instanceof(val::global("Uint8Array"))) js::throw_error("TypeError", "applyDelta expects the delta as a Uint8Array");
    return js::from_bytes(
        old, "applyDelta expects the old file as a Uint8Array",
        [&](std::string_view base) {
            std::vector<std::uint8_t> d = js::bytes_of(delta);
            std::string next =
                pietura::delta::apply(base, std::string_view(reinterpret_cast<const char*>(d.data()), d.size()));
            // slice(): a JS-owned copy, as the view into the module's memory dies with `next`.
            return val(emscripten::typed_memory_view(next.size(), reinterpret_cast<const std::uint8_t*>(next.data())))
                .call<val>("slice");
        },
        as_is);
}

}  // namespace

EMSCRIPTEN_BINDINGS(pietura_pages) {
    emscripten::function("applyDelta", &applyDelta);
    emscripten::class_<SitePages>("SitePages")
        .constructor<const val&>()
        .function("render", &SitePages::render)
        .function("contentVersion", &SitePages::contentVersion);
}
