#define BOOST_TEST_MODULE snapshot
#include <boost/test/unit_test.hpp>

#include <sqlite3.h>

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
    auto all = cat.nearest({57.30, 25.27}, 5, Lang::lv, monday);
    BOOST_REQUIRE(all.size() == 1u);
    BOOST_TEST(all[0].id == "vpvkac-cesis");
    BOOST_TEST(all[0].distance_m > 1000);
    BOOST_TEST(all[0].distance_m < 1500);
    BOOST_TEST(cat.nearest({57.3, 25.27}, 5, Lang::lv, monday, "vsaa-slimibas-pabalsts").size() == 1u);
    BOOST_TEST(cat.nearest({57.3, 25.27}, 5, Lang::lv, monday, "nav-tada").empty());
    std::int64_t saturday = monday + 5 * 86400;
    BOOST_TEST(cat.nearest({57.3, 25.27}, 5, Lang::lv, saturday, "", /*only_open=*/true).empty());
    BOOST_TEST(cat.nearest({57.3, 25.27}, 5, Lang::lv, monday, "", /*only_open=*/true).size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
