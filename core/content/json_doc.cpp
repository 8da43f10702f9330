#include "content/json_doc.hpp"

#include "text/text.hpp"

#include <cstdlib>
#include <stdexcept>

namespace pietura::content {

namespace {

// Deep nesting is never legitimate content; refuse it rather than overflow the stack.
constexpr int kMaxDepth = 64;

struct Failure {
    Pos pos;
    std::string message;
};

class Parser {
public:
    Parser(std::string_view text, JsonDoc& doc) : s_(text), doc_(doc) {}

    void run() {
        if (s_.size() >= 3 && s_.substr(0, 3) == "\xEF\xBB\xBF") advance(3);  // UTF-8 BOM
        skip_ws();
        doc_.value = value("", 0);
        skip_ws();
        if (i_ < s_.size()) fail("unexpected text after the end of the JSON value");
    }

private:
    std::string_view s_;
    JsonDoc& doc_;
    size_t i_ = 0;
    Pos pos_;

    [[noreturn]] void fail(const std::string& msg) { throw Failure{pos_, msg}; }

    void advance(size_t n = 1) {
        for (size_t k = 0; k < n && i_ < s_.size(); ++k) {
            unsigned char c = static_cast<unsigned char>(s_[i_++]);
            if (c == '\n') {
                ++pos_.line;
                pos_.column = 1;
            } else if ((c & 0xC0) != 0x80) {
                ++pos_.column;  // count UTF-8 lead bytes only: columns are characters
            }
        }
    }

    char peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }

    void skip_ws() {
        while (i_ < s_.size()) {
            char c = s_[i_];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                advance();
            else
                break;
        }
    }

    void expect(char c, const char* what) {
        if (peek() != c) fail(std::string("expected ") + what);
        advance();
    }

    nlohmann::json value(const std::string& ptr, int depth) {
        if (depth > kMaxDepth) fail("nesting deeper than 64 levels");
        doc_.positions[ptr] = pos_;
        char c = peek();
        if (c == '{') return object(ptr, depth);
        if (c == '[') return array(ptr, depth);
        if (c == '"') return nlohmann::json(string());
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        if (literal("true")) return true;
        if (literal("false")) return false;
        if (literal("null")) return nullptr;
        if (i_ >= s_.size()) fail("unexpected end of file, expected a value");
        fail("expected a value (string, number, object, array, true, false or null)");
    }

    bool literal(std::string_view word) {
        if (s_.substr(i_, word.size()) != word) return false;
        advance(word.size());
        return true;
    }

    nlohmann::json object(const std::string& ptr, int depth) {
        advance();  // '{'
        nlohmann::json obj = nlohmann::json::object();
        skip_ws();
        if (peek() == '}') {
            advance();
            return obj;
        }
        for (;;) {
            skip_ws();
            if (peek() != '"') fail(peek() == '}' ? "trailing comma before '}'" : "expected a field name in double quotes");
            Pos key_pos = pos_;
            std::string key = string();
            if (obj.contains(key)) throw Failure{key_pos, "duplicate field \"" + key + "\""};
            skip_ws();
            expect(':', "':' after the field name");
            skip_ws();
            obj[key] = value(ptr + "/" + pointer_token(key), depth + 1);
            skip_ws();
            if (peek() == ',') {
                advance();
                continue;
            }
            if (peek() == '}') {
                advance();
                return obj;
            }
            fail("expected ',' or '}' after a field");
        }
    }

    nlohmann::json array(const std::string& ptr, int depth) {
        advance();  // '['
        nlohmann::json arr = nlohmann::json::array();
        skip_ws();
        if (peek() == ']') {
            advance();
            return arr;
        }
        for (;;) {
            skip_ws();
            if (peek() == ']') fail("trailing comma before ']'");
            arr.push_back(value(ptr + "/" + std::to_string(arr.size()), depth + 1));
            skip_ws();
            if (peek() == ',') {
                advance();
                continue;
            }
            if (peek() == ']') {
                advance();
                return arr;
            }
            fail("expected ',' or ']' after an array element");
        }
    }

    unsigned hex4() {
        unsigned v = 0;
        for (int k = 0; k < 4; ++k) {
            char c = peek();
            v <<= 4;
            if (c >= '0' && c <= '9') v |= unsigned(c - '0');
            else if (c >= 'a' && c <= 'f') v |= unsigned(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') v |= unsigned(c - 'A' + 10);
            else fail("expected four hex digits after \\u");
            advance();
        }
        return v;
    }

    // Checks one UTF-8 sequence starting at i_ and copies it; content must be valid
    // UTF-8 because it ends up in HTML and in the search index.
    void utf8_char(std::string& out) {
        unsigned char c = static_cast<unsigned char>(s_[i_]);
        size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i_ + n > s_.size()) fail("invalid UTF-8 byte in text");
        for (size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s_[i_ + k]) & 0xC0) != 0x80) fail("invalid UTF-8 sequence in text");
        out.append(s_.substr(i_, n));
        advance(n);
    }

    std::string string() {
        advance();  // opening quote
        std::string out;
        for (;;) {
            if (i_ >= s_.size()) fail("unterminated string (missing closing \")");
            char c = s_[i_];
            if (c == '"') {
                advance();
                return out;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                fail(c == '\n' ? "line break inside a string (write \\n)" : "control character inside a string");
            if (c != '\\') {
                utf8_char(out);
                continue;
            }
            advance();
            char e = peek();
            advance();
            switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    unsigned cp = hex4();
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        if (!literal("\\u")) fail("unpaired surrogate in \\u escape");
                        unsigned lo = hex4();
                        if (lo < 0xDC00 || lo > 0xDFFF) fail("invalid low surrogate in \\u escape");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        fail("unpaired surrogate in \\u escape");
                    }
                    text::append_utf8(cp, out);
                    break;
                }
                default: fail("unknown escape sequence in string");
            }
        }
    }

    nlohmann::json number() {
        size_t start = i_;
        bool integral = true;
        if (peek() == '-') advance();
        if (peek() == '0') {
            advance();
        } else if (peek() >= '1' && peek() <= '9') {
            while (peek() >= '0' && peek() <= '9') advance();
        } else {
            fail("invalid number");
        }
        if (peek() == '.') {
            integral = false;
            advance();
            if (!(peek() >= '0' && peek() <= '9')) fail("expected digits after the decimal point");
            while (peek() >= '0' && peek() <= '9') advance();
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            advance();
            if (peek() == '+' || peek() == '-') advance();
            if (!(peek() >= '0' && peek() <= '9')) fail("expected digits in the exponent");
            while (peek() >= '0' && peek() <= '9') advance();
        }
        std::string_view digits = s_.substr(start, i_ - start);
        // Integers stay exact (an id or a count must not become 1e17-ish); digits only, so
        // no locale can change them.
        if (integral && digits.size() < 18) return std::stoll(std::string(digits));
        // JSON's decimal mark is "." whatever the machine's locale: strtod under
        // LC_NUMERIC=lv_LV would stop at the point of "57.31" and read 57.
        auto number = text::parse_number(digits);
        if (!number) fail("number too long or too large for a double");
        return *number;
    }
};

}  // namespace

std::string pointer_token(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

Pos JsonDoc::where(const std::string& pointer) const {
    std::string p = pointer;
    for (;;) {
        auto it = positions.find(p);
        if (it != positions.end()) return it->second;
        auto slash = p.rfind('/');
        if (slash == std::string::npos) return Pos{};
        p.resize(slash);
    }
}

std::optional<JsonDoc> parse_json(std::string_view text, JsonError* err) {
    JsonDoc doc;
    try {
        Parser(text, doc).run();
    } catch (const Failure& f) {
        if (err) *err = JsonError{f.pos, f.message};
        return std::nullopt;
    }
    return doc;
}

}  // namespace pietura::content
