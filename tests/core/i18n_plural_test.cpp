// Issue 14: numbers meet words, dates and times, written once in the core —
// i18n::plural (CLDR categories) and hours::format_date / format_time_range /
// Schedule::describe_in_words. The browser's own rules (Intl.PluralRules,
// Intl.DateTimeFormat) are held against these in tests/node/format.test.mjs.
#define BOOST_TEST_MODULE i18n_plural
#include <boost/test/unit_test.hpp>

#include <stdexcept>

#include "hours/hours.hpp"
#include "i18n/plural.hpp"

using namespace pietura;
using i18n::Plural;

namespace {
hours::Date date(int y, int m, int d) { return hours::Date{y, m, d}; }
}  // namespace

BOOST_AUTO_TEST_CASE(issue14_latvian_plural_categories) {
    // zero: ends in 0 or in 11–19; one: ends in 1 but not 11; other: the rest.
    for (long n : {0L, 10L, 11L, 12L, 19L, 20L, 30L, 100L, 111L, 112L, 119L, 1000L, 1011L})
        BOOST_TEST((i18n::plural(Lang::lv, n) == Plural::zero), n);
    for (long n : {1L, 21L, 31L, 101L, 121L, 1001L, 1000001L})
        BOOST_TEST((i18n::plural(Lang::lv, n) == Plural::one), n);
    for (long n : {2L, 3L, 9L, 22L, 25L, 102L, 109L, 1002L})
        BOOST_TEST((i18n::plural(Lang::lv, n) == Plural::other), n);
    // A sign does not change the word's form, and the extremes do not overflow.
    BOOST_TEST((i18n::plural(Lang::lv, -21) == Plural::one));
    BOOST_TEST((i18n::plural(Lang::lv, INT64_MIN) == Plural::other));  // ...808
}

BOOST_AUTO_TEST_CASE(issue14_english_plural_categories) {
    BOOST_TEST((i18n::plural(Lang::en, 1) == Plural::one));
    for (long n : {0L, 2L, 11L, 21L, 101L}) BOOST_TEST((i18n::plural(Lang::en, n) == Plural::other), n);
}

BOOST_AUTO_TEST_CASE(issue14_form_key_names_the_string_to_use) {
    BOOST_TEST(i18n::form_key(Lang::lv, "plural.services", 21) == "plural.services.one");
    BOOST_TEST(i18n::form_key(Lang::lv, "plural.services", 11) == "plural.services.zero");
    BOOST_TEST(i18n::form_key(Lang::lv, "plural.services", 2) == "plural.services.other");
    BOOST_TEST(i18n::form_key(Lang::en, "plural.services", 21) == "plural.services.other");
    BOOST_TEST(i18n::form_key(Lang::en, "plural.services", 1) == "plural.services.one");
}

BOOST_AUTO_TEST_CASE(issue14_dates_as_latvians_write_them) {
    auto d = date(2026, 12, 24);
    BOOST_TEST(hours::format_date(d, Lang::lv) == "24.12.2026.");
    BOOST_TEST(hours::format_date(d, Lang::lv, hours::DateStyle::long_form) == "2026. gada 24. decembris");
    BOOST_TEST(hours::format_date(d, Lang::lv, hours::DateStyle::locative) == "2026. gada 24. decembrī");
    BOOST_TEST(hours::format_date(d, Lang::lv, hours::DateStyle::locative, false) == "24. decembrī");
    BOOST_TEST(hours::format_date(d, Lang::lv, hours::DateStyle::numeric, false) == "24.12.");
    BOOST_TEST(hours::format_weekday_date(d, Lang::lv) == "ceturtdiena, 2026. gada 24. decembris");
    BOOST_TEST(hours::format_weekday_date(d, Lang::lv, hours::DateStyle::long_form, false) == "ceturtdiena, 24. decembris");
    // Leading zeros in the numeric form, none in the long one.
    BOOST_TEST(hours::format_date(date(2027, 1, 6), Lang::lv) == "06.01.2027.");
    BOOST_TEST(hours::format_date(date(2027, 1, 6), Lang::lv, hours::DateStyle::long_form) == "2027. gada 6. janvāris");
    BOOST_TEST(hours::format_date(date(2025, 3, 1), Lang::lv, hours::DateStyle::locative) == "2025. gada 1. martā");
}

BOOST_AUTO_TEST_CASE(issue14_dates_in_english) {
    auto d = date(2026, 12, 24);
    BOOST_TEST(hours::format_date(d, Lang::en) == "24/12/2026");
    BOOST_TEST(hours::format_date(d, Lang::en, hours::DateStyle::long_form) == "24 December 2026");
    BOOST_TEST(hours::format_date(d, Lang::en, hours::DateStyle::locative) == "24 December 2026");
    BOOST_TEST(hours::format_weekday_date(d, Lang::en) == "Thursday, 24 December 2026");
    BOOST_TEST(hours::format_weekday_date(d, Lang::en, hours::DateStyle::long_form, false) == "Thursday, 24 December");
}

BOOST_AUTO_TEST_CASE(issue14_an_impossible_date_is_refused) {
    BOOST_CHECK_THROW(hours::format_date(date(2026, 13, 1), Lang::lv), std::invalid_argument);
    BOOST_CHECK_THROW(hours::format_date(date(2026, 2, 30), Lang::en, hours::DateStyle::long_form), std::invalid_argument);
    BOOST_CHECK_THROW(hours::month_name(0, Lang::lv), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(issue14_times_with_a_dot_in_latvian) {
    BOOST_TEST(hours::format_time_range(510, 1020, Lang::lv) == "8.30\u201317.00");
    BOOST_TEST(hours::format_time_range(510, 1020, Lang::en) == "8:30\u201317:00");
    BOOST_TEST(hours::format_time_range(1200, 1440, Lang::lv) == "20.00\u201324.00");
}

BOOST_AUTO_TEST_CASE(issue15_weekly_hours_in_words) {
    auto s = hours::Schedule::parse("Mo-Th 08:30-12:00,12:30-17:00; Fr 08:30-14:00; PH off");
    BOOST_REQUIRE(s.has_value());
    BOOST_TEST(s->describe_in_words(Lang::lv) ==
               "Pirmdiena\u2013ceturtdiena 8.30\u201317.00, pusdienas pārtraukums 12.00\u201312.30; "
               "piektdiena 8.30\u201314.00; svētku dienās slēgts");
    BOOST_TEST(s->describe_in_words(Lang::en) ==
               "Monday\u2013Thursday 8:30\u201317:00, lunch break 12:00\u201312:30; Friday 8:30\u201314:00; "
               "closed on public holidays");
    // The editors' short form stays as it was.
    BOOST_TEST(s->describe(Lang::lv) ==
               "P\u2013C 8.30\u201317.00, pusdienas 12.00\u201312.30; Pk 8.30\u201314.00; svētku dienās slēgts");
}

BOOST_AUTO_TEST_CASE(issue15_dates_and_every_day_in_words) {
    auto s = hours::Schedule::parse("Mo-Su 09:00-18:00; Dec 24-26 off");
    BOOST_REQUIRE(s.has_value());
    BOOST_TEST(s->describe_in_words(Lang::lv) == "Katru dienu 9.00\u201318.00; 24.\u201326. decembrī slēgts");
    BOOST_TEST(s->describe_in_words(Lang::en) == "Every day 9:00\u201318:00; 24\u201326 December: closed");
    auto sat = hours::Schedule::parse("Mo,We 10:00-16:00; Sa 10:00-13:00");
    BOOST_REQUIRE(sat.has_value());
    BOOST_TEST(sat->describe_in_words(Lang::lv) == "Pirmdiena, trešdiena 10.00\u201316.00; sestdiena 10.00\u201313.00");
}
