// site/components/week_view — a contact point's days ahead and its holidays.
//
//   m += components::week_view(strings, Lang::en, content, cp);
//
// Two parts. The days ahead (#week, hidden until filled): app.js asks the wasm core
// for a week from today and the holidays of the next 60 days in Latvian time, and
// fills .week-table and .holidays-ahead; the column labels travel as data-
// attributes. Without JavaScript, a <details> with one table per year the content
// covers: every holiday, transferred and shortened day with this office's hours on
// it, computed at build time. Tables have a caption and column headers (scope=col).
// "" when the contact point's hours cannot be read.
#pragma once

#include <string>

#include "content/content.hpp"
#include "site/site.hpp"

namespace pietura::site::components {

std::string week_view(const Strings& s, Lang lang, const content::Content& c, const content::ContactPoint& cp);

}  // namespace pietura::site::components
