// import/import.hpp — bring real open-data shapes into content, so editors need not type them.
//
// Readers for the three files editors are actually handed: a GTFS `stops.txt`
// (the national bus-stop export), a CSV of contact points as municipalities keep
// them (name, address, coordinates, phone, e-mail, hours in Latvian words), and a
// gazetteer of settlements (GeoNames-style TSV or CSV). Each reader returns what it
// could read plus one `Problem` per row it could not, with the line number, so a
// bad row is reported and skipped, never fatal. `convert_hours_lv()` turns Latvian
// hours text ("P.–C. 8.30–12.00 un 13.00–17.00; Pk. 8.30–16.00") into the
// OpenStreetMap `opening_hours` syntax the hours capability parses, and checks its
// own output with `hours::Schedule::parse`.
//
// It sits beside content/: it reads files and produces content-shaped JSON, but it
// does not write the content folder (the CLI decides where output goes), does not
// guess what a text does not say (an hours text it cannot read is a problem, not a
// best effort), and knows nothing about the snapshot.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "csv/csv.hpp"


namespace pietura::content {
struct Content;
}

namespace pietura::import {

// The CSV reader, its problems and GTFS stops are csv/'s (content/ reads stops.txt
// with them too); these names stay for callers of import/.
using csv::BusStop;
using csv::CsvRow;
using csv::parse_csv;
using csv::Problem;
using csv::read_gtfs_stops;
using csv::read_gtfs_stops_file;

// --- settlements ----------------------------------------------------------------

struct Settlement {
    std::string name;
    double lat = 0, lon = 0;
    std::string territory;  // from a territory column if the file has one, else ""
};

// A header row with name/nosaukums, lat/platums, lon/garums (territory/novads optional);
// tab, ';' or ',' separated. Decimal commas are accepted when the separator is not ','.
std::vector<Settlement> read_settlements(std::string_view text, const std::string& file,
                                         std::vector<Problem>& problems);

// --- contact points -------------------------------------------------------------

// A contact point read from a CSV row, as content JSON (the contact-points schema),
// with what the CSV does not say filled in plainly: the English name and address
// equal the Latvian ones (`pietura check` lists them for translation), no
// institutions, territory from the `territory` column or else the nearest known
// place's territory.
struct ImportedContactPoint {
    int line = 0;
    nlohmann::ordered_json json;
};

struct ContactPointDefaults {
    std::string kind = "library";                 // when the CSV has no kind column
    const content::Content* content = nullptr;    // places/territories for the territory guess
};

std::vector<ImportedContactPoint> read_contact_points(std::string_view text, const std::string& file,
                                                      const ContactPointDefaults& defaults,
                                                      std::vector<Problem>& problems);

// "Cēsu Centrālā bibliotēka" → "cesu-centrala-biblioteka": a valid content id.
std::string make_id(std::string_view name);

// --- Latvian hours text → opening_hours -----------------------------------------

struct HoursConversion {
    std::optional<std::string> spec;  // valid opening_hours, when converted
    std::string error;                // why not, with the character column
};

// Understands weekday abbreviations and names (P., O., T., C., Pk., S., Sv.,
// pirmdiena … svētdiena, in any case form, with or without dots), ranges and lists
// of days ("P.–C.", "P., T."), "darba dienās", "brīvdienās", "katru dienu", times
// as 8.30, 8:30 or 8, ranges with an en dash, hyphen or "no … līdz", several ranges
// joined by "un" or commas, lunch breaks ("pusdienas 12.00–13.00", "pusdienu
// pārtraukums …"), "slēgts"/"brīvs", and "svētku dienās slēgts" (→ PH off).
HoursConversion convert_hours_lv(std::string_view text);

}  // namespace pietura::import
