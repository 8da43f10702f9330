#include "site/components/search_form/search_form.hpp"

#include "site/html.hpp"

namespace pietura::site::components {

std::string search_form(const Strings& s, Lang lang) {
    using html::esc;
    auto e = [&](const std::string& key) { return esc(s.get(lang, key)); };
    std::string h = "<form role=\"search\" action=\"" + esc(url_for(lang, Kind::search)) +
                    "\" method=\"get\" class=\"search\" id=\"search\" data-lang=\"" + std::string(code(lang)) + "\"";
    // Count phrases by plural category (Intl.PluralRules: Latvian has zero/one/other),
    // plus "none" for the helpful message when nothing matched.
    for (const char* k : {"none", "zero", "one", "other"})
        h += std::string(" data-results-") + k + "=\"" + e(std::string("search.results.") + k) + "\"";
    h += " data-kind-service=\"" + e("kind.service") + "\"";
    h += " data-kind-situation=\"" + e("kind.situation") + "\"";
    h += " data-kind-contact-point=\"" + e("kind.contact_point") + "\"";
    h += ">\n<label for=\"q\">" + e("search.label") + "</label>\n";
    h += "<div class=\"search-row\"><input type=\"search\" name=\"q\" id=\"q\" autocomplete=\"off\" "
         "enterkeyhint=\"search\"><button type=\"submit\">" +
         e("search.button") + "</button></div>\n";
    h += "<p id=\"search-status\" class=\"visually-hidden\" aria-live=\"polite\"></p>\n";
    h += "<ul id=\"search-results\" class=\"results\" hidden></ul>\n</form>\n";
    return h;
}

}  // namespace pietura::site::components
