// wasm/search_bindings.cpp — the browser API of search (issues 14 and 15). Exports
// only: the core searches, decides which hits are weak, and renders the results.
//
//   const s = new M.Search(new Uint8Array(snapshotBytes));
//   s.hits('pabalsts', 'lv', 100)   // → [{id, kind, title, titleHtml, url, summary, score, weak}]
//   s.resultsHtml('pabalsts', 'lv', 1, strings)  // → '<section id="live-results" …>…</section>'
//   s.delete()
//
// resultsHtml() is site/components/search_results, the same markup the reference
// server sends for /lv/meklet/?q=… without JavaScript; `strings` is the page's
// data-results-strings object (the keys of search_results_keys()). A Search holds
// its own copy of the snapshot: wasm/bindings.cpp's Catalogue is private to that file.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <map>
#include <stdexcept>
#include <vector>

#include "site/components/search_results/search_results.hpp"
#include "snapshot/snapshot.hpp"

using emscripten::val;
using pietura::Lang;

namespace {

[[noreturn]] void throw_js(const char* type, const std::string& message) {
    val::global(type).new_(message).throw_();
    __builtin_unreachable();
}

Lang lang_of(const std::string& lang) {
    auto l = pietura::parse_lang(lang);
    if (!l) throw std::invalid_argument("lang must be 'lv' or 'en'");
    return *l;
}

class Search {
public:
    explicit Search(const val& bytes) : cat_(load(bytes)) {}

    val hits(const std::string& query, const std::string& lang, int limit) const {
        return guard([&] {
            val out = val::array();
            int k = 0;
            for (auto& h : cat_.search(query, lang_of(lang), limit)) {
                val o = val::object();
                o.set("id", h.id);
                o.set("kind", h.kind);
                o.set("title", h.title);
                o.set("titleHtml", h.title_html);
                o.set("url", h.url);
                o.set("summary", h.summary);
                o.set("score", h.score);
                o.set("weak", h.weak);
                out.set(k++, o);
            }
            return out;
        });
    }

    std::string resultsHtml(const std::string& query, const std::string& lang, int page, const val& strings) const {
        return guard([&] {
            Lang l = lang_of(lang);
            if (page < 1) throw std::invalid_argument("page must be 1 or more");
            pietura::site::components::SearchResultsView v{query, cat_.search(query, l, pietura::search::kMaxHits), page};
            return pietura::site::components::search_results(strings_from(strings, l), l, v);
        });
    }

private:
    // A key the component needs and the page did not give is an error (Strings::get
    // throws), never a silent gap.
    static pietura::site::Strings strings_from(const val& o, Lang lang) {
        std::map<std::string, std::string> m;
        if (o.typeOf().as<std::string>() == "object" && !o.isNull()) {
            val keys = val::global("Object").call<val>("keys", o);
            for (unsigned i = 0, n = keys["length"].as<unsigned>(); i < n; ++i) {
                std::string k = keys[i].as<std::string>();
                if (o[k].isString()) m[k] = o[k].as<std::string>();
            }
        }
        return lang == Lang::lv ? pietura::site::Strings::from_maps(std::move(m), {})
                                : pietura::site::Strings::from_maps({}, std::move(m));
    }

    // A C++ exception must not reach JS as an opaque pointer; the JS one is thrown
    // after `f`'s locals are gone, as it skips C++ destructors on its way out.
    template <class F>
    static auto guard(F&& f) -> decltype(f()) {
        std::string error;
        const char* type = "Error";
        try {
            return f();
        } catch (const std::invalid_argument& e) {
            type = "RangeError";
            error = e.what();
        } catch (const std::exception& e) {
            error = e.what();
        }
        throw_js(type, error);
    }

    static pietura::snapshot::Catalogue load(const val& bytes) {
        if (!bytes.instanceof(val::global("Uint8Array"))) throw_js("TypeError", "Search expects the snapshot as a Uint8Array");
        std::string error;
        {
            std::vector<uint8_t> buf(bytes["length"].as<size_t>());
            val(emscripten::typed_memory_view(buf.size(), buf.data())).call<void>("set", bytes);
            try {
                return pietura::snapshot::Catalogue::from_bytes(buf.data(), buf.size());
            } catch (const std::exception& e) {
                error = e.what();
            }
        }
        throw_js("Error", error);
    }

    pietura::snapshot::Catalogue cat_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(pietura_search) {
    emscripten::class_<Search>("Search")
        .constructor<const val&>()
        .function("hits", &Search::hits)
        .function("resultsHtml", &Search::resultsHtml);
}
