// Issue 15: the rating redesign in the core — "Did you find what you were looking
// for?" (PageFeedback), its masked follow-up text, same-site paths only, the service
// rating on the 10-point scale with averages published from five, and the one-time
// consultation rating token that works only once the consultation has started.
#define BOOST_TEST_MODULE rating_feedback
#include <boost/test/unit_test.hpp>

#include <string>

#include "rating/rating.hpp"
#include "site/components/page_feedback/page_feedback.hpp"
#include "site/components/rating_form/rating_form.hpp"
#include "site/site.hpp"

using namespace pietura::rating;
using pietura::Lang;

namespace {
bool has(const std::string& h, const std::string& part) { return h.find(part) != std::string::npos; }
bool field(const std::vector<pietura::form::FieldError>& errors, const std::string& name, const std::string& code) {
    for (auto& e : errors)
        if (e.field == name && e.code == code) return true;
    return false;
}
const pietura::site::Strings& strings() {
    static auto s = pietura::site::Strings::load(std::string(PIETURA_SOURCE_DIR) + "/i18n");
    return s;
}
}  // namespace

BOOST_AUTO_TEST_CASE(issue15_page_feedback_yes_and_no_are_the_only_answers) {
    PageFeedback yes{"/lv/pakalpojumi/vsaa-slimibas-pabalsts/", "yes", "", "lv"};
    BOOST_TEST(validate(yes).empty());
    PageFeedback no{"/en/", "no", "", "en"};
    BOOST_TEST(validate(no).empty());
    PageFeedback none{"/lv/", "", "", "lv"};
    auto e = validate(none);
    BOOST_TEST(field(e, "found", "required"));
    BOOST_TEST(e.at(0).message == "Aizpildiet šo lauku.");  // in the page's language
    PageFeedback maybe{"/lv/", "maybe", "", "en"};
    BOOST_TEST(field(validate(maybe), "found", "choice"));
    PageFeedback ru{"/lv/", "yes", "", "ru"};
    BOOST_TEST(field(validate(ru), "lang", "choice"));
}

BOOST_AUTO_TEST_CASE(issue15_what_was_missing_is_masked_and_only_after_no) {
    PageFeedback f{"/lv/", "no", "  Meklēju pensiju, zvaniet 29123456 vai anna@example.lv, kods 010190-12345  ", "lv"};
    BOOST_TEST(validate(f).empty());
    BOOST_TEST(f.missing == "Meklēju pensiju, zvaniet *** vai ***, kods ***");
    PageFeedback after_yes{"/lv/", "yes", "kaut kas", "lv"};
    BOOST_TEST(field(validate(after_yes), "missing", "choice"));
    PageFeedback too_long{"/lv/", "no", std::string(kMaxComment + 1, 'a'), "lv"};
    BOOST_TEST(field(validate(too_long), "missing", "too_long"));
    std::string exactly;
    for (std::size_t i = 0; i < kMaxComment; ++i) exactly += "ž";  // characters, not bytes
    PageFeedback full{"/lv/", "no", exactly, "lv"};
    BOOST_TEST(validate(full).empty());
    PageFeedback bidi{"/lv/", "no", "labi \xE2\x80\xAE" "evil", "lv"};
    BOOST_TEST(field(validate(bidi), "missing", "bidi"));
    PageFeedback bad{"/lv/", "no", "ok\xC0\xAF", "lv"};
    BOOST_TEST(field(validate(bad), "missing", "encoding"));
}

BOOST_AUTO_TEST_CASE(issue15_the_follow_up_text_is_required_and_masked) {
    PageFeedback f{"", "", "Tālrunis +371 29 123 456", "en"};
    BOOST_TEST(validate_missing(f).empty());
    BOOST_TEST(f.missing == "Tālrunis ***");
    PageFeedback empty{"", "", " \xE2\x80\x8B ", "en"};
    auto e = validate_missing(empty);
    BOOST_TEST(field(e, "missing", "required"));
    BOOST_TEST(e.at(0).message == "Fill in this field.");
}

BOOST_AUTO_TEST_CASE(issue15_only_a_path_of_this_site_is_a_page) {
    for (const char* ok : {"/", "/lv/", "/en/services/vsaa-slimibas-pabalsts/", "/lv/meklet/"}) BOOST_TEST(is_site_path(ok), ok);
    for (const char* bad : {"", "lv/", "//evil.example/", "/\\evil.example", "https://evil.example/", "/lv//x",
                            "/lv/?q=1", "/lv/#x", "/lv/ x", "/lv/\r\nSet-Cookie:x", "javascript:alert(1)", "/\t/evil"})
        BOOST_TEST(!is_site_path(bad), bad);
    BOOST_TEST(is_site_path("/" + std::string(511, 'a')));
    BOOST_TEST(!is_site_path("/" + std::string(512, 'a')));
    PageFeedback other{"//evil.example", "yes", "", "lv"};
    BOOST_TEST(field(validate(other), "page", "choice"));
}

BOOST_AUTO_TEST_CASE(issue15_a_service_is_rated_from_1_to_10) {
    for (int score : {1, 7, 10}) {
        Rating r{"service", "x", score, "", "lv"};
        BOOST_TEST(validate(r).empty());
        BOOST_TEST(r.scale == kScale);
    }
    for (int score : {0, 11, -1}) {
        Rating r{"service", "x", score, "", "lv"};
        BOOST_TEST(field(validate(r), "score", "choice"));
    }
}

BOOST_AUTO_TEST_CASE(issue15_10_point_averages_are_published_from_five_ratings) {
    BOOST_TEST(kMinPublished == 5);  // the threshold the pages and the summary keep
    Summary s;
    for (int score : {10, 9, 8, 7}) add(s, Rating{"service", "a", score, "", "lv"});
    BOOST_TEST(s["service"]["a"].count == 4);
    BOOST_TEST(!s["service"]["a"].published());
    add(s, Rating{"service", "a", 1, "", "lv"});
    BOOST_TEST(s["service"]["a"].published());
    BOOST_TEST(s["service"]["a"].average == 7.0, boost::test_tools::tolerance(1e-9));
    // A rating from the old 1–5 form never enters a 10-point average, nor an impossible score.
    Rating old{"service", "b", 5, "", "lv", kOldScale};
    for (int i = 0; i < 6; ++i) add(s, old);
    add(s, Rating{"service", "b", 11, "", "lv"});
    BOOST_TEST(s["service"].count("b") == 0u);
    // What the page shows from it: the average with one decimal, in the page's language.
    pietura::site::Options o;
    o.ratings = s;
    auto lv = pietura::site::rating_block(strings(), o, Lang::lv, "service", "a", "/lv/x/");
    BOOST_TEST(has(lv, "Vidējais vērtējums: 7,0 no 10 (vērtējumu skaits: 5)"));
    o.ratings["service"]["a"].count = 4;
    auto four = pietura::site::rating_block(strings(), o, Lang::en, "service", "a", "/en/x/");
    BOOST_TEST(!has(four, "Average rating"));
}

BOOST_AUTO_TEST_CASE(issue15_a_consultation_is_rated_once_and_only_after_it_started) {
    BOOST_TEST(is_rating_token("0123456789abcdef0123456789abcdef"));
    for (const char* bad : {"", "0123456789ABCDEF0123456789ABCDEF", "0123456789abcdef0123456789abcde",
                            "0123456789abcdef0123456789abcdefa", "0123456789abcdef0123456789abcdeg"})
        BOOST_TEST(!is_rating_token(bad), bad);
    const std::int64_t start = 1797000000;
    ConsultationState c{true, false, false, start};
    BOOST_TEST((consultation_rating(c, start - 1) == ConsultationRating::not_yet));
    BOOST_TEST((consultation_rating(c, start) == ConsultationRating::open));
    BOOST_TEST((consultation_rating(c, start + 86400 * 30) == ConsultationRating::open));
    c.used = true;
    BOOST_TEST((consultation_rating(c, start + 3600) == ConsultationRating::already_rated));
    ConsultationState cancelled{true, false, true, start};
    BOOST_TEST((consultation_rating(cancelled, start + 3600) == ConsultationRating::cancelled));
    BOOST_TEST((consultation_rating(ConsultationState{}, start) == ConsultationRating::unknown));
}

BOOST_AUTO_TEST_CASE(issue15_page_feedback_markup_is_two_buttons_and_a_hidden_optional_text) {
    using pietura::site::components::page_feedback;
    auto lv = page_feedback(strings(), Lang::lv, "/lv/pakalpojumi/x/");
    BOOST_TEST(has(lv, "<h2 id=\"feedback-title\">Vai atradāt, ko meklējāt?</h2>"));
    BOOST_TEST(has(lv, "<form method=\"post\" action=\"/api/feedback\""));
    BOOST_TEST(has(lv, "aria-labelledby=\"feedback-title\""));
    BOOST_TEST(has(lv, "<button type=\"submit\" name=\"found\" value=\"yes\" class=\"button-secondary\">Jā</button>"));
    BOOST_TEST(has(lv, "<button type=\"submit\" name=\"found\" value=\"no\" class=\"button-secondary\">Nē</button>"));
    BOOST_TEST(has(lv, "name=\"page\" value=\"/lv/pakalpojumi/x/\""));
    BOOST_TEST(has(lv, "action=\"/api/feedback/missing\" class=\"rating-form feedback-missing\" hidden>"));
    BOOST_TEST(has(lv, "<label for=\"feedback-missing\">Ko jūs meklējāt? (nav obligāti)</label>"));
    BOOST_TEST(has(lv, "maxlength=\"500\" aria-describedby=\"feedback-missing-hint\""));
    BOOST_TEST(has(lv, "role=\"status\" aria-live=\"polite\""));
    auto en = page_feedback(strings(), Lang::en, "/en/");
    BOOST_TEST(has(en, "Did you find what you were looking for?"));
    BOOST_TEST(has(en, ">Yes</button>"));
    BOOST_TEST(has(en, ">No</button>"));
    // The thank-you page's copy of the text form is shown, with the server's follow-up id.
    auto shown = pietura::site::components::missing_form(strings(), Lang::en, "/en/", "0123456789abcdef0123456789abcdef", false);
    BOOST_TEST(!has(shown, " hidden>"));
    BOOST_TEST(has(shown, "name=\"followup\" value=\"0123456789abcdef0123456789abcdef\""));
}

BOOST_AUTO_TEST_CASE(issue15_consultation_form_posts_its_token_and_a_required_scale) {
    auto h = pietura::site::components::consultation_rating_form(strings(), Lang::en, "0123456789abcdef0123456789abcdef");
    BOOST_TEST(has(h, "action=\"/api/consultation-ratings\""));
    BOOST_TEST(has(h, "name=\"token\" value=\"0123456789abcdef0123456789abcdef\""));
    BOOST_TEST(has(h, "<legend>Overall, how would you rate the consultation?</legend>"));
    BOOST_TEST(has(h, "value=\"10\" required> 10 – very good</label>"));
    BOOST_TEST(!has(h, "name=\"used\""));  // the token already says it happened
}

BOOST_AUTO_TEST_CASE(issue15_rating_strings_are_gender_neutral_latvian) {
    // Past participles that agree with the reader's gender ("apmierināts/-a",
    // "izmantojis/-usi") would speak to half of the readers only.
    for (auto& key : strings().keys(Lang::lv)) {
        if (key.rfind("rate.", 0) != 0) continue;
        const std::string& v = strings().get(Lang::lv, key);
        for (const char* gendered : {"apmierināt", "izmantojis", "izmantojusi", "bijis", "bijusi", "esat izmantoj"})
            BOOST_TEST(!has(v, gendered), key << ": " << v);
    }
}
