// site/components/slot_list — the free consultation times to choose from.
//
//   m += components::slot_list(Lang::lv, slots, request.start);  // inside <fieldset id="f-start">
//
// One fieldset per day, its legend the day in words ("pirmdiena, 21. decembrī" /
// "Monday 21 December", Riga time), and a radio per time (name="start", the value
// the slot's start in Unix seconds, the label "9:00"). Radios in a fieldset with a
// legend, so a screen reader says the day with each time; `checked` (a start) is
// pre-selected when the citizen comes back to change it, nothing otherwise.
// day_label() is the day in words, for other booking lines that name the day.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "booking/booking.hpp"
#include "hours/hours.hpp"
#include "i18n/lang.hpp"

namespace pietura::site::components {

std::string slot_list(Lang lang, const std::vector<booking::Slot>& slots, std::int64_t checked);

std::string day_label(hours::Date d, Lang lang);

}  // namespace pietura::site::components
