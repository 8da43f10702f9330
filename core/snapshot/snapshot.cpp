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
CREATE TABLE holidays(date TEXT, kind TEXT, name_lv TEXT, name_en TEXT, replaces TEXT, PRIMARY KEY(date, kind)) WITHOUT ROWID;
CREATE TABLE consultations(id TEXT PRIMARY KEY, institution TEXT, title_lv TEXT, title_en TEXT,
  slot_minutes INTEGER, windows TEXT, seats INTEGER, notice_working_days INTEGER, horizon_days INTEGER,
  bring_lv TEXT, bring_en TEXT) WITHOUT ROWID;
CREATE TABLE consultation_topics(consultation TEXT, id TEXT, position INTEGER, title_lv TEXT, title_en TEXT,
  services TEXT, PRIMARY KEY(consultation, id)) WITHOUT ROWID;
CREATE TABLE ratings(about TEXT, target TEXT, count INTEGER, average REAL, PRIMARY KEY(about, target)) WITHOUT ROWID;
CREATE TABLE consultation_hosts(consultation TEXT, contact_point TEXT,
  PRIMARY KEY(consultation, contact_point)) WITHOUT ROWID;
)sql";

// A search shard: the meta table, then search/'s own index (index_schema()).
const char* kShardSchema = "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;";

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
        // `replaces`: the weekday whose hours a working Saturday keeps (issue 14);
        // without it the browser and the booking read that Saturday as closed.
        Insert ins(db, "INSERT INTO holidays VALUES(?,?,?,?,?)");
        for (auto& y : c.holidays) {
            // The festival's closing day: its names and the day off after it are the law's (core/hours).
            if (!y.song_festival_closing.empty())
                ins.row({y.song_festival_closing, "song-festival", "", "", Insert::Value()});
            for (auto& e : y.extra) ins.row({e.date, e.kind, e.name.lv, e.name.en, Insert::Value()});
            for (auto& e : y.transfers)
                ins.row({e.date, e.kind, e.name.lv, e.name.en,
                         e.replaces.empty() ? Insert::Value() : Insert::Value(e.replaces)});
        }
    }
}

}  // namespace

namespace detail {

const char* entity_schema() { return kSchema; }
const char* shard_schema() { return kShardSchema; }

// Search documents: what people type must find the thing they mean, so titles and
// everyday synonyms (including the institution's names) are kept apart from the body.
std::vector<search::Doc> search_docs(const content::Content& c) {
    std::vector<search::Doc> docs;
    for (Lang lang : {Lang::lv, Lang::en}) {
        for (auto& s : c.services) {
            const auto* inst = c.institution(s.institution);
            std::string shared;  // the institution's names: every service of it has them
            if (inst) shared = inst->abbr[lang] + ", " + inst->name[lang] + ", " + join(inst->keywords[lang], ", ");
            docs.push_back(search::Doc{s.id, "service", lang, s.title[lang], join(s.keywords[lang], ", "),
                                       s.summary[lang] + "\n" + s.body[lang], s.summary[lang],
                                       urls::url_for(lang, urls::Kind::service, s.id), double(s.popularity), shared});
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

}  // namespace detail

namespace {

// VACUUM INTO a temporary name, then rename: a reader never sees a half-written file,
// and the copy has no free pages.
void save(sqlite3* db, const std::filesystem::path& file) {
    std::error_code ec;
    std::filesystem::remove(file, ec);
    std::string tmp = file.string() + ".tmp";
    std::filesystem::remove(tmp, ec);
    sqlite::Statement(db, "VACUUM INTO ?", "snapshot: writing " + file.string()).bind(1, tmp).run();
    std::filesystem::rename(tmp, file);
}

}  // namespace

void write(const Content& c, const std::filesystem::path& file, const BuildInfo& info) {
    sqlite::Connection db = sqlite::Connection::memory();
    // Fixed page size and no auto-vacuum bookkeeping: part of being byte-identical.
    exec(db.get(), "PRAGMA page_size=4096; PRAGMA encoding='UTF-8'; BEGIN;");
    exec(db.get(), kSchema);
    write_entities(db.get(), c, info);
    search::build_index(db.get(), detail::search_docs(c));
    exec(db.get(), "COMMIT;");
    save(db.get(), file);
}

void write_search_shard(const Content& c, const std::filesystem::path& file, Lang lang, const BuildInfo& info) {
    sqlite::Connection db = sqlite::Connection::memory();
    exec(db.get(), "PRAGMA page_size=4096; PRAGMA encoding='UTF-8'; BEGIN;");
    exec(db.get(), kShardSchema);
    {
        Insert ins(db.get(), "INSERT INTO meta VALUES(?,?)");
        ins.row({"format", std::to_string(kFormatVersion)});
        ins.row({"shard", std::string(code(lang))});
        ins.row({"content_version", info.content_version});
        ins.row({"generator", std::string("pietura ") + PIETURA_VERSION});
    }
    // The same documents the snapshot indexes, this language's only: build_index()
    // numbers and ranks each language on its own, so the hits are the snapshot's.
    std::vector<search::Doc> docs = detail::search_docs(c);
    docs.erase(std::remove_if(docs.begin(), docs.end(), [&](const search::Doc& d) { return d.lang != lang; }),
               docs.end());
    search::build_index(db.get(), docs);
    exec(db.get(), "COMMIT;");
    save(db.get(), file);
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
