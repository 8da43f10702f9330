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
// It never writes content and knows nothing about HTTP or Emscripten.
#pragma once

#include <cstdint>
#include <filesystem>
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

// Bumped whenever a table changes shape, so old browsers refuse new files cleanly.
constexpr int kFormatVersion = 1;

struct BuildInfo {
    std::string content_version;  // shown on pages and in the manifest
    rating::Summary ratings;      // published ones go into the `ratings` table
};

// Writes the snapshot to `file` (replacing it). Throws std::runtime_error on I/O
// or SQLite failure; content must already be free of errors.
void write(const content::Content& c, const std::filesystem::path& file, const BuildInfo& info);

// The built-in holiday law plus the snapshot's holidays table (booking/ reads it too).
hours::Calendar load_calendar(sqlite3* db);

class Catalogue {
public:
    static Catalogue open(const std::filesystem::path& file);
    // Copies the bytes; throws std::runtime_error when they are not a Pietura snapshot.
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

    // Contact points nearest to `from` by great-circle distance, closest first.
    // `service` (an id) keeps only points that accept it; `open_at` keeps only
    // points open at that instant. Each carries its opening status at `open_at`
    // (or at `now` when no filter is asked).
    struct Nearby {
        std::string id, name, url;
        double distance_m = 0;
        OpeningStatus status;
    };
    std::vector<Nearby> nearest(geo::Point from, int n, Lang lang, std::int64_t now,
                                const std::string& service = "", bool only_open = false) const;

    std::string meta(const std::string& key) const;  // "" when absent
    int count(const std::string& table) const;       // rows in one entity table

    sqlite3* db() const { return db_; }

private:
    explicit Catalogue(sqlite3* db) : db_(db) {}
    static void check_format(sqlite3* db);
    sqlite3* db_ = nullptr;
};

}  // namespace pietura::snapshot
