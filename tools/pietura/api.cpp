// The /api/ routes of `pietura serve`: what every route shares (body parsing, answers,
// confirmation views), the rate limit and origin check in front of them, and mount_api,
// which adds the routes of api_json.cpp, api_booking_pages.cpp, api_rating.cpp and
// api_shared_pc.cpp in the order they must be tried.
#include "api.hpp"

#include <algorithm>
#include <cctype>
#include <ctime>

#include "api_detail.hpp"
#include "http/url.hpp"

namespace pietura::cli {

namespace api_detail {

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

bool is_form(const http::Request& req) { return req.is_form(); }

json read_body(const http::Request& req) {
    std::string type = req.get_header_value("Content-Type");
    if (is_form(req)) {
        // The body's fields alone (req.form, which the server decoded once; not
        // req.params, which also holds the query string); a repeated field keeps its
        // last value.
        json j = json::object();
        for (auto& [k, v] : req.form) j[k] = v;
        return j;
    }
    if (type.rfind("application/json", 0) != 0)
        throw Problem{415, "send the body as application/json (or an HTML form post)", {}};
    json j = json::parse(req.body, nullptr, false);
    if (j.is_discarded()) throw Problem{400, "the body is not valid JSON", {}};
    if (!j.is_object()) throw Problem{400, "the body must be a JSON object", {}};
    return j;
}

std::string str(const json& j, std::string_view key, std::vector<booking::FieldError>& errors, Lang lang) {
    auto it = j.find(std::string(key));
    if (it == j.end() || it->is_null()) return "";
    if (!it->is_string()) {
        errors.push_back({std::string(key), "type", lang == Lang::lv ? "Jābūt tekstam." : "Must be text."});
        return "";
    }
    return it->get<std::string>();
}

std::int64_t now_unix() { return std::time(nullptr); }

bool RateLimit::allow(const std::string& who) {
    if (limit_ <= 0) return true;
    std::int64_t minute = now_unix() / 60;
    std::lock_guard<std::mutex> lock(mu_);
    if (minute != minute_) {
        counts_.clear();  // also bounds the memory a flood of addresses can take
        minute_ = minute;
    }
    return ++counts_[who] <= limit_;
}

const booking::Offer* Api::offer(const std::string& inst, const std::string& cp) {
    std::lock_guard<std::mutex> lock(offers_mu);
    std::string key = inst + "/" + cp;
    auto it = offers.find(key);
    if (it == offers.end()) {
        if (offers.size() > 4096) offers.clear();  // only real pairs are cached, but be safe
        it = offers.emplace(key, booking::Offer::load(cat, inst, cp)).first;
    }
    return it->second ? &*it->second : nullptr;
}

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

void send_html(http::Response& res, int status, const std::string& html) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(html, "text/html; charset=utf-8");
}

// Shared-computer mode is the PC's non-secret pietura_shared cookie (issue 12).
bool shared_pc(const http::Request& req) { return shared_mode(req.get_header_value("Cookie")); }

// The page frame for this request: on a shared PC the shared bar shows without JavaScript.
site::Options site_for(const Api& api, const http::Request& req) {
    site::Options o = api.site;
    o.shared_pc = shared_pc(req);
    return o;
}

void redirect(http::Response& res, const std::string& location) {
    res.status = 303;
    res.set_header("Cache-Control", "no-store");
    res.set_header("Location", location);
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
void send_ics(Api& api, http::Response& res, const StoredBooking& b, const std::string& filename, const std::string& url,
              const std::string& origin) {
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
    // Issue 15: the consultation is rated after it has happened, from this link: the
    // booking's own one-time rating token, never the cancel token, nothing personal.
    if (auto token = api.store->rating_token(b.reference); token && !b.cancelled) {
        Lang l = lv ? Lang::lv : Lang::en;
        std::string rate = origin + consultation_rating_path(l, *token);
        e.description += "\n" + (api.strings ? api.strings->get(l, "rate.consultation.ics") : std::string("Rate")) + ": " + rate;
        if (e.url.empty()) e.url = rate;
    }
    res.set_header("Cache-Control", "no-store");
    res.set_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    res.set_content(booking::ics(e), "text/calendar; charset=utf-8");
}

namespace {


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

}  // namespace

}  // namespace api_detail

using namespace api_detail;
namespace api_detail { void mount_search_pages(http::Server& svr, const std::shared_ptr<Api>& api); }  // api_search_pages.cpp

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
        RateLimit& limit = req.path.rfind("/api/search", 0) == 0 ? api->search_limit : api->limit;
        if (!limit.allow(req.remote_addr)) {
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

    mount_booking_api(svr, api);
    mount_shared_pc_api(svr, api);
    mount_booking_pages(svr, api);
    mount_rating_api(svr, api);
    mount_search_pages(svr, api);
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
