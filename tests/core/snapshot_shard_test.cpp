// Tests of core/snapshot's search shards (issue 13): a shard answers exactly what the
// whole snapshot answers in its language, holds nothing else, and is refused like a
// snapshot when damaged or the wrong file.
#define BOOST_TEST_MODULE snapshot_shard
#include <boost/test/unit_test.hpp>

#include "snapshot_fixture.hpp"

namespace {

content::Content default_content() {
    std::vector<content::Diagnostic> diags;
    auto c = content::Content::load(fs::path(PIETURA_SOURCE_DIR) / "content", diags);
    BOOST_REQUIRE(!content::has_errors(diags));
    return c;
}

// The default content's snapshot and both shards, written once.
struct Built {
    fs::path dir, whole, lv, en;
};
const Built& built() {
    static Built b = [] {
        Built out;
        out.dir = fixture::temp_dir("shard");
        auto c = default_content();
        out.whole = out.dir / "catalogue.sqlite";
        out.lv = out.dir / "search-lv.sqlite";
        out.en = out.dir / "search-en.sqlite";
        snapshot::write(c, out.whole, {"v1"});
        snapshot::write_search_shard(c, out.lv, Lang::lv, {"v1"});
        snapshot::write_search_shard(c, out.en, Lang::en, {"v1"});
        return out;
    }();
    return b;
}

// Every relevance query, and every prefix of it as typed, in its language.
std::vector<std::pair<Lang, std::string>> typed_queries() {
    std::vector<std::pair<Lang, std::string>> out;
    std::istringstream in(text::read_file_or_throw(fs::path(PIETURA_SOURCE_DIR) / "tests/search/relevance.tsv"));
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        auto tab = line.find('\t'), tab2 = line.find('\t', tab + 1);
        if (tab == std::string::npos || tab2 == std::string::npos) continue;
        Lang lang = line.substr(0, tab) == "en" ? Lang::en : Lang::lv;
        std::string q = line.substr(tab + 1, tab2 - tab - 1);
        for (std::size_t n = 1; n <= q.size(); ++n)
            if (n == q.size() || (static_cast<unsigned char>(q[n]) & 0xC0) != 0x80) out.emplace_back(lang, q.substr(0, n));
    }
    return out;
}

std::string describe(const std::vector<search::Hit>& hits) {
    std::string out;
    for (auto& h : hits)
        out += h.id + "|" + h.kind + "|" + h.title + "|" + h.title_html + "|" + h.url + "|" + h.summary + "|" +
               std::to_string(h.score) + "|" + (h.weak ? "weak" : "") + "\n";
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(issue13_shard_answers_exactly_what_the_snapshot_answers) {
    auto whole = snapshot::Catalogue::open(built().whole);
    auto lv = snapshot::SearchShard::open(built().lv, Lang::lv);
    auto en = snapshot::SearchShard::open(built().en, Lang::en);
    auto queries = typed_queries();
    BOOST_REQUIRE_GT(queries.size(), 1000u);
    std::size_t compared = 0, nonempty = 0;
    for (auto& [lang, q] : queries) {
        auto want = whole.search(q, lang, search::kMaxHits);
        auto got = (lang == Lang::lv ? lv : en).search(q, lang, search::kMaxHits);
        BOOST_TEST_CONTEXT(code(lang) << " \"" << q << "\"") { BOOST_TEST(describe(got) == describe(want)); }
        ++compared;
        if (!want.empty()) ++nonempty;
    }
    BOOST_TEST_MESSAGE(compared << " typed queries compared, " << nonempty << " with hits");
    BOOST_TEST(nonempty > compared / 2);
}

BOOST_AUTO_TEST_CASE(issue13_shard_holds_only_its_language_and_the_index) {
    sqlite3* db = nullptr;
    BOOST_REQUIRE(sqlite3_open_v2(built().lv.string().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    auto one = [&](const char* sql) {
        sqlite3_stmt* st = nullptr;
        BOOST_REQUIRE(sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK);
        BOOST_REQUIRE(sqlite3_step(st) == SQLITE_ROW);
        std::string v = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
        return v;
    };
    BOOST_TEST(one("SELECT group_concat(DISTINCT lang) FROM search_docs") == "lv");
    BOOST_TEST(one("SELECT count(*) FROM search_terms WHERE lang <> 'lv'") == "0");
    BOOST_TEST(one("SELECT group_concat(lang) FROM search_rank") == "lv");
    BOOST_TEST(one("SELECT value FROM meta WHERE key='shard'") == "lv");
    // No entity table: a citizen's first search downloads nothing it does not show.
    BOOST_TEST(one("SELECT count(*) FROM sqlite_schema WHERE type='table' AND name NOT LIKE 'search%' "
                   "AND name <> 'meta'") == "0");
    sqlite3_close(db);
    BOOST_TEST(fs::file_size(built().lv) * 2 < fs::file_size(built().whole));
    BOOST_TEST(snapshot::SearchShard::open(built().lv, Lang::lv).content_version() == "v1");
}

BOOST_AUTO_TEST_CASE(issue13_wrong_file_or_language_is_refused_with_a_reason) {
    auto refused = [](auto&& open, const std::string& words) {
        try {
            open();
        } catch (const std::runtime_error& e) {
            std::string m = e.what();
            BOOST_TEST_CONTEXT(m) {
                BOOST_TEST(m.find("Pietura snapshot rejected: ") != std::string::npos);
                BOOST_TEST(m.find(words) != std::string::npos);
            }
            return;
        }
        BOOST_FAIL("opened: " + words);
    };
    refused([] { snapshot::SearchShard::open(built().en, Lang::lv); }, "search shard of \"en\", not of \"lv\"");
    refused([] { snapshot::SearchShard::open(built().whole, Lang::lv); }, "not a search shard");
    refused([] { snapshot::Catalogue::open(built().lv); }, "is a search shard");
    auto lv = snapshot::SearchShard::open(built().lv, Lang::lv);
    BOOST_CHECK_THROW(lv.search("pabalsts", Lang::en, 10), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(issue13_damaged_shard_is_refused_or_answers_never_crashes) {
    std::string good = text::read_file_or_throw(built().lv);
    auto open_bytes = [](const std::string& b) {
        return snapshot::SearchShard::from_bytes(reinterpret_cast<const uint8_t*>(b.data()), b.size(), Lang::lv);
    };
    // Truncated: refused before any read.
    std::string cut = good.substr(0, good.size() / 2);
    BOOST_CHECK_EXCEPTION(open_bytes(cut), std::runtime_error, [](const std::runtime_error& e) {
        return std::string(e.what()).find("truncated") != std::string::npos;
    });
    BOOST_CHECK_THROW(open_bytes(""), std::runtime_error);
    // A view in the shard's place of a table: refused.
    {
        auto dir = fixture::temp_dir("shard-view");
        fs::copy_file(built().lv, dir / "v.sqlite");
        sqlite3* db = nullptr;
        BOOST_REQUIRE(sqlite3_open((dir / "v.sqlite").string().c_str(), &db) == SQLITE_OK);
        BOOST_REQUIRE(sqlite3_exec(db, "DROP TABLE search_rank; CREATE VIEW search_rank AS SELECT 'lv' AS lang, 1 AS "
                                       "first, x'' AS data", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
        BOOST_CHECK_EXCEPTION(snapshot::SearchShard::open(dir / "v.sqlite", Lang::lv), std::runtime_error,
                              [](const std::runtime_error& e) {
                                  return std::string(e.what()).find("view") != std::string::npos;
                              });
    }
    // Byte flips across the file: each opening answers or throws, never crashes.
    std::mt19937 rng(13);
    int refused = 0, answered = 0;
    for (int i = 0; i < 300; ++i) {
        std::string bad = good;
        std::size_t at = 100 + rng() % (bad.size() - 100);
        bad[at] = static_cast<char>(bad[at] ^ (1 + rng() % 255));
        try {
            auto s = open_bytes(bad);
            s.search("slimibas pabalsts", Lang::lv, 10);
            s.search("pase", Lang::lv, 10);
            ++answered;
        } catch (const std::exception& e) {
            BOOST_TEST(std::string(e.what()).size() > 10u);
            ++refused;
        }
    }
    BOOST_TEST_MESSAGE(answered << " answered, " << refused << " refused");
}
