// Tests of core/hours: Latvian time, the holiday calendar, the opening_hours
// parser and evaluator, descriptions and shortened pre-holiday days.
// Expected values are checked by hand against a calendar (and, for Riga time,
// against the IANA Europe/Riga zone), never produced by the code under test.
#define BOOST_TEST_MODULE hours
#include <boost/test/unit_test.hpp>

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

// ---------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(riga_time)

BOOST_AUTO_TEST_CASE(civil_dates) {
    BOOST_TEST(Date::from_days(0).iso() == "1970-01-01");
    BOOST_TEST(date("2000-03-01").days() == 11017);
    BOOST_TEST(date("2024-02-28").plus(1).iso() == "2024-02-29");
    BOOST_TEST(date("2025-02-28").plus(1).iso() == "2025-03-01");
    BOOST_TEST(date("2026-12-31").plus(1).iso() == "2027-01-01");
    BOOST_TEST(date("1969-12-31").days() == -1);
    BOOST_TEST((date("2026-12-24").weekday() == Weekday::th));
    BOOST_TEST((date("2026-03-29").weekday() == Weekday::su));
    BOOST_TEST((date("1970-01-01").weekday() == Weekday::th));
    BOOST_TEST(days_in_month(2100, 2) == 28);
    BOOST_TEST(days_in_month(2000, 2) == 29);
    BOOST_TEST((date("2026-01-31") < date("2026-02-01")));
}

BOOST_AUTO_TEST_CASE(summer_time_switches_follow_the_eu_rule) {
    BOOST_TEST(summer_time_start(2026) == 1774746000);  // 2026-03-29T01:00Z
    BOOST_TEST(summer_time_end(2026) == 1792890000);    // 2026-10-25T01:00Z
    BOOST_TEST(summer_time_start(2024) == 1711846800);  // 2024-03-31T01:00Z, Easter Sunday
    BOOST_TEST(summer_time_end(2024) == 1729990800);    // 2024-10-27T01:00Z
    BOOST_TEST(summer_time_start(2025) == 1743296400);  // 2025-03-30T01:00Z
    BOOST_TEST(summer_time_end(2025) == 1761440400);    // 2025-10-26T01:00Z
}

BOOST_AUTO_TEST_CASE(spring_forward_skips_three_oclock) {
    BOOST_TEST(format_riga(1774745999) == "2026-03-29T02:59:59+02:00");
    BOOST_TEST(format_riga(1774746000) == "2026-03-29T04:00:00+03:00");
    BOOST_TEST(riga_utc_offset(1774745999) == 7200);
    BOOST_TEST(riga_utc_offset(1774746000) == 10800);
    // 03:30 does not exist that day: read with the winter offset, it is the
    // instant the clocks show 04:30.
    BOOST_TEST(riga_to_utc(date("2026-03-29"), 3 * 60 + 30) == 1774747800);
    BOOST_TEST(format_riga(1774747800) == "2026-03-29T04:30:00+03:00");
    BOOST_TEST(riga_to_utc(date("2026-03-29"), 4 * 60) == 1774746000);
}

BOOST_AUTO_TEST_CASE(fall_back_repeats_three_oclock) {
    BOOST_TEST(format_riga(1792888200) == "2026-10-25T03:30:00+03:00");
    BOOST_TEST(format_riga(1792891800) == "2026-10-25T03:30:00+02:00");
    BOOST_TEST(format_riga(1792895400) == "2026-10-25T04:30:00+02:00");
    // The repeated hour resolves to its first (summer-time) occurrence.
    BOOST_TEST(riga_to_utc(date("2026-10-25"), 3 * 60 + 30) == 1792888200);
    BOOST_TEST(riga_to_utc(date("2026-10-25"), 5 * 60) == 1792897200);  // 03:00Z
}

BOOST_AUTO_TEST_CASE(local_and_utc_round_trip) {
    BOOST_TEST(riga_to_utc(date("2026-12-24"), 10 * 60 + 30) == 1798101000);
    BOOST_TEST(riga_to_utc(date("2026-07-01"), 12 * 60) == at("2026-07-01T09:00Z"));
    BOOST_TEST(riga_to_utc(date("2026-12-24"), 1440) == riga_to_utc(date("2026-12-25"), 0));
    LocalTime t = to_riga(at("2026-07-01T21:30:00Z"));
    BOOST_TEST(t.date.iso() == "2026-07-02");
    BOOST_TEST(t.hour == 0);
    BOOST_TEST(t.minute == 30);
    BOOST_TEST(t.summer_time());
    BOOST_TEST(to_riga(at("2026-01-01T00:00Z")).iso() == "2026-01-01T02:00:00+02:00");
}

BOOST_AUTO_TEST_CASE(independent_of_the_process_time_zone) {
    const char* old = std::getenv("TZ");
    std::string saved = old ? old : "";
    setenv("TZ", "America/New_York", 1);
    tzset();
    BOOST_TEST(format_riga(1798101000) == "2026-12-24T10:30:00+02:00");
    BOOST_TEST(riga_to_utc(date("2026-12-24"), 630) == 1798101000);
    if (old) setenv("TZ", saved.c_str(), 1);
    else unsetenv("TZ");
    tzset();
}

BOOST_AUTO_TEST_CASE(iso_instants_with_offsets) {
    BOOST_TEST(at("2026-12-24T10:30:00+02:00") == 1798101000);
    BOOST_TEST(at("2026-12-24T08:30Z") == 1798101000);
    BOOST_TEST(at("2026-12-24T08:30:00z") == 1798101000);
    BOOST_TEST(at("2026-12-24 10:30+0200") == 1798101000);
    BOOST_TEST(at("2026-12-24T11:30+03") == 1798101000);
    BOOST_TEST(at("2026-12-24T03:30-05:00") == 1798101000);
    BOOST_TEST(at("2026-12-24T08:30:00.750Z") == 1798101000);
}

BOOST_AUTO_TEST_CASE(iso_instant_errors_say_where) {
    struct Case {
        const char* text;
        std::size_t offset;
        const char* words;
    };
    const Case cases[] = {
        {"2026-12-24T10:30", 16, "missing UTC offset"},
        {"2026-12-24", 10, "missing time"},
        {"2026-13-01T10:00Z", 5, "month 13"},
        {"2026-02-29T10:00Z", 8, "does not exist"},
        {"2026-12-24T25:00Z", 11, "hour 25"},
        {"2026-12-24T10:61Z", 14, "minute 61"},
        {"2026-12-24X10:00Z", 10, "'T'"},
        {"26-12-24T10:00Z", 0, "4-digit year"},
        {"2026-12-24T10:00+02:00 extra", 22, "unexpected text"},
        {"", 0, "empty"},
    };
    for (const auto& c : cases) {
        ParseError err;
        BOOST_TEST(!parse_instant(c.text, &err), c.text);
        BOOST_TEST(err.offset == c.offset, c.text << ": " << err.to_string());
        BOOST_TEST(err.column == c.offset + 1, c.text);
        BOOST_TEST(err.message.find(c.words) != std::string::npos, c.text << ": " << err.message);
    }
    ParseError err;
    BOOST_TEST(!Date::parse("2026-2-3", &err));
    BOOST_TEST(err.offset == 5u);
}

BOOST_AUTO_TEST_SUITE_END()

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
BOOST_AUTO_TEST_SUITE(parse)

BOOST_AUTO_TEST_CASE(real_contact_point_specs) {
    for (const char* s : {
             "Mo-Th 08:00-12:00,12:30-17:00; Fr 08:00-14:00; PH off",
             "Mo 08:00-18:00; Tu-Th 08:00-17:00; Fr 08:00-14:00; PH off",
             "Mo,We,Fr 09:00-17:00; Tu,Th 11:00-19:00; PH off",
             "Mo-Fr 08:30-16:30; 2026 Dec 23 08:30-12:00; PH off",
             "Mo-Th 08:00-17:00; Fr 08:00-15:00; Sa 09:00-13:00; PH off",
             "Tu-Fr 09:00-12:00,13:00-17:00; PH off",
         })
        BOOST_TEST(Schedule::parse(s).has_value(), s);
}

BOOST_AUTO_TEST_CASE(the_supported_syntax) {
    for (const char* s : {
             "Mo-Th,Sa 10:00-12:00",
             "Sa,PH 10:00-14:00",
             "PH,Sa 10:00-14:00",
             "Mo-Fr 08:00-17:00; PH 10:00-14:00",
             "2026 Dec 24 09:00-13:00",
             "Dec 24-26 off",
             "Dec 24-Jan 02 off",
             "2026 Dec 24-2027 Jan 02 off",
             "2026 Dec 24-Jan 02 closed",
             "Jun-Aug Mo-Fr 09:00-15:00",
             "Nov-Feb Sa 10:00-12:00",
             "Jun 01-Aug 15 Mo 10:00-12:00",
             "Jan,Mar Mo 10:00-12:00",
             "Dec 24, Dec 31 09:00-12:00",
             "2026 Mo-Fr 08:00-12:00",
             "2026-2027 Mo-Fr 08:00-12:00",
             "Dec 24: 10:00-12:00",
             "24/7",
             "24/7 \"round the clock\"",
             "\"pēc pieraksta\"",
             "Mo-Fr 08:00-17:00 \"by appointment\"",
             "Mo-Fr 08:00-17:00 || \"by appointment\"",
             "Mo-Fr 08:00-12:00, We 14:00-18:00",
             "Mo-Fr 08:00-12:00 , 13:00-17:00",
             "Mo-Fr 08:00-17:00, We 12:00-13:00 off",
             "Sa-Mo 10:00-12:00",
             "Mo-Fr 22:00-02:00",
             "Mo-Fr 00:00-24:00",
             "Mo-Fr open",
             "off",
             "Su unknown",
             "  Mo - Fr  08:00 - 17:00 ;PH off  ",
         })
        BOOST_TEST(Schedule::parse(s).has_value(), s);
}

BOOST_AUTO_TEST_CASE(keeps_the_text) {
    BOOST_TEST(spec(kCentre).text() == kCentre);
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(parse_errors)

struct Bad {
    const char* spec;
    std::size_t offset;
    const char* words;
};

BOOST_AUTO_TEST_CASE(malformed_specs_point_at_the_problem) {
    const Bad cases[] = {
        {"", 0, "empty"},
        {"Mo-Th 08:00-25:00", 12, "hour 25 is out of range"},
        {"Mo-Fr 08:00-17:60", 15, "minute 60 is out of range"},
        {"Mo-Fr 24:30-25:00", 6, "past midnight"},
        {"Mo-Fr 24:00-08:00", 6, "cannot start at 24:00"},
        {"Mo-Fx 08:00-17:00", 3, "expected a weekday"},
        {"Mo-Fr 08:00", 11, "needs an end"},
        {"Mo-Fr 8:00-17:00", 6, "two digits"},
        {"Mo-Fr 08:0-17:00", 9, "minutes with two digits"},
        {"Mo-Fr 08:00\xE2\x80\x93" "17:00", 11, "plain '-'"},
        {"Mo\xE2\x80\x93" "Fr 08:00-17:00", 2, "plain '-'"},
        {"Mo-Fr 08:00-17:00;", 18, "empty rule after ';'"},
        {"Mo-Fr 08:00-17:00;; PH off", 18, "empty rule after ';'"},
        {"Mo-Fr 08:00-17:00 || ", 21, "empty rule after '||'"},
        {"Mo-Fr 08:00-12:00,,13:00-17:00", 18, "empty rule after ','"},
        {"Mo-Fr 08:00-17:00 | PH off", 18, "'||'"},
        {"Mo-Fr 08:00-17:00 \"by appointment", 18, "comment is not closed"},
        {"Mo-Fr 08:00-08:00", 6, "is empty"},
        {"Dec 32 off", 4, "out of range"},
        {"Feb 30 off", 4, "Feb has no day 30"},
        {"2026 Feb 29 off", 9, "2026-02-29 does not exist"},
        {"Dec 26-24 off", 7, "ends before it starts"},
        {"2027 Jan 02-2026 Dec 24 off", 12, "ends before it starts"},
        {"Dec 24-2027 Jan 02 off", 7, "must start with one"},
        {"Jun-Foo 10:00-12:00", 4, "expected a month"},
        {"Jun-Aug 15 10:00-12:00", 8, "day on both ends"},
        {"mo-fr 08:00-17:00", 0, "did you mean 'Mo'"},
        {"Mo-Fr 08:00-17:00; ph off", 19, "did you mean 'PH'"},
        {"Mo-Fr 08:00-17:00; PH Off", 22, "did you mean 'off'"},
        {"Monday 08:00-17:00", 0, "two letters: 'Mo'"},
        {"June Mo 08:00-12:00", 0, "three letters: 'Jun'"},
        {"Mo-Fr 08:00-17:00 PH off", 18, "separate rules with ';'"},
        {"Mo-Fr 08:00-12:00 13:00-17:00", 18, "separate rules with ';'"},
        {"Mo-Fr", 5, "no opening times after 'Mo-Fr'"},
        {"Mo-Fr Dec 24 off", 6, "dates and years come before the weekdays"},
        {"Mo-Fr sunrise-sunset", 6, "not supported"},
        {"Mo-Fr 08:00-sunset", 12, "not supported"},
        {"SH off", 0, "school holidays"},
        {"Mo-Fr 08:00-17:00; PH,SH off", 22, "school holidays"},
        {"Mo[1] 10:00-12:00", 2, "n-th weekday"},
        {"Mo-Fr 10:00+", 11, "open-ended"},
        {"Mo-Fr 10:00-12:00+", 17, "open-ended"},
        {"Mo-Fr 10:00-16:00/01:00", 17, "repeating"},
        {"week 01-10 Mo 10:00-12:00", 0, "week numbers"},
        {"PH +1 day off", 3, "holiday offsets"},
        {"Mo-Fr 24/7", 6, "rule of its own"},
        {"Mo PH 10:00-12:00", 3, "separate weekdays and PH with ','"},
        {"3026 Mo 10:00-12:00", 0, "year 3026"},
        {"Mo-Fr 08:00-17:00; @", 19, "unexpected '@'"},
    };
    BOOST_TEST(std::size(cases) >= 15u);
    for (const auto& c : cases) {
        ParseError err = parse_error(c.spec);
        BOOST_TEST(err.offset == c.offset, "\"" << c.spec << "\": " << err.to_string());
        BOOST_TEST(err.message.find(c.words) != std::string::npos, "\"" << c.spec << "\": " << err.message);
    }
}

BOOST_AUTO_TEST_CASE(column_counts_characters_not_bytes) {
    // "pēc" has a two-byte letter: byte offset 7, but the 7th character.
    ParseError err = parse_error("\"pēc\" Mo");
    BOOST_TEST(err.offset == 7u);
    BOOST_TEST(err.column == 7u);
    ParseError plain = parse_error("Mo-Th 08:00-25:00");
    BOOST_TEST(plain.column == 13u);
    BOOST_TEST(plain.to_string() == "column 13: hour 25 is out of range (00-24)");
}

BOOST_AUTO_TEST_CASE(errors_without_an_error_object) {
    BOOST_TEST(!Schedule::parse("Mo-Fx 10:00-12:00").has_value());
    BOOST_TEST(!parse_instant("2026-12-24").has_value());
}

BOOST_AUTO_TEST_SUITE_END()

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

// ---------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(describe)

BOOST_AUTO_TEST_CASE(the_typical_centre) {
    auto s = spec(kCentre);
    BOOST_TEST(s.describe(Lang::lv) ==
               "P\u2013C 8.30\u201317.00, pusdienas 12.00\u201313.00; Pk 8.30\u201314.00; svētku dienās slēgts");
    BOOST_TEST(s.describe(Lang::en) ==
               "Mon\u2013Thu 8:30\u201317:00, lunch 12:00\u201313:00; Fri 8:30\u201314:00; closed on public holidays");
}

BOOST_AUTO_TEST_CASE(lunch_only_for_short_gaps) {
    BOOST_TEST(spec("Mo-Fr 08:00-12:00,13:30-17:00").describe(Lang::en) ==
               "Mon\u2013Fri 8:00\u201317:00, lunch 12:00\u201313:30");
    BOOST_TEST(spec("Mo-Fr 08:00-10:00,12:00-17:00").describe(Lang::en) ==
               "Mon\u2013Fri 8:00\u201310:00, 12:00\u201317:00");
}

BOOST_AUTO_TEST_CASE(weekdays_with_the_same_hours_group) {
    auto s = spec("Mo,We,Fr 09:00-17:00; Tu,Th 11:00-19:00; PH off");
    BOOST_TEST(s.describe(Lang::lv) ==
               "P, T, Pk 9.00\u201317.00; O, C 11.00\u201319.00; svētku dienās slēgts");
    BOOST_TEST(s.describe(Lang::en) ==
               "Mon, Wed, Fri 9:00\u201317:00; Tue, Thu 11:00\u201319:00; closed on public holidays");
    // Describes what the week is, not how the rules were written.
    BOOST_TEST(spec("Mo-Fr 08:00-17:00; Fr 08:00-14:00").describe(Lang::lv) ==
               "P\u2013C 8.00\u201317.00; Pk 8.00\u201314.00");
    BOOST_TEST(spec("Sa,Su 10:00-14:00").describe(Lang::lv) == "S, Sv 10.00\u201314.00");
}

BOOST_AUTO_TEST_CASE(dates_months_and_holidays) {
    auto s = spec("Mo-Fr 08:00-17:00; 2026 Dec 24 09:00-13:00; Dec 25-26 off");
    BOOST_TEST(s.describe(Lang::lv) ==
               "P\u2013Pk 8.00\u201317.00; 2026. gada 24. decembrī 9.00\u201313.00; 25.\u201326. decembrī slēgts");
    BOOST_TEST(s.describe(Lang::en) ==
               "Mon\u2013Fri 8:00\u201317:00; 24 Dec 2026: 9:00\u201313:00; 25\u201326 Dec: closed");
    auto summer = spec("Jun-Aug Mo-Fr 09:00-15:00");
    BOOST_TEST(summer.describe(Lang::lv) == "no jūnija līdz augustam P\u2013Pk 9.00\u201315.00");
    BOOST_TEST(summer.describe(Lang::en) == "Jun\u2013Aug: Mon\u2013Fri 9:00\u201315:00");
    auto range = spec("2026 Dec 24-2027 Jan 02 off");
    BOOST_TEST(range.describe(Lang::lv) == "no 2026. gada 24. decembra līdz 2027. gada 2. janvārim slēgts");
    BOOST_TEST(range.describe(Lang::en) == "24 Dec 2026 \u2013 2 Jan 2027: closed");
    BOOST_TEST(spec("Mo-Fr 09:00-17:00; PH 10:00-14:00").describe(Lang::en) ==
               "Mon\u2013Fri 9:00\u201317:00; on public holidays 10:00\u201314:00");
    BOOST_TEST(spec("Mo-Fr 09:00-17:00; PH 10:00-14:00").describe(Lang::lv) ==
               "P\u2013Pk 9.00\u201317.00; svētku dienās 10.00\u201314.00");
}

BOOST_AUTO_TEST_CASE(always_comments_and_fallbacks) {
    BOOST_TEST(spec("24/7").describe(Lang::lv) == "visu diennakti");
    BOOST_TEST(spec("24/7").describe(Lang::en) == "open 24/7");
    BOOST_TEST(spec("Mo-Fr 08:00-17:00 || \"pēc pieraksta\"").describe(Lang::lv) ==
               "P\u2013Pk 8.00\u201317.00; citos laikos: pēc pieraksta");
    BOOST_TEST(spec("Mo-Fr 08:00-17:00 || \"by appointment\"").describe(Lang::en) ==
               "Mon\u2013Fri 8:00\u201317:00; otherwise: by appointment");
    BOOST_TEST(spec("Sa 10:00-12:00 \"by appointment\"").describe(Lang::en) ==
               "Sat 10:00\u201312:00 (by appointment)");
    BOOST_TEST(spec("off").describe(Lang::lv) == "slēgts");
}

BOOST_AUTO_TEST_CASE(words_and_numbers) {
    BOOST_TEST(format_minutes(8 * 60 + 30, Lang::lv) == "8.30");
    BOOST_TEST(format_minutes(8 * 60 + 30, Lang::en) == "8:30");
    BOOST_TEST(format_minutes(1440, Lang::en) == "24:00");
    BOOST_TEST(weekday_abbr(Weekday::fr, Lang::lv) == "Pk");
    BOOST_TEST(weekday_abbr(Weekday::su, Lang::lv) == "Sv");
    BOOST_TEST(weekday_name(Weekday::we, Lang::lv) == "trešdiena");
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

// --- issue 12: int64 extremes from unauthenticated input -------------------------------

BOOST_AUTO_TEST_CASE(issue12_time_functions_are_total_on_int64_extremes) {
    const Instant max = 9223372036854775807LL, min = -max - 1;
    // Clamped to 9999-12-31T23:59:59Z / 0001-01-01T00:00:00Z (both in winter time).
    BOOST_TEST(format_riga(max) == "10000-01-01T01:59:59+02:00");
    BOOST_TEST(format_riga(kMaxInstant) == "10000-01-01T01:59:59+02:00");
    BOOST_TEST(to_riga(min).date.iso() == "0001-01-01");
    BOOST_TEST(riga_utc_offset(max) == 7200);
    BOOST_TEST(riga_utc_offset(min) == 7200);
    BOOST_TEST(in_range(kMaxInstant));
    BOOST_TEST(!in_range(kMaxInstant + 1));
    BOOST_TEST(!in_range(max));
    BOOST_TEST(!in_range(min));
    BOOST_TEST(clamp_instant(max) == kMaxInstant);
    // Day counts and dates far outside any calendar: no overflow, and stepping on
    // past 9999-12-31 still moves forward.
    BOOST_TEST(Date::from_days(max).year > 9999);
    BOOST_TEST(Date::from_days(min).year < 0);
    BOOST_TEST((Date{9999, 12, 31}.plus(1) == Date{10000, 1, 1}));
    Date extreme{2147483647, 12, 31};
    BOOST_TEST(extreme.days() > 0);
    BOOST_TEST((Date{-2147483647 - 1, 1, 1}).days() < 0);
    (void)extreme.weekday();
    BOOST_TEST(riga_to_utc(Date{2147483647, 12, 31}, 1440) > kMaxInstant);
}

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

BOOST_AUTO_TEST_SUITE_END()
