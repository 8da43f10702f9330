#include "geo/geo.hpp"

#include <algorithm>
#include <cmath>

namespace pietura::geo {

double distance_m(Point a, Point b) {
    constexpr double kEarthRadius = 6371008.8;
    constexpr double kRad = 3.14159265358979323846 / 180.0;
    // Haversine: well-conditioned for the short distances this is used for.
    double dlat = (b.lat - a.lat) * kRad, dlon = (b.lon - a.lon) * kRad;
    double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
               std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * kEarthRadius * std::asin(std::min(1.0, std::sqrt(h)));
}

std::string describe_distance(double metres, Lang lang) {
    if (!std::isfinite(metres) || metres < 0) return "";
    if (metres < 995) return std::to_string(std::lround(metres / 10.0) * 10) + " m";
    if (metres < 9950) {
        long tenths = std::lround(metres / 100.0);
        return std::to_string(tenths / 10) + (lang == Lang::lv ? "," : ".") + std::to_string(tenths % 10) + " km";
    }
    return std::to_string(std::lround(metres / 1000.0)) + " km";
}

}  // namespace pietura::geo
