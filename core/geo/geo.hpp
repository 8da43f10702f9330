// geo/geo.hpp — distances on the Earth, and the one nearest-point search.
//
// Straight-line (great-circle) distance in metres on a spherical Earth (mean radius
// 6,371,008.8 m). Over Latvia's 450 km the error against the WGS 84 ellipsoid is
// below 0.5 %, far less than the difference between walking and a straight line;
// the background analysis of bus stops also used straight-line distances.
// `nearest()` (the closest of a list) and `by_distance()` (a list closest first)
// are the only nearest-point searches of the code base: contact points, bus stops
// and settlements all go through them, with the same tie rule (the earlier element
// of the list wins, so a list sorted by id breaks ties by id).
// No routing, no projections: those belong to a map application.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>
#include <type_traits>
#include <iterator>
#include <string>
#include <vector>

#include "i18n/lang.hpp"

namespace pietura::geo {

struct Point {
    double lat = 0, lon = 0;  // degrees, WGS 84
};

double distance_m(Point a, Point b);

// Finite, latitude in [-90, 90], longitude in [-180, 180]: a coordinate read from a
// file is used only then, since NaN or infinity would break every distance.
inline bool on_earth(Point p) {
    return std::isfinite(p.lat) && std::isfinite(p.lon) && p.lat >= -90 && p.lat <= 90 && p.lon >= -180 &&
           p.lon <= 180;
}

// For people: "850 m" (to 10 m), "4,2 km" / "4.2 km" under 10 km, "37 km" beyond —
// precise where it matters for walking, rounded where it would be false precision.
std::string describe_distance(double metres, Lang lang);

template <class T>
struct Near {
    const T* item = nullptr;  // nullptr: the list was empty
    double m = 0;             // its distance in metres
    explicit operator bool() const { return item != nullptr; }
};

// The element of `items` nearest to `from`, where `at(element)` is its geo::Point;
// ties go to the earlier element, or with `before(a, b)` to the one it orders first
// (for lists in no useful order, such as a GTFS file's stops). A plain scan with a
// cheap reject before the trigonometry (a degree of latitude is at least 111 km):
// 600 contact points by 9,310 bus stops is well under a second.
template <class Range, class At, class Before>
auto nearest(const Range& items, Point from, At at, Before before) {
    using T = std::remove_cv_t<std::remove_reference_t<decltype(*std::begin(items))>>;
    Near<T> best;
    for (const T& item : items) {
        Point p = at(item);
        if (best.item && std::abs(p.lat - from.lat) * 111000.0 > best.m) continue;
        double d = distance_m(from, p);
        if (!best.item || d < best.m || (d == best.m && before(item, *best.item))) best = {&item, d};
    }
    return best;
}
template <class Range, class At>
auto nearest(const Range& items, Point from, At at) {
    return nearest(items, from, at, [](const auto&, const auto&) { return false; });
}

// The elements of `items` with their distances, closest first, ties in the list's
// order; only the first `limit` when given (a partial sort: the browser asks on
// every keystroke and shows five).
template <class Range, class At>
auto by_distance(const Range& items, Point from, At at, std::size_t limit = SIZE_MAX) {
    using T = std::remove_cv_t<std::remove_reference_t<decltype(*std::begin(items))>>;
    std::vector<std::pair<Near<T>, std::size_t>> all;  // with the position, for ties
    for (const T& item : items) all.push_back({{&item, distance_m(from, at(item))}, all.size()});
    auto closer = [](const auto& a, const auto& b) { return a.first.m != b.first.m ? a.first.m < b.first.m : a.second < b.second; };
    if (limit < all.size()) {
        std::partial_sort(all.begin(), all.begin() + std::ptrdiff_t(limit), all.end(), closer);
        all.resize(limit);
    } else {
        std::sort(all.begin(), all.end(), closer);
    }
    std::vector<Near<T>> out;
    out.reserve(all.size());
    for (auto& [near, position] : all) out.push_back(near);
    return out;
}

}  // namespace pietura::geo
