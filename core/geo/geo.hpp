// geo/geo.hpp — distances on the Earth, for "nearest contact point" and bus stops.
//
// Straight-line (great-circle) distance in metres on a spherical Earth (mean radius
// 6,371,008.8 m). Over Latvia's 450 km the error against the WGS 84 ellipsoid is
// below 0.5 %, far less than the difference between walking and a straight line;
// the background analysis of bus stops also used straight-line distances.
// No routing, no projections: those belong to a map application.
#pragma once

#include <string>

#include "i18n/lang.hpp"

namespace pietura::geo {

struct Point {
    double lat = 0, lon = 0;  // degrees, WGS 84
};

double distance_m(Point a, Point b);

// For people: "850 m" (to 10 m), "4,2 km" / "4.2 km" under 10 km, "37 km" beyond —
// precise where it matters for walking, rounded where it would be false precision.
std::string describe_distance(double metres, Lang lang);

}  // namespace pietura::geo
