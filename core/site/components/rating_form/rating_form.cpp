// The rating form every service, contact point and consultation page carries: a
// labelled 1–5 radio group (words, not only numbers or icons), an optional comment,
// and the published average once there are enough ratings. A plain form post to the
// server; rating.js (loaded by app.js where the form is) sends it through the outbox with the comment masked first.
#include <cmath>
#include <cstdio>

#include "site/components/rating_form/rating_form.hpp"

#include "site/html.hpp"
#include "site/site.hpp"

namespace pietura::site {

std::string rating_block(const Strings& s, const Options& o, Lang lang, const std::string& about,
                         const std::string& target, const std::string& back) {
    using html::esc;
    auto t = [&](const std::string& key) { return esc(s.get(lang, key)); };
    std::string id = "rate-" + about;
    std::string h = "<section class=\"rating\" aria-labelledby=\"" + id + "-title\">\n<h2 id=\"" + id + "-title\">" +
                    t("rate.title") + "</h2>\n";
    auto group = o.ratings.find(about);
    if (group != o.ratings.end()) {
        auto it = group->second.find(target);
        if (it != group->second.end() && it->second.published()) {
            char avg[16];
            std::snprintf(avg, sizeof avg, "%.1f", std::round(it->second.average * 10) / 10);
            std::string a = avg;
            if (lang == Lang::lv) a.replace(a.find('.'), 1, ",");
            h += "<p class=\"rating-average\">" +
                 esc(s.format(lang, "rate.average", {{"average", a}, {"count", std::to_string(it->second.count)}})) + "</p>\n";
        }
    }
    h += "<form method=\"post\" action=\"/api/ratings\" class=\"rating-form\" data-sent=\"" + t("rate.status.sent") +
         "\" data-waiting=\"" + t("rate.status.waiting") + "\" data-error=\"" + t("rate.status.error") + "\">\n";
    h += "<input type=\"hidden\" name=\"about\" value=\"" + esc(about) + "\">\n";
    h += "<input type=\"hidden\" name=\"target\" value=\"" + esc(target) + "\">\n";
    h += "<input type=\"hidden\" name=\"lang\" value=\"" + std::string(code(lang)) + "\">\n";
    h += "<input type=\"hidden\" name=\"back\" value=\"" + esc(back) + "\">\n";
    h += "<fieldset class=\"field\">\n<legend>" + t("rate.legend") + "</legend>\n<p class=\"hint\">" +
         t("rate.about." + about) + "</p>\n<div class=\"radios scale\">\n";
    for (int k = 1; k <= 5; ++k) {
        std::string n = std::to_string(k);
        h += "<label class=\"radio\"><input type=\"radio\" name=\"score\" value=\"" + n + "\" required> " +
             t("rate." + n) + "</label>\n";
    }
    h += "</div>\n</fieldset>\n<div class=\"field\">\n<label for=\"" + id + "-comment\">" + t("rate.comment") +
         "</label>\n<p class=\"hint\" id=\"" + id + "-comment-hint\">" + t("rate.comment.hint") + "</p>\n";
    h += "<textarea id=\"" + id + "-comment\" name=\"comment\" rows=\"3\" maxlength=\"500\" aria-describedby=\"" + id +
         "-comment-hint\"></textarea>\n</div>\n";
    h += "<p class=\"rating-status\" role=\"status\" aria-live=\"polite\"></p>\n";
    h += "<button type=\"submit\">" + t("rate.send") + "</button>\n</form>\n";
    return h + "</section>\n";
}

}  // namespace pietura::site
