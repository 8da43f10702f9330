// Issue 13: the binary delta an update of the offline copy downloads instead of a whole
// changed file. These hold make()/apply() to a byte-exact round trip (edited, shifted,
// empty and random data, and two real snapshots one service's text apart, where the
// delta must be a small share of the file), and apply() to refusing every damaged,
// truncated or foreign delta with an error that says why, never a wrong file or a crash.
#define BOOST_TEST_MODULE delta
#include <boost/test/unit_test.hpp>

#include <random>

#include "delta/delta.hpp"
#include "fixture.hpp"
#include "snapshot/snapshot.hpp"
#include "text/text.hpp"

using namespace pietura;
namespace fs = std::filesystem;

namespace {

std::string random_bytes(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::string s(n, '\0');
    for (auto& c : s) c = static_cast<char>(rng() & 0xff);
    return s;
}

// apply(old, make(old, next)) is next; returns the delta's size.
std::size_t round_trip(const std::string& old, const std::string& next) {
    std::string d = delta::make(old, next);
    BOOST_TEST((delta::apply(old, d) == next));
    BOOST_TEST((delta::make(old, next) == d), "make() is deterministic");
    return d.size();
}

// The message apply() throws for `d`, or "" when it applies.
std::string refusal(std::string_view old, std::string_view d) {
    try {
        delta::apply(old, d);
    } catch (const delta::Error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(round_trip_)

BOOST_AUTO_TEST_CASE(edited_random_data_copies_what_stayed) {
    std::string old = random_bytes(200000, 1);
    std::string next = old;
    next[1000] ^= 1;                                      // one byte changed
    next.insert(50000, "inserted text");                 // bytes inserted
    next.erase(120000, 700);                             // bytes removed
    next.replace(150000, 100, random_bytes(100, 2));     // a stretch replaced
    std::size_t size = round_trip(old, next);
    BOOST_TEST(size < 400u, "four edits cost a few hundred bytes, not the file: " << size);
}

BOOST_AUTO_TEST_CASE(shifted_content_is_found_at_any_offset) {
    // A SQLite row that moves: the same bytes at an unaligned place in the new file.
    std::string old = random_bytes(64 * 1024, 3);
    for (std::size_t shift : {1u, 7u, 31u, 33u, 4095u}) {
        std::string next = random_bytes(shift, 4) + old.substr(0, 30000) + "x" + old.substr(30000);
        std::size_t size = round_trip(old, next);
        BOOST_TEST(size < shift + 100, "shift " << shift << ": " << size << " bytes");
    }
    // Blocks reordered.
    std::string next = old.substr(40000) + old.substr(0, 40000);
    BOOST_TEST(round_trip(old, next) < 100u);
}

BOOST_AUTO_TEST_CASE(empty_and_tiny_files) {
    round_trip("", "");
    round_trip("", "new");
    round_trip("old", "");
    round_trip("abc", "abd");
    round_trip(std::string(31, 'a'), std::string(33, 'a'));
    round_trip(std::string(100000, '\0'), std::string(100001, '\0'));
}

BOOST_AUTO_TEST_CASE(unrelated_data_is_all_literal_and_still_exact) {
    std::string old = random_bytes(10000, 5), next = random_bytes(12000, 6);
    std::size_t size = round_trip(old, next);
    BOOST_TEST(size < next.size() + 64);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(damaged)

BOOST_AUTO_TEST_CASE(a_delta_that_is_not_one_is_refused) {
    BOOST_TEST(refusal("old", "") == "delta rejected: not a Pietura delta (no PTDELTA header)");
    BOOST_TEST(refusal("old", "<html>404</html>") == "delta rejected: not a Pietura delta (no PTDELTA header)");
}

BOOST_AUTO_TEST_CASE(every_truncation_is_refused) {
    std::string old = random_bytes(5000, 7), next = old;
    next.replace(2000, 50, random_bytes(50, 8));
    std::string d = delta::make(old, next);
    for (std::size_t n = 0; n < d.size(); ++n) {
        std::string why = refusal(old, d.substr(0, n));
        BOOST_TEST(why.rfind("delta rejected: ", 0) == 0u, "cut at " << n << " of " << d.size() << ": '" << why << "'");
    }
}

BOOST_AUTO_TEST_CASE(every_damaged_byte_is_refused) {
    std::string old = random_bytes(3000, 9), next = old;
    next.insert(1500, "abc");
    std::string d = delta::make(old, next);
    for (std::size_t k = 0; k < d.size(); ++k)
        for (int bit : {0, 7}) {
            std::string bad = d;
            bad[k] = static_cast<char>(bad[k] ^ (1 << bit));
            std::string why = refusal(old, bad);
            BOOST_TEST(why.rfind("delta rejected: ", 0) == 0u, "byte " << k << " bit " << bit << ": '" << why << "'");
        }
}

BOOST_AUTO_TEST_CASE(a_delta_for_other_old_bytes_is_refused) {
    std::string old = random_bytes(4000, 10), next = old + "more";
    std::string d = delta::make(old, next);
    BOOST_TEST(refusal(old.substr(1), d) == "delta rejected: made from a file of 4000 bytes, not this one of 3999");
    std::string other = old;
    other[10] ^= 1;
    BOOST_TEST(refusal(other, d) == "delta rejected: made from other bytes than the file it is applied to (checksum)");
}

BOOST_AUTO_TEST_CASE(hostile_lengths_and_offsets_are_refused_without_allocating_them) {
    auto header = [](std::uint64_t old_size, std::uint64_t old_sum, std::uint64_t new_size) {
        std::string d(delta::kMagic);
        auto varint = [&](std::uint64_t v) {
            while (v >= 0x80) d += static_cast<char>((v & 0x7f) | 0x80), v >>= 7;
            d += static_cast<char>(v);
        };
        varint(old_size);
        for (int i = 0; i < 8; ++i) d += static_cast<char>((old_sum >> (8 * i)) & 0xff);
        varint(new_size);
        d += std::string(8, '\0');
        return d;
    };
    const std::uint64_t empty_sum = 0xcbf29ce484222325ULL;  // FNV-1a of no bytes
    BOOST_TEST(refusal("", header(0, empty_sum, std::uint64_t{1} << 40)) ==
               "delta rejected: a result of 1099511627776 bytes is over the limit");
    // A copy from an empty old file.
    std::string d = header(0, empty_sum, 10);
    d += static_cast<char>((10 << 1) | 1);
    d += static_cast<char>(0);
    BOOST_TEST(refusal("", d) == "delta rejected: a copy outside the old file (0+10 of 0 bytes)");
    // A literal longer than the result.
    d = header(0, empty_sum, 2) + static_cast<char>(3 << 1) + "abc";
    BOOST_TEST(refusal("", d) == "delta rejected: an operation past the new length of 2 bytes");
    // A varint of eleven bytes.
    d = header(0, empty_sum, 2) + std::string(11, '\xff');
    BOOST_TEST(refusal("", d) == "delta rejected: a number out of range (an operation)");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(real_snapshots)

// Issue 13: the default content's snapshot, search shard and page pack after one service's
// text changed: the delta is a small share of the file, and gives the new one byte for byte.
BOOST_AUTO_TEST_CASE(issue13_one_service_text_changed_is_a_small_delta) {
    std::vector<content::Diagnostic> diags;
    auto c = content::Content::load(fs::path(PIETURA_SOURCE_DIR) / "content", diags);
    BOOST_TEST_REQUIRE(!content::has_errors(diags));
    auto dir = fixture::temp_dir("delta");
    snapshot::write(c, dir / "old.sqlite", {"v1"});
    snapshot::write_search_shard(c, dir / "old-lv.sqlite", Lang::lv, {"v1"});
    for (auto& s : c.services)
        if (s.id == "vsaa-slimibas-pabalsts") s.summary.lv += " Atjaunināts šim testam.";
    snapshot::write(c, dir / "new.sqlite", {"v2"});
    snapshot::write_search_shard(c, dir / "new-lv.sqlite", Lang::lv, {"v2"});
    for (const char* kind : {"", "-lv"}) {
        std::string old = text::read_file_or_throw(dir / (std::string("old") + kind + ".sqlite"));
        std::string next = text::read_file_or_throw(dir / (std::string("new") + kind + ".sqlite"));
        BOOST_TEST_REQUIRE((old != next));
        std::size_t size = round_trip(old, next);
        BOOST_TEST_MESSAGE("snapshot" << kind << ": " << next.size() << " bytes, delta " << size);
        BOOST_TEST(size * 10 < next.size(), "snapshot" << kind << ": delta " << size << " of " << next.size() << " bytes");
    }
    fs::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END()
