#include "atlas/atlas.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "geo/geo.hpp"

namespace pietura::atlas {

namespace {

std::vector<std::vector<std::string>> rows(sqlite3* db, const char* sql, int columns) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
        throw std::runtime_error(std::string("atlas: ") + sqlite3_errmsg(db));
    std::vector<std::vector<std::string>> out;
    while (sqlite3_step(st) == SQLITE_ROW) {
        std::vector<std::string> r;
        for (int k = 0; k < columns; ++k) {
            auto p = reinterpret_cast<const char*>(sqlite3_column_text(st, k));
            r.emplace_back(p ? p : "");
        }
        out.push_back(std::move(r));
    }
    sqlite3_finalize(st);
    return out;
}

constexpr double kMidLat = (kSouth + kNorth) / 2;

}  // namespace

Atlas Atlas::read(const snapshot::Catalogue& cat) {
    Atlas a;
    for (auto& r : rows(cat.db(), "SELECT id, kind, name_lv, territory, hours, lat, lon FROM contact_points ORDER BY id", 7))
        a.contact_points.push_back({r[0], r[1], r[2], r[3], r[4], std::stod(r[5]), std::stod(r[6]), 0, ""});
    for (auto& r : rows(cat.db(), "SELECT id, name, territory, lat, lon FROM places ORDER BY id", 5)) {
        Point p{r[0], "place", r[1], r[2], "", std::stod(r[3]), std::stod(r[4]), 0, ""};
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
