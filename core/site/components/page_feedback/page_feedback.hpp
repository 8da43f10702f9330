// site/components/page_feedback — "Did you find what you were looking for? Yes / No"
// at the foot of every page (issue 15), as the EU Single Digital Gateway feedback
// tool and GOV.UK's "Is this page useful?" ask it.
//
//   m += components::page_feedback(strings, lang, "/lv/pakalpojumi/vsaa-slimibas-pabalsts/");
//
// Two plain POST forms. The first has the question as its name and two submit
// buttons, found=yes and found=no, to /api/feedback; without JavaScript the server
// answers 303 with a thank-you page in the page's language and a link back here,
// and after "No" that page asks "What were you looking for?". The second form (that
// optional text, to /api/feedback/missing) is here too, `hidden`: rating.js sends
// the answer without leaving the page, then shows the thanks in the polite status
// line and, after "No", the text form. `page` is this page's own path.
// missing_form() is the text form alone, for the server's thank-you page.
#pragma once

#include <string>

#include "site/site.hpp"

namespace pietura::site::components {

std::string page_feedback(const Strings& s, Lang lang, const std::string& page);

// "What were you looking for?" for the "no" stored under `followup` (a random id,
// "" on the static page: rating.js fills it in). `hidden`: shown by rating.js only.
std::string missing_form(const Strings& s, Lang lang, const std::string& page, const std::string& followup, bool hidden);

}  // namespace pietura::site::components
