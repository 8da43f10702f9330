// The opening_hours parser: a hand-written recursive descent over the spec,
// because the OSM grammar's meaning of ',' depends on what follows it (another
// weekday, another time range, or a new additive rule), and because every
// rejection must point at the exact byte that caused it.
//
// No exceptions: the wasm build may run with exception catching off, and a
// malformed spec is an everyday event, not an exceptional one.
#include <algorithm>
#include <cctype>

#include "hours/detail.hpp"
#include "hours/hours.hpp"

namespace pietura::hours {

namespace {

using detail::DatePoint;
using detail::DateRange;
using detail::Rule;
using detail::Separator;
using detail::TimeSpan;

const char* const kWeekdays[7] = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
const char* const kMonths[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char* const kWeekdayNames[7] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
const char* const kMonthNames[12] = {"january", "february", "march",     "april",   "may",      "june",
                                     "july",    "august",   "september", "october", "november", "december"};
const char* const kModifiers[4] = {"open", "closed", "off", "unknown"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool iequal(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k)
        if (std::tolower(static_cast<unsigned char>(a[k])) != std::tolower(static_cast<unsigned char>(b[k]))) return false;
    return true;
}

int weekday_index(std::string_view w) {
    for (int k = 0; k < 7; ++k)
        if (w == kWeekdays[k]) return k;
    return -1;
}

int month_number(std::string_view w) {
    for (int k = 0; k < 12; ++k)
        if (w == kMonths[k]) return k + 1;
    return 0;
}

bool is_modifier(std::string_view w) {
    for (const char* m : kModifiers)
        if (w == m) return true;
    return false;
}

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

// A day of a month that exists in `year`, or in some year when year is 0.
bool day_exists(int year, int month, int day) { return day >= 1 && day <= days_in_month(year ? year : 2000, month); }

bool before(int y1, int m1, int d1, int y2, int m2, int d2) {
    if (y1 != y2) return y1 < y2;
    if (m1 != m2) return m1 < m2;
    return d1 < d2;
}

class Parser {
public:
    Parser(std::string_view text, ParseError* error) : s_(text), error_(error) {}

    bool run(std::vector<Rule>& out) {
        ws();
        if (end()) return fail(i_, "opening hours are empty");
        Separator sep = Separator::normal;
        for (;;) {
            if (!rule(sep, out)) return false;
            ws();
            if (end()) return true;
            std::string written;
            if (s_[i_] == ';') {
                sep = Separator::normal, written = ";", ++i_;
            } else if (s_.compare(i_, 2, "||") == 0) {
                sep = Separator::fallback, written = "||", i_ += 2;
            } else if (s_[i_] == ',') {
                sep = Separator::additional, written = ",", ++i_;
            } else if (s_[i_] == '|') {
                return fail(i_, "a fallback rule is separated by '||', not '|'");
            } else {
                return fail(i_, unexpected(i_) + ": separate rules with ';'");
            }
            ws();
            if (end() || s_[i_] == ';' || s_[i_] == ',' || s_[i_] == '|')
                return fail(i_, "empty rule after '" + written + "'");
        }
    }

private:
    std::string_view s_;
    ParseError* error_;
    std::size_t i_ = 0;

    bool fail(std::size_t at, std::string message) {
        detail::set_error(error_, s_, at, std::move(message));
        return false;
    }
    bool end() const { return i_ >= s_.size(); }
    char at(std::size_t p) const { return p < s_.size() ? s_[p] : '\0'; }
    std::size_t skip(std::size_t p) const {
        while (p < s_.size() && (s_[p] == ' ' || s_[p] == '\t')) ++p;
        return p;
    }
    void ws() { i_ = skip(i_); }
    std::string_view word(std::size_t p) const {
        std::size_t q = p;
        while (q < s_.size() && is_alpha(s_[q])) ++q;
        return s_.substr(std::min(p, s_.size()), q - std::min(p, s_.size()));
    }
    std::size_t ndigits(std::size_t p) const {
        std::size_t q = p;
        while (q < s_.size() && is_digit(s_[q])) ++q;
        return q - p;
    }
    int number(std::size_t p, std::size_t n) const {
        int v = 0;
        for (std::size_t k = 0; k < n; ++k) v = v * 10 + (s_[p + k] - '0');
        return v;
    }
    bool is_dash_lookalike(std::size_t p) const {
        // U+2010..U+2015 hyphens and dashes, U+2212 minus: pasted from word processors.
        return at(p) == '\xE2' && ((at(p + 1) == '\x80' && at(p + 2) >= '\x90' && at(p + 2) <= '\x95') ||
                                   (at(p + 1) == '\x88' && at(p + 2) == '\x92'));
    }
    // A year: four digits that are not the start of a time.
    bool year_at(std::size_t p) const { return ndigits(p) == 4 && at(p + 4) != ':'; }
    // A day of the month: digits that are not the start of a time ("Dec 24:"
    // ends the date part, "Dec 10:00" is a month and a time).
    std::size_t daynum_at(std::size_t p) const {
        std::size_t n = ndigits(p);
        return n > 0 && !(at(p + n) == ':' && is_digit(at(p + n + 1))) ? n : 0;
    }

    // Why the token at p cannot be here, for messages.
    std::string unexpected(std::size_t p) const {
        if (p >= s_.size()) return "unexpected end of text";
        char c = s_[p];
        if (is_alpha(c)) {
            std::string_view w = word(p);
            std::string hint = word_hint(w);
            if (!hint.empty()) return hint;
            return "unexpected '" + std::string(w) + "'";
        }
        if (is_digit(c)) {
            std::size_t n = ndigits(p);
            if (n == 1 && at(p + 1) == ':')
                return std::string("write the hour with two digits: '0") + c + ":..'";
            if (n == 2 && at(p + 2) == ':') return "unexpected time '" + std::string(s_.substr(p, 5)) + "'";
            return "unexpected number '" + std::string(s_.substr(p, n)) + "'";
        }
        if (is_dash_lookalike(p)) return "use a plain '-' instead of a typographic dash";
        if (static_cast<unsigned char>(c) >= 0x80) {
            std::size_t n = 1;
            while (p + n < s_.size() && (static_cast<unsigned char>(s_[p + n]) & 0xC0) == 0x80) ++n;
            return "unexpected character '" + std::string(s_.substr(p, n)) + "'";
        }
        if (c == '"') return "unexpected comment";
        return std::string("unexpected '") + c + "'";
    }

    // For a word that is not part of the supported grammar: a precise reason,
    // or empty when the word is valid (and merely misplaced).
    static std::string word_hint(std::string_view w) {
        if (weekday_index(w) >= 0 || month_number(w) || w == "PH" || is_modifier(w)) return "";
        std::string q = "'" + std::string(w) + "'";
        for (const char* k : kWeekdays)
            if (iequal(w, k)) return "unknown word " + q + ": did you mean '" + k + "'?";
        for (const char* k : kMonths)
            if (iequal(w, k)) return "unknown word " + q + ": did you mean '" + k + "'?";
        for (const char* k : kModifiers)
            if (iequal(w, k)) return "unknown word " + q + ": did you mean '" + k + "'?";
        if (iequal(w, "ph")) return "unknown word " + q + ": did you mean 'PH'?";
        auto abbreviates = [&](std::string_view full, std::size_t min) {
            return w.size() >= min && w.size() <= full.size() && iequal(w, full.substr(0, w.size()));
        };
        for (int k = 0; k < 7; ++k)
            if (abbreviates(kWeekdayNames[k], 3))
                return "write weekdays with two letters: '" + std::string(kWeekdays[k]) + "'";
        for (int k = 0; k < 12; ++k)
            if (abbreviates(kMonthNames[k], 4))
                return "write months with three letters: '" + std::string(kMonths[k]) + "'";
        if (w == "SH") return "school holidays (SH) are not supported";
        if (w == "week") return "week numbers ('week 01-10') are not supported";
        if (w == "easter") return "'easter' dates are not supported: give the date";
        if (w == "sunrise" || w == "sunset" || w == "dawn" || w == "dusk")
            return q + " times are not supported: give fixed times such as 08:00-17:00";
        return "unknown word " + q;
    }

    bool expected(std::size_t p, const std::string& what) {
        if (p >= s_.size()) return fail(p, "expected " + what + ", found the end of the text");
        std::string why = unexpected(p);
        if (is_alpha(at(p))) {
            std::string_view w = word(p);
            std::string hint = word_hint(w);
            const std::string unknown = "unknown word ";
            if (hint.rfind(unknown, 0) == 0) return fail(p, "expected " + what + ", found " + hint.substr(unknown.size()));
            if (!hint.empty()) return fail(p, hint);
            return fail(p, "expected " + what + ", found '" + std::string(w) + "'");
        }
        return fail(p, "expected " + what + " (" + why + ")");
    }

    // --- one rule ---------------------------------------------------------------

    bool rule(Separator sep, std::vector<Rule>& out) {
        Rule r;
        r.separator = sep;
        r.offset = i_;
        bool selector = false, body = false;
        if (s_.compare(i_, 4, "24/7") == 0) {
            i_ += 4;
            r.always = true;
            body = true;
        } else {
            if (!wide(r, selector)) return false;
            if (!weekdays(r, selector)) return false;
            if (!times(r, body)) return false;
        }
        bool state_given = false;
        if (!modifier(r, body, state_given)) return false;
        if (!comment(r, body)) return false;
        if (r.has_comment && !state_given && r.times.empty() && !r.always) r.state = State::unknown;
        if (!selector && !body) return fail(i_, unexpected(i_));
        if (!body) {
            std::size_t p = skip(i_);
            bool boundary = p >= s_.size() || s_[p] == ';' || s_[p] == ',' || s_[p] == '|';
            if (!boundary) {
                if (year_at(p) || month_number(word(p)))
                    return fail(p, "dates and years come before the weekdays: write 'Dec 24 Mo-Fr ...'");
                return fail(p, unexpected(p));
            }
            std::string sel(s_.substr(r.offset, i_ - r.offset));
            while (!sel.empty() && (sel.back() == ' ' || sel.back() == ':')) sel.pop_back();
            return fail(p, "no opening times after '" + sel + "': add times such as 08:00-17:00, or 'off'");
        }
        out.push_back(std::move(r));
        return true;
    }

    // [year | year-year] [monthday list] [':']
    bool wide(Rule& r, bool& any) {
        ws();
        std::size_t p = i_;
        bool got = false;
        if (year_at(p)) {
            int y = number(p, 4);
            if (y < 1900 || y > 2200) return fail(p, "year " + std::to_string(y) + " is out of range (1900-2200)");
            std::size_t q = skip(p + 4);
            std::size_t q2 = skip(q + 1);
            if (at(q) == '-' && year_at(q2)) {
                int y2 = number(q2, 4);
                if (y2 < y) return fail(q2, "the year range ends before it starts");
                r.year_from = y, r.year_to = y2;
                i_ = q2 + 4;
                got = true;
                std::size_t m = skip(i_);
                if (month_number(word(m))) {
                    i_ = m;
                    if (!monthday_list(r, 0)) return false;
                }
            } else if (month_number(word(q))) {
                i_ = q;
                if (!monthday_list(r, y)) return false;
                got = true;
            } else {
                r.year_from = r.year_to = y;
                i_ = p + 4;
                got = true;
            }
        } else if (month_number(word(p))) {
            if (!monthday_list(r, 0)) return false;
            got = true;
        }
        if (got) {
            any = true;
            std::size_t q = skip(i_);
            if (at(q) == ':') i_ = q + 1;  // OSM allows a ':' after the date part
        }
        return true;
    }

    bool monthday_list(Rule& r, int year) {
        for (;;) {
            if (!monthday(r, year)) return false;
            std::size_t q = skip(i_);
            if (at(q) != ',') return true;
            std::size_t q2 = skip(q + 1);
            if (month_number(word(q2))) {
                i_ = q2, year = 0;
            } else if (year_at(q2) && month_number(word(skip(q2 + 4)))) {
                year = number(q2, 4);
                i_ = skip(q2 + 4);
            } else {
                return true;  // the ',' belongs to whatever comes next
            }
        }
    }

    // At a month name: "Dec", "Jun-Aug", "Dec 24", "Dec 24-26", "Dec 24-Jan 02",
    // "Dec 24-2027 Jan 02"; `year` is the year written before the month, or 0.
    bool monthday(Rule& r, int year) {
        std::size_t mpos = i_;
        int m = month_number(word(mpos));
        i_ = mpos + 3;
        DateRange dr;
        dr.from = DatePoint{year, m, 0};
        std::size_t q = skip(i_);
        std::size_t nd = daynum_at(q);
        if (nd > 0) {
            if (nd > 2) return fail(q, "expected a day of the month (1-31) after '" + std::string(kMonths[m - 1]) + "'");
            int d = number(q, nd);
            if (!day_exists(year, m, d)) return fail(q, bad_day(year, m, d));
            dr.from.day = d;
            i_ = q + nd;
            std::size_t dash = skip(i_);
            if (at(dash) != '-') {
                dr.to = dr.from;
                r.dates.push_back(dr);
                return true;
            }
            std::size_t p = skip(dash + 1);
            int y2 = 0, m2 = m;
            std::size_t y2pos = p;
            if (year_at(p)) {
                y2 = number(p, 4);
                p = skip(p + 4);
                if (!month_number(word(p))) return expected(p, "a month after the year");
            }
            if (int mm = month_number(word(p))) {
                m2 = mm;
                p = skip(p + 3);
            }
            std::size_t nd2 = daynum_at(p);
            if (nd2 == 0 || nd2 > 2) return expected(p, "the day the date range ends on (e.g. 'Dec 24-26')");
            int d2 = number(p, nd2);
            if (y2 && !year) return fail(y2pos, "the date range ends with a year, so it must start with one too");
            int ty = y2;
            if (year && !y2) ty = before(0, m2, d2, 0, m, d) ? year + 1 : year;
            if (!day_exists(ty, m2, d2)) return fail(p, bad_day(ty, m2, d2));
            if (year && before(ty, m2, d2, year, m, d)) return fail(y2pos, "the date range ends before it starts");
            if (!year && m2 == m && d2 < d) return fail(p, "the date range ends before it starts");
            dr.to = DatePoint{ty, m2, d2};
            i_ = p + nd2;
            r.dates.push_back(dr);
            return true;
        }
        std::size_t dash = skip(i_);
        if (at(dash) == '-') {
            std::size_t p = skip(dash + 1);
            int m2 = month_number(word(p));
            if (!m2) {
                if (year_at(p)) return fail(p, "give full dates for a range across years: '2026 Dec 01-2027 Jan 31'");
                return expected(p, "a month after '-'");
            }
            std::size_t after = skip(p + 3);
            if (daynum_at(after)) return fail(after, "give a day on both ends of a date range: 'Jun 01-Aug 15'");
            dr.to = DatePoint{year ? (m2 < m ? year + 1 : year) : 0, m2, 0};
            i_ = p + 3;
        } else {
            dr.to = dr.from;
        }
        r.dates.push_back(dr);
        return true;
    }

    static std::string bad_day(int year, int month, int day) {
        if (day < 1 || day > 31) return "day " + std::to_string(day) + " is out of range (1-31)";
        if (year) return std::to_string(year) + "-" + two(month) + "-" + two(day) + " does not exist";
        return std::string(kMonths[month - 1]) + " has no day " + std::to_string(day);
    }

    // Mo-Fr,Sa,PH
    bool weekdays(Rule& r, bool& any) {
        ws();
        auto starts_list = [&](std::size_t p) {
            std::string_view w = word(p);
            return weekday_index(w) >= 0 || w == "PH" || w == "SH";
        };
        if (!starts_list(i_)) return true;
        for (;;) {
            std::string_view w = word(i_);
            if (int a = weekday_index(w); a >= 0) {
                i_ += 2;
                if (at(i_) == '[') return fail(i_, "the n-th weekday of a month ('Mo[1]') is not supported");
                std::size_t dash = skip(i_);
                if (at(dash) == '-' || is_dash_lookalike(dash)) {
                    if (at(dash) != '-') return fail(dash, "use a plain '-' instead of a typographic dash");
                    std::size_t p = skip(dash + 1);
                    int b = weekday_index(word(p));
                    if (b < 0) return expected(p, "a weekday (Mo Tu We Th Fr Sa Su) after '-'");
                    for (int k = a;; k = (k + 1) % 7) {  // Sa-Mo wraps over the weekend
                        r.weekdays |= static_cast<std::uint8_t>(1u << k);
                        if (k == b) break;
                    }
                    i_ = p + 2;
                    if (at(i_) == '[') return fail(i_, "the n-th weekday of a month ('Mo[1]') is not supported");
                } else {
                    r.weekdays |= static_cast<std::uint8_t>(1u << a);
                }
            } else if (w == "PH") {
                r.holidays = true;
                i_ += 2;
                std::size_t p = skip(i_);
                if ((at(p) == '+' || at(p) == '-') && is_digit(at(skip(p + 1))))
                    return fail(p, "holiday offsets ('PH +1 day') are not supported");
            } else if (w == "SH") {
                return fail(i_, "school holidays (SH) are not supported");
            } else {
                return expected(i_, "a weekday (Mo Tu We Th Fr Sa Su) or PH after ','");
            }
            any = true;
            std::size_t q = skip(i_);
            if (at(q) == ',' && starts_list(skip(q + 1))) {
                i_ = skip(q + 1);
                continue;
            }
            if (starts_list(q)) return fail(q, "separate weekdays and PH with ',' ('Sa,PH')");
            return true;
        }
    }

    // 08:00-12:00,13:00-17:00
    bool times(Rule& r, bool& any) {
        ws();
        std::size_t p = i_;
        std::string_view w = word(p);
        if (w == "sunrise" || w == "sunset" || w == "dawn" || w == "dusk") return fail(p, word_hint(w));
        if (!is_digit(at(p))) return true;
        if (s_.compare(p, 4, "24/7") == 0)
            return fail(p, "'24/7' must be a rule of its own; for whole days write 00:00-24:00");
        std::size_t n = ndigits(p);
        if (n == 1 && at(p + 1) == ':') return fail(p, unexpected(p));
        if (n != 2 || at(p + 2) != ':') return true;  // not a time; the caller reports what it is
        for (;;) {
            std::size_t start_pos = i_;
            int a = 0, b = 0;
            if (!hhmm(a, false)) return false;
            std::size_t dash = skip(i_);
            if (at(dash) == '+') return fail(dash, "open-ended times ('08:00+') are not supported");
            if (is_dash_lookalike(dash)) return fail(dash, "use a plain '-' instead of a typographic dash");
            if (at(dash) != '-') return fail(dash, "a time range needs an end: write '08:00-17:00'");
            i_ = skip(dash + 1);
            std::string_view w2 = word(i_);
            if (w2 == "sunrise" || w2 == "sunset" || w2 == "dawn" || w2 == "dusk") return fail(i_, word_hint(w2));
            if (!hhmm(b, true)) return false;
            if (at(i_) == '+') return fail(i_, "open-ended times ('08:00+') are not supported");
            if (at(i_) == '/') return fail(i_, "repeating times ('10:00-16:00/01:00') are not supported");
            if (b == a) return fail(start_pos, "the time range " + std::string(s_.substr(start_pos, i_ - start_pos)) + " is empty");
            if (b < a) b += 1440;  // past midnight: the rest belongs to this rule's day
            r.times.push_back(TimeSpan{a, b});
            any = true;
            std::size_t q = skip(i_);
            if (at(q) == ',' && is_digit(at(skip(q + 1)))) {
                i_ = skip(q + 1);
                continue;
            }
            return true;
        }
    }

    bool hhmm(int& minutes, bool is_end) {
        std::size_t p = i_;
        std::size_t n = ndigits(p);
        if (n == 0) return expected(p, "a time (HH:MM)");
        if (n == 1 && at(p + 1) == ':') return fail(p, unexpected(p));
        if (n != 2) return expected(p, "a time (HH:MM)");
        int h = number(p, 2);
        if (h > 24) return fail(p, "hour " + two(h) + " is out of range (00-24)");
        if (at(p + 2) != ':') return fail(p + 2, "expected ':' between the hours and the minutes (HH:MM)");
        std::size_t mp = p + 3;
        if (ndigits(mp) != 2) return fail(mp, "write the minutes with two digits (HH:MM)");
        int m = number(mp, 2);
        if (m > 59) return fail(mp, "minute " + two(m) + " is out of range (00-59)");
        if (h == 24 && m != 0) return fail(p, "24:" + two(m) + " is past midnight: the latest time is 24:00");
        if (h == 24 && !is_end) return fail(p, "a time range cannot start at 24:00");
        minutes = h * 60 + m;
        i_ = mp + 2;
        return true;
    }

    bool modifier(Rule& r, bool& any, bool& given) {
        std::size_t p = skip(i_);
        std::string_view w = word(p);
        if (!is_modifier(w)) return true;
        r.state = w == "open" ? State::open : w == "unknown" ? State::unknown : State::closed;
        i_ = p + w.size();
        any = given = true;
        return true;
    }

    bool comment(Rule& r, bool& any) {
        std::size_t p = skip(i_);
        if (at(p) != '"') return true;
        std::size_t close = s_.find('"', p + 1);
        if (close == std::string_view::npos) return fail(p, "the comment is not closed: add '\"' at its end");
        r.comment = std::string(s_.substr(p + 1, close - p - 1));
        r.has_comment = true;
        i_ = close + 1;
        any = true;
        return true;
    }
};

}  // namespace

std::optional<Schedule> Schedule::parse(std::string_view spec, ParseError* error) {
    auto rules = std::make_shared<detail::Rules>();
    rules->text = std::string(spec);
    Parser parser(rules->text, error);
    if (!parser.run(rules->rules)) return std::nullopt;
    for (auto& r : rules->rules) {
        std::sort(r.times.begin(), r.times.end(), [](const TimeSpan& a, const TimeSpan& b) { return a.start < b.start; });
    }
    return Schedule(std::move(rules));
}

const std::string& Schedule::text() const { return rules_->text; }

}  // namespace pietura::hours
