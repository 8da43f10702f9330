// Honest search (issue 14): a hit that only half meets the query is weak, ranks below
// every confident one, and every match is returned, not only the first ten (over
// tests/fixtures/search_honest/docs.tsv); the realistic citizen queries of
// tests/search/*.tsv hold over the default content.
#define BOOST_TEST_MODULE search_honest
#include <boost/test/unit_test.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "content/content.hpp"
#include "fixture.hpp"
#include "search/search.hpp"
#include "snapshot/snapshot.hpp"
#include "text/text.hpp"

using pietura::Lang;
namespace search = pietura::search;

namespace {

std::vector<search::Doc> fixture() {
    std::ifstream in(std::string(PIETURA_SOURCE_DIR) + "/tests/fixtures/search_honest/docs.tsv");
    BOOST_REQUIRE(in);
    std::vector<search::Doc> docs;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> f;
        for (std::size_t at = 0;;) {
            auto tab = line.find('\t', at);
            f.push_back(line.substr(at, tab == std::string::npos ? std::string::npos : tab - at));
            if (tab == std::string::npos) break;
            at = tab + 1;
        }
        BOOST_REQUIRE_EQUAL(f.size(), 5u);
        search::Doc d;
        d.id = f[0];
        d.kind = f[1];
        d.lang = Lang::lv;
        d.title = f[2];
        d.keywords = f[3];
        d.body = f[4];
        d.summary = f[4];
        d.url = "/lv/pakalpojumi/" + f[0] + "/";
        d.weight = 50;
        docs.push_back(d);
    }
    return docs;
}

struct Db {
    sqlite3* db = nullptr;
    Db() {
        BOOST_REQUIRE_EQUAL(sqlite3_open(":memory:", &db), SQLITE_OK);
        search::build_index(db, fixture());
    }
    ~Db() { sqlite3_close(db); }
    std::vector<search::Hit> q(const char* text, int limit = search::kMaxHits) const {
        return search::query(db, text, Lang::lv, limit);
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(honest, Db)

BOOST_AUTO_TEST_CASE(issue14_every_word_in_title_or_keywords_is_a_confident_answer) {
    auto hits = q("slimības pabalsts");
    BOOST_REQUIRE(!hits.empty());
    BOOST_TEST(hits[0].id == "vsaa-slimibas-pabalsts");
    BOOST_TEST(!hits[0].weak);
    auto typo = q("slimbas pabalsts");  // a corrected typo is still an answer
    BOOST_REQUIRE(!typo.empty());
    BOOST_TEST(typo[0].id == "vsaa-slimibas-pabalsts");
    BOOST_TEST(!typo[0].weak);
}

BOOST_AUTO_TEST_CASE(issue14_only_some_words_matching_is_weak) {
    // No document has "ārsts" or "maiņa": whatever has "ģimene" is a guess.
    auto hits = q("ģimenes ārsta maiņa");
    BOOST_REQUIRE(!hits.empty());
    BOOST_TEST(hits[0].id == "vsaa-gimenes-valsts-pabalsts");
    for (auto& h : hits) BOOST_TEST(h.weak, h.id);
}

BOOST_AUTO_TEST_CASE(issue14_a_word_found_only_in_the_body_is_weak) {
    // Both words are in the marriage-contract service, but "reģistrēšana" only in its
    // description: it is not about registering a marriage.
    auto hits = q("laulības reģistrēšana");
    BOOST_REQUIRE(!hits.empty());
    BOOST_TEST(hits[0].id == "ur-laulibas-ligums");
    BOOST_TEST(hits[0].weak);
    // The same service asked for by what it is stays a confident answer.
    auto sure = q("laulības līgums");
    BOOST_REQUIRE(!sure.empty());
    BOOST_TEST(sure[0].id == "ur-laulibas-ligums");
    BOOST_TEST(!sure[0].weak);
}

BOOST_AUTO_TEST_CASE(issue14_every_match_is_returned_not_only_ten) {
    auto hits = q("pabalsts");
    // 25 municipal benefits and the two state ones (title); the fixture's others do not say it.
    BOOST_TEST(hits.size() == 27u);
    BOOST_TEST(std::none_of(hits.begin(), hits.end(), [](auto& h) { return h.weak; }));
    BOOST_TEST(q("pabalsts", 1000).size() == 27u);  // a larger limit is cut to kMaxHits, not refused
}

BOOST_AUTO_TEST_SUITE_END()

// A Latvian service document of equal weight, for the ranking cases below.
static search::Doc lv_service(std::string id, std::string title, std::string keywords, std::string body) {
    search::Doc d;
    d.id = std::move(id);
    d.kind = "service";
    d.lang = Lang::lv;
    d.title = std::move(title);
    d.keywords = std::move(keywords);
    d.body = std::move(body);
    d.url = "/lv/pakalpojumi/" + d.id + "/";
    d.weight = 50;
    return d;
}

// "adreses maiņa" in the default content put the address of a building (the rare word in
// its title, "maiņa" only in its body: weak, 71 points) above declaring a new place of
// residence (both words among its keywords: confident, 24 points). A guess must never
// stand above an answer, nor push it past a short list's cut.
BOOST_AUTO_TEST_CASE(issue14_weak_match_never_ranks_above_a_confident_one) {
    std::vector<search::Doc> docs;
    auto add = [&](std::string id, std::string title, std::string keywords, std::string body) {
        docs.push_back(lv_service(std::move(id), std::move(title), std::move(keywords), std::move(body)));
    };
    add("adreses-pieskirsana", "Adreses piešķiršana ēkai", "ēka, zemes vienība",
        "Ēkas adreses maiņa notiek, ja ēku pārbūvē.");
    // Not "adreses maiņa" as one keyword: that pair would name it outright and lift its score.
    add("dzivesvietas-deklaresana", "Dzīvesvietas deklarēšana", "pārcelšanās, jaunas adreses, datu maiņa",
        "Dzīvesvietu deklarē mēneša laikā pēc pārcelšanās.");
    // "maiņa" is everywhere, "adrese" rare: the building's title word outweighs the rest.
    for (int i = 0; i < 12; ++i)
        add("cits-" + std::to_string(i), "Cits pakalpojums " + std::to_string(i), "dažādi", "Datu maiņa.");

    sqlite3* db = nullptr;
    BOOST_REQUIRE_EQUAL(sqlite3_open(":memory:", &db), SQLITE_OK);
    std::unique_ptr<sqlite3, int (*)(sqlite3*)> guard(db, sqlite3_close);
    search::build_index(db, docs);

    auto hits = search::query(db, "adreses maiņa", Lang::lv, search::kMaxHits);
    auto at = [&](const char* id) {
        auto it = std::find_if(hits.begin(), hits.end(), [&](auto& h) { return h.id == id; });
        BOOST_REQUIRE(it != hits.end());
        return it;
    };
    auto building = at("adreses-pieskirsana"), residence = at("dzivesvietas-deklaresana");
    BOOST_TEST(building->weak);
    BOOST_TEST(!residence->weak);
    // The case this guards: by score alone the guess would come first.
    BOOST_TEST(building->score > residence->score);
    BOOST_TEST(hits[0].id == "dzivesvietas-deklaresana");
    // Once a weak hit appears, every later one is weak too.
    auto first_weak = std::find_if(hits.begin(), hits.end(), [](auto& h) { return h.weak; });
    BOOST_TEST(std::all_of(first_weak, hits.end(), [](auto& h) { return h.weak; }));
    // Scores still order each group, and mean what they meant (no band left in them).
    for (std::size_t i = 1; i < hits.size(); ++i)
        if (hits[i].weak == hits[i - 1].weak) BOOST_TEST(hits[i - 1].score >= hits[i].score);
    BOOST_TEST(residence->score < 1000.0);
    // A list cut to one shows the answer, not the guess.
    auto one = search::query(db, "adreses maiņa", Lang::lv, 1);
    BOOST_REQUIRE_EQUAL(one.size(), 1u);
    BOOST_TEST(one[0].id == "dzivesvietas-deklaresana");
    BOOST_TEST(!one[0].weak);
}

// "PIN kods id kartei": the only document with all four words is the ID card's page,
// whose body mentions the PIN codes — a weak hit, and it was the only one, while the
// PIN code service (two of the words in its title) was never looked at.
BOOST_AUTO_TEST_CASE(issue14_when_every_hit_is_weak_titles_with_some_words_are_guesses_too) {
    std::vector<search::Doc> docs;
    auto add = [&](std::string id, std::string title, std::string keywords, std::string body) {
        docs.push_back(lv_service(std::move(id), std::move(title), std::move(keywords), std::move(body)));
    };
    add("pin-kodi", "Aizmirsts PIN kods", "PIN kods, PUK kods", "Jaunus PIN kodus izsniedz PMLP.");
    add("eid-karte", "Personas apliecība (eID karte)", "ID karte", "Kopā ar ID karti saņem PIN kodus.");
    for (int i = 0; i < 10; ++i)
        add("cits-" + std::to_string(i), "Cits pakalpojums " + std::to_string(i), "dažādi", "Teksts.");

    sqlite3* db = nullptr;
    BOOST_REQUIRE_EQUAL(sqlite3_open(":memory:", &db), SQLITE_OK);
    std::unique_ptr<sqlite3, int (*)(sqlite3*)> guard(db, sqlite3_close);
    search::build_index(db, docs);

    auto hits = search::query(db, "PIN kods id kartei", Lang::lv, search::kMaxHits);
    BOOST_REQUIRE_EQUAL(hits.size(), 2u);
    BOOST_TEST(hits[0].id == "pin-kodi");
    BOOST_TEST(hits[1].id == "eid-karte");
    for (auto& h : hits) BOOST_TEST(h.weak, h.id);
    // A confident answer is left alone: no guesses are added to it.
    auto sure = search::query(db, "PIN kods", Lang::lv, search::kMaxHits);
    BOOST_REQUIRE(!sure.empty());
    BOOST_TEST(sure[0].id == "pin-kodi");
    BOOST_TEST(!sure[0].weak);
}

// "uznemuma registresana" put the change of a company's data first (both words in its
// title, "Izmaiņu reģistrācija uzņēmuma datos") and registering a company, whose keywords
// say exactly "uzņēmuma reģistrēšana", seventh; "sociala palidziba" likewise. Two query
// words in a row that are two words in a row of a document's own keyword entry (or
// title) name it; the same words scattered over another title, or in the institution's
// name that every one of its services shares ("Uzņēmumu reģistrs"), do not.
BOOST_AUTO_TEST_CASE(issue14_a_keyword_phrase_outranks_the_same_words_scattered_over_a_title) {
    std::vector<search::Doc> docs;
    auto add = [&](std::string id, std::string title, std::string keywords, std::string body, double weight) {
        docs.push_back(lv_service(std::move(id), std::move(title), std::move(keywords), std::move(body)));
        docs.back().weight = weight;
        docs.back().shared_keywords = "UR, Uzņēmumu reģistrs";
    };
    add("izmainas", "Izmaiņu reģistrācija uzņēmuma datos", "valdes maiņa, uzņēmuma likvidācija",
        "Uzņēmuma datu izmaiņas reģistrē UR.", 40);
    add("likvidacija", "Uzņēmuma likvidācija un izslēgšana no reģistra", "slēgt uzņēmumu",
        "Uzņēmumu izslēdz no reģistra.", 30);
    add("sia", "Sabiedrības ar ierobežotu atbildību (SIA) dibināšana",
        "SIA, uzņēmuma dibināšana, uzņēmuma reģistrēšana", "Dibiniet SIA un reģistrējiet to.", 60);
    for (int i = 0; i < 12; ++i)
        add("cits-" + std::to_string(i), "Cits pakalpojums " + std::to_string(i), "dažādi", "Teksts.", 50);

    sqlite3* db = nullptr;
    BOOST_REQUIRE_EQUAL(sqlite3_open(":memory:", &db), SQLITE_OK);
    std::unique_ptr<sqlite3, int (*)(sqlite3*)> guard(db, sqlite3_close);
    search::build_index(db, docs);

    for (const char* q : {"uznemuma registresana", "uzņēmuma reģistrēšana"}) {
        auto hits = search::query(db, q, Lang::lv, search::kMaxHits);
        BOOST_REQUIRE(!hits.empty());
        BOOST_TEST(hits[0].id == "sia", q << ": first " << hits[0].id);
        BOOST_TEST(!hits[0].weak);
    }
    // The same words in the other order are no name of it: the title that has them wins.
    auto reversed = search::query(db, "reģistrācija uzņēmuma", Lang::lv, search::kMaxHits);
    BOOST_REQUIRE(!reversed.empty());
    BOOST_TEST(reversed[0].id == "izmainas");
}

// The realistic citizen queries of tests/search/*.tsv over the default content, through
// the native core (tests/node/relevance.test.mjs runs the same files through the wasm
// build with looser floors): every expected answer is in the top 3, and nothing the
// catalogue does not have gets a confident answer first.
namespace {

const pietura::snapshot::Catalogue& default_catalogue() {
    static pietura::snapshot::Catalogue cat = [] {
        std::vector<pietura::content::Diagnostic> diags;
        auto c = pietura::content::Content::load(std::filesystem::path(PIETURA_SOURCE_DIR) / "content", diags);
        BOOST_REQUIRE(!pietura::content::has_errors(diags));
        auto dir = fixture::temp_dir("relevance");
        pietura::snapshot::write(c, dir / "c.sqlite", {"relevance"});
        return pietura::snapshot::Catalogue::open(dir / "c.sqlite");
    }();
    return cat;
}

// Rows of a tests/search/*.tsv file without its header: language, query, third column.
std::vector<std::array<std::string, 3>> rows(const char* name) {
    std::istringstream in(pietura::text::read_file_or_throw(std::filesystem::path(PIETURA_SOURCE_DIR) /
                                                            "tests/search" / name));
    std::vector<std::array<std::string, 3>> out;
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
        auto a = line.find('\t'), b = line.find('\t', a + 1);
        if (a == std::string::npos || b == std::string::npos) continue;
        out.push_back({line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1)});
    }
    return out;
}

Lang lang_of(const std::string& code) {
    BOOST_REQUIRE(code == "lv" || code == "en");
    return code == "en" ? Lang::en : Lang::lv;
}

}  // namespace

BOOST_AUTO_TEST_CASE(issue14_every_relevance_query_finds_its_answer_in_the_top_3) {
    auto set = rows("relevance.tsv");
    BOOST_REQUIRE_GE(set.size(), 300u);
    std::size_t at1 = 0, at3 = 0;
    for (auto& [code, q, expected] : set) {
        auto hits = default_catalogue().search(q, lang_of(code), 3);
        if (!hits.empty() && hits[0].id == expected) ++at1;
        bool found = std::any_of(hits.begin(), hits.end(), [&](auto& h) { return h.id == expected; });
        at3 += found;
        BOOST_TEST(found, code << " \"" << q << "\" wants " << expected << ", first "
                                << (hits.empty() ? std::string("(nothing)") : hits[0].id));
    }
    BOOST_TEST_MESSAGE("relevance: " << set.size() << " queries, recall@1 " << double(at1) / set.size()
                                     << ", recall@3 " << double(at3) / set.size());
}

BOOST_AUTO_TEST_CASE(issue14_queries_the_catalogue_cannot_answer_get_no_confident_first_hit) {
    auto set = rows("no_answer.tsv");
    BOOST_REQUIRE_GE(set.size(), 25u);
    for (auto& [code, q, note] : set) {
        auto hits = default_catalogue().search(q, lang_of(code), search::kMaxHits);
        BOOST_TEST((hits.empty() || hits[0].weak), code << " \"" << q << "\" (" << note << ") → confident "
                                                         << hits[0].id);
    }
}
