// csv/csv.hpp — the CSV files open data arrives in, and the GTFS bus stops among them.
//
// RFC 4180 rows, columns found by header name (folded, so "E-pasts" and "epasts"
// are one column), numbers with a decimal point or comma read without the C
// locale, coordinates checked to lie in Latvia, and one `Problem` per row that
// cannot be read, with its line, so a bad row is reported and skipped, never fatal.
// It sits below both content/ (which reads the content folder's stops.txt with it)
// and import/ (which reads editors' files with it and turns them into content),
// so that neither of those needs the other for the shared reader.
#pragma once

#include <cstddef>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pietura::csv {

// A row (or a whole file) that could not be read.
struct Problem {
    std::string file;
    int line = 0;  // 1-based; 0 when it concerns the whole file
    std::string message;

    std::string format() const;  // "stops.txt:12: error: stop_lat \"57,3\" is not a number"
};

// --- CSV ------------------------------------------------------------------------

struct CsvRow {
    int line = 0;  // line the row starts on (quoted fields may span lines)
    std::vector<std::string> fields;
};

// RFC 4180: quoted fields with "" escapes and embedded newlines; CRLF or LF; a
// UTF-8 BOM is dropped. `delimiter` 0 means: guess from the first line (tab, then
// ';' as Latvian spreadsheets save, then ','). An unterminated quote is a problem
// at the line it opened on.
std::vector<CsvRow> parse_csv(std::string_view text, char delimiter, const std::string& file,
                              std::vector<Problem>& problems);

// --- GTFS stops.txt -------------------------------------------------------------

struct BusStop {
    std::string id, name;
    double lat = 0, lon = 0;
};

// Columns are found by name from the header (stop_id, stop_name, stop_lat, stop_lon;
// location_type is honoured: entrances, generic nodes and boarding areas are not stops).
std::vector<BusStop> read_gtfs_stops(std::string_view text, const std::string& file, std::vector<Problem>& problems);
std::vector<BusStop> read_gtfs_stops_file(const std::filesystem::path& file, std::vector<Problem>& problems);

// --- building blocks for readers of other CSV shapes (import/) --------------------

struct Columns {
    std::map<std::string, size_t> index;  // canonical name → column
    std::optional<size_t> find(const std::string& name) const {
        auto it = index.find(name);
        if (it == index.end()) return std::nullopt;
        return it->second;
    }
};

// `aliases`: folded header name without spaces, hyphens, underscores and dots →
// canonical name; the first column with a name wins.
Columns map_header(const CsvRow& header, const std::map<std::string, std::string>& aliases);
// The canonical names missing from `c`, comma-separated; "" when none.
std::string missing_columns(const Columns& c, std::initializer_list<const char*> need);
// A field trimmed of white space; "" when the row is shorter or the column absent.
std::string field(const CsvRow& r, std::optional<size_t> col);
// A whole field as a finite number; with `decimal_comma` "57,31" reads as 57.31.
std::optional<double> number(std::string s, bool decimal_comma);
// The row's "lat" and "lon" columns, in Latvia; otherwise a problem and false.
bool coordinates(const CsvRow& r, const Columns& c, bool decimal_comma, const std::string& file,
                 std::vector<Problem>& problems, double& lat, double& lon);
// More fields than the header, or not UTF-8: a problem and true.
bool unusable_row(const CsvRow& r, const CsvRow& header, const std::string& file, std::vector<Problem>& problems);

}  // namespace pietura::csv
