// The studio's numbers: points and distances from a snapshot, the hours heatmap.
#define BOOST_TEST_MODULE atlas
#include <boost/test/unit_test.hpp>

#include <fstream>

#include "atlas/atlas.hpp"
#include "content/content.hpp"
#include "fixture.hpp"
#include "snapshot/snapshot.hpp"

namespace fs = std::filesystem;
using namespace pietura;

namespace {

atlas::Atlas mini_atlas(const std::string& tag) {
    auto dir = fixture::mini_content(tag);
    fixture::write(dir / "places/cesu-novads.json",
                   R"([{"id": "cesis", "name": "Cēsis", "territory": "cesu-novads", "lat": 57.3119, "lon": 25.2706},
                       {"id": "jaunpiebalga", "name": "Jaunpiebalga", "territory": "cesu-novads", "lat": 57.1786, "lon": 26.0356}])");
    std::vector<content::Diagnostic> diags;
    auto c = content::Content::load(dir, diags);
    BOOST_TEST_REQUIRE(!content::has_errors(diags));
    fs::path snap = dir.parent_path() / "s.sqlite";
    snapshot::write(c, snap, {"t"});
    return atlas::Atlas::read(snapshot::Catalogue::open(snap));
}

}  // namespace

BOOST_AUTO_TEST_CASE(points_and_distances) {
    auto a = mini_atlas("atlas-points");
    BOOST_TEST_REQUIRE(a.contact_points.size() == 1u);
    BOOST_TEST(a.contact_points[0].kind == "vpvkac");
    BOOST_TEST_REQUIRE(a.places.size() == 2u);
    BOOST_TEST(a.places[0].id == "cesis");
    BOOST_TEST(a.places[0].nearest == "vpvkac-cesis");
    BOOST_TEST(a.places[0].nearest_km < 0.01);
    BOOST_TEST(a.places[1].nearest_km > 45);
    BOOST_TEST(a.find("jaunpiebalga")->name == "Jaunpiebalga");
    BOOST_TEST(a.find("nope") == nullptr);
}

BOOST_AUTO_TEST_CASE(projection_keeps_latvia_in_the_box) {
    auto riga = atlas::project(56.9496, 24.1052), daugavpils = atlas::project(55.8747, 26.5362);
    BOOST_TEST((riga.x > 0 && riga.x < 1 && riga.y > 0 && riga.y < 1));
    BOOST_TEST(daugavpils.x > riga.x);  // east
    BOOST_TEST(daugavpils.y > riga.y);  // south is down
    BOOST_TEST(atlas::aspect() > 1.5);
    BOOST_TEST(atlas::aspect() < 1.7);
}

BOOST_AUTO_TEST_CASE(heatmap_counts_lunch_short_fridays_and_holidays) {
    auto a = mini_atlas("atlas-heat");
    // Fixture hours: Mo-Th 08:00-12:00,12:30-17:00; Fr 08:00-14:00; PH off.
    auto h = atlas::heatmap(a, {2026, 1, 14});  // a Wednesday: the week of Monday 12 January
    BOOST_TEST(h.monday.iso() == "2026-01-12");
    BOOST_TEST(h.contact_points == 1);
    BOOST_TEST(h.open[0][7] == 0.0);
    BOOST_TEST(h.open[0][8] == 1.0);
    BOOST_TEST(h.open[0][12] == 0.5);  // the 30-minute lunch
    BOOST_TEST(h.open[0][16] == 1.0);
    BOOST_TEST(h.open[0][17] == 0.0);
    BOOST_TEST(h.open[4][13] == 1.0);  // Friday until 14:00
    BOOST_TEST(h.open[4][14] == 0.0);
    BOOST_TEST(h.open[5][10] == 0.0);  // Saturday
    BOOST_TEST(h.max == 1.0);
    for (auto& n : h.note) BOOST_TEST(n.empty());

    // 18 November 2026 (Wednesday) is a holiday; Tuesday 17th is a shortened day.
    auto hol = atlas::heatmap(a, {2026, 11, 18});
    BOOST_TEST(hol.open[2][10] == 0.0);
    BOOST_TEST(!hol.note[2].empty());
    BOOST_TEST(hol.open[1][15] == 1.0);
    BOOST_TEST(hol.open[1][16] == 0.0);  // closes an hour early
    BOOST_TEST(hol.note[1] == "shortened working day");
}
