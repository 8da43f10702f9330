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
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <string_view>
#include <vector>

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
        if (!bytes.instanceof(val::global("Uint8Array")))
            js::throw_error("TypeError", "SitePages expects the page pack as a Uint8Array");
        std::string error;
        {
            std::vector<std::uint8_t> buf = js::bytes_of(bytes);
            try {
                return pietura::site::Pages::from_pack(
                    std::string_view(reinterpret_cast<const char*>(buf.data()), buf.size()));
            } catch (const std::exception& e) {
                error = js::rejected(e.what());
            }
        }  // the copy is freed before the JS exception skips every C++ destructor
        js::throw_error("Error", error);
    }
    pietura::site::Pages pages_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(pietura_pages) {
    emscripten::class_<SitePages>("SitePages")
        .constructor<const val&>()
        .function("render", &SitePages::render)
        .function("contentVersion", &SitePages::contentVersion);
}
