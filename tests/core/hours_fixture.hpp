// tests/core/hours_fixture.hpp — what the hours tests share: dates, instants and
// calendars written by hand (the facts of content/holidays the tests rely on), and
// parse helpers. Include after <boost/test/unit_test.hpp>; each hours_*_test.cpp
// is an executable of its own.
#pragma once

#include <cstdlib>
#include <ctime>
#include <iterator>
#include <string>
#include <vector>

#include "hours/hours.hpp"

using namespace pietura::hours;
using pietura::Lang;

namespace {

Instant at(const std::string& iso) {
    ParseError err;
    auto t = parse_instant(iso, &err);
    BOOST_REQUIRE_MESSAGE(t, iso + ": " + err.to_string());
    return *t;
}

Schedule spec(const std::string& text) {
    ParseError err;
    auto s = Schedule::parse(text, &err);
    BOOST_REQUIRE_MESSAGE(s, text + ": " + err.to_string());
    return *s;
}

Date date(const std::string& iso) {
    auto d = Date::parse(iso);
    BOOST_REQUIRE_MESSAGE(d, iso);
    return *d;
}

std::string hm(int m) {
    std::string h = std::to_string(m / 60), mm = std::to_string(m % 60);
    return (h.size() < 2 ? "0" + h : h) + ":" + (mm.size() < 2 ? "0" + mm : mm);
}

// "08:30-12:00,13:00-17:00"; unknown stretches get a '?'.
std::string text(const std::vector<Interval>& v) {
    std::string out;
    for (const auto& x : v) {
        if (!out.empty()) out += ",";
        out += hm(x.start) + "-" + hm(x.end) + (x.state == State::unknown ? "?" : "");
    }
    return out;
}

std::string hours_on(const Schedule& s, const std::string& day, const Calendar& cal) {
    return text(s.intervals(date(day), cal));
}

// The facts of content/holidays/2023..2026.json that the tests rely on.
Calendar latvia() {
    Calendar c;
    c.add_extra(date("2023-05-29"), "Hokeja bronzas medaļas diena", "Ice hockey bronze medal day");
    c.add_extra(date("2023-07-10"), "Dziesmu un deju svētku brīvdiena", "Song and Dance Festival day off");
    c.add_transfer(date("2023-05-05"), Transfer::day_off, "Brīvdiena", "Day off");
    c.add_transfer(date("2023-05-20"), Transfer::working_day, "Darba diena", "Working day");
    c.add_transfer(date("2024-12-14"), Transfer::working_day, "Darba diena", "Working day");
    c.add_transfer(date("2024-12-23"), Transfer::day_off, "Brīvdiena", "Day off");
    c.add_transfer(date("2024-12-28"), Transfer::working_day, "Darba diena", "Working day");
    c.add_transfer(date("2024-12-30"), Transfer::day_off, "Brīvdiena", "Day off");
    c.add_transfer(date("2025-11-08"), Transfer::working_day, "Darba diena", "Working day");
    c.add_transfer(date("2025-11-17"), Transfer::day_off, "Brīvdiena", "Day off");
    c.add_transfer(date("2026-01-02"), Transfer::day_off, "Brīvdiena", "Day off");
    c.add_transfer(date("2026-01-17"), Transfer::working_day, "Darba diena", "Working day");
    c.add_transfer(date("2026-06-22"), Transfer::day_off, "Brīvdiena", "Day off");
    c.add_transfer(date("2026-06-27"), Transfer::working_day, "Darba diena", "Working day");
    return c;
}

// A typical VPVKAC: lunch Monday–Thursday, short Friday, closed on holidays.
const char* kCentre = "Mo-Th 08:30-12:00,13:00-17:00; Fr 08:30-14:00; PH off";

ParseError parse_error(const std::string& text) {
    ParseError err;
    auto s = Schedule::parse(text, &err);
    BOOST_CHECK_MESSAGE(!s, "\"" + text + "\" should not parse");
    return err;
}

}  // namespace
