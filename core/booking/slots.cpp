// Slot computation: windows ∩ opening hours, notice, horizon, seats, Riga time.
#include <algorithm>
#include <stdexcept>

#include <sqlite3.h>

#include "booking/booking.hpp"
#include "snapshot/snapshot.hpp"
#include "sqlite/statement.hpp"

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

// The offer's reads: errors (a damaged snapshot, a query over its work limit)
// throw "booking: ..." instead of quietly offering nothing, which would look like
// an institution without consultations.
class Query : public sqlite::Statement {
public:
    Query(sqlite3* db, const char* sql) : Statement(db, sql, "booking") {}
};

// The ranges content/schema/consultations.schema.json allows. A snapshot with
// anything else did not come from `pietura build`, and a notice of two billion
// working days would keep earliest_date() counting for minutes.
int checked_rule(std::int64_t v, int lo, int hi, const char* what, const std::string& consultation) {
    if (v < lo || v > hi)
        throw std::runtime_error("booking: consultation " + consultation + ": " + what + " " + std::to_string(v) +
                                 " is outside " + std::to_string(lo) + ".." + std::to_string(hi));
    return int(v);
}

// The snapshot keeps short lists one item per line (snapshot.cpp).
std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    size_t at = 0;
    while (at < text.size()) {
        size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        if (end > at) out.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

}  // namespace

std::optional<Offer> Offer::load(const snapshot::Catalogue& cat, const std::string& institution,
                                 const std::string& contact_point) {
    Offer o;
    {
        Query q(cat.db(),
                "SELECT k.id, k.institution, k.title_lv, k.title_en, k.windows, k.slot_minutes, k.seats, "
                "k.notice_working_days, k.horizon_days, k.bring_lv, k.bring_en, c.name_lv, c.name_en, c.address_lv, "
                "c.address_en, c.phone, c.email, c.hours FROM consultations k "
                "JOIN consultation_hosts h ON h.consultation = k.id JOIN contact_points c ON c.id = h.contact_point "
                "WHERE k.institution = ?1 AND h.contact_point = ?2");
        q.bind(1, institution).bind(2, contact_point);
        if (!q.step()) return std::nullopt;
        o.consultation = q.text(0);
        o.institution = q.text(1);
        o.contact_point = contact_point;
        o.title_lv = q.text(2);
        o.title_en = q.text(3);
        o.windows = q.text(4);
        o.rules = Rules{checked_rule(q.integer(5), 10, 120, "slot_minutes", o.consultation),
                        checked_rule(q.integer(6), 1, 20, "seats", o.consultation),
                        checked_rule(q.integer(7), 0, 20, "notice_working_days", o.consultation),
                        checked_rule(q.integer(8), 1, 120, "horizon_days", o.consultation)};
        o.bring_lv = lines(q.text(9));
        o.bring_en = lines(q.text(10));
        o.cp_name_lv = q.text(11);
        o.cp_name_en = q.text(12);
        o.address_lv = q.text(13);
        o.address_en = q.text(14);
        o.phone = q.text(15);
        o.email = q.text(16);
        o.hours = q.text(17);
        if (o.windows.size() > snapshot::kMaxHoursSpec || o.hours.size() > snapshot::kMaxHoursSpec)
            throw std::runtime_error("booking: consultation " + o.consultation.substr(0, 100) +
                                     ": its windows or the contact point's hours are longer than any real ones");
    }
    Query t(cat.db(), "SELECT id, title_lv, title_en FROM consultation_topics WHERE consultation = ?1 ORDER BY position");
    t.bind(1, o.consultation);
    while (t.step()) o.topics.push_back(Topic{t.text(0), t.text(1), t.text(2)});
    o.calendar = cat.calendar();
    return o;
}

std::vector<std::string> Offer::hosts(const snapshot::Catalogue& cat, const std::string& institution) {
    Query q(cat.db(),
            "SELECT h.contact_point FROM consultation_hosts h JOIN consultations k ON k.id = h.consultation "
            "WHERE k.institution = ?1 ORDER BY h.contact_point");
    q.bind(1, institution);
    std::vector<std::string> out;
    while (q.step()) out.push_back(q.text(0));
    return out;
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
