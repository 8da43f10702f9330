// atlas/atlas.hpp — what the editors' studio draws: points on a map of Latvia and
// an hours heatmap, computed from a snapshot.
//
// `Atlas::read(catalogue)` takes the contact points, settlements and holiday
// calendar out of a snapshot; every settlement carries its distance to the nearest
// contact point (the coverage the quality report summarises by territory).
// `project()` is a plain equirectangular projection scaled by the cosine of
// Latvia's middle latitude — enough to see gaps in the network, no tiles.
// `heatmap()` counts, for each day of one week and each hour, how many contact
// points are open (in contact-point-hours, so a 30-minute lunch shows as a half
// dip), with that week's holidays, transfers and shortened days applied.
//
// It reads a snapshot only (the same file the browser gets) and draws nothing:
// the studio (studio/) turns these numbers into pixels.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "hours/hours.hpp"
#include "snapshot/snapshot.hpp"

namespace pietura::atlas {

struct Point {
    std::string id, kind;  // kind: "vpvkac" | "library" | "institution" | "place"
    std::string name, territory;
    std::string hours;  // contact points only
    double lat = 0, lon = 0;
    // Places: distance to the nearest contact point and its id; contact points: 0, "".
    double nearest_km = 0;
    std::string nearest;
};

struct Atlas {
    std::vector<Point> contact_points, places;  // sorted by id
    hours::Calendar calendar;

    static Atlas read(const snapshot::Catalogue& cat);
    const Point* find(const std::string& id) const;
};

// Latvia's bounding box (with a margin) maps to x, y in 0..1, north up, and
// keeps distances in proportion: x spans more than y by cos(56.9°)·(7.4°/2.5°).
struct XY {
    double x = 0, y = 0;
};
inline constexpr double kSouth = 55.6, kNorth = 58.1, kWest = 20.9, kEast = 28.3;
XY project(double lat, double lon);
double aspect();  // width / height of the projected box

struct Heatmap {
    hours::Date monday;                   // first day shown
    std::array<std::array<double, 24>, 7> open{};  // [day][hour] contact points open (hour-weighted)
    std::array<std::string, 7> note;      // holiday, transfer or "shortened" per day; "" otherwise
    int contact_points = 0;
    double max = 0;                       // largest cell
};

// The week (Monday to Sunday) holding `day`.
Heatmap heatmap(const Atlas& atlas, hours::Date day);

}  // namespace pietura::atlas
