// Dates and time ranges in words: the one formatter behind every date a page shows.
#include <stdexcept>

#include "hours/detail.hpp"
#include "hours/hours.hpp"

namespace pietura::hours {

namespace {

const char* const kDash = "\u2013";

int checked_month(int month) {
    if (month < 1 || month > 12) throw std::invalid_argument("month " + std::to_string(month) + " is not 1-12");
    return month;
}

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

}  // namespace

std::string_view month_name(int month, Lang lang) {
    static const char* const kLv[12] = {"janvāris", "februāris", "marts",     "aprīlis", "maijs",    "jūnijs",
                                        "jūlijs",   "augusts",   "septembris", "oktobris", "novembris", "decembris"};
    static const char* const kEn[12] = {"January", "February", "March",     "April",   "May",      "June",
                                        "July",    "August",   "September", "October", "November", "December"};
    int i = checked_month(month) - 1;
    return lang == Lang::lv ? kLv[i] : kEn[i];
}

std::string format_time_range(int start, int end, Lang lang) {
    return format_minutes(start, lang) + kDash + format_minutes(end > 1440 ? end - 1440 : end, lang);
}

std::string format_date(Date d, Lang lang, DateStyle style, bool year) {
    if (!d.valid()) throw std::invalid_argument("not a date: " + d.iso());
    bool lv = lang == Lang::lv;
    std::string y = std::to_string(d.year);
    if (style == DateStyle::numeric) {
        // Latvian (LVS 24, and Intl 'lv'): day and month with leading zeros, each followed by a dot.
        if (lv) return two(d.day) + "." + two(d.month) + "." + (year ? y + "." : "");
        return two(d.day) + "/" + two(d.month) + (year ? "/" + y : "");
    }
    if (!lv) return std::to_string(d.day) + " " + std::string(month_name(d.month, lang)) + (year ? " " + y : "");
    std::string month(style == DateStyle::locative ? detail::month_locative_lv(d.month) : month_name(d.month, lang));
    return (year ? y + ". gada " : "") + std::to_string(d.day) + ". " + month;
}

std::string format_weekday_date(Date d, Lang lang, DateStyle style, bool year) {
    std::string date = format_date(d, lang, style, year);
    std::string wd(weekday_name(d.weekday(), lang));
    return wd + ", " + date;
}

}  // namespace pietura::hours
