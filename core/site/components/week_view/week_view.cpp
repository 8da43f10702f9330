#include "site/components/week_view/week_view.hpp"

#include <algorithm>

#include "hours/hours.hpp"
#include "site/page.hpp"

namespace pietura::site::components {

using html::esc;

std::string week_view(const Strings& s, Lang lang, const content::Content& c, const content::ContactPoint& cp) {
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
    std::vector<int> years;
    for (auto& y : x.c.holidays) years.push_back(y.year);
    std::sort(years.begin(), years.end());
    if (years.empty()) return h;
    h += "<details class=\"holiday-years\">\n<summary>" +
         x.f("cp.holidays.years", {{"from", std::to_string(years.front())}, {"to", std::to_string(years.back())}}) +
         "</summary>\n";
    for (int year : years) {
        std::vector<hours::Date> special;
        for (auto& hol : cal.holidays(year)) special.push_back(hol.date);
        for (auto& t : cal.transfers(year)) special.push_back(t.date);
        for (auto& d : cal.shortened_days(year)) special.push_back(d);
        std::sort(special.begin(), special.end());
        special.erase(std::unique(special.begin(), special.end()), special.end());
        h += "<table class=\"days\">\n<caption>" + std::to_string(year) + "</caption>\n<thead><tr><th scope=\"col\">" +
             x.e("cp.week.date") + "</th><th scope=\"col\">" + x.e("cp.week.hours") + "</th><th scope=\"col\">" +
             x.e("cp.week.note") + "</th></tr></thead>\n<tbody>\n";
        for (auto& date : special) {
            hours::Day d = schedule->day(date, cal);
            std::string note = d.holiday ? d.holiday->name(x.lang) : d.transfer ? d.transfer->name(x.lang) : "";
            if (d.shortened_applied) note += (note.empty() ? "" : "; ") + x.t("cp.holidays.shortened");
            if (note.empty()) continue;  // a shortened day this office does not shorten
            h += "<tr><td>" + esc(date.iso()) + " " + esc(std::string(hours::weekday_abbr(date.weekday(), x.lang))) +
                 "</td><td>" + esc(hours::describe_day(d, x.lang)) + "</td><td>" + esc(note) + "</td></tr>\n";
        }
        h += "</tbody>\n</table>\n";
        // Until the Cabinet order for a year is out, its moved days are unknown: say so
        // instead of showing a year without transfers as if it were final (issue 14).
        for (auto& y : x.c.holidays)
            if (y.year == year && !y.transfers_published)
                h += "<p class=\"note\">" + x.f("cp.holidays.unpublished", {{"year", std::to_string(year)}}) + "</p>\n";
    }
    return h + "</details>\n";
}

}  // namespace pietura::site::components
