// The hand-written English stemmer (core/text/stem_en.cpp) held to Snowball's
// (Debian libstemmer, sb_stemmer_new("english")). libstemmer is linked into this test
// only: the stemmer runs in the wasm download, where the native library cannot go
// (text.hpp says why it is hand-written).
//
// Every word — a list written here (≥300: the catalogue's vocabulary and the classic
// suffix cases) and every English word of content/ and i18n/en.json, read at run
// time — must stem as Snowball's "english" does, or as one of the intended
// deviations below, each checked exactly:
//
//   irregular — "children" → "child", "people" → "person", "paid" → "pay", ... (a
//       table in stem_en.cpp): citizens type them; Snowball leaves them apart from
//       their singular/present, so "children" would not find "child benefit".
//   str — "registration", "cadastre": a final "str" loses its "r" ("regist"), so that
//       "registration" meets "register" and "administration" "administer"; Snowball
//       leaves "registr" / "regist" apart.
//   porter1980 — the core's steps are Porter's 1980 algorithm (with Porter2's final-y
//       rule and short words kept), while Snowball's "english" is Porter2: for some
//       words they differ ("general" → "gener" vs "general", "use" → "us" vs "use",
//       "monthly" → "monthli" vs "month"). Such a word must then stem exactly as
//       Snowball's own "porter" stemmer does. Kept because the search index, every
//       query and the search tests and benchmark were built on these stems, and issue
//       16 changes no behaviour; moving to Porter2 is a search change, to be measured
//       on the search benchmark on its own. The test bounds how often it happens.
//   exception — Porter2's list of words it leaves alone or maps by hand ("sky",
//       "news", "dying", "early", "only", ...) is not in the core: they stem by its
//       rules ("sky" -> "ski"), which only ever joins them with their own forms.
#define BOOST_TEST_MODULE stemmer_snowball
#include <boost/test/unit_test.hpp>

#include <libstemmer.h>

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "content_fixture.hpp"
#include "text/text.hpp"

using namespace pietura;
namespace fs = std::filesystem;

namespace {

struct Closer {
    void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

class Snowball {
public:
    explicit Snowball(const char* algorithm) : s_(sb_stemmer_new(algorithm, nullptr)) {
        BOOST_REQUIRE_MESSAGE(s_, "libstemmer has no " << algorithm << " stemmer");
    }
    std::string operator()(const std::string& word) const {
        const sb_symbol* out = sb_stemmer_stem(s_.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                                               static_cast<int>(word.size()));
        BOOST_REQUIRE(out);
        return std::string(reinterpret_cast<const char*>(out), sb_stemmer_length(s_.get()));
    }

private:
    std::unique_ptr<sb_stemmer, Closer> s_;
};

// stem_en.cpp's table, and what each is stemmed as.
const std::map<std::string, std::string> kIrregular = {
    {"children", "child"}, {"feet", "foot"}, {"knives", "knife"}, {"lives", "life"}, {"men", "man"},
    {"paid", "pay"}, {"people", "person"}, {"teeth", "tooth"}, {"wives", "wife"}, {"women", "woman"},
};

// Snowball english's exceptional forms (its "exception1" and "exception2" lists).
const std::set<std::string> kPorter2Exceptions = {
    "skis", "skies", "dying", "lying", "tying", "idly", "gently", "ugly", "early", "only", "singly", "sky",
    "news", "howe", "atlas", "cosmos", "bias", "andes", "inning", "innings", "outing", "outings", "canning",
    "cannings", "herring", "herrings", "earring", "earrings", "proceed", "proceeds", "exceed", "exceeds",
    "succeed", "succeeds",
};

std::string drop_str_r(std::string s) {
    if (s.size() >= 3 && s.compare(s.size() - 3, 3, "str") == 0) s.pop_back();
    return s;
}

// Written for this test: the catalogue's own vocabulary (services, life situations,
// pages) and the suffix cases a stemmer gets wrong. Lower case, ASCII: what fold() gives.
const std::vector<std::string> kWords = {
    // the catalogue
    "ability", "abroad", "accessible", "according", "account", "activate", "address", "addresses", "adult",
    "adults", "advice", "affairs", "agency", "agencies", "agree", "agreed", "agreement", "agreements",
    "agricultural", "allowance", "allowances", "amount", "animal", "animals", "annual", "application",
    "applications", "applied", "applies", "apply", "applying", "appointment", "appointments", "area", "articles",
    "assess", "assesses", "assessment", "assistant", "association", "authorisation", "authorities", "available",
    "baby", "babies", "bank", "basic", "become", "becoming", "benefit", "benefits", "birth", "births", "board",
    "book", "booking", "bookings", "boundaries", "boundary", "branch", "building", "buildings", "bureau",
    "business", "businesses", "buying", "cadastral", "cadastre", "capital", "card", "cards", "care", "career",
    "cattle", "centre", "centres", "certificate", "certificates", "change", "changes", "changing", "charge",
    "check", "checked", "child", "childbirth", "childcare", "children", "choose", "choosing", "citizen",
    "citizens", "citizenship", "city", "cities", "civil", "claim", "claims", "client", "clients", "code",
    "commission", "companies", "company", "computer", "condition", "conditions", "construction",
    "consultation", "consultations", "contact", "contract", "contributions", "costs", "countries", "court",
    "criminal", "customer", "customers", "daily", "data", "days", "deadline", "deadlines", "death", "debts",
    "deceased", "decides", "decision", "decisions", "declaration", "declare", "declared", "declaring",
    "dependant", "dependants", "depends", "details", "died", "digital", "directorate", "disabilities",
    "disability", "disabled", "doctor", "document", "documents", "donations", "driving", "earnings",
    "education", "electronic", "electronically", "eligible", "employed", "employer", "employers", "employment",
    "enterprises", "entitled", "entrance", "established", "estate", "european", "expenses", "extract",
    "extracts", "families", "family", "farm", "farmer", "farmers", "father", "foreign", "form", "forms",
    "foundation", "founding", "free", "funeral", "government", "governments", "grant", "granted", "grants",
    "guardian", "guardianship", "handles", "health", "help", "helps", "holding", "holiday", "holidays", "home",
    "household", "households", "housing", "identity", "illness", "income", "information", "institution",
    "institutions", "insurance", "insured", "internet", "issued", "issues", "kindergarten", "land", "language",
    "languages", "latvian", "leave", "liability", "library", "libraries", "licence", "licences", "living",
    "local", "lost", "mandatory", "marriage", "married", "maternity", "medical", "member", "migration", "mobile",
    "mobility", "monthly", "months", "moved", "moving", "municipal", "municipalities", "municipality",
    "national", "nearest", "needy", "newborn", "notary", "notice", "number", "office", "offices", "official",
    "online", "opening", "opinion", "orphan", "overpaid", "owner", "owners", "ownership", "paid", "parent",
    "parental", "parents", "parking", "passport", "passports", "paternity", "pay", "payment", "payments",
    "payroll", "pays", "pension", "pensioner", "pensioners", "pensions", "people", "permanent", "permit",
    "permits", "person", "personal", "persons", "pregnancy", "prepare", "previous", "procedure", "procedures",
    "profession", "property", "properties", "provided", "proving", "public", "pupils", "queue", "receive",
    "received", "receives", "receiving", "record", "records", "referral", "refund", "register", "registered",
    "registering", "registration", "registrations", "registry", "rehabilitation", "relative", "relatives",
    "reliefs", "remote", "renew", "renewal", "report", "request", "requests", "residence", "resident",
    "residents", "return", "returns", "revenue", "rural", "safety", "school", "schools", "security",
    "service", "services", "sickness", "signature", "signatures", "signed", "signing", "social", "specialist",
    "specialists", "statement", "status", "studies", "student", "students", "submit", "submitted",
    "subsidised", "support", "surname", "survey", "surveyor", "survivor", "taxes", "trader", "traffic",
    "training", "transport", "travel", "turnover", "unemployed", "unemployment", "unified", "vacancies",
    "vacancy", "valid", "vehicle", "vehicles", "vocational", "website", "working", "years", "young",
    // suffix cases
    "caresses", "ponies", "ties", "caress", "cats", "feed", "plastered", "bled", "motoring", "sing",
    "conflated", "troubled", "sized", "hopping", "tanned", "falling", "hissing", "fizzed", "failing", "filing",
    "happy", "sky", "relational", "conditional", "rational", "valenci", "hesitanci", "digitizer",
    "conformabli", "radicalli", "differentli", "vileli", "analogousli", "vietnamization", "predication",
    "operator", "feudalism", "decisiveness", "hopefulness", "callousness", "formaliti", "sensitiviti",
    "sensibiliti", "triplicate", "formative", "formalize", "electriciti", "electrical", "hopeful", "goodness",
    "revival", "allowance", "inference", "airliner", "gyroscopic", "adjustable", "defensible", "irritant",
    "replacement", "adjustment", "dependent", "adoption", "homologou", "communism", "activate", "angulariti",
    "homologous", "effective", "bowdlerize", "probate", "rate", "cease", "controll", "roll", "generalization",
    "oscillators", "knives", "women", "men", "teeth", "feet", "wives", "lives", "administration", "administer",
};

// Every English word of content/ ("en" texts and lists) and i18n/en.json, folded.
std::set<std::string> content_vocabulary() {
    std::set<std::string> out;
    auto add = [&](const std::string& s) {
        for (auto& t : text::tokenize(s))
            if (!t.compound) out.insert(t.text);
    };
    auto take = [&](const std::string& key, const nlohmann::json& v) {
        if (key != "en") return false;
        if (v.is_string()) {
            add(v.get<std::string>());
        } else if (v.is_array()) {
            for (auto& x : v)
                if (x.is_string()) add(x.get<std::string>());
        } else {
            return false;
        }
        return true;
    };
    content_fixture::for_each_content_json(
        [&](const fs::path&, const nlohmann::json& doc) { content_fixture::for_each_member(doc, take); });
    fs::path src(PIETURA_SOURCE_DIR);
    // Held in a variable: items() of a temporary would outlive the document it walks.
    const auto strings = nlohmann::json::parse(text::read_file_or_throw(src / "i18n" / "en.json"));
    for (auto& [key, value] : strings.items())
        if (value.is_string()) add(value.get<std::string>());
    return out;
}

struct Tally {
    size_t words = 0, same = 0, irregular = 0, str = 0, porter1980 = 0, exception = 0, wrong = 0;
};

Tally compare(const std::set<std::string>& words) {
    Snowball english("english"), porter("porter");
    Tally t;
    for (auto& w : words) {
        ++t.words;
        std::string ours = text::stem_en(w);
        std::string snowball = english(w);
        if (ours == snowball) {
            ++t.same;
        } else if (auto it = kIrregular.find(w); it != kIrregular.end() && ours == text::stem_en(it->second)) {
            ++t.irregular;
        } else if (ours == drop_str_r(snowball) && ours != snowball) {
            ++t.str;
        } else if (snowball != porter(w) && (ours == porter(w) || ours == drop_str_r(porter(w)))) {
            ++t.porter1980;
        } else if (kPorter2Exceptions.count(w)) {
            ++t.exception;
        } else {
            ++t.wrong;
            BOOST_ERROR("\"" << w << "\": core " << ours << ", Snowball english " << snowball << ", porter "
                             << porter(w));
        }
    }
    BOOST_TEST_MESSAGE(t.words << " words: " << t.same << " as Snowball english, " << t.irregular << " irregular, "
                               << t.str << " -str, " << t.porter1980 << " Porter 1980, " << t.exception << " Porter2 exceptions, "
                               << t.wrong << " wrong");
    return t;
}

}  // namespace

BOOST_AUTO_TEST_CASE(issue16_english_stems_are_snowballs_or_a_documented_deviation) {
    std::set<std::string> words(kWords.begin(), kWords.end());
    BOOST_TEST(words.size() >= 300u);
    Tally t = compare(words);
    BOOST_TEST(t.wrong == 0u);
    BOOST_TEST(t.irregular >= 8u);  // each table entry really was compared
    BOOST_TEST(t.str >= 2u);
}

BOOST_AUTO_TEST_CASE(issue16_content_vocabulary_stems_as_snowball) {
    auto words = content_vocabulary();
    BOOST_TEST(words.size() > 1000u);  // the content really was read
    Tally t = compare(words);
    BOOST_TEST(t.wrong == 0u);
    // Measured when this test was written: 1530 words, 1488 (97.3 %) as Snowball's
    // english, the other 42 documented deviations. Under 95 % means the stemmer drifted.
    BOOST_TEST(t.same * 100 >= t.words * 95, t.same << " of " << t.words << " as Snowball english");
}

// The comparison must be able to fail: Snowball really is another implementation.
BOOST_AUTO_TEST_CASE(issue16_snowball_is_really_compared) {
    Snowball english("english");
    BOOST_TEST(english("generously") == "generous");
    BOOST_TEST(english("children") == "children");   // no irregulars in Snowball
    BOOST_TEST(text::stem_en("children") != english("children"));
}
