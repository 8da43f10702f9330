// Ratings (/api/ratings): a citizen's score and comment of a service, a contact point
// or a consultation, and the published summary (counts always, averages from five).
#include "api_detail.hpp"
#include <algorithm>
#include <cctype>
#include <cmath>

#include "rating/rating.hpp"
#include "sha256.hpp"

namespace pietura::cli::api_detail {

namespace {

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
    Answer a = api.store->rate(key, digest::sha256_hex(fp.dump()), r, now_unix());
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

}  // namespace

void mount_rating_api(http::Server& svr, const std::shared_ptr<Api>& api) {
    svr.Post("/api/ratings", guarded(api, post_rating));
    svr.Get("/api/ratings/summary", guarded(api, [](Api& a, const http::Request&, http::Response& res) {
        send_json(res, 200, summary_json(a.store->summary()));
    }));
}

}  // namespace pietura::cli::api_detail
