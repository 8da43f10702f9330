// site/components/step_by_step — a life situation's steps, folded GOV.UK-style (issue 15).
//
//   h += components::step_by_step_controls(strings, Lang::lv);  // before <ol class="steps">
//
// The steps themselves are site/pages/situation.cpp's markup (li.step > h2.step-title +
// div.step-body); step_by_step.js turns each heading's text into a button that folds
// the step's body, and shows these controls ("open all steps"), which stay hidden
// without JavaScript, where every step is open. See README.md.
#pragma once

#include <string>

#include "site/site.hpp"

namespace pietura::site::components {

// The hidden "open all / close all steps" button that step_by_step.js shows.
std::string step_by_step_controls(const Strings& s, Lang lang);

}  // namespace pietura::site::components
