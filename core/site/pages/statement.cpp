// The accessibility statement and this PC's settings (text size, contrast, shared-computer mode).
#include <cctype>

#include "site/page.hpp"

namespace pietura::site::internal {

// What the portal can and cannot clear on a shared PC (issue 12): said on the
// accessibility statement and on the settings page, where librarians turn the mode on.
std::string shared_pc_help(const Ctx& x) {
    std::string m = "<p>" + x.e("shared.help.can") + "</p>\n<p>" + x.e("shared.help.cannot") + "</p>\n<ul>\n";
    for (const char* k : {"shared.help.cannot.1", "shared.help.cannot.2", "shared.help.cannot.3", "shared.help.cannot.4"})
        m += "<li>" + x.e(k) + "</li>\n";
    m += "</ul>\n<p>" + x.e("shared.help.never") + "</p>\n<p><strong>" + x.e("shared.help.profile") + "</strong></p>\n";
    return m;
}

// The accessibility statement Latvian public-sector sites must publish, with a
// way to report a problem.
Page accessibility_page(const Ctx& x) {
    std::string m = "<p class=\"lead\">" + x.e("a11y.intro") + "</p>\n";
    m += "<h2>" + x.e("a11y.status.heading") + "</h2>\n<p>" + x.e("a11y.status.text") + "</p>\n";
    m += "<h2>" + x.e("a11y.how.heading") + "</h2>\n<ul>\n";
    for (const char* k : {"a11y.how.1", "a11y.how.2", "a11y.how.3", "a11y.how.4"}) m += "<li>" + x.e(k) + "</li>\n";
    m += "</ul>\n<p>" + link(x.url(Kind::settings), x.e("footer.settings")) + "</p>\n";
    m += "<h2>" + x.e("a11y.limits.heading") + "</h2>\n<p>" + x.e("a11y.limits.text") + "</p>\n";
    m += "<h2 id=\"shared-computers\">" + x.e("shared.help.heading") + "</h2>\n" + shared_pc_help(x);
    m += "<h2 id=\"feedback\">" + x.e("a11y.feedback.heading") + "</h2>\n<p>" + x.e("a11y.feedback.text") + "</p>\n";
    std::string subject;
    for (unsigned char ch : x.t("a11y.feedback.subject")) {
        static const char* hex = "0123456789ABCDEF";
        if (std::isalnum(ch) || ch == '-' || ch == '.') subject += char(ch);
        else subject += std::string("%") + hex[ch >> 4] + hex[ch & 15];
    }
    m += "<p>" + link("mailto:" + x.t("a11y.feedback.address") + "?subject=" + subject, x.e("a11y.feedback.email")) +
         ": " + x.e("a11y.feedback.address") + "</p>\n";
    m += "<h2>" + x.e("a11y.enforcement.heading") + "</h2>\n<p>" + x.e("a11y.enforcement.text") + "</p>\n";
    m += "<p>" + x.e("a11y.date") + "</p>\n";
    PageSpec p{Kind::accessibility, "", x.t("a11y.title"), x.t("a11y.intro"), {}};
    return page(x, p, m);
}

// Settings that belong to the PC, not to a person. app.js reads and saves them;
// without JavaScript the page says how to zoom instead, and shared-computer mode is a
// plain form the reference server answers with the pietura_shared cookie (on a
// plain static host nothing answers it, and the JavaScript form is the way).
Page settings_page(const Ctx& x) {
    std::string m = "<p class=\"lead\">" + x.e("settings.intro") + "</p>\n";
    m += "<noscript><p class=\"notice\">" + x.e("settings.nojs") + "</p>\n"
         "<form method=\"post\" action=\"/api/settings/shared\" class=\"settings\" id=\"settings-nojs\">\n<fieldset>\n<legend>" +
         x.e("settings.shared") + "</legend>\n<p class=\"hint\">" + x.e("settings.shared.hint") + "</p>\n"
         "<input type=\"hidden\" name=\"lang\" value=\"" + std::string(code(x.lang)) + "\">\n"
         "<p><button type=\"submit\" name=\"shared\" value=\"1\">" + x.e("settings.shared.turn_on") +
         "</button> <button type=\"submit\" name=\"shared\" value=\"0\" class=\"button-secondary\">" +
         x.e("settings.shared.turn_off") + "</button></p>\n</fieldset>\n</form>\n</noscript>\n";
    m += "<form id=\"settings-form\" class=\"settings\" hidden>\n<fieldset>\n<legend>" + x.e("settings.display") +
         "</legend>\n";
    m += "<div class=\"check\"><input type=\"checkbox\" id=\"s-large\" name=\"large\"><label for=\"s-large\">" +
         x.e("settings.large") + "</label></div>\n";
    m += "<div class=\"check\"><input type=\"checkbox\" id=\"s-contrast\" name=\"contrast\"><label for=\"s-contrast\">" +
         x.e("settings.contrast") + "</label></div>\n</fieldset>\n";
    m += "<fieldset>\n<legend>" + x.e("settings.shared") + "</legend>\n";
    m += "<div class=\"check\"><input type=\"checkbox\" id=\"s-shared\" name=\"shared\" aria-describedby=\"s-shared-hint\">"
         "<label for=\"s-shared\">" + x.e("settings.shared.on") + "</label></div>\n<p class=\"hint\" id=\"s-shared-hint\">" +
         x.e("settings.shared.hint") + "</p>\n";
    m += "<div class=\"field\"><label for=\"s-timeout\">" + x.e("settings.timeout") +
         "</label>\n<select id=\"s-timeout\" name=\"timeout\">\n";
    for (int minutes : {2, 5, 10, 15, 30})
        m += "<option value=\"" + std::to_string(minutes) + "\"" + (minutes == 5 ? " selected" : "") + ">" +
             std::to_string(minutes) + "</option>\n";
    m += "</select></div>\n<p class=\"hint\">" + x.e("settings.url") + "</p>\n</fieldset>\n";
    m += "<p><button type=\"submit\">" + x.e("settings.save") + "</button></p>\n<p id=\"settings-status\" role=\"status\" "
         "data-saved=\"" + x.e("settings.saved") + "\"></p>\n</form>\n";
    m += "<h2 id=\"shared-computers\">" + x.e("shared.help.heading") + "</h2>\n" + shared_pc_help(x);
    PageSpec p{Kind::settings, "", x.t("settings.title"), x.t("settings.intro"), {}};
    return page(x, p, m);
}


}  // namespace pietura::site::internal
