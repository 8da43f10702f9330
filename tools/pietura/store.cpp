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
#include <string_view>

#include "booking/booking.hpp"
#include "sha256.hpp"
#include "sqlite/statement.hpp"

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
CREATE TABLE IF NOT EXISTS page_feedback(
  id INTEGER PRIMARY KEY, page TEXT NOT NULL, found INTEGER NOT NULL, missing TEXT NOT NULL DEFAULT '',
  lang TEXT NOT NULL, followup_sha256 TEXT, created INTEGER NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS page_feedback_followup ON page_feedback(followup_sha256);
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

// The core's statement (sqlite/statement.hpp), used with the store's two rules: a
// statement is reset the moment its last row has been read (row() returning false,
// run(), or reset() after a single row), because an unreset statement keeps a read
// transaction open through COMMIT and then no checkpoint can ever run; and a full or
// failing disk is StoreUnavailable (logged once), so the server answers 503, not 500.
using sqlite::Statement;

void disk_failure(sqlite3* db) {
    int primary = sqlite3_errcode(db) & 0xff;
    if (primary == SQLITE_FULL || primary == SQLITE_IOERR) unavailable(primary);
}

Statement prepare(sqlite3* db, std::string_view sql) {
    try {
        return Statement(db, sql, "store");
    } catch (const std::runtime_error&) {
        disk_failure(db);
        throw;
    }
}

bool row(Statement& q, sqlite3* db) {
    bool more = false;
    try {
        more = q.step();
    } catch (const std::runtime_error&) {
        disk_failure(db);  // before anything else touches the connection's error code
        throw;
    }
    if (!more) q.reset();
    return more;
}

void run(Statement& q, sqlite3* db) {
    while (row(q, db)) {
    }
}

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

// The booking columns as read_booking() reads them: the fixed ones, then the request's
// text fields (booking::kRequestTextFields: their names are the columns' names).
constexpr int kFixedColumns = 5;

std::string booking_columns() {
    std::string cols = "reference, start, \"end\", created, cancelled";
    for (auto& f : booking::kRequestTextFields) cols.append(", ").append(f.name);
    return cols;
}

StoredBooking read_booking(const Statement& q) {
    StoredBooking b;
    b.reference = q.text(0);
    b.start = q.integer(1);
    b.end = q.integer(2);
    b.created = q.integer(3);
    b.cancelled = q.integer(4) != 0;
    int col = kFixedColumns;
    for (auto& f : booking::kRequestTextFields) b.*f.member = q.text(col++);
    return b;
}

std::string select_bookings(const std::string& rest) { return "SELECT " + booking_columns() + " FROM bookings " + rest; }

std::string insert_booking() {
    std::string sql = "INSERT INTO bookings(token_sha256, " + booking_columns() + ") VALUES(?1";
    for (size_t k = 2; k <= 1 + kFixedColumns + booking::kRequestTextFields.size(); ++k) sql += ", ?" + std::to_string(k);
    return sql + ")";
}

// The body of every 201 a rating or a page feedback gets.
const char* kAccepted = R"({"status":"accepted"})";

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
    s->migrate();
    if (options.max_bytes > 0) {
        auto ps = prepare(db, "PRAGMA page_size");
        std::int64_t page = row(ps, db) ? ps.integer(0) : 4096;
        ps.reset();
        std::int64_t pages = std::max<std::int64_t>(1, options.max_bytes / std::max<std::int64_t>(page, 512));
        exec(db, ("PRAGMA max_page_count=" + std::to_string(pages)).c_str());  // a number: nothing to inject
    }
    // Idempotency keys answer retries from an outbox; a week covers any realistic one.
    try {
        auto purge = prepare(db, "DELETE FROM idempotency WHERE created < ?1");
        purge.bind(1, std::int64_t(std::time(nullptr)) - 7 * 86400);
        run(purge, db);
    } catch (const StoreUnavailable&) {
        // Logged; a full disk must not keep the server from answering reads.
    }
    return s;
}

Store::~Store() { sqlite3_close(db_); }

// Issue 15: ratings moved from 1–5 to the national monitoring's 1–10. A store made
// before that gets a `scale` column whose default marks every old record as 1–5, so
// they stay readable (and exported) but never enter a 10-point average.
void Store::migrate() {
    auto cols = prepare(db_, "SELECT count(*) FROM pragma_table_info('ratings') WHERE name = 'scale'");
    bool has = row(cols, db_) && cols.integer(0) > 0;
    cols.reset();
    if (!has)
        exec(db_, ("ALTER TABLE ratings ADD COLUMN scale INTEGER NOT NULL DEFAULT " + std::to_string(rating::kOldScale)).c_str());
    // The consultation's own rating token and whether it has been used (issue 15).
    auto tok = prepare(db_, "SELECT count(*) FROM pragma_table_info('bookings') WHERE name = 'rating_token'");
    bool has_token = row(tok, db_) && tok.integer(0) > 0;
    tok.reset();
    if (!has_token)
        exec(db_, "ALTER TABLE bookings ADD COLUMN rating_token TEXT; "
                  "ALTER TABLE bookings ADD COLUMN rated INTEGER NOT NULL DEFAULT 0;");
    exec(db_, "CREATE UNIQUE INDEX IF NOT EXISTS bookings_rating_token ON bookings(rating_token)");
}

booking::Taken Store::taken(const std::string& institution) {
    std::lock_guard<std::mutex> lock(mu_);
    auto q = prepare(db_, "SELECT start, count(*) FROM bookings WHERE institution = ?1 AND cancelled = 0 GROUP BY start");
    q.bind(1, institution);
    booking::Taken out;
    while (row(q, db_)) out[q.integer(0)] = int(q.integer(1));
    return out;
}

std::optional<Answer> Store::replay(const std::string& key, const std::string& fingerprint) {
    std::lock_guard<std::mutex> lock(mu_);
    return replay_locked(key, fingerprint);
}

std::optional<Answer> Store::replay_locked(const std::string& key, const std::string& fingerprint) {
    if (key.empty()) return std::nullopt;
    auto q = prepare(db_, "SELECT fingerprint, status, body FROM idempotency WHERE key = ?1");
    q.bind(1, key);
    if (!row(q, db_)) return std::nullopt;
    std::string stored = q.text(0), body = q.text(2);
    int status = int(q.integer(1));
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
    auto ins = prepare(db_, "INSERT INTO idempotency(key, fingerprint, status, body, created) VALUES(?1, ?2, ?3, ?4, ?5)");
    ins.bind(1, key).bind(2, fingerprint).bind(3, a.status).bind(4, a.body).bind(5, now);
    run(ins, db_);
}

// Every write that answers a request once: under the lock, in one BEGIN IMMEDIATE
// transaction, the stored answer of a key seen before (nothing written), else the write
// and its answer kept under the key, committed together — a retry can never write twice,
// and a crash between them loses both. synchronous=FULL: on disk when this returns.
Answer Store::answer_once(const std::string& key, const std::string& fingerprint, std::int64_t now,
                          const std::function<Answer()>& write) {
    std::lock_guard<std::mutex> lock(mu_);
    Tx tx(db_);
    if (auto a = replay_locked(key, fingerprint)) return *a;
    Answer answer = write();
    remember(key, fingerprint, answer, now);
    tx.commit();
    bound_wal();
    return answer;
}

Answer Store::book(const std::string& key, const std::string& fingerprint, const booking::Request& r, std::int64_t end,
                   int seats, std::int64_t now,
                   const std::function<std::string(const StoredBooking&, const std::string&)>& created,
                   const std::string& full) {
    return answer_once(key, fingerprint, now, [&]() -> Answer {
        auto count = prepare(db_, "SELECT count(*) FROM bookings WHERE institution = ?1 AND start = ?2 AND cancelled = 0");
        count.bind(1, r.institution).bind(2, r.start);
        std::int64_t booked = row(count, db_) ? count.integer(0) : 0;
        count.reset();
        if (booked >= seats) return Answer{409, full};
        StoredBooking b;
        static_cast<booking::Request&>(b) = r;
        b.end = end;
        b.created = now;
        std::string token = random_hex(16);
        for (int attempt = 0;; ++attempt) {
            b.reference = new_reference();
            auto exists = prepare(db_, "SELECT 1 FROM bookings WHERE reference = ?1");
            exists.bind(1, b.reference);
            bool clash = row(exists, db_);
            exists.reset();
            if (!clash || attempt > 8) break;
        }
        auto ins = prepare(db_, insert_booking());
        ins.bind(1, digest::sha256_hex(token)).bind(2, b.reference).bind(3, b.start).bind(4, b.end).bind(5, now).bind(6, 0);
        int k = 2 + kFixedColumns;
        for (auto& f : booking::kRequestTextFields) ins.bind(k++, b.*f.member);
        run(ins, db_);
        auto rt = prepare(db_, "UPDATE bookings SET rating_token = ?1 WHERE reference = ?2");
        rt.bind(1, random_hex(16)).bind(2, b.reference);
        run(rt, db_);
        return Answer{201, created(b, token)};
    });
}

std::optional<StoredBooking> Store::get(const std::string& reference, const std::string& token) {
    std::lock_guard<std::mutex> lock(mu_);
    auto q = prepare(db_, select_bookings("WHERE reference = ?1 AND token_sha256 = ?2"));
    q.bind(1, reference).bind(2, digest::sha256_hex(token));
    if (!row(q, db_)) return std::nullopt;
    StoredBooking b = read_booking(q);
    q.reset();
    return b;
}

Store::Cancel Store::cancel(const std::string& reference, const std::string& token) {
    std::lock_guard<std::mutex> lock(mu_);
    auto q = prepare(db_, "UPDATE bookings SET cancelled = 1 WHERE reference = ?1 AND token_sha256 = ?2");
    q.bind(1, reference).bind(2, digest::sha256_hex(token));
    run(q, db_);
    bool done = sqlite3_changes(db_) > 0;
    bound_wal();
    return done ? Cancel::done : Cancel::not_found;
}

Answer Store::rate(const std::string& key, const std::string& fingerprint, const rating::Rating& r, std::int64_t now) {
    return answer_once(key, fingerprint, now, [&] {
        auto ins = prepare(db_, "INSERT INTO ratings(about, target, score, comment, lang, created, scale) VALUES(?1,?2,?3,?4,?5,?6,?7)");
        ins.bind(1, r.about).bind(2, r.target).bind(3, r.score).bind(4, r.comment).bind(5, r.lang).bind(6, now).bind(7, r.scale);
        run(ins, db_);
        return Answer{201, kAccepted};
    });
}

rating::Summary Store::summary() {
    std::lock_guard<std::mutex> lock(mu_);
    // One rule for what counts (rating::add), so the core's tests hold for the server.
    auto q = prepare(db_, "SELECT about, target, score, scale FROM ratings ORDER BY id");
    rating::Summary out;
    while (row(q, db_)) {
        rating::Rating r{q.text(0), q.text(1), int(q.integer(2)), "", "", int(q.integer(3))};
        rating::add(out, r);
    }
    return out;
}

Answer Store::feedback(const std::string& key, const std::string& fingerprint, const rating::PageFeedback& f,
                       const std::string& followup, std::int64_t now) {
    return answer_once(key, fingerprint, now, [&] {
        auto ins = prepare(db_,
                           "INSERT INTO page_feedback(page, found, missing, lang, followup_sha256, created) "
                           "VALUES(?1,?2,?3,?4,?5,?6)");
        ins.bind(1, f.page).bind(2, f.found == "yes" ? 1 : 0).bind(3, f.missing).bind(4, f.lang);
        if (followup.empty()) ins.bind(5, std::nullopt);
        else ins.bind(5, digest::sha256_hex(followup));
        ins.bind(6, now);
        run(ins, db_);
        return Answer{201, kAccepted};
    });
}

Answer Store::add_missing(const std::string& key, const std::string& fingerprint, const std::string& followup,
                          const std::string& missing, std::int64_t now) {
    return answer_once(key, fingerprint, now, [&] {
        // Valid once: the id is forgotten as the text is added.
        auto up = prepare(db_,
                          "UPDATE page_feedback SET missing = ?1, followup_sha256 = NULL "
                          "WHERE followup_sha256 = ?2 AND found = 0 AND created >= ?3");
        up.bind(1, missing).bind(2, digest::sha256_hex(followup)).bind(3, now - 86400);
        run(up, db_);
        return sqlite3_changes(db_) > 0
                   ? Answer{201, kAccepted}
                   : Answer{404, R"({"error":"no answer is waiting for this text: it was added already, or the answer is older than a day"})"};
    });
}

std::optional<std::string> Store::rating_token(const std::string& reference) {
    std::lock_guard<std::mutex> lock(mu_);
    auto q = prepare(db_, "SELECT rating_token FROM bookings WHERE reference = ?1");
    q.bind(1, reference);
    if (!row(q, db_)) return std::nullopt;
    std::string token = q.text(0);
    q.reset();
    if (!token.empty()) return token;
    token = random_hex(16);
    auto up = prepare(db_, "UPDATE bookings SET rating_token = ?1 WHERE reference = ?2 AND rating_token IS NULL");
    up.bind(1, token).bind(2, reference);
    run(up, db_);
    bound_wal();
    return token;
}

namespace {
const char* kConsultationColumns = "start, cancelled, rated, institution, topic, contact_point, lang, \"end\"";
Store::ConsultationToRate read_consultation(const Statement& q) {
    Store::ConsultationToRate c;
    c.state = rating::ConsultationState{true, q.integer(2) != 0, q.integer(1) != 0, q.integer(0)};
    c.institution = q.text(3);
    c.topic = q.text(4);
    c.contact_point = q.text(5);
    c.lang = q.text(6);
    c.end = q.integer(7);
    return c;
}
}  // namespace

Store::ConsultationToRate Store::consultation(const std::string& token) {
    std::lock_guard<std::mutex> lock(mu_);
    if (!rating::is_rating_token(token)) return {};
    auto q = prepare(db_, std::string("SELECT ") + kConsultationColumns + " FROM bookings WHERE rating_token = ?1");
    q.bind(1, token);
    if (!row(q, db_)) return {};
    auto c = read_consultation(q);
    q.reset();
    return c;
}

Answer Store::rate_consultation(const std::string& key, const std::string& fingerprint, const std::string& token,
                                const rating::Rating& r, std::int64_t now) {
    return answer_once(key, fingerprint, now, [&]() -> Answer {
        ConsultationToRate c;
        if (rating::is_rating_token(token)) {
            auto q = prepare(db_, std::string("SELECT ") + kConsultationColumns + " FROM bookings WHERE rating_token = ?1");
            q.bind(1, token);
            if (row(q, db_)) {
                c = read_consultation(q);
                q.reset();
            }
        }
        switch (rating::consultation_rating(c.state, now)) {
            case rating::ConsultationRating::open: {
                auto ins = prepare(db_,
                                   "INSERT INTO ratings(about, target, score, comment, lang, created, scale) "
                                   "VALUES('consultation', ?1, ?2, '', ?3, ?4, ?5)");
                ins.bind(1, c.institution).bind(2, r.score).bind(3, r.lang).bind(4, now).bind(5, rating::kScale);
                run(ins, db_);
                auto used = prepare(db_, "UPDATE bookings SET rated = 1 WHERE rating_token = ?1");
                used.bind(1, token);
                run(used, db_);
                return Answer{201, kAccepted};
            }
            case rating::ConsultationRating::unknown:
                return Answer{404, R"({"error":"this rating link is not valid","state":"unknown"})"};
            case rating::ConsultationRating::already_rated:
                return Answer{409, R"({"error":"this consultation has been rated already","state":"already-rated"})"};
            case rating::ConsultationRating::cancelled:
                return Answer{409, R"({"error":"this consultation was cancelled","state":"cancelled"})"};
            case rating::ConsultationRating::not_yet:
                return Answer{409, R"({"error":"a consultation can be rated once it has started","state":"not-yet"})"};
        }
        return Answer{404, R"({"error":"this rating link is not valid","state":"unknown"})"};  // no other state
    });
}

void Store::export_feedback(const std::function<void(const Feedback&)>& each) {
    std::lock_guard<std::mutex> lock(mu_);
    auto q = prepare(db_, "SELECT page, lang, missing, found, created FROM page_feedback ORDER BY id");
    while (row(q, db_)) each(Feedback{q.text(0), q.text(1), q.text(2), q.integer(3) != 0, q.integer(4)});
}

void Store::export_bookings(const std::function<void(const StoredBooking&)>& each) {
    std::lock_guard<std::mutex> lock(mu_);
    auto q = prepare(db_, select_bookings("ORDER BY start, reference"));
    while (row(q, db_)) each(read_booking(q));
}

void Store::export_ratings(const std::function<void(const rating::Rating&, std::int64_t)>& each) {
    std::lock_guard<std::mutex> lock(mu_);
    auto q = prepare(db_, "SELECT about, target, score, comment, lang, created, scale FROM ratings ORDER BY id");
    while (row(q, db_))
        each(rating::Rating{q.text(0), q.text(1), int(q.integer(2)), q.text(3), q.text(4), int(q.integer(6))}, q.integer(5));
}

}  // namespace pietura::cli
