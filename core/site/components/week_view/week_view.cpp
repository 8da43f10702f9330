#include "site/components/week_view/week_view.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <stdexcept>

#include "site/page.hpp"

namespace pietura::site::components {

using html::esc;

namespace {

// How many coming days the first, always open table shows; the rest fold away.
constexpr std::size_t kComing = 5;

struct SpecialDay {
    hours::Day day;
    std::string note;
};

// Every holiday, Cabinet transfer and (where this office shortens it) pre-holiday
// day from `from` to the end of `from`'s year.
std::vector<SpecialDay> special_days(const internal::Ctx& x, const hours::Schedule& schedule, const hours::Calendar& cal,
                                     hours::Date from) {
    std::vector<hours::Date> dates;
    for (auto& hol : cal.holidays(from.year)) dates.push_back(hol.date);
    for (auto& t : cal.transfers(from.year)) dates.push_back(t.date);
    for (auto& d : cal.shortened_days(from.year)) dates.push_back(d);
    std::sort(dates.begin(), dates.end());
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
    std::vector<SpecialDay> out;
    for (auto& date : dates) {
        if (date < from) continue;
        hours::Day d = schedule.day(date, cal);
        std::string note = d.holiday ? d.holiday->name(x.lang) : d.transfer ? d.transfer->name(x.lang) : "";
        if (d.shortened_applied) note += (note.empty() ? "" : "; ") + x.t("cp.holidays.shortened");
        if (note.empty()) continue;  // a shortened day this office does not shorten
        out.push_back({std::move(d), std::move(note)});
    }
    return out;
}

// Nominative dates in a table ("ceturtdiena, 24. decembris"); the year is in the
// caption unless the table spans years.
std::string table(const internal::Ctx& x, const std::string& caption, const std::vector<SpecialDay>& days, bool with_year,
                  const std::string& cls) {
    std::string h = "<table class=\"days" + cls + "\">\n<caption>" + esc(caption) + "</caption>\n<thead><tr><th scope=\"col\">" +
                    x.e("cp.week.date") + "</th><th scope=\"col\">" + x.e("cp.week.hours") + "</th><th scope=\"col\">" +
                    x.e("cp.week.note") + "</th></tr></thead>\n<tbody>\n";
    for (auto& s : days)
        h += std::string("<tr") + (s.day.opens() ? "" : " class=\"closed\"") + "><td>" +
             esc(hours::format_weekday_date(s.day.date, x.lang, hours::DateStyle::long_form, with_year)) + "</td><td>" +
             esc(hours::describe_day(s.day, x.lang)) + "</td><td>" + esc(s.note) + "</td></tr>\n";
    return h + "</tbody>\n</table>\n";
}

}  // namespace

hours::Date build_today() {
    if (const char* env = std::getenv("SOURCE_DATE_EPOCH"); env && *env) {
        std::string v = env;
        if (v.size() > 15 || v.find_first_not_of("0123456789") != std::string::npos)
            throw std::invalid_argument("SOURCE_DATE_EPOCH must be whole seconds since 1970, not \"" + v + "\"");
        return hours::to_riga(std::stoll(v)).date;
    }
    auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    return hours::to_riga(now).date;
}

std::string week_view(const Strings& s, Lang lang, const content::Content& c, const content::ContactPoint& cp,
                      hours::Date today) {
    const Options no_options;
    const internal::Ctx x{c, s, no_options, lang};
    auto schedule = hours::Schedule::parse(cp.hours);
    if (!schedule) return "";
    std::string h = "<section id=\"week\" class=\"week\" data-id=\"" + esc(cp.id) + "\" data-date=\"" + x.e("cp.week.date") +
                    "\" data-day=\"" + x.e("cp.week.day") + "\" data-hours=\"" + x.e("cp.week.hours") +
                    "\" data-note=\"" + x.e("cp.week.note") + "\" data-ahead=\"" + x.e("cp.holidays.ahead") +
                    "\" data-none=\"" + x.e("cp.holidays.none") + "\" hidden>\n<h3>" + x.e("cp.week.heading") +
                    "</h3>\n<div class=\"week-table\"></div>\n<h3>" + x.e("cp.holidays.ahead") +
                    "</h3>\n<div class=\"holidays-ahead\"></div>\n</section>\n";
    hours::Calendar cal = x.c.calendar();
    // This year's from today, then next year's whole: the two years a citizen plans in.
    const int years[2] = {today.year, today.year + 1};
    std::vector<SpecialDay> by_year[2] = {special_days(x, *schedule, cal, today),
                                          special_days(x, *schedule, cal, hours::Date{today.year + 1, 1, 1})};
    std::vector<SpecialDay> coming = by_year[0];
    coming.insert(coming.end(), by_year[1].begin(), by_year[1].end());
    if (coming.size() > kComing) coming.resize(kComing);
    // The static tables stand in for the live view; week_view.js hides them once it has filled #week.
    h += "<div class=\"holidays-static\">\n";
    h += table(x, x.t("hours.holidays.coming"), coming, true, " holidays-coming");
    std::size_t rows = by_year[0].size() + by_year[1].size();
    h += "<details class=\"holiday-years\">\n<summary>" +
         x.f("hours.holidays.all",
             {{"from", std::to_string(years[0])}, {"to", std::to_string(years[1])}, {"n", std::to_string(rows)}}) +
         "</summary>\n";
    for (int k = 0; k < 2; ++k) {
        int year = years[k];
        if (!by_year[k].empty())
            h += table(x, s.format(lang, "hours.holidays.year", {{"year", std::to_string(year)}}), by_year[k], false, "");
        // Until the Cabinet order for a year is out, its moved days are unknown: say so
        // instead of showing a year without transfers as if it were final (issue 14).
        bool published = false;
        for (auto& y : x.c.holidays)
            if (y.year == year) published = y.transfers_published;
        if (!published)
            h += "<p class=\"note\">" + x.f("cp.holidays.unpublished", {{"year", std::to_string(year)}}) + "</p>\n";
    }
    return h + "</details>\n</div>\n";
}

}  // namespace pietura::site::components
