// hours/detail.hpp — the parsed form of an opening_hours spec, shared by the
// parser, the evaluator and the describer. Not part of the public API.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "hours/hours.hpp"

namespace pietura::hours::detail {

enum class Separator { normal, additional, fallback };  // ";"  ","  "||"

// One end of a date selector. year 0: every year; day 0: the whole month.
struct DatePoint {
    int year = 0;
    int month = 0;
    int day = 0;
};

// Month-level when from.day == 0 (then to.day == 0 too). The parser fills in
// to.year whenever from.year is given, so a range with a year is absolute.
struct DateRange {
    DatePoint from, to;
};

// Minutes since the local midnight of the rule's day; end may pass 1440 for
// a range past midnight ("22:00-02:00" is 1320..1560).
struct TimeSpan {
    int start = 0;
    int end = 0;
};

struct Rule {
    Separator separator = Separator::normal;
    std::size_t offset = 0;  // where the rule starts in the spec

    bool always = false;  // "24/7"
    int year_from = 0, year_to = 0;
    std::vector<DateRange> dates;
    std::uint8_t weekdays = 0;  // bit i = Weekday i; 0 = no weekday selector
    bool holidays = false;      // PH, OR-ed with the weekdays
    std::vector<TimeSpan> times;  // empty = the whole day
    State state = State::open;
    bool has_comment = false;
    std::string comment;

    // The rule singles out particular days of the year ("Dec 24", "Dec 24-26"),
    // so it overrides the automatic pre-holiday shortening.
    bool names_date() const {
        for (const auto& d : dates)
            if (d.from.day != 0) return true;
        return false;
    }
    // Applies the same way every week: the part a weekly summary can show.
    bool weekly() const { return year_from == 0 && dates.empty() && !holidays; }
};

struct Rules {
    std::string text;
    std::vector<Rule> rules;
};

bool matches(const Rule& rule, Date date, const Calendar& calendar);

// Sets [start, end) of a day's stretches to `state`; closed stretches are
// dropped, neighbours with the same state and comment merge.
void paint(std::vector<Interval>& day, int start, int end, State state, const std::string& comment);

// Fills `error` (if given) for a failure at `offset` in `text`; the column
// counts UTF-8 characters so it matches what an editor shows.
void set_error(ParseError* error, std::string_view text, std::size_t offset, std::string message);

// Latvian and English words shared by describe() and describe_status().
// Latvian dates need the month in three cases: "24. decembrī" (locative),
// "no 24. decembra" (genitive), "līdz 2. janvārim" (dative).
std::string_view month_abbr_en(int month);
std::string_view month_locative_lv(int month);
std::string_view month_genitive_lv(int month);
std::string_view month_dative_lv(int month);

}  // namespace pietura::hours::detail
