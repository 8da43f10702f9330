#include "atlas/atlas.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "geo/geo.hpp"
#include "sqlite/statement.hpp"

namespace pietura::atlas {

namespace {

// Coordinates from the file: a point that is not on Earth cannot be drawn or measured.
bool on_earth(double lat, double lon) {
    return std::isfinite(lat) && std::isfinite(lon) && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
}

constexpr double kMidLat = (kSouth + kNorth) / 2;

}  // namespace

Atlas Atlas::read(const snapshot::Catalogue& cat) {
    Atlas a;
    {
        sqlite::Statement q(cat.db(), "SELECT id, kind, name_lv, territory, hours, lat, lon FROM contact_points ORDER BY id",
                            "atlas");
        while (q.step()) {
            if (q.text(4).size() > snapshot::kMaxHoursSpec)
                throw std::runtime_error("atlas: contact point " + q.text(0).substr(0, 100) +
                                         ": opening hours longer than any real ones");
            if (!q.is_null(5) && !q.is_null(6) && on_earth(q.real(5), q.real(6)))
                a.contact_points.push_back(
                    {q.text(0), q.text(1), q.text(2), q.text(3), q.text(4), q.real(5), q.real(6), 0, ""});
        }
    }
    sqlite::Statement q(cat.db(), "SELECT id, name, territory, lat, lon FROM places ORDER BY id", "atlas");
    while (q.step()) {
        if (q.is_null(3) || q.is_null(4) || !on_earth(q.real(3), q.real(4))) continue;
        Point p{q.text(0), "place", q.text(1), q.text(2), "", q.real(3), q.real(4), 0, ""};
        double best = std::numeric_limits<double>::infinity();
        for (auto& cp : a.contact_points) {
            double d = geo::distance_m({p.lat, p.lon}, {cp.lat, cp.lon});
            if (d < best) best = d, p.nearest = cp.id;
        }
        p.nearest_km = p.nearest.empty() ? 0 : best / 1000;
        a.places.push_back(std::move(p));
    }
    a.calendar = cat.calendar();
    return a;
}

const Point* Atlas::find(const std::string& id) const {
    for (auto* v : {&contact_points, &places})
        for (auto& p : *v)
            if (p.id == id) return &p;
    return nullptr;
}

double aspect() { return (kEast - kWest) * std::cos(kMidLat * 3.14159265358979323846 / 180) / (kNorth - kSouth); }

XY project(double lat, double lon) { return {(lon - kWest) / (kEast - kWest), (kNorth - lat) / (kNorth - kSouth)}; }

Heatmap heatmap(const Atlas& atlas, hours::Date day) {
    Heatmap h;
    h.monday = day.plus(-int(day.weekday()));
    h.contact_points = int(atlas.contact_points.size());
    for (int d = 0; d < 7; ++d) {
        hours::Date date = h.monday.plus(d);
        if (auto hol = atlas.calendar.holiday(date)) h.note[d] = hol->name_en;
        else if (auto tr = atlas.calendar.transfer(date)) h.note[d] = tr->name_en;
        else if (atlas.calendar.is_shortened(date)) h.note[d] = "shortened working day";
    }
    for (auto& cp : atlas.contact_points) {
        auto sched = hours::Schedule::parse(cp.hours);
        if (!sched) continue;  // the quality report lists it; the heatmap cannot count it
        for (int d = 0; d < 7; ++d) {
            for (auto& iv : sched->intervals(h.monday.plus(d), atlas.calendar)) {
                if (iv.state != hours::State::open) continue;
                for (int hr = iv.start / 60; hr < 24 && hr * 60 < iv.end; ++hr) {
                    int from = std::max(iv.start, hr * 60), to = std::min(iv.end, hr * 60 + 60);
                    if (to > from) h.open[size_t(d)][size_t(hr)] += (to - from) / 60.0;
                }
            }
        }
    }
    for (auto& row : h.open)
        for (double v : row) h.max = std::max(h.max, v);
    return h;
}

}  // namespace pietura::atlas
