// wasm/bindings.cpp — the browser API of the core. Exports only: every answer is
// computed by the core library; this file converts between JS values and C++.
//
//   const M = await createPietura({ locateFile: f => '/assets/' + f });
//   const cat = new M.Catalogue(new Uint8Array(await (await fetch('/catalogue.sqlite')).arrayBuffer()));
//   cat.search('pabalsts', 'lv', 10)   // → [{id, kind, title, titleHtml, url, summary, score}]
//   cat.openingStatus('vpvkac-cesis', Date.now(), 'lv')  // → {state, text, hours} or null
//   cat.contentVersion()               // → "3f2a…"
//   cat.delete()                       // frees the database (embind objects are not GC'd)
//
// The snapshot arrives as a Uint8Array and is copied straight into the heap: it must
// never pass through a JS string, which would mangle bytes ≥ 128.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <stdexcept>
#include <vector>

#include "snapshot/snapshot.hpp"

using emscripten::val;
using pietura::Lang;

namespace {

class Catalogue {
public:
    explicit Catalogue(const val& bytes) : cat_(load(bytes)) {}

    val search(const std::string& query, const std::string& lang, int limit) const {
        auto l = pietura::parse_lang(lang);
        val out = val::array();
        if (!l) return out;
        if (limit < 1) limit = 1;
        if (limit > 100) limit = 100;
        int k = 0;
        for (auto& h : cat_.search(query, *l, limit)) {
            val o = val::object();
            o.set("id", h.id);
            o.set("kind", h.kind);
            o.set("title", h.title);
            o.set("titleHtml", h.title_html);
            o.set("url", h.url);
            o.set("summary", h.summary);
            o.set("score", h.score);
            out.set(k++, o);
        }
        return out;
    }

    // `nowMs` is Date.now(): the core turns it into Latvian time itself, whatever
    // time zone the browser or PC is set to.
    val openingStatus(const std::string& id, double nowMs, const std::string& lang) const {
        auto l = pietura::parse_lang(lang);
        if (!l) return val::null();
        auto s = cat_.opening_status(id, static_cast<std::int64_t>(nowMs / 1000.0), *l);
        if (!s) return val::null();
        val o = val::object();
        o.set("state", s->state);
        o.set("text", s->text);
        o.set("hours", s->hours);
        return o;
    }

    std::string contentVersion() const { return cat_.meta("content_version"); }
    int count(const std::string& table) const { return cat_.count(table); }

private:
    static pietura::snapshot::Catalogue load(const val& bytes) {
        if (!bytes.instanceof(val::global("Uint8Array")))
            val::global("TypeError").new_(std::string("Catalogue expects the snapshot as a Uint8Array")).throw_();
        std::vector<uint8_t> buf(bytes["length"].as<size_t>());
        // One bulk copy into the heap, no per-byte conversion.
        val(emscripten::typed_memory_view(buf.size(), buf.data())).call<void>("set", bytes);
        try {
            return pietura::snapshot::Catalogue::from_bytes(buf.data(), buf.size());
        } catch (const std::exception& e) {
            // Surface a real JS Error with the reason, not an opaque exception pointer.
            val::global("Error").new_(std::string("Pietura snapshot rejected: ") + e.what()).throw_();
        }
    }
    pietura::snapshot::Catalogue cat_;
};

std::string version() { return PIETURA_VERSION; }

}  // namespace

EMSCRIPTEN_BINDINGS(pietura) {
    emscripten::function("version", &version);
    emscripten::class_<Catalogue>("Catalogue")
        .constructor<const val&>()
        .function("search", &Catalogue::search)
        .function("openingStatus", &Catalogue::openingStatus)
        .function("contentVersion", &Catalogue::contentVersion)
        .function("count", &Catalogue::count);
}
