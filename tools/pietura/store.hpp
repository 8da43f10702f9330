// tools/pietura/store.hpp — the reference server's durable booking and rating store.
//
// One SQLite file, <data>/pietura-data.sqlite, in WAL mode with synchronous=FULL:
// a booking is on disk before its 201 is sent, so it survives `kill -9` the next
// instant. A booking checks the free seats and inserts in one BEGIN IMMEDIATE
// transaction on the one connection, so two requests for the last seat can never
// both succeed. An idempotency key stores the answer it got in that same
// transaction: sending the same request again returns the same answer and makes
// no second booking. Every statement is the core's prepared sqlite::Statement; no value
// is ever put into SQL text (only column names, from booking::kRequestTextFields).
//
// The WAL stays small: every statement is reset as soon as its rows are read, so
// no read stays open across a COMMIT (an open one made every auto-checkpoint fail
// and the WAL grow by the whole booking history), journal_size_limit trims the file
// after a checkpoint, and a WAL past kWalLimitBytes is checkpointed and truncated.
// A full or failing disk (SQLITE_FULL, SQLITE_IOERR) throws StoreUnavailable, is
// logged once to stderr, and leaves reads working.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "booking/booking.hpp"
#include "rating/rating.hpp"

struct sqlite3;

namespace pietura::cli {

// A booking as stored: the request it was made with, and what the store added.
struct StoredBooking : booking::Request {
    std::string reference;
    std::int64_t end = 0, created = 0;
    bool cancelled = false;
};

// Writes are refused because the disk is full or failing. what() is fit for a log
// line and for an operator: it never holds personal data. The server answers 503.
struct StoreUnavailable : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct StoreOptions {
    // Largest size of the database file in bytes (0: no limit but the disk). A
    // write that would pass it fails as if the disk were full: StoreUnavailable.
    std::int64_t max_bytes = 0;
};

// Above this the WAL is checkpointed and truncated after a write.
constexpr std::int64_t kWalLimitBytes = 4 << 20;

struct Answer {
    int status = 0;    // HTTP status
    std::string body;  // JSON
};

class Store {
public:
    static std::shared_ptr<Store> open(const std::filesystem::path& dir);
    static std::shared_ptr<Store> open(const std::filesystem::path& dir, const StoreOptions& options);
    ~Store();

    // Active bookings of an institution, counted by slot start.
    booking::Taken taken(const std::string& institution);

    // The answer stored for an idempotency key, or nullopt when the key is new (or
    // ""). A key reused for a different request (another fingerprint) gives a 422.
    // The server asks this FIRST, before any time- or seat-dependent check: a retry
    // that arrives after its slot has left the bookable window (the outbox was
    // offline for a day) must get its 201 again, not a 409 for a booking that exists.
    std::optional<Answer> replay(const std::string& key, const std::string& fingerprint);

    // Books `r` (already validated) unless the seats are gone. `key` is the
    // idempotency key ("" for none); `fingerprint` identifies the request body so
    // a key reused for a different request is refused (422). `created` renders the
    // 201 body from the new booking and its secret token; `full` is the 409 body.
    Answer book(const std::string& key, const std::string& fingerprint, const booking::Request& r,
                std::int64_t end, int seats, std::int64_t now,
                const std::function<std::string(const StoredBooking&, const std::string& token)>& created,
                const std::string& full);

    // nullopt: unknown reference or wrong token (the caller cannot tell which).
    std::optional<StoredBooking> get(const std::string& reference, const std::string& token);
    enum class Cancel { done, not_found };
    Cancel cancel(const std::string& reference, const std::string& token);

    // A rating (validated: on the 10-point scale). Old records keep their scale 5.
    Answer rate(const std::string& key, const std::string& fingerprint, const rating::Rating& r, std::int64_t now);
    // Counts and averages of the 10-point ratings (rating::add); old 1–5 ones are left out.
    rating::Summary summary();

    // "Did you find what you were looking for?" (validated). `followup` is the random
    // id a "no" may later add its "what were you looking for" under ("" for none);
    // only its SHA-256 is kept.
    Answer feedback(const std::string& key, const std::string& fingerprint, const rating::PageFeedback& f,
                    const std::string& followup, std::int64_t now);
    // Adds the (validated, masked) text to the "no" stored under `followup`, once, and
    // within a day of it: 201, or 404 when there is no such answer waiting for its text.
    Answer add_missing(const std::string& key, const std::string& fingerprint, const std::string& followup,
                       const std::string& missing, std::int64_t now);
    struct Feedback {
        std::string page, lang, missing;
        bool found = false;
        std::int64_t created = 0;
    };
    void export_feedback(const std::function<void(const Feedback&)>& each);

    // A consultation is rated after it has happened, through a link in its calendar
    // file (issue 15). The link holds a random rating token made for the booking: not
    // the cancel secret, nothing personal, good for one rating. It is kept as it is
    // (not hashed) because every download of the .ics must carry it again; all it can
    // ever do is add one anonymous rating. A booking from before issue 15 gets one on
    // first asking. nullopt: no such booking.
    std::optional<std::string> rating_token(const std::string& reference);
    struct ConsultationToRate {
        rating::ConsultationState state;
        std::string institution, topic, contact_point, lang;
        std::int64_t end = 0;
    };
    // What a rating token stands for (state.found false when nothing).
    ConsultationToRate consultation(const std::string& token);
    // Stores `r` (validated; about "consultation", target the institution) and uses
    // the token up, in one transaction, if rating::consultation_rating() says it is
    // open at `now`: 201; 404 unknown token; 409 rated already, cancelled or not yet.
    Answer rate_consultation(const std::string& key, const std::string& fingerprint, const std::string& token,
                             const rating::Rating& r, std::int64_t now);

    void export_bookings(const std::function<void(const StoredBooking&)>& each);
    void export_ratings(const std::function<void(const rating::Rating&, std::int64_t created)>& each);

private:
    explicit Store(sqlite3* db) : db_(db) {}
    std::optional<Answer> replay_locked(const std::string& key, const std::string& fingerprint);
    // `write` and its answer, once per idempotency key (the key's stored answer when it
    // was seen before): lock, transaction, replay, write, remember, commit, WAL bound.
    // `write` runs inside the transaction and may only use db_.
    Answer answer_once(const std::string& key, const std::string& fingerprint, std::int64_t now,
                       const std::function<Answer()>& write);
    void bound_wal();
    void remember(const std::string& key, const std::string& fingerprint, const Answer& a, std::int64_t now);
    std::mutex mu_;
    sqlite3* db_ = nullptr;
    std::string wal_path_;
    void migrate();
};

std::string random_hex(int bytes);

}  // namespace pietura::cli
