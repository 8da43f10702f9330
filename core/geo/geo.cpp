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

}  // namespace pietura::geo
