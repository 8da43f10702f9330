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
//
// Page components the core renders (site/components/), so the browser shows the
// same markup as the pages the build and the server make; `strings` is the
// {key: text} object the page carries for that component (a data- attribute):
//   cat.nearestCards(57.31, 25.27, {limit: 5, ...}, Date.now(), 'lv', strings)  // → ['<li class="nearby">…', …]
//   cat.slotList('vsaa', 'vpvkac-cesis', '2026-11-23', 28, Date.now(), 'lv')   // → '<fieldset class="day">…' or null
//   cat.resultsHtml('pabalsts', 'lv', 1, strings)  // → '<section id="live-results">…': the search page's results
//   cat.resultsCount(3, 'lv', strings)             // → '3 rezultāti': the header box's count in words
//   M.bookingErrors({name, phone, email, lang, ...}, 'en', strings)  // → {count, html}: the error summary
//
//   M.validateBooking({name, phone, email, lang, ...})  // → [{field, code, message}]
//   M.maskComment('zvaniet 29123456')  // → 'zvaniet ***'
//   cat.delete()                       // frees the database (embind objects are not GC'd)
//
// The snapshot arrives as a Uint8Array and is copied straight into the heap: it must
// never pass through a JS string, which would mangle bytes ≥ 128.
//
// Answers are embind value_objects (registered at the bottom): the core's own
// structs where their members are what JS sees (search::Hit, OpeningStatus, Place,
// Nearby, CalendarDay, FieldError), a small view struct where JS gets a converted
// value (a slot's start in milliseconds and its Riga date and time). Two builders of
// `val` stay on purpose: a list is copied into a real JS array element by element
// (js_array), because embind's register_vector would hand the pages an opaque
// handle with .get(i)/.size() where their code maps, filters and indexes arrays;
// and "nothing there" is JS null, which a value_object cannot be.
// Size, measured with emcc 3.1.6 -Oz and gzip -9 when the `o.set` chains went (issue
// 16): pietura.wasm 940,090 → 946,600 bytes (411,434 → 413,303 gzip, +1,869) and
// pietura.js 79,306 → 81,426 (18,048 → 18,556 gzip, +508), 2.4 KB on the wire together.
// Almost all of it is embind's value_object machinery itself: leaving the largest
// struct (Nearby, with its flattened lat/lon and the remote list) on `o.set` saved 18
// bytes gzip, so no struct is kept on hand-built objects for size.

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <map>
#include <optional>
#include <stdexcept>
#include <vector>

#include "booking/booking.hpp"
#include "js_values.hpp"
#include "rating/rating.hpp"
#include "site/components/error_summary/error_summary.hpp"
#include "site/components/nearby_item/nearby_item.hpp"
#include "site/components/search_results/search_results.hpp"
#include "site/components/slot_list/slot_list.hpp"
#include "site/site.hpp"
#include "snapshot/snapshot.hpp"

using emscripten::val;
using pietura::Lang;

namespace {

// The conversions and the error guard every file of wasm/ shares (js_values.hpp).
using pietura::wasm::bytes_of;
using pietura::wasm::guard;
using pietura::wasm::rejected;
using pietura::wasm::strings_from;
using pietura::wasm::throw_error;

// A list as a real JS array of value_objects (see the overview for why not register_vector).
template <class T>
val js_array(const std::vector<T>& items) {
    val out = val::array();
    for (std::size_t i = 0; i < items.size(); ++i) out.set(i, val(items[i]));
    return out;
}

// A point's coordinates are flat `lat`/`lon` properties in JS; the setters exist
// because embind's value_object wants a pair, though JS never hands these back.
template <class T>
double lat_of(const T& x) { return x.at.lat; }
template <class T>
void set_lat(T& x, double v) { x.at.lat = v; }
template <class T>
double lon_of(const T& x) { return x.at.lon; }
template <class T>
void set_lon(T& x, double v) { x.at.lon = v; }

val remote_of(const pietura::snapshot::Catalogue::Nearby& n) { return js_array(n.remote); }
void set_remote(pietura::snapshot::Catalogue::Nearby& n, val v) {
    n.remote = emscripten::vecFromJSArray<std::string>(v);
}

// A bookable slot as JS sees it: instants in milliseconds (Date.now()'s unit), the
// Riga date and the time in the page's language's format.
struct SlotView {
    double start = 0, end = 0;
    int free = 0;
    std::string date, time;
};

// What bookingErrors() answers: how many fields are wrong and the summary's markup.
struct ErrorSummaryView {
    int count = 0;
    std::string html;
};

class Catalogue {
public:
    explicit Catalogue(const val& bytes) : cat_(load(bytes)) {}

    // The JS API: each call runs guarded (see guard()).
    val search(const std::string& query, const std::string& lang, int limit) const {
        return guard([&] { return search_(query, lang, limit); });
    }
    // The search page's results (site/components/search_results): the same markup
    // `pietura serve` sends for /lv/meklet/?q=… without JavaScript. `strings` is the
    // page's data-results-strings object.
    std::string resultsHtml(const std::string& query, const std::string& lang, int page, const val& strings) const {
        return guard([&] {
            auto l = pietura::parse_lang(lang);
            if (!l) throw std::invalid_argument("lang must be 'lv' or 'en'");
            if (page < 1) throw std::invalid_argument("page must be 1 or more");
            pietura::site::components::SearchResultsView v{query, cat_.search(query, *l, pietura::search::kMaxHits), page};
            return pietura::site::components::search_results(strings_from(strings, *l), *l, v);
        });
    }
    std::string resultsCount(double n, const std::string& lang, const val& strings) const {
        return guard([&] {
            auto l = pietura::parse_lang(lang);
            if (!l) throw std::invalid_argument("lang must be 'lv' or 'en'");
            return pietura::wasm::results_count(n, *l, strings);
        });
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
    val nearestCards(double lat, double lon, const val& options, double nowMs, const std::string& lang,
                     const val& strings) const {
        return guard([&] { return nearestCards_(lat, lon, options, nowMs, lang, strings); });
    }
    val slotList(const std::string& institution, const std::string& contact_point, const std::string& from, int days,
                 double nowMs, const std::string& lang) const {
        return guard([&] { return slotList_(institution, contact_point, from, days, nowMs, lang); });
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
        if (!l) return val::array();
        if (limit < 1) limit = 1;
        if (limit > 100) limit = 100;
        return js_array(cat_.search(query, *l, limit));  // each hit carries `weak` (issue 14)
    }

    // `nowMs` is Date.now(): the core turns it into Latvian time itself, whatever
    // time zone the browser or PC is set to.
    val openingStatus_(const std::string& id, double nowMs, const std::string& lang) const {
        auto l = pietura::parse_lang(lang);
        if (!l) return val::null();
        auto s = cat_.opening_status(id, static_cast<std::int64_t>(nowMs / 1000.0), *l);
        return s ? val(*s) : val::null();
    }

    val findPlaces_(const std::string& query, const std::string& lang, int limit) const {
        auto l = pietura::parse_lang(lang);
        return l ? js_array(cat_.find_places(query, *l, limit)) : val::array();
    }

    val territories_(const std::string& lang) const {
        auto l = pietura::parse_lang(lang);
        return l ? js_array(cat_.territories(*l)) : val::array();
    }

    // Filters come as one options object so adding one never breaks callers.
    std::vector<pietura::snapshot::Catalogue::Nearby> find_nearest(double lat, double lon, const val& options, double nowMs,
                                                                  Lang lang) const {
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
        return cat_.nearest(q, lang, static_cast<std::int64_t>(nowMs / 1000.0));
    }

    val nearest_(double lat, double lon, const val& options, double nowMs, const std::string& lang) const {
        auto l = pietura::parse_lang(lang);
        if (!l) throw_error("RangeError", "lang must be 'lv' or 'en'");
        return js_array(find_nearest(lat, lon, options, nowMs, *l));
    }

    // The finder's answers as the cards the municipality pages show (site nearby_item).
    val nearestCards_(double lat, double lon, const val& options, double nowMs, const std::string& lang,
                      const val& strings) const {
        auto l = pietura::parse_lang(lang);
        if (!l) throw_error("RangeError", "lang must be 'lv' or 'en'");
        auto labels = strings_from(strings, *l);
        std::vector<std::string> cards;
        for (auto& f : find_nearest(lat, lon, options, nowMs, *l)) {
            pietura::site::components::NearbyCard card;
            card.id = f.id;
            card.name = f.name;
            card.url = f.url;
            card.distance = f.distance;
            card.status_text = f.status.text;
            card.status_state = f.status.state;
            card.address = f.address;
            card.phone = f.phone;
            card.email = f.email;
            card.hours = f.status.hours;
            card.step_free = f.step_free;
            card.remote = f.remote;
            card.services = f.services;
            if (f.bus_stop_m >= 0) {
                card.bus_stop = f.bus_stop;
                card.bus_stop_distance = f.bus_stop_distance;
            }
            card.lat = f.at.lat;
            card.lon = f.at.lon;
            cards.push_back(pietura::site::components::nearby_item(labels, *l, card));
        }
        return js_array(cards);
    }

    // Bookable slots in Riga time from the snapshot's schedule; the seats other
    // people took are known only to the server, which has the last word. nullopt:
    // nothing offered there, or a language or date that cannot be read.
    std::optional<std::vector<pietura::booking::Slot>> offered(const std::string& institution,
                                                               const std::string& contact_point, const std::string& from,
                                                               int days, double nowMs, const std::string& lang) const {
        auto offer = pietura::booking::Offer::load(cat_, institution, contact_point);
        auto first = pietura::hours::Date::parse(from);
        if (!offer || !pietura::parse_lang(lang) || !first) return std::nullopt;
        return offer->slots(*first, std::clamp(days, 1, pietura::booking::kMaxSlotDays), static_cast<std::int64_t>(nowMs / 1000.0));
    }

    // The free times as the time step shows them (site slot_list); null: nothing offered there.
    val slotList_(const std::string& institution, const std::string& contact_point, const std::string& from, int days,
                  double nowMs, const std::string& lang) const {
        auto slots = offered(institution, contact_point, from, days, nowMs, lang);
        if (!slots) return val::null();
        std::vector<pietura::booking::Slot> free;
        for (auto& s : *slots)
            if (s.free > 0) free.push_back(s);
        return val(pietura::site::components::slot_list(*pietura::parse_lang(lang), free, 0));
    }

    val slots_(const std::string& institution, const std::string& contact_point, const std::string& from, int days,
              double nowMs, const std::string& lang) const {
        auto slots = offered(institution, contact_point, from, days, nowMs, lang);
        if (!slots) return val::null();
        auto l = pietura::parse_lang(lang);
        std::vector<SlotView> out;
        out.reserve(slots->size());
        for (auto& s : *slots) {
            auto t = pietura::hours::to_riga(s.start);
            out.push_back({double(s.start) * 1000.0, double(s.end) * 1000.0, s.free, t.date.iso(),
                           pietura::hours::format_minutes(t.minute_of_day(), *l)});
        }
        return js_array(out);
    }

    val days_(const std::string& id, double nowMs, const std::string& lang, int count) const {
        auto l = pietura::parse_lang(lang);
        return l ? js_array(cat_.days(id, static_cast<std::int64_t>(nowMs / 1000.0), *l, count)) : val::array();
    }

    std::string contentVersion_() const { return cat_.meta("content_version"); }
    int count_(const std::string& table) const { return cat_.count(table); }

    static pietura::snapshot::Catalogue load(const val& bytes) {
        if (!bytes.instanceof(val::global("Uint8Array")))
            throw_error("TypeError", "Catalogue expects the snapshot as a Uint8Array");
        std::string error;
        {
            std::vector<uint8_t> buf = bytes_of(bytes);
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

pietura::booking::Request request_from(const val& o) {
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
    return r;
}

// The same checks the server makes, so the form can say what is wrong before sending.
val validateBooking(const val& o) {
    pietura::booking::Request r = request_from(o);
    return js_array(pietura::booking::validate(r));
}

// The error summary the offline step shows: the core's own validation, its
// messages in the page's language (not the consultation's), in the summary the
// server's pages use. {count: 0, html: ""} when the request is well-formed.
ErrorSummaryView bookingErrors(const val& o, const std::string& page_lang, const val& strings) {
    auto page = pietura::parse_lang(page_lang);
    if (!page) {
        val::global("RangeError").new_(std::string("page language must be 'lv' or 'en'")).throw_();
        __builtin_unreachable();
    }
    std::string html;
    std::size_t count = 0;
    std::string error;
    try {
        pietura::booking::Request r = request_from(o);
        auto errors = pietura::booking::validate(r);
        for (auto& e : errors) e.message = pietura::booking::field_message(e.code, *page);
        count = errors.size();
        html = pietura::site::components::error_summary(strings_from(strings, *page), *page, errors, false);
    } catch (const std::exception& e) {
        error = e.what();  // a label the page did not hand over
    }
    if (!error.empty()) {
        val::global("Error").new_(error).throw_();
        __builtin_unreachable();
    }
    return ErrorSummaryView{static_cast<int>(count), html};
}

std::string maskComment(const std::string& text) { return pietura::rating::mask(text); }

}  // namespace

EMSCRIPTEN_BINDINGS(pietura) {
    using emscripten::value_object;
    using Cat = pietura::snapshot::Catalogue;
    value_object<pietura::search::Hit>("SearchHit")
        .field("id", &pietura::search::Hit::id)
        .field("kind", &pietura::search::Hit::kind)
        .field("title", &pietura::search::Hit::title)
        .field("titleHtml", &pietura::search::Hit::title_html)
        .field("url", &pietura::search::Hit::url)
        .field("summary", &pietura::search::Hit::summary)
        .field("score", &pietura::search::Hit::score)
        .field("weak", &pietura::search::Hit::weak);
    value_object<Cat::OpeningStatus>("OpeningStatus")
        .field("state", &Cat::OpeningStatus::state)
        .field("text", &Cat::OpeningStatus::text)
        .field("hours", &Cat::OpeningStatus::hours);
    value_object<Cat::Place>("Place")
        .field("id", &Cat::Place::id)
        .field("kind", &Cat::Place::kind)
        .field("name", &Cat::Place::name)
        .field("territory", &Cat::Place::territory)
        .field("lat", &lat_of<Cat::Place>, &set_lat<Cat::Place>)
        .field("lon", &lon_of<Cat::Place>, &set_lon<Cat::Place>);
    value_object<Cat::Nearby>("Nearby")
        .field("id", &Cat::Nearby::id)
        .field("name", &Cat::Nearby::name)
        .field("url", &Cat::Nearby::url)
        .field("address", &Cat::Nearby::address)
        .field("phone", &Cat::Nearby::phone)
        .field("email", &Cat::Nearby::email)
        .field("lat", &lat_of<Cat::Nearby>, &set_lat<Cat::Nearby>)
        .field("lon", &lon_of<Cat::Nearby>, &set_lon<Cat::Nearby>)
        .field("distanceM", &Cat::Nearby::distance_m)
        .field("distance", &Cat::Nearby::distance)
        .field("stepFree", &Cat::Nearby::step_free)
        .field("services", &Cat::Nearby::services)
        .field("busStop", &Cat::Nearby::bus_stop)
        .field("busStopM", &Cat::Nearby::bus_stop_m)
        .field("busStopDistance", &Cat::Nearby::bus_stop_distance)
        .field("remote", &remote_of, &set_remote)
        .field("status", &Cat::Nearby::status);
    value_object<Cat::CalendarDay>("CalendarDay")
        .field("date", &Cat::CalendarDay::date)
        .field("weekday", &Cat::CalendarDay::weekday)
        .field("hours", &Cat::CalendarDay::hours)
        .field("open", &Cat::CalendarDay::open)
        .field("note", &Cat::CalendarDay::note);
    value_object<SlotView>("Slot")
        .field("start", &SlotView::start)
        .field("end", &SlotView::end)
        .field("free", &SlotView::free)
        .field("date", &SlotView::date)
        .field("time", &SlotView::time);
    value_object<pietura::booking::FieldError>("FieldError")
        .field("field", &pietura::booking::FieldError::field)
        .field("code", &pietura::booking::FieldError::code)
        .field("message", &pietura::booking::FieldError::message);
    value_object<ErrorSummaryView>("ErrorSummary")
        .field("count", &ErrorSummaryView::count)
        .field("html", &ErrorSummaryView::html);
    emscripten::function("version", &version);
    emscripten::function("validateBooking", &validateBooking);
    emscripten::function("maskComment", &maskComment);
    emscripten::function("bookingErrors", &bookingErrors);
    emscripten::class_<Catalogue>("Catalogue")
        .constructor<const val&>()
        .function("search", &Catalogue::search)
        .function("resultsHtml", &Catalogue::resultsHtml)
        .function("resultsCount", &Catalogue::resultsCount)
        .function("openingStatus", &Catalogue::openingStatus)
        .function("findPlaces", &Catalogue::findPlaces)
        .function("territories", &Catalogue::territories)
        .function("nearest", &Catalogue::nearest)
        .function("days", &Catalogue::days)
        .function("slots", &Catalogue::slots)
        .function("nearestCards", &Catalogue::nearestCards)
        .function("slotList", &Catalogue::slotList)
        .function("contentVersion", &Catalogue::contentVersion)
        .function("count", &Catalogue::count);
}
