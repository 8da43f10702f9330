#include "content/content.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include "content/json_doc.hpp"
#include "content/records.hpp"
#include "content/schema.hpp"
#include "content/validate_hours.hpp"
#include "text/text.hpp"

namespace pietura::content {

namespace {

using nlohmann::json;

// One object read from a file, with enough context to report problems at it.
struct Record {
    std::string file;          // display path
    const JsonDoc* doc;        // owning document
    std::string pointer;       // "" for a single-object file, "/3" for the 4th in an array
    const json* value;
};

class Loader {
public:
    Loader(const std::filesystem::path& dir, std::vector<Diagnostic>& diags) : dir_(dir), diags_(diags) {}

    Content run() {
        Content c;
        if (!std::filesystem::is_directory(dir_)) {
            error(display(dir_), {}, "content folder not found");
            return c;
        }
        try {
            schemas_ = SchemaSet::load(dir_ / "schema");
        } catch (const std::exception& e) {
            error(display(dir_ / "schema"), {}, std::string("cannot load the JSON Schemas: ") + e.what());
            return c;
        }
        read_into(c.institutions, "institutions", records::institution);
        read_into(c.audiences, "audiences", records::audience);
        read_into(c.services, "services", records::service);
        read_into(c.life_situations, "life-situations", records::life_situation);
        read_into(c.territories, "territories", records::territory);
        read_into(c.places, "places", records::place);
        read_into(c.contact_points, "contact-points", records::contact_point);
        read_into(c.holidays, "holidays", records::holiday_year, /*keyed_by_id=*/false);
        // Remote consultations are optional: a catalogue without them has no booking.
        if (std::filesystem::is_directory(dir_ / "consultations"))
            read_into(c.consultations, "consultations", records::consultation);

        std::filesystem::path stops = dir_ / "bus-stops" / "stops.txt";
        if (std::filesystem::exists(stops)) {
            c.bus_stops_gtfs = stops.string();
            std::vector<csv::Problem> problems;
            c.bus_stops = csv::read_gtfs_stops_file(stops, problems);
            // One bad row of a national export must not stop a release; a file
            // without the columns, or one that cannot be read, must.
            for (auto& p : problems)
                error(display(stops), Pos{std::max(p.line, 1), 1}, p.message,
                      p.line <= 1 ? Diagnostic::Severity::error : Diagnostic::Severity::warning);
        }

        cross_check(c);
        sort_all(c);
        link_bus_stops(c);
        return c;
    }

private:
    std::filesystem::path dir_;
    std::vector<Diagnostic>& diags_;
    SchemaSet schemas_;
    std::vector<std::unique_ptr<JsonDoc>> docs_;
    // Where each entity was defined, to point reference errors at the right line.
    std::map<std::string, std::map<std::string, Record>> where_;  // kind → id → record
    std::map<std::string, std::vector<Record>> records_;           // kind → records in file order

    // Straight-line nearest stop for each contact point (geo::nearest: a plain
    // scan, well under a second, and a build happens once per release); none when
    // the file does not cover the place (kStopCoverageM).
    static void link_bus_stops(Content& c) {
        for (auto& cp : c.contact_points) {
            double best_m = 0;
            const BusStop* best = nearest_stop(c.bus_stops, {cp.lat, cp.lon}, &best_m);
            if (best && best_m <= kStopCoverageM) {
                cp.bus_stop_id = best->id;
                cp.bus_stop_name = best->name;
                cp.bus_stop_m = best_m;
            }
        }
    }

    std::string display(const std::filesystem::path& p) const {
        std::error_code ec;
        auto rel = std::filesystem::relative(p, dir_.parent_path().empty() ? "." : dir_.parent_path(), ec);
        return ec || rel.empty() ? p.string() : rel.string();
    }

    void error(const std::string& file, Pos pos, std::string msg, Diagnostic::Severity sev = Diagnostic::Severity::error) {
        diags_.push_back(Diagnostic{sev, file, pos.line, pos.column, std::move(msg)});
    }

    void error_at(const Record& r, const std::string& sub, std::string msg,
                  Diagnostic::Severity sev = Diagnostic::Severity::error) {
        error(r.file, r.doc->where(r.pointer + sub), std::move(msg), sev);
    }

    // Every valid record of `kind`, read by its one reader (records.hpp). The schema has
    // passed it, so the reader has what it needs; should they ever disagree, the editor
    // gets an error at the record rather than the build an exception.
    template <class T, class Read>
    void read_into(std::vector<T>& out, const std::string& kind, Read read, bool keyed_by_id = true) {
        for (auto& r : read_kind(kind, keyed_by_id)) {
            try {
                out.push_back(read(*r.value));
            } catch (const std::exception& e) {
                error_at(r, "", std::string("cannot read this record: ") + e.what());
            }
        }
    }

    std::vector<Record> read_kind(const std::string& kind, bool keyed_by_id = true) {
        std::vector<Record> good;
        std::filesystem::path folder = dir_ / kind;
        if (!std::filesystem::is_directory(folder)) {
            error(display(folder), {}, "folder for \"" + kind + "\" is missing");
            return good;
        }
        std::vector<std::filesystem::path> files;
        for (auto& e : std::filesystem::directory_iterator(folder))
            if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (auto& path : files) {
            std::string shown = display(path);
            auto bytes = text::read_file(path);
            if (!bytes) {
                error(shown, {}, "cannot read the file");
                continue;
            }
            JsonError jerr;
            auto doc = parse_json(*bytes, &jerr);
            if (!doc) {
                error(shown, jerr.pos, "invalid JSON: " + jerr.message);
                continue;
            }
            docs_.push_back(std::make_unique<JsonDoc>(std::move(*doc)));
            const JsonDoc* d = docs_.back().get();
            std::vector<Record> recs;
            if (d->value.is_array()) {
                for (size_t k = 0; k < d->value.size(); ++k)
                    recs.push_back(Record{shown, d, "/" + std::to_string(k), &d->value[k]});
            } else {
                recs.push_back(Record{shown, d, "", &d->value});
            }
            for (auto& r : recs) {
                auto violations = schemas_.validate(kind, *r.value);
                for (auto& v : violations) {
                    std::string field = v.pointer.empty() ? "" : " (" + v.pointer.substr(1) + ")";
                    error_at(r, v.pointer, v.message + field);
                }
                if (!violations.empty()) continue;
                if (keyed_by_id) {
                    std::string id = (*r.value)["id"].get<std::string>();
                    auto [it, inserted] = where_[kind].emplace(id, r);
                    if (!inserted) {
                        error_at(r, "/id", "duplicate " + kind + " id \"" + id + "\" (first defined in " +
                                               it->second.file + ":" +
                                               std::to_string(it->second.doc->where(it->second.pointer + "/id").line) + ")");
                        continue;
                    }
                    if (r.pointer.empty() && path.stem().string() != id)
                        error_at(r, "/id", "id \"" + id + "\" differs from the file name \"" + path.filename().string() +
                                               "\"; keep them equal so people can find things",
                                 Diagnostic::Severity::warning);
                }
                good.push_back(r);
                records_[kind].push_back(r);
            }
        }
        return good;
    }

    // References: every id a record names must exist in the kind it names.
    void refs(const std::string& kind, const std::string& field, const std::string& target_kind,
              const std::function<void(const Record&, const std::function<void(const std::string&, const std::string&)>&)>& each) {
        for (auto& r : records_[kind]) {
            each(r, [&](const std::string& pointer, const std::string& id) {
                if (!where_[target_kind].count(id))
                    error_at(r, pointer, "unknown " + target_kind + " id \"" + id + "\" in " + field);
            });
        }
    }

    void check_hours_field(const Record& r, const char* field, const std::string& what) {
        std::string spec = (*r.value)[field].get<std::string>();
        if (auto problem = check_opening_hours(spec)) {
            Pos p = r.doc->where(r.pointer + "/" + field);
            // Point at the offending character inside the string (+1 for the quote).
            p.column += 1 + static_cast<int>(problem->column - 1);
            error(r.file, p, what + ": " + problem->message + " in \"" + spec + "\"");
        }
    }

    // What a schema cannot say about a consultation schedule: its windows parse, its
    // topics are unique, one schedule per institution, and every contact point named
    // lists the institution in its own remote_consultation (the two must agree, or a
    // citizen could book a room that has no video link for that institution).
    void check_consultations() {
        std::map<std::string, std::string> by_institution;
        for (auto& r : records_["consultations"]) {
            const json& v = *r.value;
            check_hours_field(r, "windows", "consultation windows");
            std::string inst = v["institution"].get<std::string>();
            if (!by_institution.emplace(inst, v["id"].get<std::string>()).second)
                error_at(r, "/institution", "institution \"" + inst + "\" already has the consultation schedule \"" +
                                                by_institution[inst] + "\"");
            std::set<std::string> topic_ids;
            for (size_t t = 0; t < v["topics"].size(); ++t) {
                std::string tid = v["topics"][t]["id"].get<std::string>();
                if (!topic_ids.insert(tid).second)
                    error_at(r, "/topics/" + std::to_string(t) + "/id", "duplicate topic id \"" + tid + "\"");
            }
            for (size_t k = 0; k < v["contact_points"].size(); ++k) {
                std::string cp = v["contact_points"][k].get<std::string>();
                auto it = where_["contact-points"].find(cp);
                if (it == where_["contact-points"].end()) continue;  // reported as an unknown id
                const json& remote = (*it->second.value)["remote_consultation"];
                if (std::find(remote.begin(), remote.end(), inst) == remote.end())
                    error_at(r, "/contact_points/" + std::to_string(k),
                             "contact point \"" + cp + "\" does not list \"" + inst + "\" in its remote_consultation");
            }
        }
    }

    void cross_check(const Content& c) {
        auto list = [](const char* key) {
            return [key](const Record& r, const std::function<void(const std::string&, const std::string&)>& check) {
                const json& v = *r.value;
                if (!v.contains(key)) return;
                for (size_t k = 0; k < v[key].size(); ++k)
                    check(std::string("/") + key + "/" + std::to_string(k), v[key][k].get<std::string>());
            };
        };
        auto one = [](const char* key) {
            return [key](const Record& r, const std::function<void(const std::string&, const std::string&)>& check) {
                check(std::string("/") + key, (*r.value)[key].get<std::string>());
            };
        };
        refs("services", "institution", "institutions", one("institution"));
        refs("services", "audiences", "audiences", list("audiences"));
        refs("life-situations", "audiences", "audiences", list("audiences"));
        refs("life-situations", "related", "life-situations", list("related"));
        refs("life-situations", "steps", "services", [](const Record& r, const auto& check) {
            const json& steps = (*r.value)["steps"];
            for (size_t s = 0; s < steps.size(); ++s)
                for (size_t k = 0; k < steps[s]["services"].size(); ++k)
                    check("/steps/" + std::to_string(s) + "/services/" + std::to_string(k),
                          steps[s]["services"][k].get<std::string>());
        });
        refs("places", "territory", "territories", one("territory"));
        refs("contact-points", "territory", "territories", one("territory"));
        refs("contact-points", "institutions", "institutions", list("institutions"));
        refs("contact-points", "services", "services", list("services"));
        refs("contact-points", "remote_consultation", "institutions", list("remote_consultation"));

        refs("consultations", "institution", "institutions", one("institution"));
        refs("consultations", "contact_points", "contact-points", list("contact_points"));
        refs("consultations", "topics", "services", [](const Record& r, const auto& check) {
            const json& topics = (*r.value)["topics"];
            for (size_t t = 0; t < topics.size(); ++t)
                if (topics[t].contains("services"))
                    for (size_t k = 0; k < topics[t]["services"].size(); ++k)
                        check("/topics/" + std::to_string(t) + "/services/" + std::to_string(k),
                              topics[t]["services"][k].get<std::string>());
        });
        check_consultations();

        // Step conditions must name questions of the same life situation.
        for (auto& r : records_["life-situations"]) {
            std::set<std::string> qs;
            const json& v = *r.value;
            if (v.contains("questions"))
                for (auto& q : v["questions"]) qs.insert(q["id"].get<std::string>());
            for (size_t s = 0; s < v["steps"].size(); ++s) {
                const json& st = v["steps"][s];
                if (!st.contains("when")) continue;
                for (auto& [k, b] : st["when"].items())
                    if (!qs.count(k))
                        error_at(r, "/steps/" + std::to_string(s) + "/when/" + pointer_token(k),
                                 "condition names question \"" + k + "\", which this life situation does not ask");
            }
        }

        for (auto& r : records_["contact-points"]) check_hours_field(r, "hours", "opening hours");

        std::set<int> years;
        for (auto& r : records_["holidays"]) {
            int y = (*r.value)["year"].get<int>();
            if (!years.insert(y).second) error_at(r, "/year", "holidays for " + std::to_string(y) + " are defined twice");
            for (const char* list_name : {"extra", "transfers"}) {
                const json& arr = (*r.value)[list_name];
                for (size_t k = 0; k < arr.size(); ++k)
                    if (arr[k]["date"].get<std::string>().substr(0, 4) != std::to_string(y))
                        error_at(r, std::string("/") + list_name + "/" + std::to_string(k) + "/date",
                                 "date is not in " + std::to_string(y));
            }
            if (auto f = r.value->find("song_festival_closing"); f != r.value->end() && f->is_string()) {
                auto d = hours::Date::parse(f->get<std::string>());
                if (!d || d->year != y)
                    error_at(r, "/song_festival_closing", "the festival's closing day must be a date in " + std::to_string(y));
            }
        }

        // A service nobody can reach is not an error, but editors want to know.
        std::set<std::string> reached;
        for (auto& ls : c.life_situations)
            for (auto& st : ls.steps) reached.insert(st.services.begin(), st.services.end());
        (void)reached;  // surfaced by `pietura check` (quality report)
    }

    static void sort_all(Content& c) {
        auto by_id = [](auto& v) { std::sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.id < b.id; }); };
        by_id(c.institutions);
        by_id(c.audiences);
        by_id(c.services);
        by_id(c.life_situations);
        by_id(c.territories);
        by_id(c.places);
        by_id(c.contact_points);
        by_id(c.consultations);
        std::sort(c.holidays.begin(), c.holidays.end(), [](auto& a, auto& b) { return a.year < b.year; });
    }
};

template <class T>
const T* find_by_id(const std::vector<T>& v, const std::string& id) {
    auto it = std::lower_bound(v.begin(), v.end(), id, [](const T& a, const std::string& b) { return a.id < b; });
    return it != v.end() && it->id == id ? &*it : nullptr;
}

}  // namespace

std::string Diagnostic::format() const {
    std::string out = file;
    if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
    out += severity == Severity::error ? ": error: " : ": warning: ";
    return out + message;
}

bool has_errors(const std::vector<Diagnostic>& diags) {
    return std::any_of(diags.begin(), diags.end(), [](auto& d) { return d.severity == Diagnostic::Severity::error; });
}

Content Content::load(const std::filesystem::path& dir, std::vector<Diagnostic>& diags) {
    return Loader(dir, diags).run();
}

const Institution* Content::institution(const std::string& id) const { return find_by_id(institutions, id); }
const Service* Content::service(const std::string& id) const { return find_by_id(services, id); }
const LifeSituation* Content::life_situation(const std::string& id) const { return find_by_id(life_situations, id); }
const Audience* Content::audience(const std::string& id) const { return find_by_id(audiences, id); }
const Territory* Content::territory(const std::string& id) const { return find_by_id(territories, id); }
const ContactPoint* Content::contact_point(const std::string& id) const { return find_by_id(contact_points, id); }
const Consultation* Content::consultation(const std::string& id) const { return find_by_id(consultations, id); }

const BusStop* nearest_stop(const std::vector<BusStop>& stops, geo::Point at, double* distance_m) {
    auto near = geo::nearest(stops, at, [](const BusStop& s) { return geo::Point{s.lat, s.lon}; },
                             [](const BusStop& a, const BusStop& b) { return a.id < b.id; });
    if (distance_m) *distance_m = near.m;
    return near.item;
}

hours::Calendar Content::calendar() const {
    hours::Calendar cal;
    for (auto& y : holidays) {
        auto add = [&](const HolidayEntry& e) {
            auto d = hours::Date::parse(e.date);
            if (!d) return;
            try {
                if (e.kind == "holiday") cal.add_extra(*d, e.name.lv, e.name.en);
                else cal.add_transfer(*d, e.kind == "day-off" ? hours::Transfer::day_off : hours::Transfer::working_day,
                                      e.name.lv, e.name.en,
                                      e.replaces.empty() ? std::nullopt : hours::Date::parse(e.replaces));
            } catch (const std::invalid_argument&) {
            }
        };
        if (auto d = hours::Date::parse(y.song_festival_closing)) {
            try {
                cal.add_song_festival(*d);
            } catch (const std::invalid_argument&) {
            }
        }
        for (auto& e : y.extra) add(e);
        for (auto& e : y.transfers) add(e);
    }
    return cal;
}

std::optional<geo::Point> Content::centre(const std::string& territory) const {
    double lat = 0, lon = 0;
    int n = 0;
    for (auto& p : places) {
        if (p.territory != territory) continue;
        lat += p.lat;
        lon += p.lon;
        ++n;
    }
    if (n == 0) return std::nullopt;
    return geo::Point{lat / n, lon / n};
}

std::vector<const Service*> Content::services_at(const ContactPoint& cp) const {
    std::vector<const Service*> out;
    for (auto& s : services) {
        bool by_institution = s.channels.contact_point &&
                              std::find(cp.institutions.begin(), cp.institutions.end(), s.institution) != cp.institutions.end();
        bool extra = std::find(cp.services.begin(), cp.services.end(), s.id) != cp.services.end();
        if (by_institution || extra) out.push_back(&s);
    }
    return out;
}

std::map<std::string, int> Content::contact_point_counts() const {
    // services_at(cp) takes a service when its institution is one of the contact point's
    // and it has the contact-point channel, or when the contact point lists it as an
    // extra: each contact point counts once per service, however often it names either.
    std::map<std::string, int> by_institution, extras;
    for (auto& cp : contact_points) {
        std::set<std::string> insts(cp.institutions.begin(), cp.institutions.end());
        for (auto& i : insts) ++by_institution[i];
        for (auto& id : std::set<std::string>(cp.services.begin(), cp.services.end())) {
            const Service* s = service(id);
            if (s && !(s->channels.contact_point && insts.count(s->institution))) ++extras[id];
        }
    }
    std::map<std::string, int> out;
    for (auto& s : services) {
        int n = 0;
        if (s.channels.contact_point)
            if (auto it = by_institution.find(s.institution); it != by_institution.end()) n += it->second;
        if (auto it = extras.find(s.id); it != extras.end()) n += it->second;
        if (n) out.emplace_hint(out.end(), s.id, n);
    }
    return out;
}

}  // namespace pietura::content
