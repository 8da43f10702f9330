// A light Latvian stemmer for folded (diacritic-free) tokens.
//
// Two passes of longest-match suffix stripping. The first removes one inflectional
// ending (case and number of nouns and adjectives, infinitive and present-tense verb
// endings); the second removes one derivational suffix that a family of related
// words shares (-ācij-, -šan-, -ēj-, -ām-, -um-, -niek-, the participle -t-). Doing
// it in two passes keeps whole paradigms together: every form of "kopējs" first
// loses its case ending and leaves "kopej", so the second pass treats them all
// alike; one flat table of long endings ("-ēja", "-ēju") would strip some forms and
// not others.
//
// Folding has already merged long and short vowels (ā/a) and the palatalised
// consonants (ļ/l, ņ/n), which happens to hide most Latvian consonant alternations
// too ("nodoklis", "nodokļa", "nodokļu" → "nodokl").
#include <algorithm>
#include <string>
#include <string_view>

#include "text/text.hpp"

namespace pietura::text {
namespace {

// A stem shorter than this is no longer recognisable ("nva" must not become "nv").
constexpr std::size_t kMinStem = 3;

// Longest first within each table, so the first match is the longest one.
constexpr std::string_view kInflectional[] = {
    // reflexive infinitives and imperatives ("pieteikties", "reģistrēties", "reģistrējieties")
    "ieties", "aties", "eties", "ities", "oties", "ties",
    // -iem: dative/instrumental plural; -ais: definite adjective ("jaunais"); -ies: reflexive
    "iem", "ais", "ies",
    // two-letter case endings of all six declensions and the adjectives
    "as", "ai", "am", "em", "es", "ei", "is", "im", "us", "um", "os", "ie",
    // infinitives -āt, -ēt, -īt, -ot (and 2nd plural -at)
    "at", "et", "it", "ot",
    // 6th declension dative ("valstij")
    "ij",
    // one-letter endings; "t" is the infinitive after a consonant ("pieteikt")
    "s", "a", "u", "i", "e", "o", "t",
};

constexpr std::string_view kDerivational[] = {
    // verbal nouns in -šana after the verb's theme vowel ("deklarēšana", "izmantošana")
    "esan", "asan", "isan", "osan", "usan",
    // nouns of action in -ācija ("deklarācija", "reģistrācija" meet "deklarēt", "reģistrēt")
    "acij",
    // agent nouns in -tājs ("maksātājs", "lietotājs")
    "ataj", "etaj", "itaj", "otaj",
    // results in -ums after the theme vowel ("maksājums", "pakalpojums")
    "ajum", "ejum", "ojum",
    // persons in -nieks/-niece ("bezdarbnieks" meets "bezdarbs")
    "niek", "niec",
    "san",  // -šana after a consonant ("saņemšana" meets "saņemt")
    "um",   // -ums ("ienākums" meets "ienākt")
    // present stems and -ējs/-ājs agents ("deklarēju", "iesniedzējs", "kopējais")
    "aj", "ej", "oj",
    // past passive participles ("deklarēts", "reģistrēta" meet the infinitive)
    "at", "et", "it", "ot",
};

bool strip_longest(std::string& w, const std::string_view* begin, const std::string_view* end) {
    for (auto it = begin; it != end; ++it) {
        std::string_view suf = *it;
        if (w.size() >= suf.size() + kMinStem && w.compare(w.size() - suf.size(), suf.size(), suf) == 0) {
            w.erase(w.size() - suf.size());
            return true;
        }
    }
    return false;
}

bool plain_ascii_word(std::string_view w) {
    return std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

std::string stem_lv(std::string_view folded) {
    std::string w(folded);
    // Numbers, codes with digits and non-Latin words have no Latvian endings.
    if (w.size() <= kMinStem || !plain_ascii_word(w)) return w;
    strip_longest(w, std::begin(kInflectional), std::end(kInflectional));
    strip_longest(w, std::begin(kDerivational), std::end(kDerivational));
    return w;
}

}  // namespace pietura::text
