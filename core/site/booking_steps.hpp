// site/booking_steps.hpp — the booking journey's pieces that site.hpp does not declare:
// step 1 rendered by the server (answers kept, or the error summary), and a frame whose
// language switch leads to the same step in the other language.
//
// Step 1 is a static page (`pietura build`), but a missing answer must come back with
// the error summary and the inline message, and "Back" from the time step must keep the
// topic and the contact point: without JavaScript only the server can do that, so it
// renders step 1 again through the same renderer, from booking::step_one_choices().
// Every step of the journey says where it is ("1. solis no 3" / "Step 1 of 3") and has a
// back link to the previous step (GOV.UK question pages); the check page and the
// confirmation have no step count. The language switch of a step carries the step's own
// non-personal address (topic, contact point, time) or reaches the answers through the
// server's draft or confirmation view — never a name, phone, reference or token (issue 12).
//
// These declarations belong in site.hpp; they live here until it takes them.
#pragma once

#include <string>
#include <vector>

#include "booking/booking.hpp"
#include "content/content.hpp"
#include "site/site.hpp"

namespace pietura::site {

// Step 1 as the citizen left it: the answers so far and what is missing.
struct BookingStart {
    Lang lang = Lang::lv;
    std::string choice;         // "institution:topic" as the radios send it; "" when none
    std::string contact_point;  // "" when none
    std::vector<booking::FieldError> errors;  // fields "choice" and "contact_point"
};

// The field errors of step 1 for what is missing, in the page's language.
std::vector<booking::FieldError> booking_start_errors(const Strings& s, Lang lang, bool no_topic, bool no_contact_point);

// Step 1 rendered by the server (its address: booking_url(lang, "start"), or the time
// step's when an answer is missing), from the content step 1 reads.
std::string booking_start_page(const content::Content& c, const Strings& s, const Options& o, const BookingStart& f);

// Where step 1 with these answers is, for back and change links: the server's copy
// when there are answers to keep, the static page otherwise.
std::string booking_start_url(Lang lang, const std::string& choice, const std::string& contact_point);

// frame() whose language switch and hreflang alternate lead to `alternate` (the same
// step in the other language) instead of that language's step 1 (site/frame.cpp).
std::string frame_to(const Strings& s, const Options& o, Lang lang, Kind kind, const std::string& title,
                     const std::string& main_html, const std::string& alternate);

}  // namespace pietura::site
