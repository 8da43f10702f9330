// pietura nearest — the nearest contact points to a place, as the browser finds them.
#include <cmath>
#include <ctime>
#include <iomanip>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli.hpp"
#include "hours/hours.hpp"
#include "snapshot/snapshot.hpp"

namespace pietura::cli {

namespace {
const char* kNearestHelp = R"(pietura nearest — contact points nearest to a point, closest first

Usage: pietura nearest --lat LAT --lon LON [options]

  --lat LAT            latitude in degrees (WGS 84), e.g. 57.3119
  --lon LON            longitude in degrees, e.g. 25.2706
  -n N                 how many (default: 5, at most 100)
  --service ID         only contact points that accept this service
  --open-at INSTANT    only those open at INSTANT (ISO 8601 with offset or Z, or "now")
  --lang lv|en         language of names and status (default: lv)
  --snapshot FILE      snapshot to read (default: dist/catalogue.sqlite)
  --json               print JSON

Distances are great-circle distances in metres. Exit code 1 when none match.
)";

bool parse_double(const std::string& s, double& out) {
    try {
        size_t used = 0;
        out = std::stod(s, &used);
        return used == s.size() && std::isfinite(out);
    } catch (const std::exception&) {
        return false;
    }
}
}  // namespace

int cmd_nearest(int argc, char** argv) {
    Args args(argc, argv, {"lat", "lon", "n", "service", "open-at", "lang", "snapshot"}, {"json", "help"});
    if (!args.ok()) return usage_error("nearest", args.error());
    if (args.flag("help")) {
        std::cout << kNearestHelp;
        return 0;
    }
    double lat = 0, lon = 0;
    if (!args.get("lat") || !args.get("lon")) return usage_error("nearest", "--lat and --lon are required");
    if (!parse_double(*args.get("lat"), lat) || lat < -90 || lat > 90)
        return usage_error("nearest", "--lat must be a number from -90 to 90");
    if (!parse_double(*args.get("lon"), lon) || lon < -180 || lon > 180)
        return usage_error("nearest", "--lon must be a number from -180 to 180");
    double n = 5;
    if (args.get("n") && (!parse_double(*args.get("n"), n) || n < 1 || n > 100 || n != std::floor(n)))
        return usage_error("nearest", "-n must be a whole number from 1 to 100");
    auto lang = parse_lang(args.get_or("lang", "lv"));
    if (!lang) return usage_error("nearest", "--lang must be lv or en");
    std::int64_t at = std::time(nullptr);
    bool only_open = false;
    if (auto o = args.get("open-at")) {
        only_open = true;
        if (*o != "now") {
            hours::ParseError e;
            auto inst = hours::parse_instant(*o, &e);
            if (!inst) return usage_error("nearest", "--open-at: " + e.message);
            at = *inst;
        }
    }
    try {
        auto cat = snapshot::Catalogue::open(args.get_or("snapshot", "dist/catalogue.sqlite"));
        auto found = cat.nearest({lat, lon}, int(n), *lang, at, args.get_or("service", ""), only_open);
        if (args.flag("json")) {
            nlohmann::ordered_json out = nlohmann::ordered_json::array();
            for (auto& f : found)
                out.push_back({{"id", f.id}, {"name", f.name}, {"url", f.url},
                               {"distance_m", std::lround(f.distance_m)}, {"state", f.status.state},
                               {"status", f.status.text}});
            std::cout << out.dump(2) << "\n";
        } else {
            for (auto& f : found)
                std::cout << std::left << std::setw(30) << f.id << std::right << std::setw(9) << std::lround(f.distance_m)
                          << " m  " << std::left << std::setw(7) << f.status.state << " " << f.name << "\n";
        }
        return found.empty() ? 1 : 0;
    } catch (const std::exception& e) {
        std::cerr << "pietura nearest: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace pietura::cli
