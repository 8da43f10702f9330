// snapshot/snapshot.hpp — the catalogue database the browser downloads.
//
// `write()` turns checked content into one deterministic SQLite file (same content,
// byte-identical file): plain tables for every entity, the search index built by
// search/, and a `meta` table. `Catalogue` opens one read-only, from a file (native)
// or from fetched bytes (wasm), and is the only reader of its tables: pages, booking/,
// atlas/, diff/ and the tools ask the typed questions below, never SQL, so a schema
// change touches this folder (and search/ for its own index) only.
//
//   auto cat = Catalogue::open("dist/catalogue.sqlite");
//   for (auto& hit : cat.search("pabalsts", Lang::lv)) ...
//
// A snapshot may come from anywhere: opening locks the connection down and checks
// the schema is the one write() makes, else std::runtime_error("Pietura snapshot
// rejected: <why>"); damage met later is a std::runtime_error, never a crash or hang.
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
constexpr int kFormatVersion = 3;

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

// --- search shards (issue 13): the first search answer without the whole snapshot ---
//
// A search shard is a small standard SQLite file holding only what a search answer
// needs in one language: search/'s index of that language's documents and what each
// hit shows (title, summary, address), plus `meta` (format, `shard` = "lv"/"en",
// content_version). The browser downloads it instead of the whole snapshot to answer
// its first searches. build_index() numbers and ranks each language on its own, so a
// shard answers exactly what Catalogue::search() answers in that language (held by
// tests/core/snapshot_shard_test.cpp on the relevance set).
//
// Writes the `lang` shard of the content to `file` (replacing it); as write().
void write_search_shard(const content::Content& c, const std::filesystem::path& file, Lang lang,
                        const BuildInfo& info);

// A search shard opened read-only, as untrusted as a snapshot: locked down the same
// way, its schema compared with what write_search_shard() makes, else
// std::runtime_error("Pietura snapshot rejected: …"); also refused when it is not the
// shard of `lang` (a whole snapshot, or the other language's shard).
class SearchShard {
public:
    static SearchShard open(const std::filesystem::path& file, Lang lang);
    // Copies the bytes.
    static SearchShard from_bytes(const uint8_t* data, size_t size, Lang lang);

    SearchShard(SearchShard&& other) noexcept;
    SearchShard& operator=(SearchShard&& other) noexcept;
    SearchShard(const SearchShard&) = delete;
    SearchShard& operator=(const SearchShard&) = delete;
    ~SearchShard();

    Lang lang() const { return lang_; }
    std::string content_version() const;  // the build it came from, as Catalogue::meta("content_version")
    // As Catalogue::search() in lang(); std::invalid_argument for the other language,
    // which this file does not hold.
    std::vector<search::Hit> search(std::string_view query, Lang lang, int limit = 10) const;

private:
    SearchShard(sqlite3* db, Lang lang) : db_(db), lang_(lang) {}
    sqlite3* db_ = nullptr;
    Lang lang_ = Lang::lv;
};

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

    // --- for booking/: consultations ---------------------------------------------------
    // One institution's consultation schedule as hosted at one contact point, with the
    // contact point's details, as stored (booking/ checks the rules' ranges).
    struct Consultation {
        std::string id, institution, title_lv, title_en;
        std::string windows;  // opening_hours spec, at most kMaxHoursSpec bytes
        std::int64_t slot_minutes = 0, seats = 0, notice_working_days = 0, horizon_days = 0;
        std::vector<std::string> bring_lv, bring_en;
        struct Topic {
            std::string id, title_lv, title_en;
        };
        std::vector<Topic> topics;  // in the editors' order
        std::string cp_name_lv, cp_name_en, address_lv, address_en, phone, email;
        std::string hours;  // the contact point's, at most kMaxHoursSpec bytes
    };
    // std::nullopt when the institution has no schedule or does not consult there.
    // Throws std::runtime_error on a spec longer than kMaxHoursSpec.
    std::optional<Consultation> consultation(const std::string& institution, const std::string& contact_point) const;
    // Contact points hosting the institution's consultations, sorted by id.
    std::vector<std::string> consultation_hosts(const std::string& institution) const;

    // --- for atlas/: everything with a real place on the map ------------------------------
    struct MapPoint {
        std::string id, kind;     // kind: the contact point's ("vpvkac", ...) or "place"
        std::string name;         // Latvian name
        std::string territory;    // territory id
        std::string hours;        // contact points' spec (at most kMaxHoursSpec bytes); "" for places
        geo::Point at;
    };
    // Sorted by id; rows without coordinates on Earth are left out.
    std::vector<MapPoint> contact_points_on_map() const;
    std::vector<MapPoint> places_on_map() const;

    // --- for diff/: whole tables ---------------------------------------------------------
    // Every plain table of the file by name: the entity tables, `meta`, and any plain
    // table an older writer left; not SQLite's own nor the search index's (`search_*`).
    std::vector<std::string> tables() const;
    struct Table {
        std::vector<std::string> columns;    // in table order
        std::vector<int> key;                // primary-key columns in key order; all of them without one
        std::vector<std::vector<std::optional<std::string>>> rows;  // NULL as nullopt, a BLOB as "<N bytes>"
    };
    // One of tables(); std::invalid_argument for any other name.
    Table table(const std::string& name) const;

private:
    explicit Catalogue(sqlite3* db);
    detail::PointCache& points() const;  // loaded on first use; lock its mutex first
    sqlite3* db_ = nullptr;
    std::shared_ptr<detail::PointCache> points_;
};

}  // namespace pietura::snapshot
