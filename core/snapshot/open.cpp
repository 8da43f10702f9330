// Opening a snapshot or a search shard: a file may come from anywhere.
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <map>
#include <stdexcept>

#include "snapshot/detail.hpp"
#include "snapshot/snapshot.hpp"
#include "sqlite/statement.hpp"

namespace pietura::snapshot {

namespace {

void exec(sqlite3* db, const char* sql) {
    char* msg = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
        std::string m = msg ? msg : "";
        sqlite3_free(msg);
        throw std::runtime_error(std::string("snapshot: ") + m);
    }
}

}  // namespace

// --- reading: a snapshot may come from anywhere ---------------------------------------
//
// The browser fetches the snapshot from a server, a cache or a mirror, and the native
// tools open whatever file they are given; a damaged or hostile file must be refused
// with a reason, never crash the reader, hang it or eat its memory. So the connection
// that reads a snapshot is locked down before the first statement (which is when
// SQLite reads the schema), the schema must be exactly the shape write() makes (no
// views, no triggers, no computed columns: nothing in the file runs code), and every
// statement is bounded by sqlite::Statement's work limit.

namespace {

constexpr const char* kRejected = "Pietura snapshot rejected: ";

// The most SQLite may allocate, for all connections of the process together. A real
// snapshot needs its own size plus a few MB; the cap keeps a hostile one from taking
// the browser tab (or the server) down with it.
#ifdef __EMSCRIPTEN__
constexpr sqlite3_int64 kHeapCap = sqlite3_int64(256) << 20;
#else
constexpr sqlite3_int64 kHeapCap = sqlite3_int64(1) << 30;
#endif

void cap_heap() {
    sqlite3_int64 now = sqlite3_hard_heap_limit64(-1);
    if (now <= 0 || now > kHeapCap) sqlite3_hard_heap_limit64(kHeapCap);  // never raise a lower cap
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
            return false;
    return true;
}

std::string lower(std::string s) {
    for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Settings and limits of a connection that reads a snapshot. The limits are far
// above what write() produces (the longest value is a few KB, the longest statement
// the core prepares under 1 KB, the schema has about 40 objects) and far below what
// hurts.
void lock_down(sqlite3* db) {
    struct Config {
        int op, value;
        const char* what;
    };
    for (auto [op, value, what] : {
             Config{SQLITE_DBCONFIG_DEFENSIVE, 1, "defensive mode"},
             Config{SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, "untrusted schema"},
             Config{SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, "no triggers"},
             Config{SQLITE_DBCONFIG_ENABLE_VIEW, 0, "no views"},
             Config{SQLITE_DBCONFIG_ENABLE_ATTACH_CREATE, 0, "no attached files"},
         }) {
        int now = -1;
        if (sqlite3_db_config(db, op, value, &now) != SQLITE_OK || now != value)
            throw std::runtime_error(std::string("cannot set ") + what + " on the connection");
    }
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 4 << 20);
    sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, 64 << 10);
    sqlite3_limit(db, SQLITE_LIMIT_COLUMN, 100);
    sqlite3_limit(db, SQLITE_LIMIT_EXPR_DEPTH, 100);
    sqlite3_limit(db, SQLITE_LIMIT_PARSER_DEPTH, 200);
    sqlite3_limit(db, SQLITE_LIMIT_COMPOUND_SELECT, 8);
    sqlite3_limit(db, SQLITE_LIMIT_VDBE_OP, 100000);
    sqlite3_limit(db, SQLITE_LIMIT_FUNCTION_ARG, 16);
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_limit(db, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 100);
    sqlite3_limit(db, SQLITE_LIMIT_VARIABLE_NUMBER, 32);
    sqlite3_limit(db, SQLITE_LIMIT_TRIGGER_DEPTH, 1);
    sqlite3_limit(db, SQLITE_LIMIT_SCHEMA, 500);
    // Check each b-tree cell against its page before using it: damaged pages become
    // SQLITE_CORRUPT errors earlier, for a cost too small to measure here.
    sqlite::Statement(db, "PRAGMA cell_size_check=ON", "snapshot").run();
    sqlite::Statement(db, "PRAGMA query_only=ON", "snapshot").run();
}

// What a table looks like, for comparing a file's schema with the one write() makes.
struct TableShape {
    bool is_virtual = false;
    std::string sql;                                    // CREATE statement
    std::vector<std::pair<std::string, std::string>> columns;  // name → declared type (lower case)
};
using Shape = std::map<std::string, TableShape>;

Shape shape_of(sqlite3* db) {
    Shape out;
    {
        sqlite::Statement s(db, "SELECT type, name, sql FROM sqlite_schema", "snapshot schema");
        while (s.step()) {
            std::string type = s.text(0), name = s.text(1);
            if (type == "view" || type == "trigger")
                throw std::runtime_error("it contains a " + type + " (\"" + name +
                                         "\"); a Pietura snapshot has none, and they could run any query");
            if (type == "index") continue;
            if (type != "table") throw std::runtime_error("unknown schema object \"" + name + "\" (" + type + ")");
            TableShape t;
            t.sql = s.text(2);
            t.is_virtual = starts_with_ci(t.sql, "CREATE VIRTUAL TABLE");
            out[name] = std::move(t);
        }
    }
    sqlite::Statement c(db, "SELECT name, type, hidden FROM pragma_table_xinfo(?1)", "snapshot schema");
    for (auto& [name, t] : out) {
        if (t.is_virtual) continue;
        c.bind(1, name);
        while (c.step()) {
            // A generated column is an expression the file chooses, run on every read.
            if (c.integer(2) != 0)
                throw std::runtime_error("table " + name + " has a computed column (" + c.text(0) + ")");
            t.columns.emplace_back(c.text(0), lower(c.text(1)));
        }
        c.reset();
    }
    return out;
}

// The schema a writer makes, read back from an empty database built the same way.
Shape shape_made_by(const char* schema) {
    sqlite::Connection db = sqlite::Connection::memory();
    exec(db.get(), schema);
    exec(db.get(), search::index_schema());
    return shape_of(db.get());
}

void check_shape(const Shape& got, const Shape& expected) {
    for (auto& [name, want] : expected) {
        auto it = got.find(name);
        if (it == got.end()) throw std::runtime_error("table " + name + " is missing");
        const TableShape& t = it->second;
        if (t.is_virtual != want.is_virtual)
            throw std::runtime_error(name + " is " + (t.is_virtual ? "a virtual table" : "a plain table") +
                                     ", not " + (want.is_virtual ? "a virtual table" : "a plain table"));
        for (auto& wanted : want.columns) {
            const std::string &column = wanted.first, &type = wanted.second;
            auto c = std::find_if(t.columns.begin(), t.columns.end(), [&](auto& x) { return x.first == column; });
            if (c == t.columns.end()) throw std::runtime_error("column " + name + "." + column + " is missing");
            if (c->second != type)
                throw std::runtime_error("column " + name + "." + column + " is " +
                                         (c->second.empty() ? "untyped" : c->second) + ", not " + type);
        }
    }
    for (auto& [name, t] : got) {
        if (expected.count(name)) continue;
        // Other plain tables (left by an older writer) are never read by the core.
        if (t.is_virtual) throw std::runtime_error("it has an unknown virtual table \"" + name + "\"");
        if (starts_with_ci(name, "sqlite_stat"))
            throw std::runtime_error("it has query planner statistics (" + name + "), which Pietura never writes");
    }
}

// `expected`: the shape write() or write_search_shard() makes. `shard`: the language a
// search shard must say it holds, or nullptr for a whole snapshot (which says none).
void check_format(sqlite3* db, const Shape& expected, const Lang* shard) {
    // Views and triggers are refused before anything reads a table.
    Shape got = shape_of(db);
    auto meta = got.find("meta");
    if (meta == got.end() || meta->second.is_virtual) throw std::runtime_error("not a Pietura snapshot (no meta table)");
    std::string fmt;
    {
        sqlite::Statement st(db, "SELECT value FROM meta WHERE key='format'", "snapshot meta");
        if (st.step()) fmt = st.text(0);
    }
    if (fmt.empty()) throw std::runtime_error("not a Pietura snapshot (no format in the meta table)");
    if (fmt != std::to_string(kFormatVersion))
        throw std::runtime_error("snapshot format " + fmt.substr(0, 20) + " is not supported (expected " +
                                 std::to_string(kFormatVersion) + ")");
    std::string lang;
    {
        sqlite::Statement st(db, "SELECT value FROM meta WHERE key='shard'", "snapshot meta");
        if (st.step()) lang = st.text(0);
    }
    if (!shard && !lang.empty())
        throw std::runtime_error("it is a search shard (" + lang.substr(0, 20) + "), not the whole snapshot");
    if (shard && lang != code(*shard))
        throw std::runtime_error(lang.empty() ? std::string("not a search shard (no shard in the meta table)")
                                              : "it is the search shard of \"" + lang.substr(0, 20) +
                                                    "\", not of \"" + std::string(code(*shard)) + "\"");
    check_shape(got, expected);
}

// A snapshot is whole pages, and its header says how many (when the header's
// "valid for" counter matches its change counter, as in every file VACUUM INTO
// writes). A download cut short, or with bytes appended, is refused here rather
// than on whichever page a later question happens to need.
void check_size(const unsigned char* header, std::uint64_t size) {
    static const char kMagic[] = "SQLite format 3";
    if (size < 512 || std::memcmp(header, kMagic, sizeof kMagic) != 0)
        throw std::runtime_error("not a SQLite database (" + std::to_string(size) + " bytes)");
    auto be32 = [&](int at) {
        return std::uint32_t(header[at]) << 24 | std::uint32_t(header[at + 1]) << 16 |
               std::uint32_t(header[at + 2]) << 8 | std::uint32_t(header[at + 3]);
    };
    std::uint32_t page = std::uint32_t(header[16]) << 8 | header[17];
    if (page == 1) page = 65536;
    if (page < 512 || (page & (page - 1)) != 0) throw std::runtime_error("its header has no valid page size");
    if (size % page != 0)
        throw std::runtime_error("it is " + std::to_string(size) + " bytes, not a whole number of " +
                                 std::to_string(page) + "-byte pages: truncated or padded");
    std::uint64_t pages = be32(28);
    if (be32(92) == be32(24) && pages != 0 && pages * page != size)
        throw std::runtime_error("it is " + std::to_string(size) + " bytes, but its header says " +
                                 std::to_string(pages * page) + ": truncated or padded");
}

// No PRAGMA quick_check on open: on the 6 MB snapshot of a 3,400-service catalogue
// it costs 100-200 ms in wasm (and every page view opens the snapshot), while a
// damaged page is already an error wherever it is read (cell_size_check above,
// SQLITE_CORRUPT from sqlite::Statement), which the caller reports the same way.
//
// Lock down, check, and hand over: whatever fails says why, in the words every
// reader of a snapshot shows ("Pietura snapshot rejected: ...").
sqlite::Connection checked(sqlite::Connection db, const std::string& where, const Shape& expected,
                           const Lang* shard) {
    try {
        lock_down(db.get());
        check_format(db.get(), expected, shard);
    } catch (const std::exception& e) {
        throw std::runtime_error(kRejected + where + e.what());
    }
    return db;
}

sqlite::Connection open_checked(const std::filesystem::path& file, const Shape& expected, const Lang* shard) {
    if (!std::filesystem::exists(file)) throw std::runtime_error("snapshot not found: " + file.string());
    {
        // stdio, not iostreams: this file goes into the wasm download too.
        unsigned char header[100] = {};
        size_t got = 0;
        if (std::FILE* f = std::fopen(file.string().c_str(), "rb")) {
            got = std::fread(header, 1, sizeof header, f);
            std::fclose(f);
        }
        std::error_code ec;
        auto size = std::filesystem::file_size(file, ec);
        try {
            if (ec) throw std::runtime_error("cannot read it: " + ec.message());
            check_size(header, got == sizeof header ? size : 0);
        } catch (const std::exception& e) {
            throw std::runtime_error(kRejected + file.string() + ": " + e.what());
        }
    }
    cap_heap();
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(file.string().c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    sqlite::Connection db(raw);
    if (rc != SQLITE_OK)
        throw std::runtime_error(kRejected + file.string() + ": cannot open: " +
                                 (raw ? sqlite3_errmsg(raw) : "out of memory"));
    return checked(std::move(db), file.string() + ": ", expected, shard);
}

sqlite::Connection load_checked(const uint8_t* data, size_t size, const Shape& expected, const Lang* shard) {
    try {
        if (!data) throw std::runtime_error("no bytes");
        check_size(data, size < 100 ? 0 : size);
    } catch (const std::exception& e) {
        throw std::runtime_error(kRejected + std::string(e.what()));
    }
    cap_heap();
    sqlite::Connection db = sqlite::Connection::memory();
    if (!db) throw std::runtime_error(std::string(kRejected) + "cannot open an in-memory database");
    auto* copy = static_cast<unsigned char*>(sqlite3_malloc64(size));
    if (!copy)
        throw std::runtime_error(std::string(kRejected) + "out of memory for a snapshot of " + std::to_string(size) +
                                 " bytes");
    std::memcpy(copy, data, size);
    // SQLite owns the copy from here, on failure too (FREEONCLOSE).
    int rc = sqlite3_deserialize(db.get(), "main", copy, sqlite3_int64(size), sqlite3_int64(size),
                                 SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY);
    if (rc != SQLITE_OK)
        throw std::runtime_error(std::string(kRejected) + "cannot load it: " + sqlite3_errmsg(db.get()));
    // Truncated files fail here too: reading the schema or meta finds pages missing.
    return checked(std::move(db), "", expected, shard);
}

}  // namespace

namespace detail {

sqlite::Connection open_search_shard(const std::filesystem::path& file, Lang lang) {
    static const Shape shape = shape_made_by(detail::shard_schema());
    return open_checked(file, shape, &lang);
}

sqlite::Connection load_search_shard(const uint8_t* data, size_t size, Lang lang) {
    static const Shape shape = shape_made_by(detail::shard_schema());
    return load_checked(data, size, shape, &lang);
}

}  // namespace detail

Catalogue Catalogue::open(const std::filesystem::path& file) {
    static const Shape shape = shape_made_by(detail::entity_schema());
    return Catalogue(open_checked(file, shape, nullptr).release());
}

Catalogue Catalogue::from_bytes(const uint8_t* data, size_t size) {
    static const Shape shape = shape_made_by(detail::entity_schema());
    return Catalogue(load_checked(data, size, shape, nullptr).release());
}

}  // namespace pietura::snapshot
