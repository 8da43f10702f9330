// GTFS stops.txt → bus stops. The national export (9,000+ stops) is edited by
// another organisation, so this reader is strict about what it needs and lenient
// about everything else: extra columns, column order, quoting, CRLF and a BOM.
#include <algorithm>
#include <cmath>
#include <istream>
#include <map>
#include <optional>

#include "content/content.hpp"
#include "text/text.hpp"

namespace pietura::content {

namespace {

// Splits one CSV record. Quoted fields may hold commas, doubled quotes and line
// breaks, so the reader may need more physical lines: `more` fetches the next one.
// Returns false on an unterminated quote at end of input.
template <class More>
bool split_csv(std::string line, More more, std::vector<std::string>& out) {
    out.clear();
    std::string field;
    bool quoted = false;
    size_t i = 0;
    while (true) {
        if (i >= line.size()) {
            if (!quoted) break;
            std::string next;
            if (!more(next)) return false;
            field += '\n';
            line = std::move(next);
            i = 0;
            continue;
        }
        char ch = line[i];
        if (quoted) {
            if (ch == '"') {
                if (i + 1 < line.size() && line[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += ch;
            }
        } else if (ch == '"') {
            quoted = true;
        } else if (ch == ',') {
            out.push_back(std::move(field));
            field.clear();
        } else {
            field += ch;
        }
        ++i;
    }
    out.push_back(std::move(field));
    return true;
}

bool read_line(std::istream& in, std::string& line) {
    if (!std::getline(in, line)) return false;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
}

std::string trim(const std::string& s) {
    size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
    return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

}  // namespace

std::vector<BusStop> read_gtfs_stops(std::istream& in, const std::string& file, std::vector<Diagnostic>& diags) {
    std::vector<BusStop> stops;
    auto report = [&](int line, std::string msg, Diagnostic::Severity sev) {
        diags.push_back(Diagnostic{sev, file, line, 1, std::move(msg)});
    };
    int line_no = 0;
    std::string line;
    auto more = [&](std::string& next) {
        if (!read_line(in, next)) return false;
        ++line_no;
        return true;
    };
    if (!more(line)) {
        report(1, "empty file: a GTFS stops.txt starts with a header line", Diagnostic::Severity::error);
        return stops;
    }
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    std::vector<std::string> cells;
    split_csv(line, more, cells);
    std::map<std::string, size_t> col;
    for (size_t k = 0; k < cells.size(); ++k) col[trim(cells[k])] = k;
    for (const char* need : {"stop_id", "stop_name", "stop_lat", "stop_lon"}) {
        if (!col.count(need)) {
            report(1, std::string("missing column \"") + need + "\" in the header", Diagnostic::Severity::error);
            return {};
        }
    }
    size_t c_id = col["stop_id"], c_name = col["stop_name"], c_lat = col["stop_lat"], c_lon = col["stop_lon"];
    size_t width = std::max({c_id, c_name, c_lat, c_lon}) + 1;
    std::optional<size_t> c_type;
    if (col.count("location_type")) c_type = col["location_type"];

    while (more(line)) {
        int at = line_no;
        if (trim(line).empty()) continue;
        if (!split_csv(line, more, cells)) {
            report(at, "unterminated quoted field", Diagnostic::Severity::warning);
            break;
        }
        if (cells.size() < width) {
            report(at, "row has " + std::to_string(cells.size()) + " fields; the header needs at least " +
                           std::to_string(width),
                   Diagnostic::Severity::warning);
            continue;
        }
        if (c_type && *c_type < cells.size()) {
            std::string t = trim(cells[*c_type]);
            if (!t.empty() && t != "0") continue;  // a station or an entrance, not where a bus stops
        }
        BusStop s{trim(cells[c_id]), trim(cells[c_name]), 0, 0};
        if (s.id.empty()) {
            report(at, "stop_id is empty", Diagnostic::Severity::warning);
            continue;
        }
        auto lat = text::parse_number(trim(cells[c_lat])), lon = text::parse_number(trim(cells[c_lon]));
        if (!lat || *lat < -90 || *lat > 90) {
            report(at, "stop " + s.id + ": stop_lat \"" + cells[c_lat] + "\" is not a latitude",
                   Diagnostic::Severity::warning);
            continue;
        }
        if (!lon || *lon < -180 || *lon > 180) {
            report(at, "stop " + s.id + ": stop_lon \"" + cells[c_lon] + "\" is not a longitude",
                   Diagnostic::Severity::warning);
            continue;
        }
        s.lat = *lat;
        s.lon = *lon;
        stops.push_back(std::move(s));
    }
    return stops;
}

}  // namespace pietura::content
