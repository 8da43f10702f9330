// site/components/rating_form — the satisfaction of someone who has used a service,
// on the national monitoring's 10-point scale (issue 15), on service pages; and the
// same scale for one consultation, on the page its calendar file links to.
//
//   m += site::rating_block(strings, options, lang, "service", service.id, page_url);
//   m += components::consultation_rating_form(strings, lang, token);
//
// A plain POST form. For a service (to /api/ratings): "Have you used this service?"
// Yes/No, then "Overall, how would you rate this service?" as a 1–10 radio group in
// a fieldset with a legend, both ends labelled in words; the published average shows
// once there are rating::kMinPublished ratings (Options::ratings). For a consultation
// (to /api/consultation-ratings, with its one-time rating token): the scale alone —
// the token already says the consultation happened. Without JavaScript the server
// answers 303 with a thank-you page; rating.js sends it and says thanks in place.
// rating_block() is declared in site/site.hpp: the pages, the server and tests call it there.
#pragma once

#include <string>

#include "site/site.hpp"

namespace pietura::site::components {

std::string consultation_rating_form(const Strings& s, Lang lang, const std::string& token);

}  // namespace pietura::site::components
