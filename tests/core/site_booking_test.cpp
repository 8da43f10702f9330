// Tests for the booking pages and shared-PC markup the renderer makes (issues 12 and
// 15): nothing personal or secret in an address, personal fields not remembered on a
// shared PC, finishing without JavaScript, the check page's rows and change links, and
// the ways into booking. Split from site_test by feature.
#define BOOST_TEST_MODULE site_booking
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "booking_fixture.hpp"  // an offer and a request
#include "site_fixture.hpp"  // sample content, strings, render_map, count

using namespace pietura;
using namespace pietura::site;
using namespace site_fixture;
namespace fs = std::filesystem;
namespace {

// Every href, action and src value in the markup, and the meta refresh target.
std::vector<std::string> addresses(const std::string& html) {
    static const std::regex attr(R"re((?:href|action|src|url)=["']?([^"'\s>]*))re");
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), attr); it != std::sregex_iterator(); ++it)
        out.push_back((*it)[1]);
    return out;
}

// The `autocomplete` value of the element with this id ("" when it has none).
std::string autocomplete_of(const std::string& html, const std::string& id) {
    std::regex re("<(?:input|textarea)[^>]*id=\"" + id + "\"[^>]*>");
    std::smatch m;
    if (!std::regex_search(html, m, re)) return "(no element)";
    std::smatch a;
    std::string tag = m[0];
    static const std::regex ac("autocomplete=\"([^\"]*)\"");
    return std::regex_search(tag, a, ac) ? a[1].str() : "";
}

}  // namespace

BOOST_AUTO_TEST_CASE(issue12_confirmation_markup_carries_no_reference_or_token_in_any_address) {
    auto offer = booking_fixture::offer();
    const std::string ref = "PT-AB12-CD34";
    for (Lang lang : {Lang::lv, Lang::en})
        for (bool shared : {false, true}) {
            BookingDone d{lang, &offer, ref, "pensijas", 1797400800, 1797402600, false, shared};
            Options o{"v1", true};
            o.shared_pc = shared;
            std::string page = booking_confirmation_page(real_strings(), o, d);
            BOOST_TEST(page.find(ref) != std::string::npos, "the reference is shown");
            BOOST_TEST(nesting_problem(page) == "");
            auto urls = addresses(page);
            BOOST_TEST(urls.size() > 10u);
            for (auto& u : urls) {
                BOOST_TEST(u.find(ref) == std::string::npos, u);
                BOOST_TEST(u.find("token") == std::string::npos, u);
                BOOST_TEST(u.find("ref=") == std::string::npos, u);
            }
            // The calendar file and the cancel step go through the view, at plain addresses.
            BOOST_TEST(count(page, "href=\"" + booking_url(lang, "ics") + "\" download") == 1u);
            BOOST_TEST(count(page, "href=\"" + booking_url(lang, "cancel") + "\"") == 1u);
            BOOST_TEST(page.find("name=\"token\"") == std::string::npos);
            // On a shared PC the bar and its plain "Finish and clear" form show without JavaScript.
            BOOST_TEST(count(page, "<div id=\"shared-bar\" class=\"shared-bar\" hidden") == (shared ? 0u : 1u));
            // Plus the <noscript> one at the foot when the server does not know the PC is shared.
            BOOST_TEST(count(page, "action=\"/api/finish\"") == (shared ? 1u : 2u));

            std::string cancel = booking_cancel_page(real_strings(), o, d);
            BOOST_TEST(count(cancel, "<form method=\"post\" action=\"/api/confirmation/cancel\"") == 1u);
            BOOST_TEST(count(cancel, "href=\"" + booking_url(lang, "done") + "\"") >= 1u, "a way back without cancelling");
            for (auto& u : addresses(cancel)) BOOST_TEST(u.find(ref) == std::string::npos, u);
            BOOST_TEST(cancel.find("name=\"token\"") == std::string::npos);
        }
    // "Check your answers" is a GET of its own address: posts are answered with 303, so no
    // POST body with personal data stays in history (Chromium keeps those in its session files).
    BOOST_TEST(booking_url(Lang::lv, "check") == "/lv/konsultacija/parbaude/");
    BOOST_TEST(booking_url(Lang::en, "check") == "/en/consultation/check/");
    BOOST_TEST(booking_url(Lang::lv, "cancel") == "/lv/konsultacija/apstiprinajums/atcelt/");
    BOOST_TEST(booking_url(Lang::en, "ics") == "/en/consultation/confirmation/ics");
    std::string none = booking_no_view_page(real_strings(), Options{"v1", true}, Lang::en);
    BOOST_TEST(count(none, "<h1>No booking to show here</h1>") == 1u);
    std::string open = booking_open_page(real_strings(), Options{"v1", true}, Lang::lv);
    BOOST_TEST(count(open, "<meta http-equiv=\"refresh\" content=\"0; url=/lv/konsultacija/apstiprinajums/\">") == 1u);
}


BOOST_AUTO_TEST_CASE(issue12_personal_fields_are_autocomplete_off_in_shared_mode_only) {
    auto offer = booking_fixture::offer();
    booking::Request r = booking_fixture::request();
    for (bool shared : {false, true}) {
        BookingForm f{Lang::en, &offer, r, {}, {}, false, "form-x", shared};
        std::string details = booking_details_page(real_strings(), Options{"v1", true}, f);
        if (shared) {
            for (const char* id : {"f-name", "f-phone", "f-email", "f-note", "f-accessibility"})
                BOOST_TEST(autocomplete_of(details, id) == "off", id);
            BOOST_TEST(count(details, "id=\"booking-details\" autocomplete=\"off\"") == 1u);
            BOOST_TEST(details.find("autocomplete=\"name\"") == std::string::npos);
        } else {
            // WCAG 1.3.5: the input purpose, so a person's own browser can fill them in.
            BOOST_TEST(autocomplete_of(details, "f-name") == "name");
            BOOST_TEST(autocomplete_of(details, "f-phone") == "tel");
            BOOST_TEST(autocomplete_of(details, "f-email") == "email");
            BOOST_TEST(details.find("id=\"booking-details\" autocomplete") == std::string::npos);
        }
        std::string check = booking_check_page(real_strings(), Options{"v1", true}, f);
        BOOST_TEST(count(check, "id=\"booking-confirm\"") == 1u);
        BOOST_TEST((check.find("autocomplete=\"off\">") != std::string::npos) == shared);
    }
}

BOOST_AUTO_TEST_CASE(issue12_finish_and_clear_works_without_javascript_and_the_limits_are_stated) {
    auto pages = render_map(sample());
    // Static pages cannot know the PC is shared: a plain form at the foot, for no-JavaScript visitors.
    const std::string& home = pages["lv/index.html"];
    BOOST_TEST(count(home, "<noscript><div class=\"finish-nojs\">") == 1u);
    BOOST_TEST(count(home, "<form method=\"post\" action=\"/api/finish\"") == 2u);  // the bar and the foot
    // Shared mode switches without JavaScript on the settings page.
    const std::string& settings = pages["en/settings/index.html"];
    BOOST_TEST(count(settings, "action=\"/api/settings/shared\"") == 1u);
    BOOST_TEST(count(settings, "name=\"shared\" value=\"1\"") == 1u);
    BOOST_TEST(count(settings, "name=\"shared\" value=\"0\"") == 1u);
    // Both the statement and the settings page say what cannot be cleared, and recommend a guest profile.
    for (const char* p : {"en/accessibility/index.html", "en/settings/index.html"}) {
        BOOST_TEST(count(pages[p], "browsing history") == 1u, p);
        BOOST_TEST(count(pages[p], "favicons") == 1u, p);
        BOOST_TEST(count(pages[p], "guest or kiosk profile") == 1u, p);
    }
    BOOST_TEST(count(pages["lv/pieklustamiba/index.html"], "viesa vai kioska profilā") == 1u);
}

// Issue 15: "check your answers" shows the e-mail under its own label, and every answer
// has its own change link to the question that asked it (the details keep the others).
BOOST_AUTO_TEST_CASE(issue15_check_page_has_a_row_and_a_change_link_per_answer) {
    auto offer = booking_fixture::offer();
    booking::Request r = booking_fixture::request();  // with an e-mail, in Latvian
    BookingForm f{Lang::en, &offer, r, {}, {}, false, "form-x", false};
    std::string check = booking_check_page(real_strings(), Options{"v1", true}, f);
    auto row = [&](const std::string& label) {
        auto at = check.find("<dt>" + label + "</dt>");
        return at == std::string::npos ? std::string() : check.substr(at, check.find("</div>", at) - at);
    };
    BOOST_TEST(row("Phone").find("+37129123456") != std::string::npos);
    BOOST_TEST(row("Phone").find("zelma@example.lv") == std::string::npos);
    BOOST_TEST(row("E-mail").find("zelma@example.lv") != std::string::npos);
    std::string details = "/en/consultation/details/?choice=vsaa:pensijas&amp;contact_point=aaa-zilupe&amp;start=1797836400";
    BOOST_TEST(row("Name and surname").find("href=\"" + details + "#f-name\"") != std::string::npos);
    BOOST_TEST(row("E-mail").find("href=\"" + details + "#f-email\"") != std::string::npos);
    BOOST_TEST(row("Name and surname").find("<span class=\"visually-hidden\"> Name and surname</span>") != std::string::npos);
    // An optional answer left empty is not a row, so there is nothing to change there.
    BOOST_TEST(row("What do you want to ask? (optional)").empty());
    BOOST_TEST(count(check, ">Change<span") == 7u);  // topic, place, time, name, phone, e-mail, language
}

// Issue 15: booking can be found — from the home page and in the sitemap (step 1 and the
// offline step are static pages), in both languages; without consultations there is no link.
BOOST_AUTO_TEST_CASE(issue15_home_page_and_sitemap_lead_to_booking) {
    std::vector<content::Diagnostic> diags;
    auto real = content::Content::load(fs::path(PIETURA_SOURCE_DIR) / "content", diags);
    BOOST_REQUIRE(!real.consultations.empty());
    auto pages = render_map(real);
    BOOST_TEST(count(pages["lv/index.html"], "href=\"/lv/konsultacija/\"") == 1u);
    BOOST_TEST(count(pages["en/index.html"], "href=\"/en/consultation/\"") == 1u);
    const std::string& map = pages["sitemap.xml"];
    for (const char* loc : {"/lv/konsultacija/", "/en/consultation/", "/lv/konsultacija/bezsaiste/", "/en/consultation/offline/"})
        BOOST_TEST(count(map, std::string("<loc>http://localhost:8080") + loc + "</loc>") == 1u, loc);
    // The sample has no consultations: no link to a booking that cannot be made.
    auto none = render_map(sample());
    BOOST_TEST(none["lv/index.html"].find("/lv/konsultacija/") == std::string::npos);
}
