#define BOOST_TEST_MODULE snapshot
#include <boost/test/unit_test.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "fixture.hpp"
#include "snapshot/sha256.hpp"
#include "snapshot/snapshot.hpp"

using namespace pietura;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

content::Content mini(const std::string& tag) {
    std::vector<content::Diagnostic> diags;
    auto c = content::Content::load(fixture::mini_content(tag), diags);
    BOOST_REQUIRE(!content::has_errors(diags));
    return c;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sha256)

BOOST_AUTO_TEST_CASE(matches_the_fips_test_vectors) {
    BOOST_TEST(snapshot::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    BOOST_TEST(snapshot::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    BOOST_TEST(snapshot::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
               "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    snapshot::Sha256 h;  // a million 'a's, fed in uneven pieces
    std::string chunk(997, 'a');
    size_t left = 1000000;
    while (left) {
        size_t n = std::min(left, chunk.size());
        h.update(chunk.data(), n);
        left -= n;
    }
    BOOST_TEST(h.hex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(write_and_read)

BOOST_AUTO_TEST_CASE(round_trips_entities_and_meta) {
    auto dir = fixture::temp_dir("snap");
    snapshot::write(mini("snap"), dir / "c.sqlite", {"v1"});
    auto cat = snapshot::Catalogue::open(dir / "c.sqlite");
    BOOST_TEST(cat.meta("content_version") == "v1");
    BOOST_TEST(cat.meta("format") == std::to_string(snapshot::kFormatVersion));
    BOOST_TEST(cat.count("services") == 2);
    BOOST_TEST(cat.count("contact_points") == 1);
    BOOST_CHECK_THROW(cat.count("sqlite_master; DROP TABLE x"), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(is_deterministic) {
    auto dir = fixture::temp_dir("det");
    snapshot::write(mini("det1"), dir / "a.sqlite", {"v"});
    snapshot::write(mini("det2"), dir / "b.sqlite", {"v"});
    BOOST_TEST((slurp(dir / "a.sqlite") == slurp(dir / "b.sqlite")));
}

BOOST_AUTO_TEST_CASE(opens_from_bytes_like_the_browser) {
    auto dir = fixture::temp_dir("bytes");
    snapshot::write(mini("bytes"), dir / "c.sqlite", {"v2"});
    std::string data = slurp(dir / "c.sqlite");
    auto cat = snapshot::Catalogue::from_bytes(reinterpret_cast<const uint8_t*>(data.data()), data.size());
    BOOST_TEST(cat.meta("content_version") == "v2");
    auto hits = cat.search("slimibas pabalsts", Lang::lv, 5);
    BOOST_REQUIRE(!hits.empty());
    BOOST_TEST(hits[0].id == "vsaa-slimibas-pabalsts");
}

BOOST_AUTO_TEST_CASE(rejects_truncated_and_foreign_files) {
    auto dir = fixture::temp_dir("bad");
    snapshot::write(mini("bad"), dir / "c.sqlite", {"v"});
    std::string data = slurp(dir / "c.sqlite");
    auto p = reinterpret_cast<const uint8_t*>(data.data());
    BOOST_CHECK_THROW(snapshot::Catalogue::from_bytes(p, 100), std::runtime_error);
    BOOST_CHECK_THROW(snapshot::Catalogue::from_bytes(p, data.size() / 3), std::runtime_error);
    std::string zeros(8192, '\0');
    BOOST_CHECK_THROW(snapshot::Catalogue::from_bytes(reinterpret_cast<const uint8_t*>(zeros.data()), zeros.size()),
                      std::runtime_error);
    // A valid SQLite file that is not ours.
    sqlite3* db = nullptr;
    sqlite3_open((dir / "other.sqlite").string().c_str(), &db);
    sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES(1);", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    BOOST_CHECK_THROW(snapshot::Catalogue::open(dir / "other.sqlite"), std::runtime_error);
    BOOST_CHECK_THROW(snapshot::Catalogue::open(dir / "missing.sqlite"), std::runtime_error);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(opening_status)

BOOST_AUTO_TEST_CASE(uses_riga_time_and_the_snapshot_holidays) {
    auto dir = fixture::temp_dir("status");
    snapshot::write(mini("status"), dir / "c.sqlite", {"v"});
    auto cat = snapshot::Catalogue::open(dir / "c.sqlite");
    // Mo-Th 08:00-12:00,12:30-17:00; Fr 08:00-14:00; PH off
    auto lunch = cat.opening_status("vpvkac-cesis", 1795428600 /* 2026-11-23 12:10 Riga */, Lang::en);
    BOOST_REQUIRE(lunch);
    BOOST_TEST(lunch->state == "closed");
    BOOST_TEST(lunch->text.find("12:30") != std::string::npos, lunch->text);
    auto morning = cat.opening_status("vpvkac-cesis", 1795420800 /* 2026-11-23 10:00 Riga */, Lang::lv);
    BOOST_TEST(morning->state == "open");
    BOOST_TEST(!cat.opening_status("nav-tada", 1795413600, Lang::lv));
}

BOOST_AUTO_TEST_SUITE_END()

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

// The default content, built once: the real network the filters are about.
namespace {
const snapshot::Catalogue& real() {
    static snapshot::Catalogue cat = [] {
        std::vector<content::Diagnostic> diags;
        auto c = content::Content::load(fs::path(PIETURA_SOURCE_DIR) / "content", diags);
        BOOST_REQUIRE(!content::has_errors(diags));
        auto dir = fixture::temp_dir("real");
        snapshot::write(c, dir / "c.sqlite", {"real"});
        return snapshot::Catalogue::open(dir / "c.sqlite");
    }();
    return cat;
}
constexpr std::int64_t kMonday10 = 1795420800;  // 2026-11-23 10:00 Riga
}  // namespace

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

// Issue 4: the background analysis — the centres beyond 700 m of a bus stop.
BOOST_AUTO_TEST_CASE(issue4_reports_contact_points_beyond_700_m) {
    auto far = real().far_from_bus_stops(700, Lang::lv);
    std::vector<std::string> ids;
    for (auto& f : far) ids.push_back(f.id);
    std::vector<std::string> expected = {"vpvkac-cibla", "vpvkac-jaunjelgava", "vpvkac-pavilosta", "vpvkac-jekabpils",
                                         "vpvkac-aizpute"};
    BOOST_TEST(ids == expected, boost::test_tools::per_element());
    BOOST_REQUIRE(!far.empty());
    BOOST_TEST(std::lround(far[0].bus_stop_m) >= 1400);
    BOOST_TEST(std::lround(far[0].bus_stop_m) <= 1420);
    BOOST_TEST(real().far_from_bus_stops(100000, Lang::lv).empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(calendar_days)

BOOST_AUTO_TEST_CASE(week_view_shows_holidays_and_shortened_days) {
    // From Monday 2026-12-21: 23 Dec shortened, 24–26 Dec holidays.
    std::int64_t dec21 = 1797840000;  // 2026-12-21 10:00 Riga
    auto d = real().days("vpvkac-cesis", dec21, Lang::en, 7);
    BOOST_REQUIRE(d.size() == 7u);
    BOOST_TEST(d[0].date == "2026-12-21");
    BOOST_TEST(d[0].weekday == "Monday");
    BOOST_TEST(d[0].open);
    BOOST_TEST(d[2].note.find("shorter") != std::string::npos);
    BOOST_TEST(!d[3].open);
    BOOST_TEST(d[3].hours == "closed");
    BOOST_TEST(!d[3].note.empty());
    BOOST_TEST(real().days("nav-tada", dec21, Lang::en, 7).empty());
}

BOOST_AUTO_TEST_SUITE_END()


BOOST_AUTO_TEST_SUITE(records)

// For the studio's record tab: one entity's row, and no SQL from a caller's text.
BOOST_AUTO_TEST_CASE(row_gives_one_entity_and_refuses_other_tables) {
    auto r = real().row("services", "vsaa-slimibas-pabalsts");
    BOOST_REQUIRE(!r.empty());
    BOOST_TEST(r[0].first == "id");
    bool titled = false;
    for (auto& [k, v] : r) titled = titled || (k == "title_en" && v.find("ickness") != std::string::npos);
    BOOST_TEST(titled);
    BOOST_TEST(real().row("services", "nav-tada").empty());
    BOOST_CHECK_THROW(real().row("services; DROP TABLE services", "x"), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
