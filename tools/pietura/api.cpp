// The /api/ routes of `pietura serve`: slots, bookings, cancellations, ratings.
#include "api.hpp"

#include <chrono>
#include <algorithm>
#include <ctime>
#include <map>
#include <mutex>

#include <nlohmann/json.hpp>

#include "booking/booking.hpp"
#include "http/server.hpp"
#include "http/url.hpp"
#include "rating/rating.hpp"
#include "text/text.hpp"
#include "snapshot/sha256.hpp"
#include "site/site.hpp"
#include "snapshot/snapshot.hpp"
#include "shared_pc.hpp"
#include "store.hpp"

namespace pietura::cli {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

struct Problem {
    int status = 400;
    std::string error;
    std::vector<booking::FieldError> fields;
};

void send_json(http::Response& res, int status, const std::string& body) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(body, "application/json");
}

std::string problem_body(const Problem& p) {
    ordered_json j{{"error", p.error}};
    if (!p.fields.empty()) {
        ordered_json f = ordered_json::object();
        for (auto& e : p.fields)
            if (!f.contains(e.field)) f[e.field] = {{"code", e.code}, {"message", e.message}};
        j["fields"] = f;
    }
    return j.dump();
}

void send_problem(http::Response& res, const Problem& p) { send_json(res, p.status, problem_body(p)); }

bool is_form(const http::Request& req) {
    return req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) == 0;
}

// The body as a JSON object: parsed JSON, or a form post's fields as strings.
json read_body(const http::Request& req) {
    std::string type = req.get_header_value("Content-Type");
    if (is_form(req)) {
        // The body alone (not req.params, which also holds the query string), decoded by
        // the server's one form parser; a repeated field keeps its last value.
        http::Params fields;
        http::parse_query(req.body, fields);
        json j = json::object();
        for (auto& [k, v] : fields) j[k] = v;
        return j;
    }
    if (type.rfind("application/json", 0) != 0)
        throw Problem{415, "send the body as application/json (or an HTML form post)", {}};
    json j = json::parse(req.body, nullptr, false);
    if (j.is_discarded()) throw Problem{400, "the body is not valid JSON", {}};
    if (!j.is_object()) throw Problem{400, "the body must be a JSON object", {}};
    return j;
}

// A string field; a present value of another type is a field error, never a crash.
std::string str(const json& j, const char* key, std::vector<booking::FieldError>& errors, Lang lang) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return "";
    if (!it->is_string()) {
        errors.push_back({key, "type", lang == Lang::lv ? "Jābūt tekstam." : "Must be text."});
        return "";
    }
    return it->get<std::string>();
}

std::int64_t now_unix() { return std::time(nullptr); }

// Fixed one-minute windows per client address.
class RateLimit {
public:
    explicit RateLimit(int per_minute) : limit_(per_minute) {}
    bool allow(const std::string& who) {
        if (limit_ <= 0) return true;
        std::int64_t minute = now_unix() / 60;
        std::lock_guard<std::mutex> lock(mu_);
        if (minute != minute_) {
            counts_.clear();  // also bounds the memory a flood of addresses can take
            minute_ = minute;
        }
        return ++counts_[who] <= limit_;
    }

private:
    int limit_;
    std::mutex mu_;
    std::int64_t minute_ = 0;
    std::map<std::string, int> counts_;
};

// The no-JavaScript steps answer every form post with 303 to a GET (issue 12): Chromium
// keeps the body of a POST that stays in history in its session files, where a page can
// never clear it. What was posted waits here for the GET, under the draft cookie.
struct Draft {
    booking::Request values;
    Lang page = Lang::lv;
    std::vector<booking::FieldError> errors;
    bool slot_taken = false;
    std::string idempotency_key;  // of the check page's confirm form; "" while there are errors
};

struct Api {
    Api(snapshot::Catalogue c, std::shared_ptr<Store> s, ApiOptions o)
        : cat(std::move(c)), store(std::move(s)), options(std::move(o)), limit(options.rate_per_minute) {}
    snapshot::Catalogue cat;
    std::shared_ptr<Store> store;
    ApiOptions options;
    RateLimit limit;
    std::optional<site::Strings> strings;  // for the HTML steps of the no-JavaScript path
    site::Options site;
    std::mutex offers_mu;
    std::map<std::string, std::optional<booking::Offer>> offers;  // "inst/cp" → offer
    Views views;  // confirmation views (issue 12): the browser holds only a random id
    ShortLived<Draft> drafts;         // what the details form posted, for the GET after the 303

    const booking::Offer* offer(const std::string& inst, const std::string& cp) {
        std::lock_guard<std::mutex> lock(offers_mu);
        std::string key = inst + "/" + cp;
        auto it = offers.find(key);
        if (it == offers.end()) {
            if (offers.size() > 4096) offers.clear();  // only real pairs are cached, but be safe
            it = offers.emplace(key, booking::Offer::load(cat, inst, cp)).first;
        }
        return it->second ? &*it->second : nullptr;
    }
};

std::string idempotency_key(const http::Request& req, const json& body) {
    std::string key = req.get_header_value("Idempotency-Key");
    if (key.empty() && body.contains("idempotency_key") && body["idempotency_key"].is_string())
        key = body["idempotency_key"].get<std::string>();
    if (key.empty()) return key;
    bool ok = key.size() >= 8 && key.size() <= 100;
    for (char c : key) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':');
    if (!ok) throw Problem{400, "Idempotency-Key must be 8 to 100 letters, digits, '-', '_' or ':'", {}};
    return key;
}

booking::Request booking_request(const json& j, std::vector<booking::FieldError>& errors) {
    booking::Request r;
    Lang lang = Lang::lv;
    r.lang = str(j, "lang", errors, lang);
    if (r.lang.empty()) r.lang = "lv";
    lang = parse_lang(r.lang).value_or(Lang::lv);
    r.institution = str(j, "institution", errors, lang);
    r.topic = str(j, "topic", errors, lang);
    r.contact_point = str(j, "contact_point", errors, lang);
    r.name = str(j, "name", errors, lang);
    r.phone = str(j, "phone", errors, lang);
    r.email = str(j, "email", errors, lang);
    r.note = str(j, "note", errors, lang);
    r.accessibility = str(j, "accessibility", errors, lang);
    // start: unix seconds (number, or digits in a form post) or ISO 8601 with an offset.
    auto it = j.find("start");
    if (it != j.end() && it->is_number_integer()) r.start = it->get<std::int64_t>();
    else if (it != j.end() && it->is_string()) {
        std::string s = it->get<std::string>();
        bool digits = !s.empty() && s.size() < 12 && s.find_first_not_of("0123456789") == std::string::npos;
        if (digits) r.start = std::stoll(s);
        else if (auto t = hours::parse_instant(s)) r.start = *t;
        else errors.push_back({"start", "type", booking::field_message("slot", lang)});
    } else if (it != j.end() && !it->is_null()) {
        errors.push_back({"start", "type", booking::field_message("slot", lang)});
    }
    return r;
}

std::string fingerprint(const booking::Request& r) {
    json j{{"i", r.institution}, {"t", r.topic}, {"c", r.contact_point}, {"s", r.start}, {"n", r.name},
           {"p", r.phone},       {"e", r.email}, {"l", r.lang},          {"o", r.note},  {"a", r.accessibility}};
    return snapshot::sha256_hex(j.dump());
}

ordered_json booking_json(const StoredBooking& b) {
    return {{"reference", b.reference},
            {"status", b.cancelled ? "cancelled" : "booked"},
            {"institution", b.institution},
            {"topic", b.topic},
            {"contact_point", b.contact_point},
            {"start", hours::format_riga(b.start)},
            {"end", hours::format_riga(b.end)},
            {"start_unix", b.start},
            {"lang", b.lang}};
}

void send_html(http::Response& res, int status, const std::string& html) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(html, "text/html; charset=utf-8");
}

// Days of slots a form shows: two weeks from the first bookable day.
constexpr int kFormDays = 14;

// The topic and contact point a step-2 or step-3 address names (?choice=inst:topic&contact_point=id).
booking::Request choice_request(const http::Request& req, Lang lang) {
    std::string choice = req.get_param_value("choice");
    auto colon = choice.find(':');
    booking::Request r;
    r.lang = std::string(code(lang));
    if (colon != std::string::npos) {
        r.institution = choice.substr(0, colon);
        r.topic = choice.substr(colon + 1);
    }
    r.contact_point = req.get_param_value("contact_point");
    return r;
}

// Shared-computer mode is the PC's non-secret pietura_shared cookie (issue 12).
bool shared_pc(const http::Request& req) { return shared_mode(req.get_header_value("Cookie")); }

// The page frame for this request: on a shared PC the shared bar shows without JavaScript.
site::Options site_for(const Api& api, const http::Request& req) {
    site::Options o = api.site;
    o.shared_pc = shared_pc(req);
    return o;
}

void send_time_page(Api& api, const http::Request& req, http::Response& res, int status, Lang page,
                    const booking::Offer& offer, const booking::Request& r, std::vector<booking::FieldError> errors,
                    bool taken) {
    if (!api.strings) throw Problem{503, "the booking pages are not available (no UI strings)", {}};
    std::int64_t now = now_unix();
    hours::Date first = booking::earliest_date(now, offer.rules.notice_working_days, offer.calendar);
    site::BookingForm f{page, &offer, r, offer.slots(first, kFormDays, now, api.store->taken(offer.institution)),
                        std::move(errors), taken, "", shared_pc(req)};
    send_html(res, status, site::booking_time_page(*api.strings, site_for(api, req), f));
}

void send_details_page(Api& api, const http::Request& req, http::Response& res, int status, Lang page,
                       const booking::Offer& offer, const booking::Request& r, std::vector<booking::FieldError> errors) {
    if (!api.strings) throw Problem{503, "the booking pages are not available (no UI strings)", {}};
    site::BookingForm f{page, &offer, r, {}, std::move(errors), false, "", shared_pc(req)};
    send_html(res, status, site::booking_details_page(*api.strings, site_for(api, req), f));
}

void redirect(http::Response& res, const std::string& location) {
    res.status = 303;
    res.set_header("Cache-Control", "no-store");
    res.set_header("Location", location);
}

// Post → draft → 303: the next GET shows the step from the draft, with nothing in a POST body.
void redirect_with_draft(Api& api, http::Response& res, Draft d, const std::string& location) {
    res.set_header("Set-Cookie", session_cookie(kDraftCookie, api.drafts.create(std::move(d), now_unix())));
    redirect(res, location);
}

// This browser's draft, when it is for the same topic at the same contact point.
std::optional<Draft> draft_for(Api& api, const http::Request& req, const booking::Request& r) {
    std::string id = session_id(req.get_header_value("Cookie"), kDraftCookie);
    auto d = id.empty() ? std::nullopt : api.drafts.find(id, now_unix());
    if (!d || d->values.institution != r.institution || d->values.topic != r.topic ||
        d->values.contact_point != r.contact_point)
        return std::nullopt;
    return d;
}

std::string time_url(Lang lang, const booking::Request& r) {
    return site::booking_url(lang, "time") + "?choice=" + r.institution + ":" + r.topic + "&contact_point=" + r.contact_point;
}

std::string details_url(Lang lang, const booking::Request& r) {
    return site::booking_url(lang, "details") + "?choice=" + r.institution + ":" + r.topic +
           "&contact_point=" + r.contact_point + "&start=" + std::to_string(r.start);
}

// A new confirmation view for this browser: the answer sets its cookie, and the plain
// confirmation address shows the booking from it. Nothing secret goes in an address.
void open_view(Api& api, http::Response& res, const std::string& reference, const std::string& token) {
    res.set_header("Set-Cookie", session_cookie(kViewCookie, api.views.create({reference, token}, now_unix())));
}

// The booking this browser's view cookie stands for, if the view is alive and the booking exists.
std::optional<StoredBooking> viewed_booking(Api& api, const http::Request& req) {
    std::string id = session_id(req.get_header_value("Cookie"), kViewCookie);
    if (id.empty()) return std::nullopt;
    auto v = api.views.find(id, now_unix());
    if (!v) return std::nullopt;
    return api.store->get(v->reference, v->token);
}

// Where a calendar file's cancel link points: this server as the browser reached it,
// or the configured public origin.
std::string public_origin(const Api& api, const http::Request& req) {
    if (!api.options.origin.empty()) return api.options.origin;
    return "http://" + req.get_header_value("Host");
}

// The .ics of a booking. `url` (the cancel link for the citizen's own device) may be empty.
void send_ics(Api& api, http::Response& res, const StoredBooking& b, const std::string& filename, const std::string& url) {
    const booking::Offer* o = api.offer(b.institution, b.contact_point);
    bool lv = b.lang != "en";
    booking::Event e;
    e.uid = b.reference + "@pietura";
    e.start = b.start;
    e.end = b.end;
    e.stamp = b.created;
    e.summary = o ? (lv ? o->title_lv : o->title_en) : b.institution;
    if (o) e.location = (lv ? o->cp_name_lv : o->cp_name_en) + ", " + (lv ? o->address_lv : o->address_en);
    e.description = (lv ? "Rezervācija " : "Booking ") + b.reference;
    if (o) {
        e.description += lv ? "\nŅemiet līdzi:" : "\nPlease bring:";
        for (auto& item : lv ? o->bring_lv : o->bring_en) e.description += "\n- " + item;
        e.description += (lv ? "\nTālrunis: " : "\nPhone: ") + o->phone;
    }
    if (!url.empty()) {
        e.url = url;
        e.description += (lv ? "\nAtcelt: " : "\nCancel: ") + url;
    }
    res.set_header("Cache-Control", "no-store");
    res.set_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    res.set_content(booking::ics(e), "text/calendar; charset=utf-8");
}

// JSON clients (the outbox) get JSON; form posts (no JavaScript) get the next page:
// step=check shows "check your answers", step=confirm books and redirects.
void post_booking(Api& api, const http::Request& req, http::Response& res) {
    json body = read_body(req);
    const bool form = is_form(req);
    std::string step = form && body.contains("step") && body["step"].is_string() ? body["step"].get<std::string>() : "";
    std::vector<booking::FieldError> errors;
    booking::Request r = booking_request(body, errors);
    std::string key = idempotency_key(req, body);
    Lang lang = parse_lang(r.lang).value_or(Lang::lv);
    Lang page = form && body.contains("page_lang") && body["page_lang"].is_string()
                    ? parse_lang(body["page_lang"].get<std::string>()).value_or(lang)
                    : lang;
    if (errors.empty()) errors = booking::validate(r);
    // A retry (same Idempotency-Key) gets its stored answer before anything that
    // depends on the clock or the seats: its slot may have left the window since.
    if (errors.empty() && !key.empty()) {
        if (auto stored = api.store->replay(key, fingerprint(r))) {
            if (stored->status == 201) {
                json j = json::parse(stored->body);
                open_view(api, res, j["reference"].get<std::string>(), j["token"].get<std::string>());
                if (form) return redirect(res, site::booking_url(page, "done"));
            }
            return send_json(res, stored->status, stored->body);
        }
    }
    const booking::Offer* offer = api.offer(r.institution, r.contact_point);
    if (!offer || !offer->topic(r.topic)) {
        if (form) {
            res.status = 303;
            res.set_header("Location", site::booking_url(page));
            return;
        }
        if (errors.empty())
            errors.push_back({offer ? "topic" : "contact_point", "choice", booking::field_message("choice", lang)});
    }
    if (!errors.empty()) {
        if (form) {
            // A missing time goes back to the time step; everything else is on the details step.
            bool time = std::any_of(errors.begin(), errors.end(), [](auto& e) { return e.field == "start"; });
            return redirect_with_draft(api, res, Draft{r, page, errors, false, ""}, time ? time_url(page, r) : details_url(page, r));
        }
        throw Problem{400, "some fields need attention", errors};
    }
    booking::FieldError slot_error{"start", "slot", booking::field_message("slot", lang)};
    if (!offer->offers(r.start, now_unix())) {
        if (form) return redirect_with_draft(api, res, Draft{r, page, {}, true, ""}, time_url(page, r));
        throw Problem{409, "slot_unavailable", {slot_error}};
    }
    if (form && step == "check")
        return redirect_with_draft(api, res, Draft{r, page, {}, false, "form-" + random_hex(16)}, site::booking_url(page, "check"));
    std::int64_t end = r.start + std::int64_t(offer->rules.slot_minutes) * 60;
    std::string full = problem_body(Problem{409, "slot_taken", {slot_error}});
    Answer a = api.store->book(key, fingerprint(r), r, end, offer->rules.seats, now_unix(),
                               [](const StoredBooking& b, const std::string& token) {
                                   ordered_json j = booking_json(b);
                                   j["token"] = token;
                                   j["cancel_url"] = "/api/bookings/" + b.reference + "/cancel";
                                   j["ics_url"] = "/api/bookings/" + b.reference + "/ics?token=" + token;
                                   return j.dump();
                               },
                               full);
    if (a.status == 201) {
        // Form post or the outbox's fetch: either way the browser gets a view cookie and
        // goes on to the plain confirmation address (issue 12); API clients keep the token.
        json j = json::parse(a.body);
        open_view(api, res, j["reference"].get<std::string>(), j["token"].get<std::string>());
        // The draft is done with: its cookie goes, and the server forgets it.
        std::string draft = session_id(req.get_header_value("Cookie"), kDraftCookie);
        if (!draft.empty()) api.drafts.forget(draft);
        if (!draft.empty()) res.set_header("Set-Cookie", expired_cookie(kDraftCookie));
        if (form) return redirect(res, site::booking_url(page, "done"));
    }
    if (form && a.status == 409) return redirect_with_draft(api, res, Draft{r, page, {}, true, ""}, time_url(page, r));
    send_json(res, a.status, a.body);
}

void get_slots(Api& api, const http::Request& req, http::Response& res) {
    std::string inst = req.get_param_value("institution"), cp = req.get_param_value("contact_point");
    std::vector<booking::FieldError> errors;
    if (inst.empty()) errors.push_back({"institution", "required", booking::field_message("required", Lang::en)});
    if (cp.empty()) errors.push_back({"contact_point", "required", booking::field_message("required", Lang::en)});
    std::int64_t now = now_unix();
    hours::Date from = hours::to_riga(now).date;
    if (req.has_param("from")) {
        if (auto d = hours::Date::parse(req.get_param_value("from"))) from = *d;
        else errors.push_back({"from", "type", "Use YYYY-MM-DD."});
    }
    int days = 14;
    if (req.has_param("days")) {
        std::string d = req.get_param_value("days");
        bool ok = !d.empty() && d.size() <= 3 && d.find_first_not_of("0123456789") == std::string::npos;
        days = ok ? std::stoi(d) : 0;
        if (days < 1 || days > 120) errors.push_back({"days", "type", "Use a whole number from 1 to 120."});
    }
    if (!errors.empty()) throw Problem{400, "some parameters need attention", errors};
    const booking::Offer* offer = api.offer(inst, cp);
    if (!offer) throw Problem{404, "this institution holds no consultations at this contact point", {}};
    ordered_json slots = ordered_json::array();
    for (auto& s : offer->slots(from, days, now, api.store->taken(inst)))
        slots.push_back({{"start", hours::format_riga(s.start)}, {"end", hours::format_riga(s.end)},
                         {"start_unix", s.start}, {"free", s.free}});
    ordered_json out{{"institution", inst}, {"contact_point", cp}, {"slot_minutes", offer->rules.slot_minutes},
                     {"slots", slots}};
    send_json(res, 200, out.dump());
}

void post_rating(Api& api, const http::Request& req, http::Response& res) {
    json body = read_body(req);
    std::vector<booking::FieldError> errors;
    rating::Rating r;
    r.lang = str(body, "lang", errors, Lang::lv);
    if (r.lang.empty()) r.lang = "lv";
    Lang lang = parse_lang(r.lang).value_or(Lang::lv);
    r.about = str(body, "about", errors, lang);
    r.target = str(body, "target", errors, lang);
    r.comment = str(body, "comment", errors, lang);
    auto it = body.find("score");
    if (it != body.end() && it->is_number_integer()) r.score = it->get<int>();
    else if (it != body.end() && it->is_string() && it->get<std::string>().size() == 1 &&
             std::isdigit(static_cast<unsigned char>(it->get<std::string>()[0])))
        r.score = it->get<std::string>()[0] - '0';
    std::string key = idempotency_key(req, body);
    if (errors.empty()) errors = rating::validate(r);
    if (errors.empty()) {
        bool known = api.cat.exists(r.about == "service" || r.about == "contact-point" ? r.about : std::string("consultation"),
                                    r.target);
        if (!known) errors.push_back({"target", "choice", booking::field_message("choice", lang)});
    }
    if (!errors.empty()) throw Problem{400, "some fields need attention", errors};
    json fp{{"a", r.about}, {"t", r.target}, {"s", r.score}, {"c", r.comment}, {"l", r.lang}};
    Answer a = api.store->rate(key, snapshot::sha256_hex(fp.dump()), r, now_unix());
    if (is_form(req) && a.status == 201) {
        res.status = 303;
        // Back to the page the form was on (a site path only), or the home page.
        std::string back = body.contains("back") && body["back"].is_string() ? body["back"].get<std::string>() : "";
        // Printable ASCII only: no control character may reach the Location header.
        bool local = back.size() > 1 && back.size() <= 512 && back[0] == '/' && back[1] != '/' &&
                     back.find('\\') == std::string::npos &&
                     std::all_of(back.begin(), back.end(), [](char c) { return c > 0x20 && c < 0x7f; });
        res.set_header("Location", (local ? back : std::string(lang == Lang::lv ? "/lv/" : "/en/")) + "?rated=1#rate-" + r.about);
        return;
    }
    send_json(res, a.status, a.body);
}

// Published figures: counts always, an average only from kMinPublished ratings.
std::string summary_json(const rating::Summary& s) {
    ordered_json out = ordered_json::object();
    for (const char* about : {"service", "contact-point", "consultation"}) {
        ordered_json group = ordered_json::object();
        auto it = s.find(about);
        if (it != s.end())
            for (auto& [target, avg] : it->second) {
                ordered_json a{{"count", avg.count}};
                a["average"] = avg.published() ? json(std::round(avg.average * 10) / 10) : json(nullptr);
                group[target] = a;
            }
        out[about] = group;
    }
    return out.dump();
}

// Same-origin requests, and the one portal origin configured; nothing else may post.
bool origin_allowed(const http::Request& req, const ApiOptions& o) {
    if (!req.has_header("Origin")) return true;  // not a browser's cross-site request
    // With Referrer-Policy: no-referrer a browser's own form post says Origin: null;
    // Sec-Fetch-Site (set by the browser, not by pages) still tells it is ours.
    if (req.get_header_value("Sec-Fetch-Site") == "same-origin") return true;
    std::string origin = req.get_header_value("Origin");
    if (!o.origin.empty() && origin == o.origin) return true;
    std::string host = req.get_header_value("Host");
    return origin == "http://" + host || origin == "https://" + host;
}

template <class Fn>
http::Server::Handler guarded(std::shared_ptr<Api> api, Fn fn) {
    return [api, fn](const http::Request& req, http::Response& res) {
        try {
            fn(*api, req, res);
        } catch (const Problem& p) {
            send_problem(res, p);
        } catch (const StoreUnavailable&) {
            // The store has logged it (once, without personal data); reads keep working
            // and the outbox retries later.
            res.set_header("Retry-After", "600");
            send_problem(res, Problem{503, "the booking store cannot write just now (disk full); nothing was stored, try again later", {}});
        } catch (const std::exception&) {
            // No details: they could hold personal data or internals.
            send_problem(res, Problem{500, "internal error; the request was not stored", {}});
        }
    };
}

}  // namespace

void mount_api(http::Server& svr, const ApiOptions& options) {
    auto api = std::make_shared<Api>(snapshot::Catalogue::open(options.snapshot), Store::open(options.data, StoreOptions{options.data_max_bytes}), options);
    try {
        api->strings = site::Strings::load(options.i18n);
    } catch (const std::exception&) {
        api->strings.reset();  // the JSON API still works; the HTML steps answer 503
    }
    api->site.content_version = api->cat.meta("content_version");

    svr.set_pre_routing_handler([api](const http::Request& req, http::Response& res) {
        if (req.path.rfind("/api/", 0) != 0) return http::Server::HandlerResponse::Unhandled;
        // remote_addr is the client behind a trusted proxy (serve --trust-proxy), else the peer.
        if (!api->limit.allow(req.remote_addr)) {
            res.set_header("Retry-After", "60");
            send_problem(res, Problem{429, "too many requests from this address; try again in a minute", {}});
            return http::Server::HandlerResponse::Handled;
        }
        std::string origin = req.get_header_value("Origin");
        if (!origin.empty() && origin_allowed(req, api->options)) {
            res.set_header("Access-Control-Allow-Origin", origin);
            res.set_header("Vary", "Origin");
        }
        if (req.method == "OPTIONS") {
            if (!origin_allowed(req, api->options)) {
                send_problem(res, Problem{403, "this origin may not use the API", {}});
            } else {
                res.status = 204;
                res.set_header("Access-Control-Allow-Methods", "GET, POST");
                res.set_header("Access-Control-Allow-Headers", "Content-Type, Idempotency-Key");
                res.set_header("Access-Control-Max-Age", "600");
            }
            return http::Server::HandlerResponse::Handled;
        }
        if (req.method == "POST" && !origin_allowed(req, api->options)) {
            send_problem(res, Problem{403, "this origin may not use the API", {}});
            return http::Server::HandlerResponse::Handled;
        }
        return http::Server::HandlerResponse::Unhandled;
    });

    svr.Get("/api/slots", guarded(api, get_slots));
    svr.Post("/api/bookings", guarded(api, post_booking));
    svr.Get(R"(/api/bookings/([A-Z0-9-]{1,20}))", guarded(api, [](Api& a, const http::Request& req, http::Response& res) {
        auto b = a.store->get(req.matches[1], req.get_param_value("token"));
        if (!b) throw Problem{404, "no booking with this reference and token", {}};
        send_json(res, 200, booking_json(*b).dump());
    }));
    svr.Get(R"(/api/bookings/([A-Z0-9-]{1,20})/ics)", guarded(api, [](Api& a, const http::Request& req, http::Response& res) {
        auto b = a.store->get(req.matches[1], req.get_param_value("token"));
        if (!b) throw Problem{404, "no booking with this reference and token", {}};
        send_ics(a, res, *b, b->reference + ".ics", "");
    }));
    // The cancel link of a calendar file, opened on the citizen's own device: it trades
    // the token for a view and moves on to the plain confirmation address.
    svr.Get(R"(/api/bookings/([A-Z0-9-]{1,20})/open)", guarded(api, [](Api& a, const http::Request& req, http::Response& res) {
        std::string token = req.get_param_value("token");
        auto b = a.store->get(req.matches[1], token);
        Lang lang = parse_lang(b ? b->lang : "lv").value_or(Lang::lv);
        if (!b || !a.strings) return redirect(res, site::booking_url(lang, "done"));
        open_view(a, res, b->reference, token);
        send_html(res, 200, site::booking_open_page(*a.strings, site_for(a, req), lang));
    }));
    svr.Post(R"(/api/bookings/([A-Z0-9-]{1,20})/cancel)", guarded(api, [](Api& a, const http::Request& req, http::Response& res) {
        json body = read_body(req);
        std::vector<booking::FieldError> errors;
        std::string token = str(body, "token", errors, Lang::en);
        if (token.empty()) errors.push_back({"token", "required", booking::field_message("required", Lang::en)});
        if (!errors.empty()) throw Problem{400, "the token from the confirmation is needed", errors};
        if (a.store->cancel(req.matches[1], token) != Store::Cancel::done)
            throw Problem{404, "no booking with this reference and token", {}};
        if (is_form(req)) {
            auto b = a.store->get(req.matches[1], token);
            return redirect(res, site::booking_url(parse_lang(b ? b->lang : "lv").value_or(Lang::lv), "done"));
        }
        send_json(res, 200, R"({"status":"cancelled"})");
    }));
    // Cancelling from the confirmation page, after "are you sure?": through the view only.
    svr.Post("/api/confirmation/cancel", guarded(api, [](Api& a, const http::Request& req, http::Response& res) {
        json body = read_body(req);
        std::vector<booking::FieldError> errors;
        Lang lang = parse_lang(str(body, "page_lang", errors, Lang::en)).value_or(Lang::lv);
        auto b = viewed_booking(a, req);
        if (b && !b->cancelled && str(body, "confirm", errors, lang) == "yes") {
            std::string id = session_id(req.get_header_value("Cookie"), kViewCookie);
            if (auto v = a.views.find(id, now_unix())) a.store->cancel(v->reference, v->token);
        }
        if (!is_form(req)) return send_json(res, b ? 200 : 404, b ? R"({"status":"cancelled"})" : R"({"error":"no booking to show"})");
        redirect(res, site::booking_url(lang, "done"));
    }));
    // "Finish and clear" (issue 12). The server forgets this browser's view. A plain form
    // (no JavaScript) gets Clear-Site-Data for everything and goes through /api/finish/done,
    // because Chromium drops a Set-Cookie sent with the clearing itself; app.js has already
    // cleared storage selectively (keeping the PC's settings and the offline copy), so its
    // fetch clears only cookies and the HTTP cache and app.js writes the shared cookie again.
    svr.Post("/api/finish", guarded(api, [](Api& a, const http::Request& req, http::Response& res) {
        std::string id = session_id(req.get_header_value("Cookie"), kViewCookie);
        if (!id.empty()) a.views.forget(id);
        std::string draft = session_id(req.get_header_value("Cookie"), kDraftCookie);
        if (!draft.empty()) a.drafts.forget(draft);
        bool shared = shared_pc(req);
        if (!is_form(req)) {
            res.set_header("Clear-Site-Data", "\"cache\", \"cookies\"");
            res.status = 204;
            res.set_header("Cache-Control", "no-store");
            return;
        }
        json body = read_body(req);
        std::vector<booking::FieldError> errors;
        Lang lang = parse_lang(str(body, "lang", errors, Lang::en)).value_or(Lang::lv);
        res.set_header("Clear-Site-Data", "\"cache\", \"cookies\", \"storage\"");
        redirect(res, "/api/finish/done?lang=" + std::string(code(lang)) + (shared ? "&shared=1" : ""));
    }));
    svr.Get("/api/finish/done", guarded(api, [](Api&, const http::Request& req, http::Response& res) {
        Lang lang = parse_lang(req.get_param_value("lang")).value_or(Lang::lv);
        if (req.get_param_value("shared") == "1") res.set_header("Set-Cookie", shared_cookie(true));
        redirect(res, site::url_for(lang, site::Kind::home) + "#cleared");
    }));
    // Shared-computer mode without JavaScript: the settings page's plain form.
    svr.Post("/api/settings/shared", guarded(api, [](Api&, const http::Request& req, http::Response& res) {
        json body = read_body(req);
        std::vector<booking::FieldError> errors;
        Lang lang = parse_lang(str(body, "lang", errors, Lang::en)).value_or(Lang::lv);
        std::string on = str(body, "shared", errors, lang);
        if (on != "1" && on != "0") throw Problem{400, "shared must be 1 or 0", {{"shared", "choice", booking::field_message("choice", lang)}}};
        res.set_header("Set-Cookie", shared_cookie(on == "1"));
        redirect(res, site::url_for(lang, site::Kind::settings) + "#shared-computers");
    }));
    for (Lang lang : {Lang::lv, Lang::en}) {
        // Step 2 without JavaScript: the step-1 form GETs here with choice=inst:topic.
        svr.Get(site::booking_url(lang, "time"), guarded(api, [lang](Api& a, const http::Request& req, http::Response& res) {
            booking::Request r = choice_request(req, lang);
            const booking::Offer* offer = a.offer(r.institution, r.contact_point);
            if (!offer && a.strings) {
                // A real topic at a contact point that does not host it: offer the ones that do.
                std::vector<std::pair<std::string, std::string>> hosts;
                for (auto& h : booking::Offer::hosts(a.cat, r.institution))
                    if (auto* o = a.offer(r.institution, h); o && o->topic(r.topic))
                        hosts.emplace_back(site::booking_url(lang, "time") + "?choice=" + r.institution + ":" + r.topic +
                                               "&contact_point=" + h,
                                           lang == Lang::lv ? o->cp_name_lv : o->cp_name_en);
                if (!hosts.empty()) return send_html(res, 400, site::booking_wrong_place_page(*a.strings, a.site, lang, hosts));
            }
            if (!offer || !offer->topic(r.topic)) {
                res.status = 303;  // back to step 1: the choice was incomplete or is not offered
                res.set_header("Location", site::booking_url(lang));
                return;
            }
            // Back from a post that needed another time: the draft says why.
            if (auto d = draft_for(a, req, r); d && d->idempotency_key.empty() &&
                                               (d->slot_taken || !d->errors.empty())) {
                r.start = d->values.start;
                return send_time_page(a, req, res, 200, lang, *offer, r, d->errors, d->slot_taken);
            }
            send_time_page(a, req, res, 200, lang, *offer, r, {}, false);
        }));
        // Step 3 without JavaScript: the time form GETs here with the chosen start.
        svr.Get(site::booking_url(lang, "details"), guarded(api, [lang](Api& a, const http::Request& req, http::Response& res) {
            booking::Request r = choice_request(req, lang);
            const booking::Offer* offer = a.offer(r.institution, r.contact_point);
            if (!offer || !offer->topic(r.topic)) {
                res.status = 303;
                res.set_header("Location", site::booking_url(lang));
                return;
            }
            // Whole seconds only: a float such as 1e300 cast to int64 is undefined behaviour.
            std::optional<std::int64_t> start;
            if (std::string s = req.get_param_value("start");
                !s.empty() && s.size() <= 12 && s.find_first_not_of("0123456789") == std::string::npos)
                start = std::stoll(s);
            r.start = start.value_or(0);
            if (!start) {
                return send_time_page(a, req, res, 400, lang, *offer, r,
                                      {{"start", "choice", booking::field_message("choice", lang)}}, false);
            }
            if (!offer->offers(r.start, now_unix())) return send_time_page(a, req, res, 409, lang, *offer, r, {}, true);
            // After a post with errors (or "change" from the check page) the values come from the draft.
            if (auto d = draft_for(a, req, r); d && d->values.start == r.start)
                return send_details_page(a, req, res, 200, lang, *offer, d->values, d->errors);
            send_details_page(a, req, res, 200, lang, *offer, r, {});
        }));
        // "Check your answers", from the draft the details form's post left.
        svr.Get(site::booking_url(lang, "check"), guarded(api, [lang](Api& a, const http::Request& req, http::Response& res) {
            if (!a.strings) throw Problem{503, "the booking pages are not available (no UI strings)", {}};
            std::string id = session_id(req.get_header_value("Cookie"), kDraftCookie);
            auto d = id.empty() ? std::nullopt : a.drafts.find(id, now_unix());
            const booking::Offer* offer = d ? a.offer(d->values.institution, d->values.contact_point) : nullptr;
            if (!d || !offer || d->idempotency_key.empty()) return redirect(res, site::booking_url(lang));
            site::BookingForm f{lang, offer, d->values, {}, {}, false, d->idempotency_key, shared_pc(req)};
            send_html(res, 200, site::booking_check_page(*a.strings, site_for(a, req), f));
        }));
        // The confirmation, its "are you sure?" step and its calendar file: plain addresses,
        // the booking found through this browser's view cookie (issue 12).
        svr.Get(site::booking_url(lang, "done"), guarded(api, [lang](Api& a, const http::Request& req, http::Response& res) {
            if (!a.strings) throw Problem{503, "the booking pages are not available (no UI strings)", {}};
            auto b = viewed_booking(a, req);
            const booking::Offer* o = b ? a.offer(b->institution, b->contact_point) : nullptr;
            if (!b || !o) return send_html(res, 200, site::booking_no_view_page(*a.strings, site_for(a, req), lang));
            site::BookingDone d{lang, o, b->reference, b->topic, b->start, b->end, b->cancelled, shared_pc(req)};
            send_html(res, 200, site::booking_confirmation_page(*a.strings, site_for(a, req), d));
        }));
        svr.Get(site::booking_url(lang, "cancel"), guarded(api, [lang](Api& a, const http::Request& req, http::Response& res) {
            if (!a.strings) throw Problem{503, "the booking pages are not available (no UI strings)", {}};
            auto b = viewed_booking(a, req);
            const booking::Offer* o = b ? a.offer(b->institution, b->contact_point) : nullptr;
            if (!b || !o || b->cancelled) return redirect(res, site::booking_url(lang, "done"));
            site::BookingDone d{lang, o, b->reference, b->topic, b->start, b->end, b->cancelled, shared_pc(req)};
            send_html(res, 200, site::booking_cancel_page(*a.strings, site_for(a, req), d));
        }));
        svr.Get(site::booking_url(lang, "ics"), guarded(api, [lang](Api& a, const http::Request& req, http::Response& res) {
            std::string id = session_id(req.get_header_value("Cookie"), kViewCookie);
            auto v = id.empty() ? std::nullopt : a.views.find(id, now_unix());
            auto b = v ? a.store->get(v->reference, v->token) : std::nullopt;
            if (!b) return redirect(res, site::booking_url(lang, "done"));
            // The cancel link is for the citizen's own device; a file left in a shared PC's
            // downloads must not cancel anything, so there it carries none.
            std::string url = shared_pc(req) || b->cancelled
                                  ? ""
                                  : public_origin(a, req) + "/api/bookings/" + b->reference + "/open?token=" + v->token;
            send_ics(a, res, *b, lang == Lang::lv ? "konsultacija.ics" : "consultation.ics", url);
        }));
    }
    svr.Post("/api/ratings", guarded(api, post_rating));
    svr.Get("/api/ratings/summary", guarded(api, [](Api& a, const http::Request&, http::Response& res) {
        send_json(res, 200, summary_json(a.store->summary()));
    }));
    // Anything else under /api/ is a JSON 404, never the static site's HTML page.
    svr.Get(R"(/api/.*)", [](const http::Request&, http::Response& res) {
        send_problem(res, Problem{404, "no such API route", {}});
    });
    svr.Post(R"(/.*)", [](const http::Request&, http::Response& res) {
        send_problem(res, Problem{404, "no such API route", {}});
    });
    svr.set_error_handler([](const http::Request& req, http::Response& res) {
        if (req.path.rfind("/api/", 0) != 0 || !res.body.empty()) return;
        send_problem(res, Problem{res.status, res.status == 413 ? "the request body is too large" : "request refused", {}});
    });
}

}  // namespace pietura::cli
