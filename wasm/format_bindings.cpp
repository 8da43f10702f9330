// wasm/format_bindings.cpp — the core's words for numbers and dates, for the browser.
// Exports only, like bindings.cpp: the rules live in core/i18n/plural.hpp and
// core/hours/hours.hpp, so a page the build rendered and a table the browser fills
// write "21 pakalpojums" and "ceturtdiena, 24. decembris" the same way (issue 14).
//
//   M.plural('lv', 21)                       // → 'one'   ('zero' | 'one' | 'other', CLDR names)
//   M.formatDate('2026-12-24', 'lv', 'numeric')   // → '24.12.2026.'
//   M.formatDate('2026-12-24', 'lv', 'long')      // → '2026. gada 24. decembris'
//   M.formatDate('2026-12-24', 'lv', 'locative')  // → '2026. gada 24. decembrī'
//   M.formatDate('2026-12-24', 'en', 'long', false, true)  // → 'Thursday, 24 December'
//     (4th argument: with the year, default true; 5th: with the weekday in front, default false)
//   M.formatTimeRange(510, 1020, 'lv')       // → '8.30–17.00' (minutes since midnight)
//
// Bad input throws a JS Error naming it (an unknown language or style, a date that is
// not YYYY-MM-DD, minutes outside 0–1440), never a guess.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <stdexcept>
#include <string>

#include "hours/hours.hpp"
#include "i18n/plural.hpp"

namespace {

using pietura::Lang;
using emscripten::val;

// A C++ exception must not reach JS as an opaque pointer (as in bindings.cpp): bad
// arguments become a RangeError with the core's message. The JS exception is thrown
// after `f`'s locals are gone, because it skips C++ destructors.
template <class F>
auto guard(F&& f) -> decltype(f()) {
    std::string error;
    try {
        return f();
    } catch (const std::exception& e) {
        error = e.what();
    }
    val::global("RangeError").new_(error).throw_();
    __builtin_unreachable();
}

Lang lang_of(const std::string& code) {
    auto l = pietura::parse_lang(code);
    if (!l) throw std::invalid_argument("language must be 'lv' or 'en', not '" + code + "'");
    return *l;
}

std::string plural_(const std::string& lang, double n) {
    if (!(n >= -9.0e15 && n <= 9.0e15) || n != static_cast<double>(static_cast<long long>(n)))
        throw std::invalid_argument("plural: a whole number is needed, not " + std::to_string(n));
    return std::string(pietura::i18n::name(pietura::i18n::plural(lang_of(lang), static_cast<long long>(n))));
}

std::string format_date_(const std::string& iso, const std::string& lang, const std::string& style, bool year,
                         bool weekday) {
    pietura::hours::ParseError err;
    auto d = pietura::hours::Date::parse(iso, &err);
    if (!d) throw std::invalid_argument("formatDate: '" + iso + "': " + err.to_string());
    pietura::hours::DateStyle s;
    if (style == "numeric") s = pietura::hours::DateStyle::numeric;
    else if (style == "long") s = pietura::hours::DateStyle::long_form;
    else if (style == "locative") s = pietura::hours::DateStyle::locative;
    else throw std::invalid_argument("formatDate: style must be 'numeric', 'long' or 'locative', not '" + style + "'");
    return weekday ? pietura::hours::format_weekday_date(*d, lang_of(lang), s, year)
                   : pietura::hours::format_date(*d, lang_of(lang), s, year);
}

std::string format_time_range_(int start, int end, const std::string& lang) {
    if (start < 0 || start > 1440 || end < 0 || end > 1440)
        throw std::invalid_argument("formatTimeRange: minutes must be 0-1440");
    return pietura::hours::format_time_range(start, end, lang_of(lang));
}

// The JS API, each call guarded.
std::string plural(const std::string& lang, double n) {
    return guard([&] { return plural_(lang, n); });
}
std::string format_date5(const std::string& iso, const std::string& lang, const std::string& style, bool year,
                         bool weekday) {
    return guard([&] { return format_date_(iso, lang, style, year, weekday); });
}
std::string format_date4(const std::string& iso, const std::string& lang, const std::string& style, bool year) {
    return format_date5(iso, lang, style, year, false);
}
std::string format_date3(const std::string& iso, const std::string& lang, const std::string& style) {
    return format_date5(iso, lang, style, true, false);
}
std::string format_time_range(int start, int end, const std::string& lang) {
    return guard([&] { return format_time_range_(start, end, lang); });
}

}  // namespace

EMSCRIPTEN_BINDINGS(pietura_format) {
    emscripten::function("plural", &plural);
    // embind has no default arguments; it picks an overload by the number of arguments.
    emscripten::function("formatDate", &format_date3);
    emscripten::function("formatDate", &format_date4);
    emscripten::function("formatDate", &format_date5);
    emscripten::function("formatTimeRange", &format_time_range);
}
