// Snapshot diff: added, removed and changed entities and fields, in core and through the CLI.
#define BOOST_TEST_MODULE diff
#include <boost/test/unit_test.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "content/content.hpp"
#include "diff/diff.hpp"
#include "cli_run.hpp"
#include "fixture.hpp"
#include "snapshot/snapshot.hpp"
#include "text/text.hpp"

namespace fs = std::filesystem;
using namespace pietura;

namespace {

fs::path build(const fs::path& content, const std::string& version) {
    std::vector<content::Diagnostic> diags;
    auto c = content::Content::load(content, diags);
    BOOST_TEST_REQUIRE(!content::has_errors(diags));
    fs::path out = content.parent_path() / (version + ".sqlite");
    snapshot::write(c, out, {version});
    return out;
}

const diff::TableDiff* table(const diff::Diff& d, const std::string& name) {
    for (auto& t : d.tables)
        if (t.table == name) return &t;
    return nullptr;
}

std::pair<int, std::string> run(const std::string& args) {
    auto r = cli_run::run(args);
    return {r.code, r.output};
}

struct Pair {
    fs::path before, after;
};

// v1: the fixture. v2: a service renamed, one removed, one added, hours changed.
Pair two_snapshots(const std::string& tag) {
    auto dir = fixture::mini_content(tag);
    Pair p;
    p.before = build(dir, "v1");
    auto s = nlohmann::json::parse(text::read_file_or_throw(dir / "services/vsaa-slimibas-pabalsts.json"));
    s["title"]["lv"] = "Slimības pabalsts (jauns)";
    s["popularity"] = 90;
    std::ofstream(dir / "services/vsaa-slimibas-pabalsts.json") << s.dump(2);
    s["id"] = "vsaa-apbedisanas-pabalsts";
    s["title"] = {{"lv", "Apbedīšanas pabalsts"}, {"en", "Funeral benefit"}};
    std::ofstream(dir / "services/vsaa-apbedisanas-pabalsts.json") << s.dump(2);
    fs::remove(dir / "places/cesu-novads.json");
    fixture::write(dir / "places/cesu-novads.json",
                   R"([{"id": "priekuli", "name": "Priekuļi", "territory": "cesu-novads", "lat": 57.315, "lon": 25.36}])");
    auto cp = nlohmann::json::parse(text::read_file_or_throw(dir / "contact-points/vpvkac-cesis.json"));
    cp["hours"] = "Mo-Fr 08:00-16:00; PH off";
    std::ofstream(dir / "contact-points/vpvkac-cesis.json") << cp.dump(2);
    p.after = build(dir, "v2");
    return p;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(diff_core)

BOOST_AUTO_TEST_CASE(same_snapshot_has_no_changes) {
    auto dir = fixture::mini_content("diff-same");
    auto a = build(dir, "v1");
    auto d = diff::compare(a, a);
    BOOST_TEST(d.empty());
    BOOST_TEST(d.to_text().find("no changes") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(added_removed_and_changed_fields) {
    auto p = two_snapshots("diff-change");
    auto d = diff::compare(p.before, p.after);
    BOOST_TEST(d.old_version == "v1");
    BOOST_TEST(d.new_version == "v2");

    auto* services = table(d, "services");
    BOOST_TEST_REQUIRE(services != nullptr);
    BOOST_TEST(services->added == std::vector<std::string>{"vsaa-apbedisanas-pabalsts"});
    BOOST_TEST(services->removed.empty());
    BOOST_TEST_REQUIRE(services->changed.size() == 1u);
    auto& ch = services->changed[0];
    BOOST_TEST(ch.key == "vsaa-slimibas-pabalsts");
    std::map<std::string, diff::FieldChange> f;
    for (auto& x : ch.fields) f[x.field] = x;
    BOOST_TEST_REQUIRE(f.count("title_lv") == 1u);
    BOOST_TEST(*f["title_lv"].before == "Slimības pabalsts");
    BOOST_TEST(*f["title_lv"].after == "Slimības pabalsts (jauns)");
    BOOST_TEST(*f["popularity"].after == "90");
    BOOST_TEST(f.count("title_en") == 0u);  // unchanged fields are not listed

    auto* places = table(d, "places");
    BOOST_TEST_REQUIRE(places != nullptr);
    BOOST_TEST(places->added == std::vector<std::string>{"priekuli"});
    BOOST_TEST(places->removed == std::vector<std::string>{"cesis"});

    auto* cps = table(d, "contact_points");
    BOOST_TEST_REQUIRE(cps != nullptr);
    BOOST_TEST_REQUIRE(cps->changed.size() == 1u);
    BOOST_TEST(cps->changed[0].fields[0].field == "hours");

    // The search index is derived: not compared. Tables without changes are not listed.
    for (auto& t : d.tables) BOOST_TEST(t.table.rfind("search_", 0) != 0u, t.table);
    BOOST_TEST(table(d, "institutions") == nullptr);
    auto* meta = table(d, "meta");
    BOOST_TEST_REQUIRE(meta != nullptr);
    BOOST_TEST(meta->changed.size() == 1u);  // content_version only

    auto j = d.to_json();
    BOOST_TEST(j["tables"].is_array());
    BOOST_TEST(d.to_text().find("+ vsaa-apbedisanas-pabalsts") != std::string::npos);
    BOOST_TEST(d.to_text().find("- cesis") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(diff_cli)

BOOST_AUTO_TEST_CASE(text_json_and_exit_codes) {
    auto p = two_snapshots("diff-cli");
    auto [code, out] = run("diff " + p.before.string() + " " + p.after.string());
    BOOST_TEST(code == 0, out);
    BOOST_TEST(out.find("~ vsaa-slimibas-pabalsts") != std::string::npos, out);
    auto js = run("diff --json " + p.before.string() + " " + p.after.string());
    BOOST_TEST(js.first == 0);
    auto j = nlohmann::json::parse(js.second);
    BOOST_TEST(j["new_version"] == "v2");
    BOOST_TEST(run("diff --exit-code " + p.before.string() + " " + p.after.string()).first == 1);
    BOOST_TEST(run("diff --exit-code " + p.before.string() + " " + p.before.string()).first == 0);
    auto missing = run("diff " + p.before.string() + " /nonexistent/x.sqlite");
    BOOST_TEST(missing.first == 1);
    BOOST_TEST(missing.second.find("/nonexistent/x.sqlite") != std::string::npos);
    BOOST_TEST(run("diff " + p.before.string()).first == 2);
    BOOST_TEST(run("diff --help").first == 0);
}

BOOST_AUTO_TEST_SUITE_END()
