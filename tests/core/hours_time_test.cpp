// Tests of core/hours: Latvian time (civil dates, summer time, ISO instants) and int64 extremes.
// Expected values are checked by hand against a calendar (and, for Riga time,
// against the IANA Europe/Riga zone), never produced by the code under test.
#define BOOST_TEST_MODULE hours_time
#include <boost/test/unit_test.hpp>

#include "hours_fixture.hpp"

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
