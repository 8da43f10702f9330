// text/text.hpp — Latvian-aware text normalisation for search, and the small
// text helpers (UTF-8 checks, trimming, whole files) every module shares.
//
// People type Latvian without diacritics ("slimibas pabalsts") and in any case form
// ("pabalstu"), so index and query are reduced alike: fold (lower case, no
// diacritics) → tokenize → drop stop words → stem. `terms()` is that pipeline;
// search/ uses it for the index and the same pieces for a query, so both agree.
// The stemmers are hand-written: Snowball (Debian's libstemmer) has no Latvian
// one and its native library cannot go into the wasm download, where search runs;
// stemmer_snowball_test holds the English one to Snowball's "english" stemmer, with
// each deviation (irregular plurals, "-str", Porter 1980 steps) listed there. Nothing here throws on bad input (invalid
// bytes are dropped); it is not a general Unicode library nor a morphological
// analyser (stems need not be words), and knows nothing about SQLite.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/lang.hpp"

namespace pietura::text {

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool valid_utf8(std::string_view s);

// Decodes the code point that starts at byte `i` of `s` into `cp` and returns its
// length in bytes, or 0 when the bytes there are not well-formed UTF-8 (the same
// strict rules as valid_utf8()). `i` must be < s.size().
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp);

// `s` with every ill-formed byte sequence replaced by U+FFFD, so that text refused
// for its encoding can still be echoed back into a page or a JSON error safely.
std::string to_valid_utf8(std::string_view s);

// --- text people type into forms (names, notes, comments) ---------------------------

// Characters that show nothing on their own: spaces of every width (NBSP included),
// zero-width space/joiners, soft hyphen, word joiner, byte-order mark, variation
// selectors, tag characters, Hangul fillers, combining marks, bidi marks.
bool is_invisible(char32_t cp);

// U+202A–202E (embeddings, overrides) and U+2066–2069 (isolates): they reorder what
// follows, so a name could display as something other than what is stored.
bool is_bidi_control(char32_t cp);

// Letters the portal recognises (Latin with diacritics, Greek, Cyrillic), for
// telling words and addresses apart from punctuation.
bool is_letter(char32_t cp);

// What is wrong with a typed text, first problem found; `none` for "".
//   encoding  — not well-formed UTF-8
//   control   — C0/C1 control characters or DEL (tab, CR, LF allowed when
//               `multiline`), or U+2028/2029 in a one-line field
//   bidi      — a bidi override or isolate (is_bidi_control)
//   invisible — not empty, but nothing in it is visible
enum class TypedProblem { none, encoding, control, bidi, invisible };
TypedProblem check_typed(std::string_view s, bool multiline);

// Appends code point `cp` as UTF-8 (shared by the JSON reader and the folder).
void append_utf8(char32_t cp, std::string& out);

// Appends `s` with & < > " ' escaped, for text placed in HTML (highlighted titles, pages).
void append_escaped_html(std::string_view s, std::string& out);

// Characters, not bytes, in UTF-8 text (for "at most 500 characters").
std::size_t utf8_length(std::string_view s);

// `s` without ASCII white space (space, tab, CR, LF, VT, FF) at either end.
std::string_view trim(std::string_view s);

// A minute of the day as "08:30" (1440, the end of a day, as "24:00").
std::string hhmm(int minute_of_day);

// A whole file's bytes, exactly as stored (binary-safe: NUL, CR LF and invalid UTF-8
// come back untouched); std::nullopt when it cannot be opened or read (a folder, no
// permission, gone). The one whole-file reader: there is no iostream copy elsewhere.
std::optional<std::string> read_file(const std::filesystem::path& file);

// read_file() for callers that stop on a missing file: throws std::runtime_error
// "cannot read PATH: REASON" (the system's reason, e.g. "No such file or directory").
std::string read_file_or_throw(const std::filesystem::path& file);

// A whole string as a finite number ("57.31", "-1e3"), nothing left over; std::nullopt
// for "", "12abc", "nan", "inf". Locale-independent: the decimal point is always ".".
std::optional<double> parse_number(std::string_view s);

// Lower-cases and strips diacritics: "Dzīvesvietas DEKLARĒŠANA" → "dzivesvietas deklaresana",
// "Größe" → "grosse". Non-letters pass through, invalid bytes, combining marks and soft
// hyphens are dropped, so the result is always valid UTF-8.
std::string fold(std::string_view utf8);

// Longer words (a pasted URL, 10,000 x's) are cut: nobody searches for them whole.
inline constexpr std::size_t kMaxTokenBytes = 64;

struct Token {
    std::string text;        // folded, at most kMaxTokenBytes bytes
    std::size_t begin = 0;   // byte span in the *original* input, for highlighting
    std::size_t end = 0;
    bool compound = false;   // the joined form of a hyphenated word; its parts come just before it
};

// Splits into runs of letters and digits. "e-paraksts" gives "e", "paraksts" and the
// compound "eparaksts", so that it matches "eParaksts" and "eparaksts".
std::vector<Token> tokenize(std::string_view utf8);

// Stemmers take one folded token. Stems are for matching only: they need not be words.
std::string stem_lv(std::string_view folded);  // "pabalstiem" → "pabalst", "deklaresana" → "deklar"
std::string stem_en(std::string_view folded);  // "benefits" → "benefit", "children" → "child"
std::string stem(std::string_view folded, Lang lang);

// Function words that carry no meaning in a catalogue query ("un", "par", "of", "the").
bool is_stopword(std::string_view folded, Lang lang);

// The terms a text is indexed under: stems of every non-stop-word token (compound
// parts and joined forms included), plus the folded word itself when its stem is not
// a prefix of it ("people" → "person", "people"), so that as-you-type prefixes still
// reach irregular forms.
std::vector<std::string> terms(std::string_view utf8, Lang lang);

}  // namespace pietura::text
