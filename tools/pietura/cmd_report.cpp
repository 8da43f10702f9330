// pietura report — analyses of the built snapshot for the people who plan the network.
#include <cmath>
#include <iomanip>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli.hpp"
#include "snapshot/snapshot.hpp"
#include "text/text.hpp"

namespace pietura::cli {

namespace {
const char* kReportHelp = R"(pietura report — analyses of the snapshot

Usage: pietura report bus-stops [options]

  bus-stops            contact points farther than a walk from their nearest bus
                       stop (straight line, as the background analysis measured it),
                       farthest first
  --max-m M            the walking distance in metres (default: 700, about ten minutes)
  --lang lv|en         language of names (default: lv)
  --snapshot FILE      snapshot to read (default: dist/catalogue.sqlite)
  --json               print JSON

The nearest stops come from the GTFS stops.txt given to `pietura build`
(content/bus-stops/stops.txt). Exit code 0 also when none are too far.
)";
}  // namespace

int cmd_report(int argc, char** argv) {
    Args args(argc, argv, {"max-m", "lang", "snapshot"}, {"json", "help"});
    if (!args.ok()) return usage_error("report", args.error());
    if (args.flag("help")) {
        std::cout << kReportHelp;
        return 0;
    }
    if (args.positional().size() != 1 || args.positional()[0] != "bus-stops")
        return usage_error("report", "say which report: pietura report bus-stops");
    double max_m = 700;
    if (auto m = args.get("max-m")) {
        auto v = text::parse_number(*m);
        if (!v || *v < 0) return usage_error("report", "--max-m must be a distance in metres, e.g. 700");
        max_m = *v;
    }
    auto lang = parse_lang(args.get_or("lang", "lv"));
    if (!lang) return usage_error("report", "--lang must be lv or en");
    try {
        auto cat = snapshot::Catalogue::open(args.get_or("snapshot", "dist/catalogue.sqlite"));
        auto far = cat.far_from_bus_stops(max_m, *lang);
        int total = cat.count("contact_points");
        if (args.flag("json")) {
            nlohmann::ordered_json out = {{"max_m", max_m}, {"contact_points", total}, {"farther", nlohmann::json::array()}};
            for (auto& f : far)
                out["farther"].push_back({{"id", f.id}, {"name", f.name}, {"bus_stop", f.bus_stop},
                                          {"distance_m", std::lround(f.bus_stop_m)}});
            std::cout << out.dump(2) << "\n";
        } else {
            std::cout << far.size() << " of " << total << " contact points are farther than " << std::lround(max_m)
                      << " m from a bus stop\n";
            for (auto& f : far)
                std::cout << std::right << std::setw(6) << std::lround(f.bus_stop_m) << " m  " << std::left
                          << std::setw(28) << f.id << " " << f.bus_stop << "\n";
        }
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "pietura report: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace pietura::cli
