#include "rating/rating.hpp"

#include <algorithm>

namespace pietura::rating {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }
bool separator(char c) { return c == ' ' || c == '-' || c == '(' || c == ')'; }
bool email_local(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || digit(c) || c == '.' || c == '_' || c == '%' ||
           c == '+' || c == '-';
}
bool email_domain(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || digit(c) || c == '.' || c == '-'; }

// Marks e-mail addresses: a local part, '@', and a domain with a dot.
void mark_emails(std::string_view s, std::vector<bool>& hide) {
    for (size_t at = s.find('@'); at != std::string_view::npos; at = s.find('@', at + 1)) {
        size_t a = at, b = at + 1;
        while (a > 0 && email_local(s[a - 1])) --a;
        while (b < s.size() && email_domain(s[b])) ++b;
        while (b > at + 1 && (s[b - 1] == '.' || s[b - 1] == '-')) --b;  // sentence punctuation
        std::string_view domain = s.substr(at + 1, b - at - 1);
        if (a == at || domain.find('.') == std::string_view::npos) continue;
        for (size_t k = a; k < b; ++k) hide[k] = true;
    }
}

// Marks digit runs of 7+ digits: phones (+371 29 123 456), personal codes
// (010190-12345, 32xxxx-xxxxx), and any other long number that could identify someone.
void mark_numbers(std::string_view s, std::vector<bool>& hide) {
    for (size_t i = 0; i < s.size();) {
        if (!digit(s[i])) {
            ++i;
            continue;
        }
        size_t start = i;
        while (start > 0 && (s[start - 1] == '+' || s[start - 1] == '(')) --start;
        size_t end = i, digits = 0, j = i;
        while (j < s.size() && digit(s[j])) {
            while (j < s.size() && digit(s[j])) {
                ++digits;
                ++j;
            }
            end = j;
            // Up to three separators ("), ", " - ") may stand between digit groups.
            size_t k = j;
            while (k < s.size() && k - j < 3 && separator(s[k])) ++k;
            if (k > j && k < s.size() && digit(s[k])) j = k;
        }
        if (digits >= 7)
            for (size_t k = start; k < end; ++k) hide[k] = true;
        i = end;
    }
}

std::string trim(std::string_view s) {
    size_t a = 0, b = s.size();
    while (a < b && (s[a] == ' ' || s[a] == '\n' || s[a] == '\r' || s[a] == '\t')) ++a;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\n' || s[b - 1] == '\r' || s[b - 1] == '\t')) --b;
    return std::string(s.substr(a, b - a));
}

}  // namespace

std::string mask(std::string_view text) {
    std::vector<bool> hide(text.size(), false);
    mark_emails(text, hide);
    mark_numbers(text, hide);
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (!hide[i]) {
            out += text[i];
            continue;
        }
        out += "***";
        while (i + 1 < text.size() && hide[i + 1]) ++i;
    }
    return out;
}

std::vector<booking::FieldError> validate(Rating& r) {
    std::vector<booking::FieldError> errors;
    Lang lang = parse_lang(r.lang).value_or(Lang::lv);
    auto add = [&](const char* field, const char* code) {
        errors.push_back({field, code, booking::field_message(code, lang)});
    };
    if (r.about != "service" && r.about != "contact-point" && r.about != "consultation") add("about", "choice");
    r.target = trim(r.target);
    if (r.target.empty()) add("target", "required");
    else if (r.target.size() > 80) add("target", "too_long");
    if (r.score < 1 || r.score > 5) add("score", "choice");
    r.comment = mask(trim(r.comment));
    if (booking::utf8_length(r.comment) > kMaxComment) add("comment", "too_long");
    if (!parse_lang(r.lang)) add("lang", "choice");
    return errors;
}

}  // namespace pietura::rating
