// "Did you find what you were looking for?" — the question is the form's name, the
// answers are its two submit buttons, so a keyboard or screen reader user meets one
// question and two words, and no JavaScript is needed to answer.
#include "site/components/page_feedback/page_feedback.hpp"

#include "rating/rating.hpp"
#include "site/html.hpp"

namespace pietura::site::components {

std::string missing_form(const Strings& s, Lang lang, const std::string& page, const std::string& followup, bool hidden) {
    using html::esc;
    auto t = [&](const std::string& key) { return esc(s.get(lang, key)); };
    std::string h = "<form method=\"post\" action=\"/api/feedback/missing\" class=\"rating-form feedback-missing\"" +
                    std::string(hidden ? " hidden" : "") + ">\n";
    h += "<input type=\"hidden\" name=\"followup\" value=\"" + esc(followup) + "\">\n";
    h += "<input type=\"hidden\" name=\"page\" value=\"" + esc(page) + "\">\n";
    h += "<input type=\"hidden\" name=\"lang\" value=\"" + std::string(code(lang)) + "\">\n";
    h += "<div class=\"field\">\n<label for=\"feedback-missing\">" + t("rate.page.missing") + "</label>\n";
    h += "<p class=\"hint\" id=\"feedback-missing-hint\">" + t("rate.page.missing.hint") + "</p>\n";
    h += "<textarea id=\"feedback-missing\" name=\"missing\" rows=\"3\" maxlength=\"" + std::to_string(rating::kMaxComment) +
         "\" aria-describedby=\"feedback-missing-hint\"></textarea>\n</div>\n";
    h += "<button type=\"submit\">" + t("rate.page.send") + "</button>\n</form>\n";
    return h;
}

std::string page_feedback(const Strings& s, Lang lang, const std::string& page) {
    using html::esc;
    auto t = [&](const std::string& key) { return esc(s.get(lang, key)); };
    std::string h = "<section class=\"page-feedback\" aria-labelledby=\"feedback-title\" data-thanks=\"" +
                    t("rate.page.thanks") + "\" data-thanks-missing=\"" + t("rate.page.thanks.missing") +
                    "\" data-waiting=\"" + t("rate.page.waiting") + "\" data-error=\"" + t("rate.page.error") + "\">\n";
    h += "<h2 id=\"feedback-title\">" + t("rate.page.title") + "</h2>\n";
    h += "<form method=\"post\" action=\"/api/feedback\" class=\"rating-form feedback-found\" aria-labelledby=\"feedback-title\">\n";
    h += "<input type=\"hidden\" name=\"page\" value=\"" + esc(page) + "\">\n";
    h += "<input type=\"hidden\" name=\"lang\" value=\"" + std::string(code(lang)) + "\">\n";
    h += "<div class=\"feedback-answers\">\n<button type=\"submit\" name=\"found\" value=\"yes\" class=\"button-secondary\">" +
         t("rate.page.yes") + "</button>\n<button type=\"submit\" name=\"found\" value=\"no\" class=\"button-secondary\">" +
         t("rate.page.no") + "</button>\n</div>\n</form>\n";
    // The thanks comes first, then the optional question it leads to.
    h += "<p class=\"feedback-status\" role=\"status\" aria-live=\"polite\"></p>\n";
    h += missing_form(s, lang, page, "", true);
    return h + "</section>\n";
}

}  // namespace pietura::site::components
