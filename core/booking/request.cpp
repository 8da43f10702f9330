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

std::vector<FieldError> validate(Request& r) {
    std::vector<FieldError> errors;
    Lang lang = parse_lang(r.lang).value_or(Lang::lv);
    auto add = [&](const char* field, const char* code) { errors.push_back({field, code, field_message(code, lang)}); };
    // Every field first: ill-formed UTF-8 is refused and replaced, so nothing below
    // (nor a page or JSON that echoes the request) ever sees it.
    auto encoded = [&](std::string& v, const char* field) {
        v = std::string(text::trim(v));
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
