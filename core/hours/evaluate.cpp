// Evaluating a parsed spec: which stretches of a Riga day are open, and when
// the state next changes. Everything works on wall-clock minutes of local days
// and converts to instants only at the edges, so DST days need no special case
// beyond riga_to_utc().
#include <algorithm>

#include "hours/detail.hpp"
#include "hours/hours.hpp"

namespace pietura::hours {

namespace {

using detail::DateRange;
using detail::Rule;
using detail::Rules;
using detail::Separator;

bool in_range(const DateRange& r, Date d) {
    if (r.from.year) {  // absolute: the parser gave both ends a year
        Date a{r.from.year, r.from.month, r.from.day ? r.from.day : 1};
        Date b{r.to.year, r.to.month, r.to.day ? r.to.day : days_in_month(r.to.year, r.to.month)};
        return a <= d && d <= b;
    }
    // Every year; a range whose end comes before its start wraps over New Year.
    int k = d.month * 100 + (r.from.day ? d.day : 0);
    int k1 = r.from.month * 100 + r.from.day, k2 = r.to.month * 100 + r.to.day;
    return k1 <= k2 ? (k >= k1 && k <= k2) : (k >= k1 || k <= k2);
}

}  // namespace

void detail::paint(std::vector<Interval>& v, int start, int end, State state, const std::string& comment) {
    std::vector<Interval> out;
    out.reserve(v.size() + 2);
    for (const auto& x : v) {
        if (x.end <= start || x.start >= end) {
            out.push_back(x);
            continue;
        }
        if (x.start < start) {
            Interval left = x;
            left.end = start;
            out.push_back(left);
        }
        if (x.end > end) {
            Interval right = x;
            right.start = end;
            out.push_back(right);
        }
    }
    if (state != State::closed) out.push_back(Interval{start, end, state, comment});
    std::sort(out.begin(), out.end(), [](const Interval& a, const Interval& b) { return a.start < b.start; });
    v.clear();
    for (auto& x : out) {
        if (!v.empty() && v.back().end == x.start && v.back().state == x.state && v.back().comment == x.comment)
            v.back().end = x.end;
        else
            v.push_back(std::move(x));
    }
}

namespace {

using detail::paint;

// One day as its own rules see it, before the previous night's spill-over;
// stretches may run past 1440 into the next day.
struct Own {
    std::vector<Interval> segs;
    bool explicit_date = false;
    std::string note;
};

Own evaluate_own(const Rules& rules, Date d, const Calendar& cal) {
    Own o;
    bool matched = false;
    for (const Rule& r : rules.rules) {
        if (r.separator == Separator::fallback && matched) continue;
        if (!detail::matches(r, d, cal)) continue;
        if (r.separator == Separator::additional) {
            o.explicit_date = o.explicit_date || r.names_date();
        } else {
            o.segs.clear();
            o.note.clear();
            o.explicit_date = r.names_date();
        }
        if (r.always || r.times.empty())
            paint(o.segs, 0, 1440, r.state, r.comment);
        else
            for (const auto& t : r.times) paint(o.segs, t.start, t.end, r.state, r.comment);
        if (r.state == State::closed && r.has_comment) o.note = r.comment;
        matched = true;
    }
    return o;
}

// Labour Law shortening: the day ends an hour earlier. A day that runs to or
// past midnight is a round-the-clock service, not an office day, so it keeps
// its hours.
bool shorten(Own& o) {
    int last = -1;
    for (const auto& x : o.segs)
        if (x.state == State::open) last = std::max(last, x.end);
    if (last < 0 || last >= 1440) return false;
    paint(o.segs, std::max(0, last - 60), last, State::closed, "");
    return true;
}

// Builds consecutive days, reusing the previous day's own evaluation for the
// spill-over, so a year-long look-ahead evaluates each day once.
class Days {
public:
    Days(const Rules& rules, const Calendar& cal) : rules_(rules), cal_(cal) {}

    Day get(Date d) {
        Own prev = have_last_ && last_date_ == d.plus(-1) ? last_ : evaluate_own(rules_, d.plus(-1), cal_);
        Own own = evaluate_own(rules_, d, cal_);
        last_ = own;
        last_date_ = d;
        have_last_ = true;

        Day day;
        day.date = d;
        day.holiday = cal_.holiday(d);
        day.transfer = cal_.transfer(d);
        day.shortened = cal_.is_shortened(d);
        day.explicit_date = own.explicit_date;
        day.note = own.note;
        if (day.shortened && !own.explicit_date) day.shortened_applied = shorten(own);
        // Past-midnight parts belong to the previous day's rule (OSM); today's
        // own rules add to them.
        for (const auto& x : prev.segs)
            if (x.end > 1440) paint(day.intervals, std::max(x.start, 1440) - 1440, x.end - 1440, x.state, x.comment);
        for (const auto& x : own.segs)
            if (x.start < 1440) paint(day.intervals, x.start, std::min(x.end, 1440), x.state, x.comment);
        return day;
    }

private:
    const Rules& rules_;
    const Calendar& cal_;
    Own last_;
    Date last_date_;
    bool have_last_ = false;
};

// The whole day as stretches, the gaps filled in as closed.
std::vector<Interval> partition(const Day& day) {
    std::vector<Interval> out;
    int at = 0;
    for (const auto& x : day.intervals) {
        if (x.start > at) out.push_back(Interval{at, x.start, State::closed, ""});
        out.push_back(x);
        at = x.end;
    }
    if (at < 1440) out.push_back(Interval{at, 1440, State::closed, day.note});
    return out;
}

std::string_view weekday_locative_lv(Weekday w) {
    static const char* const kLv[7] = {"pirmdien", "otrdien", "trešdien", "ceturtdien",
                                       "piektdien", "sestdien", "svētdien"};
    return kLv[static_cast<int>(w)];
}

}  // namespace

bool detail::matches(const Rule& r, Date d, const Calendar& cal) {
    if (r.year_from && (d.year < r.year_from || d.year > r.year_to)) return false;
    if (!r.dates.empty() &&
        std::none_of(r.dates.begin(), r.dates.end(), [&](const DateRange& x) { return in_range(x, d); }))
        return false;
    if (r.weekdays || r.holidays) {
        bool weekday = (r.weekdays >> static_cast<int>(cal.hours_of(d).weekday())) & 1u;
        if (!weekday && !(r.holidays && cal.is_ph(d))) return false;
    }
    return true;
}

bool Day::opens() const {
    return std::any_of(intervals.begin(), intervals.end(), [](const Interval& x) { return x.state == State::open; });
}

Day Schedule::day(Date date, const Calendar& calendar) const { return Days(*rules_, calendar).get(date); }

std::vector<Interval> Schedule::intervals(Date date, const Calendar& calendar) const {
    return day(date, calendar).intervals;
}

std::vector<Day> Schedule::week(Date first, const Calendar& calendar) const {
    Days days(*rules_, calendar);
    std::vector<Day> out;
    for (int k = 0; k < 7; ++k) out.push_back(days.get(first.plus(k)));
    return out;
}

bool Schedule::is_open(Instant at, const Calendar& calendar) const {
    LocalTime t = to_riga(at);
    int m = t.minute_of_day();
    for (const auto& x : day(t.date, calendar).intervals)
        if (x.start <= m && m < x.end) return x.state == State::open;
    return false;
}

Status Schedule::status(Instant at, const Calendar& calendar, int lookahead_days) const {
    LocalTime t = to_riga(at);
    int m = t.minute_of_day();
    Days days(*rules_, calendar);
    Status st;
    auto today = partition(days.get(t.date));
    std::size_t k = 0;
    while (k + 1 < today.size() && !(today[k].start <= m && m < today[k].end)) ++k;
    st.current = today[k];
    st.state = today[k].state;
    st.comment = today[k].comment;

    bool need_change = true, need_open = st.state != State::open;
    auto visit = [&](Date d, const Interval& x) {
        if (need_change && x.state != st.state) {
            st.next_change = riga_to_utc(d, x.start);
            if (st.state == State::open) st.closes_at = st.next_change;
            need_change = false;
        }
        if (need_open && x.state == State::open) {
            st.opens_at = riga_to_utc(d, x.start);
            need_open = false;
        }
        return need_change || need_open;
    };
    for (std::size_t j = k + 1; j < today.size(); ++j)
        if (!visit(t.date, today[j])) return st;
    for (int n = 1; n <= lookahead_days; ++n) {
        Date d = t.date.plus(n);
        for (const auto& x : partition(days.get(d)))
            if (!visit(d, x)) return st;
    }
    return st;
}

std::string describe_status(const Status& status, Instant now, Lang lang) {
    bool lv = lang == Lang::lv;
    LocalTime n = to_riga(now);
    auto when = [&](Instant at) {
        LocalTime x = to_riga(at);
        std::string time = format_minutes(x.minute_of_day(), lang);
        std::int64_t ahead = x.date.days() - n.date.days();
        if (ahead <= 0) return lv ? time : "at " + time;
        if (ahead == 1) return (lv ? "rīt " : "tomorrow ") + time;
        if (ahead < 7)
            return std::string(lv ? weekday_locative_lv(x.date.weekday()) : weekday_name(x.date.weekday(), lang)) + " " +
                   time;
        if (lv) return std::to_string(x.date.day) + ". " + std::string(detail::month_locative_lv(x.date.month)) + " " + time;
        return std::to_string(x.date.day) + " " + std::string(detail::month_abbr_en(x.date.month)) + " " + time;
    };
    std::string out;
    switch (status.state) {
        case State::open:
            out = lv ? "Atvērts" : "Open now";
            if (status.closes_at) out += (lv ? ", slēgs " : ", closes ") + when(*status.closes_at);
            break;
        case State::closed:
            out = lv ? "Slēgts" : "Closed";
            if (status.opens_at) out += (lv ? ", atvērs " : ", opens ") + when(*status.opens_at);
            break;
        case State::unknown:
            if (!status.comment.empty()) return status.comment;
            out = lv ? "Darba laiks nav zināms" : "Opening hours not known";
            if (status.opens_at) out += (lv ? "; atvērs " : "; opens ") + when(*status.opens_at);
            return out;
    }
    if (!status.comment.empty()) out += " (" + status.comment + ")";
    return out;
}

}  // namespace pietura::hours
