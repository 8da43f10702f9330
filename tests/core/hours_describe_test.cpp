// Tests of core/hours: opening hours described in words.
// Expected values are checked by hand against a calendar (and, for Riga time,
// against the IANA Europe/Riga zone), never produced by the code under test.
#define BOOST_TEST_MODULE hours_describe
#include <boost/test/unit_test.hpp>

#include "hours_fixture.hpp"

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
