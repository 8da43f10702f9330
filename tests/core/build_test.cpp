// `pietura build` end to end, through the real command-line tool.
#define BOOST_TEST_MODULE build
#include <boost/test/unit_test.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "cli_run.hpp"
#include "delta/delta.hpp"
#include "fixture.hpp"
#include "site/site.hpp"
#include "text/text.hpp"

namespace fs = std::filesystem;

namespace {

using cli_run::run;

std::string build_args(const fs::path& content, const fs::path& out) {
    fs::path src = PIETURA_SOURCE_DIR;
    return "build --quiet --content " + content.string() + " --out " + out.string() + " --i18n " +
           (src / "i18n").string() + " --web " + (src / "web").string() + " --wasm " +
           (src / "build-wasm" / "wasm").string();
}

std::map<std::string, std::string> tree(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (auto& e : fs::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file()) continue;
        files[fs::relative(e.path(), dir).string()] = pietura::text::read_file_or_throw(e.path());
    }
    return files;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli)

BOOST_AUTO_TEST_CASE(version_and_help) {
    auto v = run("--version");
    BOOST_TEST(v.code == 0);
    BOOST_TEST(v.output.find("pietura ") == 0u);
    auto h = run("build --help");
    BOOST_TEST(h.code == 0);
    BOOST_TEST(h.output.find("--content") != std::string::npos);
    BOOST_TEST(run("build --no-such-option").code == 2);
    BOOST_TEST(run("frobnicate").code == 2);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(build)

BOOST_AUTO_TEST_CASE(writes_site_snapshot_and_manifest) {
    auto content = fixture::mini_content("build");
    auto out = content.parent_path() / "dist";
    auto r = run(build_args(content, out));
    BOOST_TEST(r.code == 0, r.output);
    for (const char* f : {"manifest.json", "catalogue.sqlite", "lv/index.html", "en/index.html",
                          "lv/pakalpojumi/vsaa-slimibas-pabalsts/index.html",
                          "en/services/vsaa-slimibas-pabalsts/index.html",
                          "lv/dzives-situacijas/pensionesanas/index.html",
                          "en/contact-points/vpvkac-cesis/index.html", "assets/pietura.css"})
        BOOST_TEST(fs::exists(out / f), f);
}

// Issue 13: the offline copy precaches the home pages and renders the rest from the
// pack, so the build writes the pack, names it in the manifest and marks those pages.
BOOST_AUTO_TEST_CASE(issue13_build_writes_the_page_pack_and_marks_the_pages_it_renders) {
    auto content = fixture::mini_content("build-pack");
    auto out = content.parent_path() / "dist";
    auto r = run(build_args(content, out));
    BOOST_TEST_REQUIRE(r.code == 0, r.output);
    std::string pack = pietura::text::read_file_or_throw(out / "site-pack.jsonl");
    BOOST_TEST(fs::exists(out / "site-pack.jsonl.br"));
    BOOST_TEST(fs::exists(out / "site-pack.jsonl.gz"));
    auto manifest = nlohmann::json::parse(pietura::text::read_file_or_throw(out / "manifest.json"));
    BOOST_TEST(manifest["pages_pack"]["path"] == "site-pack.jsonl");
    BOOST_TEST(manifest["pages_pack"]["bytes"] == pack.size());
    std::map<std::string, nlohmann::json> files;
    for (auto& f : manifest["files"]) files[f["path"].get<std::string>()] = f;
    BOOST_TEST_REQUIRE(files.count("site-pack.jsonl"));
    BOOST_TEST(manifest["pages_pack"]["sha256"] == files["site-pack.jsonl"]["sha256"]);
    for (const char* home : {"index.html", "lv/index.html", "en/index.html"}) {
        BOOST_TEST_REQUIRE(files.count(home), home);
        BOOST_TEST(!files[home].contains("on_visit"), home);
    }
    // Every page marked comes from the pack as it was written; nothing else is marked.
    auto pages = pietura::site::Pages::from_pack(pack);
    size_t marked = 0;
    for (auto& [path, f] : files) {
        if (!f.contains("on_visit")) continue;
        BOOST_TEST(f["on_visit"] == true);
        auto page = pages.render("/" + path);
        BOOST_TEST_REQUIRE(page.has_value(), path);
        BOOST_TEST((page->html == pietura::text::read_file_or_throw(out / path)), path << " differs from the pack's");
        ++marked;
    }
    BOOST_TEST(marked > 10u);
    BOOST_TEST(files["en/services/vsaa-slimibas-pabalsts/index.html"].value("on_visit", false));
    BOOST_TEST(!files["sitemap.xml"].contains("on_visit"));
}

BOOST_AUTO_TEST_CASE(is_deterministic) {
    auto content = fixture::mini_content("det");
    auto a = content.parent_path() / "a", b = content.parent_path() / "b";
    BOOST_REQUIRE(run(build_args(content, a)).code == 0);
    BOOST_REQUIRE(run(build_args(content, b)).code == 0);
    auto ta = tree(a), tb = tree(b);
    BOOST_TEST(ta.size() == tb.size());
    for (auto& [path, data] : ta) BOOST_TEST((tb[path] == data), path << " differs between two builds");
    BOOST_REQUIRE(run(build_args(content, a)).code == 0);  // rebuilding in place is identical too
    BOOST_TEST((tree(a) == tb));
}

BOOST_AUTO_TEST_CASE(bad_content_exits_1_and_lists_every_problem) {
    auto content = fixture::mini_content("bad");
    fixture::write(content / "audiences/seniors.json", "{\"id\": \"seniors\",}");
    fixture::write(content / "territories/cesu-novads.json", "{\"id\": \"cesu-novads\", \"kind\": \"x\", \"name\": {\"lv\": \"a\", \"en\": \"b\"}}");
    auto out = content.parent_path() / "dist";
    auto r = run(build_args(content, out));
    BOOST_TEST(r.code == 1);
    BOOST_TEST(r.output.find("audiences/seniors.json:1:18: error: invalid JSON") != std::string::npos, r.output);
    BOOST_TEST(r.output.find("territories/cesu-novads.json:1:31: error:") != std::string::npos, r.output);
    BOOST_TEST(r.output.find("nothing was written") != std::string::npos);
    BOOST_TEST(!fs::exists(out));
}

BOOST_AUTO_TEST_CASE(warnings_do_not_stop_the_build) {
    auto content = fixture::mini_content("warn");
    fs::rename(content / "audiences/seniors.json", content / "audiences/old-name.json");
    auto r = run(build_args(content, content.parent_path() / "dist"));
    BOOST_TEST(r.code == 0, r.output);
    BOOST_TEST(r.output.find("warning: id \"seniors\" differs from the file name") != std::string::npos, r.output);
}

BOOST_AUTO_TEST_CASE(never_empties_a_folder_that_is_not_a_build) {
    auto content = fixture::mini_content("guard");
    auto out = content.parent_path() / "precious";
    fixture::write(out / "thesis.txt", "do not delete");
    auto r = run(build_args(content, out));
    BOOST_TEST(r.code == 1);
    BOOST_TEST(fs::exists(out / "thesis.txt"));
}

// Issue 13: the previous build is moved aside while the new one is made and deleted after it:
// nothing of it is left in the output or beside it, and the output is what a build
// into an empty folder gives (is_deterministic compares every byte).
BOOST_AUTO_TEST_CASE(issue13_a_rebuild_leaves_nothing_of_the_previous_build) {
    auto content = fixture::mini_content("rebuild");
    auto out = content.parent_path() / "dist";
    BOOST_REQUIRE(run(build_args(content, out)).code == 0);
    fixture::write(out / "lv/pakalpojumi/removed-service/index.html", "a page of a service no longer there");
    fixture::write(out / "stale.txt", "from an older build");
    auto r = run(build_args(content, out));
    BOOST_TEST(r.code == 0, r.output);
    BOOST_TEST(!fs::exists(out / "lv/pakalpojumi/removed-service"));
    BOOST_TEST(!fs::exists(out / "stale.txt"));
    BOOST_TEST(fs::exists(out / "manifest.json"));
    BOOST_TEST(fs::exists(out / "lv/index.html.br"));
    // It is deleted by a process of its own once the build is complete: it goes soon after.
    auto leftovers = [&] {
        std::vector<fs::path> found;
        for (auto& e : fs::directory_iterator(content.parent_path()))
            if (e.path().filename().string().find("previous") != std::string::npos) found.push_back(e.path());
        return found;
    };
    for (int i = 0; i < 100 && !leftovers().empty(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    for (auto& p : leftovers()) BOOST_TEST(false, p << " is left");
}

// Issue 13: the previous build is set aside while the new one is made, and deleted only
// once the new one is complete. A build that fails late — here after the pages are
// rendered and written, when the page components are not beside --web (a web folder
// copied elsewhere) — leaves the previous build in place, every file as it was.
BOOST_AUTO_TEST_CASE(issue13_a_failed_build_keeps_the_previous_one) {
    auto content = fixture::mini_content("failed-rebuild");
    auto out = content.parent_path() / "dist";
    BOOST_REQUIRE(run(build_args(content, out)).code == 0);
    const auto first = tree(out);
    BOOST_REQUIRE(first.count("manifest.json"));
    BOOST_REQUIRE(first.count("lv/index.html"));

    fs::path lone_web = content.parent_path() / "elsewhere" / "web";
    fs::create_directories(lone_web);
    fixture::write(lone_web / "assets/app.js", "// a web folder without the page components beside it\n");
    std::string args = build_args(content, out);
    args.replace(args.find(" --web "), std::string::npos,
                 " --web " + lone_web.string() + " --wasm " + (fs::path(PIETURA_SOURCE_DIR) / "build-wasm" / "wasm").string());
    auto r = run(args);
    BOOST_TEST(r.code == 1, r.output);
    BOOST_TEST(r.output.find("page components not found") != std::string::npos, r.output);

    const auto after = tree(out);
    BOOST_TEST(after.size() == first.size());
    for (auto& [path, bytes] : first) {
        auto it = after.find(path);
        BOOST_TEST((it != after.end() && it->second == bytes), path << " is gone or changed");
    }
    for (auto& e : fs::directory_iterator(content.parent_path()))
        BOOST_TEST(e.path().filename().string().find("previous") == std::string::npos, e.path());
}

// Issue 13: a rebuild over a previous build writes, for the snapshot, each search shard and
// the page pack that changed, a delta from the previous file, lists it on that file's
// manifest entry (never among the files to copy), with compressed copies; applied to the
// previous file it gives the new one byte for byte. A first build writes none.
BOOST_AUTO_TEST_CASE(issue13_a_rebuild_writes_deltas_from_the_previous_build) {
    auto content = fixture::mini_content("deltas");
    auto out = content.parent_path() / "dist";
    BOOST_REQUIRE(run(build_args(content, out)).code == 0);
    const auto first = tree(out);
    auto manifest_of = [&] { return nlohmann::json::parse(pietura::text::read_file_or_throw(out / "manifest.json")); };
    auto large = [](const nlohmann::json& m) {
        return std::vector<nlohmann::json>{m["snapshot"], m["search_shards"]["lv"], m["search_shards"]["en"], m["pages_pack"]};
    };
    for (auto& entry : large(manifest_of())) BOOST_TEST(!entry.contains("deltas"), entry.dump());
    for (auto& [path, bytes] : first) BOOST_TEST(path.find(".delta") == std::string::npos, path);

    fs::path service = content / "services/vsaa-slimibas-pabalsts.json";
    std::string text = pietura::text::read_file_or_throw(service);
    text.replace(text.find("Short summary."), 14, "Short summary, changed for this test.");
    text.replace(text.find("Īss apraksts."), 13, "Īss apraksts, mainīts šim testam.");
    fixture::write(service, text);
    auto r = run(build_args(content, out));
    BOOST_TEST_REQUIRE(r.code == 0, r.output);
    auto m = manifest_of();
    int deltas = 0;
    for (auto& entry : large(m)) {
        std::string path = entry["path"], sha = entry["sha256"];
        const std::string& before = first.at(path);
        std::string now = pietura::text::read_file_or_throw(out / path);
        BOOST_TEST_REQUIRE((before != now), path << " changed with the content");
        BOOST_TEST_REQUIRE(entry.contains("deltas"), path);
        BOOST_TEST_REQUIRE(entry["deltas"].size() == 1u);
        auto& d = entry["deltas"][0];
        BOOST_TEST(d["path"].get<std::string>().rfind(path + ".from-", 0) == 0u, d.dump());
        std::string bytes = pietura::text::read_file_or_throw(out / d["path"].get<std::string>());
        BOOST_TEST(d["bytes"] == bytes.size());
        BOOST_TEST(d["bytes"].get<std::size_t>() * 2 < now.size(), path);
        BOOST_TEST(fs::exists(out / (d["path"].get<std::string>() + ".br")));
        BOOST_TEST(fs::exists(out / (d["path"].get<std::string>() + ".gz")));
        BOOST_TEST((pietura::delta::apply(before, bytes) == now), path << ": the delta gives the new file");
        for (auto& f : m["files"]) BOOST_TEST(f["path"] != d["path"], "a delta is not a file to copy");
        // "from" is the previous file's digest, as the previous manifest gave it.
        BOOST_TEST(d["path"].get<std::string>().find(d["from"].get<std::string>().substr(0, 16)) != std::string::npos);
        BOOST_TEST(d["from"] != sha);
        ++deltas;
    }
    BOOST_TEST(deltas == 4);
}

// Issue 4: the bus-stop analysis of the background documents, from a GTFS file given to build.
BOOST_AUTO_TEST_CASE(issue4_report_bus_stops_and_nearest_by_place) {
    auto content = fixture::mini_content("stops");
    fixture::write(content / "bus-stops/stops.txt",
                   "stop_id,stop_name,stop_lat,stop_lon\n1,Cēsis AO,57.3129,25.2706\n2,Broken,north,25\n");
    auto out = content.parent_path() / "dist";
    auto r = run(build_args(content, out));
    BOOST_TEST(r.code == 0, r.output);
    BOOST_TEST(r.output.find("stops.txt:3:1: warning: coordinates \"north\", \"25\" are not numbers") != std::string::npos,
               r.output);
    std::string snap = " --snapshot " + (out / "catalogue.sqlite").string();
    r = run("report bus-stops --json --max-m 0" + snap);
    BOOST_TEST(r.code == 0, r.output);
    BOOST_TEST(r.output.find("\"bus_stop\": \"Cēsis AO\"") != std::string::npos, r.output);
    r = run("report bus-stops" + snap);
    BOOST_TEST(r.output.find("0 of 1 contact points are farther than 700 m") != std::string::npos, r.output);
    BOOST_TEST(run("report" + snap).code == 2);
    BOOST_TEST(run("report bus-stops --max-m far" + snap).code == 2);
    r = run("nearest --place cesis --json" + snap);
    BOOST_TEST(r.code == 0, r.output);
    BOOST_TEST(r.output.find("\"id\": \"vpvkac-cesis\"") != std::string::npos, r.output);
    BOOST_TEST(run("nearest --place atlantida" + snap).code == 1);
    BOOST_TEST(run("nearest --place cesis --lat 57 --lon 25" + snap).code == 2);
    BOOST_TEST(run("nearest --lat nan --lon 25" + snap).code == 2);
    BOOST_TEST(run("nearest --lat 57 --lon 25 --remote nav-tada" + snap).code == 2);
}

BOOST_AUTO_TEST_SUITE_END()
