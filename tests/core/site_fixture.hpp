// tests/core/site_fixture.hpp — what the site tests share: a small content set with
// the cases pages must survive (markup in titles, a javascript: link, a conditional
// step), the real UI strings, render() as a path → HTML map, and a substring counter.
// Include after <boost/test/unit_test.hpp>.
#pragma once

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "site/site.hpp"

namespace site_fixture {

using namespace pietura;
using namespace pietura::site;
inline content::Text T(std::string lv, std::string en) { return {std::move(lv), std::move(en)}; }

inline content::Content sample() {
    content::Content c;
    c.institutions.push_back({"pmlp", T("PMLP", "OCMA"), T("Pilsonības un migrācijas lietu pārvalde", "Office of Citizenship and Migration Affairs"),
                              "https://www.pmlp.gov.lv", true, false, {}});
    c.institutions.push_back({"vsaa", T("VSAA", "SSIA"), T("Valsts sociālās apdrošināšanas aģentūra", "State Social Insurance Agency"),
                              "https://www.vsaa.gov.lv", true, false, {}});
    c.audiences.push_back({"vecaki", T("Jaunie vecāki", "New parents"), T("Bērna gaidīšana un pirmie gadi.", "Expecting a child and the first years.")});

    content::Service a;
    a.id = "vsaa-slimibas-pabalsts";
    a.institution = "vsaa";
    a.title = T("Slimības pabalsts", "Sickness benefit");
    a.summary = T("Nauda, kamēr slimojat.", "Money while you are ill.");
    a.body = T("Pirmā rindkopa.\n\nOtrā rindkopa.", "First paragraph.\n\nSecond paragraph.");
    a.audiences = {"vecaki"};
    a.channels = {"https://www.latvija.gov.lv/x", true, true};
    a.documents = {{"Pase"}, {"Passport"}};
    a.fee = T("Bez maksas", "Free");
    a.time = T("10 darbdienas", "10 working days");
    a.popularity = 90;
    content::Service b = a;
    b.id = "vsaa-berna-kopsanas-pabalsts";
    b.title = T("Čeks <script>alert(1)</script>", "Childcare <script>alert(1)</script>");
    b.channels = {"", true, false};
    b.documents = {};
    b.popularity = 70;
    content::Service d = a;
    d.id = "pmlp-deklaracija";
    d.institution = "pmlp";
    d.title = T("Ārsta izziņa & deklarācija", "Declaring your place of residence");
    d.channels = {"javascript:alert(1)", false, false};
    d.popularity = 95;
    c.services = {d, b, a};  // sorted by id, as Content::load returns them

    content::LifeSituation ls;
    ls.id = "slimiba";
    ls.title = T("Slimība", "Sickness");
    ls.summary = T("Ko darīt, ja saslimstat.", "What to do when you fall ill.");
    ls.audiences = {"vecaki"};
    ls.questions = {{"employed", T("Vai esat nodarbināts?", "Were you employed when you fell ill?")}};
    content::Step s1;
    s1.title = T("Saņemiet darbnespējas lapu", "Get a sick note");
    s1.text = T("Ārsts to izsniedz.", "Your doctor issues it.");
    content::Step s2;
    s2.title = T("Piesakiet pabalstu", "Apply for the benefit");
    s2.text = T("Pieteikums.", "Apply.");
    s2.services = {"vsaa-slimibas-pabalsts", "vsaa-berna-kopsanas-pabalsts"};
    s2.when = {{"employed", true}};
    ls.steps = {s1, s2};
    ls.related = {"slimiba"};
    c.life_situations = {ls};

    c.territories.push_back({"cesu-novads", "municipality", T("Cēsu novads", "Cēsis Municipality")});
    c.places.push_back({"cesis", "Cēsis", "cesu-novads", 57.3119, 25.2606});

    content::ContactPoint cp;
    cp.id = "cesis-vpvkac";
    cp.kind = "vpvkac";
    cp.name = T("Cēsu VPVKAC", "Cēsis one-stop centre");
    cp.address = T("Bērzaines iela 4, Cēsis", "Bērzaines iela 4, Cēsis");
    cp.territory = "cesu-novads";
    cp.lat = 57.3119;
    cp.lon = 25.2706;
    cp.phone = "+371 64161800";
    cp.email = "cesis@example.lv";
    cp.hours = "Mo-Th 08:00-17:00; Fr 08:00-14:00; PH off";
    cp.institutions = {"vsaa"};
    cp.services = {"pmlp-deklaracija"};
    cp.remote_consultation = {"vsaa"};
    cp.step_free = true;
    cp.bus_stop_id = "1001";
    cp.bus_stop_name = "Cēsis AO";
    cp.bus_stop_m = 432;
    c.contact_points = {cp};
    return c;
}

inline const Strings& real_strings() {
    static Strings s = Strings::load(std::filesystem::path(PIETURA_SOURCE_DIR) / "i18n");
    return s;
}

inline std::map<std::string, std::string> render_map(const content::Content& c, const Options& o = {"v1", true}) {
    std::map<std::string, std::string> m;
    for (auto& p : render(c, real_strings(), o)) {
        BOOST_TEST_REQUIRE(!m.count(p.path), "two pages at " << p.path);
        m[p.path] = p.html;
    }
    return m;
}

inline size_t count(const std::string& hay, const std::string& needle) {
    size_t n = 0;
    for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
    return n;
}

// Every element opened is closed in order (void elements excepted): a cheap guard
// against broken nesting, which screen readers and browsers repair unpredictably.
inline std::string nesting_problem(const std::string& html) {
    static const std::set<std::string> void_tags = {"meta", "link", "input", "br", "hr", "img"};
    static const std::regex tag(R"(<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>)");
    std::vector<std::string> stack;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), tag); it != std::sregex_iterator(); ++it) {
        std::string name = (*it)[2];
        if (void_tags.count(name)) continue;
        if ((*it)[1] == "") stack.push_back(name);
        else {
            if (stack.empty() || stack.back() != name)
                return "</" + name + "> closes <" + (stack.empty() ? "nothing" : stack.back()) + ">";
            stack.pop_back();
        }
    }
    return stack.empty() ? "" : "<" + stack.back() + "> never closed";
}

}  // namespace site_fixture
