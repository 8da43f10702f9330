// The contact-point questions of the snapshot: where am I, what is nearest with
// the filters a citizen ticks, what are the next days' hours, how far is the bus.
#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>

#include "snapshot/detail.hpp"
#include "sqlite/statement.hpp"
#include "text/text.hpp"

namespace pietura::snapshot {

namespace detail {

hours::Calendar load_calendar(sqlite3* db) {
    hours::Calendar cal;
    // `replaces`: a working Saturday is worked with the hours of the weekday it
    // replaces (issue 14); without it the browser and the booking read it as closed.
    sqlite::Statement st(db, "SELECT date, kind, name_lv, name_en, replaces FROM holidays ORDER BY date",
                         "snapshot holidays");
    while (st.step()) {
        auto date = hours::Date::parse(st.text(0));
        if (!date) continue;
        try {
            std::string kind = st.text(1);
            std::optional<hours::Date> replaces;
            if (!st.is_null(4)) replaces = hours::Date::parse(st.text(4));
            if (kind == "song-festival") cal.add_song_festival(*date);
            else if (kind == "holiday") cal.add_extra(*date, st.text(2), st.text(3));
            else if (kind == "day-off") cal.add_transfer(*date, hours::Transfer::day_off, st.text(2), st.text(3));
            else if (kind == "working-day")
                cal.add_transfer(*date, hours::Transfer::working_day, st.text(2), st.text(3), replaces);
        } catch (const std::exception&) {
            // An impossible fact (checked at build time) must not hide the hours.
        }
    }
    return cal;
}

Catalogue::OpeningStatus status_of(const std::optional<hours::Schedule>& schedule, std::int64_t at, Lang lang,
                                   const hours::Calendar& cal) {
    Catalogue::OpeningStatus out;
    if (!schedule) {
        out.state = "unknown";
        return out;
    }
    auto s = schedule->status(at, cal);
    out.state = s.state == hours::State::open ? "open" : s.state == hours::State::closed ? "closed" : "unknown";
    out.text = hours::describe_status(s, at, lang);
    return out;
}

}  // namespace detail

namespace {



// Two weeks is enough to see a regular Saturday or evening past one holiday week.
constexpr int kPatternDays = 14;

bool opens_on_saturday(const hours::Schedule& s, hours::Date today, const hours::Calendar& cal) {
    for (int k = 0; k < kPatternDays; ++k) {
        hours::Date d = today.plus(k);
        if (d.weekday() == hours::Weekday::sa && s.day(d, cal).opens()) return true;
    }
    return false;
}

bool opens_after(const hours::Schedule& s, int minute_of_day, hours::Date today, const hours::Calendar& cal) {
    for (int k = 0; k < kPatternDays; ++k)
        for (auto& iv : s.day(today.plus(k), cal).intervals)
            if (iv.state == hours::State::open && iv.end > minute_of_day) return true;
    return false;
}

}  // namespace

detail::PointCache& Catalogue::points() const {
    auto& cache = *points_;
    if (cache.loaded) return cache;
    // A load that threw (a damaged snapshot) may have left half a cache behind.
    cache.points.clear();
    cache.accepting.clear();
    cache.calendar = detail::load_calendar(db_);
    {
        auto q = detail::query(db_, "SELECT id, lat, lon, step_free, hours, name_lv, name_en, url_lv, url_en, address_lv, address_en, "
                     "phone, email, bus_stop, bus_stop_m FROM contact_points ORDER BY id");
        while (q.step()) {
            detail::PointCache::Point p;
            p.id = q.text(0);
            p.at = {q.real(1), q.real(2)};
            p.located = !q.is_null(1) && !q.is_null(2) && geo::on_earth(p.at);
            p.step_free = q.integer(3) != 0;
            std::string spec = q.text(4);
            if (spec.size() > kMaxHoursSpec)
                throw std::runtime_error("snapshot: contact point " + p.id.substr(0, 100) + ": opening hours of " +
                                         std::to_string(spec.size()) + " bytes, longer than any real ones");
            p.schedule = hours::Schedule::parse(spec);
            for (int l = 0; l < 2; ++l) {
                p.name[l] = q.text(5 + l);
                p.url[l] = q.text(7 + l);
                p.address[l] = q.text(9 + l);
                if (p.schedule) p.hours_text[l] = p.schedule->describe_in_words(Lang(l));
            }
            p.phone = q.text(11);
            p.email = q.text(12);
            double bus_stop_m = q.real(14);
            if (!q.is_null(14) && std::isfinite(bus_stop_m) && bus_stop_m >= 0) {
                p.bus_stop = q.text(13);
                p.bus_stop_m = bus_stop_m;
            }
            cache.points.push_back(std::move(p));
        }
        // find() searches by id: sort here rather than trust the file's order.
        std::stable_sort(cache.points.begin(), cache.points.end(),
                         [](const auto& a, const auto& b) { return a.id < b.id; });
    }
    {
        // services accepted = its institutions' contact-point services + extras not among them
        std::map<std::string, int> per_institution;
        auto n = detail::query(db_, "SELECT institution, count(*) FROM services WHERE contact_point=1 GROUP BY institution");
        while (n.step()) per_institution[n.text(0)] = n.integer(1);
        auto q = detail::query(db_, "SELECT contact_point, institution FROM contact_point_institutions");
        while (q.step())
            if (auto* p = cache.find(q.text(0))) {
                p->institutions.insert(q.text(1));
                p->services += per_institution[q.text(1)];
            }
        auto e = detail::query(db_, "SELECT e.contact_point, s.institution, s.contact_point FROM contact_point_extra_services e "
                     "JOIN services s ON s.id = e.service");
        while (e.step())
            if (auto* p = cache.find(e.text(0)); p && !(e.integer(2) && p->institutions.count(e.text(1)))) ++p->services;
    }
    {
        auto q = detail::query(db_, "SELECT r.contact_point, r.institution, i.abbr_lv, i.abbr_en FROM contact_point_remote r "
                     "JOIN institutions i ON i.id = r.institution ORDER BY r.contact_point, i.abbr_lv");
        while (q.step()) {
            auto* it = cache.find(q.text(0));
            if (!it) continue;
            it->remote.insert(q.text(1));
            it->remote_abbr[0].push_back(q.text(2));
            it->remote_abbr[1].push_back(q.text(3));
        }
    }
    for (auto& p : cache.points) std::sort(p.remote_abbr[1].begin(), p.remote_abbr[1].end());
    cache.loaded = true;
    return cache;
}

std::optional<Catalogue::OpeningStatus> Catalogue::opening_status(const std::string& id, std::int64_t at,
                                                                  Lang lang) const {
    // Pages ask every minute for each centre they show: the parsed hours and the
    // calendar come from the cache, not from the database each time.
    std::lock_guard<std::mutex> lock(points_->mutex);
    auto& cache = points();
    const auto* p = cache.find(id);
    if (!p) return std::nullopt;
    auto status = detail::status_of(p->schedule, at, lang, cache.calendar);
    status.hours = p->hours_text[lang == Lang::lv ? 0 : 1];
    return status;
}

std::vector<Catalogue::Nearby> Catalogue::nearest(const NearestQuery& q, Lang lang, std::int64_t now) const {
    if (!geo::on_earth(q.from))
        throw std::invalid_argument("the location is not a latitude from -90 to 90 and a longitude from -180 to 180");
    int limit = std::clamp(q.limit, 1, 100);
    if (!q.remote_institution.empty() && !exists("institution", q.remote_institution))
        throw std::invalid_argument("unknown institution \"" + q.remote_institution + "\"");

    std::lock_guard<std::mutex> lock(points_->mutex);
    auto& cache = points();
    const std::vector<bool>* accepting = nullptr;
    if (!q.service.empty()) {
        auto it = cache.accepting.find(q.service);
        if (it == cache.accepting.end()) {
            if (!exists("service", q.service))
                throw std::invalid_argument("unknown service \"" + q.service + "\"");
            std::vector<bool> by_point(cache.points.size());
            auto s = detail::query(db_, "SELECT contact_point FROM contact_point_institutions WHERE institution = "
                         "(SELECT institution FROM services WHERE id=?1 AND contact_point=1) "
                         "UNION SELECT contact_point FROM contact_point_extra_services WHERE service=?1");
            s.bind(1, q.service);
            while (s.step())
                if (auto* p = cache.find(s.text(0))) by_point[p - cache.points.data()] = true;
            it = cache.accepting.emplace(q.service, std::move(by_point)).first;
        }
        accepting = &it->second;
    }

    std::vector<const detail::PointCache::Point*> located;
    located.reserve(cache.points.size());
    for (auto& p : cache.points)
        if (p.located) located.push_back(&p);
    // Without filters only the first `limit` are needed; with them, all may be.
    // Ties go to the smaller id: `located` is in id order.
    bool filtered = q.step_free || accepting || !q.remote_institution.empty() || q.open_now || q.open_saturday ||
                    q.open_after_17;
    auto order = geo::by_distance(located, q.from, [](const auto* p) { return p->at; },
                                  filtered ? SIZE_MAX : size_t(limit));

    hours::Date today = hours::to_riga(now).date;
    int l = lang == Lang::lv ? 0 : 1;
    std::vector<Nearby> out;
    for (auto& near : order) {
        if (int(out.size()) >= limit) break;
        size_t k = size_t(*near.item - cache.points.data());
        auto& p = cache.points[k];
        double distance = near.m;
        if (q.step_free && !p.step_free) continue;
        if (accepting && !(*accepting)[k]) continue;
        if (!q.remote_institution.empty() && !p.remote.count(q.remote_institution)) continue;
        if (q.open_now && !(p.schedule && p.schedule->is_open(now, cache.calendar))) continue;
        if ((q.open_saturday || q.open_after_17) && p.schedule && p.pattern_day != today.days()) {
            p.saturday = opens_on_saturday(*p.schedule, today, cache.calendar);
            p.after_17 = opens_after(*p.schedule, 17 * 60, today, cache.calendar);
            p.pattern_day = today.days();
        }
        if (q.open_saturday && !(p.schedule && p.saturday)) continue;
        if (q.open_after_17 && !(p.schedule && p.after_17)) continue;
        Nearby nb;
        nb.id = p.id;
        nb.name = p.name[l];
        nb.url = p.url[l];
        nb.address = p.address[l];
        nb.phone = p.phone;
        nb.email = p.email;
        nb.at = p.at;
        nb.distance_m = distance;
        nb.distance = geo::describe_distance(distance, lang);
        nb.step_free = p.step_free;
        nb.bus_stop = p.bus_stop;
        nb.bus_stop_m = p.bus_stop_m;
        if (p.bus_stop_m >= 0) nb.bus_stop_distance = geo::describe_distance(p.bus_stop_m, lang);
        nb.remote = p.remote_abbr[l];
        nb.services = p.services;
        nb.status = detail::status_of(p.schedule, now, lang, cache.calendar);
        nb.status.hours = p.hours_text[l];
        out.push_back(std::move(nb));
    }
    return out;
}

namespace {

// How well a typed name matches: 0 exact, 1 the name starts with it, 2 a later
// word does ("liepaja" → "Liepāja", "nov" → "Cēsu novads"), -1 not at all.
int match_rank(const std::string& folded_name, const std::string& folded_query) {
    if (folded_name == folded_query) return 0;
    if (folded_name.rfind(folded_query, 0) == 0) return 1;
    for (size_t at = folded_name.find_first_of(" -"); at != std::string::npos;
         at = folded_name.find_first_of(" -", at + 1))
        if (folded_name.compare(at + 1, folded_query.size(), folded_query) == 0) return 2;
    return -1;
}

}  // namespace

std::vector<Catalogue::Place> Catalogue::find_places(std::string_view query, Lang lang, int limit) const {
    std::vector<Place> out;
    if (query.size() > 200 || !text::valid_utf8(query)) return out;
    std::string q = text::fold(query);
    while (!q.empty() && q.back() == ' ') q.pop_back();
    while (!q.empty() && q.front() == ' ') q.erase(q.begin());
    if (q.empty()) return out;
    limit = std::clamp(limit, 1, 50);
    std::vector<std::pair<int, Place>> found;
    {
        auto p = detail::query(db_, lang == Lang::lv ? "SELECT p.id, p.name, t.name_lv, p.lat, p.lon FROM places p "
                                        "LEFT JOIN territories t ON t.id = p.territory"
                                      : "SELECT p.id, p.name, t.name_en, p.lat, p.lon FROM places p "
                                        "LEFT JOIN territories t ON t.id = p.territory");
        while (p.step()) {
            std::string name = p.text(1);
            int rank = match_rank(text::fold(name), q);
            if (rank >= 0 && geo::on_earth({p.real(3), p.real(4)})) found.push_back({rank, Place{p.text(0), "place", name, p.text(2), {p.real(3), p.real(4)}}});
        }
    }
    for (auto& t : territories(lang)) {
        int rank = match_rank(text::fold(t.name), q);
        // A municipality ranks after a town of the same name: "Cēsis" before "Cēsu novads".
        if (rank >= 0) found.push_back({rank + 1, std::move(t)});
    }
    std::stable_sort(found.begin(), found.end(), [](auto& a, auto& b) {
        if (a.first != b.first) return a.first < b.first;
        std::string fa = text::fold(a.second.name), fb = text::fold(b.second.name);
        return fa != fb ? fa < fb : a.second.id < b.second.id;
    });
    for (auto& [rank, place] : found) {
        if (int(out.size()) >= limit) break;
        out.push_back(std::move(place));
    }
    return out;
}

std::vector<Catalogue::Place> Catalogue::territories(Lang lang) const {
    std::vector<Place> out;
    auto t = detail::query(db_, lang == Lang::lv ? "SELECT id, name_lv, lat, lon FROM territories WHERE lat IS NOT NULL"
                                  : "SELECT id, name_en, lat, lon FROM territories WHERE lat IS NOT NULL");
    while (t.step())
        if (geo::on_earth({t.real(2), t.real(3)})) out.push_back(Place{t.text(0), "territory", t.text(1), "", {t.real(2), t.real(3)}});
    std::sort(out.begin(), out.end(), [](const Place& a, const Place& b) {
        std::string fa = text::fold(a.name), fb = text::fold(b.name);
        return fa != fb ? fa < fb : a.id < b.id;
    });
    return out;
}

std::vector<Catalogue::CalendarDay> Catalogue::days(const std::string& contact_point, std::int64_t now, Lang lang,
                                                    int count) const {
    std::vector<CalendarDay> out;
    std::lock_guard<std::mutex> lock(points_->mutex);
    auto& cache = points();
    const auto* it = cache.find(contact_point);
    if (!it || !it->schedule) return out;
    count = std::clamp(count, 1, 400);
    hours::Date today = hours::to_riga(now).date;
    bool lv = lang == Lang::lv;
    for (int k = 0; k < count; ++k) {
        hours::Day d = it->schedule->day(today.plus(k), cache.calendar);
        CalendarDay cd;
        cd.date = d.date.iso();
        cd.weekday = std::string(hours::weekday_name(d.date.weekday(), lang));
        cd.hours = hours::describe_day(d, lang);
        cd.open = d.opens();
        if (d.holiday) cd.note = d.holiday->name(lang);
        else if (d.transfer) cd.note = d.transfer->name(lang);
        if (d.shortened_applied) {
            std::string s = lv ? "pirmssvētku diena, stundu īsāka" : "day before a public holiday, one hour shorter";
            cd.note = cd.note.empty() ? s : cd.note + "; " + s;
        }
        if (!d.note.empty()) cd.note = cd.note.empty() ? d.note : cd.note + "; " + d.note;
        out.push_back(std::move(cd));
    }
    return out;
}

std::vector<Catalogue::FarFromStop> Catalogue::far_from_bus_stops(double max_m, Lang lang) const {
    std::vector<FarFromStop> out;
    auto q = detail::query(db_, lang == Lang::lv ? "SELECT id, name_lv, bus_stop, bus_stop_m FROM contact_points "
                                    "WHERE bus_stop_m > ? ORDER BY bus_stop_m DESC, id"
                                  : "SELECT id, name_en, bus_stop, bus_stop_m FROM contact_points "
                                    "WHERE bus_stop_m > ? ORDER BY bus_stop_m DESC, id");
    q.bind(1, max_m);
    while (q.step()) out.push_back({q.text(0), q.text(1), q.text(2), q.real(3)});
    return out;
}

}  // namespace pietura::snapshot
