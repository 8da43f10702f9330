// pietura hours / pietura holidays — the hours core from a terminal, so editors
// can check a contact point's opening_hours and a year's holidays exactly as
// the browser will evaluate them.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli.hpp"
#include "content/content.hpp"
#include "hours/hours.hpp"
#include "i18n/plural.hpp"
#include "text/text.hpp"

namespace pietura::cli {

namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

const char* kHoursHelp = R"(pietura hours — evaluate an opening_hours specification at an instant

Usage: pietura hours --spec SPEC [--at INSTANT] [options]
       pietura hours --date YYYY-MM-DD [--lang lv|en] [--json]
       pietura hours --plural N[-M] [--lang lv|en] [--json]

  --spec SPEC      an OpenStreetMap opening_hours value, e.g.
                   "Mo-Th 08:00-12:00,13:00-17:00; Fr 08:00-14:00; PH off"
  --at INSTANT     the instant to evaluate, ISO 8601 with its UTC offset:
                   2026-12-24T10:30+02:00, 2026-12-24T08:30:00Z; or "now"
                   (default: now)
  --lang lv|en     language of the sentence and the description (default: lv)
  --week           also show the 7 days starting on the date of --at
  --holidays DIR   the holidays folder of a content folder: <year>.json files with
                   one-off holidays and Cabinet working-day transfers, checked
                   against the schema/ beside it as 'pietura build' checks them
                   (default: content/holidays; when the default folder is missing
                   only the rules of the law are used)
  --json           print one JSON object instead of text
  --date DATE      instead of a spec: the date as pages write it (numeric, long,
                   in a sentence, with the weekday)
  --plural N[-M]   instead of a spec: the plural form (CLDR category zero, one or
                   other) a word takes after each number from N to M (0-1000000)

Prints open or closed, the current interval, when it closes or next opens and
the next change, all in Riga time (EET UTC+2 / EEST UTC+3), plus the day's
hours (with holidays and the hour-shorter pre-holiday day) and a description.

Exit codes: 0 done; 1 a holiday file is invalid; 2 wrong command line,
including a SPEC or INSTANT that does not parse (the error gives its column).
)";

const char* kHolidaysHelp = R"(pietura holidays — Latvian public holidays and shortened working days of a year

Usage: pietura holidays --year YYYY [options]

  --year YYYY      the year to list (1900-2200)
  --holidays DIR   the holidays folder of a content folder: <year>.json files with
                   one-off holidays and Cabinet working-day transfers, checked
                   against the schema/ beside it as 'pietura build' checks them
                   (default: content/holidays; when the default folder is missing
                   only the rules of the law are used)
  --json           print one JSON object instead of a table

Lists public holidays (fixed, Easter-based, the Monday after a weekend 4 May or
18 November, one-off ones), Cabinet transfers (a weekday made a day off, a
Saturday made a working day) and the working days before a holiday, which the
Labour Law shortens by one hour. Names are given in Latvian and English, and
each date as the site writes it. A working Saturday names the day whose hours it
is worked with; a year whose Cabinet order is not in the content says so
(JSON: "transfers_published": false).

Exit codes: 0 done; 1 a holiday file is invalid; 2 wrong command line.
)";

using text::hhmm;

std::string utc_iso(hours::Instant t) {
    std::int64_t days = t / 86400, secs = t % 86400;
    if (secs < 0) secs += 86400, --days;
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", int(secs / 3600), int(secs / 60 % 60), int(secs % 60));
    return hours::Date::from_days(days).iso() + buf;
}

// "2026-12-23 13:00 Wed (UTC+02:00)": what a person in Riga reads on the clock.
std::string riga_text(hours::Instant t) {
    auto lt = hours::to_riga(t);
    return lt.date.iso() + " " + hhmm(lt.minute_of_day()) + " " +
           std::string(hours::weekday_abbr(lt.date.weekday(), Lang::en)) + (lt.summer_time() ? " (UTC+03:00)" : " (UTC+02:00)");
}

const char* state_word(hours::State s) {
    switch (s) {
        case hours::State::open: return "open";
        case hours::State::closed: return "closed";
        case hours::State::unknown: return "unknown";
    }
    return "closed";
}

const char* kind_word(hours::HolidayKind k) {
    switch (k) {
        case hours::HolidayKind::statutory: return "holiday";
        case hours::HolidayKind::substitute: return "substitute";
        case hours::HolidayKind::extra: return "extra";
    }
    return "holiday";
}

const char* transfer_word(hours::Transfer k) { return k == hours::Transfer::day_off ? "day-off" : "working-day"; }

// The holidays of a content folder, read and checked by the same content loader as
// `pietura build` (the same schema, the same file:line:column messages) and turned into
// a calendar by Content::calendar(), so that this command and the site can never
// disagree. The loader reads the whole content folder; only the problems of the
// holiday files (or a missing schema) concern this command. Returns an exit code
// (0 = go on).
int load_calendar(const fs::path& holidays, const std::string& cmd, hours::Calendar& cal, int& files,
                  std::vector<int>* published = nullptr) {
    fs::path content_dir = holidays.parent_path().empty() ? fs::path(".") : holidays.parent_path();
    std::error_code ec;
    if (holidays.filename() != "holidays" || !fs::is_directory(content_dir / "schema", ec))
        return usage_error(cmd, "--holidays: " + holidays.string() +
                                    " is not the holidays folder of a content folder (with schema/ beside it)");
    std::vector<content::Diagnostic> diags;
    content::Content c = content::Content::load(content_dir, diags);
    int errors = 0;
    for (const auto& d : diags) {
        bool ours = fs::path(d.file).parent_path().filename() == "holidays" ||
                    fs::path(d.file).filename() == "schema";
        if (!ours || d.severity != content::Diagnostic::Severity::error) continue;
        std::cerr << d.format() << "\n";
        ++errors;
    }
    if (errors) {
        std::cerr << "pietura " << cmd << ": " << errors << " error(s) in the holiday files\n";
        return 1;
    }
    cal = c.calendar();
    files = int(c.holidays.size());
    if (published)
        for (const auto& y : c.holidays)
            if (y.transfers_published) published->push_back(y.year);
    return 0;
}

// Shared by both commands: --holidays DIR, defaulting to content/holidays.
// Returns an exit code (0 = go on).
// `published`, when given, receives the years whose Cabinet transfer order the content holds.
int calendar_from_args(const Args& args, const std::string& cmd, hours::Calendar& cal, int& files,
                       std::vector<int>* published = nullptr) {
    auto given = args.get("holidays");
    fs::path dir = given ? fs::path(*given) : fs::path("content/holidays");
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        if (given) return usage_error(cmd, "--holidays: no such folder: " + *given);
        return 0;  // no content folder here: the rules of the law alone
    }
    while (dir.filename().empty() && dir.has_parent_path() && dir != dir.parent_path()) dir = dir.parent_path();  // "x/holidays/"
    return load_calendar(dir, cmd, cal, files, published);
}

ordered_json day_json(const hours::Day& d) {
    ordered_json j;
    j["date"] = d.date.iso();
    j["weekday"] = std::string(hours::weekday_abbr(d.date.weekday(), Lang::en));
    ordered_json iv = ordered_json::array();
    for (const auto& x : d.intervals) {
        ordered_json i{{"start", hhmm(x.start)}, {"end", hhmm(x.end)}, {"state", state_word(x.state)}};
        if (!x.comment.empty()) i["comment"] = x.comment;
        iv.push_back(i);
    }
    j["intervals"] = iv;
    j["holiday"] = d.holiday ? ordered_json{{"kind", kind_word(d.holiday->kind)},
                                            {"name", {{"lv", d.holiday->name_lv}, {"en", d.holiday->name_en}}}}
                             : ordered_json(nullptr);
    j["transfer"] = d.transfer ? ordered_json{{"kind", transfer_word(d.transfer->kind)},
                                              {"name", {{"lv", d.transfer->name_lv}, {"en", d.transfer->name_en}}}}
                               : ordered_json(nullptr);
    j["shortened"] = d.shortened;
    j["shortened_applied"] = d.shortened_applied;
    if (!d.note.empty()) j["note"] = d.note;
    return j;
}

std::string day_text(const hours::Day& d) {
    std::string out;
    for (const auto& x : d.intervals) {
        if (!out.empty()) out += ", ";
        out += hhmm(x.start) + "-" + hhmm(x.end);
        if (x.state == hours::State::unknown) out += " (unknown)";
        if (!x.comment.empty()) out += " \"" + x.comment + "\"";
    }
    if (out.empty()) out = "closed";
    if (!d.note.empty() && d.intervals.empty()) out += " \"" + d.note + "\"";
    if (d.holiday) out += "  [holiday: " + d.holiday->name_lv + " / " + d.holiday->name_en + "]";
    if (d.transfer)
        out += std::string("  [") + (d.transfer->kind == hours::Transfer::day_off ? "Cabinet day off" : "Cabinet working day") +
               ": " + d.transfer->name_en + "]";
    if (d.shortened_applied) out += "  [shortened by 1 hour: the day before a public holiday]";
    else if (d.shortened) out += "  [pre-holiday day; the spec's hours apply]";
    return out;
}

// --date: every form the site writes a date in, so editors and tests see the one formatter.
int show_date(const std::string& text, Lang lang, bool json) {
    hours::ParseError err;
    auto d = hours::Date::parse(text, &err);
    if (!d) return usage_error("hours", "--date \"" + text + "\": " + err.to_string());
    ordered_json j;
    j["date"] = d->iso();
    j["lang"] = std::string(code(lang));
    j["numeric"] = hours::format_date(*d, lang, hours::DateStyle::numeric);
    j["long"] = hours::format_date(*d, lang, hours::DateStyle::long_form);
    j["locative"] = hours::format_date(*d, lang, hours::DateStyle::locative);
    j["weekday_long"] = hours::format_weekday_date(*d, lang, hours::DateStyle::long_form);
    if (json) {
        std::cout << j.dump(2) << "\n";
        return 0;
    }
    for (auto& [k, v] : j.items())
        if (k != "date" && k != "lang") std::cout << k << std::string(14 - k.size(), ' ') << v.get<std::string>() << "\n";
    return 0;
}

// --plural N or N-M: one "number category" line each (or a JSON object number → category).
int show_plural(const std::string& text, Lang lang, bool json) {
    auto number = [](const std::string& t) -> std::optional<long> {
        if (t.empty() || t.size() > 7 || t.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
        long v = std::stol(t);
        return v <= 1000000 ? std::optional<long>(v) : std::nullopt;
    };
    auto dash = text.find('-');
    auto from = number(text.substr(0, dash));
    auto to = dash == std::string::npos ? from : number(text.substr(dash + 1));
    if (!from || !to || *to < *from)
        return usage_error("hours", "--plural must be a number or a range N-M of whole numbers from 0 to 1000000");
    ordered_json j = ordered_json::object();
    for (long n = *from; n <= *to; ++n) {
        std::string cat(i18n::name(i18n::plural(lang, n)));
        if (json) j[std::to_string(n)] = cat;
        else std::cout << n << " " << cat << "\n";
    }
    if (json) std::cout << j.dump() << "\n";
    return 0;
}

}  // namespace

int cmd_hours(int argc, char** argv) {
    Args args(argc, argv, {"spec", "at", "lang", "holidays", "date", "plural"}, {"json", "week", "help"});
    if (!args.ok()) return usage_error("hours", args.error());
    if (args.flag("help")) {
        std::cout << kHoursHelp;
        return 0;
    }
    if (!args.positional().empty()) return usage_error("hours", "unexpected argument '" + args.positional()[0] + "'");
    auto lang = parse_lang(args.get_or("lang", "lv"));
    if (!lang) return usage_error("hours", "--lang must be lv or en");
    auto date_text = args.get("date");
    auto plural_text = args.get("plural");
    if (int(bool(date_text)) + int(bool(plural_text)) + int(bool(args.get("spec"))) > 1)
        return usage_error("hours", "give one of --spec, --date and --plural");
    if (date_text) return show_date(*date_text, *lang, args.flag("json"));
    if (plural_text) return show_plural(*plural_text, *lang, args.flag("json"));
    auto spec_text = args.get("spec");
    if (!spec_text) return usage_error("hours", "--spec is required, e.g. --spec \"Mo-Fr 08:00-17:00; PH off\"");

    hours::Instant at = 0;
    std::string at_text = args.get_or("at", "now");
    if (at_text == "now") {
        at = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    } else {
        hours::ParseError err;
        auto parsed = hours::parse_instant(at_text, &err);
        if (!parsed) return usage_error("hours", "--at \"" + at_text + "\": " + err.to_string());
        at = *parsed;
    }

    hours::ParseError err;
    auto spec = hours::Schedule::parse(*spec_text, &err);
    if (!spec) {
        std::cerr << "pietura hours: --spec: " << err.to_string() << "\n  " << *spec_text << "\n  "
                  << std::string(err.column - 1, ' ') << "^\n";
        return 2;
    }

    hours::Calendar cal;
    int files = 0;
    if (int rc = calendar_from_args(args, "hours", cal, files)) return rc;

    auto st = spec->status(at, cal);
    auto local = hours::to_riga(at);
    auto today = spec->day(local.date, cal);
    std::optional<hours::State> next_state;
    if (st.next_change) next_state = spec->status(*st.next_change, cal).state;
    std::string summary = hours::describe_status(st, at, *lang);
    std::string description = spec->describe(*lang);

    if (args.flag("json")) {
        auto instant = [](const std::optional<hours::Instant>& t) {
            return t ? ordered_json(hours::format_riga(*t)) : ordered_json(nullptr);
        };
        ordered_json j;
        j["spec"] = *spec_text;
        j["at"] = hours::format_riga(at);
        j["at_utc"] = utc_iso(at);
        j["state"] = state_word(st.state);
        j["open"] = st.open();
        j["comment"] = st.comment.empty() ? ordered_json(nullptr) : ordered_json(st.comment);
        j["interval"] = {{"start", hhmm(st.current.start)}, {"end", hhmm(st.current.end)}, {"state", state_word(st.current.state)}};
        j["closes_at"] = instant(st.closes_at);
        j["opens_at"] = instant(st.opens_at);
        j["next_change"] = instant(st.next_change);
        j["next_state"] = next_state ? ordered_json(state_word(*next_state)) : ordered_json(nullptr);
        j["today"] = day_json(today);
        j["summary"] = summary;
        j["description"] = description;
        j["lang"] = std::string(code(*lang));
        j["holiday_files"] = files;
        if (args.flag("week")) {
            ordered_json w = ordered_json::array();
            for (const auto& d : spec->week(local.date, cal)) w.push_back(day_json(d));
            j["week"] = w;
        }
        std::cout << j.dump(2) << "\n";
        return 0;
    }

    auto line = [](const char* label, const std::string& value) {
        std::cout << label << std::string(11 - std::string(label).size(), ' ') << value << "\n";
    };
    line("at", riga_text(at));
    line("status", summary);
    line("state", state_word(st.state));
    line("interval", hhmm(st.current.start) + "-" + hhmm(st.current.end) + " " + state_word(st.current.state) +
                         (st.comment.empty() ? "" : " \"" + st.comment + "\""));
    if (st.open()) line("closes", st.closes_at ? riga_text(*st.closes_at) : "not within a year");
    else line("opens", st.opens_at ? riga_text(*st.opens_at) : "not within a year");
    line("next", st.next_change ? riga_text(*st.next_change) + " -> " + state_word(*next_state) : "no change within a year");
    line("today", day_text(today));
    line("hours", description);
    if (args.flag("week")) {
        std::cout << "week\n";
        for (const auto& d : spec->week(local.date, cal))
            std::cout << "  " << d.date.iso() << " " << hours::weekday_abbr(d.date.weekday(), Lang::en) << "  "
                      << day_text(d) << "\n";
    }
    return 0;
}

int cmd_holidays(int argc, char** argv) {
    Args args(argc, argv, {"year", "holidays"}, {"json", "help"});
    if (!args.ok()) return usage_error("holidays", args.error());
    if (args.flag("help")) {
        std::cout << kHolidaysHelp;
        return 0;
    }
    if (!args.positional().empty()) return usage_error("holidays", "unexpected argument '" + args.positional()[0] + "'");
    auto year_text = args.get("year");
    if (!year_text) return usage_error("holidays", "--year is required, e.g. --year 2026");
    int year = 0;
    if (year_text->size() != 4 || year_text->find_first_not_of("0123456789") != std::string::npos ||
        (year = std::stoi(*year_text)) < 1900 || year > 2200)
        return usage_error("holidays", "--year must be a year from 1900 to 2200");

    hours::Calendar cal;
    int files = 0;
    std::vector<int> published;
    if (int rc = calendar_from_args(args, "holidays", cal, files, &published)) return rc;
    // Issue 14: a year without its Cabinet order says so rather than listing no transfers as if final.
    bool transfers_known = std::find(published.begin(), published.end(), year) != published.end();

    struct Row {
        hours::Date date;
        std::string kind, lv, en;
        std::optional<hours::Date> replaces = std::nullopt;  // a working Saturday: whose hours it is worked with
    };
    std::vector<Row> rows;
    for (const auto& h : cal.holidays(year)) rows.push_back({h.date, kind_word(h.kind), h.name_lv, h.name_en});
    for (const auto& t : cal.transfers(year)) rows.push_back({t.date, transfer_word(t.kind), t.name_lv, t.name_en, t.replaces});
    for (const auto& d : cal.shortened_days(year)) {
        auto next = cal.holiday(d.plus(1));
        rows.push_back({d, "shortened", "Pirmssvētku diena, par 1 stundu īsāka (rīt: " + next->name_lv + ")",
                        "Day before a public holiday, 1 hour shorter (next day: " + next->name_en + ")"});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.date < b.date; });

    if (args.flag("json")) {
        ordered_json j;
        j["year"] = year;
        j["holiday_files"] = files;
        j["transfers_published"] = transfers_known;
        ordered_json days = ordered_json::array();
        for (const auto& r : rows) {
            ordered_json day{{"date", r.date.iso()},
                             {"weekday", std::string(hours::weekday_abbr(r.date.weekday(), Lang::en))},
                             {"kind", r.kind},
                             {"name", {{"lv", r.lv}, {"en", r.en}}},
                             {"text", {{"lv", hours::format_weekday_date(r.date, Lang::lv)},
                                       {"en", hours::format_weekday_date(r.date, Lang::en)}}}};
            // Issue 14: a working Saturday is worked with the hours of the day it replaces.
            if (r.kind == "working-day")
                day["hours_of"] = r.replaces ? ordered_json{{"date", r.replaces->iso()},
                                                            {"weekday", std::string(hours::weekday_abbr(r.replaces->weekday(), Lang::en))}}
                                             : ordered_json(nullptr);
            days.push_back(day);
        }
        j["days"] = days;
        std::cout << j.dump(2) << "\n";
        return 0;
    }
    std::cout << "Latvian public holidays, Cabinet transfers and shortened days, " << year
              << (files ? "" : " (rules of the law only; no holiday files loaded)") << "\n";
    if (!transfers_known)
        std::cout << "The Cabinet order moving working days in " << year
                  << " is not in the content (not yet published?): transfers may be missing\n";
    for (const auto& r : rows)
        std::cout << r.date.iso() << " " << hours::weekday_abbr(r.date.weekday(), Lang::en) << "  " << r.kind
                  << std::string(r.kind.size() < 12 ? 12 - r.kind.size() : 1, ' ') << r.lv << " | " << r.en
                  << (r.replaces ? " (hours of " + r.replaces->iso() + " " +
                                       std::string(hours::weekday_abbr(r.replaces->weekday(), Lang::en)) + ")"
                                 : "")
                  << "\n";
    return 0;
}

}  // namespace pietura::cli
