// pietura import — turn open-data files into content, so editors need not type them.
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli.hpp"
#include "content/content.hpp"
#include "geo/geo.hpp"
#include "import/import.hpp"
#include "text/text.hpp"

namespace fs = std::filesystem;

namespace pietura::cli {

namespace {
const char* kImportHelp = R"(pietura import — bring open-data files into the content folder

Usage: pietura import stops FILE [--out FILE]
       pietura import contact-points FILE [--content DIR] [--kind KIND] [--out DIR] [--force]
       pietura import places FILE [--content DIR] [--territory ID] [--out FILE]
       pietura import hours FILE | --text "P.–C. 8.30–17.00"

  stops            a GTFS stops.txt (the national bus-stop export). Writes a cleaned
                   stops.txt with stop_id, stop_name, stop_lat, stop_lon: stops only
                   (no entrances), inside Latvia. Put it at content/bus-stops/stops.txt.
  contact-points   a CSV (',' ';' or tab separated; Latvian or English headers) with
                   name/nosaukums, address/adrese, lat/platums, lon/garums,
                   phone/tālrunis, email/e-pasts, hours/darba laiks, and optionally id,
                   kind/veids, territory/novads. The Latvian hours text is converted to
                   opening_hours. Writes one content/contact-points/<id>.json per row.
                   The English name and address are set equal to the Latvian ones and
                   institutions left empty: `pietura check` lists what to complete.
  places           a gazetteer TSV/CSV with name, lat, lon (optionally territory/novads,
                   given as an id or a name). Writes a JSON array for content/places/.
  hours            converts Latvian hours texts, one per line, and prints each result.

  --out PATH       where to write (stops, places: a file; contact-points: a folder).
                   Without it the result goes to standard output (contact-points: as
                   one JSON array).
  --content DIR    content folder whose places and territories guess a missing
                   territory (the nearest known settlement's); default: content
  --kind KIND      contact-point kind when the CSV has no kind column:
                   vpvkac, library or institution (default: library)
  --territory ID   territory of every place when the file has no territory column
                   (default: the nearest known place's territory)
  --force          overwrite contact-point files that already exist
  --text TEXT      (hours) convert this one text instead of a file
  --quiet          no progress lines

Rows that cannot be read are reported as FILE:LINE: error: message and skipped;
the others are still written. Exit codes: 0 every row imported, 1 some rows (or
the whole file) reported, 2 wrong command line.
)";

void emit(const std::optional<std::string>& out, const std::string& data) {
    if (!out) {
        std::cout << data;
        return;
    }
    if (fs::path(*out).has_parent_path()) fs::create_directories(fs::path(*out).parent_path());
    std::ofstream f(*out, std::ios::binary | std::ios::trunc);
    f << data;
    if (!f) throw std::runtime_error("cannot write " + *out);
}

// GTFS fields are quoted only when they must be.
std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

content::Content load_optional(const std::string& dir, bool required) {
    std::vector<content::Diagnostic> diags;
    if (!required && !fs::exists(dir)) return {};
    content::Content c = content::Content::load(dir, diags);
    if (content::has_errors(diags))
        std::cerr << "warning: " << dir << " has errors (run pietura check); its places are still used for guesses\n";
    return c;
}

int report(const std::vector<import::Problem>& problems, size_t imported, const std::string& what) {
    for (auto& p : problems) std::cerr << p.format() << "\n";
    std::cerr << "imported " << imported << " " << what;
    if (!problems.empty()) std::cerr << ", " << problems.size() << " problem(s) reported";
    std::cerr << "\n";
    return problems.empty() ? 0 : 1;
}

}  // namespace

int cmd_import(int argc, char** argv) {
    Args args(argc, argv, {"out", "content", "kind", "territory", "text"}, {"force", "quiet", "help"});
    if (!args.ok()) return usage_error("import", args.error());
    if (args.flag("help")) {
        std::cout << kImportHelp;
        return 0;
    }
    const auto& pos = args.positional();
    if (pos.empty()) return usage_error("import", "say what to import: stops, contact-points, places or hours");
    const std::string what = pos[0];
    if (what != "stops" && what != "contact-points" && what != "places" && what != "hours")
        return usage_error("import", "unknown kind '" + what + "' (stops, contact-points, places, hours)");
    if (what == "hours" && args.get("text")) {
        auto r = import::convert_hours_lv(*args.get("text"));
        if (!r.spec) {
            std::cerr << "pietura import hours: " << r.error << "\n";
            return 1;
        }
        std::cout << *r.spec << "\n";
        return 0;
    }
    if (pos.size() != 2) return usage_error("import", "give one input FILE after '" + what + "'");
    const std::string file = pos[1];
    if (auto k = args.get("kind"); k && *k != "vpvkac" && *k != "library" && *k != "institution")
        return usage_error("import", "--kind must be vpvkac, library or institution");
    Progress progress(args.flag("quiet"));
    std::vector<import::Problem> problems;
    try {
        std::string data = text::read_file_or_throw(file);
        if (what == "hours") {
            std::istringstream in(data);
            std::string line;
            int n = 0, ok = 0;
            while (std::getline(in, line)) {
                ++n;
                if (!line.empty() && line.back() == '\r') line.pop_back();
                if (line.find_first_not_of(" \t") == std::string::npos) continue;
                auto r = import::convert_hours_lv(line);
                if (r.spec) {
                    std::cout << line << "\t" << *r.spec << "\n";
                    ++ok;
                } else {
                    problems.push_back({file, n, "\"" + line + "\": " + r.error});
                }
            }
            return report(problems, size_t(ok), "hours texts");
        }
        if (what == "stops") {
            progress.step("Reading " + file);
            auto stops = import::read_gtfs_stops(data, file, problems);
            progress.done(std::to_string(stops.size()) + " stops");
            std::string out = "stop_id,stop_name,stop_lat,stop_lon\n";
            for (auto& s : stops) {
                char lat[32], lon[32];
                std::snprintf(lat, sizeof lat, "%.6f", s.lat);
                std::snprintf(lon, sizeof lon, "%.6f", s.lon);
                out += csv_field(s.id) + "," + csv_field(s.name) + "," + lat + "," + lon + "\n";
            }
            if (stops.empty()) return report(problems, 0, "stops");
            emit(args.get("out"), out);
            return report(problems, stops.size(), "stops");
        }
        content::Content c = load_optional(args.get_or("content", "content"), args.get("content").has_value());
        if (what == "contact-points") {
            progress.step("Reading " + file);
            import::ContactPointDefaults d;
            d.kind = args.get_or("kind", "library");
            d.content = &c;
            auto cps = import::read_contact_points(data, file, d, problems);
            progress.done(std::to_string(cps.size()) + " contact points");
            if (auto out = args.get("out")) {
                fs::create_directories(*out);
                size_t written = 0;
                for (auto& cp : cps) {
                    fs::path p = fs::path(*out) / (cp.json["id"].get<std::string>() + ".json");
                    if (fs::exists(p) && !args.flag("force")) {
                        problems.push_back({file, cp.line, p.string() + " already exists (use --force to replace it)"});
                        continue;
                    }
                    std::ofstream(p, std::ios::binary | std::ios::trunc) << cp.json.dump(2) << "\n";
                    ++written;
                }
                return report(problems, written, "contact points into " + *out);
            }
            nlohmann::ordered_json arr = nlohmann::ordered_json::array();
            for (auto& cp : cps) arr.push_back(cp.json);
            std::cout << arr.dump(2) << "\n";
            return report(problems, cps.size(), "contact points");
        }
        // places
        progress.step("Reading " + file);
        auto settlements = import::read_settlements(data, file, problems);
        progress.done(std::to_string(settlements.size()) + " settlements");
        std::optional<std::string> fixed = args.get("territory");
        if (fixed && !c.territories.empty() && !c.territory(*fixed))
            return usage_error("import", "--territory " + *fixed + " is not a territory of the content");
        nlohmann::ordered_json arr = nlohmann::ordered_json::array();
        std::map<std::string, int> ids;
        for (size_t i = 0; i < settlements.size(); ++i) {
            auto& s = settlements[i];
            std::string territory = fixed.value_or("");
            if (territory.empty() && !s.territory.empty()) {
                std::string key = text::fold(s.territory);
                for (auto& t : c.territories)
                    if (t.id == s.territory || text::fold(t.name.lv) == key || text::fold(t.name.en) == key) territory = t.id;
                if (territory.empty()) territory = import::make_id(s.territory);
            }
            if (territory.empty())
                if (auto near = geo::nearest(c.places, {s.lat, s.lon}, [](const content::Place& p) { return geo::Point{p.lat, p.lon}; }))
                    territory = near.item->territory;
            if (territory.empty()) {
                problems.push_back({file, 0, "\"" + s.name + "\": no territory (give --territory or --content with places)"});
                continue;
            }
            std::string id = import::make_id(s.name);
            if (int n = ++ids[id]; n > 1) id += "-" + std::to_string(n);  // "Jaunciems" in two parishes
            arr.push_back({{"id", id}, {"name", s.name}, {"territory", territory}, {"lat", s.lat}, {"lon", s.lon}});
        }
        if (!arr.empty()) emit(args.get("out"), arr.dump(2) + "\n");
        return report(problems, arr.size(), "places");
    } catch (const std::exception& e) {
        std::cerr << "pietura import: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace pietura::cli
