// snapshot/snapshot.hpp — the catalogue database the browser downloads.
//
// `write()` turns checked content into one standard SQLite file: plain tables for
// every entity (readable with the stock `sqlite3` shell), the search index built
// ahead of time by search/, and a `meta` table with the content version. The file
// is deterministic — same content, byte-identical file — because rows go in sorted
// order and the result is produced by VACUUM INTO.
//
// `Catalogue` opens a snapshot read-only, from a file (native tools) or from the
// bytes the browser fetched (wasm), and answers the questions the pages ask:
//
//   auto cat = Catalogue::open("dist/catalogue.sqlite");
//   for (auto& hit : cat.search("pabalsts", Lang::lv)) ...
//
// A snapshot may come from anywhere, so opening one checks it: the connection is
// locked down (no views, triggers or untrusted schema code; limits on lengths,
// depth, memory and the work of every query) and the schema must be the one write()
// makes. A file that fails is refused with std::runtime_error("Pietura snapshot
// rejected: <why>"); damage found later (a corrupt page, a query over its work
// limit) is a std::runtime_error from the call that met it, never a crash or a hang.
//
// It never writes content and knows nothing about HTTP or Emscripten.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/content.hpp"
#include "geo/geo.hpp"
#include "hours/hours.hpp"
#include "i18n/lang.hpp"
#include "rating/rating.hpp"
#include "search/search.hpp"

struct sqlite3;

namespace pietura::snapshot {

namespace detail {
struct PointCache;
}

// Bumped whenever a table changes shape, so old browsers refuse new files cleanly.
constexpr int kFormatVersion = 2;

// The longest opening-hours spec (contact point hours, consultation windows) a
// reader accepts from a snapshot. Real ones are under 100 bytes; every status and
// day view walks all rules of a spec, so one of megabytes would make each take
// seconds. Readers throw std::runtime_error on a longer one.
constexpr std::size_t kMaxHoursSpec = 1000;

struct BuildInfo {
    std::string content_version;  // shown on pages and in the manifest
    rating::Summary ratings;      // published ones go into the `ratings` table
};

// Writes the snapshot to `file` (replacing it). Throws std::runtime_error on I/O
// or SQLite failure; content must already be free of errors.
void write(const content::Content& c, const std::filesystem::path& file, const BuildInfo& info);

class Catalogue {
public:
    // Both throw std::runtime_error("Pietura snapshot rejected: ...") when the file is
    // not a Pietura snapshot of this format, is damaged, or has anything in its schema
    // that write() does not make.
    static Catalogue open(const std::filesystem::path& file);
    // Copies the bytes.
    static Catalogue from_bytes(const uint8_t* data, size_t size);

    Catalogue(Catalogue&& other) noexcept;
    Catalogue& operator=(Catalogue&& other) noexcept;
    Catalogue(const Catalogue&) = delete;
    Catalogue& operator=(const Catalogue&) = delete;
    ~Catalogue();

    std::vector<search::Hit> search(std::string_view query, Lang lang, int limit = 10) const;

    // Is a contact point open at `at` (unix seconds), in Latvian time with the
    // holidays and transfers of the snapshot? `text` is a sentence for people
    // ("Open, closes at 16:00"); std::nullopt for an unknown id.
    struct OpeningStatus {
        std::string state;  // "open" | "closed" | "unknown"
        std::string text;
        std::string hours;  // the weekly pattern in words
    };
    std::optional<OpeningStatus> opening_status(const std::string& contact_point, std::int64_t at, Lang lang) const;

    // "Where am I?": settlements and municipalities whose name starts with what
    // was typed, with or without diacritics ("cesis" finds Cēsis, "rezeknes nov"
    // finds Rēzeknes novads). Exact names first, then by name.
    struct Place {
        std::string id;
        std::string kind;       // "place" | "territory"
        std::string name;       // "Cēsis", "Cēsu novads"
        std::string territory;  // the municipality a place is in ("" for a territory)
        geo::Point at;
    };
    std::vector<Place> find_places(std::string_view query, Lang lang, int limit = 8) const;
    // Every municipality and state city with its centre, in alphabetical order.
    std::vector<Place> territories(Lang lang) const;

    // Contact points nearest to `from` by great-circle distance, closest first,
    // with the filters a citizen ticks. Throws std::invalid_argument on a point
    // that is not on Earth (NaN, out of range) or an unknown service or institution.
    struct NearestQuery {
        geo::Point from;
        int limit = 5;                   // 1..100
        std::string service;             // accepts this service (id)
        std::string remote_institution;  // hosts this institution's remote consultations (id)
        bool open_now = false;           // open at `now`
        bool open_saturday = false;      // open on a Saturday within the next two weeks
        bool open_after_17 = false;      // open past 17:00 on some day within the next two weeks
        bool step_free = false;          // step-free entrance
    };
    struct Nearby {
        std::string id, name, url, address, phone, email;
        geo::Point at;
        double distance_m = 0;
        std::string distance;          // in words: "850 m", "4,2 km"
        bool step_free = false;
        std::string bus_stop;          // nearest bus stop's name, "" when unknown
        double bus_stop_m = -1;        // and its distance; -1 when unknown
        std::string bus_stop_distance; // in words, "" when unknown
        std::vector<std::string> remote;  // abbreviations of institutions consulting here
        int services = 0;              // how many services it accepts
        OpeningStatus status;          // at `now`
    };
    std::vector<Nearby> nearest(const NearestQuery& q, Lang lang, std::int64_t now) const;

    // A contact point's days from the Riga date of `now`, for a week view and
    // "holidays ahead": the hours of each day in words and what made it special.
    struct CalendarDay {
        std::string date;     // "2026-12-24"
        std::string weekday;  // "ceturtdiena" / "Thursday"
        std::string hours;    // "8.30–13.00" / "closed"
        bool open = false;
        std::string note;     // holiday or transfer name, "shortened pre-holiday day", or ""
    };
    std::vector<CalendarDay> days(const std::string& contact_point, std::int64_t now, Lang lang, int count) const;

    // Contact points farther than `max_m` from their nearest bus stop, farthest
    // first (the background documents' 700 m, about ten minutes' walk).
    struct FarFromStop {
        std::string id, name, bus_stop;
        double bus_stop_m = 0;
    };
    std::vector<FarFromStop> far_from_bus_stops(double max_m, Lang lang) const;

    // The holiday calendar the snapshot's hours are evaluated with (law + content).
    hours::Calendar calendar() const;

    // One entity's row as column → text, in table order (NULL as ""), for tools that
    // show a record (the studio); empty when there is no such row. `table` is an
    // entity table as in count(); std::invalid_argument otherwise.
    std::vector<std::pair<std::string, std::string>> row(const std::string& table, const std::string& id) const;

    std::string meta(const std::string& key) const;  // "" when absent
    int count(const std::string& table) const;       // rows in one entity table

    // Is there such a thing? `kind` is "service", "contact-point", "institution",
    // "life-situation" or "consultation" (an institution's, by institution id);
    // std::invalid_argument otherwise.
    bool exists(std::string_view kind, const std::string& id) const;

    // The connection, for diff/ (which compares whole tables); everything else asks
    // the typed questions above. Going away with issue 16.
    sqlite3* db() const { return db_; }

private:
    explicit Catalogue(sqlite3* db);
    static void check_format(sqlite3* db);
    detail::PointCache& points() const;  // loaded on first use; lock its mutex first
    sqlite3* db_ = nullptr;
    std::shared_ptr<detail::PointCache> points_;
};

}  // namespace pietura::snapshot
