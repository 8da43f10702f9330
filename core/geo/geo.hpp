// geo/geo.hpp — distances on the Earth, for "nearest contact point" and bus stops.
//
// Straight-line (great-circle) distance in metres on a spherical Earth (mean radius
// 6,371,008.8 m). Over Latvia's 450 km the error against the WGS 84 ellipsoid is
// below 0.5 %, far less than the difference between walking and a straight line;
// the background analysis of bus stops also used straight-line distances.
// No routing, no projections: those belong to a map application.
#pragma once

namespace pietura::geo {

struct Point {
    double lat = 0, lon = 0;  // degrees, WGS 84
};

double distance_m(Point a, Point b);

}  // namespace pietura::geo
