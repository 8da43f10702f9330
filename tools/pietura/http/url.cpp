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


}  // namespace pietura::http
