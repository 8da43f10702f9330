// Target 7: the open-data importers — RFC 4180 CSV, GTFS stops.txt, settlements,
// contact points (whose hours column goes through the Latvian hours converter).
// Input: a file as an editor is handed it; every reader gets the same bytes.
//
// Promises checked (import.hpp): a bad row is a Problem with a line number, never
// an exception; every imported contact point has a valid id and is content JSON
// that passes the contact-points schema.
#include <cstdint>
#include <string_view>

#include "content/schema.hpp"
#include "fuzz_common.hpp"
#include "import/import.hpp"

namespace imp = pietura::import;

namespace {
const pietura::content::SchemaSet& schemas() {
    static const auto s = pietura::content::SchemaSet::load(std::filesystem::path(PIETURA_SOURCE_DIR) / "content/schema");
    return s;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<imp::Problem> problems;
    try {
        for (char delim : {'\0', ',', ';', '\t'}) (void)imp::parse_csv(text, delim, "fuzz.csv", problems);
        for (auto& s : imp::read_gtfs_stops(text, "stops.txt", problems))
            if (s.id.empty()) fuzz::broken("every bus stop has an id", std::string(text));
        (void)imp::read_settlements(text, "places.csv", problems);
        imp::ContactPointDefaults defaults;
        for (auto& cp : imp::read_contact_points(text, "points.csv", defaults, problems)) {
            std::string id = cp.json.value("id", std::string());
            if (id.empty() || imp::make_id(id) != id)
                fuzz::broken("an imported contact point has a valid id", id);
            // What `pietura import` writes must pass `pietura check`'s schema.
            for (auto& v : schemas().validate("contact-points", nlohmann::json::parse(cp.json.dump())))
                fuzz::broken("an imported contact point passes the contact-points schema",
                             v.pointer + ": " + v.message + "\n" + cp.json.dump());
        }
        (void)imp::make_id(text);
    } catch (const std::exception& e) {
        fuzz::broken("importers report problems, never throw", e.what());
    }
    for (auto& p : problems) {
        if (p.message.empty()) fuzz::broken("a problem says what is wrong", p.format());
        (void)p.format();
    }
    return 0;
}
