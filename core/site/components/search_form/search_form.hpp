// site/components/search_form — the site search box in every page's header.
//
//   h += components::search_form(strings, Lang::en);
//
// A plain GET form to the search page (/lv/meklet/, /en/search/), which without
// JavaScript is the A–Z index. With JavaScript app.js asks the wasm core as the
// citizen types and lists the answers under the box (or above the A–Z list on the
// search page). Every word the script shows travels with the form as data-
// attributes: result counts by plural category (Intl.PluralRules), "no results",
// and the kind labels; the script never hard-codes a word.
// Markup ids (search, q, search-status, search-results) are used by app.js and tests.
#pragma once

#include <string>
#include <string_view>

#include "site/site.hpp"

namespace pietura::site::components {

std::string search_form(const Strings& s, Lang lang);

// `page_html` (a whole page with the frame's search box) with `query` in the box, so a
// results page keeps what was searched for. `query` must be valid UTF-8.
std::string fill_query(std::string page_html, std::string_view query);

}  // namespace pietura::site::components
