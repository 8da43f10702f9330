// Tests for the static site renderer: addresses, the page frame every page must
// have (language, one h1, alternates, skip link, search form), escaping, the
// step-by-step guide's conditions, determinism, and the UI string files.
#define BOOST_TEST_MODULE site
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "site/collate.hpp"
#include "text/text.hpp"
#include "site_fixture.hpp"  // sample content, strings, render_map, count

using namespace pietura;
using namespace pietura::site;
using namespace site_fixture;
namespace fs = std::filesystem;

namespace {

std::string alternate(const std::string& html, const std::string& lang) {
    std::regex re("<link rel=\"alternate\" hreflang=\"" + lang + "\" href=\"([^\"]*)\">");
    std::smatch m;
    return std::regex_search(html, m, re) ? m[1].str() : "";
}

}  // namespace

BOOST_AUTO_TEST_CASE(urls_are_stable) {
    BOOST_TEST(url_for(Lang::lv, Kind::home) == "/lv/");
    BOOST_TEST(url_for(Lang::en, Kind::home) == "/en/");
    BOOST_TEST(url_for(Lang::lv, Kind::service, "vsaa-x") == "/lv/pakalpojumi/vsaa-x/");
    BOOST_TEST(url_for(Lang::en, Kind::service, "vsaa-x") == "/en/services/vsaa-x/");
    BOOST_TEST(url_for(Lang::lv, Kind::situations) == "/lv/dzives-situacijas/");
    BOOST_TEST(url_for(Lang::en, Kind::situation, "a") == "/en/life-situations/a/");
    BOOST_TEST(url_for(Lang::lv, Kind::contact_point, "c") == "/lv/klientu-centri/c/");
    BOOST_TEST(url_for(Lang::en, Kind::contact_points) == "/en/contact-points/");
    BOOST_TEST(url_for(Lang::lv, Kind::audience, "x") == "/lv/auditorijas/x/");
    BOOST_TEST(url_for(Lang::en, Kind::audience, "x") == "/en/audiences/x/");
    BOOST_TEST(url_for(Lang::lv, Kind::search) == "/lv/meklet/");
    BOOST_TEST(url_for(Lang::en, Kind::search) == "/en/search/");
    BOOST_TEST(path_for("/lv/pakalpojumi/x/") == "lv/pakalpojumi/x/index.html");
    BOOST_TEST(path_for("/") == "index.html");
}

BOOST_AUTO_TEST_CASE(pages_exist_in_both_languages) {
    auto pages = render_map(sample());
    const char* expected[] = {
        "index.html",
        "lv/index.html", "en/index.html",
        "lv/meklet/index.html", "en/search/index.html",
        "lv/dzives-situacijas/index.html", "en/life-situations/index.html",
        "lv/dzives-situacijas/slimiba/index.html", "en/life-situations/slimiba/index.html",
        "lv/pakalpojumi/index.html", "en/services/index.html",
        "lv/pakalpojumi/vsaa-slimibas-pabalsts/index.html", "en/services/vsaa-slimibas-pabalsts/index.html",
        "lv/pakalpojumi/vsaa-berna-kopsanas-pabalsts/index.html", "en/services/pmlp-deklaracija/index.html",
        "lv/klientu-centri/index.html", "en/contact-points/index.html",
        "lv/klientu-centri/cesis-vpvkac/index.html", "en/contact-points/cesis-vpvkac/index.html",
        "lv/auditorijas/index.html", "en/audiences/index.html",
        "lv/auditorijas/vecaki/index.html", "en/audiences/vecaki/index.html",
    };
    for (auto* p : expected) BOOST_TEST(pages.count(p) == 1u, "missing " << p);
    // 1 root + per language: home, search, 4 lists, 1 situation, 3 services, 1 contact point, 1 audience,
    // 1 municipality's nearest contact points, the accessibility statement and settings;
    // plus sitemap.xml and robots.txt.
    BOOST_TEST(pages.size() == 1u + 2u * 15u + 2u);
    BOOST_TEST(pages["index.html"].find("<meta http-equiv=\"refresh\" content=\"0; url=/lv/\">") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_page_has_the_frame) {
    for (auto& [path, html] : render_map(sample())) {
        if (path == "index.html" || path.find(".html") == std::string::npos) continue;
        BOOST_TEST_CONTEXT(path) {
            std::string lang = path.substr(0, 2);
            BOOST_TEST(html.rfind("<!doctype html>\n", 0) == 0u);
            BOOST_TEST(count(html, "<html lang=\"" + lang + "\">") == 1u);
            BOOST_TEST(count(html, "<h1") == 1u);
            BOOST_TEST(count(html, "<meta name=\"viewport\"") == 1u);
            BOOST_TEST(std::regex_search(html, std::regex("<title>[^<]+ – Pietura</title>")));
            BOOST_TEST(count(html, "<a class=\"skip-link\" href=\"#main\">") == 1u);
            BOOST_TEST(count(html, "<main id=\"main\"") == 1u);
            BOOST_TEST(count(html, "<form role=\"search\" action=\"/" + lang + "/") == 1u);
            BOOST_TEST(count(html, "<input type=\"search\" name=\"q\" id=\"q\" autocomplete=\"off\"") == 1u);
            BOOST_TEST(count(html, "<label for=\"q\">") == 1u);
            BOOST_TEST(count(html, "<nav class=\"breadcrumbs wrap\" aria-label=") == 1u);
            BOOST_TEST(count(html, "<footer") == 1u);
            BOOST_TEST(count(html, "<meta name=\"pietura-content-version\" content=\"v1\">") == 1u);
            // Strict CSP: no inline script or style, nothing from another origin.
            BOOST_TEST(count(html, "<script") - count(html, "<script type=\"application/ld+json\">") == 1u);
            BOOST_TEST(count(html, "<script type=\"module\" src=\"/assets/app.js\"></script>") == 1u);
            BOOST_TEST(count(html, "<style") == 0u);
            BOOST_TEST(count(html, " style=") == 0u);
            BOOST_TEST(count(html, "<link rel=\"stylesheet\" href=\"/assets/pietura.css\">") == 1u);
            BOOST_TEST(!std::regex_search(html, std::regex("<(link|script|img)[^>]*(src|href)=\"(https?:)?//")));
            BOOST_TEST(nesting_problem(html) == "");
        }
    }
}

BOOST_AUTO_TEST_CASE(alternates_point_at_each_other) {
    auto pages = render_map(sample());
    size_t checked = 0;
    for (auto& [path, html] : pages) {
        if (path == "index.html" || path.find(".html") == std::string::npos) continue;
        std::string lang = path.substr(0, 2), other = lang == "lv" ? "en" : "lv";
        std::string self = alternate(html, lang), alt = alternate(html, other);
        BOOST_TEST_CONTEXT(path) {
            BOOST_TEST(path_for(self) == path);
            BOOST_TEST_REQUIRE(pages.count(path_for(alt)) == 1u);
            BOOST_TEST(alternate(pages[path_for(alt)], lang) == self);
            // The visible language switch goes to the same page, marked with its language.
            BOOST_TEST(count(html, "<a href=\"" + alt + "\" lang=\"" + other + "\" hreflang=\"" + other + "\">") == 1u);
            ++checked;
        }
    }
    BOOST_TEST(checked == 30u);
    BOOST_TEST(alternate(pages["lv/pakalpojumi/vsaa-slimibas-pabalsts/index.html"], "en") ==
               "/en/services/vsaa-slimibas-pabalsts/");
}

BOOST_AUTO_TEST_CASE(content_is_escaped) {
    auto pages = render_map(sample());
    for (auto& [path, html] : pages) {
        BOOST_TEST(html.find("<script>alert") == std::string::npos, path);
        BOOST_TEST(html.find("javascript:") == std::string::npos, path);  // a bad e-service URL is never linked
    }
    const auto& svc = pages["en/services/vsaa-berna-kopsanas-pabalsts/index.html"];
    BOOST_TEST(svc.find("<h1>Childcare &lt;script&gt;alert(1)&lt;/script&gt;</h1>") != std::string::npos);
    BOOST_TEST(svc.find("<title>Childcare &lt;script&gt;alert(1)&lt;/script&gt; – Pietura</title>") != std::string::npos);
    BOOST_TEST(pages["lv/pakalpojumi/pmlp-deklaracija/index.html"].find("Ārsta izziņa &amp; deklarācija") != std::string::npos);
    BOOST_TEST(escape_html("a\"b'c<&>") == "a&quot;b&#39;c&lt;&amp;&gt;");
}

BOOST_AUTO_TEST_CASE(life_situation_is_a_step_by_step_guide) {
    auto pages = render_map(sample());
    const auto& en = pages["en/life-situations/slimiba/index.html"];
    const auto& lv = pages["lv/dzives-situacijas/slimiba/index.html"];
    BOOST_TEST(count(en, "<ol class=\"steps\">") == 1u);
    BOOST_TEST(count(en, "<li class=\"step\"") == 2u);
    // The question, answerable without JavaScript being needed to see every step.
    BOOST_TEST(count(en, "<form method=\"get\" class=\"questions\" id=\"questions\"") == 1u);
    BOOST_TEST(count(en, "<legend>Were you employed when you fell ill?</legend>") == 1u);
    BOOST_TEST(count(en, "type=\"radio\" name=\"employed\"") == 2u);
    // Only the conditional step carries its condition, written out and for the script.
    BOOST_TEST(count(en, "data-when=") == 1u);
    BOOST_TEST(count(en, "<li class=\"step\" id=\"step-2\" data-when='{\"employed\":true}'>") == 1u);
    BOOST_TEST(count(en, "<strong>Only if:</strong> Were you employed when you fell ill? — Yes</p>") == 1u);
    BOOST_TEST(count(lv, "<strong>Tikai tad, ja:</strong> Vai esat nodarbināts? — Jā</p>") == 1u);
    // Services in the step: linked, with institution, channels and facts.
    BOOST_TEST(count(en, "<a href=\"/en/services/vsaa-slimibas-pabalsts/\">Sickness benefit</a> <abbr class=\"inst\"") == 1u);
    BOOST_TEST(count(en, "href=\"https://www.latvija.gov.lv/x\"") == 1u);
    BOOST_TEST(count(en, "Get help at your nearest contact point") == 1u);
    BOOST_TEST(count(en, "What often comes next") == 1u);
    BOOST_TEST(count(en, "data-steps-status=\"Showing {shown} of {total} steps\"") == 1u);
}

BOOST_AUTO_TEST_CASE(service_and_contact_point_pages) {
    auto pages = render_map(sample());
    const auto& svc = pages["en/services/vsaa-slimibas-pabalsts/index.html"];
    BOOST_TEST(count(svc, "<p>First paragraph.</p>\n<p>Second paragraph.</p>") == 1u);
    BOOST_TEST(count(svc, "<li>Passport</li>") == 1u);
    BOOST_TEST(count(svc, "href=\"https://www.vsaa.gov.lv\"") == 1u);
    BOOST_TEST(count(svc, "href=\"/en/life-situations/slimiba/\"") == 1u);
    BOOST_TEST(count(svc, "Contact points that offer this service: 1") == 1u);

    const auto& cp = pages["lv/klientu-centri/cesis-vpvkac/index.html"];
    BOOST_TEST(count(cp, "href=\"tel:+37164161800\"") == 1u);
    BOOST_TEST(count(cp, "href=\"mailto:cesis@example.lv\"") == 1u);
    BOOST_TEST(count(cp, "href=\"geo:57.31190,25.27060\"") == 1u);
    BOOST_TEST(count(cp, "href=\"https://www.openstreetmap.org/?mlat=57.31190&amp;mlon=25.27060#map=16/57.31190/25.27060\"") == 1u);
    // Issue 15: hours in words only; the opening_hours code stays out of the page.
    BOOST_TEST(count(cp, "<p class=\"hours-text\">Pirmdiena–ceturtdiena 8.00–17.00; piektdiena 8.00–14.00; svētku dienās slēgts</p>") == 1u);
    BOOST_TEST(count(cp, "<p id=\"open-status\"") == 1u);
    BOOST_TEST(count(cp, "Mo-Th") == 0u);
    // Services grouped by institution: VSAA's through the institution, PMLP's as an extra.
    BOOST_TEST(count(cp, "<h3>Valsts sociālās apdrošināšanas aģentūra (VSAA)</h3>") == 1u);
    BOOST_TEST(count(cp, "<h3>Pilsonības un migrācijas lietu pārvalde (PMLP)</h3>") == 1u);
    BOOST_TEST(count(cp, "href=\"/lv/pakalpojumi/pmlp-deklaracija/\"") == 1u);
}

// Issue 4: "find a contact point" works without JavaScript — choose a municipality, get a list.
BOOST_AUTO_TEST_CASE(issue4_municipality_pages_list_the_nearest_contact_points) {
    auto pages = render_map(sample());
    const std::string& list = pages["lv/klientu-centri/index.html"];
    BOOST_TEST(count(list, "<a href=\"/lv/tuvakie/cesu-novads/\">Cēsu novads</a>") == 1u);
    // The finder needs the core, so without JavaScript nojs.css hides it.
    BOOST_TEST(count(list, "<section id=\"finder\" class=\"finder needs-js\" aria-labelledby=\"finder-heading\" data-") == 1u);
    BOOST_TEST(count(list, "<noscript><link rel=\"stylesheet\" href=\"/assets/nojs.css\"></noscript>") == 1u);
    BOOST_TEST(count(list, "<label for=\"place\">") == 1u);
    BOOST_TEST(count(list, "<option value=\"vsaa\">") == 1u);
    const std::string& t = pages["en/nearest/cesu-novads/index.html"];
    BOOST_TEST(count(t, "<h1>Contact points: Cēsis Municipality</h1>") == 1u);
    BOOST_TEST(count(t, "<h2>Contact points in Cēsis Municipality</h2>") == 1u);
    // Issue 16: the card (nearby_item, the finder's too) names its link for the browser's tests.
    BOOST_TEST(count(t, "<a class=\"nb-name\" href=\"/en/contact-points/cesis-vpvkac/\">Cēsis one-stop centre</a>") == 1u);
    BOOST_TEST(count(t, "<a href=\"/en/contact-points/cesis-vpvkac/\">Cēsis one-stop centre</a>") == 1u);  // the places table
    // From the one settlement: 0.01° of longitude at 57.3° N is 600.5 m.
    BOOST_TEST(count(t, "<tr><td>Cēsis</td><td><a href=\"/en/contact-points/cesis-vpvkac/\">Cēsis one-stop centre</a></td><td>600 m</td></tr>") == 1u);
    BOOST_TEST(count(t, "data-open-status=\"cesis-vpvkac\"") == 1u);
    BOOST_TEST(count(t, "Cēsis AO, 430 m") == 1u);
    BOOST_TEST(count(t, "<dd>Monday–Thursday 8:00–17:00; Friday 8:00–14:00; closed on public holidays</dd>") == 1u);
    const std::string& cp = pages["lv/klientu-centri/cesis-vpvkac/index.html"];
    BOOST_TEST(count(cp, "<dt>Tuvākā autobusa pietura</dt><dd>Cēsis AO, 430 m</dd>") == 1u);
    BOOST_TEST(count(cp, "<section id=\"week\" class=\"week\" data-id=\"cesis-vpvkac\"") == 1u);
    BOOST_TEST(count(cp, "<a href=\"/lv/tuvakie/cesu-novads/\">Cēsu novads</a>") == 1u);
}

nlohmann::json json_ld(const std::string& html) {
    const std::string open = "<script type=\"application/ld+json\">";
    auto a = html.find(open);
    BOOST_REQUIRE(a != std::string::npos);
    a += open.size();
    return nlohmann::json::parse(html.substr(a, html.find("</script>", a) - a));
}

// Issue 6: what auditors and search engines read — schema.org data, sitemap, statement.
BOOST_AUTO_TEST_CASE(issue6_structured_data_sitemap_and_accessibility_statement) {
    auto pages = render_map(sample());
    auto svc = json_ld(pages["en/services/vsaa-berna-kopsanas-pabalsts/index.html"]);
    BOOST_TEST(svc["@type"] == "GovernmentService");
    BOOST_TEST(svc["name"] == "Childcare <script>alert(1)</script>");  // escaped in the page, intact as data
    BOOST_TEST(svc["provider"]["@type"] == "GovernmentOrganization");
    auto office = json_ld(pages["lv/klientu-centri/cesis-vpvkac/index.html"]);
    BOOST_TEST(office["@type"] == "GovernmentOffice");
    BOOST_TEST(office["geo"]["latitude"] == 57.3119);
    auto& spec = office["openingHoursSpecification"];
    BOOST_REQUIRE(spec.size() == 5u);
    BOOST_TEST(spec[0]["dayOfWeek"] == "https://schema.org/Monday");
    BOOST_TEST(spec[0]["opens"] == "08:00");
    BOOST_TEST(spec[0]["closes"] == "17:00");
    BOOST_TEST(spec[4]["closes"] == "14:00");

    const std::string& map = pages["sitemap.xml"];
    BOOST_TEST(count(map, "<url>") == 30u);
    BOOST_TEST(count(map, "<loc>http://localhost:8080/lv/pakalpojumi/vsaa-slimibas-pabalsts/</loc>") == 1u);
    BOOST_TEST(count(map, "<xhtml:link rel=\"alternate\" hreflang=\"en\" "
                          "href=\"http://localhost:8080/en/services/vsaa-slimibas-pabalsts/\"/>") == 2u);
    BOOST_TEST(count(pages["robots.txt"], "Sitemap: http://localhost:8080/sitemap.xml") == 1u);

    const std::string& a11y = pages["lv/pieklustamiba/index.html"];
    BOOST_TEST(count(a11y, "WCAG 2.1") >= 1u);
    BOOST_TEST(count(a11y, "href=\"mailto:") == 1u);
    BOOST_TEST(count(pages["en/accessibility/index.html"], "<h1>Accessibility statement</h1>") == 1u);
    // Every page links to the statement and to this PC's settings.
    BOOST_TEST(count(pages["en/index.html"], "<a href=\"/en/accessibility/\">") == 1u);
    BOOST_TEST(count(pages["en/index.html"], "<a href=\"/en/settings/\">") == 1u);
    BOOST_TEST(count(pages["en/settings/index.html"], "<input type=\"checkbox\" id=\"s-shared\"") == 1u);
}

BOOST_AUTO_TEST_CASE(search_page_is_an_a_to_z_of_everything) {
    auto pages = render_map(sample());
    const auto& lv = pages["lv/meklet/index.html"];
    for (auto* url : {"/lv/dzives-situacijas/slimiba/", "/lv/pakalpojumi/vsaa-slimibas-pabalsts/",
                      "/lv/pakalpojumi/vsaa-berna-kopsanas-pabalsts/", "/lv/pakalpojumi/pmlp-deklaracija/",
                      "/lv/klientu-centri/cesis-vpvkac/"})
        BOOST_TEST(count(lv, std::string("href=\"") + url + "\"") == 1u, url);
    // Latvian alphabet: Ā sorts with A, Č is a letter of its own after C, before S.
    size_t a = lv.find("<h2 id=\"az-a\">A</h2>"), c = lv.find("<h2 id=\"az-c\">C</h2>"),
           ch = lv.find("<h2 id=\"az-ch\">Č</h2>"), s = lv.find("<h2 id=\"az-s\">S</h2>");
    BOOST_TEST_REQUIRE(a != std::string::npos);
    BOOST_TEST_REQUIRE(c != std::string::npos);
    BOOST_TEST_REQUIRE(ch != std::string::npos);
    BOOST_TEST_REQUIRE(s != std::string::npos);
    BOOST_TEST((a < c && c < ch && ch < s));
    BOOST_TEST(count(lv, "<a href=\"#az-ch\">Č</a>") == 1u);
    BOOST_TEST(count(lv, "<section id=\"live-results\"") == 1u);
}

BOOST_AUTO_TEST_CASE(latvian_collation) {
    using collate::sort_key;
    auto lt = [](const char* x, const char* y) { return sort_key(Lang::lv, x) < sort_key(Lang::lv, y); };
    BOOST_TEST(lt("Cits", "Čeks"));
    BOOST_TEST(lt("Čeks", "Dators"));
    BOOST_TEST(lt("Ārsts", "Bērns"));
    BOOST_TEST(lt("arsts", "Ārsts"));
    BOOST_TEST(lt("Zeme", "Žurnāls"));
    BOOST_TEST(lt("E-paraksts", "Eparaksts2"));
    BOOST_TEST(!lt("Čeks", "Cits"));
    // English folds accents: Č is just C.
    BOOST_TEST(sort_key(Lang::en, "Čeks") < sort_key(Lang::en, "Cits"));
    BOOST_TEST(collate::first_letter(Lang::lv, "«Ērglis»").label == "E");
    BOOST_TEST(collate::first_letter(Lang::lv, "šķērslis").label == "Š");
    BOOST_TEST(collate::first_letter(Lang::en, "šķērslis").label == "S");
    BOOST_TEST(collate::first_letter(Lang::lv, "112").label == "0–9");
}

BOOST_AUTO_TEST_CASE(output_is_deterministic) {
    auto c = sample();
    auto one = render(c, real_strings(), {"v1", true});
    auto two = render(c, real_strings(), {"v1", true});
    BOOST_TEST_REQUIRE(one.size() == two.size());
    for (size_t i = 0; i < one.size(); ++i) {
        BOOST_TEST(one[i].path == two[i].path);
        BOOST_TEST(one[i].html == two[i].html, one[i].path);
    }
}

BOOST_AUTO_TEST_CASE(without_wasm_there_is_no_script) {
    for (auto& [path, html] : render_map(sample(), {"v1", false}))
        BOOST_TEST(count(html, "<script") - count(html, "<script type=\"application/ld+json\">") == 0u, path);
}

BOOST_AUTO_TEST_CASE(real_strings_have_identical_keys) {
    const Strings& s = real_strings();
    auto lv = s.keys(Lang::lv), en = s.keys(Lang::en);
    BOOST_TEST(lv.size() > 50u);
    BOOST_TEST(lv == en, boost::test_tools::per_element());
    BOOST_TEST(s.get(Lang::lv, "answer.yes") == "Jā");
    BOOST_TEST(s.get(Lang::en, "answer.yes") == "Yes");
    BOOST_CHECK_THROW(s.get(Lang::lv, "no.such.key"), std::runtime_error);
    BOOST_TEST(s.format(Lang::en, "step.label", {{"n", "3"}}) == "Step 3:");
}

namespace {

struct TempDir {
    fs::path dir = fs::temp_directory_path() / ("pietura-site-test-" + std::to_string(::getpid()));
    TempDir() { fs::create_directories(dir); }
    ~TempDir() { fs::remove_all(dir); }
    void write(const std::string& name, const std::string& text) const { std::ofstream(dir / name) << text; }
    std::string load_error() const {
        try {
            Strings::load(dir);
        } catch (const std::runtime_error& e) {
            return e.what();
        }
        return "";
    }
};

}  // namespace

BOOST_AUTO_TEST_CASE(bad_string_files_are_reported_with_positions) {
    TempDir t;
    t.write("lv.json", "{\n  \"a\": \"A\",\n  \"b\": \"B\"\n}\n");
    t.write("en.json", "{\n  \"a\": \"A\"\n}\n");
    std::string err = t.load_error();
    BOOST_TEST(err.find("lv.json:3:8: error: \"b\" is missing in ") != std::string::npos, err);
    BOOST_TEST(err.find("en.json") != std::string::npos, err);

    t.write("en.json", "{\n  \"a\": \"A\",\n  \"b\": \"B\",\n}\n");
    err = t.load_error();
    BOOST_TEST(err.find("en.json:4:1: error:") != std::string::npos, err);

    t.write("en.json", "{\n  \"a\": \"A\",\n  \"b\": {\"c\": \"C\"}\n}\n");
    err = t.load_error();
    BOOST_TEST(err.find("en.json:3:8: error: \"b\" must be a string") != std::string::npos, err);

    t.write("en.json", "{\n  \"a\": \"A\",\n  \"b\": \"B\"\n}\n");
    BOOST_TEST(t.load_error() == "");
}


// Issue 15: a button's look comes from a class the style sheet defines (or the class is a
// script's hook) — the shared-PC
// countdown's "No, finish now" used a class that did not exist and looked like the safe choice.
BOOST_AUTO_TEST_CASE(issue15_every_button_class_is_defined_in_the_style_sheet) {
    // The built style sheet and app.js are web/assets' files plus each component's.
    std::string css = text::read_file_or_throw(fs::path(PIETURA_SOURCE_DIR) / "web" / "assets" / "pietura.css");
    BOOST_REQUIRE(!css.empty());
    std::string scripts;
    for (auto dir : {fs::path(PIETURA_SOURCE_DIR) / "web" / "assets", fs::path(PIETURA_SOURCE_DIR) / "core" / "site" / "components"})
        for (auto& f : fs::recursive_directory_iterator(dir)) {
            if (f.path().extension() == ".js") scripts += text::read_file_or_throw(f.path());
            if (f.path().extension() == ".css" && dir.filename() == "components") css += text::read_file_or_throw(f.path());
        }
    size_t buttons = 0;
    for (auto& [path, html] : render_map(sample())) {
        for (size_t at = html.find("<button"); at != std::string::npos; at = html.find("<button", at + 1)) {
            std::string tag = html.substr(at, html.find('>', at) - at);
            auto c = tag.find("class=\"");
            if (c == std::string::npos) continue;
            std::string classes = tag.substr(c + 7, tag.find('"', c + 7) - c - 7);
            for (size_t p = 0; p < classes.size();) {
                size_t e = classes.find(' ', p);
                std::string one = classes.substr(p, e == std::string::npos ? std::string::npos : e - p);
                ++buttons;
                // The whole class name as a selector: ".secondary" must not match ".button-secondary".
                std::regex selector("(^|[^A-Za-z0-9_-])\\." + one + "([^A-Za-z0-9_-]|$)");
                // A class that no style sheet defines must at least be a script's hook.
                BOOST_TEST((std::regex_search(css, selector) || std::regex_search(scripts, selector)), path << ": ." << one);
                p = e == std::string::npos ? classes.size() : e + 1;
            }
        }
    }
    BOOST_TEST(buttons > 0u);
}

// Issue 14: an empty document list means "not recorded", so the page says nothing
// about documents; a level-3 service names the institution's office as the place.
BOOST_AUTO_TEST_CASE(issue14_unknown_documents_say_nothing_and_level_3_names_the_office) {
    auto c = sample();
    c.services[0].contact_point_level = 3;  // pmlp-deklaracija
    auto pages = render_map(c);
    const auto& none = pages["en/services/vsaa-berna-kopsanas-pabalsts/index.html"];
    BOOST_TEST(none.find("Documents you need") == std::string::npos);
    const auto& some = pages["en/services/vsaa-slimibas-pabalsts/index.html"];
    BOOST_TEST(some.find("<h2>Documents you need</h2>") != std::string::npos);
    BOOST_TEST(some.find("<li>Passport</li>") != std::string::npos);
    const auto& office = pages["lv/pakalpojumi/pmlp-deklaracija/index.html"];
    BOOST_TEST(office.find("channel-institution") != std::string::npos);
    BOOST_TEST(office.find(">PMLP</abbr> nodaļā") != std::string::npos);
    BOOST_TEST(some.find("channel-institution") == std::string::npos);
}

// Issue 14: a local government is not "<abbr> office". Its card names the place
// (office) and has no website of its own; its service page says where to go in words
// that read as Latvian, and links no site that is not the institution's.
BOOST_AUTO_TEST_CASE(issue14_a_municipal_service_page_names_the_place_and_no_foreign_site) {
    auto c = sample();
    auto& inst = c.institutions[0];
    c.services[0].institution = inst.id;
    c.services[0].contact_point_level = 3;
    inst.abbr = {"Pašvaldība", "Local government"};
    inst.office = {"savā pašvaldībā — sociālajā dienestā", "your own local government — its social service"};
    inst.website.clear();
    auto pages = render_map(c);
    const std::string& lv = pages["lv/pakalpojumi/" + c.services[0].id + "/index.html"];
    BOOST_TEST(lv.find("savā pašvaldībā — sociālajā dienestā; klientu centrā") != std::string::npos);
    BOOST_TEST(lv.find("Pašvaldība</abbr> nodaļā") == std::string::npos);
    BOOST_TEST(lv.find("Citi Pašvaldība") == std::string::npos);
    BOOST_TEST(lv.find("Iestādes tīmekļvietne") == std::string::npos);
    const std::string& en = pages["en/services/" + c.services[0].id + "/index.html"];
    BOOST_TEST(en.find("your own local government — its social service; a contact point") != std::string::npos);
    BOOST_TEST(en.find("Institution website") == std::string::npos);
}

// Issue 14: a unified centre's page says what it cannot do for the institutions it
// serves (their level-3 services, received only at the institution's own office) and
// links them, instead of leaving the list of what it can do to be read as complete.
BOOST_AUTO_TEST_CASE(issue14_contact_point_page_says_what_only_the_institutions_office_does) {
    auto c = sample();
    auto base = render_map(c);
    BOOST_TEST(base["lv/klientu-centri/cesis-vpvkac/index.html"].find("Tikai iestādes nodaļā") == std::string::npos);

    c.services[2].contact_point_level = 3;  // vsaa-slimibas-pabalsts, of an institution the centre serves
    c.services[0].contact_point_level = 3;  // pmlp-deklaracija: PMLP is not one of the centre's institutions
    auto pages = render_map(c);
    const auto& lv = pages["lv/klientu-centri/cesis-vpvkac/index.html"];
    auto at = lv.find("<h2>Tikai iestādes nodaļā</h2>");
    BOOST_REQUIRE(at != std::string::npos);
    std::string section = lv.substr(at, lv.find("<h2>", at + 5) - at);
    BOOST_TEST(section.find("/lv/pakalpojumi/vsaa-slimibas-pabalsts/") != std::string::npos, section);
    BOOST_TEST(section.find("(VSAA)") != std::string::npos, section);
    BOOST_TEST(section.find("pmlp-deklaracija") == std::string::npos, section);
    BOOST_TEST(pages["en/contact-points/cesis-vpvkac/index.html"].find("s own office</h2>") != std::string::npos);
}
