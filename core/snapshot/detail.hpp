// snapshot/detail.hpp — what the snapshot's source files share. Not public API.
#pragma once

#include <sqlite3.h>

#include <algorithm>
#include <climits>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "hours/hours.hpp"
#include "snapshot/snapshot.hpp"
#include "sqlite/statement.hpp"

namespace pietura::snapshot::detail {

// The snapshot's reads: errors say "snapshot: ...".
inline sqlite::Statement query(sqlite3* db, std::string_view sql) { return {db, sql, "snapshot"}; }

// The CREATE statements of write()'s tables and write_search_shard()'s (search/'s
// index comes on top of each): a reader compares a file's schema with them.
const char* entity_schema();
const char* shard_schema();

// What the search index holds for `c`, both languages: the snapshot and its shards
// index the same documents.
std::vector<search::Doc> search_docs(const content::Content& c);

// A search shard of `lang`, opened and checked as the snapshot is (snapshot.cpp);
// throws std::runtime_error("Pietura snapshot rejected: …").
sqlite::Connection open_search_shard(const std::filesystem::path& file, Lang lang);
sqlite::Connection load_search_shard(const uint8_t* data, size_t size, Lang lang);

// The built-in holiday law plus the snapshot's holidays table.
hours::Calendar load_calendar(sqlite3* db);

// State and sentence at `at`; `hours` is left empty for the caller to fill from the
// weekly pattern it cached, which does not change between calls.
Catalogue::OpeningStatus status_of(const std::optional<hours::Schedule>& schedule, std::int64_t at, Lang lang,
                                   const hours::Calendar& cal);

// Everything nearest() filters on and shows, read and parsed once per Catalogue:
// parsing hundreds of opening_hours specs and preparing SQL on every keystroke
// would cost far more than the distances. Guarded by `mutex`, because the native
// server may ask from several threads.
struct PointCache {
    struct Point {
        std::string id;
        geo::Point at;
        bool located = false;  // `at` is a real place; only then can it be nearest
        bool step_free = false;
        std::optional<hours::Schedule> schedule;
        std::set<std::string> remote;          // institution ids
        std::set<std::string> institutions;    // whose contact-point services it accepts
        std::string name[2], url[2], address[2], hours_text[2];  // by Lang
        std::vector<std::string> remote_abbr[2];
        std::string phone, email, bus_stop;
        double bus_stop_m = -1;
        int services = 0;
        // Saturday / evening opening over the coming two weeks, as of `pattern_day`.
        std::int64_t pattern_day = INT64_MIN;
        bool saturday = false, after_17 = false;
    };
    std::mutex mutex;
    bool loaded = false;
    std::vector<Point> points;  // sorted by id
    Point* find(const std::string& id) {
        auto it = std::lower_bound(points.begin(), points.end(), id,
                                   [](const Point& p, const std::string& k) { return p.id < k; });
        return it != points.end() && it->id == id ? &*it : nullptr;
    }
    hours::Calendar calendar;
    std::map<std::string, std::vector<bool>> accepting;  // service id → by point index
};

}  // namespace pietura::snapshot::detail
