// Slot computation: windows ∩ opening hours, notice, horizon, seats, Riga time.
#include <algorithm>
#include <stdexcept>

#include "booking/booking.hpp"
#include "snapshot/snapshot.hpp"

namespace pietura::booking {

namespace {

using hours::Date;
using hours::Interval;

std::vector<Interval> open_only(const std::vector<Interval>& in) {
    std::vector<Interval> out;
    for (auto& i : in)
        if (i.state == hours::State::open) out.push_back(i);
    return out;
}

// Both lists are sorted and disjoint: a linear merge gives their overlap.
std::vector<std::pair<int, int>> overlap(const std::vector<Interval>& a, const std::vector<Interval>& b) {
    std::vector<std::pair<int, int>> out;
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        int s = std::max(a[i].start, b[j].start), e = std::min(a[i].end, b[j].end);
        if (s < e) out.emplace_back(s, e);
        (a[i].end < b[j].end ? i : j)++;
    }
    return out;
}

}  // namespace

Date earliest_date(Instant now, int notice_working_days, const hours::Calendar& cal) {
    Date d = hours::to_riga(now).date;
    for (int n = 0; n < notice_working_days;) {
        d = d.plus(1);
        if (cal.is_working_day(d)) ++n;
    }
    return d;
}

Date last_date(Instant now, int horizon_days) { return hours::to_riga(now).date.plus(horizon_days); }

std::vector<Slot> slots(const hours::Schedule& windows, const hours::Schedule& cp_hours, const hours::Calendar& cal,
                        const Rules& rules, Date from, int days, Instant now, const Taken& taken) {
    std::vector<Slot> out;
    if (rules.slot_minutes <= 0 || rules.seats <= 0 || days <= 0) return out;
    Date first = std::max(from, earliest_date(now, rules.notice_working_days, cal));
    Date last = std::min(from.plus(days - 1), last_date(now, rules.horizon_days));
    const int len = rules.slot_minutes;
    for (Date d = first; d <= last; d = d.plus(1)) {
        for (auto [s, e] : overlap(open_only(windows.intervals(d, cal)), open_only(cp_hours.intervals(d, cal)))) {
            for (int m = s; m + len <= e; m += len) {
                Instant start = hours::riga_to_utc(d, m), end = hours::riga_to_utc(d, m + len);
                // Skip wall-clock times that do not exist or do not last `len` minutes.
                if (end - start != Instant(len) * 60 || hours::to_riga(start).minute_of_day() != m) continue;
                if (start <= now) continue;
                auto t = taken.find(start);
                int free = rules.seats - (t == taken.end() ? 0 : t->second);
                if (free > 0) out.push_back(Slot{start, end, free});
            }
        }
    }
    return out;
}

// --- the offer, from the snapshot ----------------------------------------------------------

namespace {

// The ranges content/schema/consultations.schema.json allows. A snapshot with
// anything else did not come from `pietura build`, and a notice of two billion
// working days would keep earliest_date() counting for minutes.
int checked_rule(std::int64_t v, int lo, int hi, const char* what, const std::string& consultation) {
    if (v < lo || v > hi)
        throw std::runtime_error("booking: consultation " + consultation + ": " + what + " " + std::to_string(v) +
                                 " is outside " + std::to_string(lo) + ".." + std::to_string(hi));
    return int(v);
}

}  // namespace

std::optional<Offer> Offer::load(const snapshot::Catalogue& cat, const std::string& institution,
                                 const std::string& contact_point) {
    // Errors (a damaged snapshot, a query over its work limit) throw instead of
    // quietly offering nothing, which would look like an institution without
    // consultations.
    auto k = cat.consultation(institution, contact_point);
    if (!k) return std::nullopt;
    Offer o;
    o.consultation = k->id;
    o.institution = k->institution;
    o.contact_point = contact_point;
    o.title_lv = k->title_lv;
    o.title_en = k->title_en;
    o.windows = k->windows;
    o.rules = Rules{checked_rule(k->slot_minutes, 10, 120, "slot_minutes", o.consultation),
                    checked_rule(k->seats, 1, 20, "seats", o.consultation),
                    checked_rule(k->notice_working_days, 0, 20, "notice_working_days", o.consultation),
                    checked_rule(k->horizon_days, 1, kMaxSlotDays, "horizon_days", o.consultation)};
    o.bring_lv = k->bring_lv;
    o.bring_en = k->bring_en;
    o.cp_name_lv = k->cp_name_lv;
    o.cp_name_en = k->cp_name_en;
    o.address_lv = k->address_lv;
    o.address_en = k->address_en;
    o.phone = k->phone;
    o.email = k->email;
    o.hours = k->hours;
    for (auto& t : k->topics) o.topics.push_back(Topic{t.id, t.title_lv, t.title_en});
    o.calendar = cat.calendar();
    return o;
}

std::vector<std::string> Offer::hosts(const snapshot::Catalogue& cat, const std::string& institution) {
    return cat.consultation_hosts(institution);
}

const Topic* Offer::topic(const std::string& id) const {
    for (auto& t : topics)
        if (t.id == id) return &t;
    return nullptr;
}

std::vector<Slot> Offer::slots(Date from, int days, Instant now, const Taken& taken) const {
    auto w = hours::Schedule::parse(windows);
    auto h = hours::Schedule::parse(hours);
    if (!w || !h) return {};  // checked at build time; a bad spec offers nothing
    return booking::slots(*w, *h, calendar, rules, from, days, now, taken);
}

bool Offer::offers(Instant start, Instant now) const {
    Date d = hours::to_riga(start).date;
    for (auto& s : slots(d, 1, now))
        if (s.start == start) return true;
    return false;
}

}  // namespace pietura::booking
