#include "site/components/shared_bar/shared_bar.hpp"

#include "site/html.hpp"

namespace pietura::site::components {

using html::esc;

std::string finish_form(const Strings& s, Lang lang, const std::string& id) {
    return "<form method=\"post\" action=\"/api/finish\" class=\"finish-form\"><input type=\"hidden\" name=\"lang\" value=\"" +
           std::string(code(lang)) + "\"><button type=\"submit\" id=\"" + id + "\">" + esc(s.get(lang, "shared.finish")) +
           "</button></form>";
}

std::string shared_bar(const Strings& s, Lang lang, bool shown) {
    auto e = [&](const std::string& key) { return esc(s.get(lang, key)); };
    std::string h = std::string("<div id=\"shared-bar\" class=\"shared-bar\"") + (shown ? "" : " hidden") + " data-cleared=\"" +
                    e("shared.cleared") + "\" data-unsent=\"" + e("shared.unsent") + "\" data-home=\"" +
                    esc(url_for(lang, Kind::home)) + "\"><div class=\"wrap\"><p><strong>" + e("shared.label") + ".</strong> " +
                    e("shared.text") + "</p>" + finish_form(s, lang, "finish-clear") +
                    "<p id=\"shared-status\" role=\"status\"></p></div></div>\n";
    h += "<dialog id=\"timeout-dialog\" class=\"timeout-dialog\" aria-labelledby=\"timeout-title\" "
         "aria-describedby=\"timeout-text\" data-text=\"" + e("shared.timeout.text") + "\">\n<h2 id=\"timeout-title\">" +
         e("shared.timeout.title") + "</h2>\n<p id=\"timeout-text\"></p>\n<p><button type=\"button\" id=\"timeout-more\">" +
         e("shared.timeout.more") + "</button> <button type=\"button\" id=\"timeout-finish\" class=\"button-secondary\">" +
         e("shared.timeout.finish") + "</button></p>\n</dialog>\n";
    return h;
}

}  // namespace pietura::site::components
