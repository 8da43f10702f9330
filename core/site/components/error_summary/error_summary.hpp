// site/components/error_summary — the GOV.UK error summary on top of a form.
//
//   m += components::error_summary(strings, lang, errors, slot_taken);  // "" when all is well
//
// A box with role="alert" and tabindex="-1" (booking.js focuses it on load, so a
// screen reader hears it first), a heading, and one link per field that needs
// fixing, pointing at the field (#f-<field>). Each message is prefixed with the
// field's label ("Phone: …"), so "Fill in this field." is never ambiguous; one
// message per field. `slot_taken` adds "the time you chose has just gone" first,
// linking to the time step's fieldset. Messages are the core's own validation
// (booking::validate), already in the wanted language.
#pragma once

#include <string>
#include <vector>

#include "booking/booking.hpp"
#include "site/site.hpp"

namespace pietura::site::components {

std::string error_summary(const Strings& s, Lang lang, const std::vector<booking::FieldError>& errors, bool slot_taken);

// The UI string keys error_summary() reads, for pages that hand them to the browser
// (the offline booking step: wasm bindings' M.bookingErrors renders this summary there).
const std::vector<std::string>& error_summary_keys();

}  // namespace pietura::site::components
