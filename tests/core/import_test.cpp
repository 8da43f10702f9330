// Importers: Latvian hours texts, GTFS stops, contact-point CSVs, gazetteers — with bad rows.
#define BOOST_TEST_MODULE import
#include <boost/test/unit_test.hpp>

#include "content/content.hpp"
#include "hours/hours.hpp"
#include "import/import.hpp"

using namespace pietura;

namespace {

struct Case {
    const char* text;
    const char* spec;
};

// Hours texts shaped like those on municipal and library web pages.
const Case kConverted[] = {
    {"P.–C. 8.30–12.00 un 13.00–17.00; Pk. 8.30–16.00", "Mo-Th 08:30-12:00,13:00-17:00; Fr 08:30-16:00"},
    {"P.–Pk. 8.00–17.00, pusdienas 12.00–12.30", "Mo-Fr 08:00-12:00,12:30-17:00"},
    {"Pirmdiena–ceturtdiena 8:00-17:00, pusdienas 12:00-12:30; piektdiena 8:00-14:00",
     "Mo-Th 08:00-12:00,12:30-17:00; Fr 08:00-14:00"},
    {"P. 8.00–18.00; O.–C. 8.00–17.00; Pk. 8.00–15.00", "Mo 08:00-18:00; Tu-Th 08:00-17:00; Fr 08:00-15:00"},
    {"P., T. 8.00–18.00; O., C. 8.00–17.00; Pk. 8.00–15.00", "Mo,We 08:00-18:00; Tu,Th 08:00-17:00; Fr 08:00-15:00"},
    {"P.-Pk. 9-17", "Mo-Fr 09:00-17:00"},
    {"Darba dienās 8.30–17.00", "Mo-Fr 08:30-17:00"},
    {"Darba dienās no 9.00 līdz 17.00, pusdienu pārtraukums 12.00–13.00", "Mo-Fr 09:00-12:00,13:00-17:00"},
    {"P–C 8.30–17.00, Pk 8.30–14.00, S, Sv slēgts", "Mo-Th 08:30-17:00; Fr 08:30-14:00"},
    {"P. 8.00–17.00 O.–C. 8.00–16.00 Pk. 8.00–14.00", "Mo 08:00-17:00; Tu-Th 08:00-16:00; Fr 08:00-14:00"},
    {"Pirmdienās 8.00–18.00, otrdienās–ceturtdienās 8.00–17.00, piektdienās 8.00–14.00",
     "Mo 08:00-18:00; Tu-Th 08:00-17:00; Fr 08:00-14:00"},
    {"P.–Pk. 8.00–16.00; S. 9.00–13.00; Sv. slēgts", "Mo-Fr 08:00-16:00; Sa 09:00-13:00"},
    {"P.–C. 8.30–17.00; Pk. 8.30–14.00; svētku dienās slēgts", "Mo-Th 08:30-17:00; Fr 08:30-14:00; PH off"},
    {"Darba laiks: P.–Pk. 8.00–17.00", "Mo-Fr 08:00-17:00"},
    {"P.–Pk. 8.00–17.00 (pusdienas 12.00–13.00)", "Mo-Fr 08:00-12:00,13:00-17:00"},
    {"pirmdien 10–19, otrdien–piektdien 9–17, sestdien 10–14", "Mo 10:00-19:00; Tu-Fr 09:00-17:00; Sa 10:00-14:00"},
    {"Katru dienu 10.00–18.00", "Mo-Su 10:00-18:00"},
    {"P.-C. 8.00-12.00, 12.30-16.30; Pk. 8.00-14.00", "Mo-Th 08:00-12:00,12:30-16:30; Fr 08:00-14:00"},
    {"P.–C.: 8:30–12:00, 12:30–17:00; Pk.: 8:30–14:00", "Mo-Th 08:30-12:00,12:30-17:00; Fr 08:30-14:00"},
    {"Mo-Fr 08:00-17:00; PH off", "Mo-Fr 08:00-17:00; PH off"},
    {"P.–Pk. plkst. 8.00–17.00", "Mo-Fr 08:00-17:00"},
    {"P, O, T, C 8.00–17.00; Pk 8.00–15.00", "Mo-Th 08:00-17:00; Fr 08:00-15:00"},
    {"P.–T. 8.00–17.00; C. 8.00–19.00; Pk. 8.00–15.00", "Mo-We 08:00-17:00; Th 08:00-19:00; Fr 08:00-15:00"},
    {"Sestdienās un svētdienās slēgts; P.–Pk. 9.00–18.00", "Mo-Fr 09:00-18:00"},
    {"P.–C. 8.00–16.30, pusdienas 12.00–12.30; Pk. 8.00–14.00; S., Sv. brīvs",
     "Mo-Th 08:00-12:00,12:30-16:30; Fr 08:00-14:00"},
    {"O. 12.00–18.00; T. 10.00–16.00; C. 12.00–18.00; Pk. 10.00–16.00; S. 10.00–14.00",
     "Tu,Th 12:00-18:00; We,Fr 10:00-16:00; Sa 10:00-14:00"},
    {"P.—C. 8.30—17.00; Pk. 8.30—16.00", "Mo-Th 08:30-17:00; Fr 08:30-16:00"},
    {"P.–Pk. 8–12 un 13–17", "Mo-Fr 08:00-12:00,13:00-17:00"},
    {"P. 9.00-18.00; O.-Pk. 9.00-17.00; S., Sv. nestrādā", "Mo 09:00-18:00; Tu-Fr 09:00-17:00"},
    {"Brīvdienās 10.00–15.00; darba dienās 9.00–19.00", "Mo-Fr 09:00-19:00; Sa,Su 10:00-15:00"},
    {"P.–Pk. 8.00–17.00; Pk. 8.00–14.00", "Mo-Th 08:00-17:00; Fr 08:00-14:00"},
    {"pusdienas P.–C. 12.00–12.30; P.–C. 8.00–17.00", nullptr},  // lunch before its hours: see below
    {"P. – C. 8.30 – 17.00, pk. 8.30 – 15.00", "Mo-Th 08:30-17:00; Fr 08:30-15:00"},
    {"PIRMDIENA–CETURTDIENA 8.00–16.30; PIEKTDIENA 8.00–15.00", "Mo-Th 08:00-16:30; Fr 08:00-15:00"},
    {"P.-C. 8.00-17.00 / Pk. 8.00-14.00", "Mo-Th 08:00-17:00; Fr 08:00-14:00"},
    {"T. 8.00–20.00; P., O., C., Pk. 8.00–16.00", "Mo,Tu,Th,Fr 08:00-16:00; We 08:00-20:00"},
    {"P.–Pk. 8.00–17.00; svētku dienās 10.00–14.00", "Mo-Fr 08:00-17:00; PH 10:00-14:00"},
};

// Texts a converter must not guess at, with a word of the expected reason.
const Case kRejected[] = {
    {"pēc iepriekšēja pieraksta", "unknown word"},
    {"P.–C. 8.30–17.00; Pk. 8.30–", "end time"},
    {"P.–C. 25.00–17.00", "not a time"},
    {"P.–C. 17.00–8.00", "end before"},
    {"P.–C. 8.00–17.00, pusdienas 18.00–19.00", "lunch break"},
    {"8.00–17.00", "without the days"},
    {"P.–C. 8.00–12.00, 11.00–17.00", "overlap"},
    {"C.–P. 8.00–17.00", "backwards"},
    {"P.–C. 8.3–17.00", "two digits"},
    {"slēgts", "without the days"},
    {"P.–C.", "no hours"},
    {"", "no opening hours"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(hours_text)

BOOST_AUTO_TEST_CASE(converts_real_shaped_latvian_texts) {
    int n = 0;
    for (auto& c : kConverted) {
        auto r = import::convert_hours_lv(c.text);
        if (!c.spec) {
            // A lunch break given before the days' hours has nothing to cut from.
            BOOST_TEST(!r.spec.has_value(), c.text);
            continue;
        }
        ++n;
        BOOST_TEST_REQUIRE(r.spec.has_value(), c.text << ": " << r.error);
        BOOST_TEST(*r.spec == std::string(c.spec), c.text);
        BOOST_TEST(hours::Schedule::parse(*r.spec).has_value(), *r.spec);
    }
    BOOST_TEST(n >= 30);
}

BOOST_AUTO_TEST_CASE(rejects_what_it_cannot_read_and_says_why) {
    for (auto& c : kRejected) {
        auto r = import::convert_hours_lv(c.text);
        BOOST_TEST(!r.spec.has_value(), c.text);
        BOOST_TEST(r.error.find(c.spec) != std::string::npos, c.text << " → " << r.error);
    }
    auto r = import::convert_hours_lv("P.–C. 8.30–17.00; Pk. 8.30–");
    BOOST_TEST(r.error.find("column 23") != std::string::npos, r.error);
}

BOOST_AUTO_TEST_CASE(converted_hours_mean_what_the_text_says) {
    auto r = import::convert_hours_lv("P.–C. 8.30–12.00 un 13.00–17.00; Pk. 8.30–16.00; svētku dienās slēgts");
    BOOST_TEST_REQUIRE(r.spec.has_value());
    auto s = hours::Schedule::parse(*r.spec);
    hours::Calendar cal;
    // Thursday 2026-01-15 12:30 Riga time: lunch; 13:30 open; Friday 16:30 closed.
    BOOST_TEST(!s->is_open(hours::riga_to_utc({2026, 1, 15}, 12 * 60 + 30), cal));
    BOOST_TEST(s->is_open(hours::riga_to_utc({2026, 1, 15}, 13 * 60 + 30), cal));
    BOOST_TEST(!s->is_open(hours::riga_to_utc({2026, 1, 16}, 16 * 60 + 30), cal));
    // 18 November 2026 (Wednesday) is a public holiday.
    BOOST_TEST(!s->is_open(hours::riga_to_utc({2026, 11, 18}, 10 * 60), cal));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(csv)

BOOST_AUTO_TEST_CASE(quotes_bom_crlf_and_line_numbers) {
    std::vector<import::Problem> p;
    auto rows = import::parse_csv("\xEF\xBB\xBF" "a,b\r\n\"x, \"\"y\"\"\",\"multi\nline\"\r\n\r\nlast,1\n", ',', "f.csv", p);
    BOOST_TEST(p.empty());
    BOOST_TEST_REQUIRE(rows.size() == 3u);
    BOOST_TEST(rows[0].fields[0] == "a");
    BOOST_TEST(rows[1].fields[0] == "x, \"y\"");
    BOOST_TEST(rows[1].fields[1] == "multi\nline");
    BOOST_TEST(rows[1].line == 2);
    BOOST_TEST(rows[2].line == 5);
    auto semi = import::parse_csv("a;b\n1;2\n", 0, "f.csv", p);
    BOOST_TEST(semi[1].fields.size() == 2u);
    import::parse_csv("a,b\n\"open,2\n3,4\n", ',', "f.csv", p);
    BOOST_TEST_REQUIRE(p.size() == 1u);
    BOOST_TEST(p[0].line == 2);
    BOOST_TEST(p[0].format().find("f.csv:2: error:") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(gtfs)

BOOST_AUTO_TEST_CASE(reads_stops_and_reports_bad_rows) {
    const char* text =
        "\xEF\xBB\xBF" "stop_name,stop_lon,stop_id,stop_lat,location_type\n"  // columns in any order
        "\"Cēsis, AO\",25.280860,1001,57.313889,0\n"
        "Cēsis ieeja,25.28,1001e,57.31,2\n"           // an entrance: not a stop
        "Bad lat,25.2,1002,57.3x,0\n"                 // not a number
        "Swapped,57.31,1003,25.28,0\n"                // latitude and longitude swapped
        ",25.3,,57.3,0\n"                             // no id
        "Valmiera AO,25.4270,1004,57.5385,\n";
    std::vector<import::Problem> p;
    auto stops = import::read_gtfs_stops(text, "stops.txt", p);
    BOOST_TEST_REQUIRE(stops.size() == 2u);
    BOOST_TEST(stops[0].name == "Cēsis, AO");
    BOOST_TEST(stops[0].id == "1001");
    BOOST_TEST(stops[0].lat == 57.313889);
    BOOST_TEST(stops[1].id == "1004");
    BOOST_TEST_REQUIRE(p.size() == 3u);
    BOOST_TEST(p[0].line == 4);
    BOOST_TEST(p[1].line == 5);
    BOOST_TEST(p[1].message.find("outside Latvia") != std::string::npos);
    BOOST_TEST(p[2].line == 6);

    p.clear();
    BOOST_TEST(import::read_gtfs_stops("id,name\n1,x\n", "stops.txt", p).empty());
    BOOST_TEST_REQUIRE(p.size() == 1u);
    BOOST_TEST(p[0].message.find("stop_lat") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(reads_the_default_content_stops) {
    std::vector<import::Problem> p;
    auto stops = import::read_gtfs_stops_file(std::string(PIETURA_SOURCE_DIR) + "/content/bus-stops/stops.txt", p);
    BOOST_TEST(p.empty());
    BOOST_TEST(stops.size() > 20u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(contact_points)

BOOST_AUTO_TEST_CASE(converts_rows_and_reports_bad_ones) {
    const char* text =
        "Nosaukums;Adrese;Platums;Garums;Tālrunis;E-pasts;Darba laiks\n"
        "Priekuļu bibliotēka;Cēsu prospekts 5, Priekuļi;57,3150;25,3600;64 130 000;biblioteka@priekuli.lv;"
        "\"P.–C. 8.30–12.00 un 13.00–17.00; Pk. 8.30–16.00\"\n"
        "Bad phone;Iela 1;57,3;25,3;12345;a@b.lv;P.–Pk. 9–17\n"
        "Bad hours;Iela 2;57,3;25,3;+371 64100001;a@b.lv;pēc pieraksta\n"
        "Bad mail;Iela 3;57,3;25,3;64100002;nav;P.–Pk. 9–17\n"
        "\"Ķekavas bibliotēka\";\"Gaismas iela 17; Ķekava\";56,8283;24,2311;(+371) 67 936 186;bibl@kekava.lv;"
        "\"P.–Pk. 10.00–19.00; S. 10.00–15.00\"\n"
        "Unquoted;Iela 4;57,3;25,3;64100003;c@d.lv;P.–Pk. 9–17; S. 9–13\n"
        "Priekuļu bibliotēka;Cits;57,3;25,3;64130001;x@y.lv;P.–Pk. 9–17\n";  // same id again
    content::Content c;
    c.places.push_back({"priekuli", "Priekuļi", "cesu-novads", 57.315, 25.36});
    c.places.push_back({"kekava", "Ķekava", "kekavas-novads", 56.8283, 24.2311});
    import::ContactPointDefaults d;
    d.content = &c;
    std::vector<import::Problem> p;
    auto cps = import::read_contact_points(text, "cp.csv", d, p);
    BOOST_TEST_REQUIRE(cps.size() == 2u);
    auto& a = cps[0].json;
    BOOST_TEST(a["id"] == "priekulu-biblioteka");
    BOOST_TEST(a["territory"] == "cesu-novads");
    BOOST_TEST(a["phone"] == "+371 64130000");
    BOOST_TEST(a["lat"].get<double>() == 57.315);
    BOOST_TEST(a["hours"] == "Mo-Th 08:30-12:00,13:00-17:00; Fr 08:30-16:00");
    BOOST_TEST(a["kind"] == "library");
    BOOST_TEST(cps[1].json["address"]["lv"] == "Gaismas iela 17; Ķekava");
    BOOST_TEST(cps[1].json["phone"] == "+371 67936186");
    BOOST_TEST(cps[1].json["territory"] == "kekavas-novads");
    BOOST_TEST(cps[1].line == 6);
    BOOST_TEST_REQUIRE(p.size() == 5u);
    BOOST_TEST(p[0].line == 3);
    BOOST_TEST(p[0].message.find("phone") != std::string::npos);
    BOOST_TEST(p[1].line == 4);
    BOOST_TEST(p[1].message.find("pēc pieraksta") != std::string::npos);
    BOOST_TEST(p[2].line == 5);
    BOOST_TEST(p[3].line == 7);
    BOOST_TEST(p[3].message.find("8 fields") != std::string::npos, p[3].message);
    BOOST_TEST(p[4].line == 8);
    BOOST_TEST(p[4].message.find("repeats the row at line 2") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(missing_columns_are_one_problem) {
    std::vector<import::Problem> p;
    auto cps = import::read_contact_points("name,lat,lon\nX,57,25\n", "cp.csv", {}, p);
    BOOST_TEST(cps.empty());
    BOOST_TEST_REQUIRE(p.size() == 1u);
    BOOST_TEST(p[0].message.find("address") != std::string::npos);
    BOOST_TEST(p[0].message.find("hours") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(settlements)

BOOST_AUTO_TEST_CASE(reads_geonames_tsv_and_reports_bad_rows) {
    const char* text =
        "name\tlat\tlon\n"
        "Valmiera\t57.54108\t25.42751\n"
        "Zilupe\t56.38616\t28.12165\n"
        "\t56.4\t23.3\n"
        "Nowhere\t5.0\t23.3\n"
        "Viļaka\t57,18458\t27,6722\n";  // decimal commas in a TSV
    std::vector<import::Problem> p;
    auto s = import::read_settlements(text, "places.tsv", p);
    BOOST_TEST_REQUIRE(s.size() == 3u);
    BOOST_TEST(s[2].name == "Viļaka");
    BOOST_TEST(s[2].lat == 57.18458);
    BOOST_TEST_REQUIRE(p.size() == 2u);
    BOOST_TEST(p[0].line == 4);
    BOOST_TEST(p[1].line == 5);
    BOOST_TEST(import::make_id("Viļaka") == "vilaka");
    BOOST_TEST(import::make_id("  Rīga (centrs) ") == "riga-centrs");
}

BOOST_AUTO_TEST_SUITE_END()

// Issue 12: regressions found by fuzzing (tests/fuzz/, tools/fuzz.sh); each input is
// also kept in the target's corpus.
BOOST_AUTO_TEST_SUITE(issue12_fuzz)

// fuzz_hours_lv: a run of ten or more digits overflowed `int` while it was read as an
// hour (UBSan: signed integer overflow in tokenize()); it must be refused as a time.
BOOST_AUTO_TEST_CASE(issue12_fuzz_hours_lv_long_digit_run_is_not_a_time) {
    for (const char* text : {"P.–C. 99999999999–17.00", "P.–C. 8.30–0000000000017.00", "P. 8.999999999999"}) {
        auto r = import::convert_hours_lv(text);
        BOOST_TEST(!r.spec.has_value(), text);
        BOOST_TEST((r.error.find("is not a time of day") != std::string::npos ||
                    r.error.find("two digits") != std::string::npos),
                   text << " → " << r.error);
    }
    auto r = import::convert_hours_lv("P.–C. 99999999999–17.00");
    BOOST_TEST(r.error.find("column 7") != std::string::npos, r.error);
}

// fuzz_import: what read_contact_points returns is written as content JSON, so each
// row must already be what the contact-points schema accepts. The fuzzer found rows
// it passed through: an id column that is no id (control bytes), a territory that is
// no id, bytes that are not UTF-8 (nlohmann/json threw type_error 316 on dump()), a
// blank address and e-mail addresses the schema refuses.
BOOST_AUTO_TEST_CASE(issue12_fuzz_import_contact_point_rows_are_schema_valid_or_problems) {
    const std::string header = "id,name,kind,address,lat,lon,phone,email,hours,territory\n";
    const std::string good = "vpvkac-x,VPVKAC X,vpvkac,\"Iela 1, X\",56.9,24.1,+371 67000000,x@x.lv,P.–Pk. 9–17,rigas-valstspilseta\n";
    struct Bad {
        std::string row, reason;
    };
    const Bad bad[] = {
        {std::string("v\x1d\0\0\0\0\0\0\0\0pvkac-x", 18) + ",VPVKAC X,vpvkac,Iela 1,56.9,24.1,67000000,x@x.lv,P.–Pk. 9–17,riga\n", "is not a valid id"},
        {"!!!,VPVKAC X,vpvkac,Iela 1,56.9,24.1,67000000,x@x.lv,P.–Pk. 9–17,riga\n", "is not a valid id"},
        {",***,vpvkac,Iela 1,56.9,24.1,67000000,x@x.lv,P.–Pk. 9–17,riga\n", "gives no id"},
        {"a,A,vpvkac,Iela 1,56.9,24.1,67000000,x@x.lv,P.–Pk. 9–17,&\n", "not a territory id"},
        {"b,B,vpvkac,Ie\xec" "a 1,56.9,24.1,67000000,x@x.lv,P.–Pk. 9–17,riga\n", "not UTF-8"},
        {"c,C,vpvkac,\" \r\",56.9,24.1,67000000,x@x.lv,P.–Pk. 9–17,riga\n", "address is empty"},
        {"d,D,vpvkac,Iela 1,56.9,24.1,67000000,x@@x.lv,P.–Pk. 9–17,riga\n", "not an e-mail"},
        {"e,E,vpvkac,Iela 1,56.9,24.1,67000000,x@x.l1,P.–Pk. 9–17,riga\n", "not an e-mail"},
        {"f,F,vpvkac,Iela 1,56.9,24.1,67000000,x\t@x.lv,P.–Pk. 9–17,riga\n", "not an e-mail"},
        {"g,G,vpvkac,Iela 1,56.9,24.1,67000000,x@x.lv,P.–Pk. 9–17," + std::string(81, 'a') + "\n", "not a territory id"},
        {std::string(81, 'h') + ",H,vpvkac,Iela 1,56.9,24.1,67000000,x@x.lv,P.–Pk. 9–17,riga\n", "is not a valid id"},
    };
    for (auto& b : bad) {
        std::vector<import::Problem> p;
        auto cps = import::read_contact_points(header + good + b.row, "cp.csv", {}, p);
        BOOST_TEST(cps.size() == 1u, b.reason);
        BOOST_TEST_REQUIRE(p.size() == 1u, b.reason);
        BOOST_TEST(p[0].line == 3);
        BOOST_TEST(p[0].message.find(b.reason) != std::string::npos, p[0].message);
        BOOST_CHECK_NO_THROW(cps[0].json.dump());
    }
}

BOOST_AUTO_TEST_SUITE_END()
