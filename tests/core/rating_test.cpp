#define BOOST_TEST_MODULE rating
#include <boost/test/unit_test.hpp>

#include "rating/rating.hpp"

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

    Rating bad{"weather", "", 6, std::string(501, 'a'), "ru"};
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

BOOST_AUTO_TEST_CASE(rating_form_is_a_labelled_scale_and_shows_averages_from_five) {
    auto strings = pietura::site::Strings::load(std::string(PIETURA_SOURCE_DIR) + "/i18n");
    pietura::site::Options o;
    o.ratings["contact-point"]["vpvkac-cesis"] = Average{5, 4.24};
    o.ratings["contact-point"]["vpvkac-ogre"] = Average{4, 5.0};
    auto cesis = pietura::site::rating_block(strings, o, pietura::Lang::lv, "contact-point", "vpvkac-cesis", "/lv/x/");
    BOOST_TEST(cesis.find("Vidēji 4,2 no 5, vērtējumi: 5") != std::string::npos);
    for (int k = 1; k <= 5; ++k)
        BOOST_TEST(cesis.find("<input type=\"radio\" name=\"score\" value=\"" + std::to_string(k) + "\" required> " +
                              std::to_string(k) + " – ") != std::string::npos);
    BOOST_TEST(cesis.find("<legend>") != std::string::npos);
    BOOST_TEST(cesis.find("maxlength=\"500\"") != std::string::npos);
    BOOST_TEST(cesis.find("name=\"target\" value=\"vpvkac-cesis\"") != std::string::npos);
    auto ogre = pietura::site::rating_block(strings, o, pietura::Lang::en, "contact-point", "vpvkac-ogre", "/en/x/");
    BOOST_TEST(ogre.find("Average") == std::string::npos);  // 4 ratings are not published
}
