// Tests of core/hours: evaluating opening hours at an instant, and the next change.
// Expected values are checked by hand against a calendar (and, for Riga time,
// against the IANA Europe/Riga zone), never produced by the code under test.
#define BOOST_TEST_MODULE hours_evaluate
#include <boost/test/unit_test.hpp>

#include "hours_fixture.hpp"

// ---------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(evaluate)

BOOST_AUTO_TEST_CASE(lunch_break) {
    Calendar c;
    auto s = spec(kCentre);
    BOOST_TEST(hours_on(s, "2026-03-11", c) == "08:30-12:00,13:00-17:00");  // Wednesday
    BOOST_TEST(!s.is_open(at("2026-03-11T08:29+02:00"), c));
    BOOST_TEST(s.is_open(at("2026-03-11T08:30+02:00"), c));
    BOOST_TEST(s.is_open(at("2026-03-11T11:59:59+02:00"), c));
    BOOST_TEST(!s.is_open(at("2026-03-11T12:00+02:00"), c));
    BOOST_TEST(!s.is_open(at("2026-03-11T12:30+02:00"), c));
    BOOST_TEST(s.is_open(at("2026-03-11T13:00+02:00"), c));
    BOOST_TEST(!s.is_open(at("2026-03-11T17:00+02:00"), c));
    // The same wall-clock hours in summer time.
    BOOST_TEST(s.is_open(at("2026-07-15T05:30Z"), c));   // 08:30 EEST
    BOOST_TEST(!s.is_open(at("2026-07-15T05:29Z"), c));  // 08:29 EEST
}

BOOST_AUTO_TEST_CASE(friday_short_hours_and_weekend) {
    Calendar c;
    auto s = spec(kCentre);
    BOOST_TEST(hours_on(s, "2026-03-13", c) == "08:30-14:00");
    BOOST_TEST(s.is_open(at("2026-03-13T13:59+02:00"), c));
    BOOST_TEST(!s.is_open(at("2026-03-13T14:30+02:00"), c));
    BOOST_TEST(hours_on(s, "2026-03-14", c) == "");
    BOOST_TEST(hours_on(s, "2026-03-15", c) == "");
}

BOOST_AUTO_TEST_CASE(public_holidays) {
    Calendar c;
    auto s = spec(kCentre);
    auto may1 = s.day(date("2026-05-01"), c);
    BOOST_TEST(may1.intervals.empty());
    BOOST_TEST(may1.holiday.has_value());
    BOOST_TEST(hours_on(s, "2026-11-18", c) == "");
    BOOST_TEST(hours_on(s, "2026-04-06", c) == "");  // Easter Monday
    BOOST_TEST(hours_on(s, "2025-05-05", c) == "");  // Monday after a Sunday 4 May
    BOOST_TEST(!s.is_open(at("2026-11-18T10:00+02:00"), c));
    auto ph_hours = spec("Mo-Fr 09:00-17:00; PH 10:00-14:00");
    BOOST_TEST(hours_on(ph_hours, "2026-04-06", c) == "10:00-14:00");
    BOOST_TEST(hours_on(ph_hours, "2026-04-05", c) == "10:00-14:00");  // Sunday, but Easter
    BOOST_TEST(hours_on(ph_hours, "2026-04-07", c) == "09:00-17:00");
    // Without a PH rule, weekday hours apply on holidays too.
    BOOST_TEST(hours_on(spec("Mo-Fr 09:00-17:00"), "2026-11-18", c) == "09:00-17:00");
    auto sat_ph = spec("Sa,PH 10:00-12:00");
    BOOST_TEST(hours_on(sat_ph, "2026-06-23", c) == "10:00-12:00");
    BOOST_TEST(hours_on(sat_ph, "2026-06-20", c) == "10:00-12:00");
    BOOST_TEST(hours_on(sat_ph, "2026-06-25", c) == "");
}

BOOST_AUTO_TEST_CASE(cabinet_day_off_counts_as_ph) {
    Calendar plain, c = latvia();
    auto s = spec("Mo-Fr 08:00-17:00; PH off");
    BOOST_TEST(hours_on(s, "2025-11-17", c) == "");
    BOOST_TEST(hours_on(s, "2025-11-17", plain) == "08:00-16:00");  // without the transfer: the eve of 18 Nov
    auto d = s.day(date("2025-11-17"), c);
    BOOST_TEST(d.transfer.has_value());
    BOOST_TEST(!d.holiday.has_value());
    // A working Saturday keeps the spec's Saturday hours: which weekday's hours an
    // office works then is not in the spec, so it is not guessed.
    BOOST_TEST(hours_on(s, "2025-11-08", c) == "");
    BOOST_TEST(s.day(date("2025-11-08"), c).transfer.has_value());
}

BOOST_AUTO_TEST_CASE(dates_and_months) {
    Calendar c;
    auto summer = spec("Mo-Fr 08:00-17:00; Jun-Aug Mo-Fr 09:00-15:00");
    BOOST_TEST(hours_on(summer, "2026-07-15", c) == "09:00-15:00");
    BOOST_TEST(hours_on(summer, "2026-06-01", c) == "09:00-15:00");
    BOOST_TEST(hours_on(summer, "2026-09-01", c) == "08:00-17:00");
    BOOST_TEST(hours_on(summer, "2026-07-18", c) == "");  // Saturday

    auto winter = spec("Mo-Fr 08:00-17:00; Nov-Feb Mo 10:00-12:00");
    BOOST_TEST(hours_on(winter, "2027-01-04", c) == "10:00-12:00");
    BOOST_TEST(hours_on(winter, "2026-03-02", c) == "08:00-17:00");

    auto xmas = spec("Mo-Fr 08:00-17:00; 2026 Dec 24-2027 Jan 02 off");
    BOOST_TEST(hours_on(xmas, "2026-12-28", c) == "");
    BOOST_TEST(hours_on(xmas, "2027-01-04", c) == "08:00-17:00");
    BOOST_TEST(hours_on(xmas, "2025-12-29", c) == "08:00-17:00");  // another year

    auto yearly = spec("Mo-Fr 08:00-17:00; Dec 27-Jan 02 off");
    BOOST_TEST(hours_on(yearly, "2027-12-28", c) == "");
    BOOST_TEST(hours_on(yearly, "2028-01-03", c) == "08:00-17:00");

    auto one_day = spec("Mo-Fr 08:00-17:00; 2026 Dec 28 10:00-12:00");
    BOOST_TEST(hours_on(one_day, "2026-12-28", c) == "10:00-12:00");
    BOOST_TEST(hours_on(one_day, "2027-12-28", c) == "08:00-17:00");

    auto year = spec("2027 Mo-Fr 08:00-17:00");
    BOOST_TEST(hours_on(year, "2027-03-01", c) == "08:00-17:00");
    BOOST_TEST(hours_on(year, "2026-03-02", c) == "");
}

BOOST_AUTO_TEST_CASE(normal_additional_and_fallback_rules) {
    Calendar c;
    // ';' replaces the day, ',' adds to it.
    BOOST_TEST(hours_on(spec("Mo-Fr 08:00-12:00; We 14:00-18:00"), "2026-03-11", c) == "14:00-18:00");
    BOOST_TEST(hours_on(spec("Mo-Fr 08:00-12:00, We 14:00-18:00"), "2026-03-11", c) == "08:00-12:00,14:00-18:00");
    BOOST_TEST(hours_on(spec("Mo-Fr 08:00-12:00, We 14:00-18:00"), "2026-03-12", c) == "08:00-12:00");
    BOOST_TEST(hours_on(spec("Mo-Fr 08:00-17:00, We 12:00-13:00 off"), "2026-03-11", c) == "08:00-12:00,13:00-17:00");
    BOOST_TEST(hours_on(spec("Mo-Fr 08:00-17:00; We 12:00-13:00 off"), "2026-03-11", c) == "");
    BOOST_TEST(hours_on(spec("Mo-Fr 08:00-12:00,10:00-14:00"), "2026-03-11", c) == "08:00-14:00");
    // '||' only where nothing before it matched.
    auto fb = spec("Mo-Fr 08:00-17:00 || \"by appointment\"");
    BOOST_TEST(hours_on(fb, "2026-03-11", c) == "08:00-17:00");
    BOOST_TEST(hours_on(fb, "2026-03-14", c) == "00:00-24:00?");
    BOOST_TEST(fb.day(date("2026-03-14"), c).intervals[0].comment == "by appointment");
    auto st = fb.status(at("2026-03-14T10:00+02:00"), c);
    BOOST_TEST((st.state == State::unknown));
    BOOST_TEST(st.comment == "by appointment");
    BOOST_TEST(describe_status(st, at("2026-03-14T10:00+02:00"), Lang::en) == "by appointment");
}

BOOST_AUTO_TEST_CASE(weekday_ranges_lists_and_wrap) {
    Calendar c;
    auto s = spec("Mo-Tu,Th,Sa 10:00-12:00");
    std::string got;
    for (const auto& d : s.week(date("2026-03-09"), c)) got += d.intervals.empty() ? "-" : "x";
    BOOST_TEST(got == "xx-x-x-");
    auto wrap = spec("Sa-Mo 10:00-12:00");
    got.clear();
    for (const auto& d : wrap.week(date("2026-03-09"), c)) got += d.intervals.empty() ? "-" : "x";
    BOOST_TEST(got == "x----xx");
}

BOOST_AUTO_TEST_CASE(round_the_clock_and_past_midnight) {
    Calendar c;
    auto always = spec("24/7");
    BOOST_TEST(always.is_open(at("2026-12-25T03:00+02:00"), c));
    BOOST_TEST(hours_on(always, "2026-12-23", c) == "00:00-24:00");  // a shortened day, but round the clock
    auto night = spec("Fr 22:00-02:00");
    BOOST_TEST(hours_on(night, "2026-03-13", c) == "22:00-24:00");
    BOOST_TEST(hours_on(night, "2026-03-14", c) == "00:00-02:00");
    BOOST_TEST(night.is_open(at("2026-03-14T01:30+02:00"), c));
    BOOST_TEST(!night.is_open(at("2026-03-14T02:00+02:00"), c));
}

BOOST_AUTO_TEST_CASE(dst_switch_days) {
    Calendar c;
    auto s = spec("Mo-Su 02:00-05:00");
    BOOST_TEST(s.is_open(at("2026-03-29T00:30Z"), c));   // 02:30 EET
    BOOST_TEST(s.is_open(at("2026-03-29T01:30Z"), c));   // 04:30 EEST
    BOOST_TEST(!s.is_open(at("2026-03-29T02:00Z"), c));  // 05:00 EEST
    BOOST_TEST(s.is_open(at("2026-10-25T01:30Z"), c));   // the second 03:30
    BOOST_TEST(!s.is_open(at("2026-10-25T03:00Z"), c));  // 05:00 EET
}

BOOST_AUTO_TEST_CASE(week_view) {
    Calendar c;
    auto week = spec(kCentre).week(date("2026-12-21"), c);
    BOOST_REQUIRE(week.size() == 7u);
    BOOST_TEST(week[0].date.iso() == "2026-12-21");
    BOOST_TEST(text(week[0].intervals) == "08:30-12:00,13:00-17:00");
    BOOST_TEST(week[2].shortened);
    BOOST_TEST(text(week[2].intervals) == "08:30-12:00,13:00-16:00");
    BOOST_TEST(week[3].holiday.has_value());
    BOOST_TEST(week[3].intervals.empty());
    BOOST_TEST(week[6].date.iso() == "2026-12-27");
    BOOST_TEST(!week[6].holiday.has_value());
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(next_change)

BOOST_AUTO_TEST_CASE(open_until_lunch) {
    Calendar c;
    auto now = at("2026-03-11T10:00+02:00");
    auto st = spec(kCentre).status(now, c);
    BOOST_TEST(st.open());
    BOOST_TEST(st.current.start == 8 * 60 + 30);
    BOOST_TEST(st.current.end == 12 * 60);
    BOOST_TEST(format_riga(*st.closes_at) == "2026-03-11T12:00:00+02:00");
    BOOST_TEST(*st.next_change == *st.closes_at);
    BOOST_TEST(!st.opens_at);
    BOOST_TEST(describe_status(st, now, Lang::en) == "Open now, closes at 12:00");
    BOOST_TEST(describe_status(st, now, Lang::lv) == "Atvērts, slēgs 12.00");
}

BOOST_AUTO_TEST_CASE(closed_for_lunch) {
    Calendar c;
    auto now = at("2026-03-11T12:30+02:00");
    auto st = spec(kCentre).status(now, c);
    BOOST_TEST(!st.open());
    BOOST_TEST(st.current.start == 12 * 60);
    BOOST_TEST(st.current.end == 13 * 60);
    BOOST_TEST(format_riga(*st.opens_at) == "2026-03-11T13:00:00+02:00");
    BOOST_TEST(describe_status(st, now, Lang::en) == "Closed, opens at 13:00");
    BOOST_TEST(describe_status(st, now, Lang::lv) == "Slēgts, atvērs 13.00");
}

BOOST_AUTO_TEST_CASE(friday_closes_early) {
    Calendar c;
    auto now = at("2026-03-13T10:00+02:00");
    auto st = spec(kCentre).status(now, c);
    BOOST_TEST(format_riga(*st.closes_at) == "2026-03-13T14:00:00+02:00");
    BOOST_TEST(describe_status(st, now, Lang::en) == "Open now, closes at 14:00");
}

BOOST_AUTO_TEST_CASE(opens_monday_after_the_weekend) {
    Calendar c;
    auto now = at("2026-03-13T15:00+02:00");
    auto st = spec(kCentre).status(now, c);
    BOOST_TEST(!st.open());
    BOOST_TEST(format_riga(*st.opens_at) == "2026-03-16T08:30:00+02:00");
    BOOST_TEST(*st.next_change == *st.opens_at);
    BOOST_TEST(describe_status(st, now, Lang::en) == "Closed, opens Monday 8:30");
    BOOST_TEST(describe_status(st, now, Lang::lv) == "Slēgts, atvērs pirmdien 8.30");
}

BOOST_AUTO_TEST_CASE(opens_tomorrow) {
    Calendar c;
    auto now = at("2026-03-09T18:00+02:00");
    auto st = spec(kCentre).status(now, c);
    BOOST_TEST(describe_status(st, now, Lang::en) == "Closed, opens tomorrow 8:30");
    BOOST_TEST(describe_status(st, now, Lang::lv) == "Slēgts, atvērs rīt 8.30");
}

BOOST_AUTO_TEST_CASE(across_christmas) {
    Calendar c;
    auto now = at("2026-12-23T17:00+02:00");
    auto st = spec(kCentre).status(now, c);
    BOOST_TEST(format_riga(*st.opens_at) == "2026-12-28T08:30:00+02:00");
    BOOST_TEST(describe_status(st, now, Lang::en) == "Closed, opens Monday 8:30");
}

BOOST_AUTO_TEST_CASE(across_easter_and_a_shortened_thursday) {
    Calendar c;
    auto s = spec("Mo-Th 08:30-17:00; Fr 08:30-14:00; PH off");
    auto st = s.status(at("2026-04-02T16:30+03:00"), c);  // Thursday before Good Friday
    BOOST_TEST(!st.open());
    BOOST_TEST(format_riga(*st.opens_at) == "2026-04-07T08:30:00+03:00");
    auto earlier = s.status(at("2026-04-02T15:00+03:00"), c);
    BOOST_TEST(format_riga(*earlier.closes_at) == "2026-04-02T16:00:00+03:00");
}

BOOST_AUTO_TEST_CASE(across_the_spring_switch) {
    Calendar c;
    auto st = spec("Mo-Fr 08:00-17:00").status(at("2026-03-27T18:00+02:00"), c);
    BOOST_TEST(*st.opens_at == at("2026-03-30T05:00Z"));  // 08:00 EEST
    auto fall = spec("Mo-Fr 08:00-17:00").status(at("2026-10-23T18:00+03:00"), c);
    BOOST_TEST(*fall.opens_at == at("2026-10-26T06:00Z"));  // 08:00 EET
}

BOOST_AUTO_TEST_CASE(never_and_always) {
    Calendar c;
    auto never = spec("off").status(at("2026-03-11T10:00+02:00"), c);
    BOOST_TEST(!never.open());
    BOOST_TEST(!never.opens_at);
    BOOST_TEST(!never.next_change);
    BOOST_TEST(describe_status(never, at("2026-03-11T10:00+02:00"), Lang::en) == "Closed");
    auto always = spec("24/7").status(at("2026-03-11T10:00+02:00"), c);
    BOOST_TEST(always.open());
    BOOST_TEST(!always.closes_at);
    BOOST_TEST(describe_status(always, at("2026-03-11T10:00+02:00"), Lang::lv) == "Atvērts");
}

BOOST_AUTO_TEST_CASE(look_ahead_is_bounded) {
    Calendar c;
    auto s = spec("2027 Jun 01 10:00-12:00");
    BOOST_TEST(!s.status(at("2026-01-01T10:00+02:00"), c).opens_at);
    auto soon = s.status(at("2026-12-01T10:00+02:00"), c);
    BOOST_TEST(format_riga(*soon.opens_at) == "2027-06-01T10:00:00+03:00");
    BOOST_TEST(describe_status(soon, at("2026-12-01T10:00+02:00"), Lang::lv) == "Slēgts, atvērs 1. jūnijā 10.00");
    BOOST_TEST(describe_status(soon, at("2026-12-01T10:00+02:00"), Lang::en) == "Closed, opens 1 Jun 10:00");
    BOOST_TEST(!s.status(at("2026-12-01T10:00+02:00"), c, 30).opens_at);
}

BOOST_AUTO_TEST_CASE(closing_after_midnight) {
    Calendar c;
    auto now = at("2026-03-13T23:00+02:00");
    auto st = spec("Fr 22:00-02:00").status(now, c);
    BOOST_TEST(st.open());
    BOOST_TEST(format_riga(*st.closes_at) == "2026-03-14T02:00:00+02:00");
    BOOST_TEST(describe_status(st, now, Lang::en) == "Open now, closes tomorrow 2:00");
}

BOOST_AUTO_TEST_SUITE_END()
