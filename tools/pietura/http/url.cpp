#include "url.hpp"

namespace pietura::http {

namespace {

int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Decodes into `out`; returns false at the first malformed escape when strict.
bool decode(std::string_view s, bool plus_is_space, bool strict, std::string& out) {
    out.clear();
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '%') {
            int hi = i + 1 < s.size() ? hex(s[i + 1]) : -1;
            int lo = i + 2 < s.size() ? hex(s[i + 2]) : -1;
            if (hi >= 0 && lo >= 0) {
                out += char(hi * 16 + lo);
                i += 2;
                continue;
            }
            if (strict) return false;
            out += c;
        } else if (c == '+' && plus_is_space) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return true;
}

}  // namespace

std::string decode_lenient(std::string_view s, bool plus_is_space) {
    std::string out;
    decode(s, plus_is_space, false, out);
    return out;
}

std::optional<std::string> decode_strict(std::string_view s, bool plus_is_space) {
    std::string out;
    if (!decode(s, plus_is_space, true, out)) return std::nullopt;
    return out;
}

void parse_query(std::string_view query, Params& into) {
    size_t pos = 0;
    while (pos <= query.size()) {
        size_t amp = query.find('&', pos);
        if (amp == std::string_view::npos) amp = query.size();
        std::string_view pair = query.substr(pos, amp - pos);
        if (!pair.empty()) {
            size_t eq = pair.find('=');
            std::string key = decode_lenient(pair.substr(0, eq), true);
            std::string value = eq == std::string_view::npos ? "" : decode_lenient(pair.substr(eq + 1), true);
            into.emplace(std::move(key), std::move(value));
        }
        pos = amp + 1;
    }
}

bool is_valid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    size_t n = s.size();
    for (size_t i = 0; i < n;) {
        unsigned c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t len;
        unsigned cp;
        if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF) len = 3, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07;
        else return false;  // continuation byte first, C0/C1 (always overlong) or F5..FF
        if (i + len > n) return false;
        for (size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

}  // namespace pietura::http
