// `pietura check` and `pietura import` end to end, through the real command-line tool.
#define BOOST_TEST_MODULE editor_cli
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli_run.hpp"
#include "fixture.hpp"
#include "text/text.hpp"

namespace fs = std::filesystem;

namespace {

using cli_run::run;

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(check)

BOOST_AUTO_TEST_CASE(help_explains_every_option) {
    auto h = run("check --help");
    BOOST_TEST(h.code == 0);
    for (const char* o : {"--content", "--stops", "--threshold", "--bus-stop-m", "--json", "--strict", "--quiet"})
        BOOST_TEST(has(h.output, o), o);
    BOOST_TEST(run("check --threshold 2").code == 2);
    BOOST_TEST(run("check extra").code == 2);
}

BOOST_AUTO_TEST_CASE(default_content_report) {
    std::string content = std::string(PIETURA_SOURCE_DIR) + "/content";
    auto r = run("check --quiet --content " + content, false);
    BOOST_TEST(r.code == 0);
    BOOST_TEST(has(r.output, "== Coverage"));
    auto j = nlohmann::json::parse(run("check --quiet --json --content " + content, false).output);
    BOOST_TEST(j["summary"]["bus_stops_checked"] == true);
    BOOST_TEST(j["coverage"].size() > 30u);
}

// Issue 16: what the report finds, on content of its own (tests/fixtures/bus_stops
// over the mini catalogue), so that fixing the default content cannot fail it.
BOOST_AUTO_TEST_CASE(issue16_report_on_a_fixture) {
    auto dir = fixture::mini_content("check-report");
    fs::copy(fs::path(PIETURA_SOURCE_DIR) / "tests/fixtures/bus_stops", dir,
             fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    auto r = run("check --quiet --content " + dir.string(), false);
    BOOST_TEST(r.code == 0);
    BOOST_TEST(has(r.output, "== Coverage"));
    // Farther than 700 m from a bus stop: reported with the distance.
    BOOST_TEST(has(r.output, "vpvkac-far /lat: 1411 m"), r.output);
    BOOST_TEST(has(r.output, "vpvkac-middle /lat: 900 m"), r.output);
    BOOST_TEST(!has(r.output, "vpvkac-edge /lat:"), r.output);
    auto j = nlohmann::json::parse(run("check --quiet --json --content " + dir.string(), false).output);
    BOOST_TEST(j["summary"]["bus_stops_checked"] == true);
    BOOST_TEST(j["coverage"].size() >= 1u);
    BOOST_TEST(j["duplicates"].empty());
    BOOST_TEST(run("check --quiet --strict --content " + dir.string()).code == 1);  // the report is not empty
}

BOOST_AUTO_TEST_CASE(invalid_content_is_reported_with_file_and_line) {
    auto dir = fixture::mini_content("check-bad");
    fixture::write(dir / "services/broken.json", "{\n  \"id\": \"broken\",\n  \"title\": 5\n}\n");
    auto r = run("check --quiet --content " + dir.string());
    BOOST_TEST(r.code == 1);
    BOOST_TEST(has(r.output, "services/broken.json:"), r.output);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(import_cmd)

BOOST_AUTO_TEST_CASE(contact_points_csv_into_content_then_check) {
    auto dir = fixture::mini_content("import-cp");
    fs::path csv = dir.parent_path() / "cp.csv";
    fixture::write(csv,
                   "Nosaukums;Adrese;Platums;Garums;Tālrunis;E-pasts;Darba laiks\n"
                   "Priekuļu bibliotēka;Cēsu prospekts 5, Priekuļi;57,3150;25,3600;64130000;b@priekuli.lv;"
                   "\"P.–C. 8.30–12.00 un 13.00–17.00; Pk. 8.30–16.00\"\n"
                   "Slikta;Iela 1;57,3;25,3;64130001;c@priekuli.lv;pēc pieraksta\n");
    auto r = run("import contact-points " + csv.string() + " --quiet --content " + dir.string() + " --out " +
                 (dir / "contact-points").string());
    BOOST_TEST(r.code == 1);  // one row reported, the other written
    BOOST_TEST(has(r.output, "cp.csv:3: error:"), r.output);
    BOOST_TEST(fs::exists(dir / "contact-points/priekulu-biblioteka.json"));
    // What import writes is valid content, and check lists what to finish by hand.
    auto c = run("check --quiet --json --content " + dir.string(), false);
    BOOST_TEST_REQUIRE(c.code == 0, c.output);
    auto j = nlohmann::json::parse(c.output);
    bool untranslated = false;
    for (auto& i : j["items"]) untranslated |= i["id"] == "priekulu-biblioteka" && i["check"] == "english";
    BOOST_TEST(untranslated);
    // A second import does not overwrite without --force.
    auto again = run("import contact-points " + csv.string() + " --quiet --content " + dir.string() + " --out " +
                     (dir / "contact-points").string());
    BOOST_TEST(has(again.output, "already exists"));
}

BOOST_AUTO_TEST_CASE(stops_and_places_with_bad_rows) {
    auto tmp = fixture::temp_dir("import-stops");
    fixture::write(tmp / "stops.txt",
                   "stop_id,stop_name,stop_lat,stop_lon,location_type\n"
                   "1,\"Cēsis, AO\",57.313889,25.280860,0\n"
                   "2,Broken,abc,25.2,0\n"
                   "3,Valmiera,57.5385,25.4270,0\n");
    auto r = run("import stops " + (tmp / "stops.txt").string() + " --out " + (tmp / "out/stops.txt").string());
    BOOST_TEST(r.code == 1);
    BOOST_TEST(has(r.output, "stops.txt:3: error:"), r.output);
    std::string out = pietura::text::read_file_or_throw(tmp / "out/stops.txt");
    BOOST_TEST(has(out, "1,\"Cēsis, AO\",57.313889,25.280860"), out);
    BOOST_TEST(has(out, "3,Valmiera"));

    fixture::write(tmp / "places.tsv", "name\tlat\tlon\nValmiera\t57.54108\t25.42751\nX\tnan\t1\n");
    auto p = run("import places " + (tmp / "places.tsv").string() + " --territory valmieras-novads", false);
    BOOST_TEST(p.code == 1);
    auto j = nlohmann::json::parse(p.output);
    BOOST_TEST_REQUIRE(j.size() == 1u);
    BOOST_TEST(j[0]["id"] == "valmiera");
    BOOST_TEST(j[0]["territory"] == "valmieras-novads");

    BOOST_TEST(run("import hours --text \"P.–Pk. 9–17\"").output == "Mo-Fr 09:00-17:00\n");
    BOOST_TEST(run("import hours --text \"pēc pieraksta\"").code == 1);
    BOOST_TEST(run("import bogus x").code == 2);
    BOOST_TEST(run("import stops /nonexistent/stops.txt").code == 1);
    auto h = run("import --help");
    for (const char* o : {"--out", "--content", "--kind", "--territory", "--force", "--text", "--quiet"})
        BOOST_TEST(has(h.output, o), o);
}

BOOST_AUTO_TEST_SUITE_END()
