// Tests of core/hours: the holiday calendar, shortened pre-holiday days and working Saturdays (issue 14).
// Expected values are checked by hand against a calendar (and, for Riga time,
// against the IANA Europe/Riga zone), never produced by the code under test.
#define BOOST_TEST_MODULE hours_holidays
#include <boost/test/unit_test.hpp>

#include "hours_fixture.hpp"

// ---------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(holidays)

BOOST_AUTO_TEST_CASE(easter_dates) {
    BOOST_TEST(easter_sunday(2023).iso() == "2023-04-09");
    BOOST_TEST(easter_sunday(2024).iso() == "2024-03-31");
    BOOST_TEST(easter_sunday(2025).iso() == "2025-04-20");
    BOOST_TEST(easter_sunday(2026).iso() == "2026-04-05");
    BOOST_TEST(easter_sunday(2027).iso() == "2027-03-28");
    BOOST_TEST(easter_sunday(2038).iso() == "2038-04-25");  // the latest possible
    BOOST_TEST(easter_sunday(2285).iso() == "2285-03-22");  // the earliest possible
}

BOOST_AUTO_TEST_CASE(easter_based_holidays) {
    Calendar c;
    BOOST_TEST(c.is_public_holiday(date("2026-04-03")));  // Good Friday
    BOOST_TEST(c.is_public_holiday(date("2026-04-05")));  // Easter Sunday
    BOOST_TEST(c.is_public_holiday(date("2026-04-06")));  // Easter Monday
    BOOST_TEST(c.is_public_holiday(date("2026-05-24")));  // Whit Sunday
    BOOST_TEST(c.is_public_holiday(date("2025-06-08")));  // Whit Sunday
    BOOST_TEST(!c.is_public_holiday(date("2026-04-04")));  // Holy Saturday is not
    BOOST_TEST(!c.is_public_holiday(date("2026-05-25")));  // nor Whit Monday
    BOOST_TEST(c.holiday(date("2027-03-26"))->name(Lang::en) == "Good Friday");
    BOOST_TEST(c.holiday(date("2027-03-29"))->name(Lang::lv) == "Otrās Lieldienas");
}

BOOST_AUTO_TEST_CASE(fixed_holidays_with_names) {
    Calendar c;
    for (const char* d : {"2026-01-01", "2026-05-01", "2026-05-04", "2026-06-23", "2026-06-24", "2026-11-18",
                          "2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31"})
        BOOST_TEST(c.is_public_holiday(date(d)), d);
    BOOST_TEST(c.holiday(date("2026-06-23"))->name(Lang::lv) == "Līgo diena");
    BOOST_TEST(c.holiday(date("2026-06-24"))->name(Lang::lv) == "Jāņu diena");
    BOOST_TEST(c.holiday(date("2026-11-18"))->name(Lang::en) == "Proclamation Day of the Republic of Latvia");
    BOOST_TEST(c.holiday(date("2026-12-24"))->name(Lang::lv) == "Ziemassvētku vakars");
    BOOST_TEST((c.holiday(date("2026-12-31"))->kind == HolidayKind::statutory));
    BOOST_TEST(!c.is_public_holiday(date("2026-12-27")));
    BOOST_TEST(!c.is_public_holiday(date("2026-01-02")));  // only a Cabinet day off
}

// Issue 14: the law's first article lists Mātes diena (the second Sunday of May)
// among the holidays; the earlier reading that it is not was wrong.
BOOST_AUTO_TEST_CASE(mothers_day_is_a_holiday) {
    Calendar c;
    BOOST_TEST(c.is_public_holiday(date("2026-05-10")));  // second Sunday of May
    BOOST_TEST(c.is_public_holiday(date("2025-05-11")));
    BOOST_TEST(!c.is_public_holiday(date("2026-05-03")));  // the first Sunday is not
    BOOST_TEST(!c.is_public_holiday(date("2026-05-17")));
}

BOOST_AUTO_TEST_CASE(weekend_4_may_and_18_november_move_to_monday) {
    Calendar c;
    BOOST_TEST(c.is_public_holiday(date("2025-05-05")));  // 4 May 2025 is a Sunday
    BOOST_TEST((c.holiday(date("2025-05-05"))->kind == HolidayKind::substitute));
    BOOST_TEST(c.is_public_holiday(date("2024-05-06")));  // 4 May 2024 is a Saturday
    BOOST_TEST(!c.is_public_holiday(date("2024-05-05")));
    BOOST_TEST(c.is_public_holiday(date("2023-11-20")));  // 18 Nov 2023 is a Saturday
    BOOST_TEST(!c.is_public_holiday(date("2023-11-19")));
    BOOST_TEST(c.is_public_holiday(date("2028-11-20")));  // 18 Nov 2028 is a Saturday
    // Weekday 4 May / 18 November: no extra day.
    BOOST_TEST(!c.is_public_holiday(date("2026-05-05")));
    BOOST_TEST(!c.is_public_holiday(date("2025-11-19")));
    BOOST_TEST(!c.is_public_holiday(date("2026-11-19")));
    // Other weekend holidays do not move.
    BOOST_TEST(!c.is_public_holiday(date("2024-12-27")));  // 24 Dec 2023 Sunday -> no 2023-12-27 either
    BOOST_TEST(!c.is_public_holiday(date("2023-12-27")));
}

BOOST_AUTO_TEST_CASE(year_lists) {
    Calendar c;
    BOOST_TEST(c.holidays(2026).size() == 15u);  // 10 fixed + 4 Easter-based + Mātes diena (issue 14)
    BOOST_TEST(c.holidays(2025).size() == 16u);  // + Monday 5 May
    auto y2023 = latvia().holidays(2023);
    BOOST_TEST(y2023.size() == 18u);  // + Monday 20 Nov + hockey day + festival day off
    BOOST_TEST(y2023.front().date.iso() == "2023-01-01");
    BOOST_TEST(y2023.back().date.iso() == "2023-12-31");
    for (std::size_t k = 1; k < y2023.size(); ++k) BOOST_TEST((y2023[k - 1].date <= y2023[k].date));
}

BOOST_AUTO_TEST_CASE(one_off_holidays_from_content) {
    Calendar plain, c = latvia();
    BOOST_TEST(!plain.is_public_holiday(date("2023-05-29")));
    BOOST_TEST(c.is_public_holiday(date("2023-05-29")));
    BOOST_TEST(c.is_public_holiday(date("2023-07-10")));
    BOOST_TEST((c.holiday(date("2023-05-29"))->kind == HolidayKind::extra));
    BOOST_TEST(c.holiday(date("2023-05-29"))->name(Lang::en) == "Ice hockey bronze medal day");
}

BOOST_AUTO_TEST_CASE(cabinet_transfers) {
    Calendar c = latvia();
    BOOST_TEST(!c.is_working_day(date("2025-11-17")));  // Monday made a day off
    BOOST_TEST(!c.is_public_holiday(date("2025-11-17")));
    BOOST_TEST(c.is_ph(date("2025-11-17")));
    BOOST_TEST(c.is_working_day(date("2025-11-08")));  // Saturday made a working day
    BOOST_TEST(!c.is_ph(date("2025-11-08")));
    BOOST_TEST((c.transfer(date("2026-01-02"))->kind == Transfer::day_off));
    BOOST_TEST(!c.transfer(date("2026-01-05")));
    BOOST_TEST(c.transfers(2024).size() == 4u);
    BOOST_TEST(c.is_working_day(date("2026-12-23")));
    BOOST_TEST(!c.is_working_day(date("2026-12-24")));
    BOOST_TEST(!c.is_working_day(date("2026-12-27")));
}

BOOST_AUTO_TEST_CASE(impossible_facts_are_rejected) {
    Calendar c;
    BOOST_CHECK_THROW(c.add_transfer(date("2025-11-08"), Transfer::day_off, "a", "b"), std::invalid_argument);
    BOOST_CHECK_THROW(c.add_transfer(date("2025-11-17"), Transfer::working_day, "a", "b"), std::invalid_argument);
    BOOST_CHECK_THROW(c.add_transfer(date("2026-12-24"), Transfer::day_off, "a", "b"), std::invalid_argument);
    BOOST_CHECK_THROW(c.add_extra(Date{2026, 2, 30}, "a", "b"), std::invalid_argument);
    BOOST_CHECK_THROW(c.add_extra(date("2026-02-03"), "", "b"), std::invalid_argument);
    c.add_transfer(date("2026-01-02"), Transfer::day_off, "a", "b");
    BOOST_CHECK_THROW(c.add_transfer(date("2026-01-02"), Transfer::day_off, "a", "b"), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(shortened_days)

BOOST_AUTO_TEST_CASE(working_day_before_a_holiday) {
    Calendar c;
    BOOST_TEST(c.is_shortened(date("2026-12-23")));   // before Christmas Eve
    BOOST_TEST(!c.is_shortened(date("2026-12-22")));
    BOOST_TEST(!c.is_shortened(date("2026-12-24")));  // a holiday itself
    BOOST_TEST(c.is_shortened(date("2026-04-02")));   // before Good Friday
    BOOST_TEST(c.is_shortened(date("2026-04-30")));   // before 1 May
    BOOST_TEST(c.is_shortened(date("2023-11-17")));   // Friday before a Saturday 18 November
    BOOST_TEST(c.is_shortened(date("2024-05-03")));   // Friday before a Saturday 4 May
    BOOST_TEST(!c.is_shortened(date("2026-05-09")));  // Saturday before Mother's Day: neither counts
    BOOST_TEST(!c.is_shortened(date("2026-05-23")));  // Saturday before Whit Sunday: not a working day
}

BOOST_AUTO_TEST_CASE(transfers_change_which_days_are_shortened) {
    Calendar plain, c = latvia();
    // 22 June 2026 is a Cabinet day off: no working day directly precedes Līgo.
    BOOST_TEST(plain.is_shortened(date("2026-06-22")));
    BOOST_TEST(!c.is_shortened(date("2026-06-22")));
    BOOST_TEST(!c.is_shortened(date("2026-06-19")));
    // 23 Dec 2024 was a day off; the Friday before is not shortened.
    BOOST_TEST(!c.is_shortened(date("2024-12-23")));
    BOOST_TEST(!c.is_shortened(date("2024-12-20")));
    BOOST_TEST(!c.is_shortened(date("2025-11-17")));
    // The working day before a Cabinet day off is a normal day: the day off is
    // not a holiday. (Real transfers follow a weekend, so construct one.)
    Calendar midweek;
    midweek.add_transfer(date("2027-03-03"), Transfer::day_off, "Brīvdiena", "Day off");
    BOOST_TEST(!midweek.is_shortened(date("2027-03-02")));
    BOOST_TEST(midweek.is_ph(date("2027-03-03")));
    // A transferred working Saturday before a Sunday holiday is shortened.
    Calendar easter;
    easter.add_transfer(date("2027-03-27"), Transfer::working_day, "Darba diena", "Working day");
    BOOST_TEST(easter.is_shortened(date("2027-03-27")));
    BOOST_TEST(!plain.is_shortened(date("2027-03-27")));
}

BOOST_AUTO_TEST_CASE(year_list) {
    auto days = latvia().shortened_days(2026);
    std::vector<std::string> got;
    for (const auto& d : days) got.push_back(d.iso());
    std::vector<std::string> want = {"2026-04-02", "2026-04-30", "2026-11-17", "2026-12-23", "2026-12-30"};
    BOOST_TEST(got == want, boost::test_tools::per_element());
    BOOST_TEST(Calendar().shortened_days(2026).size() == 6u);  // + 22 June without the transfer
}

BOOST_AUTO_TEST_CASE(hours_end_an_hour_earlier) {
    Calendar c;
    auto s = spec(kCentre);
    auto d = s.day(date("2026-12-23"), c);
    BOOST_TEST(d.shortened);
    BOOST_TEST(d.shortened_applied);
    BOOST_TEST(text(d.intervals) == "08:30-12:00,13:00-16:00");
    BOOST_TEST(!s.is_open(at("2026-12-23T16:30+02:00"), c));
    BOOST_TEST(hours_on(spec("Mo-Th 08:00-17:00; Fr 08:00-14:00"), "2026-04-30", c) == "08:00-16:00");
    // A day ending with a short afternoon loses the whole last hour.
    BOOST_TEST(hours_on(spec("Mo-Fr 08:00-12:00,12:30-13:00"), "2026-12-23", c) == "08:00-12:00");
}

BOOST_AUTO_TEST_CASE(explicit_date_rule_wins) {
    Calendar c;
    // Real content: the centre gives its own hours for 23 December.
    auto s = spec("Mo-Fr 08:30-16:30; 2026 Dec 23 08:30-12:00; PH off");
    auto d = s.day(date("2026-12-23"), c);
    BOOST_TEST(d.shortened);
    BOOST_TEST(!d.shortened_applied);
    BOOST_TEST(d.explicit_date);
    BOOST_TEST(text(d.intervals) == "08:30-12:00");
    // A yearly date rule also counts; a month rule does not.
    BOOST_TEST(hours_on(spec("Mo-Fr 08:00-17:00; Dec 23 08:00-17:00"), "2026-12-23", c) == "08:00-17:00");
    BOOST_TEST(hours_on(spec("Mo-Fr 08:00-17:00; Dec Mo-Fr 08:00-17:00"), "2026-12-23", c) == "08:00-16:00");
}

BOOST_AUTO_TEST_CASE(christmas_eve_explicit_rule_versus_ph) {
    Calendar c;
    // The date rule after PH off opens on 24 December; before it, PH off wins.
    auto opens = spec("Mo-Fr 08:00-17:00; PH off; Dec 24 09:00-12:00");
    BOOST_TEST(hours_on(opens, "2026-12-24", c) == "09:00-12:00");
    BOOST_TEST(hours_on(opens, "2026-12-23", c) == "08:00-16:00");  // still the shortened eve
    BOOST_TEST(hours_on(opens, "2026-12-25", c) == "");
    auto closed = spec("Mo-Fr 08:00-17:00; Dec 24 09:00-12:00; PH off");
    BOOST_TEST(hours_on(closed, "2026-12-24", c) == "");
    // Open on 24 Dec and also the day before 25 Dec: an explicit rule is not cut.
    auto d = opens.day(date("2026-12-24"), c);
    BOOST_TEST(!d.shortened);  // 24 December is a holiday, not a working day
    BOOST_TEST(text(d.intervals) == "09:00-12:00");
}

BOOST_AUTO_TEST_SUITE_END()

// Issue 14: a Saturday a Cabinet order makes a working day is worked with the
// hours of the day it replaces; Mātes diena is a holiday. Fixed dates, not content.
BOOST_AUTO_TEST_SUITE(issue14)

Calendar transfers_2025_2026() {
    Calendar c;
    c.add_transfer(date("2025-05-02"), Transfer::day_off, "Brīvdiena", "Day off");
    c.add_transfer(date("2025-05-10"), Transfer::working_day, "Darba diena", "Working day", date("2025-05-02"));
    c.add_transfer(date("2025-11-08"), Transfer::working_day, "Darba diena", "Working day", date("2025-11-17"));
    c.add_transfer(date("2025-11-17"), Transfer::day_off, "Brīvdiena", "Day off");
    c.add_transfer(date("2026-01-02"), Transfer::day_off, "Brīvdiena", "Day off");
    c.add_transfer(date("2026-01-17"), Transfer::working_day, "Darba diena", "Working day", date("2026-01-02"));
    return c;
}

BOOST_AUTO_TEST_CASE(issue14_working_saturday_has_the_replaced_days_hours) {
    Calendar c = transfers_2025_2026();
    auto s = spec("Mo 08:00-18:00; Tu-Th 08:00-17:00; Fr 08:00-14:00; PH off");
    // 8 November 2025 stands in for Monday 17 November: Monday's hours.
    BOOST_TEST((c.hours_of(date("2025-11-08")) == date("2025-11-17")));
    BOOST_TEST(hours_on(s, "2025-11-08", c) == "08:00-18:00");
    BOOST_TEST(hours_on(s, "2025-11-17", c) == "");  // the day off itself
    // 17 January 2026 stands in for Friday 2 January.
    BOOST_TEST(hours_on(s, "2026-01-17", c) == "08:00-14:00");
    BOOST_TEST(hours_on(s, "2026-01-02", c) == "");
    // An ordinary Saturday stays closed, and a working Saturday is open "now".
    BOOST_TEST(hours_on(s, "2025-11-15", c) == "");
    BOOST_TEST(s.is_open(*parse_instant("2025-11-08T10:00:00+02:00"), c));
    BOOST_TEST(!s.is_open(*parse_instant("2025-11-15T10:00:00+02:00"), c));
}

BOOST_AUTO_TEST_CASE(issue14_working_saturday_before_mothers_day_is_shortened) {
    Calendar c = transfers_2025_2026();
    // 11 May 2025 is the second Sunday of May: Mātes diena, a holiday of the law.
    BOOST_TEST(c.is_public_holiday(date("2025-05-11")));
    BOOST_TEST(c.holiday(date("2025-05-11"))->name(Lang::lv) == "Mātes diena");
    BOOST_TEST(!c.is_public_holiday(date("2025-05-18")));
    // So Saturday 10 May, worked as Friday 2 May, ends an hour early.
    auto s = spec("Mo-Th 08:00-17:00; Fr 08:00-14:00; PH off");
    BOOST_TEST(c.is_shortened(date("2025-05-10")));
    BOOST_TEST(hours_on(s, "2025-05-10", c) == "08:00-13:00");
}

BOOST_AUTO_TEST_CASE(issue14_mothers_day_is_the_second_sunday_of_may) {
    Calendar c;
    for (auto [year, iso] : std::vector<std::pair<int, std::string>>{
             {2024, "2024-05-12"}, {2025, "2025-05-11"}, {2026, "2026-05-10"}, {2027, "2027-05-09"}, {2032, "2032-05-09"}}) {
        int found = 0;
        for (const auto& h : c.holidays(year))
            if (h.name_lv == "Mātes diena") {
                ++found;
                BOOST_TEST(h.date.iso() == iso);
            }
        BOOST_TEST(found == 1, year);
    }
    // A Sunday holiday moves nothing: the Monday after stays a working day.
    BOOST_TEST(c.is_working_day(date("2026-05-11")));
}

BOOST_AUTO_TEST_CASE(issue14_without_the_replaced_day_the_saturday_is_not_guessed) {
    Calendar c;
    c.add_transfer(date("2025-11-08"), Transfer::working_day, "Darba diena", "Working day");
    auto s = spec("Mo-Fr 08:00-17:00; PH off");
    BOOST_TEST((c.hours_of(date("2025-11-08")) == date("2025-11-08")));
    BOOST_TEST(hours_on(s, "2025-11-08", c) == "");
    // A replaced day must be a weekday, and only a working day replaces one.
    Calendar bad;
    BOOST_CHECK_THROW(bad.add_transfer(date("2025-11-08"), Transfer::working_day, "a", "b", date("2025-11-09")),
                      std::invalid_argument);
    BOOST_CHECK_THROW(bad.add_transfer(date("2025-11-17"), Transfer::day_off, "a", "b", date("2025-11-18")),
                      std::invalid_argument);
}

// The law: the closing day of the General Latvian Song and Dance Festival is a
// holiday, and on a Saturday or Sunday the next working day is a day off. 2023 closed
// on Sunday 9 July, so Monday 10 July was off (it was a one-off content entry).
BOOST_AUTO_TEST_CASE(issue14_song_festival_closing_day_is_a_rule_not_a_one_off) {
    Calendar c;
    BOOST_TEST(!c.is_public_holiday(date("2023-07-10")));  // nothing without the closing day
    c.add_song_festival(date("2023-07-09"));
    BOOST_TEST(c.is_public_holiday(date("2023-07-09")));
    BOOST_TEST(c.is_public_holiday(date("2023-07-10")));
    BOOST_TEST(!c.is_working_day(date("2023-07-10")));
    BOOST_TEST(c.is_working_day(date("2023-07-11")));
    BOOST_TEST((c.holiday(date("2023-07-09"))->kind == HolidayKind::statutory));
    BOOST_TEST((c.holiday(date("2023-07-10"))->kind == HolidayKind::substitute));
    BOOST_TEST(c.holiday(date("2023-07-10"))->name(Lang::en).find("Song and Dance Festival") != std::string::npos);
    // Friday 7 July is a working day before a weekend, not before a holiday: not shortened.
    BOOST_TEST(!c.is_shortened(date("2023-07-07")));
    int in_list = 0;
    for (const auto& h : c.holidays(2023))
        if (h.date == date("2023-07-09") || h.date == date("2023-07-10")) ++in_list;
    BOOST_TEST(in_list == 2);
    BOOST_TEST(c.holidays(2024).size() == Calendar{}.holidays(2024).size());  // only its own year

    // A closing day on a weekday moves nothing, and is itself a holiday (with a
    // shortened day before it).
    Calendar weekday;
    weekday.add_song_festival(date("2028-07-05"));  // a Wednesday, for the rule only
    BOOST_TEST(weekday.is_public_holiday(date("2028-07-05")));
    BOOST_TEST(weekday.is_working_day(date("2028-07-06")));
    BOOST_TEST(weekday.is_shortened(date("2028-07-04")));

    // A closing day on a Saturday gives Monday off.
    Calendar saturday;
    saturday.add_song_festival(date("2028-07-08"));
    BOOST_TEST(saturday.is_public_holiday(date("2028-07-10")));

    BOOST_CHECK_THROW(c.add_song_festival(date("2023-07-08")), std::invalid_argument);  // two in one year
    BOOST_CHECK_THROW(c.add_song_festival(Date{2023, 2, 30}), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
