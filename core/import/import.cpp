#include "import/import.hpp"

#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>

#include "content/content.hpp"
#include "geo/geo.hpp"
#include "text/text.hpp"

namespace pietura::import {

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

std::string trim(std::string_view s) {
    size_t b = 0, e = s.size();
    // All ASCII white space, as the schema's "\S" (not blank) sees it.
    auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    while (b < e && space(s[b])) ++b;
    while (e > b && space(s[e - 1])) --e;
    return std::string(s.substr(b, e - b));
}

// Header names are matched folded, with spaces, hyphens and underscores dropped,
// so "E-pasts", "e_pasts" and "epasts" are one column.
std::string header_key(std::string_view h) {
    std::string out;
    for (char c : text::fold(trim(h)))
        if (c != ' ' && c != '-' && c != '_' && c != '.') out += c;
    return out;
}

struct Columns {
    std::map<std::string, size_t> index;  // canonical name → column
    std::optional<size_t> find(const std::string& name) const {
        auto it = index.find(name);
        if (it == index.end()) return std::nullopt;
        return it->second;
    }
};

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
    return trim(r.fields[*col]);
}

std::optional<double> number(std::string s, bool decimal_comma) {
    if (decimal_comma)
        for (char& c : s)
            if (c == ',') c = '.';
    if (s.empty()) return std::nullopt;
    try {
        size_t used = 0;
        double v = std::stod(s, &used);
        if (used != s.size() || !std::isfinite(v)) return std::nullopt;
        return v;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

// Latvia lies within these bounds with a margin; coordinates outside are swapped
// or mistyped, which a map would show in the sea.
bool in_latvia(double lat, double lon) { return lat >= 55.6 && lat <= 58.1 && lon >= 20.9 && lon <= 28.3; }

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

// A row with more fields than the header has an unquoted separator in a value
// (typically "; " inside an hours text): its columns cannot be trusted.
// The contact-points schema's e-mail rule (common.schema.json: no white space, one
// '@', a dot in the domain and a top-level domain of two or more ASCII letters), so
// an imported row passes `pietura check` (issue 12, found by fuzzing).
bool content_email(std::string_view e) {
    auto at = e.find('@');
    if (at == 0 || at == std::string_view::npos || e.find('@', at + 1) != std::string_view::npos) return false;
    for (char ch : e)
        if (ch == ' ' || (ch >= '\t' && ch <= '\r')) return false;
    auto dot = e.rfind('.');
    if (dot == std::string_view::npos || dot <= at + 1 || e.size() - dot - 1 < 2) return false;
    for (char ch : e.substr(dot + 1))
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))) return false;
    return true;
}

// common.schema.json's id: lower-case ASCII letters, digits and single hyphens, at most 80.
bool content_id(std::string_view id) { return !id.empty() && id.size() <= 80 && make_id(id) == id; }

// A row no reader can use: more fields than the header, or bytes that are not UTF-8
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

std::string read_all(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + p.string());
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

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
    try {
        return read_gtfs_stops(read_all(file), file.string(), problems);
    } catch (const std::exception& e) {
        problems.push_back({file.string(), 0, e.what()});
        return {};
    }
}

std::vector<Settlement> read_settlements(std::string_view text, const std::string& file,
                                         std::vector<Problem>& problems) {
    std::vector<Settlement> out;
    auto rows = parse_csv(text, 0, file, problems);
    if (rows.empty()) {
        problems.push_back({file, 0, "the file is empty: expected a header row (name, lat, lon)"});
        return out;
    }
    bool comma_sep = text.substr(0, text.find('\n')).find('\t') == std::string_view::npos &&
                     text.substr(0, text.find('\n')).find(';') == std::string_view::npos;
    Columns c = map_header(rows[0], {{"name", "name"},
                                     {"nosaukums", "name"},
                                     {"vieta", "name"},
                                     {"lat", "lat"},
                                     {"latitude", "lat"},
                                     {"platums", "lat"},
                                     {"lon", "lon"},
                                     {"lng", "lon"},
                                     {"longitude", "lon"},
                                     {"garums", "lon"},
                                     {"territory", "territory"},
                                     {"novads", "territory"},
                                     {"pasvaldiba", "territory"}});
    if (auto miss = missing_columns(c, {"name", "lat", "lon"}); !miss.empty()) {
        problems.push_back({file, rows[0].line, "header lacks column(s) " + miss});
        return out;
    }
    for (size_t i = 1; i < rows.size(); ++i) {
        const CsvRow& r = rows[i];
        if (unusable_row(r, rows[0], file, problems)) continue;
        Settlement s{field(r, c.find("name")), 0, 0, ""};
        if (s.name.empty()) {
            problems.push_back({file, r.line, "name is empty"});
            continue;
        }
        if (!coordinates(r, c, !comma_sep, file, problems, s.lat, s.lon)) continue;
        s.territory = field(r, c.find("territory"));
        out.push_back(std::move(s));
    }
    return out;
}

std::string make_id(std::string_view name) {
    std::string out;
    for (char ch : text::fold(name)) {
        bool alnum = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
        if (alnum)
            out += ch;
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

std::vector<ImportedContactPoint> read_contact_points(std::string_view text, const std::string& file,
                                                      const ContactPointDefaults& defaults,
                                                      std::vector<Problem>& problems) {
    std::vector<ImportedContactPoint> out;
    auto rows = parse_csv(text, 0, file, problems);
    if (rows.empty()) {
        problems.push_back({file, 0, "the file is empty: expected a header row"});
        return out;
    }
    std::string_view first = text.substr(0, text.find('\n'));
    bool comma_sep = first.find('\t') == std::string_view::npos && first.find(';') == std::string_view::npos;
    Columns c = map_header(rows[0], {{"id", "id"},           {"name", "name"},         {"nosaukums", "name"},
                                     {"kind", "kind"},       {"veids", "kind"},        {"address", "address"},
                                     {"adrese", "address"},  {"lat", "lat"},           {"latitude", "lat"},
                                     {"platums", "lat"},     {"lon", "lon"},           {"lng", "lon"},
                                     {"longitude", "lon"},   {"garums", "lon"},        {"phone", "phone"},
                                     {"talrunis", "phone"},  {"telefons", "phone"},    {"email", "email"},
                                     {"epasts", "email"},    {"hours", "hours"},       {"darbalaiks", "hours"},
                                     {"openinghours", "hours"}, {"territory", "territory"},
                                     {"novads", "territory"}, {"pasvaldiba", "territory"}});
    if (auto miss = missing_columns(c, {"name", "address", "lat", "lon", "phone", "email", "hours"}); !miss.empty()) {
        problems.push_back({file, rows[0].line, "header lacks column(s) " + miss});
        return out;
    }
    std::map<std::string, int> seen;  // id → line
    for (size_t i = 1; i < rows.size(); ++i) {
        const CsvRow& r = rows[i];
        if (unusable_row(r, rows[0], file, problems)) continue;
        std::string name = field(r, c.find("name"));
        if (name.empty()) {
            problems.push_back({file, r.line, "name is empty"});
            continue;
        }
        double lat = 0, lon = 0;
        if (!coordinates(r, c, !comma_sep, file, problems, lat, lon)) continue;
        std::string id = field(r, c.find("id"));
        bool given = !id.empty();
        if (!given) id = make_id(name);
        // The id becomes a file name and a URL: one that is not a content id is the
        // row's problem, not something to repair silently (issue 12, found by fuzzing).
        if (!content_id(id)) {
            problems.push_back({file, r.line, given ? "id \"" + id + "\" is not a valid id: use at most 80 lower-case ASCII letters, digits and single hyphens"
                                                    : "name \"" + name + "\" gives no id: add an id column"});
            continue;
        }
        if (auto [it, fresh] = seen.emplace(id, r.line); !fresh) {
            problems.push_back({file, r.line, "id \"" + id + "\" repeats the row at line " + std::to_string(it->second)});
            continue;
        }
        std::string kind = field(r, c.find("kind"));
        if (kind.empty()) kind = defaults.kind;
        if (kind != "vpvkac" && kind != "library" && kind != "institution") {
            problems.push_back({file, r.line, "kind \"" + kind + "\" is not vpvkac, library or institution"});
            continue;
        }
        // Phones come as "64 100 000", "+371 64100000", "(+371) 641-00000": keep the digits.
        std::string digits;
        for (char ch : field(r, c.find("phone")))
            if (ch >= '0' && ch <= '9') digits += ch;
        if (digits.size() == 11 && digits.compare(0, 3, "371") == 0) digits.erase(0, 3);
        if (digits.size() != 8) {
            problems.push_back({file, r.line, "phone \"" + field(r, c.find("phone")) + "\" is not a Latvian number (8 digits)"});
            continue;
        }
        std::string email = field(r, c.find("email"));
        if (!content_email(email)) {
            problems.push_back({file, r.line, "e-mail \"" + email + "\" is not an e-mail address"});
            continue;
        }
        std::string hours_text = field(r, c.find("hours"));
        auto hours = convert_hours_lv(hours_text);
        if (!hours.spec) {
            problems.push_back({file, r.line, "hours \"" + hours_text + "\": " + hours.error});
            continue;
        }
        std::string territory = field(r, c.find("territory"));
        if (territory.empty() && defaults.content) {
            double best = std::numeric_limits<double>::infinity();
            for (auto& p : defaults.content->places) {
                double d = geo::distance_m({lat, lon}, {p.lat, p.lon});
                if (d < best) {
                    best = d;
                    territory = p.territory;
                }
            }
        }
        if (territory.empty()) {
            problems.push_back({file, r.line, "no territory column and no places to guess it from (give --content)"});
            continue;
        }
        if (!content_id(territory)) {
            problems.push_back({file, r.line, "territory \"" + territory + "\" is not a territory id (e.g. cesu-novads)"});
            continue;
        }
        std::string address = field(r, c.find("address"));
        if (address.empty()) {
            problems.push_back({file, r.line, "address is empty"});
            continue;
        }
        nlohmann::ordered_json j;
        j["id"] = id;
        j["name"] = {{"lv", name}, {"en", name}};
        j["kind"] = kind;
        j["territory"] = territory;
        j["address"] = {{"lv", address}, {"en", address}};
        j["lat"] = lat;
        j["lon"] = lon;
        j["phone"] = "+371 " + digits;
        j["email"] = email;
        j["hours"] = *hours.spec;
        j["institutions"] = nlohmann::ordered_json::array();
        j["remote_consultation"] = nlohmann::ordered_json::array();
        j["accessibility"] = {{"step_free", false}};
        out.push_back({r.line, std::move(j)});
    }
    return out;
}

}  // namespace pietura::import
