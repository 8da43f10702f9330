#include "site/collate.hpp"

#include <cstdint>

namespace pietura::site::collate {

namespace {

// A character reduced to what ordering needs: its base letter and a mark.
struct Folded {
    char base = 0;  // 'a'..'z', '0'..'9', or 0 for anything else
    int mark = 0;   // 0 none, 1 macron, 2 caron, 3 cedilla / comma below, 4 other accent
    bool upper = false;
    int accent_order = 0;  // for mark == accent: which one (secondary(), below)
};

enum Mark { none = 0, macron = 1, caron = 2, cedilla = 3, accent = 4 };

// Marks rank as in the Unicode Collation Algorithm's default table (what ICU uses):
// acute, grave, circumflex, caron, ring, diaeresis, tilde, cedilla, macron, stroke.
// Latvian's y ranks as an i with a mark of its own, after ī (as ICU's lv has it).
enum Accent { acute = 1, grave, circumflex, ring = 5, diaeresis, tilde, y_as_i = 10, stroke };
int secondary(const Folded& f) {
    switch (f.mark) {
        case none: return 0;
        case caron: return 4;
        case cedilla: return 8;
        case macron: return 9;
        default: return f.accent_order;
    }
}

Folded fold(char32_t cp) {
    if (cp >= 'a' && cp <= 'z') return {static_cast<char>(cp), none, false};
    if (cp >= 'A' && cp <= 'Z') return {static_cast<char>(cp - 'A' + 'a'), none, true};
    if (cp >= '0' && cp <= '9') return {static_cast<char>(cp), none, false};
    switch (cp) {  // Latvian letters (and Latgalian ō, old ŗ), lower and upper case
    case 0x0101: return {'a', macron, false};
    case 0x0100: return {'a', macron, true};
    case 0x010D: return {'c', caron, false};
    case 0x010C: return {'c', caron, true};
    case 0x0113: return {'e', macron, false};
    case 0x0112: return {'e', macron, true};
    case 0x0123: return {'g', cedilla, false};
    case 0x0122: return {'g', cedilla, true};
    case 0x012B: return {'i', macron, false};
    case 0x012A: return {'i', macron, true};
    case 0x0137: return {'k', cedilla, false};
    case 0x0136: return {'k', cedilla, true};
    case 0x013C: return {'l', cedilla, false};
    case 0x013B: return {'l', cedilla, true};
    case 0x0146: return {'n', cedilla, false};
    case 0x0145: return {'n', cedilla, true};
    case 0x014D: return {'o', macron, false};
    case 0x014C: return {'o', macron, true};
    case 0x0157: return {'r', cedilla, false};
    case 0x0156: return {'r', cedilla, true};
    case 0x0161: return {'s', caron, false};
    case 0x0160: return {'s', caron, true};
    case 0x016B: return {'u', macron, false};
    case 0x016A: return {'u', macron, true};
    case 0x017E: return {'z', caron, false};
    case 0x017D: return {'z', caron, true};
    }
    if (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7) {  // Latin-1 accented letters
        bool upper = cp < 0xE0;
        char32_t l = upper ? cp + 0x20 : cp;
        // à á â ã ä å æ ç è é ê ë ì í î ï ð ñ ò ó ô õ ö ÷ ø ù ú û ü ý þ ÿ
        static const char base[] = "aaaaaa\0ceeeeiiii\0nooooo\0ouuuuy\0y";
        static const int mark[] = {grave, acute, circumflex, tilde, diaeresis, ring, 0, 0, grave, acute, circumflex,
                                   diaeresis, grave, acute, circumflex, diaeresis, 0, tilde, grave, acute, circumflex,
                                   tilde, diaeresis, 0, stroke, grave, acute, circumflex, diaeresis, acute, 0, diaeresis};
        char b = base[l - 0xE0];
        if (l == 0xE7) return {'c', cedilla, upper};
        if (b) return {b, accent, upper, mark[l - 0xE0]};
    }
    return {};
}

// The letters of the Latvian alphabet that are letters of their own (with the old
// ŗ, as ICU's lv collation has it).
bool separate_letter(Lang lang, const Folded& f) {
    if (lang != Lang::lv) return false;
    if (f.mark == caron) return f.base == 'c' || f.base == 's' || f.base == 'z';
    if (f.mark == cedilla) return f.base == 'g' || f.base == 'k' || f.base == 'l' || f.base == 'n' || f.base == 'r';
    return false;
}

// Digits first, then letters; a separate letter right after its base letter.
int primary(Lang lang, const Folded& f) {
    if (f.base >= '0' && f.base <= '9') return 10 + (f.base - '0');
    return 100 + (f.base - 'a') * 2 + (separate_letter(lang, f) ? 1 : 0);
}

// Latvian has no y: in foreign words it sorts as an i with a mark (the old spelling's
// y was a long i), as ICU's lv collation has it. Only for sorting: the A–Z index still
// files "Y…" under a Y of its own (first_letter), where a reader looks for it.
Folded for_sorting(Lang lang, Folded f) {
    if (lang == Lang::lv && f.base == 'y') {
        f.base = 'i';
        if (f.mark == none) f = {'i', accent, f.upper, y_as_i};
    }
    return f;
}

// Spaces, punctuation, dashes and quotes (ASCII, Latin-1's and General Punctuation's):
// ignored until everything else ties.
bool punctuation(char32_t cp) { return cp <= 0xBF || (cp >= 0x2000 && cp <= 0x206F); }

std::vector<char32_t> decode(std::string_view s) {
    std::vector<char32_t> out;
    for (size_t i = 0; i < s.size();) {
        auto b = static_cast<unsigned char>(s[i]);
        int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + len > s.size()) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        char32_t cp = len == 1 ? b : b & (0x7F >> len);
        for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(cp);
        i += len;
    }
    return out;
}

std::string encode(char32_t cp) {
    std::string out;
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
}

}  // namespace

std::vector<int> sort_key(Lang lang, std::string_view text) {
    // Four levels, like ICU's with alternate=shifted: letters, then accents, then
    // case, then where spaces and punctuation stand, so "Ārsts" and "arsts" sit
    // together but in a fixed order and "E-paraksts" sorts as "Eparaksts".
    constexpr int kNotPunctuation = 1 << 30;  // a letter outranks punctuation at the last level
    std::vector<int> letters, marks, cases, punct;
    for (char32_t cp : decode(text)) {
        Folded f = for_sorting(lang, fold(cp));
        if (f.base) {
            letters.push_back(primary(lang, f));
            marks.push_back(secondary(f));
            cases.push_back(f.upper ? 1 : 0);
            punct.push_back(kNotPunctuation);
        } else if (punctuation(cp)) {
            punct.push_back(1 + static_cast<int>(cp));
        } else {
            // Letters of other scripts: after the Latin ones, in code point order.
            letters.push_back(1000 + static_cast<int>(cp));
            punct.push_back(kNotPunctuation);
        }
    }
    std::vector<int> key = std::move(letters);
    for (auto* level : {&marks, &cases, &punct}) {
        key.push_back(0);
        key.insert(key.end(), level->begin(), level->end());
    }
    return key;
}

Letter first_letter(Lang lang, std::string_view text) {
    for (char32_t cp : decode(text)) {
        Folded f = fold(cp);
        if (!f.base) {
            // Leading quotes and punctuation («, “, –) do not count; a letter of
            // another script puts the title under "#".
            if (punctuation(cp)) continue;
            break;
        }
        if (f.base >= '0' && f.base <= '9') return {1, "0–9", "az-0-9"};
        Letter l;
        l.order = primary(lang, f);
        if (separate_letter(lang, f)) {
            // Each lower-case separate letter sits right after its capital.
            char32_t upper = f.upper ? cp : cp - 1;
            l.label = encode(upper);
            static const char* suffix[] = {"", "", "h", "j"};  // č → ch, ģ → gj
            l.anchor = std::string("az-") + f.base + suffix[f.mark];
        } else {
            l.label = std::string(1, static_cast<char>(f.base - 'a' + 'A'));
            l.anchor = std::string("az-") + f.base;
        }
        return l;
    }
    return {100000, "#", "az-other"};
}

}  // namespace pietura::site::collate
