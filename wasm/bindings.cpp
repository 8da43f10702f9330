// wasm/bindings.cpp — the browser API of the core. Exports only: every answer is
// computed by the core library; this file converts between JS values and C++.
//
//   const M = await createPietura({ locateFile: f => '/assets/' + f });
//   const cat = new M.Catalogue(new Uint8Array(await (await fetch('/catalogue.sqlite')).arrayBuffer()));
//   cat.search('pabalsts', 'lv', 10)   // → [{id, kind, title, titleHtml, url, summary, score}]
//   cat.openingStatus('vpvkac-cesis', Date.now(), 'lv')  // → {state, text, hours} or null
//   cat.findPlaces('cesis', 'lv', 8)   // → [{id, kind, name, territory, lat, lon}]
//   cat.territories('lv')              // → the same, every municipality with its centre
//   cat.nearest(57.31, 25.27, {limit: 5, service, remote, openNow, saturday, after17, stepFree},
//               Date.now(), 'lv')      // → [{id, name, url, distanceM, status, ...}]
//   cat.days('vpvkac-cesis', Date.now(), 'lv', 7)  // → [{date, weekday, hours, open, note}]
//   cat.contentVersion()               // → "3f2a…"
//   cat.slots('vsaa', 'vpvkac-cesis', '2026-11-23', 7, Date.now(), 'lv')  // → [{start, end, free, date, time}] or null
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

    // The JS API: each call runs guarded (see guard()).
    val search(const std::string& query, const std::string& lang, int limit) const {
        return guard([&] { return search_(query, lang, limit); });
    }
    val openingStatus(const std::string& id, double nowMs, const std::string& lang) const {
        return guard([&] { return openingStatus_(id, nowMs, lang); });
    }
    val findPlaces(const std::string& query, const std::string& lang, int limit) const {
        return guard([&] { return findPlaces_(query, lang, limit); });
    }
    val territories(const std::string& lang) const {
        return guard([&] { return territories_(lang); });
    }
    val nearest(double lat, double lon, const val& options, double nowMs, const std::string& lang) const {
        return guard([&] { return nearest_(lat, lon, options, nowMs, lang); });
    }
    val slots(const std::string& institution, const std::string& contact_point, const std::string& from, int days,
              double nowMs, const std::string& lang) const {
        return guard([&] { return slots_(institution, contact_point, from, days, nowMs, lang); });
    }
    val days(const std::string& id, double nowMs, const std::string& lang, int count) const {
        return guard([&] { return days_(id, nowMs, lang, count); });
    }
    std::string contentVersion() const {
        return guard([&] { return contentVersion_(); });
    }
    int count(const std::string& table) const {
        return guard([&] { return count_(table); });
    }

private:
    val search_(const std::string& query, const std::string& lang, int limit) const {
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
    val openingStatus_(const std::string& id, double nowMs, const std::string& lang) const {
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

    val findPlaces_(const std::string& query, const std::string& lang, int limit) const {
        auto l = pietura::parse_lang(lang);
        val out = val::array();
        if (!l) return out;
        int k = 0;
        for (auto& p : cat_.find_places(query, *l, limit)) out.set(k++, place(p));
        return out;
    }

    val territories_(const std::string& lang) const {
        auto l = pietura::parse_lang(lang);
        val out = val::array();
        if (!l) return out;
        int k = 0;
        for (auto& p : cat_.territories(*l)) out.set(k++, place(p));
        return out;
    }

    // Filters come as one options object so adding one never breaks callers.
    val nearest_(double lat, double lon, const val& options, double nowMs, const std::string& lang) const {
        auto l = pietura::parse_lang(lang);
        if (!l) throw_error("RangeError", "lang must be 'lv' or 'en'");
        pietura::snapshot::Catalogue::NearestQuery q;
        q.from = {lat, lon};
        if (!options.isNull() && !options.isUndefined() && options.typeOf().as<std::string>() == "object") {
            auto get = [&](const char* key) { return options[key]; };
            if (get("limit").isNumber()) q.limit = get("limit").as<int>();
            if (get("service").isString()) q.service = get("service").as<std::string>();
            if (get("remote").isString()) q.remote_institution = get("remote").as<std::string>();
            q.open_now = get("openNow").isTrue();
            q.open_saturday = get("saturday").isTrue();
            q.open_after_17 = get("after17").isTrue();
            q.step_free = get("stepFree").isTrue();
        }
        auto found = cat_.nearest(q, *l, static_cast<std::int64_t>(nowMs / 1000.0));
        val out = val::array();
        int k = 0;
        for (auto& f : found) {
            val o = val::object();
            o.set("id", f.id);
            o.set("name", f.name);
            o.set("url", f.url);
            o.set("address", f.address);
            o.set("phone", f.phone);
            o.set("email", f.email);
            o.set("lat", f.at.lat);
            o.set("lon", f.at.lon);
            o.set("distanceM", f.distance_m);
            o.set("distance", f.distance);
            o.set("stepFree", f.step_free);
            o.set("services", f.services);
            o.set("busStop", f.bus_stop);
            o.set("busStopM", f.bus_stop_m);
            o.set("busStopDistance", f.bus_stop_distance);
            val remote = val::array();
            for (size_t r = 0; r < f.remote.size(); ++r) remote.set(r, f.remote[r]);
            o.set("remote", remote);
            val status = val::object();
            status.set("state", f.status.state);
            status.set("text", f.status.text);
            status.set("hours", f.status.hours);
            o.set("status", status);
            out.set(k++, o);
        }
        return out;
    }

    // Bookable slots in Riga time from the snapshot's schedule; the seats other
    // people took are known only to the server, which has the last word.
    val slots_(const std::string& institution, const std::string& contact_point, const std::string& from, int days,
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

    val days_(const std::string& id, double nowMs, const std::string& lang, int count) const {
        auto l = pietura::parse_lang(lang);
        val out = val::array();
        if (!l) return out;
        int k = 0;
        for (auto& d : cat_.days(id, static_cast<std::int64_t>(nowMs / 1000.0), *l, count)) {
            val o = val::object();
            o.set("date", d.date);
            o.set("weekday", d.weekday);
            o.set("hours", d.hours);
            o.set("open", d.open);
            o.set("note", d.note);
            out.set(k++, o);
        }
        return out;
    }

    std::string contentVersion_() const { return cat_.meta("content_version"); }
    int count_(const std::string& table) const { return cat_.count(table); }

    static val place(const pietura::snapshot::Catalogue::Place& p) {
        val o = val::object();
        o.set("id", p.id);
        o.set("kind", p.kind);
        o.set("name", p.name);
        o.set("territory", p.territory);
        o.set("lat", p.at.lat);
        o.set("lon", p.at.lon);
        return o;
    }
    [[noreturn]] static void throw_error(const char* type, const std::string& message) {
        val::global(type).new_(message).throw_();
        __builtin_unreachable();
    }
    // "Pietura snapshot rejected: <why>": the words every reader of a bad snapshot shows.
    static std::string rejected(const std::string& why) {
        static const std::string prefix = "Pietura snapshot rejected: ";
        return why.rfind(prefix, 0) == 0 ? why : prefix + why;
    }
    // Runs one call into the core. A C++ exception must not reach JS as an opaque
    // pointer: bad arguments become a RangeError, anything else (a damaged page met
    // now, a query over its work limit) an Error saying the snapshot is rejected.
    // The JS exception is thrown only after `f`'s locals are gone, as it skips C++
    // destructors on its way out.
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
            error = rejected(e.what());
        }
        throw_error(type, error);
    }
    static pietura::snapshot::Catalogue load(const val& bytes) {
        if (!bytes.instanceof(val::global("Uint8Array")))
            throw_error("TypeError", "Catalogue expects the snapshot as a Uint8Array");
        std::string error;
        {
            std::vector<uint8_t> buf(bytes["length"].as<size_t>());
            // One bulk copy into the heap, no per-byte conversion.
            val(emscripten::typed_memory_view(buf.size(), buf.data())).call<void>("set", bytes);
            try {
                return pietura::snapshot::Catalogue::from_bytes(buf.data(), buf.size());
            } catch (const std::exception& e) {
                error = rejected(e.what());
            }
        }  // the copy is freed before the JS exception skips every C++ destructor
        throw_error("Error", error);
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
        .function("findPlaces", &Catalogue::findPlaces)
        .function("territories", &Catalogue::territories)
        .function("nearest", &Catalogue::nearest)
        .function("days", &Catalogue::days)
        .function("slots", &Catalogue::slots)
        .function("contentVersion", &Catalogue::contentVersion)
        .function("count", &Catalogue::count);
}
