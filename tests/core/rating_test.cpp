#define BOOST_TEST_MODULE rating
#include <boost/test/unit_test.hpp>

#include "rating/rating.hpp"
#include "text/text.hpp"

using namespace pietura::rating;

BOOST_AUTO_TEST_CASE(masks_phones_emails_and_personal_codes) {
    BOOST_TEST(mask("Zvaniet +371 29 123 456, paldies") == "Zvaniet ***, paldies");
    BOOST_TEST(mask("tel. 29123456.") == "tel. ***.");
    BOOST_TEST(mask("mans kods 010190-12345 un 32123456789") == "mans kods *** un ***");
    BOOST_TEST(mask("jaunais 321234-56789!") == "jaunais ***!");
    BOOST_TEST(mask("raksti anna.berzina@example.lv.") == "raksti ***.");
    BOOST_TEST(mask("Ā ē (+371) 6701-2345 ok") == "Ā ē *** ok");
    // What is not personal stays: dates, times, short numbers, a lone @.
    BOOST_TEST(mask("12.03.2026. plkst. 9:30, 3 stundas, @vsaa") == "12.03.2026. plkst. 9:30, 3 stundas, @vsaa");
    BOOST_TEST(mask("") == "");
}

BOOST_AUTO_TEST_CASE(ratings_are_checked_and_masked) {
    Rating ok{"contact-point", "vpvkac-cesis", 5, "  Ļoti laipni! Zvaniet 29123456  ", "lv"};
    BOOST_TEST(validate(ok).empty());
    BOOST_TEST(ok.comment == "Ļoti laipni! Zvaniet ***");

    Rating bad{"weather", "", 11, std::string(501, 'a'), "ru"};  // issue 15: 1..10
    auto errors = validate(bad);
    BOOST_TEST(errors.size() == 5u);
    Rating zero{"service", "x", 0, "", "en"};
    BOOST_TEST(validate(zero).size() == 1u);
    Rating long_utf8{"service", "x", 1, "", "en"};
    for (int i = 0; i < 500; ++i) long_utf8.comment += "ž";
    BOOST_TEST(validate(long_utf8).empty());
}

BOOST_AUTO_TEST_CASE(averages_publish_from_five_ratings) {
    Average four{4, 5.0}, five{5, 4.2};
    BOOST_TEST(!four.published());
    BOOST_TEST(five.published());
}

#include "site/site.hpp"

BOOST_AUTO_TEST_CASE(issue15_service_rating_is_a_labelled_10_point_scale_with_averages_from_five) {
    auto strings = pietura::site::Strings::load(std::string(PIETURA_SOURCE_DIR) + "/i18n");
    pietura::site::Options o;
    o.ratings["service"]["vsaa-slimibas-pabalsts"] = Average{5, 8.24};
    o.ratings["service"]["vid-eds-lietosana"] = Average{4, 10.0};
    auto sick = pietura::site::rating_block(strings, o, pietura::Lang::lv, "service", "vsaa-slimibas-pabalsts", "/lv/x/");
    BOOST_TEST(sick.find("Vidējais vērtējums: 8,2 no 10 (vērtējumu skaits: 5)") != std::string::npos);
    for (int k = 1; k <= 10; ++k)
        BOOST_TEST(sick.find("<input type=\"radio\" name=\"score\" value=\"" + std::to_string(k) + "\"> " +
                             std::to_string(k)) != std::string::npos);
    BOOST_TEST(sick.find("value=\"11\"") == std::string::npos);
    BOOST_TEST(sick.find("> 1 – ļoti slikti</label>") != std::string::npos);
    BOOST_TEST(sick.find("> 10 – ļoti labi</label>") != std::string::npos);
    BOOST_TEST(sick.find("<legend>Vai šo pakalpojumu jau izmantojāt?</legend>") != std::string::npos);
    BOOST_TEST(sick.find("<legend>Kā kopumā vērtējat šo pakalpojumu?</legend>") != std::string::npos);
    BOOST_TEST(sick.find("name=\"target\" value=\"vsaa-slimibas-pabalsts\"") != std::string::npos);
    auto eds = pietura::site::rating_block(strings, o, pietura::Lang::en, "service", "vid-eds-lietosana", "/en/x/");
    BOOST_TEST(eds.find("Average") == std::string::npos);  // 4 ratings are not published
}

// --- issue 12: personal data is masked however it is typed -----------------------------

BOOST_AUTO_TEST_CASE(issue12_mask_finds_codes_with_any_dash) {
    BOOST_TEST(mask("kods 010190–12345.") == "kods ***.");      // en dash
    BOOST_TEST(mask("kods 010190—12345") == "kods ***");        // em dash
    BOOST_TEST(mask("kods 010190 – 12345 ok") == "kods *** ok");
    BOOST_TEST(mask("kods 010190 - 12345") == "kods ***");
    BOOST_TEST(mask("kods 010190\xC2\xA0" "12345") == "kods ***");  // no-break space
    BOOST_TEST(has_personal_code("kods 010190–12345"));
    BOOST_TEST(has_personal_code("32123456789"));
    BOOST_TEST(!has_personal_code("zvaniet +371 29 123 456"));
    BOOST_TEST(!has_personal_code("37129123456"));  // 37 is not a day: a phone with its country code
}

BOOST_AUTO_TEST_CASE(issue12_mask_finds_phones_however_written) {
    BOOST_TEST(mask("tel. 29.123.456") == "tel. ***");
    BOOST_TEST(mask("tel. 29/123/456!") == "tel. ***!");
    BOOST_TEST(mask("tel. +371 29 123 456") == "tel. ***");
    BOOST_TEST(mask("tel. (+371) 29123456") == "tel. ***");
    BOOST_TEST(mask("tel. +371 29.123.456") == "tel. ***");
    BOOST_TEST(mask("tel. 2912\xE2\x80\x93" "3456") == "tel. ***");
}

BOOST_AUTO_TEST_CASE(issue12_mask_finds_emails_with_latvian_letters) {
    BOOST_TEST(mask("raksti jānis.bērziņš@inbox.lv, lūdzu") == "raksti ***, lūdzu");
    BOOST_TEST(mask("info@rīgas-pašvaldība.lv.") == "***.");
    BOOST_TEST(mask("Ēriks: ēriks@pasts.lv") == "Ēriks: ***");
}

BOOST_AUTO_TEST_CASE(issue12_mask_leaves_dates_times_amounts_and_years) {
    for (const char* keep : {"Atnācu 24.12.2026. plkst. 8.30, samaksāju 4,27 EUR.", "2026-12-24 9:30",
                             "no 2025.–2026. gada", "2025–2026", "gadā 2026 bija 12 000 apmeklējumu",
                             "24/12/2026 un 8.30–17.00", "1.5 stundas", "rinda Nr. 123456"})
        BOOST_TEST(mask(keep) == keep, keep);
    // A date does not shield a phone next to it.
    BOOST_TEST(mask("24.12.2026 29123456") == "24.12.2026 ***");
}

BOOST_AUTO_TEST_CASE(issue12_bad_utf8_and_bidi_in_ratings_are_field_errors) {
    for (std::string bad : {std::string("\xC0\xAF"), std::string("\xED\xA0\x80"), std::string("ok\xE2\x82"),
                            std::string("\xF5\x80\x80\x80")}) {
        Rating r{"service", "x", 4, "labi " + bad, "lv"};
        auto errors = validate(r);
        BOOST_REQUIRE(errors.size() == 1u);
        BOOST_TEST(errors[0].field == "comment");
        BOOST_TEST(errors[0].code == "encoding");
        BOOST_TEST(pietura::text::valid_utf8(r.comment));  // safe to echo and to store as JSON
        Rating t{"service", "x" + bad, 4, "", "lv"};
        BOOST_TEST(validate(t).at(0).code == "encoding");
    }
    Rating bidi{"service", "x", 4, "labi \xE2\x80\xAE" "evil", "en"};
    auto errors = validate(bidi);
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].code == "bidi");
    BOOST_TEST(errors[0].message.find("direction") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(issue12_a_comment_of_invisible_characters_is_no_comment) {
    Rating r{"service", "x", 4, "\xE2\x80\x8B\xC2\xA0", "lv"};
    BOOST_TEST(validate(r).empty());
    BOOST_TEST(r.comment.empty());
}
