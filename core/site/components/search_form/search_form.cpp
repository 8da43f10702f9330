#include "site/components/search_form/search_form.hpp"

#include "site/html.hpp"

namespace pietura::site::components {

namespace {
// The one attribute fill_query() finds the box by: it is in no other element's markup.
constexpr const char* kBoxMark = "autocomplete=\"off\" enterkeyhint=\"search\"";
}  // namespace

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
    h += "<div class=\"search-row\"><input type=\"search\" name=\"q\" id=\"q\" " + std::string(kBoxMark) +
         "><button type=\"submit\">" + e("search.button") + "</button></div>\n";
    h += "<p id=\"search-status\" class=\"visually-hidden\" aria-live=\"polite\"></p>\n";
    h += "<ul id=\"search-results\" class=\"results\" hidden></ul>\n</form>\n";
    return h;
}

std::string fill_query(std::string page_html, std::string_view query) {
    std::string box = "id=\"q\" " + std::string(kBoxMark);
    if (auto at = page_html.find(box); at != std::string::npos)
        page_html.insert(at + box.size(), " value=\"" + html::esc(query) + "\"");
    return page_html;
}

}  // namespace pietura::site::components
