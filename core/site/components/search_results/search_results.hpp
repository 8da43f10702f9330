// site/components/search_results — the answer to a search: a heading with the count,
// the hits, and honesty about guesses (issues 14 and 15).
//
//   SearchResultsView v{"pensija", cat.search("pensija", Lang::lv, search::kMaxHits), 1};
//   h += components::search_results(strings, Lang::lv, v);   // <section id="live-results">…
//
// One implementation wherever results appear: the search page the reference server
// renders for /lv/meklet/?q=… (tools/pietura/api_search_pages.cpp, no JavaScript
// needed) and the search page in the browser, where wasm/bindings.cpp (Catalogue#resultsHtml) calls
// this same function with the labels the page carries (data-results-strings: the keys
// of search_results_keys()). app.js never builds result markup itself.
//
// Confident hits come first. Weak ones (search::Hit::weak) follow under their own
// heading; when there is nothing but weak ones, a plain sentence says the catalogue
// may not have it and where to ask instead. Hits show kPageSize at a time: page N
// shows the first N × kPageSize, and "Show more" is a link to page N + 1 (app.js turns
// it into a button that does the same in place).
#pragma once

#include <string>
#include <vector>

#include "search/search.hpp"
#include "site/site.hpp"

namespace pietura::site::components {

inline constexpr int kSearchPageSize = 10;

struct SearchResultsView {
    std::string query;              // as typed; shown escaped
    std::vector<search::Hit> hits;  // as search::query() answered, best first
    int page = 1;                   // 1.. ; pages past the last show everything
};

// `query` must be valid UTF-8 (callers refuse anything else before searching).
std::string search_results(const Strings& s, Lang lang, const SearchResultsView& v);

// The UI string keys search_results() reads, for pages that hand them to the browser.
const std::vector<std::string>& search_results_keys();

// The whole search page the reference server answers /lv/meklet/?q=… with: the site's
// frame, its search box keeping the query, and search_results(). The A–Z list stays
// on the static page (without a query, and on a plain static host).
std::string search_results_page(const Strings& s, const Options& o, Lang lang, const SearchResultsView& v);

// The same page saying why a search could not be run (`message`: a sentence for people).
std::string search_error_page(const Strings& s, const Options& o, Lang lang, const std::string& message);

// "1 rezultāts", "21 rezultāts", "11 rezultātu": the count phrase of search.results.*
// by the language's plural rules (Latvian: zero / one / other, as Intl.PluralRules).
std::string results_count(const Strings& s, Lang lang, std::size_t n);

}  // namespace pietura::site::components
