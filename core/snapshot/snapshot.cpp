#include "snapshot/snapshot.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>


#include <cctype>
#include <cstdio>
#include <map>

#include "hours/hours.hpp"
#include "urls/urls.hpp"
#include "snapshot/detail.hpp"
#include "sqlite/statement.hpp"

namespace pietura::snapshot {

namespace {

using content::Content;


void exec(sqlite3* db, const char* sql) {
    char* msg = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
        std::string m = msg ? msg : "";
        sqlite3_free(msg);
        throw std::runtime_error(std::string("snapshot: ") + m + " in: " + std::string(sql).substr(0, 80));
    }
}

// One INSERT, bound by position from a braced list of values.
class Insert {
public:
    Insert(sqlite3* db, const char* sql) : st_(db, sql, "snapshot") {}

    struct Value {
        enum { null, text, integer, real } kind;
        std::string s;
        long long i = 0;
        double d = 0;
        Value() : kind(null) {}
        Value(const std::string& v) : kind(text), s(v) {}
        Value(const char* v) : kind(text), s(v) {}
        Value(int v) : kind(integer), i(v) {}
        Value(bool v) : kind(integer), i(v ? 1 : 0) {}
        Value(double v) : kind(real), d(v) {}
    };

    void row(std::initializer_list<Value> values) {
        int k = 1;
        for (auto& v : values) {
            if (v.kind == Value::null) st_.bind(k, std::nullopt);
            else if (v.kind == Value::text) st_.bind(k, std::string_view(v.s));
            else if (v.kind == Value::integer) st_.bind(k, std::int64_t(v.i));
            else st_.bind(k, v.d);
            ++k;
        }
        st_.run();
    }

private:
    sqlite::Statement st_;
};

std::string join(const std::vector<std::string>& v, const char* sep = " ") {
    std::string out;
    for (auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}

const char* kSchema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE institutions(id TEXT PRIMARY KEY, abbr_lv TEXT, abbr_en TEXT, name_lv TEXT, name_en TEXT,
  website TEXT, basket INTEGER, agreement INTEGER) WITHOUT ROWID;
CREATE TABLE audiences(id TEXT PRIMARY KEY, title_lv TEXT, title_en TEXT) WITHOUT ROWID;
CREATE TABLE services(id TEXT PRIMARY KEY, institution TEXT, title_lv TEXT, title_en TEXT,
  summary_lv TEXT, summary_en TEXT, url_lv TEXT, url_en TEXT, eservice TEXT,
  contact_point INTEGER, remote_consultation INTEGER, popularity INTEGER) WITHOUT ROWID;
CREATE TABLE life_situations(id TEXT PRIMARY KEY, title_lv TEXT, title_en TEXT,
  summary_lv TEXT, summary_en TEXT, url_lv TEXT, url_en TEXT) WITHOUT ROWID;
CREATE TABLE situation_services(situation TEXT, step INTEGER, service TEXT,
  PRIMARY KEY(situation, step, service)) WITHOUT ROWID;
CREATE TABLE territories(id TEXT PRIMARY KEY, kind TEXT, name_lv TEXT, name_en TEXT, lat REAL, lon REAL) WITHOUT ROWID;
CREATE TABLE places(id TEXT PRIMARY KEY, name TEXT, territory TEXT, lat REAL, lon REAL) WITHOUT ROWID;
CREATE TABLE contact_points(id TEXT PRIMARY KEY, kind TEXT, name_lv TEXT, name_en TEXT,
  address_lv TEXT, address_en TEXT, territory TEXT, lat REAL, lon REAL, phone TEXT, email TEXT,
  hours TEXT, step_free INTEGER, url_lv TEXT, url_en TEXT, bus_stop TEXT, bus_stop_m REAL) WITHOUT ROWID;
CREATE TABLE contact_point_institutions(contact_point TEXT, institution TEXT,
  PRIMARY KEY(contact_point, institution)) WITHOUT ROWID;
CREATE TABLE contact_point_extra_services(contact_point TEXT, service TEXT,
  PRIMARY KEY(contact_point, service)) WITHOUT ROWID;
CREATE TABLE contact_point_remote(contact_point TEXT, institution TEXT,
  PRIMARY KEY(contact_point, institution)) WITHOUT ROWID;
CREATE TABLE holidays(date TEXT, kind TEXT, name_lv TEXT, name_en TEXT, PRIMARY KEY(date, kind)) WITHOUT ROWID;
CREATE TABLE consultations(id TEXT PRIMARY KEY, institution TEXT, title_lv TEXT, title_en TEXT,
  slot_minutes INTEGER, windows TEXT, seats INTEGER, notice_working_days INTEGER, horizon_days INTEGER,
  bring_lv TEXT, bring_en TEXT) WITHOUT ROWID;
CREATE TABLE consultation_topics(consultation TEXT, id TEXT, position INTEGER, title_lv TEXT, title_en TEXT,
  services TEXT, PRIMARY KEY(consultation, id)) WITHOUT ROWID;
CREATE TABLE ratings(about TEXT, target TEXT, count INTEGER, average REAL, PRIMARY KEY(about, target)) WITHOUT ROWID;
CREATE TABLE consultation_hosts(consultation TEXT, contact_point TEXT,
  PRIMARY KEY(consultation, contact_point)) WITHOUT ROWID;
)sql";

void write_entities(sqlite3* db, const Content& c, const BuildInfo& info) {
    {
        Insert ins(db, "INSERT INTO meta VALUES(?,?)");
        ins.row({"format", std::to_string(kFormatVersion)});
        ins.row({"content_version", info.content_version});
        ins.row({"generator", std::string("pietura ") + PIETURA_VERSION});
        ins.row({"sqlite_version", sqlite3_libversion()});
    }
    {
        Insert ins(db, "INSERT INTO institutions VALUES(?,?,?,?,?,?,?,?)");
        for (auto& i : c.institutions)
            ins.row({i.id, i.abbr.lv, i.abbr.en, i.name.lv, i.name.en, i.website, i.basket, i.agreement});
    }
    {
        Insert ins(db, "INSERT INTO audiences VALUES(?,?,?)");
        for (auto& a : c.audiences) ins.row({a.id, a.title.lv, a.title.en});
    }
    {
        Insert ins(db, "INSERT INTO services VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
        for (auto& s : c.services)
            ins.row({s.id, s.institution, s.title.lv, s.title.en, s.summary.lv, s.summary.en,
                     urls::url_for(Lang::lv, urls::Kind::service, s.id), urls::url_for(Lang::en, urls::Kind::service, s.id),
                     s.channels.eservice, s.channels.contact_point, s.channels.remote_consultation, s.popularity});
    }
    {
        Insert ins(db, "INSERT INTO life_situations VALUES(?,?,?,?,?,?,?)");
        Insert link(db, "INSERT OR IGNORE INTO situation_services VALUES(?,?,?)");
        for (auto& ls : c.life_situations) {
            ins.row({ls.id, ls.title.lv, ls.title.en, ls.summary.lv, ls.summary.en,
                     urls::url_for(Lang::lv, urls::Kind::situation, ls.id),
                     urls::url_for(Lang::en, urls::Kind::situation, ls.id)});
            for (size_t k = 0; k < ls.steps.size(); ++k)
                for (auto& s : ls.steps[k].services) link.row({ls.id, int(k + 1), s});
        }
    }
    {
        Insert ins(db, "INSERT INTO territories VALUES(?,?,?,?,?,?)");
        for (auto& t : c.territories) {
            auto centre = c.centre(t.id);
            ins.row({t.id, t.kind, t.name.lv, t.name.en, centre ? Insert::Value(centre->lat) : Insert::Value(),
                     centre ? Insert::Value(centre->lon) : Insert::Value()});
        }
    }
    {
        Insert ins(db, "INSERT INTO places VALUES(?,?,?,?,?)");
        for (auto& p : c.places) ins.row({p.id, p.name, p.territory, p.lat, p.lon});
    }
    {
        Insert ins(db, "INSERT INTO contact_points VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        // What a contact point accepts is stored as the rule, not its expansion: its
        // institutions' contact-point services plus extras. 600 points times thousands
        // of services would otherwise be millions of rows in every download.
        Insert inst(db, "INSERT INTO contact_point_institutions VALUES(?,?)");
        Insert extra(db, "INSERT INTO contact_point_extra_services VALUES(?,?)");
        Insert rem(db, "INSERT INTO contact_point_remote VALUES(?,?)");
        for (auto& cp : c.contact_points) {
            ins.row({cp.id, cp.kind, cp.name.lv, cp.name.en, cp.address.lv, cp.address.en, cp.territory, cp.lat,
                     cp.lon, cp.phone, cp.email, cp.hours, cp.step_free,
                     urls::url_for(Lang::lv, urls::Kind::contact_point, cp.id),
                     urls::url_for(Lang::en, urls::Kind::contact_point, cp.id),
                     cp.bus_stop_id.empty() ? Insert::Value() : Insert::Value(cp.bus_stop_name),
                     cp.bus_stop_id.empty() ? Insert::Value() : Insert::Value(cp.bus_stop_m)});
            for (auto& i : cp.institutions) inst.row({cp.id, i});
            for (auto& sv : cp.services) extra.row({cp.id, sv});
            for (auto& i : cp.remote_consultation) rem.row({cp.id, i});
        }
    }
    {
        // Lists travel one item per line in one column: the browser reads them whole,
        // and splitting lines needs no JSON parser in the wasm download.
        Insert ins(db, "INSERT INTO consultations VALUES(?,?,?,?,?,?,?,?,?,?,?)");
        Insert topic(db, "INSERT INTO consultation_topics VALUES(?,?,?,?,?,?)");
        Insert host(db, "INSERT INTO consultation_hosts VALUES(?,?)");
        for (auto& k : c.consultations) {
            ins.row({k.id, k.institution, k.title.lv, k.title.en, k.slot_minutes, k.windows, k.seats,
                     k.notice_working_days, k.horizon_days, join(k.bring.lv, "\n"), join(k.bring.en, "\n")});
            for (size_t t = 0; t < k.topics.size(); ++t)
                topic.row({k.id, k.topics[t].id, int(t + 1), k.topics[t].title.lv, k.topics[t].title.en,
                           join(k.topics[t].services, "\n")});
            for (auto& cp : k.contact_points) host.row({k.id, cp});
        }
    }
    {
        // Only what may be published: at least rating::kMinPublished ratings.
        Insert ins(db, "INSERT INTO ratings VALUES(?,?,?,?)");
        for (auto& [about, targets] : info.ratings)
            for (auto& [target, avg] : targets)
                if (avg.published()) ins.row({about, target, avg.count, avg.average});
    }
    {
        Insert ins(db, "INSERT INTO holidays VALUES(?,?,?,?)");
        for (auto& y : c.holidays) {
            for (auto& e : y.extra) ins.row({e.date, e.kind, e.name.lv, e.name.en});
            for (auto& e : y.transfers) ins.row({e.date, e.kind, e.name.lv, e.name.en});
        }
    }
}

// Search documents: what people type must find the thing they mean, so titles and
// everyday synonyms (including the institution's names) are kept apart from the body.
std::vector<search::Doc> search_docs(const Content& c) {
    std::vector<search::Doc> docs;
    for (Lang lang : {Lang::lv, Lang::en}) {
        for (auto& s : c.services) {
            const auto* inst = c.institution(s.institution);
            std::string kw = join(s.keywords[lang], ", ");
            if (inst) kw += ", " + inst->abbr[lang] + ", " + inst->name[lang] + ", " + join(inst->keywords[lang], ", ");
            docs.push_back(search::Doc{s.id, "service", lang, s.title[lang], kw, s.summary[lang] + "\n" + s.body[lang],
                                       s.summary[lang], urls::url_for(lang, urls::Kind::service, s.id),
                                       double(s.popularity)});
        }
        for (auto& ls : c.life_situations) {
            std::string body = ls.summary[lang];
            for (auto& st : ls.steps) body += "\n" + st.title[lang];
            docs.push_back(search::Doc{ls.id, "situation", lang, ls.title[lang], join(ls.keywords[lang], ", "), body,
                                       ls.summary[lang], urls::url_for(lang, urls::Kind::situation, ls.id), 50.0});
        }
        for (auto& cp : c.contact_points) {
            const auto* t = c.territory(cp.territory);
            std::string kw = t ? t->name[lang] : "";
            docs.push_back(search::Doc{cp.id, "contact-point", lang, cp.name[lang], kw, cp.address[lang],
                                       cp.address[lang], urls::url_for(lang, urls::Kind::contact_point, cp.id), 10.0});
        }
    }
    return docs;
}

}  // namespace

void write(const Content& c, const std::filesystem::path& file, const BuildInfo& info) {
    sqlite::Connection db = sqlite::Connection::memory();
    // Fixed page size and no auto-vacuum bookkeeping: part of being byte-identical.
    exec(db.get(), "PRAGMA page_size=4096; PRAGMA encoding='UTF-8'; BEGIN;");
    exec(db.get(), kSchema);
    write_entities(db.get(), c, info);
    search::build_index(db.get(), search_docs(c));
    exec(db.get(), "COMMIT;");
    std::error_code ec;
    std::filesystem::remove(file, ec);
    std::string tmp = file.string() + ".tmp";
    std::filesystem::remove(tmp, ec);
    sqlite::Statement(db.get(), "VACUUM INTO ?", "snapshot: writing " + file.string()).bind(1, tmp).run();
    // Rename last, so a reader never sees a half-written snapshot.
    std::filesystem::rename(tmp, file);
}

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

// The schema write() makes, read back from an empty snapshot built the same way.
const Shape& expected_shape() {
    static const Shape shape = [] {
        sqlite::Connection db = sqlite::Connection::memory();
        exec(db.get(), kSchema);
        exec(db.get(), search::index_schema());
        return shape_of(db.get());
    }();
    return shape;
}

void check_shape(const Shape& got) {
    for (auto& [name, want] : expected_shape()) {
        auto it = got.find(name);
        if (it == got.end()) throw std::runtime_error("table " + name + " is missing");
        const TableShape& t = it->second;
        if (t.is_virtual != want.is_virtual)
            throw std::runtime_error(name + " is " + (t.is_virtual ? "a virtual table" : "a plain table") +
                                     ", not " + (want.is_virtual ? "the search index" : "a plain table"));
        if (want.is_virtual) {
            // The index's options (tokenizer, external content) decide what FTS5 reads.
            if (t.sql != want.sql) throw std::runtime_error("the search index " + name + " is not the one Pietura writes");
            continue;
        }
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
        if (expected_shape().count(name)) continue;
        // Other plain tables (left by an older writer) are never read by the core.
        if (t.is_virtual) throw std::runtime_error("it has an unknown virtual table \"" + name + "\"");
        if (starts_with_ci(name, "sqlite_stat"))
            throw std::runtime_error("it has query planner statistics (" + name + "), which Pietura never writes");
    }
}

void check_format(sqlite3* db) {
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
    check_shape(got);
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
sqlite::Connection checked(sqlite::Connection db, const std::string& where) {
    try {
        lock_down(db.get());
        check_format(db.get());
    } catch (const std::exception& e) {
        throw std::runtime_error(kRejected + where + e.what());
    }
    return db;
}

}  // namespace

Catalogue Catalogue::open(const std::filesystem::path& file) {
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
    return Catalogue(checked(std::move(db), file.string() + ": ").release());
}

Catalogue Catalogue::from_bytes(const uint8_t* data, size_t size) {
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
    return Catalogue(checked(std::move(db), "").release());
}

Catalogue::Catalogue(sqlite3* db) : db_(db), points_(std::make_shared<detail::PointCache>()) {}

Catalogue::Catalogue(Catalogue&& o) noexcept : db_(o.db_), points_(std::move(o.points_)) { o.db_ = nullptr; }

Catalogue& Catalogue::operator=(Catalogue&& o) noexcept {
    if (this != &o) {
        sqlite3_close_v2(db_);
        db_ = o.db_;
        points_ = std::move(o.points_);
        o.db_ = nullptr;
    }
    return *this;
}

// close_v2: should a statement still be open somewhere, the memory goes with the
// last one instead of never.
Catalogue::~Catalogue() { sqlite3_close_v2(db_); }

std::vector<search::Hit> Catalogue::search(std::string_view query, Lang lang, int limit) const {
    return search::query(db_, query, lang, limit);
}

hours::Calendar Catalogue::calendar() const { return detail::load_calendar(db_); }

}  // namespace pietura::snapshot
