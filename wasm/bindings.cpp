// wasm/bindings.cpp — the browser API of the core. Exports only: every answer is
// computed by the core library; this file converts between JS values and C++.
//
//   const M = await createPietura({ locateFile: f => '/assets/' + f });
//   const cat = new M.Catalogue(new Uint8Array(await (await fetch('/catalogue.sqlite')).arrayBuffer()));
//   cat.search('pabalsts', 'lv', 10)   // → [{id, kind, title, titleHtml, url, summary, score}]
//   cat.openingStatus('vpvkac-cesis', Date.now(), 'lv')  // → {state, text, hours} or null
//   cat.contentVersion()               // → "3f2a…"
//   cat.slots('vsaa', 'vpvkac-cesis', '2026-11-23', 7, Date.now(), 'lv')  // → [{start, end, free, date, time}] or null
//   cat.nearest(57.31, 25.27, 5, 'lv', Date.now())  // → [{id, distance}] closest first
//   M.validateBooking({name, phone, email, lang, ...})  // → [{field, code, message}]
//   M.maskComment('zvaniet 29123456')  // → 'zvaniet ***'
//   cat.delete()                       // frees the database (embind objects are not GC'd)
//
// The snapshot arrives as a Uint8Array and is copied straight into the heap: it must
// never pass through a JS string, which would mangle bytes ≥ 128.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "booking/booking.hpp"
#include "rating/rating.hpp"
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

    // Bookable slots in Riga time from the snapshot's schedule; the seats other
    // people took are known only to the server, which has the last word.
    val slots(const std::string& institution, const std::string& contact_point, const std::string& from, int days,
              double nowMs, const std::string& lang) const {
        auto offer = pietura::booking::Offer::load(cat_, institution, contact_point);
        auto l = pietura::parse_lang(lang);
        auto first = pietura::hours::Date::parse(from);
        if (!offer || !l || !first) return val::null();
        val out = val::array();
        int k = 0;
        for (auto& s : offer->slots(*first, std::clamp(days, 1, 120), static_cast<std::int64_t>(nowMs / 1000.0))) {
            auto t = pietura::hours::to_riga(s.start);
            val o = val::object();
            o.set("start", double(s.start) * 1000.0);
            o.set("end", double(s.end) * 1000.0);
            o.set("free", s.free);
            o.set("date", t.date.iso());
            o.set("time", pietura::hours::format_minutes(t.minute_of_day(), *l));
            out.set(k++, o);
        }
        return out;
    }

    // Contact points nearest to a point, closest first (ids and metres), with the
    // same lookup as `pietura nearest`; the booking form orders its list with it.
    val nearest(double lat, double lon, int n, const std::string& lang, double nowMs) const {
        auto l = pietura::parse_lang(lang);
        val out = val::array();
        if (!l) return out;
        int k = 0;
        for (auto& nb : cat_.nearest({lat, lon}, std::clamp(n, 1, 1000), *l, static_cast<std::int64_t>(nowMs / 1000.0))) {
            val o = val::object();
            o.set("id", nb.id);
            o.set("distance", nb.distance_m);
            out.set(k++, o);
        }
        return out;
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

std::string field(const val& o, const char* key) {
    val v = o[key];
    return v.isString() ? v.as<std::string>() : std::string();
}

val errors_to_js(const std::vector<pietura::booking::FieldError>& errors) {
    val out = val::array();
    int k = 0;
    for (auto& e : errors) {
        val o = val::object();
        o.set("field", e.field);
        o.set("code", e.code);
        o.set("message", e.message);
        out.set(k++, o);
    }
    return out;
}

// The same checks the server makes, so the form can say what is wrong before sending.
val validateBooking(const val& o) {
    pietura::booking::Request r;
    r.institution = field(o, "institution");
    r.topic = field(o, "topic");
    r.contact_point = field(o, "contact_point");
    val start = o["start"];
    r.start = start.isNumber() ? static_cast<std::int64_t>(start.as<double>() / 1000.0) : 0;
    r.name = field(o, "name");
    r.phone = field(o, "phone");
    r.email = field(o, "email");
    r.lang = field(o, "lang");
    r.note = field(o, "note");
    r.accessibility = field(o, "accessibility");
    return errors_to_js(pietura::booking::validate(r));
}

std::string maskComment(const std::string& text) { return pietura::rating::mask(text); }

}  // namespace

EMSCRIPTEN_BINDINGS(pietura) {
    emscripten::function("version", &version);
    emscripten::function("validateBooking", &validateBooking);
    emscripten::function("maskComment", &maskComment);
    emscripten::class_<Catalogue>("Catalogue")
        .constructor<const val&>()
        .function("search", &Catalogue::search)
        .function("openingStatus", &Catalogue::openingStatus)
        .function("slots", &Catalogue::slots)
        .function("nearest", &Catalogue::nearest)
        .function("contentVersion", &Catalogue::contentVersion)
        .function("count", &Catalogue::count);
}
