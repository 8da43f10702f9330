// Issue 16: page components render on their own from plain inputs, rendering is
// reentrant, and each component is one folder with its parts side by side.
#define BOOST_TEST_MODULE site_components
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <thread>

#include "site/components/error_summary/error_summary.hpp"
#include "site/components/nearby_item/nearby_item.hpp"
#include "site/components/slot_list/slot_list.hpp"
#include "site/site.hpp"
#include "site_fixture.hpp"
#include "text/text.hpp"

using namespace pietura;
using namespace pietura::site;
using namespace site_fixture;
namespace fs = std::filesystem;

// Issue 16: rendering is reentrant — no global cache. Two renders at once, of different
// content, give exactly what each gives alone (a shared cache keyed by addresses
// would mix one content's sort keys into the other's order or crash).
BOOST_AUTO_TEST_CASE(issue16_render_is_reentrant) {
    content::Content a = sample();
    content::Content b = sample();
    // The same titles in the reverse order: any key cached for one leaks into the other.
    std::swap(b.services[0].title, b.services[2].title);
    const Strings& s = real_strings();
    Options o{"v1", true};
    auto alone_a = render(a, s, o), alone_b = render(b, s, o);
    for (int round = 0; round < 3; ++round) {
        std::vector<Page> par_a, par_b;
        std::thread ta([&] { par_a = render(a, s, o); });
        std::thread tb([&] { par_b = render(b, s, o); });
        ta.join();
        tb.join();
        BOOST_REQUIRE_EQUAL(par_a.size(), alone_a.size());
        BOOST_REQUIRE_EQUAL(par_b.size(), alone_b.size());
        for (size_t i = 0; i < par_a.size(); ++i) BOOST_TEST(par_a[i].html == alone_a[i].html, par_a[i].path);
        for (size_t i = 0; i < par_b.size(); ++i) BOOST_TEST(par_b[i].html == alone_b[i].html, par_b[i].path);
    }
    // The swap did change the order, so the comparison above could fail.
    BOOST_TEST(alone_a[0].html.size() > 0u);
    auto services = [](const std::vector<Page>& pages) {
        for (auto& p : pages)
            if (p.path == "en/services/index.html") return p.html;
        return std::string();
    };
    BOOST_TEST(services(alone_a) != services(alone_b));
}

// Issue 16: each component renders on its own, from plain inputs, the markup the pages use.
BOOST_AUTO_TEST_CASE(issue16_error_summary_component) {
    const Strings& s = real_strings();
    BOOST_TEST(components::error_summary(s, Lang::en, {}, false).empty());
    std::vector<booking::FieldError> errors = {{"name", "required", "Fill in this field."},
                                               {"name", "too_long", "second message for the same field"},
                                               {"phone", "contact", "Give a phone number or an e-mail."}};
    auto h = components::error_summary(s, Lang::en, errors, false);
    BOOST_TEST(count(h, "role=\"alert\"") == 1u);
    BOOST_TEST(count(h, "tabindex=\"-1\"") == 1u);
    BOOST_TEST(count(h, "<a href=\"#f-name\">" + s.get(Lang::en, "book.name") + ": Fill in this field.</a>") == 1u);
    BOOST_TEST(count(h, "#f-name") == 1u);  // one message a field
    BOOST_TEST(count(h, "<a href=\"#f-phone\">") == 1u);
    // A taken slot comes first and replaces the time's own message.
    auto taken = components::error_summary(s, Lang::lv, {{"start", "slot", "x"}}, true);
    BOOST_TEST(count(taken, "<li>") == 1u);
    BOOST_TEST(taken.find(s.get(Lang::lv, "book.slot_taken")) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(issue16_slot_list_component) {
    // Monday 2026-11-30 9:00 and 9:30 Riga (UTC+2), Tuesday 10:00.
    std::int64_t mon9 = 1796022000, mon930 = mon9 + 1800, tue10 = mon9 + 25 * 3600;
    std::vector<booking::Slot> slots = {{mon9, mon9 + 1800, 1}, {mon930, mon930 + 1800, 1}, {tue10, tue10 + 1800, 2}};
    auto h = components::slot_list(Lang::en, slots, mon930);
    BOOST_TEST(count(h, "<fieldset class=\"day\">") == 2u);
    BOOST_TEST(count(h, "<legend>Monday 30 November</legend>") == 1u);
    BOOST_TEST(count(h, "<legend>Tuesday 1 December</legend>") == 1u);
    BOOST_TEST(count(h, "name=\"start\"") == 3u);
    BOOST_TEST(count(h, " checked") == 1u);
    BOOST_TEST(count(h, "value=\"" + std::to_string(mon930) + "\" checked") == 1u);
    BOOST_TEST(components::day_label(hours::Date{2026, 12, 21}, Lang::lv) == "pirmdiena, 21. decembrī");
    BOOST_TEST(components::slot_list(Lang::lv, {}, 0).empty());
}

BOOST_AUTO_TEST_CASE(issue16_nearby_item_component) {
    const Strings& s = real_strings();
    components::NearbyCard card;
    card.id = "x-1";
    card.name = "A & B";
    card.url = "/en/contact-points/x-1/";
    card.address = "Street 1";
    card.step_free = true;
    auto h = components::nearby_item(s, Lang::en, card);
    BOOST_TEST(count(h, "<a class=\"nb-name\" href=\"/en/contact-points/x-1/\">A &amp; B</a>") == 1u);
    BOOST_TEST(count(h, "data-open-status=\"x-1\"") == 1u);
    // Rows with nothing to say are left out.
    BOOST_TEST(count(h, "<div><dt>") == 2u);  // address, access
    BOOST_TEST(h.find("class=\"distance\"") == std::string::npos);
    BOOST_TEST(count(h, "href=\"geo:0.00000,0.00000\"") == 1u);
    card.phone = "+371 6 000 0000";
    card.distance = "1.2 km";
    card.remote = {"VSAA", "VZD"};
    card.services = 12;
    card.status_text = "Open now";
    card.status_state = "open";
    h = components::nearby_item(s, Lang::en, card);
    BOOST_TEST(count(h, "<dd>VSAA, VZD</dd>") == 1u);
    BOOST_TEST(count(h, "<p class=\"distance\">1.2 km</p>") == 1u);
    BOOST_TEST(count(h, "<a href=\"tel:+37160000000\">+371 6 000 0000</a>") == 1u);
    BOOST_TEST(count(h, "<dd>12 services</dd>") == 1u);
    BOOST_TEST(count(h, "data-state=\"open\">Open now</p>") == 1u);
    BOOST_TEST(count(h, "<div><dt>") == 5u);
    // A card never links off the site, whatever its source says.
    card.url = "//evil.example/";
    BOOST_TEST(count(components::nearby_item(s, Lang::en, card), "<a class=\"nb-name\" href=\"/\">") == 1u);
    // Labels are the page's: a missing one is an error, not a hole.
    BOOST_CHECK_THROW(components::nearby_item(Strings::from_maps({}, {}), Lang::en, card), std::runtime_error);
}

// Issue 16: a component is one folder with its parts side by side, and its styles and
// scripts are not also left in the shared files (no file over 600 lines in site/).
BOOST_AUTO_TEST_CASE(issue16_components_are_folders_with_their_parts) {
    fs::path dir = fs::path(PIETURA_SOURCE_DIR) / "core" / "site" / "components";
    size_t n = 0;
    for (auto& e : fs::directory_iterator(dir)) {
        if (!e.is_directory()) continue;
        ++n;
        std::string name = e.path().filename().string();
        for (const char* part : {".cpp", ".hpp"})
            BOOST_TEST(fs::exists(e.path() / (name + part)), name << part);
        BOOST_TEST(fs::exists(e.path() / "README.md"), name);
    }
    BOOST_TEST(n >= 8u);
    std::string css = text::read_file_or_throw(fs::path(PIETURA_SOURCE_DIR) / "web" / "assets" / "pietura.css");
    for (const char* moved : {".error-summary {", ".finder {", ".slot-times {", ".timeout-dialog {", ".search-row {"})
        BOOST_TEST(css.find(moved) == std::string::npos, moved);
    for (auto& e : fs::recursive_directory_iterator(fs::path(PIETURA_SOURCE_DIR) / "core" / "site")) {
        if (!e.is_regular_file() || (e.path().extension() != ".cpp" && e.path().extension() != ".hpp")) continue;
        std::ifstream in(e.path());
        size_t lines = 0;
        for (std::string l; std::getline(in, l);) ++lines;
        BOOST_TEST(lines <= 600u, e.path().string() << ": " << lines << " lines");
    }
}
