// Booking requests: only what is needed, checked the same way in the browser and the server.
#include <cstdio>

#include "booking/booking.hpp"

namespace pietura::booking {

namespace {

std::string trim(std::string_view s) {
    size_t a = 0, b = s.size();
    while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r' || s[a] == '\n')) ++a;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r' || s[b - 1] == '\n')) --b;
    return std::string(s.substr(a, b - a));
}

bool has_control(std::string_view s, bool allow_newlines) {
    for (unsigned char c : s)
        if ((c < 0x20 && !(allow_newlines && (c == '\n' || c == '\r' || c == '\t'))) || c == 0x7f) return true;
    return false;
}

bool valid_utf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        unsigned char c = s[i];
        size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
        i += n;
    }
    return true;
}

}  // namespace

std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c >> 6) != 2) ++n;
    return n;
}

std::optional<std::string> normalize_phone(std::string_view text) {
    std::string digits;
    bool plus = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c >= '0' && c <= '9') digits += c;
        else if (c == '+' && digits.empty() && !plus) plus = true;
        else if (c == ' ' || c == '-' || c == '(' || c == ')' || c == '.') continue;
        else return std::nullopt;
    }
    if (plus) {
        if (digits.rfind("371", 0) != 0) return std::nullopt;
        digits.erase(0, 3);
    } else if (digits.size() == 13 && digits.rfind("00371", 0) == 0) {
        digits.erase(0, 5);
    } else if (digits.size() == 11 && digits.rfind("371", 0) == 0) {
        digits.erase(0, 3);
    }
    if (digits.size() != 8) return std::nullopt;
    char first = digits[0];
    if (first != '2' && first != '6' && first != '8' && first != '9') return std::nullopt;
    return "+371" + digits;
}

bool valid_email(std::string_view e) {
    if (e.size() < 6 || e.size() > kMaxEmail) return false;
    auto at = e.find('@');
    if (at == std::string_view::npos || at == 0 || e.find('@', at + 1) != std::string_view::npos) return false;
    std::string_view local = e.substr(0, at), domain = e.substr(at + 1);
    if (local.size() > 64) return false;
    for (char c : local)
        if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == ',' || c == ';' || c == '\\' || c == 0x7f) return false;
    auto dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || domain.size() - dot - 1 < 2) return false;
    for (size_t i = 0; i < domain.size(); ++i) {
        char c = domain[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
        if (!ok || (c == '.' && (i == 0 || domain[i - 1] == '.'))) return false;
    }
    for (size_t i = dot + 1; i < domain.size(); ++i)
        if (!((domain[i] >= 'a' && domain[i] <= 'z') || (domain[i] >= 'A' && domain[i] <= 'Z'))) return false;
    return true;
}

std::string field_message(const std::string& code, Lang lang) {
    bool lv = lang == Lang::lv;
    if (code == "required") return lv ? "Aizpildiet šo lauku." : "Fill in this field.";
    if (code == "too_long") return lv ? "Teksts ir par garu." : "The text is too long.";
    if (code == "phone")
        return lv ? "Ierakstiet Latvijas tālruņa numuru: +371 un 8 cipari, piemēram, +371 29 123 456."
                  : "Enter a Latvian phone number: +371 and 8 digits, for example +371 29 123 456.";
    if (code == "email")
        return lv ? "Ierakstiet e-pasta adresi, piemēram, vards@example.lv." : "Enter an e-mail address, like name@example.lv.";
    if (code == "contact")
        return lv ? "Ierakstiet tālruni vai e-pastu, lai mēs varētu sazināties." : "Enter a phone number or an e-mail so we can reach you.";
    if (code == "choice") return lv ? "Izvēlieties vienu no piedāvātajām iespējām." : "Choose one of the options offered.";
    if (code == "text") return lv ? "Tekstā ir neatļautas rakstzīmes." : "The text holds characters that are not allowed.";
    if (code == "slot") return lv ? "Šis laiks nav pieejams. Izvēlieties citu." : "This time is not available. Choose another.";
    return code;
}

std::vector<FieldError> validate(Request& r) {
    std::vector<FieldError> errors;
    Lang lang = parse_lang(r.lang).value_or(Lang::lv);
    auto add = [&](const char* field, const char* code) { errors.push_back({field, code, field_message(code, lang)}); };
    auto text = [&](std::string& v, const char* field, std::size_t max, bool required, bool multiline) {
        v = trim(v);
        if (v.empty()) {
            if (required) add(field, "required");
            return;
        }
        if (!valid_utf8(v) || has_control(v, multiline)) add(field, "text");
        else if (utf8_length(v) > max) add(field, "too_long");
    };
    for (auto* id : {&r.institution, &r.topic, &r.contact_point}) *id = trim(*id);
    if (r.institution.empty()) add("institution", "required");
    if (r.topic.empty()) add("topic", "required");
    if (r.contact_point.empty()) add("contact_point", "required");
    if (r.start <= 0) add("start", "required");
    text(r.name, "name", kMaxName, true, false);
    text(r.note, "note", kMaxNote, false, true);
    text(r.accessibility, "accessibility", kMaxNote, false, true);
    r.phone = trim(r.phone);
    r.email = trim(r.email);
    if (r.phone.empty() && r.email.empty()) add("phone", "contact");
    if (!r.phone.empty()) {
        if (auto p = normalize_phone(r.phone)) r.phone = *p;
        else add("phone", "phone");
    }
    if (!r.email.empty() && !valid_email(r.email)) add("email", "email");
    if (!parse_lang(r.lang)) add("lang", "choice");
    return errors;
}

}  // namespace pietura::booking
