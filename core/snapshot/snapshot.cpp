#include "snapshot/snapshot.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>


#include "hours/hours.hpp"
#include "site/site.hpp"
#include "snapshot/detail.hpp"

namespace pietura::snapshot {

using detail::fail;

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

// A prepared statement that binds by position from a braced list of values.
class Insert {
public:
    Insert(sqlite3* db, const char* sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql, -1, &st_, nullptr) != SQLITE_OK) fail(db, "prepare");
    }
    ~Insert() { sqlite3_finalize(st_); }

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
            if (v.kind == Value::null) sqlite3_bind_null(st_, k);
            else if (v.kind == Value::text) sqlite3_bind_text(st_, k, v.s.c_str(), int(v.s.size()), SQLITE_TRANSIENT);
            else if (v.kind == Value::integer) sqlite3_bind_int64(st_, k, v.i);
            else sqlite3_bind_double(st_, k, v.d);
            ++k;
        }
        if (sqlite3_step(st_) != SQLITE_DONE) fail(db_, "insert");
        sqlite3_reset(st_);
        sqlite3_clear_bindings(st_);
    }

private:
    sqlite3* db_;
    sqlite3_stmt* st_ = nullptr;
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
                     site::url_for(Lang::lv, site::Kind::service, s.id), site::url_for(Lang::en, site::Kind::service, s.id),
                     s.channels.eservice, s.channels.contact_point, s.channels.remote_consultation, s.popularity});
    }
    {
        Insert ins(db, "INSERT INTO life_situations VALUES(?,?,?,?,?,?,?)");
        Insert link(db, "INSERT OR IGNORE INTO situation_services VALUES(?,?,?)");
        for (auto& ls : c.life_situations) {
            ins.row({ls.id, ls.title.lv, ls.title.en, ls.summary.lv, ls.summary.en,
                     site::url_for(Lang::lv, site::Kind::situation, ls.id),
                     site::url_for(Lang::en, site::Kind::situation, ls.id)});
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
                     site::url_for(Lang::lv, site::Kind::contact_point, cp.id),
                     site::url_for(Lang::en, site::Kind::contact_point, cp.id),
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
                                       s.summary[lang], site::url_for(lang, site::Kind::service, s.id),
                                       double(s.popularity)});
        }
        for (auto& ls : c.life_situations) {
            std::string body = ls.summary[lang];
            for (auto& st : ls.steps) body += "\n" + st.title[lang];
            docs.push_back(search::Doc{ls.id, "situation", lang, ls.title[lang], join(ls.keywords[lang], ", "), body,
                                       ls.summary[lang], site::url_for(lang, site::Kind::situation, ls.id), 50.0});
        }
        for (auto& cp : c.contact_points) {
            const auto* t = c.territory(cp.territory);
            std::string kw = t ? t->name[lang] : "";
            docs.push_back(search::Doc{cp.id, "contact-point", lang, cp.name[lang], kw, cp.address[lang],
                                       cp.address[lang], site::url_for(lang, site::Kind::contact_point, cp.id), 10.0});
        }
    }
    return docs;
}

}  // namespace

void write(const Content& c, const std::filesystem::path& file, const BuildInfo& info) {
    sqlite3* db = nullptr;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) fail(db, "open");
    try {
        // Fixed page size and no auto-vacuum bookkeeping: part of being byte-identical.
        exec(db, "PRAGMA page_size=4096; PRAGMA encoding='UTF-8'; BEGIN;");
        exec(db, kSchema);
        write_entities(db, c, info);
        search::build_index(db, search_docs(c));
        exec(db, "COMMIT;");
        std::error_code ec;
        std::filesystem::remove(file, ec);
        std::string tmp = file.string() + ".tmp";
        std::filesystem::remove(tmp, ec);
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, "VACUUM INTO ?", -1, &st, nullptr) != SQLITE_OK) fail(db, "vacuum");
        sqlite3_bind_text(st, 1, tmp.c_str(), -1, SQLITE_TRANSIENT);
        int rc = sqlite3_step(st);
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE) fail(db, "writing " + file.string());
        // Rename last, so a reader never sees a half-written snapshot.
        std::filesystem::rename(tmp, file);
    } catch (...) {
        sqlite3_close(db);
        throw;
    }
    sqlite3_close(db);
}

void Catalogue::check_format(sqlite3* db) {
    sqlite3_stmt* st = nullptr;
    std::string fmt;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key='format'", -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        fmt = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    if (fmt.empty()) {
        sqlite3_close(db);
        throw std::runtime_error("not a Pietura snapshot (no meta table)");
    }
    if (fmt != std::to_string(kFormatVersion)) {
        sqlite3_close(db);
        throw std::runtime_error("snapshot format " + fmt + " is not supported (expected " +
                                 std::to_string(kFormatVersion) + ")");
    }
}

Catalogue Catalogue::open(const std::filesystem::path& file) {
    if (!std::filesystem::exists(file)) throw std::runtime_error("snapshot not found: " + file.string());
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(file.string().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        std::string m = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        throw std::runtime_error("cannot open snapshot " + file.string() + ": " + m);
    }
    check_format(db);
    return Catalogue(db);
}

Catalogue Catalogue::from_bytes(const uint8_t* data, size_t size) {
    static const char kMagic[] = "SQLite format 3";
    if (size < 512 || std::memcmp(data, kMagic, sizeof kMagic) != 0)
        throw std::runtime_error("not a SQLite database (" + std::to_string(size) + " bytes)");
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        throw std::runtime_error("cannot open an in-memory database");
    }
    auto* copy = static_cast<unsigned char*>(sqlite3_malloc64(size));
    if (!copy) {
        sqlite3_close(db);
        throw std::runtime_error("out of memory for the snapshot");
    }
    std::memcpy(copy, data, size);
    int rc = sqlite3_deserialize(db, "main", copy, sqlite3_int64(size), sqlite3_int64(size),
                                 SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY);
    if (rc != SQLITE_OK) {
        sqlite3_close(db);
        throw std::runtime_error("cannot load the snapshot");
    }
    check_format(db);  // also catches truncated files: reading meta fails on them
    return Catalogue(db);
}

Catalogue::Catalogue(sqlite3* db) : db_(db), points_(std::make_shared<detail::PointCache>()) {}

Catalogue::Catalogue(Catalogue&& o) noexcept : db_(o.db_), points_(std::move(o.points_)) { o.db_ = nullptr; }

Catalogue& Catalogue::operator=(Catalogue&& o) noexcept {
    if (this != &o) {
        sqlite3_close(db_);
        db_ = o.db_;
        points_ = std::move(o.points_);
        o.db_ = nullptr;
    }
    return *this;
}

Catalogue::~Catalogue() { sqlite3_close(db_); }

std::vector<search::Hit> Catalogue::search(std::string_view query, Lang lang, int limit) const {
    return search::query(db_, query, lang, limit);
}

hours::Calendar Catalogue::calendar() const { return load_calendar(db_); }

std::string Catalogue::meta(const std::string& key) const {
    sqlite3_stmt* st = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db_, "SELECT value FROM meta WHERE key=?", -1, &st, nullptr) != SQLITE_OK) return out;
    sqlite3_bind_text(st, 1, key.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return out;
}

namespace {
// Entity tables a caller may name; anything else never reaches SQL text.
void check_entity_table(const std::string& table) {
    static const char* allowed[] = {"institutions", "audiences", "services", "life_situations",
                                    "territories", "places", "contact_points", "holidays",
                                    "consultations", "consultation_topics", "consultation_hosts", "ratings"};
    for (auto* a : allowed)
        if (table == a) return;
    throw std::invalid_argument("unknown table " + table);
}
}  // namespace

std::vector<std::pair<std::string, std::string>> Catalogue::row(const std::string& table, const std::string& id) const {
    check_entity_table(table);
    std::vector<std::pair<std::string, std::string>> out;
    // Tables keyed by something else than "id" have no single-row lookup here.
    sqlite3_stmt* st = nullptr;
    std::string sql = "SELECT * FROM " + table + " WHERE id=?";
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
        sqlite3_finalize(st);
        return out;
    }
    sqlite3_bind_text(st, 1, id.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW)
        for (int k = 0; k < sqlite3_column_count(st); ++k) {
            auto* v = sqlite3_column_text(st, k);
            out.emplace_back(sqlite3_column_name(st, k), v ? reinterpret_cast<const char*>(v) : "");
        }
    sqlite3_finalize(st);
    return out;
}

int Catalogue::count(const std::string& table) const {
    check_entity_table(table);
    sqlite3_stmt* st = nullptr;
    int n = -1;
    std::string sql = "SELECT count(*) FROM " + table;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

}  // namespace pietura::snapshot
