// site/components/rating_form — "How satisfied were you?" on service, contact point
// and consultation pages.
//
//   m += site::rating_block(strings, options, lang, "service", service.id, page_url);
//
// A plain POST form to /api/ratings: a labelled 1–5 radio group in a fieldset with
// a legend (words, not only numbers or icons), a hint saying what is rated, an
// optional comment with a hint not to write personal data, and a polite status line.
// The published average shows once there are enough ratings (Options::ratings).
// rating.js (loaded by app.js where the form is) sends it through the outbox with
// the comment masked by the core first; without JavaScript the server masks it.
// rating_block() is declared in site/site.hpp: the server and tests call it there.
#pragma once

#include "site/site.hpp"
