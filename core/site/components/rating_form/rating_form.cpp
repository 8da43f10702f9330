// The service rating: a question that filters ("have you used it?") and the national
// monitoring's 1–10 scale, numbers with both ends in words, so the figures published
// here compare with the monitoring's. No comment box: what a page lacks is asked by
// page_feedback, and a rating stays a quick answer.
#include <cmath>
#include <cstdio>

#include "site/components/rating_form/rating_form.hpp"

#include "rating/rating.hpp"
#include "site/html.hpp"
#include "site/site.hpp"

namespace pietura::site {

namespace {

// The 1–10 radio group; `id` prefixes the element ids (one form of a kind per page).
std::string scale(const Strings& s, Lang lang, const std::string& id, const std::string& legend_key,
                  const std::string& hint_key, bool required) {
    using html::esc;
    auto t = [&](const std::string& key) { return esc(s.get(lang, key)); };
    std::string h = "<fieldset class=\"field scale10\" aria-describedby=\"" + id + "-scale-hint\">\n<legend>" +
                    t(legend_key) + "</legend>\n<p class=\"hint\" id=\"" + id + "-scale-hint\">" + t(hint_key) +
                    "</p>\n<div class=\"radios\">\n";
    for (int k = 1; k <= rating::kScale; ++k) {
        std::string n = std::to_string(k);
        std::string label = k == 1 || k == rating::kScale ? t("rate." + n) : n;
        h += "<label class=\"radio\"><input type=\"radio\" name=\"score\" value=\"" + n + "\"" +
             (required ? " required" : "") + "> " + label + "</label>\n";
    }
    return h + "</div>\n</fieldset>\n";
}

std::string status_attrs(const Strings& s, Lang lang) {
    using html::esc;
    auto t = [&](const std::string& key) { return esc(s.get(lang, key)); };
    return " data-sent=\"" + t("rate.status.sent") + "\" data-waiting=\"" + t("rate.status.waiting") +
           "\" data-error=\"" + t("rate.status.error") + "\" data-not-used=\"" + t("rate.status.not_used") + "\"";
}

}  // namespace

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
    h += "<p>" + t("rate.intro") + "</p>\n";
    h += "<form method=\"post\" action=\"/api/ratings\" class=\"rating-form service-rating\"" + status_attrs(s, lang) + ">\n";
    h += "<input type=\"hidden\" name=\"about\" value=\"" + esc(about) + "\">\n";
    h += "<input type=\"hidden\" name=\"target\" value=\"" + esc(target) + "\">\n";
    h += "<input type=\"hidden\" name=\"lang\" value=\"" + std::string(code(lang)) + "\">\n";
    h += "<input type=\"hidden\" name=\"back\" value=\"" + esc(back) + "\">\n";
    h += "<fieldset class=\"field\">\n<legend>" + t("rate.used") + "</legend>\n<div class=\"radios inline\">\n";
    h += "<label class=\"radio\"><input type=\"radio\" name=\"used\" value=\"yes\" required> " + t("rate.yes") + "</label>\n";
    h += "<label class=\"radio\"><input type=\"radio\" name=\"used\" value=\"no\" required> " + t("rate.no") + "</label>\n";
    h += "</div>\n</fieldset>\n";
    // Not `required`: "No, I have not used it" is a complete answer without a score.
    h += scale(s, lang, id, "rate.legend", "rate.scale.hint", false);
    h += "<p class=\"rating-status\" role=\"status\" aria-live=\"polite\"></p>\n";
    h += "<button type=\"submit\">" + t("rate.send") + "</button>\n</form>\n";
    return h + "</section>\n";
}

namespace components {

std::string consultation_rating_form(const Strings& s, Lang lang, const std::string& token) {
    using html::esc;
    auto t = [&](const std::string& key) { return esc(s.get(lang, key)); };
    std::string h = "<form method=\"post\" action=\"/api/consultation-ratings\" class=\"rating-form consultation-rating\"" +
                    status_attrs(s, lang) + ">\n";
    h += "<input type=\"hidden\" name=\"token\" value=\"" + esc(token) + "\">\n";
    h += "<input type=\"hidden\" name=\"lang\" value=\"" + std::string(code(lang)) + "\">\n";
    h += scale(s, lang, "rate-consultation", "rate.legend.consultation", "rate.scale.hint.consultation", true);
    h += "<p class=\"rating-status\" role=\"status\" aria-live=\"polite\"></p>\n";
    h += "<button type=\"submit\">" + t("rate.send") + "</button>\n</form>\n";
    return "<section class=\"rating\">\n" + h + "</section>\n";
}

}  // namespace components

}  // namespace pietura::site
