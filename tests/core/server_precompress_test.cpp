// Issue 13: the brotli and gzip copies `pietura build` makes from memory (CopyMaker)
// while it writes the files, and the ones precompress_tree() makes from disk, are the
// same bytes; a copy made early is used only for the bytes it was made from. Named
// server_* so that it links the tool's code (tools/pietura/precompress.cpp).
#define BOOST_TEST_MODULE server_precompress
#include <boost/test/unit_test.hpp>

#include <thread>

#include "fixture.hpp"
#include "precompress.hpp"
#include "text/text.hpp"

namespace fs = std::filesystem;
using namespace pietura;

namespace {

std::string page(const std::string& word) {
    std::string out = "<!doctype html><title>Pietura</title>";
    for (int k = 0; k < 300; ++k) out += "<p>" + word + " " + std::to_string(k) + "</p>\n";
    return out;
}

std::string read(const fs::path& p) { return text::read_file_or_throw(p); }

}  // namespace

BOOST_AUTO_TEST_CASE(issue13_copies_made_in_memory_are_the_bytes_precompress_tree_writes) {
    fs::path fresh = fixture::temp_dir("precompress-fresh"), early = fixture::temp_dir("precompress-early");
    std::string html = page("Vecuma pensija"), wasm(300000, '\0');
    for (size_t k = 0; k < wasm.size(); ++k) wasm[k] = char((k * 7919) % 251);
    for (const fs::path& dir : {fresh, early}) {
        fixture::write(dir / "lv/index.html", html);
        fixture::write(dir / "assets/pietura.wasm", wasm);
    }
    cli::precompress_tree(fresh);

    cli::CopyMaker maker;
    maker.add("lv/index.html", html);
    maker.add("assets/pietura.wasm", wasm);
    std::thread other([&] { maker.work(); });
    maker.work();
    other.join();
    cli::ReadyCopies ready = maker.take();
    BOOST_REQUIRE(ready.size() == 2u);
    BOOST_TEST(cli::precompress_tree(early, ready).files == 2);
    for (const char* f : {"lv/index.html.gz", "lv/index.html.br", "assets/pietura.wasm.gz", "assets/pietura.wasm.br"})
        BOOST_TEST((read(fresh / f) == read(early / f)), f);
}

BOOST_AUTO_TEST_CASE(issue13_a_copy_made_from_other_bytes_is_not_written) {
    fs::path dir = fixture::temp_dir("precompress-stale");
    std::string before = page("Vecuma pensija"), after = page("Slimības pabalsts");
    fixture::write(dir / "lv/index.html", after);
    cli::ReadyCopies ready;
    ready.emplace("lv/index.html", cli::MadeCopies{before, cli::make_copies("lv/index.html", before)});
    cli::precompress_tree(dir, ready);
    cli::Copies expected = cli::make_copies("lv/index.html", after);
    BOOST_TEST((read(dir / "lv/index.html.gz") == expected.gz));
    BOOST_TEST((read(dir / "lv/index.html.br") == expected.br));
    BOOST_TEST(cli::decodes_to(read(dir / "lv/index.html.br"), cli::Encoding::br, after));
    BOOST_TEST(!cli::decodes_to(read(dir / "lv/index.html.br"), cli::Encoding::br, before));
}

BOOST_AUTO_TEST_CASE(issue13_gzip_level_9_only_for_first_visit_files_up_to_2_mb) {
    std::string small = page("Vecuma pensija");
    std::string big;
    while (big.size() <= (2u << 20)) big += small;
    BOOST_TEST((cli::make_copies("assets/app.js", small).gz == cli::gzip(small, 9)));
    BOOST_TEST((cli::make_copies("lv/index.html", small).gz == cli::gzip(small, 6)));
    BOOST_TEST((cli::make_copies("catalogue.sqlite", big).gz == cli::gzip(big, 6)));
    BOOST_TEST(cli::gzip(small, 6) != cli::gzip(small, 9), "the levels must differ for this test to mean anything");
}

BOOST_AUTO_TEST_CASE(issue13_cached_copies_are_the_bytes_make_copies_gives_and_a_damaged_entry_is_made_anew) {
    fs::path cache = fixture::temp_dir("precompress-cache");
    std::string js = page("Vecuma pensija");
    cli::Copies fresh = cli::make_copies("assets/pietura.js", js);
    cli::Copies first = cli::cached_copies("assets/pietura.js", js, cache);  // made and kept
    std::vector<fs::path> entries;
    for (auto& e : fs::directory_iterator(cache)) entries.push_back(e.path());
    BOOST_REQUIRE(entries.size() == 2u);  // one .gz and one .br
    // A kept entry is what a second build gets: make an entry that is not the copy, and
    // the cache must not hand it out (it decodes to other bytes).
    std::string other = page("Slimības pabalsts");
    cli::Copies wrong = cli::make_copies("assets/pietura.js", other);
    for (auto& p : entries) fixture::write(p, p.extension() == ".gz" ? wrong.gz : wrong.br);
    cli::Copies again = cli::cached_copies("assets/pietura.js", js, cache);
    BOOST_TEST((first.gz == fresh.gz && first.br == fresh.br));
    BOOST_TEST((again.gz == fresh.gz && again.br == fresh.br));
    // ...and the wrong entry was replaced by the right copies.
    for (auto& p : entries) BOOST_TEST((read(p) == (p.extension() == ".gz" ? fresh.gz : fresh.br)));
    BOOST_TEST((cli::cached_copies("assets/pietura.js", js, fs::path()).br == fresh.br));  // no cache: made
}
