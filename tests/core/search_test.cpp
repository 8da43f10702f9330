// The catalogue search index: build, rank, typos, prefixes, bad input, determinism.
#define BOOST_TEST_MODULE search
#include <boost/test/unit_test.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "search/search.hpp"
#include "text/text.hpp"

using pietura::Lang;
namespace search = pietura::search;
namespace text = pietura::text;

namespace {

struct Entry {
    const char* id;
    const char* kind;
    double weight;
    const char *title_lv, *keywords_lv, *body_lv;
    const char *title_en, *keywords_en, *body_en;
};

// A dozen of the most requested services, two life situations and a contact point,
// worded as the catalogue words them.
const Entry kCatalogue[] = {
    {"vsaa-slimibas-pabalsts", "service", 100,
     "Slimības pabalsts", "VSAA, Valsts sociālās apdrošināšanas aģentūra, slimības lapa, B lapa, darbnespēja",
     "Slimības pabalstu piešķir darbiniekiem un pašnodarbinātajiem, ja darbnespēja turpinās ilgāk par "
     "10 dienām. Pabalstu var pieprasīt portālā Latvija.gov.lv vai klientu apkalpošanas centrā.",
     "Sickness benefit", "VSAA, State Social Insurance Agency, sick leave, sick pay, incapacity for work",
     "Sickness benefit is paid to employees and the self-employed when incapacity for work lasts longer "
     "than 10 days. Apply on Latvija.gov.lv or at a customer service centre."},
    {"pmlp-dzivesvietas-deklaresana", "service", 95,
     "Dzīvesvietas deklarēšana", "PMLP, Pilsonības un migrācijas lietu pārvalde, adrese, pārcelšanās, dzīvesvieta",
     "Deklarējiet savu dzīvesvietu 30 dienu laikā pēc pārcelšanās. Deklarēt var arī bērna dzīvesvietu.",
     "Declaration of place of residence", "PMLP, Office of Citizenship and Migration Affairs, address, moving home",
     "Declare your place of residence within 30 days of moving. You can also declare a child's residence."},
    {"vid-gada-ienakumu-deklaracija", "service", 90,
     "Gada ienākumu deklarācija", "VID, Valsts ieņēmumu dienests, EDS, nodokļi, attaisnotie izdevumi",
     "Gada ienākumu deklarāciju iesniedz Elektroniskajā deklarēšanas sistēmā no 1. marta līdz 1. jūnijam.",
     "Annual income declaration", "VID, State Revenue Service, EDS, tax return, taxes, eligible expenses",
     "Submit the annual income declaration in the Electronic Declaration System from 1 March to 1 June."},
    {"vsaa-berna-kopsanas-pabalsts", "service", 85,
     "Bērna kopšanas pabalsts", "VSAA, Valsts sociālās apdrošināšanas aģentūra, bērns, mazulis, vecāki",
     "Pabalstu izmaksā vienam no vecākiem, kamēr bērns ir jaunāks par pusotru gadu.",
     "Childcare benefit", "VSAA, State Social Insurance Agency, children, baby, parents",
     "The benefit is paid to one parent while the child is younger than one and a half years."},
    {"pmlp-mani-dati", "service", 80,
     "Mani dati Iedzīvotāju reģistrā", "PMLP, Pilsonības un migrācijas lietu pārvalde, personas dati, izziņa",
     "Pārbaudiet, kādi dati par jums ir Iedzīvotāju reģistrā, un saņemiet izziņu.",
     "My data in the Population Register", "PMLP, Office of Citizenship and Migration Affairs, personal data",
     "Check what the Population Register holds about you and get a statement."},
    {"vsaa-vecaku-pabalsts", "service", 75,
     "Vecāku pabalsts", "VSAA, Valsts sociālās apdrošināšanas aģentūra, vecāki, bērns",
     "Vecāku pabalstu piešķir vecākiem, kuri kopj bērnu līdz gada vecumam.",
     "Parental benefit", "VSAA, State Social Insurance Agency, parents, child",
     "Parental benefit is granted to parents caring for a child up to one year old."},
    {"nva-bezdarbnieka-pabalsts", "service", 70,
     "Bezdarbnieka pabalsts", "NVA, Nodarbinātības valsts aģentūra, bezdarbs, darba zaudēšana",
     "Bezdarbnieka pabalstu piešķir personai ar bezdarbnieka statusu, kura ir veikusi sociālās iemaksas.",
     "Unemployment benefit", "NVA, State Employment Agency, jobless, job loss",
     "Unemployment benefit is granted to a person with unemployed status who has paid social contributions."},
    {"vsaa-vecuma-pensija", "service", 65,
     "Vecuma pensijas pieprasīšana", "VSAA, Valsts sociālās apdrošināšanas aģentūra, pensionārs, pensijas vecums",
     "Vecuma pensiju var pieprasīt, sasniedzot pensionēšanās vecumu un ar pietiekamu apdrošināšanas stāžu.",
     "Applying for an old-age pension", "VSAA, State Social Insurance Agency, pensioner, retirement",
     "Apply for the old-age pension when you reach retirement age with enough insurance record."},
    {"lad-platibu-maksajumi", "service", 60,
     "Platību maksājumu iesniegšana", "LAD, Lauku atbalsta dienests, lauksaimnieki, EPS, vienotais platības maksājums",
     "Platību maksājumu iesniegumu iesniedz Elektroniskajā pieteikšanās sistēmā no aprīļa līdz maijam.",
     "Area payment applications", "LAD, Rural Support Service, farmers, EPS, single area payment",
     "Submit the area payment application in the Electronic Application System from April to May."},
    {"eparaksts-palidziba", "service", 50,
     "Palīdzība ar eParakstu", "e-paraksts, eID karte, mobilais paraksts, elektroniskais paraksts",
     "Palīdzam aktivizēt eParakstu un parakstīt dokumentus ar eID karti vai eParaksts mobile.",
     "Help with e-signature", "eParaksts, e-signature, eID card, electronic signature",
     "We help you activate eParaksts and sign documents with an eID card or eParaksts mobile."},
    {"ur-uznemuma-registracija", "service", 45,
     "Uzņēmuma reģistrācija", "UR, Uzņēmumu reģistrs, komersants, SIA, biznesa uzsākšana",
     "Reģistrējiet sabiedrību ar ierobežotu atbildību vai individuālo komersantu Uzņēmumu reģistrā.",
     "Registering a company", "UR, Register of Enterprises, company, business, limited company",
     "Register a limited liability company or a sole trader in the Register of Enterprises."},
    {"vid-nodoklu-samaksa", "service", 40,
     "Nodokļu samaksa", "VID, Valsts ieņēmumu dienests, nodokļi, EDS",
     "Nodokļus var samaksāt internetbankā vai EDS, norādot vienoto nodokļu kontu.",
     "Paying taxes", "VID, State Revenue Service, taxes, EDS",
     "Pay taxes through online banking or EDS using the single tax account."},
    {"vzd-kadastra-izzina", "service", 30,
     "Kadastra informācijas izziņa", "VZD, Valsts zemes dienests, nekustamais īpašums, zeme",
     "Izziņa par nekustamā īpašuma kadastra datiem no Nekustamā īpašuma valsts kadastra.",
     "Cadastral information statement", "VZD, State Land Service, real estate, land",
     "A statement of the cadastral data of a property from the State Real Estate Cadastre."},
    {"berna-piedzimsana", "situation", 50,
     "Bērna piedzimšana", "jaundzimušais, dzemdības, vecāki",
     "Kas jādara, kad piedzimst bērns: bērna reģistrēšana, dzīvesvietas deklarēšana, bērna kopšanas pabalsts, "
     "vecāku pabalsts.",
     "Birth of a child", "newborn, baby, parents",
     "What to do when a child is born: registering the birth, declaring residence, childcare benefit, "
     "parental benefit."},
    {"darba-zaudesana", "situation", 50,
     "Darba zaudēšana", "bezdarbs, atlaišana",
     "Ja zaudējat darbu: reģistrējieties NVA, saņemiet bezdarbnieka statusu un bezdarbnieka pabalstu.",
     "Losing a job", "unemployment, dismissal, redundancy",
     "If you lose your job: register with the NVA, get unemployed status and unemployment benefit."},
    {"vpvkac-ogre", "contact-point", 10,
     "Ogres valsts un pašvaldības vienotais klientu apkalpošanas centrs", "Ogre, Ogres novads",
     "Brīvības iela 33, Ogre",
     "Ogre state and municipal one-stop customer service centre", "Ogre, Ogre municipality",
     "Brīvības iela 33, Ogre"},
};

std::vector<search::Doc> catalogue_docs() {
    std::vector<search::Doc> docs;
    for (auto& e : kCatalogue) {
        std::string base = e.kind == std::string("service") ? "pakalpojumi/" : "situacijas/";
        docs.push_back({e.id, e.kind, Lang::lv, e.title_lv, e.keywords_lv, e.body_lv, e.body_lv,
                        "/lv/" + base + e.id + "/", e.weight});
        docs.push_back({e.id, e.kind, Lang::en, e.title_en, e.keywords_en, e.body_en, e.body_en,
                        "/en/services/" + std::string(e.id) + "/", e.weight});
    }
    return docs;
}

struct Db {
    sqlite3* db = nullptr;
    Db() {
        if (sqlite3_open(":memory:", &db) != SQLITE_OK) throw std::runtime_error("open");
    }
    ~Db() { sqlite3_close(db); }
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    std::string scalar(const std::string& sql) const {
        sqlite3_stmt* st = nullptr;
        std::string out;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
            sqlite3_column_text(st, 0))
            out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
        return out;
    }

    // A term's postings decoded (search/detail.hpp): rowid → columns (1 title, 2
    // keywords, 4 body). Decoded here on its own, so a change of format shows.
    std::map<std::int64_t, int> postings(const std::string& lang, const std::string& term) const {
        std::map<std::int64_t, int> out;
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, "SELECT docs FROM search_postings WHERE lang = ?1 AND term = ?2", -1, &st, nullptr);
        sqlite3_bind_text(st, 1, lang.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, term.c_str(), -1, SQLITE_TRANSIENT);
        if (sqlite3_step(st) == SQLITE_ROW) {
            auto p = static_cast<const unsigned char*>(sqlite3_column_blob(st, 0));
            int n = sqlite3_column_bytes(st, 0);
            std::int64_t rowid = 0;
            std::uint64_t v = 0;
            int shift = 0;
            for (int i = 0; i < n; ++i) {
                v |= std::uint64_t(p[i] & 0x7f) << shift;
                shift += 7;
                if (p[i] & 0x80) continue;
                rowid += std::int64_t(v >> 3);
                out[rowid] = int(v & 7);
                v = 0;
                shift = 0;
            }
        }
        sqlite3_finalize(st);
        return out;
    }
};

struct Catalogue {
    Db db;
    Catalogue() { search::build_index(db.db, catalogue_docs()); }

    std::vector<search::Hit> find(const std::string& q, Lang lang = Lang::lv, int limit = 10) const {
        return search::query(db.db, q, lang, limit);
    }
    std::string top(const std::string& q, Lang lang = Lang::lv) const {
        auto h = find(q, lang, 1);
        return h.empty() ? "(nothing)" : h[0].id;
    }
    std::vector<std::string> ids(const std::string& q, Lang lang = Lang::lv, int limit = 10) const {
        std::vector<std::string> out;
        for (auto& h : find(q, lang, limit)) out.push_back(h.id);
        return out;
    }
};

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(search_index, Catalogue)  // not "index": that is a libc function

BOOST_AUTO_TEST_CASE(creates_its_tables_with_every_document) {
    BOOST_TEST(db.scalar("SELECT count(*) FROM search_docs") == std::to_string(2 * std::size(kCatalogue)));
    BOOST_TEST(db.scalar("SELECT count(*) FROM search_docs WHERE lang='lv'") == std::to_string(std::size(kCatalogue)));
    // Two ranking bytes per document and language.
    BOOST_TEST(db.scalar("SELECT length(data) FROM search_rank WHERE lang='lv'") ==
               std::to_string(2 * std::size(kCatalogue)));
    BOOST_TEST(db.scalar("SELECT first FROM search_rank WHERE lang='en'") == std::to_string(std::size(kCatalogue) + 1));
    // Rowids go by popularity: the sickness benefit (100) comes first in each language.
    BOOST_TEST(db.scalar("SELECT id FROM search_docs WHERE lang='lv' ORDER BY rowid LIMIT 1") == "vsaa-slimibas-pabalsts");
    BOOST_TEST(db.postings("lv", "pabalst").size() == 6u);
    // Plain tables only: the stock sqlite3 shell, built with or without FTS5, reads them all.
    BOOST_TEST(db.scalar("SELECT count(*) FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL%'") == "0");
    BOOST_TEST(std::stoi(db.scalar("SELECT count(*) FROM search_terms WHERE lang='lv'")) > 30);
    BOOST_TEST(std::stoi(db.scalar("SELECT count(*) FROM search_typo")) > 100);
}

BOOST_AUTO_TEST_CASE(stores_folded_stemmed_terms) {
    // The vocabulary is of stems, without diacritics.
    BOOST_TEST(db.scalar("SELECT count(*) FROM search_terms WHERE lang='lv' AND term='pabalst'") == "1");
    BOOST_TEST(db.scalar("SELECT count(*) FROM search_terms WHERE lang='lv' AND term='deklar'") == "1");
    BOOST_TEST(db.scalar("SELECT count(*) FROM search_terms WHERE term LIKE '%ā%'") == "0");
    BOOST_TEST(db.scalar("SELECT df FROM search_terms WHERE lang='lv' AND term='vsaa'") == "");  // "vsa": stemmed
    BOOST_TEST(db.scalar("SELECT df FROM search_terms WHERE lang='en' AND term='benefit'") == "4");
}

BOOST_AUTO_TEST_CASE(postings_say_which_columns_a_term_is_in) {
    // The sickness benefit is rowid 1: "slimības" in its title, keywords and body,
    // "darbiniekiem" only in its body, "VSAA" only among its keywords.
    auto cols = [&](const char* word) {
        auto p = db.postings("lv", text::stem(text::fold(word), Lang::lv));
        return p.count(1) ? p.at(1) : 0;
    };
    BOOST_TEST(cols("slimības") == 1 + 2 + 4);
    BOOST_TEST(cols("darbiniekiem") == 4);
    BOOST_TEST(cols("VSAA") == 2);
    // One row per (language, term).
    BOOST_TEST(db.scalar("SELECT count(*) FROM search_postings WHERE lang='lv' AND term='pabalst'") == "1");
}

BOOST_AUTO_TEST_CASE(damaged_postings_throw_and_spare_other_terms) {
    // A varint cut off in the middle.
    BOOST_REQUIRE(sqlite3_exec(db.db, "UPDATE search_postings SET docs = X'0981' WHERE lang='lv' AND term='pabalst'",
                               nullptr, nullptr, nullptr) == SQLITE_OK);
    BOOST_CHECK_THROW(search::query(db.db, "pabalsts ", Lang::lv), std::runtime_error);
    BOOST_TEST(top("dzivesvietas deklaresana") == "pmlp-dzivesvietas-deklaresana");
    // Documents outside the language's rowids are not answers (and never read out of bounds).
    BOOST_REQUIRE(sqlite3_exec(db.db, "UPDATE search_postings SET docs = X'FFFFFFFF0F01' WHERE lang='lv'", nullptr,
                               nullptr, nullptr) == SQLITE_OK);
    BOOST_TEST(find("deklaresana ").empty());
    BOOST_TEST(find("slimibas pab").empty());
    BOOST_TEST(top("sickness benefit", Lang::en) == "vsaa-slimibas-pabalsts");
}

BOOST_AUTO_TEST_CASE(rebuilding_replaces_the_index) {
    search::build_index(db.db, {{"x", "service", Lang::lv, "Jauns pakalpojums", "", "", "", "/x/", 1}});
    BOOST_TEST(db.scalar("SELECT count(*) FROM search_docs") == "1");
    BOOST_TEST(find("pakalpojums").size() == 1u);
    BOOST_TEST(find("pabalsts").empty());
}

BOOST_AUTO_TEST_CASE(works_inside_the_callers_transaction) {
    Db other;
    BOOST_REQUIRE(sqlite3_exec(other.db, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK);
    search::build_index(other.db, catalogue_docs());
    BOOST_REQUIRE(sqlite3_exec(other.db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK);
    BOOST_TEST(search::query(other.db, "pabalsts", Lang::lv).size() >= 4u);
}

BOOST_AUTO_TEST_CASE(sqlite_errors_throw) {
    Db clash;  // a view where the index wants a table: DROP TABLE fails
    BOOST_REQUIRE(sqlite3_exec(clash.db, "CREATE TABLE t(x); CREATE VIEW search_docs AS SELECT * FROM t", nullptr,
                               nullptr, nullptr) == SQLITE_OK);
    BOOST_CHECK_THROW(search::build_index(clash.db, catalogue_docs()), std::runtime_error);
    // The savepoint was rolled back: nothing half-built is left, and the connection is usable.
    BOOST_TEST(clash.scalar("SELECT count(*) FROM sqlite_master WHERE name LIKE 'search_%' AND type = 'table'") == "0");
    BOOST_TEST(sqlite3_get_autocommit(clash.db) != 0);
    BOOST_CHECK_THROW(search::build_index(nullptr, catalogue_docs()), std::runtime_error);
    Db empty;  // no index at all
    BOOST_CHECK_THROW(search::query(empty.db, "pabalsts", Lang::lv), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(languages_stay_apart) {
    BOOST_TEST(find("sickness", Lang::lv).empty());
    BOOST_TEST(find("slimibas", Lang::en).empty());
    for (auto& h : find("VSAA", Lang::en)) BOOST_TEST(h.url.rfind("/en/", 0) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(query_ranking, Catalogue)

BOOST_AUTO_TEST_CASE(latvian_typed_without_diacritics) {
    BOOST_TEST(top("slimibas pabalsts") == "vsaa-slimibas-pabalsts");
    BOOST_TEST(top("Slimības pabalsts") == "vsaa-slimibas-pabalsts");
    BOOST_TEST(top("SLIMIBAS PABALSTS ") == "vsaa-slimibas-pabalsts");
    BOOST_TEST(top("dzivesvietas deklaresana") == "pmlp-dzivesvietas-deklaresana");
    BOOST_TEST(top("dzīvesvietas deklarēšana") == "pmlp-dzivesvietas-deklaresana");
}

BOOST_AUTO_TEST_CASE(any_case_form) {
    auto benefits = ids("pabalstu");
    BOOST_REQUIRE(benefits.size() >= 4u);
    BOOST_TEST(benefits[0] == "vsaa-slimibas-pabalsts");  // the most requested of the benefits
    for (int i = 0; i < 4; ++i) BOOST_TEST(benefits[i].find("pabalsts") != std::string::npos);
    BOOST_TEST(ids("pabalstiem").front() == benefits.front());

    auto decl = ids("deklarācijas");
    BOOST_REQUIRE(decl.size() >= 2u);
    BOOST_TEST(contains({decl[0], decl[1]}, "vid-gada-ienakumu-deklaracija"));
    BOOST_TEST(contains({decl[0], decl[1]}, "pmlp-dzivesvietas-deklaresana"));
    auto verb = ids("deklaret");
    BOOST_REQUIRE(verb.size() >= 2u);
    BOOST_TEST(contains({verb[0], verb[1]}, "vid-gada-ienakumu-deklaracija"));
    BOOST_TEST(contains({verb[0], verb[1]}, "pmlp-dzivesvietas-deklaresana"));

    // Same stem, but the title with the very form typed comes first.
    BOOST_TEST(top("deklarācija") == "vid-gada-ienakumu-deklaracija");
    BOOST_TEST(top("deklarācija ") == "vid-gada-ienakumu-deklaracija");
    BOOST_TEST(top("deklarēšana") == "pmlp-dzivesvietas-deklaresana");
    BOOST_TEST(top("gada ienākumu deklarāciju") == "vid-gada-ienakumu-deklaracija");
    BOOST_TEST(top("deklarēt dzīvesvietu") == "pmlp-dzivesvietas-deklaresana");
    BOOST_TEST(top("bezdarbnieku") == "nva-bezdarbnieka-pabalsts");
    BOOST_TEST(top("bezdarbs") == "nva-bezdarbnieka-pabalsts");
    BOOST_TEST(top("pensiju") == "vsaa-vecuma-pensija");
    BOOST_TEST(top("platību maksājums") == "lad-platibu-maksajumi");
}

BOOST_AUTO_TEST_CASE(title_outranks_body_and_keywords) {
    // "bērns" is in the title of two documents and in the keywords or body of others.
    auto hits = ids("bērns");
    BOOST_REQUIRE(hits.size() >= 3u);
    BOOST_TEST(contains({hits[0], hits[1]}, "vsaa-berna-kopsanas-pabalsts"));
    BOOST_TEST(contains({hits[0], hits[1]}, "berna-piedzimsana"));
    // "reģistrācija" meets "reģistrā" in the PMLP title and "reģistrēšana" in a situation's body.
    auto reg = ids("reģistrācija");
    BOOST_REQUIRE(reg.size() >= 3u);
    BOOST_TEST(contains({reg[0], reg[1]}, "ur-uznemuma-registracija"));
    BOOST_TEST(contains({reg[0], reg[1]}, "pmlp-mani-dati"));
}

BOOST_AUTO_TEST_CASE(synonyms_and_abbreviations_through_keywords) {
    auto vid = ids("VID");
    BOOST_REQUIRE(vid.size() == 2u);
    BOOST_TEST(vid[0] == "vid-gada-ienakumu-deklaracija");  // the more popular one first
    BOOST_TEST(vid[1] == "vid-nodoklu-samaksa");
    BOOST_TEST(ids("vid").size() == 2u);
    auto vsaa = ids("VSAA");
    BOOST_TEST(vsaa.size() == 4u);
    BOOST_TEST(vsaa[0] == "vsaa-slimibas-pabalsts");
    BOOST_TEST(top("B lapa") == "vsaa-slimibas-pabalsts");
    BOOST_TEST(top("darbnespēja") == "vsaa-slimibas-pabalsts");
    BOOST_TEST(top("Lauku atbalsta dienests") == "lad-platibu-maksajumi");
}

BOOST_AUTO_TEST_CASE(e_signature_in_every_spelling) {
    for (const char* q : {"e-paraksts", "eparaksts", "eParaksts", "E-PARAKSTS", "e-parakstu", "e paraksts"}) {
        BOOST_TEST_INFO(q);
        BOOST_TEST(top(q) == "eparaksts-palidziba");
    }
    BOOST_TEST(top("e-signature", Lang::en) == "eparaksts-palidziba");
    BOOST_TEST(top("esignature", Lang::en) == "eparaksts-palidziba");
    BOOST_TEST(top("eparaksts", Lang::en) == "eparaksts-palidziba");
}

BOOST_AUTO_TEST_CASE(english) {
    BOOST_TEST(top("sick", Lang::en) == "vsaa-slimibas-pabalsts");
    BOOST_TEST(top("sickness benefit", Lang::en) == "vsaa-slimibas-pabalsts");
    BOOST_TEST(top("sick pay", Lang::en) == "vsaa-slimibas-pabalsts");
    BOOST_TEST(top("declaration of residence", Lang::en) == "pmlp-dzivesvietas-deklaresana");
    BOOST_TEST(top("declare my residence", Lang::en) == "pmlp-dzivesvietas-deklaresana");
    BOOST_TEST(top("income tax return", Lang::en) == "vid-gada-ienakumu-deklaracija");
    BOOST_TEST(top("unemployed", Lang::en) == "nva-bezdarbnieka-pabalsts");
    BOOST_TEST(top("register a company", Lang::en) == "ur-uznemuma-registracija");
    BOOST_TEST(top("registration of a business", Lang::en) == "ur-uznemuma-registracija");
    auto kids = ids("children", Lang::en);
    BOOST_REQUIRE(kids.size() >= 2u);
    BOOST_TEST(contains({kids[0], kids[1]}, "vsaa-berna-kopsanas-pabalsts"));
    BOOST_TEST(contains({kids[0], kids[1]}, "berna-piedzimsana"));
}

BOOST_AUTO_TEST_CASE(all_words_must_match_then_any) {
    // AND: only the sickness benefit has both.
    BOOST_TEST(ids("slimibas pabalsts").size() == 1u);
    // No document has both "pensija" and "eparaksts": fall back to documents with either.
    auto either = ids("pensija eparaksts");
    BOOST_TEST(contains(either, "vsaa-vecuma-pensija"));
    BOOST_TEST(contains(either, "eparaksts-palidziba"));
    // An unknown word does not hide the known one.
    BOOST_TEST(top("pabalsts zzzzqqq") == "vsaa-slimibas-pabalsts");
}

BOOST_AUTO_TEST_CASE(stop_words_are_ignored) {
    BOOST_TEST(top("pabalsts par slimību") == "vsaa-slimibas-pabalsts");
    BOOST_TEST(top("the sickness benefit", Lang::en) == "vsaa-slimibas-pabalsts");
    // A query of nothing but stop words still searches for them (here: nothing indexed).
    BOOST_TEST(find("un ", Lang::lv).empty());
}

BOOST_AUTO_TEST_CASE(hits_carry_display_fields_and_marked_titles) {
    auto hits = find("slimibas pabalsts");
    BOOST_REQUIRE(!hits.empty());
    auto& h = hits[0];
    BOOST_TEST(h.kind == "service");
    BOOST_TEST(h.title == "Slimības pabalsts");
    BOOST_TEST(h.url == "/lv/pakalpojumi/vsaa-slimibas-pabalsts/");
    BOOST_TEST(h.summary.find("darbnespēja") != std::string::npos);
    BOOST_TEST(h.score > 0);
    BOOST_TEST(h.title_html == "<mark>Slimības</mark> <mark>pabalsts</mark>");
    BOOST_TEST(top("ogre") == "vpvkac-ogre");
    BOOST_TEST(find("ogre")[0].kind == "contact-point");
    BOOST_TEST(find("ogre")[0].title_html.find("<mark>Ogres</mark>") == 0u);
    BOOST_TEST(find("eparaksts")[0].title_html == "Palīdzība ar <mark>eParakstu</mark>");
    BOOST_TEST(find("e paraksts")[0].title_html == "Palīdzība ar <mark>eParakstu</mark>");
    BOOST_TEST(find("e-signature", Lang::en)[0].title_html == "Help with <mark>e-signature</mark>");
}

BOOST_AUTO_TEST_CASE(scores_are_ordered_and_limit_respected) {
    auto hits = find("pabalsts", Lang::lv, 3);
    BOOST_TEST(hits.size() == 3u);
    for (std::size_t i = 1; i < hits.size(); ++i) BOOST_TEST(hits[i - 1].score >= hits[i].score);
    BOOST_TEST(find("pabalsts", Lang::lv, 0).empty());
    BOOST_TEST(find("pabalsts", Lang::lv, -5).empty());
    BOOST_TEST(find("pa", Lang::lv, 100000).size() <= 100u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(typos, Catalogue)

BOOST_AUTO_TEST_CASE(one_edit_in_a_long_word) {
    BOOST_TEST(top("slimbas pabalsts") == "vsaa-slimibas-pabalsts");    // deletion
    BOOST_TEST(top("slimmibas pabalsts") == "vsaa-slimibas-pabalsts");  // insertion
    BOOST_TEST(top("slimibas pabalsys ") == "vsaa-slimibas-pabalsts");  // substitution
    BOOST_TEST(top("slimibas pablasts ") == "vsaa-slimibas-pabalsts");  // transposition
    BOOST_TEST(top("bezdarbneika pabalsts") == "nva-bezdarbnieka-pabalsts");
    BOOST_TEST(top("dzivesvietsa deklaresana") == "pmlp-dzivesvietas-deklaresana");
    BOOST_TEST(top("sicknes benefit", Lang::en) == "vsaa-slimibas-pabalsts");
    BOOST_TEST(top("unemploymnet", Lang::en) == "nva-bezdarbnieka-pabalsts");
}

BOOST_AUTO_TEST_CASE(typo_in_the_ending) {
    auto hits = ids("deklarcija ");
    BOOST_REQUIRE(hits.size() >= 2u);
    BOOST_TEST(contains({hits[0], hits[1]}, "vid-gada-ienakumu-deklaracija"));
    BOOST_TEST(top("ienakumu deklaracja") == "vid-gada-ienakumu-deklaracija");
}

BOOST_AUTO_TEST_CASE(typo_while_typing_the_last_word) {
    BOOST_TEST(top("slimbas") == "vsaa-slimibas-pabalsts");
    BOOST_TEST(top("pabalsts slimbas") == "vsaa-slimibas-pabalsts");
}

BOOST_AUTO_TEST_CASE(corrections_are_highlighted) {
    auto hits = find("slimbas pabalsts");
    BOOST_REQUIRE(!hits.empty());
    BOOST_TEST(hits[0].title_html == "<mark>Slimības</mark> <mark>pabalsts</mark>");
}

BOOST_AUTO_TEST_CASE(short_words_are_not_corrected) {
    // "pase" is one edit from nothing useful and too short to guess at.
    BOOST_TEST(find("vud ").empty());  // not VID
    BOOST_TEST(find("nba ").empty());  // not NVA
}

BOOST_AUTO_TEST_CASE(known_words_are_not_corrected) {
    // "vecaku" is a word of its own; it must not pull in anything one edit away.
    for (auto& h : find("vecāku ")) BOOST_TEST(h.id != "vsaa-slimibas-pabalsts");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(prefixes, Catalogue)

BOOST_AUTO_TEST_CASE(the_last_word_matches_as_typed_so_far) {
    auto hits = find("pab");
    BOOST_REQUIRE(hits.size() >= 4u);
    BOOST_TEST(hits[0].id == "vsaa-slimibas-pabalsts");
    BOOST_TEST(hits[0].title_html == "Slimības <mark>pabalsts</mark>");
    BOOST_TEST(top("slimibas pab") == "vsaa-slimibas-pabalsts");
    BOOST_TEST(top("dzīvesv") == "pmlp-dzivesvietas-deklaresana");
    BOOST_TEST(top("bezd") == "nva-bezdarbnieka-pabalsts");
    BOOST_TEST(top("sickn", Lang::en) == "vsaa-slimibas-pabalsts");
    BOOST_TEST(top("e-par") == "eparaksts-palidziba");
    BOOST_TEST(top("childr", Lang::en) != "(nothing)");
}

BOOST_AUTO_TEST_CASE(every_keystroke_finds_the_target) {
    std::string q = "slimibas pabalsts";
    for (std::size_t n = 3; n <= q.size(); ++n) {
        std::string part = q.substr(0, n);
        if (part.back() == ' ') continue;
        BOOST_TEST_INFO(part);
        BOOST_TEST(contains(ids(part, Lang::lv, 5), "vsaa-slimibas-pabalsts"));
    }
}

BOOST_AUTO_TEST_CASE(half_typed_words_whose_stem_is_shorter) {
    // The stem of "declaration" is "declar": "declara…" must still reach it, and so on.
    struct {
        const char* full;
        Lang lang;
        const char* target;
        std::size_t from;  // prefixes under 4 letters look at titles and keywords only
    } cases[] = {
        {"declaration", Lang::en, "pmlp-dzivesvietas-deklaresana", 3},
        {"registration", Lang::en, "ur-uznemuma-registracija", 3},
        {"sickness", Lang::en, "vsaa-slimibas-pabalsts", 3},
        {"children", Lang::en, "vsaa-berna-kopsanas-pabalsts", 3},
        {"bezdarbnieka", Lang::lv, "nva-bezdarbnieka-pabalsts", 3},
        {"deklarācija", Lang::lv, "vid-gada-ienakumu-deklaracija", 3},
        {"dzīvesvietas", Lang::lv, "pmlp-dzivesvietas-deklaresana", 3},
        {"maksājumi", Lang::lv, "lad-platibu-maksajumi", 3},
        // Only in a body, so no typo correction can stand in for the prefix logic.
        {"contributions", Lang::en, "nva-bezdarbnieka-pabalsts", 4},
    };
    for (auto& c : cases) {
        std::string full = c.full;
        for (std::size_t n = c.from; n <= full.size(); ++n) {
            std::string part = full.substr(0, n);
            if ((static_cast<unsigned char>(full[n - 1]) & 0xC0) == 0xC0) continue;  // inside a letter
            BOOST_TEST_INFO(part);
            BOOST_TEST(contains(ids(part, c.lang, 10), c.target));
        }
    }
}

BOOST_AUTO_TEST_CASE(only_the_last_word_is_a_prefix) {
    // "pab" before another word is a whole word, and there is no such word.
    BOOST_TEST(ids("pab slimibas").size() >= 1u);  // OR fallback still finds "slimības"
    BOOST_TEST(top("pab slimibas") == "vsaa-slimibas-pabalsts");
    // A trailing space ends the word: "pab " is not a prefix any more.
    BOOST_TEST(find("pab ").empty());
}

BOOST_AUTO_TEST_CASE(a_lone_letter_is_not_searched) {
    BOOST_TEST(find("s").empty());
    BOOST_TEST(find("S ", Lang::en).empty());
    BOOST_TEST(find("ā").empty());
    BOOST_TEST(!find("sl").empty());
}

BOOST_AUTO_TEST_CASE(a_stop_word_being_typed_does_not_narrow) {
    // "slimibas pa" — "pa" could be the start of "pabalsts"; alone it is a stop word.
    BOOST_TEST(top("slimibas pa") == "vsaa-slimibas-pabalsts");
    BOOST_TEST(!find("pa").empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(bad_queries, Catalogue)

BOOST_AUTO_TEST_CASE(never_throw_never_inject) {
    std::vector<std::string> qs = {
        "", " ", "   \t\n", "\"", "\"\"", "*", "**", "NEAR(", "NEAR(pabalsts", "AND OR NOT", "a AND OR NOT",
        "^", ":", "^:-", "pabalsts*", "\"pabalsts", "title:pabalsts", "{title}: x", "-pabalsts", "+", "(", ")",
        "!!!???", "\xFF\xFE", "\xC3", "\xED\xA0\x80", std::string(10000, 'x'), std::string(10000, ' '),
        std::string(10000, '"'), std::string("pab\0alsts", 9), "NOT pabalsts", "pabalsts NOT slimibas",
        "'; DROP TABLE search_docs; --", "%", "_", "\\", "e-", "-e", "---", "e--paraksts", "ā", "\u0304",
    };
    std::string many;
    for (int i = 0; i < 2000; ++i) many += "pabalsts ";
    qs.push_back(many);
    std::string mixed;
    std::mt19937 rng(7);
    for (int i = 0; i < 3000; ++i) mixed += static_cast<char>(rng() & 0xFF);
    qs.push_back(mixed);
    for (auto& q : qs) {
        for (Lang l : {Lang::lv, Lang::en}) {
            BOOST_TEST_INFO("query " << q.substr(0, 30));
            BOOST_CHECK_NO_THROW(find(q, l));
        }
    }
    BOOST_TEST(db.scalar("SELECT count(*) FROM search_docs") == std::to_string(2 * std::size(kCatalogue)));
}

BOOST_AUTO_TEST_CASE(empty_or_sensible) {
    BOOST_TEST(find("").empty());
    BOOST_TEST(find("   ").empty());
    BOOST_TEST(find("\"").empty());
    BOOST_TEST(find("*").empty());
    BOOST_TEST(find("^:").empty());
    BOOST_TEST(find("!!!???").empty());
    BOOST_TEST(find("\xFF\xFE").empty());
    // Syntax words are plain words: "NEAR(pabalsts" searches for "near" and "pabalsts".
    BOOST_TEST(top("NEAR(pabalsts") == "vsaa-slimibas-pabalsts");
    BOOST_TEST(top("pabalsts*") == "vsaa-slimibas-pabalsts");
    BOOST_TEST(top("\"slimibas pabalsts\"") == "vsaa-slimibas-pabalsts");
    BOOST_TEST(top("title:slimibas") == "vsaa-slimibas-pabalsts");
    // Invalid bytes inside a word are dropped, not fatal.
    BOOST_TEST(top("slim\xEE" "bas pabalsts") == "vsaa-slimibas-pabalsts");
}

BOOST_AUTO_TEST_CASE(html_in_titles_is_escaped) {
    Db d;
    search::build_index(d.db, {{"x", "service", Lang::lv, "Pabalsts <b>&</b> \"x\"", "", "", "", "/x/", 1}});
    auto h = search::query(d.db, "pabalsts", Lang::lv);
    BOOST_REQUIRE(h.size() == 1u);
    BOOST_TEST(h[0].title_html == "<mark>Pabalsts</mark> &lt;b&gt;&amp;&lt;/b&gt; &quot;x&quot;");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(determinism)

std::string dump(sqlite3* db) {
    std::string out;
    for (const char* t : {"search_docs", "search_postings", "search_terms", "search_typo", "search_rank"}) {
        sqlite3_stmt* st = nullptr;
        std::string sql = std::string("SELECT * FROM ") + t;
        BOOST_REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
        out += t;
        while (sqlite3_step(st) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(st); ++c) {
                out += '|';
                auto p = static_cast<const char*>(sqlite3_column_blob(st, c));
                out.append(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(st, c)));
            }
            out += '\n';
        }
        sqlite3_finalize(st);
    }
    return out;
}

BOOST_AUTO_TEST_CASE(same_documents_in_any_order_give_identical_tables) {
    auto docs = catalogue_docs();
    Db a, b;
    search::build_index(a.db, docs);
    std::reverse(docs.begin(), docs.end());
    std::shuffle(docs.begin(), docs.end(), std::mt19937(42));
    search::build_index(b.db, docs);
    std::string da = dump(a.db), db = dump(b.db);
    BOOST_TEST(da.size() > 1000u);
    BOOST_TEST((da == db));
}

BOOST_AUTO_TEST_CASE(a_changed_document_changes_the_tables) {
    auto docs = catalogue_docs();
    Db a, b;
    search::build_index(a.db, docs);
    docs[0].title += " jauns";
    search::build_index(b.db, docs);
    BOOST_TEST((dump(a.db) != dump(b.db)));
}

BOOST_AUTO_TEST_SUITE_END()
