#include "rating/rating.hpp"

#include <algorithm>

#include "text/text.hpp"

namespace pietura::rating {

namespace {

// The text as code points with their byte spans, so that Latvian letters, dashes
// and no-break spaces are seen as the characters they are. An ill-formed byte is
// one U+FFFD of length 1: masking never throws and never drops text.
struct Cp {
    char32_t cp;
    std::size_t at, len;
};

std::vector<Cp> code_points(std::string_view s) {
    std::vector<Cp> out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0xFFFD;
        std::size_t n = text::decode_utf8(s, i, cp);
        if (n == 0) {
            cp = 0xFFFD;
            n = 1;
        }
        out.push_back({cp, i, n});
        i += n;
    }
    return out;
}

bool digit(char32_t c) { return c >= '0' && c <= '9'; }

// What may stand between the digit groups of one phone number or personal code:
// spaces (also no-break and thin ones), brackets, and every kind of dash people
// type or their keyboard substitutes ("010190–12345" after autocorrect).
bool soft_separator(char32_t c) {
    return c == ' ' || c == '-' || c == '(' || c == ')' || c == 0xA0 || c == 0x2009 || c == 0x202F ||
           (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

// Separators inside one written number: "29.123.456", "29/123/456", but also
// dates "24.12.2026", times "8.30" and amounts "4,27" — told apart below.
bool dot_separator(char32_t c) { return c == '.' || c == '/' || c == ','; }

bool email_local(char32_t c) {
    return (c < 0x80 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || digit(c) || c == '.' || c == '_' ||
                         c == '%' || c == '+' || c == '-')) ||
           (c >= 0x80 && text::is_letter(c));
}
bool email_domain(char32_t c) {
    return (c < 0x80 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || digit(c) || c == '.' || c == '-')) ||
           (c >= 0x80 && text::is_letter(c));
}

enum class Kind { email, number, personal_code };

struct Span {
    std::size_t from, to;  // code-point indexes, [from, to)
    Kind kind;
};

// E-mail addresses: a local part, '@', and a domain with a dot; letters with
// diacritics count on both sides ("jānis.bērziņš@inbox.lv", "info@rīga.lv").
void find_emails(const std::vector<Cp>& s, std::vector<Span>& out) {
    for (std::size_t at = 0; at < s.size(); ++at) {
        if (s[at].cp != '@') continue;
        std::size_t a = at, b = at + 1;
        while (a > 0 && email_local(s[a - 1].cp)) --a;
        while (b < s.size() && email_domain(s[b].cp)) ++b;
        while (b > at + 1 && (s[b - 1].cp == '.' || s[b - 1].cp == '-')) --b;  // sentence punctuation
        bool dot = false;
        for (std::size_t k = at + 1; k < b; ++k) dot = dot || s[k].cp == '.';
        if (a == at || !dot) continue;
        out.push_back({a, b, Kind::email});
    }
}

// One written number: digit groups joined by one kind of dot separator.
struct Token {
    std::size_t from, to;
    std::vector<int> groups;  // digits per group
    std::string digits;
    bool joinable = true;  // may be part of a longer spaced/dashed number
};

int value(const std::string& d, std::size_t from, std::size_t n) { return std::stoi(d.substr(from, n)); }

bool day_month(int d, int m) { return d >= 1 && d <= 31 && m >= 1 && m <= 12; }
bool year(int y) { return y >= 1900 && y <= 2099; }

// 24.12.2026, 24/12/26, 2026-12-24, 24-12-2026: a date, which is not personal.
bool is_date(const Token& t, char32_t sep) {
    const auto& g = t.groups;
    if (g.size() != 3) return false;
    if ((g[0] == 1 || g[0] == 2) && (g[1] == 1 || g[1] == 2) && (g[2] == 4 || (g[2] == 2 && sep != '-')))
        return day_month(value(t.digits, 0, g[0]), value(t.digits, g[0], g[1])) &&
               (g[2] == 2 || year(value(t.digits, g[0] + g[1], 4)));
    if (g[0] == 4 && (g[1] == 1 || g[1] == 2) && (g[2] == 1 || g[2] == 2))
        return year(value(t.digits, 0, 4)) && day_month(value(t.digits, 4 + g[1], g[2]), value(t.digits, 4, g[1]));
    return false;
}

// Reads the number that starts at s[i] (a digit). `sep` limits the separators
// tried: a dash only counts inside a number when it makes a date.
Token read_token(const std::vector<Cp>& s, std::size_t i, bool dash_dates) {
    Token t{i, i, {}, {}, true};
    char32_t sep = 0;
    std::size_t j = i;
    for (;;) {
        std::size_t start = j;
        while (j < s.size() && digit(s[j].cp)) t.digits += char(s[j++].cp);
        t.groups.push_back(int(j - start));
        t.to = j;
        if (j + 1 >= s.size() || !digit(s[j + 1].cp)) break;
        char32_t c = s[j].cp;
        bool ok = dash_dates ? c == '-' : dot_separator(c);
        if (!ok || (sep && c != sep) || t.groups.size() >= 4) break;
        sep = c;
        ++j;
    }
    if (dash_dates) {
        t.joinable = !is_date(t, '-');
        return t;
    }
    if (t.groups.size() == 1) return t;
    // A date, a time (8.30) or an amount (4,27) never joins its neighbours; a
    // dotted phone (29.123.456) does, after a +371 for instance.
    t.joinable = !is_date(t, sep) && t.groups.size() >= 3;
    return t;
}

// An old personal code DDMMYY-NNNNN (a real day and month) or a new one 32NNNN-NNNNN,
// written whole or as 6 + 5 digits.
bool personal_code(const std::vector<int>& groups, const std::string& digits) {
    if (digits.size() != 11) return false;
    if (!(groups.size() == 1 || (groups.size() == 2 && groups[0] == 6))) return false;
    if (digits.rfind("32", 0) == 0) return true;
    return day_month(value(digits, 0, 2), value(digits, 2, 2));
}

// Numbers of 7 or more digits (spaces, dashes and brackets may separate their
// groups; a leading + or "(" belongs to them): phones, personal codes, account
// numbers — anything long enough to identify someone. Dates, times, amounts, years
// and year ranges (2025–2026) are left alone.
void find_numbers(const std::vector<Cp>& s, std::vector<Span>& out) {
    std::vector<Token> tokens;
    for (std::size_t i = 0; i < s.size();) {
        if (!digit(s[i].cp) || (i > 0 && digit(s[i - 1].cp))) {
            ++i;
            continue;
        }
        Token dashed = read_token(s, i, true);
        Token t = !dashed.joinable ? dashed : read_token(s, i, false);
        tokens.push_back(t);
        i = t.to;
    }
    auto close = [&](std::size_t first, std::size_t last) {  // tokens [first, last]
        std::vector<int> groups;
        std::string digits;
        for (std::size_t k = first; k <= last; ++k) {
            groups.insert(groups.end(), tokens[k].groups.begin(), tokens[k].groups.end());
            digits += tokens[k].digits;
        }
        if (digits.size() < 7) return;
        if (groups.size() == 2 && groups[0] == 4 && groups[1] == 4 && year(value(digits, 0, 4)) &&
            year(value(digits, 4, 4)))
            return;  // a year range
        std::size_t from = tokens[first].from;
        while (from > 0 && (s[from - 1].cp == '+' || s[from - 1].cp == '(')) --from;
        out.push_back({from, tokens[last].to, personal_code(groups, digits) ? Kind::personal_code : Kind::number});
    };
    for (std::size_t k = 0; k < tokens.size();) {
        if (!tokens[k].joinable) {
            if (tokens[k].groups.size() == 2) close(k, k);  // "1234567,00" is still long
            ++k;
            continue;
        }
        std::size_t last = k;
        while (last + 1 < tokens.size() && tokens[last + 1].joinable) {
            std::size_t gap = tokens[last + 1].from - tokens[last].to;
            bool soft = gap >= 1 && gap <= 3;
            for (std::size_t c = tokens[last].to; soft && c < tokens[last + 1].from; ++c) soft = soft_separator(s[c].cp);
            if (!soft) break;
            ++last;
        }
        close(k, last);
        k = last + 1;
    }
}

std::vector<Span> personal_data(const std::vector<Cp>& cps) {
    std::vector<Span> spans;
    find_emails(cps, spans);
    find_numbers(cps, spans);
    return spans;
}

// Free text a citizen typed (a comment, "what were you looking for"), already valid
// UTF-8: trimmed, masked, then checked. Only invisible characters count as empty.
template <class Add>
void free_text(std::string& v, const char* field, Add add) {
    v = mask(std::string(text::trim(v)));
    switch (text::check_typed(v, true)) {
        case text::TypedProblem::none: break;
        case text::TypedProblem::invisible: v.clear(); break;  // as if left empty
        case text::TypedProblem::bidi: add(field, "bidi"); break;
        default: add(field, "text");
    }
    if (text::utf8_length(v) > kMaxComment) add(field, "too_long");
}

}  // namespace

std::string mask(std::string_view text) {
    auto cps = code_points(text);
    std::vector<bool> hide(cps.size(), false);
    for (auto& sp : personal_data(cps))
        for (std::size_t k = sp.from; k < sp.to; ++k) hide[k] = true;
    std::string out;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        if (!hide[i]) {
            out.append(text, cps[i].at, cps[i].len);
            continue;
        }
        out += "***";
        while (i + 1 < cps.size() && hide[i + 1]) ++i;
    }
    return out;
}

bool has_personal_code(std::string_view text) {
    for (auto& sp : personal_data(code_points(text)))
        if (sp.kind == Kind::personal_code) return true;
    return false;
}

std::vector<form::FieldError> validate(Rating& r) {
    std::vector<form::FieldError> errors;
    Lang lang = parse_lang(r.lang).value_or(Lang::lv);
    auto add = [&](const char* field, const char* code) {
        errors.push_back({field, code, form::field_message(code, lang)});
    };
    // Bytes that are not UTF-8 are refused (and replaced, so that nothing echoed
    // back is broken) before anything else looks at them.
    auto encoded = [&](std::string& v, const char* field) {
        if (text::valid_utf8(v)) return true;
        v = text::to_valid_utf8(v);
        add(field, "encoding");
        return false;
    };
    if (!encoded(r.about, "about")) {
    } else if (r.about != "service" && r.about != "contact-point" && r.about != "consultation") add("about", "choice");
    r.target = std::string(text::trim(r.target));
    if (!encoded(r.target, "target")) {
    } else if (r.target.empty()) add("target", "required");
    else if (r.target.size() > 80) add("target", "too_long");
    r.scale = kScale;
    if (r.score < 1 || r.score > kScale) add("score", "choice");
    if (encoded(r.comment, "comment")) free_text(r.comment, "comment", add);
    if (!encoded(r.lang, "lang")) {
    } else if (!parse_lang(r.lang)) add("lang", "choice");
    return errors;
}

bool is_site_path(std::string_view p) {
    if (p.empty() || p.size() > 512 || p[0] != '/') return false;
    if (p.find("//") != std::string_view::npos || p.find('\\') != std::string_view::npos) return false;
    return std::all_of(p.begin(), p.end(), [](char c) { return c > 0x20 && c < 0x7f && c != '?' && c != '#'; });
}

namespace {

// What both page-feedback checks share: the language first (the messages are in
// it), then the text "what were you looking for", as a rating's comment.
template <class Add>
void check_lang_and_missing(PageFeedback& f, Add add, bool& missing_ok) {
    missing_ok = true;
    if (!text::valid_utf8(f.lang)) {
        f.lang = text::to_valid_utf8(f.lang);
        add("lang", "encoding");
    } else if (!parse_lang(f.lang)) add("lang", "choice");
    if (!text::valid_utf8(f.missing)) {
        f.missing = text::to_valid_utf8(f.missing);
        add("missing", "encoding");
        missing_ok = false;
        return;
    }
    free_text(f.missing, "missing", add);
}

}  // namespace

std::vector<form::FieldError> validate(PageFeedback& f) {
    std::vector<form::FieldError> errors;
    Lang lang = parse_lang(f.lang).value_or(Lang::lv);
    auto add = [&](const char* field, const char* code) {
        errors.push_back({field, code, form::field_message(code, lang)});
    };
    if (!text::valid_utf8(f.page)) {
        f.page = text::to_valid_utf8(f.page);
        add("page", "encoding");
    } else if (!is_site_path(f.page)) add("page", "choice");
    if (f.found.empty()) add("found", "required");
    else if (f.found != "yes" && f.found != "no") {
        if (!text::valid_utf8(f.found)) f.found = text::to_valid_utf8(f.found);
        add("found", "choice");
    }
    bool ok = true;
    check_lang_and_missing(f, add, ok);
    // "What were you looking for?" is asked only after "No".
    if (ok && f.found == "yes" && !f.missing.empty()) add("missing", "choice");
    return errors;
}

std::vector<form::FieldError> validate_missing(PageFeedback& f) {
    std::vector<form::FieldError> errors;
    Lang lang = parse_lang(f.lang).value_or(Lang::lv);
    auto add = [&](const char* field, const char* code) {
        errors.push_back({field, code, form::field_message(code, lang)});
    };
    bool ok = true;
    check_lang_and_missing(f, add, ok);
    if (ok && f.missing.empty() &&
        std::none_of(errors.begin(), errors.end(), [](auto& e) { return e.field == "missing"; }))
        add("missing", "required");
    return errors;
}

void add(Summary& s, const Rating& r) {
    if (r.scale != kScale || r.score < 1 || r.score > kScale) return;
    Average& a = s[r.about][r.target];
    // A running mean: the same figure SQL's avg() gave, without keeping every score.
    a.average += (r.score - a.average) / (a.count + 1);
    ++a.count;
}

bool is_rating_token(std::string_view t) {
    return t.size() == 32 && std::all_of(t.begin(), t.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

ConsultationRating consultation_rating(const ConsultationState& c, std::int64_t now) {
    if (!c.found) return ConsultationRating::unknown;
    if (c.cancelled) return ConsultationRating::cancelled;
    if (c.used) return ConsultationRating::already_rated;
    // Rated after it has happened: from its start (a consultation that has started
    // is being had; one not begun cannot be judged).
    if (now < c.start) return ConsultationRating::not_yet;
    return ConsultationRating::open;
}

}  // namespace pietura::rating
