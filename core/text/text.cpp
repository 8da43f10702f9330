// Folding, tokenizing and the stop-word lists. The stemmers live in stem_lv.cpp and
// stem_en.cpp.
#include "text/text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace pietura::text {
namespace {

// Decodes one code point at s[i]. Returns its length in bytes, or 0 when the bytes
// there are not well-formed UTF-8 (the caller then skips a single byte).
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const std::size_t n = s.size() - i;
    const unsigned c = b(0);
    if (c < 0x80) {
        cp = c;
        return 1;
    }
    auto cont = [&](std::size_t k) { return k < n && (b(k) & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF) {
        if (!cont(1)) return 0;
        cp = ((c & 0x1Fu) << 6) | (b(1) & 0x3Fu);
        return 2;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (!cont(1) || !cont(2)) return 0;
        cp = ((c & 0x0Fu) << 12) | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3Fu);
        if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;  // overlong or surrogate
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3)) return 0;
        cp = ((c & 0x07u) << 18) | ((b(1) & 0x3Fu) << 12) | ((b(2) & 0x3Fu) << 6) | (b(3) & 0x3Fu);
        if (cp < 0x10000 || cp > 0x10FFFF) return 0;
        return 4;
    }
    return 0;
}

// U+00C0..U+00FF without their accents; nullptr for × and ÷, which are not letters.
constexpr std::array<const char*, 64> kLatin1 = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",       // C0
    "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",  // D0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",       // E0
    "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y",   // F0
};

// U+0100..U+017F (Latin Extended-A, where every Latvian letter with a diacritic lives):
// each pair is upper/lower case of the same base letter. Ĳ and Œ are spelled out below.
constexpr std::string_view kLatinExtA =
    "aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii" "ii" "jj" "kkk"
    "llllllllll" "nnnnnnnnn" "oooooo" "oo" "rrrrrr" "ssssssss" "tttttt" "uuuuuuuuuuuu" "ww"
    "yyy" "zzzzzz" "s";
static_assert(kLatinExtA.size() == 0x80, "one base letter per code point U+0100..U+017F");

enum class Cls : std::uint8_t { sep, word, hyphen, drop };

// How one code point folds: the bytes to emit (up to 4) and what it is to the tokenizer.
struct Fold {
    char buf[4];
    std::uint8_t len;
    Cls cls;
};

Fold ascii_fold(char c, Cls cls) { return Fold{{c, 0, 0, 0}, 1, cls}; }

Fold fold_cp(char32_t cp) {
    if (cp < 0x80) {
        char c = static_cast<char>(cp);
        if (c >= 'A' && c <= 'Z') return ascii_fold(static_cast<char>(c + 32), Cls::word);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return ascii_fold(c, Cls::word);
        return ascii_fold(c, c == '-' ? Cls::hyphen : Cls::sep);
    }
    if (cp >= 0xC0 && cp <= 0xFF) {
        if (const char* m = kLatin1[cp - 0xC0]) {
            Fold f{{m[0], m[1], 0, 0}, static_cast<std::uint8_t>(m[1] ? 2 : 1), Cls::word};
            return f;
        }
    } else if (cp >= 0x100 && cp <= 0x17F) {
        if (cp == 0x132 || cp == 0x133) return Fold{{'i', 'j', 0, 0}, 2, Cls::word};
        if (cp == 0x152 || cp == 0x153) return Fold{{'o', 'e', 0, 0}, 2, Cls::word};
        return ascii_fold(kLatinExtA[cp - 0x100], Cls::word);
    } else if (cp >= 0x218 && cp <= 0x21B) {  // Romanian comma-below Ș ș Ț ț
        return ascii_fold(cp < 0x21A ? 's' : 't', Cls::word);
    } else if (cp == 0x1E9E) {  // capital sharp s
        return Fold{{'s', 's', 0, 0}, 2, Cls::word};
    } else if (cp == 0xA0) {  // no-break space
        return ascii_fold(' ', Cls::sep);
    } else if (cp == 0x2010 || cp == 0x2011) {  // typographic hyphens join compounds like '-'
        return ascii_fold('-', Cls::hyphen);
    } else if (cp == 0xAD || (cp >= 0x300 && cp <= 0x36F) || cp == 0x200C || cp == 0x200D) {
        // Soft hyphens and joiners sit inside words; combining marks are decomposed
        // diacritics (ā typed as a + U+0304): all vanish without splitting the word.
        return Fold{{0, 0, 0, 0}, 0, Cls::drop};
    }
    char32_t lower = cp;
    if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) lower = cp + 0x20;  // Greek capitals
    else if (cp >= 0x410 && cp <= 0x42F) lower = cp + 0x20;             // Cyrillic А..Я
    else if (cp >= 0x400 && cp <= 0x40F) lower = cp + 0x50;             // Ѐ..Џ
    if (lower == 0x451) lower = 0x435;                                  // ё → е
    bool letter = (lower >= 0xC0 && lower <= 0x24F && lower != 0xD7 && lower != 0xF7) ||
                  (lower >= 0x370 && lower <= 0x3FF) || (lower >= 0x400 && lower <= 0x52F) ||
                  (lower >= 0x1E00 && lower <= 0x1EFF);
    Fold f{{0, 0, 0, 0}, 0, letter ? Cls::word : Cls::sep};
    std::string tmp;
    append_utf8(lower, tmp);
    for (char c : tmp) f.buf[f.len++] = c;
    return f;
}

constexpr std::string_view kStopLv[] = {
    "ar", "ari", "bet", "bija", "bus", "es", "gan", "ir", "ja", "jo", "ka", "kad", "kas", "ko",
    "kur", "lai", "lidz", "man", "mana", "mans", "ne", "nav", "no", "pa", "par", "pec", "pie",
    "ta", "tas", "tie", "to", "un", "uz", "vai",
};
constexpr std::string_view kStopEn[] = {
    "a", "about", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for",
    "from", "how", "i", "in", "is", "it", "me", "my", "of", "on", "or", "the", "to", "what",
    "when", "where", "which", "who", "with", "you", "your",
};

}  // namespace

bool valid_utf8(std::string_view s) {
    char32_t cp;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = decode(s, i, cp);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp) {
    if (i >= s.size()) return 0;
    return decode(s, i, cp);
}

std::string to_valid_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    char32_t cp;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = decode(s, i, cp);
        if (n == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD for one bad byte; the next byte is tried afresh
            ++i;
        } else {
            out.append(s, i, n);
            i += n;
        }
    }
    return out;
}

bool is_bidi_control(char32_t cp) { return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069); }

bool is_invisible(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0xAD || cp == 0x34F ||
           (cp >= 0x300 && cp <= 0x36F) ||                          // combining marks alone
           cp == 0x61C || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5 || cp == 0x180E ||
           (cp >= 0x2000 && cp <= 0x200F) ||                        // spaces, ZWSP, ZWNJ, ZWJ, LRM, RLM
           (cp >= 0x2028 && cp <= 0x202F) ||                        // separators, embeddings, NNBSP
           (cp >= 0x205F && cp <= 0x206F) ||                        // word joiner, invisible operators, isolates
           cp == 0x3000 || cp == 0x3164 || cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0xFE00 && cp <= 0xFE0F) ||
           (cp >= 0xE0000 && cp <= 0xE007F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}

bool is_letter(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    return fold_cp(cp).cls == Cls::word;
}

TypedProblem check_typed(std::string_view s, bool multiline) {
    if (!valid_utf8(s)) return TypedProblem::encoding;
    bool visible = false;
    char32_t cp;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = decode(s, i, cp);
        i += n;
        bool newline = cp == '\n' || cp == '\r' || cp == '\t';
        if ((cp < 0x20 && !(multiline && newline)) || (cp >= 0x7F && cp <= 0x9F)) return TypedProblem::control;
        if (!multiline && (cp == 0x2028 || cp == 0x2029)) return TypedProblem::control;
        if (is_bidi_control(cp)) return TypedProblem::bidi;
        if (!is_invisible(cp)) visible = true;
    }
    return s.empty() || visible ? TypedProblem::none : TypedProblem::invisible;
}

std::string fold(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {  // the common case, per keystroke: no decoding
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : static_cast<char>(c);
            ++i;
            continue;
        }
        char32_t cp;
        std::size_t n = decode(s, i, cp);
        if (n == 0) {
            ++i;
            continue;
        }
        Fold f = fold_cp(cp);
        out.append(f.buf, f.len);
        i += n;
    }
    return out;
}

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> out;
    Token cur;
    bool in_word = false;
    // A compound is a chain of words joined by single hyphens with nothing between.
    std::size_t chain_first = 0;  // index in `out` of the chain's first part
    std::size_t chain_parts = 0;
    bool after_hyphen = false;  // a word ended and exactly one hyphen followed it

    auto end_chain = [&] {
        if (chain_parts >= 2) {
            Token joined;
            joined.compound = true;
            joined.begin = out[chain_first].begin;
            joined.end = out.back().end;
            for (std::size_t k = chain_first; k < out.size(); ++k) {
                if (joined.text.size() + out[k].text.size() > kMaxTokenBytes) break;
                joined.text += out[k].text;
            }
            out.push_back(std::move(joined));
        }
        chain_parts = 0;
    };
    auto end_word = [&] {
        if (!in_word) return;
        out.push_back(std::move(cur));
        cur = Token{};
        in_word = false;
        ++chain_parts;
    };

    std::size_t i = 0;
    while (i < s.size()) {
        char32_t cp;
        std::size_t n = decode(s, i, cp);
        if (n == 0) {  // an invalid byte is dropped like in fold(): it neither adds nor splits
            ++i;
            if (in_word) cur.end = i;
            continue;
        }
        Fold f = fold_cp(cp);
        switch (f.cls) {
            case Cls::word:
                if (!in_word) {
                    if (!after_hyphen) {
                        end_chain();
                        chain_first = out.size();
                    }
                    after_hyphen = false;
                    in_word = true;
                    cur.begin = i;
                }
                if (cur.text.size() + f.len <= kMaxTokenBytes) cur.text.append(f.buf, f.len);
                cur.end = i + n;
                break;
            case Cls::drop:
                if (in_word) cur.end = i + n;
                break;
            case Cls::hyphen:
                if (in_word) {
                    end_word();
                    after_hyphen = true;
                } else {
                    after_hyphen = false;  // "--" or " -": not a compound
                }
                break;
            case Cls::sep:
                end_word();
                after_hyphen = false;
                break;
        }
        i += n;
    }
    end_word();
    end_chain();
    return out;
}

std::string stem(std::string_view folded, Lang lang) {
    return lang == Lang::lv ? stem_lv(folded) : stem_en(folded);
}

bool is_stopword(std::string_view folded, Lang lang) {
    if (lang == Lang::lv) return std::find(std::begin(kStopLv), std::end(kStopLv), folded) != std::end(kStopLv);
    return std::find(std::begin(kStopEn), std::end(kStopEn), folded) != std::end(kStopEn);
}

std::vector<std::string> terms(std::string_view utf8, Lang lang) {
    std::vector<std::string> out;
    for (auto& t : tokenize(utf8)) {
        if (is_stopword(t.text, lang)) continue;
        std::string s = stem(t.text, lang);
        bool is_prefix = t.text.compare(0, s.size(), s) == 0;
        out.push_back(std::move(s));
        if (!is_prefix) out.push_back(t.text);
    }
    return out;
}

void append_utf8(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

void append_escaped_html(std::string_view s, std::string& out) {
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
}

// Counts the bytes that do not continue a sequence: on ill-formed input a
// length limit stays a limit (validate() refuses the encoding separately).
std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c >> 6) != 2) ++n;
    return n;
}

std::string_view trim(std::string_view s) {
    auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    size_t b = 0, e = s.size();
    while (b < e && space(s[b])) ++b;
    while (e > b && space(s[e - 1])) --e;
    return s.substr(b, e - b);
}

std::string hhmm(int minute_of_day) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minute_of_day / 60, minute_of_day % 60);
    return buf;
}

namespace {

// stdio, not iostreams: this goes into the wasm download too, and stdio keeps errno
// for read_file_or_throw's reason.
std::optional<std::string> read_whole(const std::filesystem::path& file, int& error) {
    error = 0;
    std::FILE* f = std::fopen(file.string().c_str(), "rb");
    if (!f) {
        error = errno;
        return std::nullopt;
    }
    std::string out;
    char buf[65536];
    size_t n;
    errno = 0;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
    if (std::ferror(f)) error = errno ? errno : EIO;
    std::fclose(f);
    if (error) return std::nullopt;
    return out;
}

}  // namespace

std::optional<std::string> read_file(const std::filesystem::path& file) {
    int error = 0;
    return read_whole(file, error);
}

std::string read_file_or_throw(const std::filesystem::path& file) {
    int error = 0;
    auto bytes = read_whole(file, error);
    if (!bytes) throw std::runtime_error("cannot read " + file.string() + ": " + std::strerror(error));
    return std::move(*bytes);
}

std::optional<double> parse_number(std::string_view s) {
    if (s.empty() || s.size() > 64) return std::nullopt;
    if (s.size() > 1 && s[0] == '+' && s[1] != '-' && s[1] != '+') s.remove_prefix(1);  // as strtod takes it
    double out = 0;
#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L
    // Never the C locale's decimal mark: a tool run under lv_LV must still read "57.31".
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(out)) return std::nullopt;
#else
    // Emscripten's libc++ has no from_chars for double; the browser build never
    // calls setlocale, so strtod there is always "C".
    std::string copy(s);
    char* end = nullptr;
    errno = 0;
    out = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size() || errno == ERANGE || !std::isfinite(out)) return std::nullopt;
    if (std::isspace(static_cast<unsigned char>(copy.front()))) return std::nullopt;
#endif
    return out;
}

}  // namespace pietura::text
