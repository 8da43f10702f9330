#include "csv/csv.hpp"

#include <cmath>

#include "text/text.hpp"

namespace pietura::csv {

std::string Problem::format() const {
    return file + (line ? ":" + std::to_string(line) : "") + ": error: " + message;
}

std::vector<CsvRow> parse_csv(std::string_view text, char delimiter, const std::string& file,
                              std::vector<Problem>& problems) {
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (delimiter == 0) {
        std::string_view first = text.substr(0, text.find('\n'));
        delimiter = first.find('\t') != std::string_view::npos ? '\t'
                    : first.find(';') != std::string_view::npos ? ';'
                                                                : ',';
    }
    std::vector<CsvRow> rows;
    CsvRow row;
    std::string field;
    int line = 1, quote_line = 0;
    bool quoted = false, any = false;
    row.line = 1;
    auto end_row = [&] {
        row.fields.push_back(field);
        field.clear();
        // Blank lines are not rows: spreadsheets leave them at the end.
        if (!(row.fields.size() == 1 && row.fields[0].empty())) rows.push_back(std::move(row));
        row = CsvRow{};
        any = false;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        char ch = text[i];
        if (quoted) {
            if (ch == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (ch == '\n') ++line;
                field += ch;
            }
            continue;
        }
        if (!any) {
            row.line = line;
            any = true;
        }
        if (ch == '"' && field.empty()) {
            quoted = true;
            quote_line = line;
        } else if (ch == delimiter) {
            row.fields.push_back(field);
            field.clear();
        } else if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            // CRLF: the \n ends the row
        } else if (ch == '\n') {
            end_row();
            ++line;
        } else {
            field += ch;
        }
    }
    if (quoted) {
        problems.push_back({file, quote_line, "a quoted field opened here is never closed"});
        return rows;  // the broken row is dropped, the rows before it stand
    }
    if (any) end_row();
    return rows;
}

namespace {

// Header names are matched folded, with spaces, hyphens and underscores dropped,
// so "E-pasts", "e_pasts" and "epasts" are one column.
std::string header_key(std::string_view h) {
    std::string out;
    for (char c : text::fold(text::trim(h)))
        if (c != ' ' && c != '-' && c != '_' && c != '.') out += c;
    return out;
}

}  // namespace

Columns map_header(const CsvRow& header, const std::map<std::string, std::string>& aliases) {
    Columns c;
    for (size_t i = 0; i < header.fields.size(); ++i) {
        auto it = aliases.find(header_key(header.fields[i]));
        if (it != aliases.end() && !c.index.count(it->second)) c.index[it->second] = i;
    }
    return c;
}

std::string field(const CsvRow& r, std::optional<size_t> col) {
    if (!col || *col >= r.fields.size()) return "";
    return std::string(text::trim(r.fields[*col]));
}

// text::parse_number, not std::stod: stod follows the C locale, so on a machine
// set to a comma-decimal locale "57.31" would stop at the point.
std::optional<double> number(std::string s, bool decimal_comma) {
    if (decimal_comma)
        for (char& c : s)
            if (c == ',') c = '.';
    return text::parse_number(s);
}

// Latvia lies within these bounds with a margin; coordinates outside are swapped
// or mistyped, which a map would show in the sea.
namespace {
bool in_latvia(double lat, double lon) { return lat >= 55.6 && lat <= 58.1 && lon >= 20.9 && lon <= 28.3; }
}  // namespace

std::string missing_columns(const Columns& c, std::initializer_list<const char*> need) {
    std::string out;
    for (auto* n : need)
        if (!c.find(n)) out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

// Reads lat/lon of a row; on failure adds a problem and returns false.
bool coordinates(const CsvRow& r, const Columns& c, bool decimal_comma, const std::string& file,
                 std::vector<Problem>& problems, double& lat, double& lon) {
    auto la = number(field(r, c.find("lat")), decimal_comma);
    auto lo = number(field(r, c.find("lon")), decimal_comma);
    if (!la || !lo) {
        problems.push_back({file, r.line,
                            "coordinates \"" + field(r, c.find("lat")) + "\", \"" + field(r, c.find("lon")) +
                                "\" are not numbers"});
        return false;
    }
    if (!in_latvia(*la, *lo)) {
        problems.push_back({file, r.line,
                            "coordinates " + field(r, c.find("lat")) + ", " + field(r, c.find("lon")) +
                                " are outside Latvia (latitude and longitude swapped?)"});
        return false;
    }
    lat = *la;
    lon = *lo;
    return true;
}

// A row no reader can use: more fields than the header (an unquoted separator in a
// value, typically "; " inside an hours text, so its columns cannot be trusted), or
// bytes that are not UTF-8
// (a file saved as Windows-1257: what we write is JSON, which must be UTF-8, and
// nlohmann/json throws on anything else — issue 12, found by fuzzing).
bool unusable_row(const CsvRow& r, const CsvRow& header, const std::string& file, std::vector<Problem>& problems) {
    if (r.fields.size() > header.fields.size()) {
        problems.push_back({file, r.line, "the row has " + std::to_string(r.fields.size()) + " fields, the header " +
                                              std::to_string(header.fields.size()) +
                                              ": quote values that contain the separator"});
        return true;
    }
    for (auto& f : r.fields)
        if (!text::valid_utf8(f)) {
            problems.push_back({file, r.line, "the row is not UTF-8 text: save the file as UTF-8"});
            return true;
        }
    return false;
}


std::vector<BusStop> read_gtfs_stops(std::string_view text, const std::string& file, std::vector<Problem>& problems) {
    std::vector<BusStop> out;
    auto rows = parse_csv(text, ',', file, problems);  // GTFS is always comma-separated
    if (rows.empty()) {
        problems.push_back({file, 0, "the file is empty: a GTFS stops.txt starts with a header row"});
        return out;
    }
    Columns c = map_header(rows[0], {{"stopid", "id"},
                                     {"stopname", "name"},
                                     {"stoplat", "lat"},
                                     {"stoplon", "lon"},
                                     {"locationtype", "type"}});
    if (auto miss = missing_columns(c, {"id", "name", "lat", "lon"}); !miss.empty()) {
        problems.push_back({file, rows[0].line, "header lacks GTFS column(s) " + miss +
                                                    " (stop_id, stop_name, stop_lat, stop_lon)"});
        return out;
    }
    for (size_t i = 1; i < rows.size(); ++i) {
        const CsvRow& r = rows[i];
        if (unusable_row(r, rows[0], file, problems)) continue;
        std::string type = field(r, c.find("type"));
        if (!type.empty() && type != "0" && type != "1") continue;  // entrances, nodes, boarding areas
        BusStop s{field(r, c.find("id")), field(r, c.find("name"))};
        if (s.id.empty()) {
            problems.push_back({file, r.line, "stop_id is empty"});
            continue;
        }
        if (!coordinates(r, c, false, file, problems, s.lat, s.lon)) continue;
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<BusStop> read_gtfs_stops_file(const std::filesystem::path& file, std::vector<Problem>& problems) {
    auto text = text::read_file(file);
    if (!text) {
        problems.push_back({file.string(), 0, "cannot read " + file.string()});
        return {};
    }
    return read_gtfs_stops(*text, file.string(), problems);
}

}  // namespace pietura::csv
