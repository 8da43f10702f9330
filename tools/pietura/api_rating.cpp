// What citizens tell the portal (issue 15), each answer as JSON for rating.js or as a
// plain form post that ends on a thank-you page (POST → 303 → GET):
//   POST /api/feedback                 "Did you find what you were looking for?" yes/no
//   POST /api/feedback/missing         after "no": what they were looking for (masked)
//   POST /api/ratings                  a service they have used, 1–10
//   POST /api/consultation-ratings     a consultation that has happened, by its rating token
//   GET  /api/ratings/summary          published figures (counts always, averages from five)
// and the HTML pages of the no-JavaScript path, in the page's language:
//   /lv/atsauksme/paldies/, /en/feedback/thank-you/          the thank-you page
//   /lv/konsultacija/novertet/, /en/consultation/rate/ ?k=…   a consultation's rating page
// The core checks every answer (rating::validate) and masks free text; a bad answer is
// a 400 naming each field (for a form post, an HTML page saying the same, with a way
// back). A link back is only ever a path of this site (rating::is_site_path).
#include "api_detail.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>

#include "hours/hours.hpp"
#include "rating/rating.hpp"
#include "sha256.hpp"
#include "site/components/page_feedback/page_feedback.hpp"
#include "site/components/rating_form/rating_form.hpp"
#include "site/html.hpp"

namespace pietura::cli::api_detail {

namespace {

using site::html::esc;

std::string thanks_url(Lang lang) { return lang == Lang::lv ? "/lv/atsauksme/paldies/" : "/en/feedback/thank-you/"; }
std::string consultation_url(Lang lang) { return lang == Lang::lv ? "/lv/konsultacija/novertet/" : "/en/consultation/rate/"; }

// Query values here are site paths and hex ids; everything but the unreserved
// characters and "/" is percent-encoded all the same.
std::string query_value(const std::string& v) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : v) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') out += char(c);
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

// The thank-you page's address: what was answered, and the page to go back to (only
// when it is a path of this site; otherwise the page links to the home page).
std::string thanks_location(Lang lang, const std::string& what, const std::string& page, const std::string& followup = "") {
    std::string url = thanks_url(lang) + "?what=" + what;
    if (rating::is_site_path(page)) url += "&page=" + query_value(page);
    if (!followup.empty()) url += "&followup=" + followup;
    return url;
}

Lang lang_of(const std::string& code) { return parse_lang(code).value_or(Lang::lv); }

const site::Strings& strings(const Api& api) {
    if (!api.strings) throw Problem{503, "the rating pages are not available (no UI strings)", {}};
    return *api.strings;
}

// A page of the no-JavaScript path in the site's frame. Its language switch leads to
// the other language's home page: the page answered about has its own address there.
void send_page(Api& api, const http::Request& req, http::Response& res, int status, Lang lang, const std::string& title,
               const std::string& main_html, urls::Kind kind = urls::Kind::search) {
    send_html(res, status, site::frame_to(strings(api), site_for(api, req), lang, kind, title, main_html,
                                          urls::url_for(other(lang), urls::Kind::home)));
}

std::string back_link(const site::Strings& s, Lang lang, const std::string& page) {
    std::string to = rating::is_site_path(page) ? page : urls::url_for(lang, urls::Kind::home);
    return "<p><a href=\"" + esc(to) + "\">" + esc(s.get(lang, "rate.back")) + "</a></p>\n";
}

// A refused form post without JavaScript: what is wrong, field by field, and the way
// back to the page (the JSON client gets the same fields in the 400's body).
[[noreturn]] void refuse(Api& api, const http::Request& req, http::Response& res, Lang lang,
                         const std::vector<booking::FieldError>& errors, const std::string& page) {
    Problem p{400, "some fields need attention", errors};
    if (!is_form(req) || !api.strings) throw p;
    const auto& s = *api.strings;
    std::string m = "<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\">\n"
                    "<h2 id=\"error-summary-title\">" + esc(s.get(lang, "rate.error.summary")) + "</h2>\n<ul>\n";
    for (auto& e : errors) {
        std::string key = "rate.field." + e.field;
        bool known = e.field == "score" || e.field == "used" || e.field == "found" || e.field == "missing";
        m += "<li>" + esc(s.get(lang, known ? key : "rate.field.other")) + ": " + esc(e.message) + "</li>\n";
    }
    m += "</ul>\n</div>\n" + back_link(s, lang, page);
    send_page(api, req, res, 400, lang, s.get(lang, "rate.error.title"), m);
    throw Problem{0, "", {}};  // answered: guarded() must leave the page as it is
}

// refuse() has written the page; this keeps guarded() from replacing it.
template <class Fn>
http::Server::Handler answered(std::shared_ptr<Api> api, Fn fn) {
    return guarded(api, [fn](Api& a, const http::Request& req, http::Response& res) {
        try {
            fn(a, req, res);
        } catch (const Problem& p) {
            if (p.status != 0) throw;
        }
    });
}

// A body field that must be a string (a number is taken as its digits: JSON clients send 7).
std::string field(const json& body, const char* key, std::vector<booking::FieldError>& errors, Lang lang) {
    auto it = body.find(key);
    if (it != body.end() && it->is_number_integer()) return std::to_string(it->get<long long>());
    return str(body, key, errors, lang);
}

int score_of(const std::string& v) {
    if (v.empty() || v.size() > 2 || !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) return 0;
    return std::stoi(v);
}

std::string fingerprint(const json& j) { return digest::sha256_hex(j.dump()); }

// What every answer starts with: its body, its language ("" is Latvian: the code as the
// store keeps it, and the Lang its messages and pages are in), its idempotency key, and
// the field errors found while reading it.
struct Incoming {
    json body;
    std::vector<booking::FieldError> errors;
    std::string lang_code;
    Lang lang = Lang::lv;
    std::string key;
    std::string text(const char* name) { return str(body, name, errors, lang); }
    // `name`'s answer is refused for `code`, with the core's message in the answer's language.
    void refuse_field(const char* name, const char* code) {
        errors.push_back({name, code, booking::field_message(code, lang)});
    }
};

Incoming read_answer(const http::Request& req) {
    Incoming in;
    in.body = read_body(req);
    in.lang_code = str(in.body, "lang", in.errors, Lang::lv);
    if (in.lang_code.empty()) in.lang_code = "lv";
    in.lang = lang_of(in.lang_code);
    in.key = idempotency_key(req, in.body);
    return in;
}

// How one kind of answer ends once it has been checked.
struct Ending {
    std::string back;    // the page a refusal links back to
    json fingerprint;    // what makes two requests under one idempotency key the same
    std::string thanks;  // where an accepted form post goes (POST → 303 → GET)
    // A form post the store did not accept (404, 409); none: the store's JSON answer.
    std::function<void(const Answer&)> form_not_accepted = {};
};

// Refused with each field named (refuse(): nothing is stored), or stored once under the
// idempotency key by `store(key, fingerprint, now)`; then a form post accepted goes on to
// its thank-you page, and a JSON client gets the store's answer.
void finish(Api& api, const http::Request& req, http::Response& res, const Incoming& in, const Ending& e,
            const std::function<Answer(const std::string&, const std::string&, std::int64_t)>& store) {
    if (!in.errors.empty()) refuse(api, req, res, in.lang, in.errors, e.back);
    Answer a = store(in.key, fingerprint(e.fingerprint), now_unix());
    if (is_form(req)) {
        if (a.status == 201) return redirect(res, e.thanks);
        if (e.form_not_accepted) return e.form_not_accepted(a);
    }
    send_json(res, a.status, a.body);
}

void post_rating(Api& api, const http::Request& req, http::Response& res) {
    Incoming in = read_answer(req);
    Lang lang = in.lang;
    rating::Rating r;
    r.lang = in.lang_code;
    r.about = in.text("about");
    r.target = in.text("target");
    r.comment = in.text("comment");
    std::string used = in.text("used");
    std::string score = field(in.body, "score", in.errors, lang);
    std::string back = in.text("back");
    auto& errors = in.errors;
    // "Have you used this service?" is the form's first question; a JSON client that
    // leaves it out is rating a service it has used.
    if (used.empty() && is_form(req)) in.refuse_field("used", "required");
    else if (!used.empty() && used != "yes" && used != "no") in.refuse_field("used", "choice");
    if (errors.empty() && used == "no") {
        // Nothing to store: only someone who has used a service rates it.
        if (is_form(req)) return redirect(res, thanks_location(lang, "not-used", back));
        return send_json(res, 200, R"({"status":"not-used"})");
    }
    r.score = score_of(score);
    if (errors.empty()) errors = rating::validate(r);
    // A consultation is rated through its own link, after it has happened.
    if (errors.empty() && r.about == "consultation") in.refuse_field("about", "choice");
    if (errors.empty() && !api.cat.exists(r.about, r.target)) in.refuse_field("target", "choice");
    json fp{{"a", r.about}, {"t", r.target}, {"s", r.score}, {"c", r.comment}, {"l", r.lang}};
    finish(api, req, res, in, {back, fp, thanks_location(lang, "rating", back)},
           [&](const std::string& key, const std::string& hash, std::int64_t now) { return api.store->rate(key, hash, r, now); });
}

void post_feedback(Api& api, const http::Request& req, http::Response& res) {
    Incoming in = read_answer(req);
    Lang lang = in.lang;
    rating::PageFeedback f;
    f.lang = in.lang_code;
    f.page = in.text("page");
    f.found = in.text("found");
    f.missing = in.text("missing");
    // rating.js makes the follow-up id itself (so an answer queued offline can get its
    // text later); for a form post the server makes it and puts it in the thank-you page.
    std::string followup = in.text("followup");
    if (in.errors.empty()) in.errors = rating::validate(f);
    if (in.errors.empty() && !followup.empty() && !rating::is_rating_token(followup)) in.refuse_field("followup", "choice");
    // Only a "no" without its text yet can get a text later.
    if (in.errors.empty()) {
        if (f.found == "yes" || !f.missing.empty()) followup.clear();
        else if (followup.empty()) followup = random_hex(16);
    }
    json fp{{"p", f.page}, {"f", f.found}, {"m", f.missing}, {"l", f.lang}, {"u", followup}};
    finish(api, req, res, in, {f.page, fp, thanks_location(lang, "page", f.page, followup)},
           [&](const std::string& key, const std::string& hash, std::int64_t now) {
               Answer a = api.store->feedback(key, hash, f, followup, now);
               // A JSON client is told the id its "what was missing" goes under.
               if (a.status == 201 && !followup.empty()) a.body = json{{"status", "accepted"}, {"followup", followup}}.dump();
               return a;
           });
}

void post_missing(Api& api, const http::Request& req, http::Response& res) {
    Incoming in = read_answer(req);
    Lang lang = in.lang;
    rating::PageFeedback f;
    f.lang = in.lang_code;
    f.missing = in.text("missing");
    std::string page = in.text("page");
    std::string followup = in.text("followup");
    if (in.errors.empty()) in.errors = rating::validate_missing(f);
    if (in.errors.empty() && !rating::is_rating_token(followup)) in.refuse_field("followup", "choice");
    json fp{{"m", f.missing}, {"l", f.lang}, {"u", followup}};
    // The text came too late (added already, or the answer is older than a day): said on a page.
    auto too_late = [&](const Answer& a) {
        const auto& s = strings(api);
        send_page(api, req, res, a.status, lang, s.get(lang, "rate.page.thanks.title"),
                  "<p>" + esc(s.get(lang, "rate.page.expired")) + "</p>\n" + back_link(s, lang, page));
    };
    finish(api, req, res, in, {page, fp, thanks_location(lang, "missing", page), too_late},
           [&](const std::string& key, const std::string& hash, std::int64_t now) {
               return api.store->add_missing(key, hash, followup, f.missing, now);
           });
}

void post_consultation_rating(Api& api, const http::Request& req, http::Response& res) {
    Incoming in = read_answer(req);
    Lang lang = in.lang;
    rating::Rating r;
    r.lang = in.lang_code;
    std::string token = in.text("token");
    r.score = score_of(field(in.body, "score", in.errors, lang));
    r.about = "consultation";
    r.target = "-";  // the store names the institution from the token
    if (in.errors.empty()) in.errors = rating::validate(r);
    if (in.errors.empty() && !rating::is_rating_token(token)) in.refuse_field("token", "choice");
    std::string page = consultation_url(lang) + (rating::is_rating_token(token) ? "?k=" + token : "");
    json fp{{"k", token}, {"s", r.score}, {"l", r.lang}};
    // The rating page says why it was not taken (rated already, not yet, …).
    auto to_page = [&](const Answer&) { redirect(res, page); };
    finish(api, req, res, in, {"", fp, thanks_location(lang, "consultation", ""), to_page},
           [&](const std::string& key, const std::string& hash, std::int64_t now) {
               return api.store->rate_consultation(key, hash, token, r, now);
           });
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

// The thank-you page: what was answered (?what=), a link back to the page (?page=,
// a path of this site only) and, after "no", the optional "what were you looking for".
void thanks_page(Api& api, Lang lang, const http::Request& req, http::Response& res) {
    const auto& s = strings(api);
    std::string what = req.get_param_value("what"), page = req.get_param_value("page");
    std::string followup = req.get_param_value("followup");
    if (!rating::is_site_path(page)) page.clear();
    auto t = [&](const std::string& key) { return esc(s.get(lang, key)); };
    std::string title, m;
    if (what == "rating" || what == "consultation") {
        title = s.get(lang, "rate.thanks.title");
        m = "<p>" + t("rate.thanks.text") + "</p>\n";
    } else if (what == "not-used") {
        title = s.get(lang, "rate.thanks.title");
        m = "<p>" + t("rate.thanks.not_used") + "</p>\n";
    } else {
        title = s.get(lang, "rate.page.thanks.title");
        m = "<p>" + t(what == "missing" ? "rate.page.thanks.missing" : "rate.page.thanks") + "</p>\n";
        if (what == "page" && rating::is_rating_token(followup))
            m += site::components::missing_form(s, lang, page, followup, false);
    }
    m += back_link(s, lang, page);
    send_page(api, req, res, 200, lang, title, m);
}

std::string when(std::int64_t start, std::int64_t end, Lang lang) {
    auto a = hours::to_riga(start), b = hours::to_riga(end);
    return hours::format_date(a.date, lang, hours::DateStyle::locative) + ", " + hours::format_minutes(a.minute_of_day(), lang) +
           "–" + hours::format_minutes(b.minute_of_day(), lang);
}

// The page a consultation's calendar file links to: the 10-point form while the token
// is good and the consultation has started, otherwise a clear sentence why not.
void consultation_page(Api& api, Lang lang, const http::Request& req, http::Response& res) {
    const auto& s = strings(api);
    std::string token = req.get_param_value("k");
    auto c = api.store->consultation(token);
    std::string m;
    int status = 200;
    auto say = [&](const std::string& key, const std::string& when_text = "") {
        m += "<p class=\"rating-state\">" + esc(s.format(lang, key, {{"when", when_text}})) + "</p>\n";
    };
    std::string about;
    if (c.state.found) {
        const booking::Offer* o = api.offer(c.institution, c.contact_point);
        std::string topic = c.institution;
        if (o)
            for (auto& tp : o->topics)
                if (tp.id == c.topic) topic = tp.title(lang);
        about = "<p>" + esc(s.format(lang, "rate.consultation.about", {{"topic", topic}, {"when", when(c.state.start, c.end, lang)}})) +
                "</p>\n";
    }
    switch (rating::consultation_rating(c.state, now_unix())) {
        case rating::ConsultationRating::open: m += about + site::components::consultation_rating_form(s, lang, token); break;
        case rating::ConsultationRating::not_yet:
            m += about;
            say("rate.consultation.not_yet", when(c.state.start, c.end, lang));
            status = 409;
            break;
        case rating::ConsultationRating::already_rated: say("rate.consultation.used"); status = 409; break;
        case rating::ConsultationRating::cancelled: say("rate.consultation.cancelled"); status = 409; break;
        case rating::ConsultationRating::unknown: say("rate.consultation.unknown"); status = 404; break;
    }
    m += back_link(s, lang, "");
    res.set_header("Referrer-Policy", "no-referrer");  // the token must not travel on in a Referer
    send_page(api, req, res, status, lang, s.get(lang, "rate.consultation.title"), m, urls::Kind::consultation);
}

}  // namespace

// The rating link a consultation's calendar file carries (the origin is added by the caller).
std::string consultation_rating_path(Lang lang, const std::string& token) { return consultation_url(lang) + "?k=" + token; }

void mount_rating_api(http::Server& svr, const std::shared_ptr<Api>& api) {
    svr.Post("/api/ratings", answered(api, post_rating));
    svr.Post("/api/feedback", answered(api, post_feedback));
    svr.Post("/api/feedback/missing", answered(api, post_missing));
    svr.Post("/api/consultation-ratings", answered(api, post_consultation_rating));
    svr.Get("/api/ratings/summary", guarded(api, [](Api& a, const http::Request&, http::Response& res) {
        send_json(res, 200, summary_json(a.store->summary()));
    }));
    for (Lang lang : {Lang::lv, Lang::en}) {
        svr.Get(thanks_url(lang), guarded(api, [lang](Api& a, const http::Request& req, http::Response& res) {
            thanks_page(a, lang, req, res);
        }));
        svr.Get(consultation_url(lang), guarded(api, [lang](Api& a, const http::Request& req, http::Response& res) {
            consultation_page(a, lang, req, res);
        }));
    }
}

}  // namespace pietura::cli::api_detail
