// The Latvian public-holiday calendar: the law "Par svētku, atceres un
// atzīmējamām dienām" (fixed and Easter-based days, the weekend rule for 4 May,
// 18 November and the Song and Dance Festival's closing day), plus what content adds
// per year: the festival's closing day, one-off holidays and the Cabinet's
// working-day transfers.
#include <algorithm>
#include <stdexcept>

#include "hours/hours.hpp"

namespace pietura::hours {

namespace {

struct Named {
    const char* lv;
    const char* en;
};

struct Fixed {
    int month, day;
    Named name;
};

const Fixed kFixed[] = {
    {1, 1, {"Jaunais gads", "New Year's Day"}},
    {5, 1,
     {"Darba svētki, Latvijas Republikas Satversmes sapulces sasaukšanas diena",
      "Labour Day, Convocation of the Constituent Assembly of the Republic of Latvia"}},
    {5, 4,
     {"Latvijas Republikas Neatkarības deklarācijas pasludināšanas diena",
      "Restoration of Independence of the Republic of Latvia"}},
    {6, 23, {"Līgo diena", "Midsummer Eve (Līgo Day)"}},
    {6, 24, {"Jāņu diena", "Midsummer Day (Jāņi)"}},
    {11, 18, {"Latvijas Republikas proklamēšanas diena", "Proclamation Day of the Republic of Latvia"}},
    {12, 24, {"Ziemassvētku vakars", "Christmas Eve"}},
    {12, 25, {"Pirmie Ziemassvētki", "Christmas Day"}},
    {12, 26, {"Otrie Ziemassvētki", "Second Day of Christmas"}},
    {12, 31, {"Vecgada vakars", "New Year's Eve"}},
};

struct EasterBased {
    int offset;  // days from Easter Sunday
    Named name;
};

const EasterBased kEaster[] = {
    {-2, {"Lielā piektdiena", "Good Friday"}},
    {0, {"Pirmās Lieldienas", "Easter Sunday"}},
    {1, {"Otrās Lieldienas", "Easter Monday"}},
    {49, {"Vasarsvētki", "Whit Sunday (Pentecost)"}},
};

// Mātes diena, the second Sunday of May, is a holiday of the law's first article.
// Being a Sunday it closes nothing by itself, but it shortens a working Saturday
// before it (10 May 2025).
const Named kMothersDay = {"Mātes diena", "Mother's Day"};

Date mothers_day(int year) {
    Date d{year, 5, 8};
    while (d.weekday() != Weekday::su) d = d.plus(1);
    return d;
}

const Named kAfter4May = {"Brīvdiena, jo 4. maijs ir nedēļas nogalē", "Day off: 4 May falls on a weekend"};
const Named kAfter18Nov = {"Brīvdiena, jo 18. novembris ir nedēļas nogalē",
                           "Day off: 18 November falls on a weekend"};

const Named kFestival = {"Vispārējo latviešu Dziesmu un deju svētku noslēguma diena",
                         "Closing day of the Latvian Song and Dance Festival"};
const Named kAfterFestival = {"Brīvdiena, jo Dziesmu un deju svētku noslēguma diena ir nedēļas nogalē",
                              "Day off: the closing day of the Song and Dance Festival falls on a weekend"};

bool weekend(Date d) { return d.weekday() >= Weekday::sa; }

const Named* statutory(Date d) {
    for (const auto& f : kFixed)
        if (f.month == d.month && f.day == d.day) return &f.name;
    if (d.month == 5 && d.day >= 8 && d.day <= 14 && d.weekday() == Weekday::su) return &kMothersDay;
    // Easter-based days fall between 20 March and 13 June.
    if (d.month >= 3 && d.month <= 6) {
        std::int64_t diff = d.days() - easter_sunday(d.year).days();
        for (const auto& e : kEaster)
            if (e.offset == diff) return &e.name;
    }
    return nullptr;
}

// The law moves the day off to the next working day, which for 4 May and
// 18 November is always the Monday; walking forward keeps it right anyway.
std::optional<Date> substitute_for(int year, int month, int day) {
    Date h{year, month, day};
    if (!weekend(h)) return std::nullopt;
    Date d = h.plus(1);
    while (weekend(d) || statutory(d)) d = d.plus(1);
    return d;
}

const Named* substitute(Date d) {
    if (d.weekday() > Weekday::we) return nullptr;
    if (d.month == 5 && d.day <= 7) {
        auto s = substitute_for(d.year, 5, 4);
        if (s && *s == d) return &kAfter4May;
    }
    if (d.month == 11 && d.day >= 19 && d.day <= 22) {
        auto s = substitute_for(d.year, 11, 18);
        if (s && *s == d) return &kAfter18Nov;
    }
    return nullptr;
}

}  // namespace

void Calendar::add_extra(Date date, std::string name_lv, std::string name_en) {
    if (!date.valid()) throw std::invalid_argument("extra holiday: invalid date " + date.iso());
    if (name_lv.empty() || name_en.empty())
        throw std::invalid_argument("extra holiday " + date.iso() + ": needs a name in Latvian and English");
    extras_.push_back(Holiday{date, HolidayKind::extra, std::move(name_lv), std::move(name_en)});
    std::stable_sort(extras_.begin(), extras_.end(), [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
}

void Calendar::add_song_festival(Date closing) {
    if (!closing.valid()) throw std::invalid_argument("Song and Dance Festival: invalid closing day " + closing.iso());
    for (auto& f : festivals_)
        if (f.year == closing.year)
            throw std::invalid_argument("Song and Dance Festival: two closing days in " + std::to_string(closing.year));
    festivals_.push_back(closing);
    std::sort(festivals_.begin(), festivals_.end());
}

std::optional<Holiday> Calendar::festival_day(Date date) const {
    for (auto& f : festivals_) {
        if (f == date) return Holiday{date, HolidayKind::statutory, kFestival.lv, kFestival.en};
        auto s = substitute_for(f.year, f.month, f.day);
        if (s && *s == date) return Holiday{date, HolidayKind::substitute, kAfterFestival.lv, kAfterFestival.en};
    }
    return std::nullopt;
}

void Calendar::add_transfer(Date date, Transfer kind, std::string name_lv, std::string name_en,
                            std::optional<Date> replaces) {
    if (!date.valid()) throw std::invalid_argument("working-day transfer: invalid date " + date.iso());
    std::string day = date.iso() + " (" + std::string(weekday_name(date.weekday(), Lang::en)) + ")";
    if (replaces) {
        if (kind != Transfer::working_day)
            throw std::invalid_argument("day-off transfer on " + day + ": only a working day replaces another day");
        if (!replaces->valid() || weekend(*replaces))
            throw std::invalid_argument("working-day transfer on " + day + ": the day it replaces (" + replaces->iso() +
                                        ") must be a Monday to Friday");
    }
    if (kind == Transfer::day_off && weekend(date))
        throw std::invalid_argument("day-off transfer on " + day + ": only a weekday can be made a day off");
    if (kind == Transfer::working_day && !weekend(date))
        throw std::invalid_argument("working-day transfer on " + day + ": only a Saturday or Sunday can be made a working day");
    if (is_public_holiday(date))
        throw std::invalid_argument("working-day transfer on " + day + ": the day is a public holiday");
    if (transfer(date)) throw std::invalid_argument("working-day transfer on " + day + ": given twice");
    if (name_lv.empty() || name_en.empty())
        throw std::invalid_argument("working-day transfer " + date.iso() + ": needs a name in Latvian and English");
    transfers_.push_back(TransferDay{date, kind, std::move(name_lv), std::move(name_en), replaces});
    std::sort(transfers_.begin(), transfers_.end(),
              [](const TransferDay& a, const TransferDay& b) { return a.date < b.date; });
}

std::optional<Holiday> Calendar::holiday(Date date) const {
    if (const Named* n = statutory(date)) return Holiday{date, HolidayKind::statutory, n->lv, n->en};
    if (const Named* n = substitute(date)) return Holiday{date, HolidayKind::substitute, n->lv, n->en};
    if (auto f = festival_day(date)) return f;
    for (const auto& h : extras_)
        if (h.date == date) return h;
    return std::nullopt;
}

bool Calendar::is_public_holiday(Date date) const {
    if (statutory(date) || substitute(date) || festival_day(date)) return true;
    for (const auto& h : extras_)
        if (h.date == date) return true;
    return false;
}

std::optional<TransferDay> Calendar::transfer(Date date) const {
    for (const auto& t : transfers_)
        if (t.date == date) return t;
    return std::nullopt;
}

bool Calendar::is_working_day(Date date) const {
    for (const auto& t : transfers_)
        if (t.date == date) return t.kind == Transfer::working_day;
    return !weekend(date) && !is_public_holiday(date);
}

bool Calendar::is_shortened(Date date) const { return is_working_day(date) && is_public_holiday(date.plus(1)); }

bool Calendar::is_ph(Date date) const {
    if (is_public_holiday(date)) return true;
    for (const auto& t : transfers_)
        if (t.date == date) return t.kind == Transfer::day_off;
    return false;
}

Date Calendar::hours_of(Date date) const {
    for (const auto& t : transfers_)
        if (t.date == date && t.kind == Transfer::working_day && t.replaces) return *t.replaces;
    return date;
}

std::vector<Holiday> Calendar::holidays(int year) const {
    std::vector<Holiday> out;
    for (const auto& f : kFixed) out.push_back(Holiday{Date{year, f.month, f.day}, HolidayKind::statutory, f.name.lv, f.name.en});
    Date easter = easter_sunday(year);
    for (const auto& e : kEaster)
        out.push_back(Holiday{easter.plus(e.offset), HolidayKind::statutory, e.name.lv, e.name.en});
    out.push_back(Holiday{mothers_day(year), HolidayKind::statutory, kMothersDay.lv, kMothersDay.en});
    if (auto s = substitute_for(year, 5, 4)) out.push_back(Holiday{*s, HolidayKind::substitute, kAfter4May.lv, kAfter4May.en});
    if (auto s = substitute_for(year, 11, 18))
        out.push_back(Holiday{*s, HolidayKind::substitute, kAfter18Nov.lv, kAfter18Nov.en});
    for (const auto& f : festivals_) {
        if (f.year != year) continue;
        out.push_back(*festival_day(f));
        if (auto s = substitute_for(f.year, f.month, f.day))
            out.push_back(Holiday{*s, HolidayKind::substitute, kAfterFestival.lv, kAfterFestival.en});
    }
    for (const auto& h : extras_)
        if (h.date.year == year) out.push_back(h);
    std::stable_sort(out.begin(), out.end(), [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
    return out;
}

std::vector<TransferDay> Calendar::transfers(int year) const {
    std::vector<TransferDay> out;
    for (const auto& t : transfers_)
        if (t.date.year == year) out.push_back(t);
    return out;
}

std::vector<Date> Calendar::shortened_days(int year) const {
    std::vector<Date> out;
    for (Date d{year, 1, 1}; d.year == year; d = d.plus(1))
        if (is_shortened(d)) out.push_back(d);
    return out;
}

}  // namespace pietura::hours
