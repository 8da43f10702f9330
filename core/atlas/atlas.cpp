#include "atlas/atlas.hpp"

#include <algorithm>
#include <cmath>

#include "geo/geo.hpp"

namespace pietura::atlas {

namespace {

constexpr double kMidLat = (kSouth + kNorth) / 2;

}  // namespace

Atlas Atlas::read(const snapshot::Catalogue& cat) {
    Atlas a;
    for (auto& cp : cat.contact_points_on_map())
        a.contact_points.push_back({cp.id, cp.kind, cp.name, cp.territory, cp.hours, cp.at.lat, cp.at.lon, 0, ""});
    for (auto& pl : cat.places_on_map()) {
        Point p{pl.id, "place", pl.name, pl.territory, "", pl.at.lat, pl.at.lon, 0, ""};
        if (auto near = geo::nearest(a.contact_points, pl.at, [](const Point& cp) { return geo::Point{cp.lat, cp.lon}; })) {
            p.nearest = near.item->id;
            p.nearest_km = near.m / 1000;
        }
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
