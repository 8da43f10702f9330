// tests/core/snapshot_fixture.hpp — what the snapshot tests share: the mini content
// as a Content, and the default content built once (the real network the nearest
// filters are about). Include after <boost/test/unit_test.hpp>; each snapshot_*_test.cpp
// is an executable of its own.
#pragma once

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>

#include "atlas/atlas.hpp"
#include "booking/booking.hpp"
#include "diff/diff.hpp"
#include "fixture.hpp"
#include "snapshot/snapshot.hpp"
#include "text/text.hpp"

using namespace pietura;
namespace fs = std::filesystem;

namespace {

content::Content mini(const std::string& tag) {
    std::vector<content::Diagnostic> diags;
    auto c = content::Content::load(fixture::mini_content(tag), diags);
    BOOST_REQUIRE(!content::has_errors(diags));
    return c;
}

}  // namespace

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
