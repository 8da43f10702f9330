// Tests of core/snapshot: the nearest contact points and their filters, places, bus-stop distances.
#define BOOST_TEST_MODULE snapshot_nearest
#include <boost/test/unit_test.hpp>

#include "snapshot_fixture.hpp"

BOOST_AUTO_TEST_SUITE(nearest)

BOOST_AUTO_TEST_CASE(great_circle_distance) {
    // Rīga Dom Square to Cēsis centre: about 80 km in a straight line.
    double d = geo::distance_m({56.9496, 24.1052}, {57.3119, 25.2706});
    BOOST_TEST(d > 79000);
    BOOST_TEST(d < 82000);
    BOOST_TEST(geo::distance_m({57.0, 25.0}, {57.0, 25.0}) == 0.0);
}

BOOST_AUTO_TEST_CASE(filters_by_service_and_opening) {
    auto dir = fixture::temp_dir("near");
    snapshot::write(mini("near"), dir / "c.sqlite", {"v"});
    auto cat = snapshot::Catalogue::open(dir / "c.sqlite");
    std::int64_t monday = 1795420800;  // 2026-11-23 10:00 Riga
    snapshot::Catalogue::NearestQuery q;
    q.from = {57.30, 25.27};
    auto all = cat.nearest(q, Lang::lv, monday);
    BOOST_REQUIRE(all.size() == 1u);
    BOOST_TEST(all[0].id == "vpvkac-cesis");
    BOOST_TEST(all[0].distance_m > 1000);
    BOOST_TEST(all[0].distance_m < 1500);
    q.service = "vsaa-slimibas-pabalsts";
    BOOST_TEST(cat.nearest(q, Lang::lv, monday).size() == 1u);
    q.service = "";
    q.open_now = true;
    BOOST_TEST(cat.nearest(q, Lang::lv, monday + 5 * 86400).empty());  // Saturday
    BOOST_TEST(cat.nearest(q, Lang::lv, monday).size() == 1u);
}

// Issue 4: bad input is a clear error, never a silent empty answer.
BOOST_AUTO_TEST_CASE(issue4_rejects_impossible_points_and_unknown_ids) {
    auto dir = fixture::temp_dir("near-bad");
    snapshot::write(mini("near-bad"), dir / "c.sqlite", {"v"});
    auto cat = snapshot::Catalogue::open(dir / "c.sqlite");
    snapshot::Catalogue::NearestQuery q;
    q.from = {std::nan(""), 25.0};
    BOOST_CHECK_THROW(cat.nearest(q, Lang::lv, 0), std::invalid_argument);
    q.from = {91.0, 25.0};
    BOOST_CHECK_THROW(cat.nearest(q, Lang::lv, 0), std::invalid_argument);
    q.from = {57.0, 25.0};
    q.service = "nav-tada";
    BOOST_CHECK_THROW(cat.nearest(q, Lang::lv, 0), std::invalid_argument);
    q.service = "";
    q.remote_institution = "nav-tada";
    BOOST_CHECK_THROW(cat.nearest(q, Lang::lv, 0), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(nearest_filters)

BOOST_AUTO_TEST_CASE(ranks_by_distance_with_details) {
    snapshot::Catalogue::NearestQuery q;
    q.from = {57.3119, 25.2706};  // Cēsis
    q.limit = 5;
    auto r = real().nearest(q, Lang::lv, kMonday10);
    BOOST_REQUIRE(r.size() == 5u);
    BOOST_TEST(r[0].id == "vpvkac-cesis");
    for (size_t k = 1; k < r.size(); ++k) BOOST_TEST(r[k - 1].distance_m <= r[k].distance_m);
    BOOST_TEST(!r[0].address.empty());
    BOOST_TEST(!r[0].phone.empty());
    BOOST_TEST(r[0].services > 10);
    BOOST_TEST(r[0].bus_stop_m >= 0);
    BOOST_TEST(r[0].bus_stop_m < 700);
    BOOST_TEST(!r[0].bus_stop.empty());
    BOOST_TEST(r[0].status.state == "open");
}

BOOST_AUTO_TEST_CASE(saturday_finds_the_one_open_on_saturday) {
    snapshot::Catalogue::NearestQuery q;
    q.from = {56.5047, 21.0108};  // Liepāja, far from Valmiera
    q.open_saturday = true;
    q.limit = 10;
    auto r = real().nearest(q, Lang::lv, kMonday10);
    BOOST_REQUIRE(r.size() == 1u);
    BOOST_TEST(r[0].id == "vpvkac-valmiera");
}

BOOST_AUTO_TEST_CASE(remote_step_free_and_evening_filters_hold_for_every_answer) {
    snapshot::Catalogue::NearestQuery q;
    q.from = {56.95, 24.11};  // Rīga
    q.limit = 100;
    auto everyone = real().nearest(q, Lang::en, kMonday10);
    q.remote_institution = "vsaa";
    auto remote = real().nearest(q, Lang::en, kMonday10);
    BOOST_TEST(!remote.empty());
    BOOST_TEST(remote.size() < everyone.size());
    for (auto& r : remote) BOOST_TEST((std::find(r.remote.begin(), r.remote.end(), "SSIA") != r.remote.end()));
    q.remote_institution = "";
    q.step_free = true;
    auto step_free = real().nearest(q, Lang::en, kMonday10);
    BOOST_TEST(!step_free.empty());
    BOOST_TEST(step_free.size() < everyone.size());
    for (auto& r : step_free) BOOST_TEST(r.step_free);
    q.step_free = false;
    q.open_after_17 = true;
    auto evening = real().nearest(q, Lang::en, kMonday10);
    BOOST_TEST(!evening.empty());
    BOOST_TEST(evening.size() < everyone.size());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(places)

BOOST_AUTO_TEST_CASE(issue4_finds_places_typed_without_diacritics) {
    auto r = real().find_places("cesis", Lang::lv);
    BOOST_REQUIRE(!r.empty());
    BOOST_TEST(r[0].name == "Cēsis");
    BOOST_TEST(r[0].kind == "place");
    BOOST_TEST(r[0].territory == "Cēsu novads");
    r = real().find_places("  LIEPAJA ", Lang::en);
    BOOST_REQUIRE(!r.empty());
    BOOST_TEST(r[0].name == "Liepāja");
    r = real().find_places("cesu nov", Lang::lv);
    BOOST_REQUIRE(!r.empty());
    BOOST_TEST(r[0].kind == "territory");
    BOOST_TEST(r[0].name == "Cēsu novads");
    BOOST_TEST(real().find_places("", Lang::lv).empty());
    BOOST_TEST(real().find_places("zzzz", Lang::lv).empty());
    BOOST_TEST(real().find_places("\xff\xfe", Lang::lv).empty());
    BOOST_TEST(real().find_places(std::string(10000, 'a'), Lang::lv).empty());
}

BOOST_AUTO_TEST_CASE(lists_every_municipality_with_a_centre) {
    auto t = real().territories(Lang::lv);
    BOOST_TEST(t.size() == 42u);
    for (auto& x : t) {
        BOOST_TEST(x.at.lat > 55.6);
        BOOST_TEST(x.at.lat < 58.1);
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(bus_stops)

// Issue 4: the background analysis — the centres beyond 700 m of a bus stop,
// farthest first. Issue 16: on a fixture of its own (tests/fixtures/bus_stops), so
// that fixing the default content cannot fail it.
BOOST_AUTO_TEST_CASE(issue4_reports_contact_points_beyond_700_m) {
    auto dir = fixture::mini_content("far-stops");
    fs::copy(fs::path(PIETURA_SOURCE_DIR) / "tests/fixtures/bus_stops", dir,
             fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    std::vector<content::Diagnostic> diags;
    auto c = content::Content::load(dir, diags);
    BOOST_REQUIRE(!content::has_errors(diags));
    snapshot::write(c, dir.parent_path() / "c.sqlite", {"v"});
    auto cat = snapshot::Catalogue::open(dir.parent_path() / "c.sqlite");
    auto far = cat.far_from_bus_stops(700, Lang::lv);
    std::vector<std::string> ids;
    for (auto& f : far) ids.push_back(f.id);
    std::vector<std::string> expected = {"vpvkac-far", "vpvkac-middle"};
    BOOST_TEST(ids == expected, boost::test_tools::per_element());
    BOOST_REQUIRE(!far.empty());
    BOOST_TEST(std::lround(far[0].bus_stop_m) >= 1400);
    BOOST_TEST(std::lround(far[0].bus_stop_m) <= 1420);
    BOOST_TEST(far[0].bus_stop == "Pietura vpvkac-far");  // not the entrance 11 m away
    BOOST_TEST(cat.far_from_bus_stops(100000, Lang::lv).empty());
}

BOOST_AUTO_TEST_SUITE_END()
