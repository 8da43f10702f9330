#include "site/components/shared_bar/shared_bar.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "i18n/plural.hpp"
#include "site/html.hpp"

namespace pietura::site::components {

using html::esc;

std::string countdown_texts(const Strings& s, Lang lang) {
    // The dialog counts down from at most 60 seconds (app.js: warnFor). The sentence
    // for each second is chosen here, with the noun in the form i18n::plural picks
    // ("Pēc 21 sekundes", "Pēc 11 sekundēm"), so the script never inflects a word
    // itself (issue 14): each sentence comes once, with the seconds it is for
    // (data-s="1 21 31 41 51"), and the script only puts the number in for {s}. One
    // line per second was 9 KB on every page, 75 MB of a national build (issue 13).
    // A <template> is inert: not read out, not shown, not indexed.
    std::vector<std::pair<std::string, std::string>> lines;  // sentence, its seconds
    for (int n = 0; n <= kCountdownSeconds; ++n) {
        std::string text = s.format(lang, i18n::form_key(lang, "plural.seconds_left", n), {{"n", "{s}"}});
        auto it = std::find_if(lines.begin(), lines.end(), [&](auto& l) { return l.first == text; });
        if (it == lines.end()) it = lines.insert(lines.end(), {text, ""});
        it->second += (it->second.empty() ? "" : " ") + std::to_string(n);
    }
    std::string h = "<template id=\"timeout-texts\">";
    for (auto& [text, seconds] : lines) h += "<p data-s=\"" + seconds + "\">" + esc(text) + "</p>";
    return h + "</template>\n";
}

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
         e("shared.timeout.finish") + "</button></p>\n" + countdown_texts(s, lang) + "</dialog>\n";
    return h;
}

}  // namespace pietura::site::components
