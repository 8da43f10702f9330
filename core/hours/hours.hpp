// hours/hours.hpp — "is it open?": opening hours, Latvian holidays, Latvian time.
//
// The one header of the hours capability of the Pietura core. It answers the
// third product question for a contact point: open now, closes at 16:00, opens
// Monday 8:30 — in Riga time, across lunch breaks, weekends, public holidays,
// Cabinet working-day transfers and the Labour Law's shortened pre-holiday day.
// It parses the OpenStreetMap `opening_hours` subset real contact points use,
// evaluates it against a `Calendar`, and describes it in Latvian and English.
//
// It sits below the content loader, the site renderer, the CLI and the wasm
// bindings, and uses only the standard library: it does not read files or JSON
// (the caller feeds content/holidays/*.json into `Calendar`), does not read the
// process's TZ or clock (every function takes the instant it is about), and does
// not support OSM extensions contact points do not use (sunrise, week numbers,
// school holidays, "+" open ends); those are parse errors, never guesses.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/lang.hpp"

namespace pietura::hours {

// Seconds since 1970-01-01T00:00:00Z; the only way an absolute moment enters or
// leaves this module, so both native and wasm callers agree on it.
using Instant = std::int64_t;

// The instants and dates the portal computes with: 0001-01-01T00:00:00Z to
// 9999-12-31T23:59:59Z. Every function here is total: an instant outside that
// range (an int64 extreme sent to the API) is clamped to its nearer end, and a day
// count to ±10^9 days, never overflowed. Callers that take instants from people should refuse what
// is not in_range() rather than rely on the clamp.
inline constexpr Instant kMinInstant = -62135596800;  // 0001-01-01T00:00:00Z
inline constexpr Instant kMaxInstant = 253402300799;  // 9999-12-31T23:59:59Z
inline constexpr bool in_range(Instant t) { return t >= kMinInstant && t <= kMaxInstant; }
inline constexpr Instant clamp_instant(Instant t) {
    return t < kMinInstant ? kMinInstant : t > kMaxInstant ? kMaxInstant : t;
}

// Where and why a text (an opening_hours spec, an ISO instant, a date) was
// rejected. `offset` indexes bytes for code, `column` counts characters for
// people (a spec may hold UTF-8 comments such as "pēc pieraksta").
struct ParseError {
    std::size_t offset = 0;  // 0-based byte offset into the text
    std::size_t column = 1;  // 1-based character column
    std::string message;

    std::string to_string() const;  // "column 13: hour 25 is out of range (00-24)"
};

// --- civil dates and Latvian time -------------------------------------------

// Monday first, as in OSM and in Latvia.
enum class Weekday { mo, tu, we, th, fr, sa, su };

struct Date {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31

    // "YYYY-MM-DD", nothing else.
    static std::optional<Date> parse(std::string_view text, ParseError* error = nullptr);
    static Date from_days(std::int64_t days_since_epoch);  // clamped to ±10^9 days (±2.7 million years)

    bool valid() const;
    std::int64_t days() const;  // days since 1970-01-01
    Weekday weekday() const;
    Date plus(int days) const;
    std::string iso() const;  // "2026-12-24"

    friend bool operator==(const Date& a, const Date& b) {
        return a.year == b.year && a.month == b.month && a.day == b.day;
    }
    friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
    friend bool operator<(const Date& a, const Date& b) {
        if (a.year != b.year) return a.year < b.year;
        if (a.month != b.month) return a.month < b.month;
        return a.day < b.day;
    }
    friend bool operator>(const Date& a, const Date& b) { return b < a; }
    friend bool operator<=(const Date& a, const Date& b) { return !(b < a); }
    friend bool operator>=(const Date& a, const Date& b) { return !(a < b); }
};

bool is_leap_year(int year);
int days_in_month(int year, int month);
Date easter_sunday(int year);  // Gregorian (Western) Easter

// A wall-clock reading in Riga.
struct LocalTime {
    Date date;
    int hour = 0, minute = 0, second = 0;
    int utc_offset = 7200;  // seconds: 7200 (EET) or 10800 (EEST)

    int minute_of_day() const { return hour * 60 + minute; }
    bool summer_time() const { return utc_offset == 10800; }
    std::string iso() const;  // "2026-12-24T10:30:00+02:00"
};

// EU rule: summer time from the last Sunday of March 01:00 UTC to the last
// Sunday of October 01:00 UTC, applied to every year (Latvia's one-off
// exception, no summer time in 2000, is history the portal never shows).
Instant summer_time_start(int year);
Instant summer_time_end(int year);
int riga_utc_offset(Instant at);  // seconds
LocalTime to_riga(Instant at);

// A Riga wall-clock time to an instant. `minute_of_day` may be 1440 (24:00 is
// the next midnight). The two awkward hours resolve like a person would read
// the clock: in the repeated autumn hour the earlier (summer-time) instant wins;
// a time inside the skipped spring hour is read with the winter offset, so
// 03:30 that day is the instant the clocks show 04:30.
Instant riga_to_utc(Date date, int minute_of_day, int second = 0);

// ISO 8601 / RFC 3339 instants that carry their offset: "2026-12-24T10:30:00+02:00",
// "2026-12-24T08:30Z", "2026-12-24 10:30+0200". A missing offset is an error:
// reading it as Riga time would be a guess.
std::optional<Instant> parse_instant(std::string_view text, ParseError* error = nullptr);
std::string format_riga(Instant at);  // LocalTime::iso() of to_riga(at)

// --- the Latvian public-holiday calendar ------------------------------------

enum class HolidayKind {
    statutory,   // named in the law on holidays (fixed date or Easter-based)
    substitute,  // the next working day when 4 May, 18 November or the Song and Dance
                 // Festival's closing day falls on a weekend
    extra,       // a one-off holiday added by a law for one year (content-maintained)
};

struct Holiday {
    Date date;
    HolidayKind kind = HolidayKind::statutory;
    std::string name_lv, name_en;

    const std::string& name(Lang lang) const { return lang == Lang::lv ? name_lv : name_en; }
};

// A Cabinet order moves a working day: the isolated weekday becomes a day off
// and a Saturday of the same month is worked instead.
enum class Transfer { day_off, working_day };

struct TransferDay {
    Date date;
    Transfer kind = Transfer::day_off;
    std::string name_lv, name_en;
    // A working Saturday: the weekday it stands in for (the order's day off). The
    // Saturday is worked with that weekday's hours. Absent: not known, and then
    // the Saturday keeps the schedule's own Saturday hours rather than a guess.
    std::optional<Date> replaces;

    const std::string& name(Lang lang) const { return lang == Lang::lv ? name_lv : name_en; }
};

class Calendar {
public:
    Calendar() = default;  // the rules of the law; add the per-year facts below

    // Throw std::invalid_argument on facts that cannot be right (an impossible
    // date, a day-off transfer on a weekend or a holiday, a working-day transfer
    // on a weekday), because a wrong calendar silently misreports every office.
    void add_extra(Date date, std::string name_lv, std::string name_en);
    // `replaces` is only for a working day and must be a Monday–Friday.
    void add_transfer(Date date, Transfer kind, std::string name_lv, std::string name_en,
                      std::optional<Date> replaces = std::nullopt);
    // The closing day of the General Latvian Song and Dance Festival is a holiday of
    // the law, and when it falls on a Saturday or Sunday the next working day is a
    // day off, as for 4 May and 18 November. The festival is held every five years and
    // the law does not fix its date, so content gives the closing day of each one
    // (issue 14: it was a one-off entry for 10 July 2023). Add it before transfers.
    void add_song_festival(Date closing);

    std::optional<Holiday> holiday(Date date) const;
    bool is_public_holiday(Date date) const;
    std::optional<TransferDay> transfer(Date date) const;

    // A day of the Monday–Friday working week after holidays and transfers.
    bool is_working_day(Date date) const;
    // Labour Law: a working day followed by a public holiday is one hour shorter.
    // A Cabinet day off is not a holiday, so the day before it is not shortened;
    // a transferred working Saturday before a Sunday holiday is.
    bool is_shortened(Date date) const;
    // What the OSM `PH` selector matches: public holidays and Cabinet days off,
    // because the state and municipal offices those orders bind are closed on
    // both exactly as on a holiday.
    bool is_ph(Date date) const;
    // The date whose weekday decides which of a schedule's weekday rules apply:
    // `date` itself, except a working Saturday with a known replaced day, which
    // is worked with that day's hours (Labour Law, Cabinet transfer orders).
    Date hours_of(Date date) const;

    std::vector<Holiday> holidays(int year) const;        // sorted by date
    std::vector<TransferDay> transfers(int year) const;   // sorted by date
    std::vector<Date> shortened_days(int year) const;     // sorted

private:
    std::vector<Holiday> extras_;
    std::vector<TransferDay> transfers_;
    std::vector<Date> festivals_;  // closing days of the Song and Dance Festival
    std::optional<Holiday> festival_day(Date date) const;
};

// --- opening hours -----------------------------------------------------------

enum class State { closed, open, unknown };

// A stretch of one local day, in minutes since local midnight (wall clock).
struct Interval {
    int start = 0;  // 0..1439
    int end = 0;    // exclusive, start < end <= 1440
    State state = State::open;
    std::string comment;  // the spec's "..." text for this stretch, if any
};

struct Day {
    Date date;
    // Open and unknown stretches, sorted and disjoint; the gaps are closed.
    std::vector<Interval> intervals;
    std::optional<Holiday> holiday;
    std::optional<TransferDay> transfer;
    bool shortened = false;          // the calendar says: pre-holiday working day
    bool shortened_applied = false;  // ... and the hours were cut by an hour here
    bool explicit_date = false;      // a rule naming this date decided the day
    std::string note;                // comment of a rule that closed the day

    bool opens() const;  // any open interval
};

struct Status {
    State state = State::closed;
    std::string comment;
    // The stretch of the local day the instant falls in.
    Interval current;
    // Open: when it closes; none when it does not close within the look-ahead.
    std::optional<Instant> closes_at;
    // Not open: when it next opens; none when it never does within the look-ahead.
    std::optional<Instant> opens_at;
    // The next instant the state changes at all (closes, opens, becomes unknown).
    std::optional<Instant> next_change;

    bool open() const { return state == State::open; }
};

namespace detail {
struct Rules;
}

class Schedule {
public:
    // Parses an OSM opening_hours value. On failure returns nullopt and, if
    // `error` is given, says where and why.
    static std::optional<Schedule> parse(std::string_view spec, ParseError* error = nullptr);

    const std::string& text() const;

    // One local date with holidays, transfers and shortening applied. Rule
    // order follows OSM: a later `;` rule replaces earlier ones on the days it
    // matches, a `,` rule adds to them, a `||` rule applies only to days no
    // earlier rule matched. On a shortened pre-holiday day the hours end an hour
    // earlier unless a rule naming that date (e.g. "2026 Dec 23 08:30-12:00")
    // decided the day, or the day runs to midnight.
    Day day(Date date, const Calendar& calendar) const;
    std::vector<Interval> intervals(Date date, const Calendar& calendar) const;
    std::vector<Day> week(Date first, const Calendar& calendar) const;  // 7 days

    bool is_open(Instant at, const Calendar& calendar) const;
    Status status(Instant at, const Calendar& calendar, int lookahead_days = 366) const;

    // "P–C 8.30–17.00, pusdienas 12.00–13.00; Pk 8.30–14.00; svētku dienās slēgts"
    // "Mon–Thu 8:30–17:00, lunch 12:00–13:00; Fri 8:30–14:00; closed on public holidays"
    std::string describe(Lang lang) const;
    // The same in whole words, for a citizen's page (issue 15):
    // "Pirmdiena–ceturtdiena 8.30–17.00, pusdienas pārtraukums 12.00–13.00; piektdiena 8.30–14.00;
    //  svētku dienās slēgts" / "Monday–Thursday 8:30–17:00, lunch break 12:00–13:00; …".
    std::string describe_in_words(Lang lang) const;

private:
    explicit Schedule(std::shared_ptr<const detail::Rules> rules) : rules_(std::move(rules)) {}
    std::shared_ptr<const detail::Rules> rules_;  // immutable, so copies share it
};

// One evaluated day for a week view: "8.30–17.00, pusdienas 12.00–13.00" or
// "slēgts" / "closed"; the holiday, transfer or shortening is the caller's to show.
std::string describe_day(const Day& day, Lang lang);

// "Open now, closes at 16:00" / "Atvērts, slēgs 16.00";
// "Closed, opens Monday 8:30" / "Slēgts, atvērs pirmdien 8.30".
std::string describe_status(const Status& status, Instant now, Lang lang);

// 8:30 (en) or 8.30 (lv); 1440 prints as 24:00 / 24.00.
std::string format_minutes(int minute_of_day, Lang lang);
// "8.30–17.00" / "8:30–17:00", with an en dash; an end past midnight wraps.
std::string format_time_range(int start, int end, Lang lang);

// --- dates as Latvians (and the English site) write them --------------------
//
// One format across the site (issue 14), the one Intl.DateTimeFormat('lv') and
// ('en-GB') print: never an ISO date on a citizen's page.
enum class DateStyle {
    numeric,   // "24.12.2026." / "24/12/2026"
    long_form, // nominative, for tables and headings: "2026. gada 24. decembris" / "24 December 2026"
    locative,  // "when" inside a sentence: "2026. gada 24. decembrī" / "24 December 2026"
};
// `year` false drops the year: "24. decembris", "24. decembrī", "24.12.", "24 December", "24/12".
// An invalid date throws std::invalid_argument (a page must never print month 13).
std::string format_date(Date date, Lang lang, DateStyle style = DateStyle::numeric, bool year = true);
// The weekday in front, as Intl's dateStyle "full" does:
// "ceturtdiena, 2026. gada 24. decembris" / "Thursday, 24 December 2026".
std::string format_weekday_date(Date date, Lang lang, DateStyle style = DateStyle::long_form, bool year = true);
std::string_view month_name(int month, Lang lang);  // "decembris" / "December"
std::string_view weekday_abbr(Weekday day, Lang lang);  // "Mon" / "P"
std::string_view weekday_name(Weekday day, Lang lang);  // "Monday" / "pirmdiena"

}  // namespace pietura::hours
