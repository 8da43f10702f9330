// Latvian-aware text normalisation: folding, tokenizing, stemming.
#define BOOST_TEST_MODULE text
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <clocale>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "text/text.hpp"

using pietura::Lang;
namespace text = pietura::text;

namespace {

std::vector<std::string> texts(const std::vector<text::Token>& toks) {
    std::vector<std::string> out;
    for (auto& t : toks) out.push_back(t.text);
    return out;
}

// Every word of the group must reduce to one stem, and that stem must be shared by no
// word of `others`.
void same_stem(Lang lang, const std::vector<std::string>& group) {
    std::set<std::string> stems;
    for (auto& w : group) stems.insert(text::stem(text::fold(w), lang));
    BOOST_TEST_INFO("group starting " << group.front() << " gives " << stems.size() << " stems, first "
                                      << *stems.begin());
    BOOST_TEST(stems.size() == 1u);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(folding)

BOOST_AUTO_TEST_CASE(latvian_letters_lose_their_diacritics_both_cases) {
    BOOST_TEST(text::fold("āčēģīķļņšūž") == "acegiklnsuz");
    BOOST_TEST(text::fold("ĀČĒĢĪĶĻŅŠŪŽ") == "acegiklnsuz");
    BOOST_TEST(text::fold("ōŗŌŖ") == "oror");  // old orthography
    BOOST_TEST(text::fold("Dzīvesvietas DEKLARĒŠANA") == "dzivesvietas deklaresana");
}

BOOST_AUTO_TEST_CASE(other_latin_letters) {
    BOOST_TEST(text::fold("Größe Ærø Œuvre Ĳssel") == "grosse aero oeuvre ijssel");
    BOOST_TEST(text::fold("Ąžuolas Łódź Čeština Ñandú") == "azuolas lodz cestina nandu");
    BOOST_TEST(text::fold("ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ") == "aaaaaaceeeeiiiidnoooooouuuuyth");
    BOOST_TEST(text::fold("àáâãäåçèéêëìíîïðñòóôõöøùúûüýþÿ") == "aaaaaaceeeeiiiidnoooooouuuuythy");
    BOOST_TEST(text::fold("Șțș") == "sts");
}

BOOST_AUTO_TEST_CASE(non_letters_pass_through) {
    BOOST_TEST(text::fold("5 × 3 ÷ 2 – „labi“ €") == "5 × 3 ÷ 2 – „labi“ €");
    BOOST_TEST(text::fold("ПЕНСИЯ Ёлка") == "пенсия елка");
    BOOST_TEST(text::fold("") == "");
}

BOOST_AUTO_TEST_CASE(decomposed_diacritics_and_soft_hyphens_vanish) {
    BOOST_TEST(text::fold("pa\u0304rvalde") == "parvalde");  // a + combining macron
    BOOST_TEST(text::fold("dekla\u00ADrā\u00ADcija") == "deklaracija");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_dropped_never_fatal) {
    BOOST_TEST(text::fold("slim\xEE" "bas") == "slimbas");
    BOOST_TEST(text::fold("\xC0\xAF") == "");          // overlong '/'
    BOOST_TEST(text::fold("\xED\xA0\x80x") == "x");    // surrogate
    BOOST_TEST(text::fold("\xF4\x90\x80\x80y") == "y");  // past U+10FFFF
    BOOST_TEST(text::fold("ab\xC4") == "ab");           // truncated sequence
    std::string junk;
    for (int i = 0; i < 4096; ++i) junk += static_cast<char>((i * 131 + 7) & 0xFF);
    BOOST_TEST(text::valid_utf8(text::fold(junk)));
}

BOOST_AUTO_TEST_CASE(valid_utf8_checks_strictly) {
    BOOST_TEST(text::valid_utf8("Rīga €𝄞"));
    BOOST_TEST(text::valid_utf8(""));
    BOOST_TEST(!text::valid_utf8("\xC0\x80"));
    BOOST_TEST(!text::valid_utf8("\xE2\x82"));
    BOOST_TEST(!text::valid_utf8("\xED\xB0\x80"));
    BOOST_TEST(!text::valid_utf8("\x80"));
    BOOST_TEST(!text::valid_utf8("\xF5\x80\x80\x80"));
}

BOOST_AUTO_TEST_CASE(fast_enough_per_keystroke) {
    std::string s;
    for (int i = 0; i < 200; ++i) s += "Dzīvesvietas deklarēšana un bērna kopšanas pabalsts. ";
    auto t0 = std::chrono::steady_clock::now();
    std::size_t n = 0;
    for (int i = 0; i < 100; ++i) n += text::fold(s).size();
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    BOOST_TEST(n > 0u);
    BOOST_TEST_MESSAGE("fold: " << (ms * 1000.0 / 100) << " us per " << s.size() << " bytes");
    BOOST_TEST(ms < 2000.0);  // ~1 MB folded; generous for slow CI and sanitizers
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(tokenize)

BOOST_AUTO_TEST_CASE(splits_on_anything_but_letters_and_digits) {
    auto t = text::tokenize("Slimības pabalsts, 2024. gada (B lapa)!");
    BOOST_TEST((texts(t) == std::vector<std::string>{"slimibas", "pabalsts", "2024", "gada", "b", "lapa"}));
    BOOST_TEST(text::tokenize("  ...!? ").empty());
    BOOST_TEST(text::tokenize("").empty());
}

BOOST_AUTO_TEST_CASE(spans_point_into_the_original_text) {
    std::string s = "Bērna kopšanas";
    auto t = text::tokenize(s);
    BOOST_REQUIRE(t.size() == 2u);
    BOOST_TEST(s.substr(t[0].begin, t[0].end - t[0].begin) == "Bērna");
    BOOST_TEST(s.substr(t[1].begin, t[1].end - t[1].begin) == "kopšanas");
}

BOOST_AUTO_TEST_CASE(hyphenated_words_also_give_the_joined_form) {
    auto t = text::tokenize("e-paraksts");
    BOOST_TEST((texts(t) == std::vector<std::string>{"e", "paraksts", "eparaksts"}));
    BOOST_TEST(t[2].compound);
    BOOST_TEST(t[2].begin == 0u);
    BOOST_TEST(t[2].end == 10u);
    // The three spellings share a token.
    for (const char* s : {"eParaksts", "eparaksts", "E-PARAKSTS", "e\u2011paraksts"}) {
        auto ts = texts(text::tokenize(s));
        BOOST_TEST_INFO(s);
        BOOST_TEST((std::find(ts.begin(), ts.end(), "eparaksts") != ts.end()));
    }
    BOOST_TEST((texts(text::tokenize("Rīga-Jūrmala-Tukums")) ==
                std::vector<std::string>{"riga", "jurmala", "tukums", "rigajurmalatukums"}));
}

BOOST_AUTO_TEST_CASE(dashes_and_spaced_hyphens_are_not_compounds) {
    BOOST_TEST((texts(text::tokenize("Rīga - Ogre")) == std::vector<std::string>{"riga", "ogre"}));
    BOOST_TEST((texts(text::tokenize("Rīga–Ogre")) == std::vector<std::string>{"riga", "ogre"}));
    BOOST_TEST((texts(text::tokenize("a--b")) == std::vector<std::string>{"a", "b"}));
    BOOST_TEST((texts(text::tokenize("e- paraksts")) == std::vector<std::string>{"e", "paraksts"}));
}

BOOST_AUTO_TEST_CASE(long_tokens_are_capped) {
    auto t = text::tokenize(std::string(10000, 'x'));
    BOOST_REQUIRE(t.size() == 1u);
    BOOST_TEST(t[0].text.size() == text::kMaxTokenBytes);
    BOOST_TEST(t[0].end == 10000u);
}

BOOST_AUTO_TEST_CASE(invalid_bytes_inside_a_word_do_not_split_it) {
    BOOST_TEST((texts(text::tokenize("pa\xFF" "balsts")) == std::vector<std::string>{"pabalsts"}));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(stem_lv)

BOOST_AUTO_TEST_CASE(noun_case_and_number) {
    same_stem(Lang::lv, {"pabalsts", "pabalsta", "pabalstu", "pabalsti", "pabalstiem", "pabalstam", "pabalstā"});
    same_stem(Lang::lv, {"slimības", "slimība", "slimību", "slimībai"});
    same_stem(Lang::lv, {"bērns", "bērna", "bērnu", "bērniem", "bērni"});
    same_stem(Lang::lv, {"dzīvesvieta", "dzīvesvietas", "dzīvesvietu", "dzīvesvietā"});
    same_stem(Lang::lv, {"bezdarbnieks", "bezdarbnieka", "bezdarbniekam", "bezdarbniekiem", "bezdarbs"});
    same_stem(Lang::lv, {"pensija", "pensijas", "pensiju", "pensijām", "pensijai"});
    same_stem(Lang::lv, {"nodoklis", "nodokļa", "nodokļu", "nodokļi", "nodokļiem"});
    same_stem(Lang::lv, {"iestāde", "iestādes", "iestādei", "iestādēm"});
    same_stem(Lang::lv, {"tirgus", "tirgum", "tirgū"});
}

BOOST_AUTO_TEST_CASE(declaration_family_meets) {
    same_stem(Lang::lv, {"deklarācija", "deklarācijas", "deklarāciju", "deklarēt", "deklarēju", "deklarēšana",
                         "deklarēšanas", "deklarēts", "deklarētā", "deklarējam"});
    same_stem(Lang::lv, {"reģistrācija", "reģistrēt", "reģistrēšana", "reģistrēts"});
    same_stem(Lang::lv, {"maksājums", "maksājumi", "maksājumu", "maksāt", "maksātājs"});
    same_stem(Lang::lv, {"ienākumi", "ienākumu", "ienākums", "ienākt"});
    same_stem(Lang::lv, {"pieteikties", "pieteikšanās", "pieteikums", "pieteikt"});
    same_stem(Lang::lv, {"reģistrēties", "reģistrējies", "reģistrējas", "reģistrējos", "reģistrēt"});
}

BOOST_AUTO_TEST_CASE(adjectives_definite_and_indefinite) {
    same_stem(Lang::lv, {"jauns", "jauna", "jaunais", "jaunajam", "jaunajā", "jaunie", "jaunajiem", "jauno"});
    same_stem(Lang::lv, {"kopējs", "kopējais", "kopējā", "kopējo", "kopēju", "kopējiem"});
}

BOOST_AUTO_TEST_CASE(different_words_stay_apart) {
    BOOST_TEST(text::stem_lv("pabalsts") != text::stem_lv("pase"));
    BOOST_TEST(text::stem_lv("slimibas") != text::stem_lv("slimnica"));
    BOOST_TEST(text::stem_lv("berns") != text::stem_lv("bezdarbs"));
    BOOST_TEST(text::stem_lv("pensija") != text::stem_lv("pase"));
}

BOOST_AUTO_TEST_CASE(short_words_and_codes_are_kept) {
    BOOST_TEST(text::stem_lv("nva") == "nva");
    BOOST_TEST(text::stem_lv("vid") == "vid");
    BOOST_TEST(text::stem_lv("lad") == "lad");
    BOOST_TEST(text::stem_lv("pmlp") == "pmlp");
    BOOST_TEST(text::stem_lv("ur") == "ur");
    BOOST_TEST(text::stem_lv("2024") == "2024");
    BOOST_TEST(text::stem_lv("b2b") == "b2b");
    BOOST_TEST(text::stem_lv("māja") == "māja");  // not folded: left alone
    BOOST_TEST(text::stem_lv("maja") == "maj");
    BOOST_TEST(text::stem_lv("") == "");
    for (auto w : {"pabalsts", "deklaresana", "bezdarbnieks", "maksatajs", "ai", "ei", "is"})
        BOOST_TEST(text::stem_lv(w).size() >= std::min<std::size_t>(3, std::string(w).size()));
}

BOOST_AUTO_TEST_CASE(stems_are_prefixes_of_the_folded_word) {
    // As-you-type prefix matching relies on this.
    for (auto w : {"pabalstiem", "deklaracijas", "slimibas", "dzivesvietas", "maksatajs", "kopejais"}) {
        std::string s = text::stem_lv(w);
        BOOST_TEST_INFO(w);
        BOOST_TEST(std::string(w).compare(0, s.size(), s) == 0);
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(stem_en)

BOOST_AUTO_TEST_CASE(plurals_and_verb_forms) {
    BOOST_TEST(text::stem_en("benefits") == "benefit");
    BOOST_TEST(text::stem_en("benefit") == "benefit");
    same_stem(Lang::en, {"declaration", "declare", "declared", "declaring", "declarations"});
    same_stem(Lang::en, {"registering", "registration", "register", "registered"});
    same_stem(Lang::en, {"payments", "payment"});
    same_stem(Lang::en, {"sickness", "sick"});
    same_stem(Lang::en, {"residence", "resident", "residents"});
    same_stem(Lang::en, {"unemployment", "unemployed"});
    same_stem(Lang::en, {"applying", "applies", "applied"});
}

BOOST_AUTO_TEST_CASE(porter_classics) {
    BOOST_TEST(text::stem_en("caresses") == "caress");
    BOOST_TEST(text::stem_en("ponies") == "poni");
    BOOST_TEST(text::stem_en("hopping") == "hop");
    BOOST_TEST(text::stem_en("hoping") == "hope");
    BOOST_TEST(text::stem_en("agreed") == "agre");
    BOOST_TEST(text::stem_en("happy") == "happi");
    BOOST_TEST(text::stem_en("employ") == "employ");  // Porter2's y rule: only after a consonant
    BOOST_TEST(text::stem_en("relational") == "relat");
    BOOST_TEST(text::stem_en("generalization") == "gener");
    BOOST_TEST(text::stem_en("controlling") == "control");
    BOOST_TEST(text::stem_en("adjustment") == "adjust");
}

BOOST_AUTO_TEST_CASE(irregulars) {
    BOOST_TEST(text::stem_en("children") == "child");
    BOOST_TEST(text::stem_en("child") == "child");
    BOOST_TEST(text::stem_en("people") == text::stem_en("person"));
    BOOST_TEST(text::stem_en("paid") == text::stem_en("pay"));
}

BOOST_AUTO_TEST_CASE(short_words_codes_and_other_scripts) {
    BOOST_TEST(text::stem_en("is") == "is");
    BOOST_TEST(text::stem_en("vid") == "vid");
    BOOST_TEST(text::stem_en("2024") == "2024");
    BOOST_TEST(text::stem_en("пенсия") == "пенсия");
    BOOST_TEST(text::stem_en("") == "");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(pipeline)

BOOST_AUTO_TEST_CASE(terms_drop_stopwords_and_stem) {
    BOOST_TEST((text::terms("Pabalsts par bērnu un pensiju", Lang::lv) ==
                std::vector<std::string>{"pabalst", "bern", "pensij"}));
    BOOST_TEST((text::terms("Declaration of the place of residence", Lang::en) ==
                std::vector<std::string>{"declar", "place", "resid"}));
}

BOOST_AUTO_TEST_CASE(irregular_words_keep_their_own_form_for_prefixes) {
    BOOST_TEST((text::terms("people", Lang::en) == std::vector<std::string>{"person", "people"}));
    BOOST_TEST((text::terms("children", Lang::en) == std::vector<std::string>{"child"}));  // already a prefix
}

BOOST_AUTO_TEST_CASE(stopwords_per_language) {
    BOOST_TEST(text::is_stopword("un", Lang::lv));
    BOOST_TEST(!text::is_stopword("un", Lang::en));
    BOOST_TEST(text::is_stopword("the", Lang::en));
    BOOST_TEST(!text::is_stopword("pabalsts", Lang::lv));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(numbers)

BOOST_AUTO_TEST_CASE(parse_number_takes_whole_finite_numbers_only) {
    BOOST_TEST(*pietura::text::parse_number("57.313889") == 57.313889);
    BOOST_TEST(*pietura::text::parse_number("-1e3") == -1000.0);
    for (const char* bad : {"", " 1", "1 ", "12abc", "nan", "inf", "1e999", "north", "57,3"})
        BOOST_TEST(!pietura::text::parse_number(bad).has_value(), bad);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(typed_text)

BOOST_AUTO_TEST_CASE(issue12_check_typed_finds_encoding_controls_bidi_and_invisible_texts) {
    using P = text::TypedProblem;
    BOOST_TEST((text::check_typed("Ēriks Kalniņš", false) == P::none));
    BOOST_TEST((text::check_typed("", false) == P::none));
    for (const char* bad : {"\xC0\xAF", "\xED\xA0\x80", "a\xE2\x82", "\xF5\x80\x80\x80", "\xFF"})
        BOOST_TEST((text::check_typed(bad, true) == P::encoding), bad);
    BOOST_TEST((text::check_typed("a\nb", false) == P::control));
    BOOST_TEST((text::check_typed("a\nb\tc", true) == P::none));
    BOOST_TEST((text::check_typed("a\xC2\x9B" "b", true) == P::control));  // C1 CSI
    BOOST_TEST((text::check_typed("a\xE2\x80\xA8" "b", false) == P::control));
    BOOST_TEST((text::check_typed("a\xE2\x80\xAE" "b", false) == P::bidi));
    BOOST_TEST((text::check_typed("a\xE2\x81\xA7" "b", true) == P::bidi));
    for (const char* inv : {"\xE2\x80\x8B", "\xC2\xA0", "\xC2\xAD", "\xE2\x80\x8D\xE2\x80\x8C", "\xEF\xBB\xBF", " \xE3\x80\x80 ",
                            "\xCC\x84", "\xF3\xA0\x80\x81"})
        BOOST_TEST((text::check_typed(inv, false) == P::invisible), inv);
}

BOOST_AUTO_TEST_CASE(issue12_to_valid_utf8_replaces_only_what_is_broken) {
    BOOST_TEST(text::to_valid_utf8("Rīga") == "Rīga");
    BOOST_TEST(text::to_valid_utf8("a\xC0\xAF" "b") == "a\xEF\xBF\xBD\xEF\xBF\xBD" "b");
    BOOST_TEST(text::valid_utf8(text::to_valid_utf8("\xED\xA0\x80\xE2\x82")));
    char32_t cp = 0;
    BOOST_TEST(text::decode_utf8("ā", 0, cp) == 2u);
    BOOST_TEST((cp == 0x101));
    BOOST_TEST(text::decode_utf8("\xC0\xAF", 0, cp) == 0u);
    BOOST_TEST(text::is_letter(U'ņ'));
    BOOST_TEST(!text::is_letter(U'–'));
}

BOOST_AUTO_TEST_SUITE_END()

// Issue 16: the English stemmer stays hand-written (a light Porter-style one, see
// text.hpp), but where it claims Snowball's (Porter2) behaviour it must agree with
// it. Each pair below is Snowball English's output, checked against its rules
// (R1/R2, steps 1a–5) and its published sample vocabulary.
BOOST_AUTO_TEST_SUITE(issue16_stem_en_against_snowball)

BOOST_AUTO_TEST_CASE(issue16_agrees_with_snowball_reference_pairs) {
    const std::pair<const char*, const char*> pairs[] = {
        {"consign", "consign"},   {"consigned", "consign"},  {"consigning", "consign"},
        {"consignment", "consign"}, {"consisted", "consist"}, {"consistency", "consist"},
        {"consistently", "consist"}, {"caresses", "caress"},  {"ponies", "poni"},
        {"cats", "cat"},          {"running", "run"},        {"hopping", "hop"},
        {"happiness", "happi"},   {"meeting", "meet"},       {"owned", "own"},
        {"humbled", "humbl"},     {"plotted", "plot"},       {"agreed", "agre"},
        {"sized", "size"},        {"traditional", "tradit"}, {"reference", "refer"},
    };
    for (auto& [word, stem] : pairs) BOOST_TEST(text::stem_en(word) == stem, word);
}

BOOST_AUTO_TEST_SUITE_END()

// Issue 16: one copy of the small helpers every module used to write again.
BOOST_AUTO_TEST_SUITE(issue16_shared_helpers)

BOOST_AUTO_TEST_CASE(issue16_trim_hhmm_utf8_length) {
    BOOST_TEST(text::trim(" \t\r\n x y \n") == "x y");
    BOOST_TEST(text::trim("   ").empty());
    BOOST_TEST(text::trim("\xC2\xA0x") == "\xC2\xA0x");  // NBSP is text, not ASCII space
    BOOST_TEST(text::hhmm(0) == "00:00");
    BOOST_TEST(text::hhmm(8 * 60 + 30) == "08:30");
    BOOST_TEST(text::hhmm(1440) == "24:00");
    BOOST_TEST(text::utf8_length("Cēsis") == 5u);
    BOOST_TEST(text::utf8_length("") == 0u);
}

BOOST_AUTO_TEST_CASE(issue16_read_file_whole_or_nothing) {
    auto dir = std::filesystem::temp_directory_path() / "pietura-issue16-read";
    std::filesystem::create_directories(dir);
    std::string bytes("a\0b\r\n\xff", 6);
    {
        std::FILE* f = std::fopen((dir / "x.bin").string().c_str(), "wb");
        BOOST_REQUIRE(f);
        std::fwrite(bytes.data(), 1, bytes.size(), f);
        std::fclose(f);
    }
    auto got = text::read_file(dir / "x.bin");
    BOOST_REQUIRE(got.has_value());
    BOOST_TEST(*got == bytes);
    BOOST_TEST(!text::read_file(dir / "missing.bin").has_value());
    BOOST_TEST(!text::read_file(dir).has_value());  // a folder is no file
    BOOST_TEST(text::read_file_or_throw(dir / "x.bin") == bytes);
    try {
        text::read_file_or_throw(dir / "missing.bin");
        BOOST_FAIL("a missing file must throw");
    } catch (const std::runtime_error& e) {
        std::string what = e.what();
        BOOST_TEST(what.find("missing.bin") != std::string::npos, what);
        BOOST_TEST(what.find("No such file") != std::string::npos, what);  // the system's reason
    }
    BOOST_CHECK_THROW(text::read_file_or_throw(dir), std::runtime_error);
    std::filesystem::remove_all(dir);
}

// CSV coordinates and the like go through parse_number: "57.31" must read the same
// whatever locale the tool runs under. Debian images often have only C and C.UTF-8;
// where a comma-decimal locale is installed, the test switches to it.
BOOST_AUTO_TEST_CASE(issue16_parse_number_ignores_the_locale) {
    const char* comma_locales[] = {"lv_LV.UTF-8", "lv_LV.utf8", "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8"};
    std::string before = std::setlocale(LC_NUMERIC, nullptr);
    const char* used = nullptr;
    for (auto* l : comma_locales)
        if (std::setlocale(LC_NUMERIC, l)) {
            used = l;
            break;
        }
    if (used) BOOST_TEST_MESSAGE("issue 16: parse_number under " << used);
    else BOOST_TEST_MESSAGE("issue 16: no comma-decimal locale installed; checked under " << before);
    auto v = text::parse_number("57.31");
    auto w = text::parse_number("+25.5");
    auto comma = text::parse_number("57,31");
    std::setlocale(LC_NUMERIC, before.c_str());
    BOOST_REQUIRE(v.has_value());
    BOOST_TEST(*v == 57.31);
    BOOST_REQUIRE(w.has_value());
    BOOST_TEST(*w == 25.5);
    BOOST_TEST(!comma.has_value());  // a comma is the caller's to turn into a point (csv::number)
    BOOST_TEST(!text::parse_number(" 1").has_value());
    BOOST_TEST(!text::parse_number("1e999").has_value());
    BOOST_TEST(!text::parse_number("nan").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
