// site/html.hpp — the renderer's small HTML helpers (internal to site/).
//
// Pages are built by appending strings; these helpers are the only places where
// content text becomes markup, so escaping cannot be forgotten one call at a time.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "site/site.hpp"

namespace pietura::site::html {

// Content text in an element or in a "…" / '…' attribute.
inline std::string esc(std::string_view text) { return escape_html(text); }

// Plain text with blank lines between paragraphs → <p>…</p> each; a single line
// break inside a paragraph is kept as <br> because editors use it for short lists.
std::string paragraphs(std::string_view text);

// External addresses are only used when they are http(s): anything else (a typo,
// "javascript:") is left out, so a bad record can never run code on a page.
bool is_web_url(std::string_view url);

// Fixed-point decimal with `digits` decimals, independent of the C locale.
std::string fixed(double value, int digits);

// The texts of `keys` in `lang` as a JSON object, escaped for a "…" attribute: the
// labels a page hands to a component that the core renders again in the browser.
std::string strings_json(const Strings& s, Lang lang, const std::vector<std::string>& keys);

}  // namespace pietura::site::html
