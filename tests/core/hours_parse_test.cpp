// Tests of core/hours: the opening_hours parser and its errors.
// Expected values are checked by hand against a calendar (and, for Riga time,
// against the IANA Europe/Riga zone), never produced by the code under test.
#define BOOST_TEST_MODULE hours_parse
#include <boost/test/unit_test.hpp>

#include "hours_fixture.hpp"

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
