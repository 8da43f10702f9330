#include "site/collate.hpp"

#include <cstdint>

namespace pietura::site::collate {

namespace {

// A character reduced to what ordering needs: its base letter and a mark.
struct Folded {
    char base = 0;  // 'a'..'z', '0'..'9', or 0 for anything else
    int mark = 0;   // 0 none, 1 macron, 2 caron, 3 cedilla / comma below, 4 other accent
    bool upper = false;
};

enum Mark { none = 0, macron = 1, caron = 2, cedilla = 3, accent = 4 };

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
        char b = 0;
        if (l >= 0xE0 && l <= 0xE5) b = 'a';
        else if (l == 0xE7) b = 'c';
        else if (l >= 0xE8 && l <= 0xEB) b = 'e';
        else if (l >= 0xEC && l <= 0xEF) b = 'i';
        else if (l == 0xF1) b = 'n';
        else if ((l >= 0xF2 && l <= 0xF6) || l == 0xF8) b = 'o';
        else if (l >= 0xF9 && l <= 0xFC) b = 'u';
        else if (l == 0xFD || l == 0xFF) b = 'y';
        if (b) return {b, accent, upper};
    }
    return {};
}

// The letters of the Latvian alphabet that are letters of their own.
bool separate_letter(Lang lang, const Folded& f) {
    if (lang != Lang::lv) return false;
    if (f.mark == caron) return f.base == 'c' || f.base == 's' || f.base == 'z';
    if (f.mark == cedilla) return f.base == 'g' || f.base == 'k' || f.base == 'l' || f.base == 'n';
    return false;
}

// Digits first, then letters; a separate letter right after its base letter.
int primary(Lang lang, const Folded& f) {
    if (f.base >= '0' && f.base <= '9') return 10 + (f.base - '0');
    return 100 + (f.base - 'a') * 2 + (separate_letter(lang, f) ? 1 : 0);
}

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
    // Three levels, like a real collation: letters, then accents, then case and
    // everything else, so "Ārsts" and "arsts" sit together but in a fixed order.
    std::vector<int> letters, marks, rest;
    for (char32_t cp : decode(text)) {
        Folded f = fold(cp);
        if (f.base) {
            letters.push_back(primary(lang, f));
            marks.push_back(f.mark);
            rest.push_back(f.upper ? 1 : 0);
        } else if (cp > 0x7F) {
            // Letters of other scripts: after the Latin ones, in code point order.
            letters.push_back(1000 + static_cast<int>(cp));
        } else {
            // Spaces and punctuation only break ties, so "E-paraksts" sorts as "Eparaksts".
            rest.push_back(2 + static_cast<int>(cp));
        }
    }
    std::vector<int> key = std::move(letters);
    key.push_back(0);
    key.insert(key.end(), marks.begin(), marks.end());
    key.push_back(0);
    key.insert(key.end(), rest.begin(), rest.end());
    return key;
}

Letter first_letter(Lang lang, std::string_view text) {
    for (char32_t cp : decode(text)) {
        Folded f = fold(cp);
        if (!f.base) {
            // Leading quotes and punctuation («, “, –) do not count; a letter of
            // another script puts the title under "#".
            bool punctuation = cp <= 0xBF || (cp >= 0x2000 && cp <= 0x206F);
            if (punctuation) continue;
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
