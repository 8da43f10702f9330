// Booking requests: only what is needed, checked the same way in the browser and the server.
//
// Free text (the name, the note, the accessibility needs) is typed on shared
// library PCs and ends up in an institution's spreadsheet, so it is checked before
// anything else reads it: bytes that are not UTF-8 are an "encoding" error (and are
// replaced, so that the form can be shown again safely); control characters, bidi
// overrides/isolates and texts made only of invisible characters are refused with
// a message saying so.
//
// Notes and accessibility needs get the comments' masking (rating::mask): a phone
// number or an e-mail in them becomes "***" — the citizen gave both in their own
// fields, so nothing is lost and the free text never carries a second copy. A
// personal code is different: the consultation never needs one, masking it would
// silently change what the citizen wrote about themselves, and they may not notice
// it was there at all (pasted from a document). So a note holding one is refused
// with a field error that tells them to delete it — nothing is stored until they do.
#include <cstdio>

#include "booking/booking.hpp"
#include "rating/rating.hpp"
#include "text/text.hpp"

namespace pietura::booking {

namespace {

std::string trim(std::string_view s) {
    size_t a = 0, b = s.size();
    while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r' || s[a] == '\n')) ++a;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r' || s[b - 1] == '\n')) --b;
    return std::string(s.substr(a, b - a));
}

const char* problem_code(text::TypedProblem p) {
    switch (p) {
        case text::TypedProblem::encoding: return "encoding";
        case text::TypedProblem::control: return "text";
        case text::TypedProblem::bidi: return "bidi";
        case text::TypedProblem::invisible: return "invisible";
        case text::TypedProblem::none: break;
    }
    return nullptr;
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
    // Letters with diacritics may stand in the local part (RFC 6531); bytes that
    // are not UTF-8, control, bidi and invisible characters may not.
    if (text::check_typed(local, false) != text::TypedProblem::none) return false;
    char32_t cp;
    for (size_t i = 0; i < local.size();) {
        size_t n = text::decode_utf8(local, i, cp);
        if (text::is_invisible(cp)) return false;
        i += n;
    }
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
    if (code == "encoding")
        return lv ? "Tekstā ir bojātas rakstzīmes (nav derīgs UTF-8). Izdzēsiet to un ierakstiet vēlreiz."
                  : "The text holds damaged characters (not valid UTF-8). Delete it and type it again.";
    if (code == "bidi")
        return lv ? "Tekstā ir neredzamas rakstzīmes, kas maina teksta virzienu. Izdzēsiet tās un ierakstiet tekstu vēlreiz."
                  : "The text holds invisible characters that change its direction. Delete them and type the text again.";
    if (code == "invisible")
        return lv ? "Šeit ir tikai neredzamas rakstzīmes vai atstarpes. Ierakstiet tekstu ar burtiem."
                  : "This holds only invisible characters or spaces. Type the text in letters.";
    if (code == "personal_code")
        return lv ? "Neierakstiet personas kodu: konsultācijai tas nav vajadzīgs. Izdzēsiet to no teksta."
                  : "Do not write a personal code: the consultation does not need it. Delete it from the text.";
    if (code == "slot") return lv ? "Šis laiks nav pieejams. Izvēlieties citu." : "This time is not available. Choose another.";
    return code;
}

std::vector<FieldError> validate(Request& r) {
    std::vector<FieldError> errors;
    Lang lang = parse_lang(r.lang).value_or(Lang::lv);
    auto add = [&](const char* field, const char* code) { errors.push_back({field, code, field_message(code, lang)}); };
    // Every field first: ill-formed UTF-8 is refused and replaced, so nothing below
    // (nor a page or JSON that echoes the request) ever sees it.
    auto encoded = [&](std::string& v, const char* field) {
        v = trim(v);
        if (text::valid_utf8(v)) return true;
        v = text::to_valid_utf8(v);
        add(field, "encoding");
        return false;
    };
    auto free_text = [&](std::string& v, const char* field, std::size_t max, bool required, bool multiline) {
        if (!encoded(v, field)) return;
        if (v.empty()) {
            if (required) add(field, "required");
            return;
        }
        if (auto code = problem_code(text::check_typed(v, multiline))) add(field, code);
        else if (multiline && rating::has_personal_code(v)) add(field, "personal_code");
        else {
            if (multiline) v = rating::mask(v);
            if (utf8_length(v) > max) add(field, "too_long");
        }
    };
    auto id = [&](std::string& v, const char* field) {
        if (encoded(v, field) && v.empty()) add(field, "required");
    };
    id(r.institution, "institution");
    id(r.topic, "topic");
    id(r.contact_point, "contact_point");
    if (r.start <= 0) add("start", "required");
    else if (!hours::in_range(r.start)) add("start", "slot");  // also keeps start + length from overflowing
    free_text(r.name, "name", kMaxName, true, false);
    free_text(r.note, "note", kMaxNote, false, true);
    free_text(r.accessibility, "accessibility", kMaxNote, false, true);
    bool phone_ok = encoded(r.phone, "phone"), email_ok = encoded(r.email, "email");
    if (r.phone.empty() && r.email.empty()) add("phone", "contact");
    if (phone_ok && !r.phone.empty()) {
        if (auto p = normalize_phone(r.phone)) r.phone = *p;
        else add("phone", "phone");
    }
    if (email_ok && !r.email.empty() && !valid_email(r.email)) add("email", "email");
    if (!encoded(r.lang, "lang")) {
    } else if (!parse_lang(r.lang)) add("lang", "choice");
    return errors;
}

}  // namespace pietura::booking
