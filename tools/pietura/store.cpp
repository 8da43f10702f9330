// The SQLite store behind `pietura serve`'s API: bookings, idempotency keys, ratings.
#include "store.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <ctime>
#include <fstream>
#include <iostream>
#include <random>
#include <stdexcept>

#include "snapshot/sha256.hpp"

namespace pietura::cli {

namespace {

const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS bookings(
  reference TEXT PRIMARY KEY, token_sha256 TEXT NOT NULL,
  institution TEXT NOT NULL, topic TEXT NOT NULL, contact_point TEXT NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  name TEXT NOT NULL, phone TEXT NOT NULL, email TEXT NOT NULL, lang TEXT NOT NULL,
  note TEXT NOT NULL, accessibility TEXT NOT NULL,
  created INTEGER NOT NULL, cancelled INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS bookings_slot ON bookings(institution, start) WHERE cancelled = 0;
CREATE TABLE IF NOT EXISTS idempotency(
  key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, status INTEGER NOT NULL, body TEXT NOT NULL,
  created INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS ratings(
  id INTEGER PRIMARY KEY, about TEXT NOT NULL, target TEXT NOT NULL, score INTEGER NOT NULL,
  comment TEXT NOT NULL, lang TEXT NOT NULL, created INTEGER NOT NULL);
)sql";

// One line on stderr per outage, not one per refused request: set when logged,
// cleared by the next write that succeeds.
std::atomic<bool> g_unavailable_logged{false};

[[noreturn]] void unavailable(int primary) {
    const char* why = primary == SQLITE_FULL
                          ? "data store full: bookings and ratings are refused until space is freed"
                          : "data store I/O error: bookings and ratings are refused until the disk is checked";
    if (!g_unavailable_logged.exchange(true)) std::cerr << "pietura store: " << why << std::endl;
    throw StoreUnavailable(why);
}

[[noreturn]] void fail(sqlite3* db, int rc, const std::string& what) {
    int primary = rc & 0xff;
    if (primary == SQLITE_FULL || primary == SQLITE_IOERR) unavailable(primary);
    throw std::runtime_error("store: " + what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

void exec(sqlite3* db, const char* sql) {
    char* msg = nullptr;
    int rc = sqlite3_exec(db, sql, nullptr, nullptr, &msg);
    if (rc != SQLITE_OK) {
        std::string m = msg ? msg : "";
        sqlite3_free(msg);
        int primary = rc & 0xff;
        if (primary == SQLITE_FULL || primary == SQLITE_IOERR) unavailable(primary);
        throw std::runtime_error("store: " + m);
    }
}

// A prepared statement with typed binds. It is reset the moment its last row has
// been read (row() returning false, run(), or reset() after a single row), and
// finalized on destruction: an unreset statement keeps a read transaction open
// through COMMIT, and then no checkpoint can ever run.
class Stmt {
public:
    Stmt(sqlite3* db, const char* sql) : db_(db) {
        int rc = sqlite3_prepare_v2(db, sql, -1, &st_, nullptr);
        if (rc != SQLITE_OK) fail(db, rc, "prepare");
    }
    ~Stmt() { sqlite3_finalize(st_); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    Stmt& text(int k, const std::string& v) {
        sqlite3_bind_text(st_, k, v.data(), int(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Stmt& integer(int k, std::int64_t v) {
        sqlite3_bind_int64(st_, k, v);
        return *this;
    }
    bool row() {
        int rc = sqlite3_step(st_);
        if (rc == SQLITE_ROW) return true;
        sqlite3_reset(st_);
        if (rc != SQLITE_DONE) fail(db_, rc, "step");
        return false;
    }
    void run() {
        while (row()) {
        }
    }
    // Done with a statement read for one row only: its read ends here.
    void reset() { sqlite3_reset(st_); }
    std::string col(int k) const {
        auto* p = sqlite3_column_text(st_, k);
        return p ? std::string(reinterpret_cast<const char*>(p), size_t(sqlite3_column_bytes(st_, k))) : "";
    }
    std::int64_t num(int k) const { return sqlite3_column_int64(st_, k); }
    double real(int k) const { return sqlite3_column_double(st_, k); }

private:
    sqlite3* db_;
    sqlite3_stmt* st_ = nullptr;
};

// Rolls back unless committed, so an exception never leaves a transaction open.
class Tx {
public:
    explicit Tx(sqlite3* db) : db_(db) { exec(db, "BEGIN IMMEDIATE"); }
    void commit() {
        exec(db_, "COMMIT");
        done_ = true;
    }
    ~Tx() {
        // After SQLITE_FULL SQLite may have rolled back already; then this is a no-op.
        if (!done_ && !sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    }

private:
    sqlite3* db_;
    bool done_ = false;
};

// Crockford base32 without look-alikes: read aloud on the phone without mistakes.
std::string new_reference() {
    static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    std::string hex = random_hex(5);
    std::uint64_t v = std::stoull(hex, nullptr, 16);
    std::string out = "PT-";
    for (int k = 0; k < 8; ++k) {
        if (k == 4) out += '-';
        out += alphabet[v & 31];
        v >>= 5;
    }
    return out;
}

StoredBooking read_booking(const Stmt& q) {
    StoredBooking b;
    b.reference = q.col(0);
    b.institution = q.col(1);
    b.topic = q.col(2);
    b.contact_point = q.col(3);
    b.start = q.num(4);
    b.end = q.num(5);
    b.name = q.col(6);
    b.phone = q.col(7);
    b.email = q.col(8);
    b.lang = q.col(9);
    b.note = q.col(10);
    b.accessibility = q.col(11);
    b.created = q.num(12);
    b.cancelled = q.num(13) != 0;
    return b;
}

const char* kBookingColumns =
    "SELECT reference, institution, topic, contact_point, start, \"end\", name, phone, email, lang, note, "
    "accessibility, created, cancelled FROM bookings ";

}  // namespace

std::string random_hex(int bytes) {
    std::ifstream in("/dev/urandom", std::ios::binary);
    std::string raw(size_t(bytes), '\0');
    if (!in.read(raw.data(), bytes)) {
        std::random_device rd;
        for (auto& c : raw) c = char(rd());
    }
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : raw) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

std::shared_ptr<Store> Store::open(const std::filesystem::path& dir) { return open(dir, StoreOptions{}); }

std::shared_ptr<Store> Store::open(const std::filesystem::path& dir, const StoreOptions& options) {
    std::filesystem::create_directories(dir);
    sqlite3* db = nullptr;
    std::string file = (dir / "pietura-data.sqlite").string();
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr) !=
        SQLITE_OK) {
        std::string m = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        throw std::runtime_error("cannot open " + file + ": " + m);
    }
    std::shared_ptr<Store> s(new Store(db));
    s->wal_path_ = file + "-wal";
    sqlite3_busy_timeout(db, 5000);
    // Auto-checkpoint every 1000 pages (SQLite's default, said here because the
    // WAL bound depends on it) and trim the WAL file back to 4 MB after one.
    exec(db,
         "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
         "PRAGMA wal_autocheckpoint=1000; PRAGMA journal_size_limit=4194304;");
    exec(db, kSchema);
    if (options.max_bytes > 0) {
        Stmt ps(db, "PRAGMA page_size");
        std::int64_t page = ps.row() ? ps.num(0) : 4096;
        ps.reset();
        std::int64_t pages = std::max<std::int64_t>(1, options.max_bytes / std::max<std::int64_t>(page, 512));
        exec(db, ("PRAGMA max_page_count=" + std::to_string(pages)).c_str());  // a number: nothing to inject
    }
    // Idempotency keys answer retries from an outbox; a week covers any realistic one.
    try {
        Stmt purge(db, "DELETE FROM idempotency WHERE created < ?1");
        purge.integer(1, std::int64_t(std::time(nullptr)) - 7 * 86400).run();
    } catch (const StoreUnavailable&) {
        // Logged; a full disk must not keep the server from answering reads.
    }
    return s;
}

Store::~Store() { sqlite3_close(db_); }

booking::Taken Store::taken(const std::string& institution) {
    std::lock_guard<std::mutex> lock(mu_);
    Stmt q(db_, "SELECT start, count(*) FROM bookings WHERE institution = ?1 AND cancelled = 0 GROUP BY start");
    q.text(1, institution);
    booking::Taken out;
    while (q.row()) out[q.num(0)] = int(q.num(1));
    return out;
}

std::optional<Answer> Store::replay(const std::string& key, const std::string& fingerprint) {
    std::lock_guard<std::mutex> lock(mu_);
    return replay_locked(key, fingerprint);
}

std::optional<Answer> Store::replay_locked(const std::string& key, const std::string& fingerprint) {
    if (key.empty()) return std::nullopt;
    Stmt q(db_, "SELECT fingerprint, status, body FROM idempotency WHERE key = ?1");
    q.text(1, key);
    if (!q.row()) return std::nullopt;
    std::string stored = q.col(0), body = q.col(2);
    int status = int(q.num(1));
    q.reset();
    if (stored != fingerprint)
        return Answer{422, R"({"error":"this Idempotency-Key was already used for a different request"})"};
    return Answer{status, body};
}

// A reader in another process (an export) can hold back the auto-checkpoint;
// once the WAL passes the limit, try to fold it in and truncate it, without
// waiting for readers (the next write tries again).
void Store::bound_wal() {
    g_unavailable_logged = false;  // a write went through: the next outage is news again
    std::error_code ec;
    auto size = std::filesystem::file_size(wal_path_, ec);
    if (ec || std::int64_t(size) <= kWalLimitBytes) return;
    sqlite3_busy_timeout(db_, 0);
    sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    sqlite3_busy_timeout(db_, 5000);
}

void Store::remember(const std::string& key, const std::string& fingerprint, const Answer& a, std::int64_t now) {
    if (key.empty()) return;
    Stmt ins(db_, "INSERT INTO idempotency(key, fingerprint, status, body, created) VALUES(?1, ?2, ?3, ?4, ?5)");
    ins.text(1, key).text(2, fingerprint).integer(3, a.status).text(4, a.body).integer(5, now).run();
}

Answer Store::book(const std::string& key, const std::string& fingerprint, const booking::Request& r, std::int64_t end,
                   int seats, std::int64_t now,
                   const std::function<std::string(const StoredBooking&, const std::string&)>& created,
                   const std::string& full) {
    std::lock_guard<std::mutex> lock(mu_);
    Tx tx(db_);
    if (auto a = replay_locked(key, fingerprint)) return *a;
    Stmt count(db_, "SELECT count(*) FROM bookings WHERE institution = ?1 AND start = ?2 AND cancelled = 0");
    count.text(1, r.institution).integer(2, r.start);
    std::int64_t booked = count.row() ? count.num(0) : 0;
    count.reset();
    Answer answer;
    if (booked >= seats) {
        answer = Answer{409, full};
    } else {
        StoredBooking b{"", r.institution, r.topic, r.contact_point, r.start, end, now,
                        r.name, r.phone, r.email, r.lang, r.note, r.accessibility, false};
        std::string token = random_hex(16);
        for (int attempt = 0;; ++attempt) {
            b.reference = new_reference();
            Stmt exists(db_, "SELECT 1 FROM bookings WHERE reference = ?1");
            exists.text(1, b.reference);
            bool clash = exists.row();
            exists.reset();
            if (!clash || attempt > 8) break;
        }
        Stmt ins(db_,
                 "INSERT INTO bookings(reference, token_sha256, institution, topic, contact_point, start, \"end\", name, "
                 "phone, email, lang, note, accessibility, created) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)");
        ins.text(1, b.reference).text(2, snapshot::sha256_hex(token)).text(3, b.institution).text(4, b.topic);
        ins.text(5, b.contact_point).integer(6, b.start).integer(7, b.end).text(8, b.name).text(9, b.phone);
        ins.text(10, b.email).text(11, b.lang).text(12, b.note).text(13, b.accessibility).integer(14, now).run();
        answer = Answer{201, created(b, token)};
    }
    remember(key, fingerprint, answer, now);
    tx.commit();  // synchronous=FULL: on disk when this returns
    bound_wal();
    return answer;
}

std::optional<StoredBooking> Store::get(const std::string& reference, const std::string& token) {
    std::lock_guard<std::mutex> lock(mu_);
    Stmt q(db_, (std::string(kBookingColumns) + "WHERE reference = ?1 AND token_sha256 = ?2").c_str());
    q.text(1, reference).text(2, snapshot::sha256_hex(token));
    if (!q.row()) return std::nullopt;
    StoredBooking b = read_booking(q);
    q.reset();
    return b;
}

Store::Cancel Store::cancel(const std::string& reference, const std::string& token) {
    std::lock_guard<std::mutex> lock(mu_);
    Stmt q(db_, "UPDATE bookings SET cancelled = 1 WHERE reference = ?1 AND token_sha256 = ?2");
    q.text(1, reference).text(2, snapshot::sha256_hex(token)).run();
    bool done = sqlite3_changes(db_) > 0;
    bound_wal();
    return done ? Cancel::done : Cancel::not_found;
}

Answer Store::rate(const std::string& key, const std::string& fingerprint, const rating::Rating& r, std::int64_t now) {
    std::lock_guard<std::mutex> lock(mu_);
    Tx tx(db_);
    if (auto a = replay_locked(key, fingerprint)) return *a;
    Stmt ins(db_, "INSERT INTO ratings(about, target, score, comment, lang, created) VALUES(?1,?2,?3,?4,?5,?6)");
    ins.text(1, r.about).text(2, r.target).integer(3, r.score).text(4, r.comment).text(5, r.lang).integer(6, now).run();
    Answer a{201, R"({"status":"accepted"})"};
    remember(key, fingerprint, a, now);
    tx.commit();
    bound_wal();
    return a;
}

rating::Summary Store::summary() {
    std::lock_guard<std::mutex> lock(mu_);
    Stmt q(db_, "SELECT about, target, count(*), avg(score) FROM ratings GROUP BY about, target ORDER BY about, target");
    rating::Summary out;
    while (q.row()) out[q.col(0)][q.col(1)] = rating::Average{int(q.num(2)), q.real(3)};
    return out;
}

void Store::export_bookings(const std::function<void(const StoredBooking&)>& each) {
    std::lock_guard<std::mutex> lock(mu_);
    Stmt q(db_, (std::string(kBookingColumns) + "ORDER BY start, reference").c_str());
    while (q.row()) each(read_booking(q));
}

void Store::export_ratings(const std::function<void(const rating::Rating&, std::int64_t)>& each) {
    std::lock_guard<std::mutex> lock(mu_);
    Stmt q(db_, "SELECT about, target, score, comment, lang, created FROM ratings ORDER BY id");
    while (q.row()) each(rating::Rating{q.col(0), q.col(1), int(q.num(2)), q.col(3), q.col(4)}, q.num(5));
}

}  // namespace pietura::cli
