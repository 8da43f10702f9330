// Civil dates and Latvian time, computed here rather than through the C
// library: the browser and the server may run under any TZ, and Emscripten's
// libc knows no Europe/Riga.
#include <cstdio>

#include "hours/detail.hpp"
#include "hours/hours.hpp"

namespace pietura::hours {

namespace {

constexpr std::int64_t kDay = 86400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

// Day count of the proleptic Gregorian calendar, counted in 400-year eras so
// that the leap-year pattern repeats exactly; March-based years put the leap
// day at the end of the year, which keeps the month arithmetic linear.
std::int64_t civil_to_days(int y, int m, int d) {
    // Widened first: a Date is plain data, and INT_MIN - 1 would be undefined.
    std::int64_t year = std::int64_t(y) - (m <= 2 ? 1 : 0);
    std::int64_t era = floor_div(year, 400);
    std::int64_t yoe = year - era * 400;
    std::int64_t mp = (std::int64_t(m) + 9) % 12;  // March = 0
    std::int64_t doy = (153 * mp + 2) / 5 + d - 1;
    std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;  // 719468 days from 0000-03-01 to 1970-01-01
}

Date days_to_civil(std::int64_t days) {
    std::int64_t z = days + 719468;
    std::int64_t era = floor_div(z, 146097);
    std::int64_t doe = z - era * 146097;
    std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    std::int64_t mp = (5 * doy + 2) / 153;
    int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
    return Date{y, m, d};
}

Date last_sunday(int year, int month) {
    Date last{year, month, days_in_month(year, month)};
    int back = (static_cast<int>(last.weekday()) + 1) % 7;  // Sunday is 6
    return last.plus(-back);
}

std::string two(int v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d", v);
    return buf;
}

// A small cursor for the fixed-layout ISO texts; fails with a position.
class Cursor {
public:
    Cursor(std::string_view text, ParseError* error) : s_(text), error_(error) {}

    bool at_end() const { return i_ >= s_.size(); }
    std::size_t pos() const { return i_; }
    char peek() const { return at_end() ? '\0' : s_[i_]; }
    void next() { ++i_; }

    bool fail(std::size_t at, std::string message) {
        detail::set_error(error_, s_, at, std::move(message));
        return false;
    }

    // Exactly n digits, naming `what` in the error.
    bool digits(int n, const char* what, int& out) {
        out = 0;
        for (int k = 0; k < n; ++k) {
            if (i_ + k >= s_.size() || s_[i_ + k] < '0' || s_[i_ + k] > '9')
                return fail(i_, std::string("expected ") + std::to_string(n) + "-digit " + what);
            out = out * 10 + (s_[i_ + k] - '0');
        }
        i_ += n;
        return true;
    }

    bool expect(char c, const std::string& why) {
        if (peek() != c) return fail(i_, why);
        ++i_;
        return true;
    }

private:
    std::string_view s_;
    ParseError* error_;
    std::size_t i_ = 0;
};

bool parse_date_part(Cursor& c, Date& d) {
    if (!c.digits(4, "year", d.year)) return false;
    if (!c.expect('-', "expected '-' after the year (YYYY-MM-DD)")) return false;
    std::size_t mpos = c.pos();
    if (!c.digits(2, "month", d.month)) return false;
    if (d.month < 1 || d.month > 12) return c.fail(mpos, "month " + two(d.month) + " is out of range (01-12)");
    if (!c.expect('-', "expected '-' after the month (YYYY-MM-DD)")) return false;
    std::size_t dpos = c.pos();
    if (!c.digits(2, "day", d.day)) return false;
    if (d.day < 1 || d.day > days_in_month(d.year, d.month))
        return c.fail(dpos, "day " + two(d.day) + " does not exist in " + std::to_string(d.year) + "-" + two(d.month));
    return true;
}

}  // namespace

namespace detail {

void set_error(ParseError* error, std::string_view text, std::size_t offset, std::string message) {
    if (!error) return;
    if (offset > text.size()) offset = text.size();
    std::size_t column = 1;
    for (std::size_t k = 0; k < offset; ++k)
        if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) ++column;
    error->offset = offset;
    error->column = column;
    error->message = std::move(message);
}

}  // namespace detail

std::string ParseError::to_string() const { return "column " + std::to_string(column) + ": " + message; }

// --- Date --------------------------------------------------------------------

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

bool Date::valid() const { return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month); }

std::int64_t Date::days() const { return civil_to_days(year, month, day); }

Date Date::from_days(std::int64_t d) {
    // About ±2.7 million years: every intermediate of days_to_civil and the year
    // itself fit with room to spare. The bound is far wider than the instants'
    // (0001..9999) on purpose: a loop stepping day by day past 9999-12-31 must
    // still move forward and end, not stand on a clamped last day.
    constexpr std::int64_t kBound = 1'000'000'000;
    return days_to_civil(d < -kBound ? -kBound : d > kBound ? kBound : d);
}

Weekday Date::weekday() const {
    // 1970-01-01 was a Thursday (index 3 counting from Monday).
    std::int64_t w = (days() + 3) % 7;
    if (w < 0) w += 7;
    return static_cast<Weekday>(w);
}

Date Date::plus(int n) const { return from_days(days() + n); }

std::string Date::iso() const {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::optional<Date> Date::parse(std::string_view text, ParseError* error) {
    Cursor c(text, error);
    Date d;
    if (!parse_date_part(c, d)) return std::nullopt;
    if (!c.at_end()) {
        c.fail(c.pos(), "unexpected text after the date (write YYYY-MM-DD)");
        return std::nullopt;
    }
    return d;
}

// Anonymous Gregorian computus (Meeus/Jones/Butcher): the Paschal full moon
// from the 19-year Metonic cycle with the Gregorian solar and lunar corrections.
Date easter_sunday(int year) {
    int a = year % 19;
    int b = year / 100, c = year % 100;
    int d = b / 4, e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return Date{year, month, day};
}

// --- Riga time ---------------------------------------------------------------

Instant summer_time_start(int year) { return last_sunday(year, 3).days() * kDay + 3600; }
Instant summer_time_end(int year) { return last_sunday(year, 10).days() * kDay + 3600; }

int riga_utc_offset(Instant at) {
    at = clamp_instant(at);
    // The UTC year decides: both switches are far from New Year.
    int year = Date::from_days(floor_div(at, kDay)).year;
    return at >= summer_time_start(year) && at < summer_time_end(year) ? 10800 : 7200;
}

LocalTime to_riga(Instant at) {
    at = clamp_instant(at);  // at + offset below cannot overflow
    LocalTime t;
    t.utc_offset = riga_utc_offset(at);
    std::int64_t local = at + t.utc_offset;
    std::int64_t days = floor_div(local, kDay);
    std::int64_t secs = local - days * kDay;
    t.date = Date::from_days(days);
    t.hour = static_cast<int>(secs / 3600);
    t.minute = static_cast<int>(secs / 60 % 60);
    t.second = static_cast<int>(secs % 60);
    return t;
}

Instant riga_to_utc(Date date, int minute_of_day, int second) {
    std::int64_t wall = date.days() * kDay + std::int64_t(minute_of_day) * 60 + second;
    Instant summer = wall - 10800, winter = wall - 7200;
    if (riga_utc_offset(summer) == 10800) return summer;  // includes the earlier autumn reading
    if (riga_utc_offset(winter) == 7200) return winter;
    return winter;  // the skipped spring hour: keep the offset in force before the switch
}

std::string LocalTime::iso() const {
    int off = utc_offset / 60;
    char sign = off < 0 ? '-' : '+';
    if (off < 0) off = -off;
    return date.iso() + "T" + two(hour) + ":" + two(minute) + ":" + two(second) + sign + two(off / 60) + ":" +
           two(off % 60);
}

std::string format_riga(Instant at) { return to_riga(at).iso(); }

std::optional<Instant> parse_instant(std::string_view text, ParseError* error) {
    Cursor c(text, error);
    if (text.empty()) {
        c.fail(0, "empty instant: write e.g. 2026-12-24T10:30+02:00");
        return std::nullopt;
    }
    Date d;
    if (!parse_date_part(c, d)) return std::nullopt;
    if (c.at_end()) {
        c.fail(c.pos(), "missing time: write e.g. " + d.iso() + "T10:30+02:00");
        return std::nullopt;
    }
    if (c.peek() != 'T' && c.peek() != 't' && c.peek() != ' ') {
        c.fail(c.pos(), "expected 'T' between the date and the time");
        return std::nullopt;
    }
    c.next();
    int hh = 0, mm = 0, ss = 0;
    std::size_t hpos = c.pos();
    if (!c.digits(2, "hour", hh)) return std::nullopt;
    if (hh > 23) {
        c.fail(hpos, "hour " + two(hh) + " is out of range (00-23)");
        return std::nullopt;
    }
    if (!c.expect(':', "expected ':' after the hour (HH:MM)")) return std::nullopt;
    std::size_t mpos = c.pos();
    if (!c.digits(2, "minute", mm)) return std::nullopt;
    if (mm > 59) {
        c.fail(mpos, "minute " + two(mm) + " is out of range (00-59)");
        return std::nullopt;
    }
    if (c.peek() == ':') {
        c.next();
        std::size_t spos = c.pos();
        if (!c.digits(2, "second", ss)) return std::nullopt;
        if (ss > 59) {
            c.fail(spos, "second " + two(ss) + " is out of range (00-59)");
            return std::nullopt;
        }
        if (c.peek() == '.' || c.peek() == ',') {
            // Fractions are allowed by ISO 8601; an Instant counts whole seconds.
            c.next();
            std::size_t fpos = c.pos();
            while (c.peek() >= '0' && c.peek() <= '9') c.next();
            if (c.pos() == fpos) {
                c.fail(fpos, "expected digits after the decimal point");
                return std::nullopt;
            }
        }
    }
    int offset = 0;
    if (c.at_end()) {
        c.fail(c.pos(), "missing UTC offset: add 'Z' or '+02:00' (winter) / '+03:00' (summer)");
        return std::nullopt;
    }
    char s = c.peek();
    if (s == 'Z' || s == 'z') {
        c.next();
    } else if (s == '+' || s == '-') {
        c.next();
        int oh = 0, om = 0;
        std::size_t opos = c.pos();
        if (!c.digits(2, "offset hour", oh)) return std::nullopt;
        if (oh > 23) {
            c.fail(opos, "UTC offset hour " + two(oh) + " is out of range (00-23)");
            return std::nullopt;
        }
        bool colon = c.peek() == ':';
        if (colon) c.next();
        if (colon || !c.at_end()) {
            std::size_t ompos = c.pos();
            if (!c.digits(2, "offset minute", om)) return std::nullopt;
            if (om > 59) {
                c.fail(ompos, "UTC offset minute " + two(om) + " is out of range (00-59)");
                return std::nullopt;
            }
        }
        offset = (oh * 60 + om) * 60 * (s == '-' ? -1 : 1);
    } else if (static_cast<unsigned char>(s) == 0xE2) {
        c.fail(c.pos(), "use an ASCII '+' or '-' in the UTC offset");
        return std::nullopt;
    } else {
        c.fail(c.pos(), "expected 'Z' or a UTC offset such as +02:00");
        return std::nullopt;
    }
    if (!c.at_end()) {
        c.fail(c.pos(), "unexpected text after the UTC offset");
        return std::nullopt;
    }
    return d.days() * kDay + hh * 3600 + mm * 60 + ss - offset;
}

// --- words -------------------------------------------------------------------

std::string format_minutes(int minute_of_day, Lang lang) {
    int h = minute_of_day / 60, m = minute_of_day % 60;
    // Latvian writes 8.30, English 8:30; neither pads the hour.
    return std::to_string(h) + (lang == Lang::lv ? "." : ":") + two(m);
}

std::string_view weekday_abbr(Weekday day, Lang lang) {
    static const char* const kLv[7] = {"P", "O", "T", "C", "Pk", "S", "Sv"};
    static const char* const kEn[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    int i = static_cast<int>(day);
    return lang == Lang::lv ? kLv[i] : kEn[i];
}

std::string_view weekday_name(Weekday day, Lang lang) {
    static const char* const kLv[7] = {"pirmdiena", "otrdiena", "trešdiena", "ceturtdiena",
                                       "piektdiena", "sestdiena", "svētdiena"};
    static const char* const kEn[7] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    int i = static_cast<int>(day);
    return lang == Lang::lv ? kLv[i] : kEn[i];
}

}  // namespace pietura::hours
