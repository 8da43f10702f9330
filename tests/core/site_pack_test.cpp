// Issue 13: the page pack. The offline copy renders pages nobody has visited from
// site-pack.jsonl with the same page functions; these hold Pages to render() byte for
// byte, the content to a lossless round trip, and the reader to damaged input.
#define BOOST_TEST_MODULE site_pack
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <random>

#include "site_fixture.hpp"

using namespace site_fixture;

namespace {

content::Content default_content() {
    std::vector<content::Diagnostic> diags;
    auto c = content::Content::load(std::filesystem::path(PIETURA_SOURCE_DIR) / "content", diags);
    BOOST_TEST_REQUIRE(!content::has_errors(diags));
    return c;
}

// Options with everything a pack carries set away from its default: a day that is not
// today (the contact points' coming holidays), ratings, another base URL.
Options packed_options(const content::Content& c) {
    Options o;
    o.content_version = "pack-1";
    o.with_wasm = true;
    o.base_url = "https://pietura.example.lv";
    o.today = hours::Date{2027, 3, 15};
    o.ratings["service"][c.services.front().id] = rating::Average{7, 8.25};
    o.ratings["contact-point"][c.contact_points.front().id] = rating::Average{12, 6.5};
    return o;
}

// The sample content with what a pack must carry that the sample leaves out.
content::Content rich_sample() {
    content::Content c = sample();
    content::HolidayYear y;
    y.year = 2027;
    y.extra.push_back({"2027-05-03", "holiday", T("Papildu brīvdiena", "Extra day off"), ""});
    y.transfers.push_back({"2027-11-19", "day-off", T("Pārcelta", "Moved"), ""});
    y.transfers.push_back({"2027-11-27", "working-day", T("Darba sestdiena", "Working Saturday"), "2027-11-19"});
    content::HolidayYear y2;
    y2.year = 2028;
    y2.transfers_published = false;
    c.holidays = {y, y2};
    content::Consultation k;
    k.id = "vsaa-konsultacijas";
    k.institution = "vsaa";
    k.title = T("VSAA konsultācijas", "SSIA consultations");
    k.windows = "Mo-Fr 09:00-12:00";
    k.seats = 2;
    k.contact_points = {"cesis-vpvkac"};
    k.topics = {{"pensija", T("Pensija", "Pension"), {"vsaa-slimibas-pabalsts"}}, {"cits", T("Cits", "Other"), {}}};
    k.bring = {{"Pase"}, {"Passport"}};
    c.consultations = {k};
    c.institutions[0].keywords = {{"pase"}, {"passport"}};
    c.institutions[0].agreement = true;
    c.services[0].channels.eservice_source = "pmlp.gov.lv, 2026-11";
    c.services[1].contact_point_level = 2;
    c.contact_points[0].accessibility_notes = T("Lifts.", "A lift.");
    return c;
}

}  // namespace

BOOST_AUTO_TEST_CASE(issue13_every_page_of_the_default_content_comes_from_the_pack_byte_for_byte) {
    auto c = default_content();
    Options o = packed_options(c);
    auto pages = render(c, real_strings(), o);
    std::string text = pack(c, real_strings(), o);
    auto packed = Pages::from_pack(text);
    BOOST_TEST(packed.content_version() == "pack-1");
    size_t checked = 0;
    for (auto& p : pages) {
        if (p.path.size() < 5 || p.path.substr(p.path.size() - 5) != ".html") {
            BOOST_TEST(!packed.render("/" + p.path), p.path << " is not a page Pages makes");
            continue;
        }
        std::string url = "/" + p.path.substr(0, p.path.size() - std::string("index.html").size());
        auto got = packed.render(url);
        BOOST_TEST_REQUIRE(got.has_value(), "no page for " << url);
        BOOST_TEST(got->path == p.path);
        BOOST_TEST((got->html == p.html), url << " differs from render()'s");
        ++checked;
    }
    BOOST_TEST_MESSAGE("issue 13: " << checked << " pages of the default content rendered from a "
                                    << text.size() << "-byte pack, each equal to render()'s");
    BOOST_TEST(checked > 300u);
    // The contact point pages depend on the packed day: it did travel.
    std::string cp_url = url_for(Lang::en, Kind::contact_point, c.contact_points.front().id);
    Options other_day = o;
    other_day.today = hours::Date{2027, 12, 30};
    BOOST_TEST(packed.render(cp_url)->html != Pages::from_pack(pack(c, real_strings(), other_day)).render(cp_url)->html);
}

BOOST_AUTO_TEST_CASE(issue13_one_address_three_spellings) {
    auto c = rich_sample();
    auto packed = Pages::from_pack(pack(c, real_strings(), packed_options(c)));
    auto a = packed.render("/lv/pakalpojumi/vsaa-slimibas-pabalsts/");
    BOOST_TEST_REQUIRE(a.has_value());
    BOOST_TEST(a->path == "lv/pakalpojumi/vsaa-slimibas-pabalsts/index.html");
    for (const char* same : {"/lv/pakalpojumi/vsaa-slimibas-pabalsts", "/lv/pakalpojumi/vsaa-slimibas-pabalsts/index.html"}) {
        auto b = packed.render(same);
        BOOST_TEST_REQUIRE(b.has_value(), same);
        BOOST_TEST((b->html == a->html));
    }
    BOOST_TEST(packed.render("/")->path == "index.html");
    BOOST_TEST(packed.render("/index.html")->path == "index.html");
    BOOST_TEST(packed.render("/en")->path == "en/index.html");
    BOOST_TEST(packed.render("/lv/konsultacija/")->path == "lv/konsultacija/index.html");
    BOOST_TEST(packed.render("/en/consultation/offline/")->path == "en/consultation/offline/index.html");
}

BOOST_AUTO_TEST_CASE(issue13_an_address_without_a_page_is_nullopt) {
    auto c = rich_sample();
    auto packed = Pages::from_pack(pack(c, real_strings(), packed_options(c)));
    for (const char* url : {"", "lv/", "/xx/", "/lv/pakalpojumi/nav-tada/", "/lv/pakalpojumi/vsaa-slimibas-pabalsts/x/",
                            "/lv/pakalpojumi/vsaa-slimibas-pabalsts/?q=1", "/lv/pakalpojumi/vsaa-slimibas-pabalsts/#a",
                            "/lv//", "//", "/lv/pakalpojumi/../", "/sitemap.xml", "/robots.txt", "/lv/index.htm",
                            "/lv/konsultacija/laiks/", "/en/services/cesis-vpvkac/", "/lv/pakalpojumi/vsaa-slimibas-pabalstsindex.html",
                            "/lv/index.html/", "/en/nearest/", "/lv/auditorijas/vecaki/index.html/x"})
        BOOST_TEST(!packed.render(url).has_value(), "a page for \"" << url << "\"");
    // No consultations: no booking pages (render() makes none either).
    content::Content none = sample();
    auto without = Pages::from_pack(pack(none, real_strings(), packed_options(none)));
    BOOST_TEST(!without.render("/lv/konsultacija/").has_value());
    BOOST_TEST(!without.render("/en/consultation/offline/").has_value());
}

BOOST_AUTO_TEST_CASE(issue13_content_round_trips_with_bus_stops_consultations_and_holidays) {
    auto c = rich_sample();
    content::Content back = content::from_pack(content::to_pack(c, "v"));
    BOOST_TEST((back.institutions == c.institutions));
    BOOST_TEST((back.audiences == c.audiences));
    BOOST_TEST((back.services == c.services));
    BOOST_TEST((back.life_situations == c.life_situations));
    BOOST_TEST((back.territories == c.territories));
    BOOST_TEST((back.places == c.places));
    BOOST_TEST((back.contact_points == c.contact_points));
    BOOST_TEST((back.holidays == c.holidays));
    BOOST_TEST((back.consultations == c.consultations));
    BOOST_TEST(back.contact_points[0].bus_stop_name == "Cēsis AO");
    BOOST_TEST(back.contact_points[0].bus_stop_m == 432.0);
    BOOST_TEST(back.holidays[1].transfers_published == false);
    BOOST_TEST(back.holidays[0].transfers[1].replaces == "2027-11-19");

    // The whole default catalogue, whose stops came from its GTFS file, which the
    // reader never needs.
    auto d = default_content();
    BOOST_TEST_REQUIRE(!d.bus_stops.empty());
    std::string text = content::to_pack(d, "v");
    auto p = content::read_pack(text);
    BOOST_TEST(p.content_version == "v");
    BOOST_TEST((p.content.services == d.services));
    BOOST_TEST((p.content.contact_points == d.contact_points));
    BOOST_TEST((p.content.consultations == d.consultations));
    BOOST_TEST((p.content.holidays == d.holidays));
    BOOST_TEST((p.content.life_situations == d.life_situations));
    BOOST_TEST((p.content.places == d.places));
    BOOST_TEST(p.content.bus_stops.empty());
    BOOST_TEST(content::to_pack(p.content, "v") == text);  // deterministic
    BOOST_TEST(text.rfind("{\"pietura_pack\":1,\"content_version\":\"v\",\"lines\":", 0) == 0u);
}

namespace {

// A damaged pack must be refused with a std::runtime_error that says it is about the
// pack, or read into something that renders; anything else (another exception, a
// crash under the sanitizers) fails.
void try_damaged(const std::string& text, size_t& refused, size_t& read) {
    try {
        auto p = Pages::from_pack(text);
        for (const char* url : {"/", "/lv/", "/en/pakalpojumi/", "/lv/pakalpojumi/vsaa-slimibas-pabalsts/",
                                "/en/contact-points/cesis-vpvkac/", "/lv/tuvakie/cesu-novads/", "/en/consultation/",
                                "/lv/dzives-situacijas/slimiba/", "/en/audiences/vecaki/", "/lv/meklet/"})
            (void)p.render(url);
        ++read;
    } catch (const std::runtime_error& e) {
        std::string m = e.what();
        if (m.rfind("page pack", 0) != 0 && m.find("UI string") == std::string::npos)
            BOOST_ERROR("an unclear error: " << m);
        ++refused;
    } catch (const std::exception& e) {
        BOOST_ERROR("not a runtime_error: " << e.what());
    }
}

}  // namespace

BOOST_AUTO_TEST_CASE(issue13_a_damaged_pack_is_refused_clearly_never_a_crash) {
    auto c = rich_sample();
    const std::string good = pack(c, real_strings(), packed_options(c));
    auto message = [](const std::string& text) {
        try {
            (void)Pages::from_pack(text);
        } catch (const std::runtime_error& e) {
            return std::string(e.what());
        }
        return std::string("(read)");
    };
    BOOST_TEST(message("") == "page pack: the file is empty, not a Pietura page pack");
    BOOST_TEST(message("<!doctype html>\n") == "page pack line 1: not a Pietura page pack (the first line is not its JSON header)");
    BOOST_TEST(message("{}\n") == "page pack line 1: not a Pietura page pack (the header has no \"pietura_pack\")");
    BOOST_TEST(message("{\"pietura_pack\":2,\"content_version\":\"v\",\"lines\":0}\n").find("format 2, but this reader reads format 1") !=
               std::string::npos);
    // Cut at a line's end: the header's count says so.
    std::string cut = good.substr(0, good.rfind('\n', good.size() - 2) + 1);
    BOOST_TEST(message(cut).find("the header promises") != std::string::npos);
    // A service without its title, named by line and field.
    std::string no_title = good;
    size_t at = no_title.find("{\"kind\":\"services\"");
    size_t line = std::count(good.begin(), good.begin() + at, '\n') + 1;
    size_t title = no_title.find("\"title\":", at);
    no_title.replace(title, 8, "\"titel\":");
    BOOST_TEST(message(no_title) == "page pack line " + std::to_string(line) + ": services: key 'title' not found");
    // Two services swapped: the id lookups are binary searches.
    std::string swapped = good;
    size_t next = swapped.find('\n', at) + 1, after = swapped.find('\n', next) + 1;
    swapped = swapped.substr(0, at) + swapped.substr(next, after - next) + swapped.substr(at, next - at) + swapped.substr(after);
    BOOST_TEST(message(swapped).find("is out of order or repeated") != std::string::npos);
    // A contact point of a kind with no words.
    std::string odd_kind = good;
    size_t kind = odd_kind.find("\"kind\":\"vpvkac\"");
    odd_kind.replace(kind, 15, "\"kind\":\"vpvkaX\"");
    BOOST_TEST(message(odd_kind) == "page pack: contact point \"cesis-vpvkac\" is of the unknown kind \"vpvkaX\"");

    size_t refused = 0, read = 0;
    size_t truncations = 0;
    for (size_t n = 0; n < good.size(); n += 97, ++truncations) try_damaged(good.substr(0, n), refused, read);
    BOOST_TEST(read == 0u);  // every cut is caught, also at a line's end
    std::mt19937 rng(13);
    for (int k = 0; k < 300; ++k) {
        std::string flipped = good;
        size_t pos = std::uniform_int_distribution<size_t>(0, good.size() - 1)(rng);
        flipped[pos] = char(flipped[pos] ^ std::uniform_int_distribution<int>(1, 255)(rng));
        try_damaged(flipped, refused, read);
    }
    BOOST_TEST_MESSAGE("issue 13: " << truncations << " truncations and 300 byte flips of a " << good.size()
                                    << "-byte pack: " << refused << " refused with a clear error, " << read
                                    << " still read and rendered");
    BOOST_TEST(refused + read == truncations + 300);
}

BOOST_AUTO_TEST_CASE(issue13_on_visit_leaves_only_the_home_pages_precached) {
    BOOST_TEST(!on_visit("index.html"));
    BOOST_TEST(!on_visit("lv/index.html"));
    BOOST_TEST(!on_visit("en/index.html"));
    BOOST_TEST(on_visit("lv/pakalpojumi/vsaa-slimibas-pabalsts/index.html"));
    BOOST_TEST(on_visit("en/consultation/offline/index.html"));
    BOOST_TEST(!on_visit("sitemap.xml"));
    BOOST_TEST(!on_visit("robots.txt"));
    // Every page on_visit leaves to Pages, Pages makes.
    auto c = rich_sample();
    Options o = packed_options(c);
    auto packed = Pages::from_pack(pack(c, real_strings(), o));
    size_t n = 0;
    for (auto& p : render(c, real_strings(), o))
        if (on_visit(p.path)) {
            BOOST_TEST(packed.render("/" + p.path).has_value(), p.path);
            ++n;
        }
    BOOST_TEST(n > 20u);
}

BOOST_AUTO_TEST_CASE(issue13_extra_lines_of_a_content_kind_are_refused) {
    BOOST_CHECK_THROW(content::to_pack(sample(), "v", {{"services", "{}"}}), std::invalid_argument);
    BOOST_CHECK_THROW(content::to_pack(sample(), "v", {{"strings", "{"}}), std::invalid_argument);
    // A content-only reader does not take the site's lines.
    auto c = sample();
    BOOST_CHECK_THROW(content::from_pack(pack(c, real_strings(), packed_options(c))), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(issue13_contact_point_counts_are_services_at_counted_for_every_contact_point) {
    auto slow = [](const content::Content& c) {
        std::map<std::string, int> n;
        for (auto& cp : c.contact_points)
            for (auto* s : c.services_at(cp)) ++n[s->id];
        return n;
    };
    auto d = default_content();
    BOOST_TEST((d.contact_point_counts() == slow(d)));
    BOOST_TEST(!d.contact_point_counts().empty());
    // A contact point naming an institution twice, and as extras a service it already
    // takes by institution, one it does not, an unknown id, and one twice.
    auto c = rich_sample();
    auto cp2 = c.contact_points[0];
    cp2.id = "cesis-vpvkac-2";
    cp2.institutions = {"vsaa", "vsaa", "pmlp"};
    cp2.services = {"vsaa-slimibas-pabalsts", "pmlp-deklaracija", "nav-tada", "pmlp-deklaracija"};
    c.contact_points.push_back(cp2);
    c.services[0].channels.contact_point = false;  // pmlp-deklaracija: only as an extra
    auto counts = c.contact_point_counts();
    BOOST_TEST((counts == slow(c)));
    BOOST_TEST(counts["pmlp-deklaracija"] == 2);
    BOOST_TEST(counts["vsaa-slimibas-pabalsts"] == 2);
}

// Issue 13: at the national catalogue the A–Z index was one page of about 1 MB that a
// phone had to fetch and parse before its search box answered. Past 600 entries it is
// a page per first letter, online and offline alike; a small catalogue keeps one page.
namespace {

// The sample with 700 more services of its first one's institution, titled from A to Ž.
content::Content national_sized() {
    content::Content c = rich_sample();
    const content::Service proto = c.services.front();
    const char* starts[] = {"Atbalsts", "Čeks", "Izziņa", "Pabalsts", "Šķiršana", "Ziņas", "2025. gada"};
    for (int i = 0; i < 700; ++i) {
        content::Service s = proto;
        s.id = "gen-" + std::to_string(i);
        std::string start = starts[i % 7];
        s.title = T(start + " nr. " + std::to_string(i), start + " no. " + std::to_string(i));
        c.services.push_back(s);
    }
    // A pack lists each kind in id order, as content::Content::load() gives it.
    std::sort(c.services.begin(), c.services.end(), [](auto& a, auto& b) { return a.id < b.id; });
    return c;
}

}  // namespace

BOOST_AUTO_TEST_CASE(issue13_a_national_a_to_z_is_a_page_per_letter_online_and_offline) {
    content::Content c = national_sized();
    const size_t entries = c.life_situations.size() + c.services.size() + c.contact_points.size();
    Options o = packed_options(c);
    auto pages = render_map(c, o);
    auto packed = Pages::from_pack(pack(c, real_strings(), o));

    const std::string& az = pages.at("lv/meklet/index.html");
    BOOST_TEST(count(az, "class=\"az-list\"") == 0u, "the search page lists no entries itself");
    BOOST_TEST(count(az, "id=\"search-answer\"") == 1u);
    for (const char* letter : {"a", "ch", "i", "p", "sh", "z", "0-9"}) {
        std::string url = "/lv/meklet/" + std::string(letter) + "/";
        BOOST_TEST(count(az, "href=\"" + url + "\"") == 1u, url);
        BOOST_TEST_REQUIRE(pages.count(path_for(url)) == 1u, url);
        auto got = packed.render(url);
        BOOST_TEST_REQUIRE(got.has_value(), url);
        BOOST_TEST((got->html == pages.at(path_for(url))), url << " offline differs from the build's");
        BOOST_TEST(count(pages.at("sitemap.xml"), "<loc>" + o.base_url + url + "</loc>") == 1u, url);
    }
    // Every entry is on exactly one letter page, and each page marks its own letter.
    size_t listed = 0;
    for (auto& [path, html] : pages)
        if (path.rfind("lv/meklet/", 0) == 0 && path != "lv/meklet/index.html") {
            BOOST_TEST(count(html, "aria-current=\"page\">") == 2u, path);  // the breadcrumb and the letter
            BOOST_TEST(nesting_problem(html) == "", path);
            for (size_t at = html.find("<ul class=\"az-list\">"); at != std::string::npos; at = std::string::npos) {
                std::string list = html.substr(at, html.find("</ul>", at) - at);
                listed += count(list, "<li>");
            }
        }
    BOOST_TEST(listed == entries);
    BOOST_TEST(count(pages.at("lv/meklet/sh/index.html"), "Šķiršana nr. 4<") == 1u);
    BOOST_TEST(pages.count("en/search/ch/index.html") == 0u, "English files Č under C");
    BOOST_TEST(count(pages.at("en/search/c/index.html"), "Čeks no. 1<") == 1u);
    // So the language switch of a letter only one alphabet has goes to the other's A–Z page.
    BOOST_TEST(count(pages.at("lv/meklet/ch/index.html"), "hreflang=\"en\" href=\"/en/search/\"") == 1u);
    BOOST_TEST(count(pages.at("lv/meklet/a/index.html"), "hreflang=\"en\" href=\"/en/search/a/\"") == 1u);
    BOOST_TEST(!packed.render("/lv/meklet/nav-tada/"));

    // The sample alone is one page, as before, and has no letter pages.
    content::Content small = rich_sample();
    auto one = render_map(small, packed_options(small));
    BOOST_TEST(count(one.at("lv/meklet/index.html"), "class=\"az-list\"") >= 1u);
    for (auto& [path, html] : one) BOOST_TEST((path.rfind("lv/meklet/", 0) != 0 || path == "lv/meklet/index.html"), path);
    BOOST_TEST(!Pages::from_pack(pack(small, real_strings(), packed_options(small))).render("/lv/meklet/a/"));
}

// Issue 13: the services list grouped by institution was 1.3 MB at the national
// catalogue. Past 600 services it names the institutions with their counts, and each
// institution's services are a page of their own, online and offline alike; "all
// services of this institution" links follow. A small catalogue keeps its one list.
BOOST_AUTO_TEST_CASE(issue13_a_national_services_list_is_a_page_per_institution) {
    content::Content c = national_sized();
    const std::string inst = c.services.front().institution;
    size_t of_inst = 0;
    for (auto& s : c.services) of_inst += s.institution == inst;
    Options o = packed_options(c);
    auto pages = render_map(c, o);
    auto packed = Pages::from_pack(pack(c, real_strings(), o));

    const std::string url = url_for(Lang::lv, Kind::institution, inst);
    const std::string& list = pages.at("lv/pakalpojumi/index.html");
    BOOST_TEST(count(list, "href=\"" + url + "\"") == 1u);
    BOOST_TEST(count(list, "/lv/pakalpojumi/gen-") == 0u, "the list names institutions, not services");
    BOOST_TEST(count(list, ": " + std::to_string(of_inst) + " pakalpojum") == 1u);
    BOOST_TEST_REQUIRE(pages.count(path_for(url)) == 1u);
    const std::string& own = pages.at(path_for(url));
    BOOST_TEST(count(own, "/lv/pakalpojumi/gen-") == 700u);
    BOOST_TEST(nesting_problem(own) == "");
    auto got = packed.render(url);
    BOOST_TEST_REQUIRE(got.has_value());
    BOOST_TEST((got->html == own), "offline differs from the build's");
    BOOST_TEST((packed.render(url_for(Lang::en, Kind::institution, inst))->html == pages.at(path_for(url_for(Lang::en, Kind::institution, inst)))));
    BOOST_TEST(count(pages.at("lv/pakalpojumi/gen-0/index.html"), "href=\"" + url + "\"") == 1u);
    BOOST_TEST(!packed.render("/lv/iestades/nav-tadas/"));

    // The sample alone: one list with a group per institution, and no institution pages.
    content::Content small = rich_sample();
    auto one = render_map(small, packed_options(small));
    BOOST_TEST(one.count(path_for(url)) == 0u);
    BOOST_TEST(count(one.at("lv/pakalpojumi/" + small.services.front().id + "/index.html"),
                     "href=\"/lv/pakalpojumi/#i-" + inst + "\"") == 1u);
    BOOST_TEST(!Pages::from_pack(pack(small, real_strings(), packed_options(small))).render(url));
}

// Issue 13: at the national catalogue the contact points page listed every service in
// the finder's filter (3,300 options, 420 KB of a 550 KB page) and an audience page had
// 1,400 service cards (540 KB). Past 600 services the finder's filter is a text field
// the core's search suggests services for (finder.js), and an audience page shows its
// most requested services with links to the institutions' pages for the rest, online
// and offline alike. A small catalogue keeps its list and its one page.
BOOST_AUTO_TEST_CASE(issue13_national_contact_points_and_audience_pages_stay_small) {
    constexpr std::size_t kAudienceOnePage = 40;  // site/page.hpp
    // Service cards, not the header's link to the services list.
    auto cards = [](const std::string& html) {
        return count(html, "<li><a href=\"/lv/pakalpojumi/") - count(html, "<li><a href=\"/lv/pakalpojumi/\">");
    };
    content::Content c = national_sized();
    Options o = packed_options(c);
    auto pages = render_map(c, o);
    auto packed = Pages::from_pack(pack(c, real_strings(), o));

    const std::string& cps = pages.at("lv/klientu-centri/index.html");
    BOOST_TEST(count(cps, "<input type=\"text\" id=\"f-service\" name=\"service\" autocomplete=\"off\" "
                          "list=\"service-options\" aria-describedby=\"f-service-hint\">") == 1u);
    BOOST_TEST(count(cps, "<label for=\"f-service\">") == 1u);
    BOOST_TEST(count(cps, "id=\"f-service-hint\"") == 1u);
    BOOST_TEST(count(cps, "<option value=\"gen-") == 0u, "no option per service");
    BOOST_TEST(count(cps, "data-unknown-service=\"") == 1u);

    const std::string audience_id = c.services.front().audiences.front();
    std::vector<const content::Service*> of_audience;
    for (auto& s : c.services)
        if (std::find(s.audiences.begin(), s.audiences.end(), audience_id) != s.audiences.end()) of_audience.push_back(&s);
    BOOST_TEST_REQUIRE(of_audience.size() > kAudienceOnePage);
    const std::string url = url_for(Lang::lv, Kind::audience, audience_id);
    const std::string& page = pages.at(path_for(url));
    BOOST_TEST(cards(page) == kAudienceOnePage, "the most requested only");
    BOOST_TEST(count(page, "Biežāk izmantotie pakalpojumi") == 1u);
    // Every institution of a service not shown is linked, with how many of this group's it has.
    std::map<std::string, int> rest;
    for (auto* s : of_audience)
        if (count(page, "href=\"/lv/pakalpojumi/" + s->id + "/\"") == 0) ++rest[s->institution];
    BOOST_TEST_REQUIRE(!rest.empty());
    for (auto& [inst, n] : rest) {
        const std::string to = url_for(Lang::lv, Kind::institution, inst);
        BOOST_TEST(count(page, "href=\"" + to + "\"") == 1u, to);
        BOOST_TEST(pages.count(path_for(to)) == 1u, to);
        BOOST_TEST(count(page, ": " + std::to_string(n) + " pakalpojum") == 1u, inst << " " << n);
    }
    BOOST_TEST(nesting_problem(page) == "");
    auto got = packed.render(url);
    BOOST_TEST_REQUIRE(got.has_value());
    BOOST_TEST((got->html == page), "offline differs from the build's");
    BOOST_TEST((packed.render("/lv/klientu-centri/")->html == cps));

    // The sample alone: a list of services to choose from, and every service on the page.
    content::Content small = rich_sample();
    auto one = render_map(small, packed_options(small));
    BOOST_TEST(count(one.at("lv/klientu-centri/index.html"), "<select id=\"f-service\" name=\"service\">") == 1u);
    BOOST_TEST(count(one.at("lv/klientu-centri/index.html"), "service-options") == 0u);
    const std::string small_audience = small.services.front().audiences.front();
    size_t n_small = 0;
    for (auto& s : small.services)
        n_small += std::find(s.audiences.begin(), s.audiences.end(), small_audience) != s.audiences.end();
    BOOST_TEST(cards(one.at(path_for(url_for(Lang::lv, Kind::audience, small_audience)))) == n_small);
}
