// Issues 14 and 15 on the pages: a contact point's hours in words (never the
// opening_hours code), dates as Latvians write them (never ISO), the holiday table
// from the build's "today" (this year's coming days and next year's, the rest
// folded away), and numbers that meet words in their plural form — the service
// count on a contact point card, the shared PC's countdown sentences. The clock is
// fixed with SOURCE_DATE_EPOCH or passed to the component; the content is the
// site fixture's, with holiday facts of its own.
#define BOOST_TEST_MODULE site_hours_words
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdlib>
#include <regex>

#include "site/components/nearby_item/nearby_item.hpp"
#include "site/components/shared_bar/shared_bar.hpp"
#include "site/components/week_view/week_view.hpp"
#include "site_fixture.hpp"

using namespace site_fixture;

namespace {

content::Text T2(const char* lv, const char* en) { return T(lv, en); }

// The fixture's content with a lunch break and holiday facts for 2023, 2026 and 2027.
content::Content with_holidays() {
    content::Content c = sample();
    c.contact_points[0].hours = "Mo-Th 08:30-12:00,12:30-17:00; Fr 08:30-14:00; PH off";
    content::HolidayYear y2023{2023, {{"2023-05-29", "holiday", T2("Hokeja svētki", "Hockey holiday"), ""}}, {}};
    content::HolidayYear y2026{2026, {}, {{"2026-12-28", "day-off", T2("Pārcelta brīvdiena", "Moved day off"), ""},
                                          {"2026-12-12", "working-day", T2("Darba sestdiena", "Working Saturday"), "2026-12-28"}}};
    content::HolidayYear y2027{2027, {}, {}};
    y2027.transfers_published = false;
    c.holidays = {y2023, y2026, y2027};
    return c;
}

// The build's "today" for the pages render() makes while this is alive.
struct FixedToday {
    explicit FixedToday(const char* epoch) { setenv("SOURCE_DATE_EPOCH", epoch, 1); }
    ~FixedToday() { unsetenv("SOURCE_DATE_EPOCH"); }
};

// The page without its machine-readable parts (JSON-LD keeps ISO dates on purpose).
std::string visible(std::string html) {
    for (size_t a; (a = html.find("<script")) != std::string::npos;) html.erase(a, html.find("</script>", a) + 9 - a);
    return html;
}

std::string between(const std::string& html, const std::string& from, const std::string& to) {
    auto a = html.find(from);
    BOOST_REQUIRE(a != std::string::npos);
    return html.substr(a, html.find(to, a) - a);
}

}  // namespace

BOOST_AUTO_TEST_CASE(issue15_contact_point_hours_in_words_not_codes) {
    FixedToday today("1796040000");  // 2026-11-30T12:00:00Z
    auto pages = render_map(with_holidays());
    const std::string& lv = pages["lv/klientu-centri/cesis-vpvkac/index.html"];
    const std::string& en = pages["en/contact-points/cesis-vpvkac/index.html"];
    BOOST_TEST(count(lv, "<p class=\"hours-text\">Pirmdiena\u2013ceturtdiena 8.30\u201317.00, pusdienas pārtraukums "
                         "12.00\u201312.30; piektdiena 8.30\u201314.00; svētku dienās slēgts</p>") == 1u);
    BOOST_TEST(count(en, "<p class=\"hours-text\">Monday\u2013Thursday 8:30\u201317:00, lunch break 12:00\u201312:30; "
                         "Friday 8:30\u201314:00; closed on public holidays</p>") == 1u);
    for (const std::string* page : {&lv, &en}) {
        std::string text = visible(*page);
        BOOST_TEST(count(text, "<code>") == 0u);
        BOOST_TEST(count(text, "Mo-") == 0u);
        BOOST_TEST(count(text, "PH off") == 0u);
        BOOST_TEST(!std::regex_search(text, std::regex("[0-9]{4}-[0-9]{2}-[0-9]{2}")), "an ISO date on the page");
    }
}

// Issue 14: the cards of the "nearest" lists (a municipality's page, the nearby
// centres under it; the finder renders the same nearby_item) say the hours in the
// words of the contact point's own page, never the opening_hours code nor the
// editor's abbreviations of it.
BOOST_AUTO_TEST_CASE(issue14_contact_point_cards_say_hours_in_words) {
    FixedToday today("1796040000");
    content::Content c = with_holidays();
    auto pages = render_map(c);
    const std::string lv = between(pages["lv/tuvakie/cesu-novads/index.html"], "<li class=\"nearby\">", "</li>");
    const std::string en = between(pages["en/nearest/cesu-novads/index.html"], "<li class=\"nearby\">", "</li>");
    BOOST_TEST(count(lv, "<dd>Pirmdiena\u2013ceturtdiena 8.30\u201317.00, pusdienas pārtraukums 12.00\u201312.30; "
                         "piektdiena 8.30\u201314.00; svētku dienās slēgts</dd>") == 1u);
    BOOST_TEST(count(en, "<dd>Monday\u2013Thursday 8:30\u201317:00, lunch break 12:00\u201312:30; "
                         "Friday 8:30\u201314:00; closed on public holidays</dd>") == 1u);
    // The card function itself, for every kind of schedule the content uses.
    for (const char* spec : {"Mo-Th 08:00-17:00; Fr 08:00-14:00", "Mo-Fr 08:30-12:00,12:30-17:00; Sa 09:00-13:00; PH off",
                             "Mo,We 08:00-18:00; Tu,Th 08:00-16:00; Fr 08:00-15:00; PH off"}) {
        c.contact_points[0].hours = spec;
        for (Lang lang : {Lang::lv, Lang::en}) {
            auto card = components::nearby_card(c, c.contact_points[0], lang, 1200);
            std::string h = components::nearby_item(real_strings(), lang, card);
            BOOST_TEST_CONTEXT(spec) {
                BOOST_TEST(!card.hours.empty());
                BOOST_TEST(count(h, card.hours) == 1u);
                // Neither the code (Mo-Th, 08:00, PH off) nor the short forms (P–C, Mon–Thu, Pk).
                BOOST_TEST(!std::regex_search(h, std::regex("\\b(Mo|Tu|We|Th|Fr|Sa|Su|PH)\\b")), h);
                BOOST_TEST(!std::regex_search(h, std::regex("\\b[0-2][0-9]:[0-5][0-9]-")), h);
                BOOST_TEST(!std::regex_search(h, std::regex("\\b(P|O|T|C|Pk|S|Sv|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[\u2013,;]")), h);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(issue15_holiday_table_starts_with_the_coming_holidays) {
    FixedToday today("1796040000");  // Monday 30 November 2026 in Riga
    auto pages = render_map(with_holidays());
    const std::string& lv = pages["lv/klientu-centri/cesis-vpvkac/index.html"];
    std::string coming = between(lv, "<table class=\"days holidays-coming\">", "</table>");
    BOOST_TEST(count(coming, "<caption>Tuvākās svētku, pārceltās un saīsinātās dienas</caption>") == 1u);
    BOOST_TEST(count(coming, "<tr") == 6u);  // the header and the next five
    // 18 November is past; the first is the Saturday worked with Monday 28 December's hours.
    auto first = coming.find("<tbody>");
    BOOST_TEST(coming.find("<tr><td>sestdiena, 2026. gada 12. decembris</td><td>8.30\u201317.00, pusdienas 12.00\u201312.30</td>"
                           "<td>Darba sestdiena</td>") == coming.find("<tr", first));
    BOOST_TEST(count(coming, "<tr class=\"closed\"><td>ceturtdiena, 2026. gada 24. decembris</td><td>slēgts</td><td>Ziemassvētku vakars</td></tr>") == 1u);
    BOOST_TEST(count(coming, "18. novembris") == 0u);
    // The rest fold away: this year's from today and next year's, no older year.
    std::string folded = between(lv, "<details class=\"holiday-years\">", "</details>");
    BOOST_TEST(count(folded, "<summary>Visas svētku un saīsinātās dienas 2026.\u20132027. gadā (") == 1u);
    BOOST_TEST(count(folded, "<caption>2026. gads</caption>") == 1u);
    BOOST_TEST(count(folded, "<caption>2027. gads</caption>") == 1u);
    BOOST_TEST(count(folded, "<td>piektdiena, 1. janvāris</td><td>slēgts</td><td>Jaunais gads</td>") == 1u);
    BOOST_TEST(count(folded, "vēl nav publicēts") == 1u);  // 2027's Cabinet order
    BOOST_TEST(count(visible(lv), "2023") == 0u);
    BOOST_TEST(count(visible(lv), "Hokeja") == 0u);
    BOOST_TEST(count(visible(lv), "2025") == 0u);

    const std::string& en = pages["en/contact-points/cesis-vpvkac/index.html"];
    BOOST_TEST(count(en, "<td>Thursday, 24 December 2026</td><td>closed</td>") == 1u);
    BOOST_TEST(count(en, "<summary>All public holidays and shortened days, 2026\u20132027 (") == 1u);
}

BOOST_AUTO_TEST_CASE(issue15_week_view_from_a_given_day) {
    auto c = with_holidays();
    const auto& cp = c.contact_points[0];
    // In January the coming five are this year's first; nothing of last year.
    std::string jan = components::week_view(real_strings(), Lang::lv, c, cp, hours::Date{2027, 1, 2});
    std::string coming = between(jan, "<table class=\"days holidays-coming\">", "</table>");
    BOOST_TEST(coming.find("2027. gada 25. marts") != std::string::npos);  // shortened: Good Friday's eve
    BOOST_TEST(coming.find("1. janvāris") == std::string::npos);
    BOOST_TEST(count(jan, "<caption>2028. gads</caption>") == 1u);
    BOOST_TEST(count(jan, "2026") == 0u);
    // Without content for a year its transfers are not known: the page says so.
    BOOST_TEST(count(jan, "2028. gadā vēl nav publicēts") == 1u);
}

BOOST_AUTO_TEST_CASE(issue15_build_today_reads_source_date_epoch) {
    {
        FixedToday today("1796040000");
        BOOST_TEST((components::build_today() == hours::Date{2026, 11, 30}));
    }
    {
        FixedToday late("1796076000");  // 2026-11-30T22:00:00Z is already 1 December in Riga (UTC+2)
        BOOST_TEST((components::build_today() == hours::Date{2026, 12, 1}));
    }
    FixedToday bad("yesterday");
    BOOST_CHECK_THROW(components::build_today(), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(issue14_service_count_on_a_card_takes_its_plural_form) {
    components::NearbyCard card;
    card.id = "x";
    card.name = "X";
    card.url = "/lv/klientu-centri/x/";
    auto shown = [&](Lang lang, int n) {
        card.services = n;
        std::string h = components::nearby_item(real_strings(), lang, card);
        auto a = h.find("<dd>", h.find(lang == Lang::lv ? "<dt>Pakalpojumi" : "<dt>Services"));
        return h.substr(a + 4, h.find("</dd>", a) - a - 4);
    };
    BOOST_TEST(shown(Lang::lv, 1) == "1 pakalpojums");
    BOOST_TEST(shown(Lang::lv, 21) == "21 pakalpojums");
    BOOST_TEST(shown(Lang::lv, 11) == "11 pakalpojumu");
    BOOST_TEST(shown(Lang::lv, 40) == "40 pakalpojumu");
    BOOST_TEST(shown(Lang::lv, 3) == "3 pakalpojumi");
    BOOST_TEST(shown(Lang::en, 1) == "1 service");
    BOOST_TEST(shown(Lang::en, 21) == "21 services");
    // The browser's cards (wasm nearestCards) get the forms with the other labels.
    const auto& keys = components::nearby_item_keys();
    for (const char* k : {"plural.services.zero", "plural.services.one", "plural.services.other"})
        BOOST_TEST(std::count(keys.begin(), keys.end(), k) == 1, k);
}

BOOST_AUTO_TEST_CASE(issue14_shared_pc_countdown_sentences_are_finished_by_the_core) {
    std::string lv = components::countdown_texts(real_strings(), Lang::lv);
    BOOST_TEST(lv.rfind("<template id=\"timeout-texts\">", 0) == 0u);
    // Each form once, with the seconds it is for: Latvian's "zero" and "other" forms are
    // the same sentence here, so two lines; every second 0..60 in exactly one of them.
    BOOST_TEST(count(lv, "<p data-s=") == 2u);
    BOOST_TEST(count(lv, "<p data-s=\"1 21 31 41 51\">Kādu laiku nekas nav darīts. Pēc {s} sekundes ievadītais") == 1u);
    BOOST_TEST(count(lv, "<p data-s=\"0 2 3 4 5 6 7 8 9 10 11 ") == 1u);
    BOOST_TEST(count(lv, " 59 60\">Kādu laiku nekas nav darīts. Pēc {s} sekundēm ievadītais") == 1u);
    for (int n = 0; n <= components::kCountdownSeconds; ++n) {
        std::string s = std::to_string(n);
        BOOST_TEST((count(lv, "\"" + s + " ") + count(lv, " " + s + " ") + count(lv, " " + s + "\"") +
                    count(lv, "\"" + s + "\"")) == 1u, n);
    }
    BOOST_TEST(count(lv, "{n}") == 0u);
    std::string en = components::countdown_texts(real_strings(), Lang::en);
    BOOST_TEST(count(en, "<p data-s=\"1\">Nothing has happened for a while. In {s} second what") == 1u);
    BOOST_TEST(count(en, " 21 ") == 1u);
    BOOST_TEST(count(en, "In {s} seconds what") == 1u);
    // Every page's dialog carries them.
    std::string bar = components::shared_bar(real_strings(), Lang::lv, false);
    BOOST_TEST(count(bar, "<template id=\"timeout-texts\">") == 1u);
    BOOST_TEST(bar.find("<template id=\"timeout-texts\">") < bar.find("</dialog>"));
}
