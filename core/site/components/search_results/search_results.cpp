#include "site/components/search_results/search_results.hpp"

#include <algorithm>

#include "i18n/plural.hpp"
#include "site/components/search_form/search_form.hpp"
#include "site/html.hpp"

namespace pietura::site::components {
namespace {

using html::esc;

// The query in a link's query string: everything but unreserved characters as %XX.
std::string url_encode(std::string_view text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~')
            out += static_cast<char>(c);
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

const char* kind_key(const std::string& kind) {
    if (kind == "situation") return "kind.situation";
    if (kind == "contact-point") return "kind.contact_point";
    return "kind.service";
}

std::string item(const Strings& s, Lang lang, const search::Hit& h, std::size_t number) {
    // Only site-relative links: a damaged snapshot can never send a citizen elsewhere.
    bool local = h.url.size() > 1 && h.url[0] == '/' && h.url[1] != '/';
    std::string li = "<li id=\"result-" + std::to_string(number) + "\"";
    if (h.weak) li += " class=\"weak\"";
    li += "><a href=\"" + esc(local ? h.url : "/") + "\">" + h.title_html + "</a> <span class=\"tag\">" +
          esc(s.get(lang, kind_key(h.kind))) + "</span>";
    if (!h.summary.empty()) li += "\n<p>" + esc(h.summary) + "</p>";
    return li + "</li>\n";
}

std::string more_link(const Strings& s, Lang lang, const SearchResultsView& v, std::size_t first_hidden) {
    std::string href = url_for(lang, Kind::search) + "?q=" + url_encode(v.query) + "&lapa=" +
                       std::to_string(v.page + 1) + "#result-" + std::to_string(first_hidden + 1);
    return "<p class=\"results-more\"><a href=\"" + esc(href) + "\" data-page=\"" + std::to_string(v.page + 1) +
           "\" rel=\"next\">" + esc(s.get(lang, "search.results.more")) + "</a></p>\n";
}

std::string where_to_ask(const Strings& s, Lang lang) {
    return "<p>" + esc(s.get(lang, "search.results.ask")) + " <a href=\"" +
           esc(url_for(lang, Kind::contact_points)) + "\">" + esc(s.get(lang, "search.results.ask.link")) + "</a></p>\n";
}

}  // namespace

std::string results_count(const Strings& s, Lang lang, std::size_t n) {
    return s.format(lang, i18n::form_key(lang, "search.results", static_cast<std::int64_t>(n)), {{"n", std::to_string(n)}});
}

const std::vector<std::string>& search_results_keys() {
    static const std::vector<std::string> keys = {
        "search.results.zero", "search.results.one", "search.results.other", "search.results.for",
        "search.results.none", "search.results.nothing", "search.results.weak.none", "search.results.weak.intro", "search.results.weak.heading",
        "search.results.ask", "search.results.ask.link", "search.results.more", "search.results.shown",
        "search.results.for.capped", "search.results.shown.capped", "search.results.capped",
        "kind.service", "kind.situation", "kind.contact_point"};
    return keys;
}

std::string search_results(const Strings& s, Lang lang, const SearchResultsView& v) {
    std::vector<const search::Hit*> strong, weak;
    for (auto& h : v.hits) (h.weak ? weak : strong).push_back(&h);
    const std::size_t total = v.hits.size();
    const std::size_t page = static_cast<std::size_t>(std::max(1, v.page));
    const std::size_t shown = std::min(total, page * kSearchPageSize);

    std::string h = "<section id=\"live-results\" class=\"live-results\" aria-labelledby=\"live-results-heading\" "
                    "data-total=\"" + std::to_string(total) + "\" data-shown=\"" + std::to_string(shown) + "\">\n";
    // search::query() answers at most kMaxHits: a full list means there may be more,
    // and the page says "at least" rather than pass the cut off as the count. Confident
    // hits come before weak ones, so with any weak hit listed the confident ones are all there.
    const bool capped = total >= static_cast<std::size_t>(search::kMaxHits);
    std::string heading = strong.empty() ? s.format(lang, total ? "search.results.weak.none" : "search.results.nothing",
                                                    {{"q", v.query}})
                                         : s.format(lang, capped && weak.empty() ? "search.results.for.capped" : "search.results.for",
                                                    {{"count", results_count(s, lang, strong.size())}, {"q", v.query}});
    h += "<h2 id=\"live-results-heading\" tabindex=\"-1\">" + esc(heading) + "</h2>\n";
    if (strong.empty()) {
        // Nothing really answers: say so before any guess, and where a person can ask.
        h += "<p>" + esc(s.get(lang, total ? "search.results.weak.intro" : "search.results.none")) + "</p>\n";
        h += where_to_ask(s, lang);
    }
    std::size_t n = 0;
    if (!strong.empty()) {
        h += "<ul id=\"live-results-list\" class=\"results\">\n";
        for (auto* hit : strong)
            if (n < shown) h += item(s, lang, *hit, ++n);
        h += "</ul>\n";
    }
    if (!weak.empty() && n < shown) {
        h += "<h3 id=\"weak-results-heading\">" + esc(s.get(lang, "search.results.weak.heading")) + "</h3>\n";
        h += "<ul class=\"results weak-results\" aria-labelledby=\"weak-results-heading\">\n";
        for (auto* hit : weak)
            if (n < shown) h += item(s, lang, *hit, ++n);
        h += "</ul>\n";
    }
    if (shown < total) {
        h += "<p class=\"results-shown\">" +
             esc(s.format(lang, capped ? "search.results.shown.capped" : "search.results.shown",
                          {{"shown", std::to_string(shown)}, {"total", std::to_string(total)}})) +
             "</p>\n";
        h += more_link(s, lang, v, shown);
    } else if (capped) {
        h += "<p class=\"results-shown\">" + esc(s.format(lang, "search.results.capped", {{"n", std::to_string(total)}})) +
             "</p>\n";
    }
    return h + "</section>\n";
}

std::string search_results_page(const Strings& s, const Options& o, Lang lang, const SearchResultsView& v) {
    std::string main = "<p class=\"lead\"><a href=\"" + esc(url_for(lang, Kind::search)) + "\">" +
                       esc(s.get(lang, "az.title")) + "</a></p>\n";
    main += "<div id=\"search-answer\" data-results-strings=\"" + html::strings_json(s, lang, search_results_keys()) + "\">" +
            search_results(s, lang, v) + "</div>\n";
    return fill_query(frame(s, o, lang, Kind::search, s.get(lang, "search.results.heading"), main), v.query);
}

std::string search_error_page(const Strings& s, const Options& o, Lang lang, const std::string& message) {
    std::string main = "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\">\n<h2>" +
                       esc(s.get(lang, "search.error.heading")) + "</h2>\n<p>" + esc(message) + "</p>\n</div>\n" +
                       "<p><a href=\"" + esc(url_for(lang, Kind::search)) + "\">" + esc(s.get(lang, "az.title")) +
                       "</a></p>\n";
    return frame(s, o, lang, Kind::search, s.get(lang, "search.results.heading"), main);
}

}  // namespace pietura::site::components
