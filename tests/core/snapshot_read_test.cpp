// Tests of core/snapshot: writing and reading the catalogue, opening status, calendar days, records.
#define BOOST_TEST_MODULE snapshot_read
#include <boost/test/unit_test.hpp>

#include "snapshot_fixture.hpp"

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
    BOOST_TEST((text::read_file_or_throw(dir / "a.sqlite") == text::read_file_or_throw(dir / "b.sqlite")));
}

BOOST_AUTO_TEST_CASE(opens_from_bytes_like_the_browser) {
    auto dir = fixture::temp_dir("bytes");
    snapshot::write(mini("bytes"), dir / "c.sqlite", {"v2"});
    std::string data = text::read_file_or_throw(dir / "c.sqlite");
    auto cat = snapshot::Catalogue::from_bytes(reinterpret_cast<const uint8_t*>(data.data()), data.size());
    BOOST_TEST(cat.meta("content_version") == "v2");
    auto hits = cat.search("slimibas pabalsts", Lang::lv, 5);
    BOOST_REQUIRE(!hits.empty());
    BOOST_TEST(hits[0].id == "vsaa-slimibas-pabalsts");
}

BOOST_AUTO_TEST_CASE(rejects_truncated_and_foreign_files) {
    auto dir = fixture::temp_dir("bad");
    snapshot::write(mini("bad"), dir / "c.sqlite", {"v"});
    std::string data = text::read_file_or_throw(dir / "c.sqlite");
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

// Issue 14: a Saturday a Cabinet order makes a working day is worked with the hours
// of the weekday it replaces. The pages knew; the snapshot dropped `replaces`, so the
// browser's week view, its open/closed line and the booking read 17 January 2026 as
// a closed Saturday.
BOOST_AUTO_TEST_CASE(issue14_the_snapshot_keeps_the_day_a_working_saturday_replaces) {
    auto cal = real().calendar();
    BOOST_TEST(cal.is_working_day(hours::Date{2026, 1, 17}));
    BOOST_TEST(cal.hours_of(hours::Date{2026, 1, 17}).iso() == "2026-01-02");
    // Cēsis: Mo-Th 08:00-17:00; Fr 08:00-14:00 — so Friday's hours on that Saturday.
    std::int64_t jan17 = 1768636800;  // 2026-01-17 10:00 Riga
    auto d = real().days("vpvkac-cesis", jan17, Lang::en, 1);
    BOOST_REQUIRE(d.size() == 1u);
    BOOST_TEST(d[0].date == "2026-01-17");
    BOOST_TEST(d[0].open);
    BOOST_TEST(d[0].hours.find("14:00") != std::string::npos, d[0].hours);
    auto now = real().opening_status("vpvkac-cesis", jan17, Lang::en);
    BOOST_REQUIRE(now);
    BOOST_TEST(now->state == "open");
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
