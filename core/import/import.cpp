#include "import/import.hpp"

#include <cmath>
#include <map>

#include "content/content.hpp"
#include "csv/csv.hpp"
#include "geo/geo.hpp"
#include "text/text.hpp"

namespace pietura::import {

using csv::Columns;
using csv::coordinates;
using csv::field;
using csv::map_header;
using csv::missing_columns;
using csv::number;
using csv::unusable_row;

namespace {

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

}  // namespace

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
            auto near = geo::nearest(defaults.content->places, {lat, lon},
                                     [](const content::Place& p) { return geo::Point{p.lat, p.lon}; });
            if (near) territory = near.item->territory;
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
