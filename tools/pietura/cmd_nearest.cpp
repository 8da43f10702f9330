// pietura nearest — the nearest contact points to a place, as the browser finds them.
#include <cmath>
#include <ctime>
#include <iomanip>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli.hpp"
#include "hours/hours.hpp"
#include "snapshot/snapshot.hpp"
#include "text/text.hpp"

namespace pietura::cli {

namespace {
const char* kNearestHelp = R"(pietura nearest — contact points nearest to a point, closest first

Usage: pietura nearest --lat LAT --lon LON [options]

  --lat LAT            latitude in degrees (WGS 84), e.g. 57.3119
  --lon LON            longitude in degrees, e.g. 25.2706
  -n N                 how many (default: 5, at most 100)
  --place NAME         instead of --lat/--lon: a settlement or municipality, with or
                       without diacritics ("cesis", "Rēzeknes novads")
  --service ID         only contact points that accept this service
  --remote ID          only those hosting remote consultations of institution ID (e.g. vsaa)
  --open-at INSTANT    only those open at INSTANT (ISO 8601 with offset or Z, or "now")
  --saturday           only those open on a Saturday in the next two weeks
  --after-17           only those open after 17:00 on some day in the next two weeks
  --step-free          only those with a step-free entrance
  --lang lv|en         language of names and status (default: lv)
  --snapshot FILE      snapshot to read (default: dist/catalogue.sqlite)
  --json               print JSON

Distances are great-circle distances in metres, and so is each contact point's
nearest bus stop. Exit code 1 when none match or the place is unknown.
)";

bool parse_double(const std::string& s, double& out) {
    auto v = text::parse_number(s);
    if (v) out = *v;
    return v.has_value();
}
}  // namespace

int cmd_nearest(int argc, char** argv) {
    Args args(argc, argv, {"lat", "lon", "place", "n", "service", "remote", "open-at", "lang", "snapshot"},
              {"json", "help", "saturday", "after-17", "step-free"});
    if (!args.ok()) return usage_error("nearest", args.error());
    if (args.flag("help")) {
        std::cout << kNearestHelp;
        return 0;
    }
    double lat = 0, lon = 0;
    bool by_place = args.get("place").has_value();
    if (by_place && (args.get("lat") || args.get("lon")))
        return usage_error("nearest", "give either --place or --lat and --lon, not both");
    if (!by_place) {
        if (!args.get("lat") || !args.get("lon")) return usage_error("nearest", "--lat and --lon (or --place) are required");
        if (!parse_double(*args.get("lat"), lat) || lat < -90 || lat > 90)
            return usage_error("nearest", "--lat must be a number from -90 to 90");
        if (!parse_double(*args.get("lon"), lon) || lon < -180 || lon > 180)
            return usage_error("nearest", "--lon must be a number from -180 to 180");
    }
    double n = 5;
    if (args.get("n") && (!parse_double(*args.get("n"), n) || n < 1 || n > 100 || n != std::floor(n)))
        return usage_error("nearest", "-n must be a whole number from 1 to 100");
    auto lang = parse_lang(args.get_or("lang", "lv"));
    if (!lang) return usage_error("nearest", "--lang must be lv or en");
    std::int64_t at = std::time(nullptr);
    snapshot::Catalogue::NearestQuery q;
    q.limit = int(n);
    q.service = args.get_or("service", "");
    q.remote_institution = args.get_or("remote", "");
    q.open_saturday = args.flag("saturday");
    q.open_after_17 = args.flag("after-17");
    q.step_free = args.flag("step-free");
    if (auto o = args.get("open-at")) {
        q.open_now = true;
        if (*o != "now") {
            hours::ParseError e;
            auto inst = hours::parse_instant(*o, &e);
            if (!inst) return usage_error("nearest", "--open-at: " + e.message);
            at = *inst;
        }
    }
    try {
        auto cat = snapshot::Catalogue::open(args.get_or("snapshot", "dist/catalogue.sqlite"));
        if (by_place) {
            auto places = cat.find_places(*args.get("place"), *lang, 1);
            if (places.empty()) {
                std::cerr << "pietura nearest: no settlement or municipality called \"" << *args.get("place") << "\"\n";
                return 1;
            }
            q.from = places[0].at;
            if (!args.flag("json"))
                std::cout << "# " << places[0].name
                          << (places[0].territory.empty() || places[0].territory == places[0].name ? "" : ", " + places[0].territory)
                          << "\n";
        } else {
            q.from = {lat, lon};
        }
        auto found = cat.nearest(q, *lang, at);
        if (args.flag("json")) {
            nlohmann::ordered_json out = nlohmann::ordered_json::array();
            for (auto& f : found) {
                nlohmann::ordered_json o = {{"id", f.id}, {"name", f.name}, {"url", f.url},
                                            {"distance_m", std::lround(f.distance_m)}, {"state", f.status.state},
                                            {"status", f.status.text}, {"address", f.address}, {"phone", f.phone},
                                            {"email", f.email}, {"step_free", f.step_free}, {"services", f.services},
                                            {"remote_consultation", f.remote}};
                if (f.bus_stop_m >= 0) o["bus_stop"] = {{"name", f.bus_stop}, {"distance_m", std::lround(f.bus_stop_m)}};
                out.push_back(o);
            }
            std::cout << out.dump(2) << "\n";
        } else {
            for (auto& f : found)
                std::cout << std::left << std::setw(30) << f.id << std::right << std::setw(9) << std::lround(f.distance_m)
                          << " m  " << std::left << std::setw(7) << f.status.state << " " << f.name << "\n";
        }
        return found.empty() ? 1 : 0;
    } catch (const std::invalid_argument& e) {
        return usage_error("nearest", e.what());
    } catch (const std::exception& e) {
        std::cerr << "pietura nearest: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace pietura::cli
