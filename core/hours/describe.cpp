// Opening hours in words for people, in Latvian and English. The weekly part
// is rendered from the evaluated week rather than from the rules as written,
// so "Mo-Th 08:00-17:00; Fr 08:00-14:00" and "Mo-Fr 08:00-17:00; Fr 08:00-14:00"
// read the same; rules for dates and holidays follow in their own words.
#include "hours/detail.hpp"
#include "hours/hours.hpp"

namespace pietura::hours {

namespace detail {

std::string_view month_abbr_en(int m) {
    static const char* const k[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return k[m - 1];
}
std::string_view month_locative_lv(int m) {
    static const char* const k[12] = {"janvārī",  "februārī",  "martā",    "aprīlī",   "maijā",    "jūnijā",
                                      "jūlijā",   "augustā",   "septembrī", "oktobrī", "novembrī", "decembrī"};
    return k[m - 1];
}
std::string_view month_genitive_lv(int m) {
    static const char* const k[12] = {"janvāra", "februāra", "marta",     "aprīļa",  "maija",    "jūnija",
                                      "jūlija",  "augusta",  "septembra", "oktobra", "novembra", "decembra"};
    return k[m - 1];
}
std::string_view month_dative_lv(int m) {
    static const char* const k[12] = {"janvārim", "februārim", "martam",     "aprīlim",  "maijam",    "jūnijam",
                                      "jūlijam",  "augustam",  "septembrim", "oktobrim", "novembrim", "decembrim"};
    return k[m - 1];
}

}  // namespace detail

namespace {

using detail::DatePoint;
using detail::DateRange;
using detail::Rule;
using detail::Separator;

const char* const kDash = "\u2013";  // en dash, as typeset Latvian and English ranges use

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
    std::string out;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

// `words`: whole weekday and month names and "lunch break", for a citizen's page;
// otherwise the short forms an editor reads at a glance.
std::string days_text(std::uint8_t mask, Lang lang, bool words) {
    auto abbr = [&](int k) {
        auto w = static_cast<Weekday>(k);
        return std::string(words ? weekday_name(w, lang) : weekday_abbr(w, lang));
    };
    std::vector<std::string> parts;
    for (int k = 0; k < 7;) {
        if (!((mask >> k) & 1u)) {
            ++k;
            continue;
        }
        int j = k;
        while (j + 1 < 7 && ((mask >> (j + 1)) & 1u)) ++j;
        if (j - k >= 2) {
            parts.push_back(abbr(k) + kDash + abbr(j));
        } else {
            parts.push_back(abbr(k));
            if (j > k) parts.push_back(abbr(j));
        }
        k = j + 1;
    }
    return join(parts, ", ");
}

std::string range_text(int start, int end, Lang lang) { return format_time_range(start, end, lang); }

std::string unknown_text(Lang lang) { return lang == Lang::lv ? "darba laiks nav zināms" : "hours not known"; }
std::string closed_text(Lang lang) { return lang == Lang::lv ? "slēgts" : "closed"; }

// Stretches of one day: "8.30–17.00, pusdienas 12.00–13.00" when two open
// stretches are split by a gap short enough to be a lunch break.
std::string stretches_text(const std::vector<Interval>& v, Lang lang, bool words = false) {
    if (v.size() == 2 && v[0].state == State::open && v[1].state == State::open && v[0].comment.empty() &&
        v[1].comment.empty() && v[1].start - v[0].end > 0 && v[1].start - v[0].end <= 90) {
        const char* lunch = lang == Lang::lv ? (words ? ", pusdienas pārtraukums " : ", pusdienas ")
                                             : (words ? ", lunch break " : ", lunch ");
        return range_text(v[0].start, v[1].end, lang) + lunch +
               range_text(v[0].end, v[1].start, lang);
    }
    std::vector<std::string> parts;
    for (const auto& x : v) {
        bool whole = x.start == 0 && x.end == 1440;
        std::string note = x.state == State::unknown ? (x.comment.empty() ? unknown_text(lang) : x.comment) : x.comment;
        std::string times = whole ? "" : range_text(x.start, x.end, lang);
        if (whole && x.state == State::open) times = lang == Lang::lv ? "visu diennakti" : "24 hours";
        if (times.empty())
            parts.push_back(note);
        else
            parts.push_back(note.empty() ? times : times + " (" + note + ")");
    }
    return join(parts, ", ");
}

std::string year_lv(int y) { return std::to_string(y) + ". gada "; }

std::string point_lv(const DatePoint& p, bool with_year, std::string_view month_word) {
    return (with_year && p.year ? year_lv(p.year) : "") + (p.day ? std::to_string(p.day) + ". " : "") +
           std::string(month_word);
}

std::string_view month_en(int m, bool words) { return words ? month_name(m, Lang::en) : detail::month_abbr_en(m); }

std::string point_en(const DatePoint& p, bool with_year, bool words) {
    return (p.day ? std::to_string(p.day) + " " : "") + std::string(month_en(p.month, words)) +
           (with_year && p.year ? " " + std::to_string(p.year) : "");
}

std::string date_range_text(const DateRange& r, Lang lang, bool words) {
    bool single = r.from.year == r.to.year && r.from.month == r.to.month && r.from.day == r.to.day;
    bool same_month = r.from.year == r.to.year && r.from.month == r.to.month && r.from.day && r.to.day;
    bool to_year = r.to.year && r.to.year != r.from.year;
    if (lang == Lang::lv) {
        if (single) return point_lv(r.from, true, detail::month_locative_lv(r.from.month));
        if (same_month)
            return (r.from.year ? year_lv(r.from.year) : "") + std::to_string(r.from.day) + "." + kDash +
                   std::to_string(r.to.day) + ". " + std::string(detail::month_locative_lv(r.from.month));
        return "no " + point_lv(r.from, true, detail::month_genitive_lv(r.from.month)) + " līdz " +
               point_lv(r.to, to_year, detail::month_dative_lv(r.to.month));
    }
    if (single) return point_en(r.from, true, words);
    if (same_month)
        return std::to_string(r.from.day) + kDash + std::to_string(r.to.day) + " " +
               std::string(month_en(r.from.month, words)) + (r.from.year ? " " + std::to_string(r.from.year) : "");
    if (!r.from.day && !to_year)
        return std::string(month_en(r.from.month, words)) + kDash + std::string(month_en(r.to.month, words)) +
               (r.from.year ? " " + std::to_string(r.from.year) : "");
    bool one_year = r.from.year == r.to.year;
    return point_en(r.from, !one_year, words) + " " + kDash + " " + point_en(r.to, true, words);
}

// The "when" of a rule that is not weekly, in two parts: the dates (years,
// days, months) and the days of the week (weekdays, PH).
struct When {
    std::string dates, days;
};

When when_text(const Rule& r, Lang lang, bool words) {
    bool lv = lang == Lang::lv;
    When w;
    std::vector<std::string> parts;
    if (r.year_from) {
        std::string years = std::to_string(r.year_from);
        if (r.year_to != r.year_from) years += (lv ? "." : "") + std::string(kDash) + std::to_string(r.year_to);
        parts.push_back(lv ? years + ". gadā" : years);
    }
    for (const auto& d : r.dates) parts.push_back(date_range_text(d, lang, words));
    w.dates = join(parts, lv || !r.year_from ? ", " : " ");
    if (r.year_from && !r.dates.empty()) w.dates = parts.front() + " " + join({parts.begin() + 1, parts.end()}, ", ");
    w.days = days_text(r.weekdays, lang, words);
    if (r.holidays) {
        std::string ph = lv ? "svētku dienās" : "public holidays";
        w.days = w.days.empty() ? ph : w.days + (lv ? " un " : " and ") + ph;
    }
    return w;
}

std::string body_text(const Rule& r, Lang lang, bool words) {
    if (r.always) return lang == Lang::lv ? "visu diennakti" : "open 24/7";
    std::string body;
    if (r.state == State::closed) {
        body = closed_text(lang);
    } else if (r.times.empty()) {
        if (r.state == State::unknown) return r.has_comment ? r.comment : unknown_text(lang);
        body = lang == Lang::lv ? "visu dienu" : "all day";
    } else {
        std::vector<Interval> v;
        for (const auto& t : r.times) v.push_back(Interval{t.start, t.end, r.state, ""});
        body = stretches_text(v, lang, words);
        if (r.state == State::unknown && !r.has_comment) body += " (" + unknown_text(lang) + ")";
    }
    if (r.has_comment) body += " (" + r.comment + ")";
    return body;
}

// Latvian reads "24.–26. decembrī slēgts", "svētku dienās slēgts"; English
// reads "24–26 Dec: closed", "closed on public holidays".
std::string rule_text(const Rule& r, Lang lang, bool words) {
    bool lv = lang == Lang::lv;
    When when = when_text(r, lang, words);
    std::string body = body_text(r, lang, words);
    std::string text;
    bool ph_only = r.holidays && !r.weekdays && when.dates.empty();
    if (lv) {
        text = join({when.dates, when.days, body}, " ");
    } else if (ph_only && r.state == State::closed && !r.has_comment) {
        text = "closed on public holidays";
    } else {
        std::string days = ph_only ? "on public holidays" : when.days;
        text = join({days, body}, " ");
        if (!when.dates.empty()) text = when.dates + ": " + text;
    }
    if (r.separator == Separator::fallback) text = (lv ? "citos laikos: " : "otherwise: ") + text;
    return text;
}

}  // namespace

std::string describe_day(const Day& day, Lang lang) {
    if (day.intervals.empty()) return closed_text(lang);
    return stretches_text(day.intervals, lang);
}

namespace {
std::string describe_rules(const detail::Rules& rules, Lang lang, bool words);
}  // namespace

std::string Schedule::describe(Lang lang) const { return describe_rules(*rules_, lang, false); }

std::string Schedule::describe_in_words(Lang lang) const {
    std::string text = describe_rules(*rules_, lang, true);
    // A sentence of its own on the page: capitalise its first letter (weekday names,
    // "svētku dienās", "visu diennakti" all begin with an ASCII letter).
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = char(text[0] - 'a' + 'A');
    return text;
}

namespace {

std::string describe_rules(const detail::Rules& rules, Lang lang, bool words) {
    // The weekly pattern, as the weekly rules (those without dates or PH) leave each weekday.
    std::vector<Interval> week[7];
    for (int w = 0; w < 7; ++w) {
        for (const Rule& r : rules.rules) {
            if (!r.weekly() || r.separator == Separator::fallback) continue;
            if (r.weekdays && !((r.weekdays >> w) & 1u)) continue;
            if (r.separator == Separator::normal) week[w].clear();
            if (r.always || r.times.empty())
                detail::paint(week[w], 0, 1440, r.state, r.comment);
            else
                for (const auto& t : r.times) detail::paint(week[w], t.start, t.end, r.state, r.comment);
        }
    }
    std::vector<std::string> parts;
    bool round_the_clock = true;
    for (const auto& d : week)
        if (!(d.size() == 1 && d[0].start == 0 && d[0].end == 1440 && d[0].state == State::open && d[0].comment.empty()))
            round_the_clock = false;
    if (round_the_clock) {
        parts.push_back(lang == Lang::lv ? "visu diennakti" : "open 24/7");
    } else {
        // Weekdays with identical hours share one entry, in order of their first day.
        std::vector<std::pair<std::uint8_t, const std::vector<Interval>*>> groups;
        for (int w = 0; w < 7; ++w) {
            if (week[w].empty()) continue;
            bool placed = false;
            for (auto& g : groups) {
                const auto& other = *g.second;
                bool same = other.size() == week[w].size();
                for (std::size_t k = 0; same && k < other.size(); ++k)
                    same = other[k].start == week[w][k].start && other[k].end == week[w][k].end &&
                           other[k].state == week[w][k].state && other[k].comment == week[w][k].comment;
                if (same) {
                    g.first |= static_cast<std::uint8_t>(1u << w);
                    placed = true;
                    break;
                }
            }
            if (!placed) groups.emplace_back(static_cast<std::uint8_t>(1u << w), &week[w]);
        }
        for (const auto& g : groups) {
            std::string days = g.first == 0x7F ? (words ? (lang == Lang::lv ? "katru dienu" : "every day") : "")
                                               : days_text(g.first, lang, words);
            parts.push_back(join({days, stretches_text(*g.second, lang, words)}, " "));
        }
    }
    for (const Rule& r : rules.rules)
        if (!r.weekly() || r.separator == Separator::fallback) parts.push_back(rule_text(r, lang, words));
    if (parts.empty()) return closed_text(lang);
    return join(parts, "; ");
}

}  // namespace

}  // namespace pietura::hours
