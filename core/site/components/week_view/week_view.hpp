// site/components/week_view — a contact point's days ahead and its holidays.
//
//   m += components::week_view(strings, Lang::en, content, cp, components::build_today());
//
// Two parts. The days ahead (#week, hidden until filled): week_view.js asks the wasm
// core for a week from today and the holidays of the next 60 days in Latvian time,
// and fills .week-table and .holidays-ahead; the column labels travel as data-
// attributes. Without JavaScript (and until the script runs), the holidays from
// `today` on, computed at build time with this office's hours: the next few in a
// table of their own, then this year's and next year's in full, folded in a
// <details> (issue 15: older years are history, later ones are not yet decided by
// the Cabinet). Dates are written as Latvians write them (hours::format_date), never
// ISO. Tables have a caption and column headers (scope=col).
// "" when the contact point's hours cannot be read.
#pragma once

#include <string>

#include "content/content.hpp"
#include "hours/hours.hpp"
#include "site/site.hpp"

namespace pietura::site::components {

std::string week_view(const Strings& s, Lang lang, const content::Content& c, const content::ContactPoint& cp,
                      hours::Date today);

// The date a build describes as "today", in Riga: SOURCE_DATE_EPOCH (seconds since
// 1970, the reproducible-builds convention) when it is set, so a build and its tests
// can fix the clock; the system clock otherwise. A SOURCE_DATE_EPOCH that is not a
// whole number of seconds throws std::invalid_argument rather than being ignored.
hours::Date build_today();

}  // namespace pietura::site::components
