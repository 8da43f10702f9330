// content/content.hpp — the catalogue as editors write it, loaded and checked.
//
// `Content::load("content")` reads every kind folder (institutions, services,
// life situations, audiences, territories, places, contact points, holidays,
// consultation schedules),
// validates each object against its JSON Schema, checks what a schema cannot
// (duplicate ids, unknown references, opening-hours syntax), and returns typed
// records sorted by id so everything built from them is deterministic.
// Problems are collected, never thrown: the editor sees all of them at once as
// `file:line:column: error: message`.
//
//   std::vector<Diagnostic> diags;
//   Content c = Content::load("content", diags);
//   if (has_errors(diags)) ...
//
// `to_pack()` / `read_pack()` (content/pack.cpp, issue 13) write the checked content
// as one JSON Lines file and read it back without the folder, the schemas or the GTFS
// file: the page pack the browser renders offline pages from.
//
// It does not render pages or write the snapshot (site/ and snapshot/ do).
#pragma once

#include <filesystem>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/geo.hpp"
#include "hours/hours.hpp"
#include "csv/csv.hpp"
#include "i18n/lang.hpp"

namespace pietura::content {

struct Text {
    std::string lv, en;
    const std::string& operator[](Lang l) const { return l == Lang::lv ? lv : en; }

    bool operator==(const Text&) const = default;
};

struct TextList {
    std::vector<std::string> lv, en;
    const std::vector<std::string>& operator[](Lang l) const { return l == Lang::lv ? lv : en; }

    bool operator==(const TextList&) const = default;
};

struct Institution {
    std::string id;
    Text abbr, name;
    std::string website;  // empty where no one site is the institution's (local governments)
    bool basket = false, agreement = false;
    TextList keywords;
    // Where its own office is, as the end of "Only at …" ("savā pašvaldībā — …"): set
    // where "<abbr> office" would not be a place (a local government); empty otherwise.
    Text office;

    bool operator==(const Institution&) const = default;
};

struct Audience {
    std::string id;
    Text title, summary;

    bool operator==(const Audience&) const = default;
};

struct Channels {
    std::string eservice;  // level 0, empty when there is none
    bool contact_point = false;        // level 1
    bool remote_consultation = false;  // level 2
    // Where the editor found the link ("vsaa.gov.lv, e-pakalpojumi page, 2026-11"):
    // a link nobody can vouch for is worse than none. Empty when not recorded.
    // Last, so that {url, contact_point, remote} initialisers keep their meaning.
    std::string eservice_source;

    bool operator==(const Channels&) const = default;
};

struct Service {
    std::string id, institution;
    Text title, summary, body;
    TextList keywords;
    std::vector<std::string> audiences;
    Channels channels;
    // The most a unified centre (VPVKAC) or a library contact point can do for this
    // service, on the support levels of the background documents:
    //   0 help to use the e-service yourself, 1 apply here with the staff's help,
    //   2 a remote consultation with the institution's specialist booked here,
    //   3 only at the institution's own office (fingerprints and a photo, an
    //     information agreement only): a contact point can only tell you where to go.
    // Absent in the file: derived from the channels (1 when `contact_point`, else 2
    // when `remote_consultation`, else 0 with an e-service, else 3).
    int contact_point_level = 1;
    TextList documents;
    Text fee, time;
    int popularity = 0;

    bool operator==(const Service&) const = default;
};

struct Question {
    std::string id;
    Text text;

    bool operator==(const Question&) const = default;
};

struct Step {
    Text title, text;
    std::vector<std::string> services;
    std::map<std::string, bool> when;  // question id → required answer

    bool operator==(const Step&) const = default;
};

struct LifeSituation {
    std::string id;
    Text title, summary;
    std::vector<std::string> audiences;
    TextList keywords;
    std::vector<Question> questions;
    std::vector<Step> steps;
    std::vector<std::string> related;

    bool operator==(const LifeSituation&) const = default;
};

struct Territory {
    std::string id, kind;  // kind: "state-city" | "municipality"
    Text name;

    bool operator==(const Territory&) const = default;
};

struct Place {
    std::string id, name, territory;
    double lat = 0, lon = 0;

    bool operator==(const Place&) const = default;
};

struct ContactPoint {
    std::string id, kind;  // kind: "vpvkac" | "library" | "institution"
    Text name, address;
    std::string territory;
    double lat = 0, lon = 0;
    std::string phone, email, hours;
    std::vector<std::string> institutions, services, remote_consultation;
    bool step_free = false;
    Text accessibility_notes;  // empty when there are none
    // Filled by the loader from bus-stops/stops.txt: the closest stop in a straight
    // line, as the background analysis measured it. Empty id when there are no stops.
    std::string bus_stop_id, bus_stop_name;
    double bus_stop_m = -1;

    bool operator==(const ContactPoint&) const = default;
};

// A stop from a GTFS stops.txt (read by csv/), for "how far is the bus?".
using BusStop = csv::BusStop;

struct HolidayEntry {
    std::string date;  // YYYY-MM-DD
    std::string kind;  // "holiday" for extra days; "day-off" | "working-day" for transfers
    Text name;
    std::string replaces;  // a working-day transfer: the day-off date whose hours it keeps ("" when not given)

    bool operator==(const HolidayEntry&) const = default;
};

struct HolidayYear {
    int year = 0;
    std::vector<HolidayEntry> extra, transfers;
    // False while the Cabinet has not yet published the year's transfer order, so
    // pages can say "not yet published" instead of silently showing no transfers.
    bool transfers_published = true;
    // The closing day of the Song and Dance Festival held that year (YYYY-MM-DD, ""
    // in the four years out of five without one): hours::Calendar::add_song_festival.
    std::string song_festival_closing;

    bool operator==(const HolidayYear&) const = default;
};

// A remote consultation schedule (support level 2): when an institution's
// specialists talk to citizens by video at contact points (content/consultations/).
struct ConsultationTopic {
    std::string id;
    Text title;
    std::vector<std::string> services;

    bool operator==(const ConsultationTopic&) const = default;
};

struct Consultation {
    std::string id, institution;
    Text title;
    int slot_minutes = 30;
    std::string windows;  // the specialists' weekly windows, opening_hours syntax
    int seats = 1;        // parallel consultations per slot, across all contact points
    int notice_working_days = 1;
    int horizon_days = 30;
    std::vector<std::string> contact_points;
    std::vector<ConsultationTopic> topics;
    TextList bring;  // what to bring

    bool operator==(const Consultation&) const = default;
};

struct Diagnostic {
    enum class Severity { error, warning };
    Severity severity = Severity::error;
    std::string file;  // relative to the content folder's parent, as editors see it
    int line = 0, column = 0;
    std::string message;

    std::string format() const;  // "content/services/x.json:3:5: error: ..."
};

bool has_errors(const std::vector<Diagnostic>& diags);

// The stop closest to `at` in a straight line, nullptr when there are none;
// `distance_m` receives its distance. Ties go to the smaller stop id.
const BusStop* nearest_stop(const std::vector<BusStop>& stops, geo::Point at, double* distance_m = nullptr);

// Farther than this, the nearest stop in the file is not a stop anyone would walk to
// from the contact point: the stops file does not cover that place (the default
// content's small file has no stop in Liepāja, so the nearest was 40 km away, in
// Rucava). The contact point then names no stop rather than a wrong one, and
// `pietura check` says the file does not cover it (issue 14).
inline constexpr double kStopCoverageM = 5000;

struct Content {
    std::vector<Institution> institutions;
    std::vector<Audience> audiences;
    std::vector<Service> services;
    std::vector<LifeSituation> life_situations;
    std::vector<Territory> territories;
    std::vector<Place> places;
    std::vector<ContactPoint> contact_points;
    std::vector<HolidayYear> holidays;
    std::vector<Consultation> consultations;  // optional folder consultations/
    std::string bus_stops_gtfs;  // path to a GTFS stops.txt, empty when none
    std::vector<BusStop> bus_stops;  // read from it; empty when there is none

    // Loads and checks `dir`; every problem goes to `diags`. Records that failed
    // their schema are left out, so the result is only safe to use without errors.
    static Content load(const std::filesystem::path& dir, std::vector<Diagnostic>& diags);

    const Institution* institution(const std::string& id) const;
    const Service* service(const std::string& id) const;
    const LifeSituation* life_situation(const std::string& id) const;
    const Audience* audience(const std::string& id) const;
    const Territory* territory(const std::string& id) const;
    const ContactPoint* contact_point(const std::string& id) const;
    const Consultation* consultation(const std::string& id) const;

    // The law's holidays plus the year-by-year facts of holidays/*.json. Facts the
    // calendar refuses (checked when loading) are left out.
    hours::Calendar calendar() const;

    // The mean position of a territory's places: where "in this municipality"
    // measures from. std::nullopt when the territory lists no places.
    std::optional<geo::Point> centre(const std::string& territory) const;

    // Services a contact point accepts: its institutions' contact-point services plus extras.
    std::vector<const Service*> services_at(const ContactPoint& cp) const;

    // How many contact points accept each service: services_at() of every contact point,
    // counted by institution instead (a national catalogue is 587 × 3,400 pairs). A
    // service no contact point takes is absent.
    std::map<std::string, int> contact_point_counts() const;
};


// --- the page pack (issue 13) ----------------------------------------------------------
// The offline copy of a national catalogue cannot hold its 24,000 pages (36 MB), so it
// holds the checked content instead, and the service worker renders a page nobody has
// visited yet with the same renderer, compiled to wasm. The pack is that content as one
// text file, JSON Lines: a header line {"pietura_pack":1,"content_version":…,"lines":N},
// then N lines {"kind":"services","record":{…}}, each record in the shape of the content
// files (content/schema/), read back by the loader's own per-kind readers. It needs no
// GTFS file (each contact point's nearest stop travels with it as "bus_stop") and no
// schema. site/ adds lines of its own kinds (UI strings, build options) through `extra`.
// Output is deterministic: records in id order, keys sorted, no whitespace.
inline constexpr int kPackFormat = 1;

// One line of a kind the caller owns: `json` is its record as compact JSON text.
struct PackRecord {
    std::string kind, json;
    int line = 0;  // where read_pack() found it (1 is the header)
};

// Throws std::invalid_argument when an extra record's kind is a content kind or its
// text is not one JSON value.
std::string to_pack(const Content& c, std::string_view content_version, const std::vector<PackRecord>& extra = {});

struct Pack {
    std::string content_version;
    Content content;                // bus_stops and bus_stops_gtfs empty: the stops are in the contact points
    std::vector<PackRecord> extra;  // the lines of `extra_kinds`, in file order
};

// Reads a pack; the kinds in `extra_kinds` are handed back unread, any other kind the
// content does not define is an error. Bad input never crashes: std::runtime_error says
// what is wrong and on which line ("page pack line 12: services: key 'title' not found"),
// for a file that is not a pack, another format version, a line cut short, bad JSON, a
// record missing a field or of the wrong type, ids out of order, or fewer or more lines
// than the header says (a pack cut at a line's end).
Pack read_pack(std::string_view text, const std::vector<std::string>& extra_kinds = {});

// The content of a pack that has nothing but content.
Content from_pack(std::string_view text);

}  // namespace pietura::content
