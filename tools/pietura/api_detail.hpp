// tools/pietura/api_detail.hpp — private to the api*.cpp files (api.hpp is the public one).
//
// What the route files share: the Api state (catalogue, store, strings, short-lived
// views and drafts), the Problem a handler throws for a 4xx/5xx answer, the body and
// answer helpers, and guarded(), which turns whatever a handler throws into a JSON
// problem without details. Each route file adds its routes with one mount_* call.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api.hpp"
#include "booking/booking.hpp"
#include "http/server.hpp"
#include "shared_pc.hpp"
#include "site/site.hpp"
#include "snapshot/snapshot.hpp"
#include "store.hpp"

namespace pietura::cli::api_detail {

using nlohmann::json;
using nlohmann::ordered_json;

// Thrown by a handler: answered as JSON {error, fields} with this status.
struct Problem {
    int status = 400;
    std::string error;
    std::vector<booking::FieldError> fields;
};

// Fixed one-minute windows per client address.
class RateLimit {
public:
    explicit RateLimit(int per_minute) : limit_(per_minute) {}
    bool allow(const std::string& who);

private:
    int limit_;
    std::mutex mu_;
    std::int64_t minute_ = 0;
    std::map<std::string, int> counts_;
};

// The no-JavaScript steps answer every form post with 303 to a GET (issue 12): Chromium
// keeps the body of a POST that stays in history in its session files, where a page can
// never clear it. What was posted waits here for the GET, under the draft cookie.
struct Draft {
    booking::Request values;
    Lang page = Lang::lv;
    std::vector<booking::FieldError> errors;
    bool slot_taken = false;
    std::string idempotency_key;  // of the check page's confirm form; "" while there are errors
};

struct Api {
    Api(snapshot::Catalogue c, std::shared_ptr<Store> s, ApiOptions o)
        : cat(std::move(c)),
          store(std::move(s)),
          options(std::move(o)),
          limit(options.rate_per_minute),
          search_limit(options.rate_per_minute * kSearchRateFactor) {}
    // Search as you type asks once per pause in typing, and a library's PCs share one
    // address: its own budget keeps a busy search box from using up the bookings'.
    static constexpr int kSearchRateFactor = 10;
    snapshot::Catalogue cat;
    std::shared_ptr<Store> store;
    ApiOptions options;
    RateLimit limit;
    RateLimit search_limit;  // /api/search*: read-only and cheap, but still bounded
    std::optional<site::Strings> strings;  // for the HTML steps of the no-JavaScript path
    site::Options site;
    std::mutex offers_mu;
    std::map<std::string, std::optional<booking::Offer>> offers;  // "inst/cp" → offer
    Views views;  // confirmation views (issue 12): the browser holds only a random id
    ShortLived<Draft> drafts;  // what the details form posted, for the GET after the 303

    // The offer of an institution at a contact point, loaded once; nullptr when there is none.
    const booking::Offer* offer(const std::string& inst, const std::string& cp);
};

std::int64_t now_unix();

// --- requests -------------------------------------------------------------------------

bool is_form(const http::Request& req);
// The body as a JSON object: parsed JSON, or a form post's fields as strings.
json read_body(const http::Request& req);
// A string field; a present value of another type is a field error, never a crash.
std::string str(const json& j, std::string_view key, std::vector<booking::FieldError>& errors, Lang lang);
// The Idempotency-Key header, or the body's idempotency_key; "" when neither is sent.
std::string idempotency_key(const http::Request& req, const json& body);
// Shared-computer mode is the PC's non-secret pietura_shared cookie (issue 12).
bool shared_pc(const http::Request& req);

// --- answers --------------------------------------------------------------------------

void send_json(http::Response& res, int status, const std::string& body);
std::string problem_body(const Problem& p);
void send_problem(http::Response& res, const Problem& p);
void send_html(http::Response& res, int status, const std::string& html);
void redirect(http::Response& res, const std::string& location);
// The page frame for this request: on a shared PC the shared bar shows without JavaScript.
site::Options site_for(const Api& api, const http::Request& req);

// --- confirmation views -----------------------------------------------------------------

// A new confirmation view for this browser: the answer sets its cookie, and the plain
// confirmation address shows the booking from it. Nothing secret goes in an address.
void open_view(Api& api, http::Response& res, const std::string& reference, const std::string& token);
// The booking this browser's view cookie stands for, if the view is alive and the booking exists.
std::optional<StoredBooking> viewed_booking(Api& api, const http::Request& req);
// Where a calendar file's cancel link points: this server as the browser reached it,
// or the configured public origin.
std::string public_origin(const Api& api, const http::Request& req);
// The .ics of a booking. `url` (the cancel link for the citizen's own device) may be empty;
// `origin` (public_origin()) makes the consultation's rating link absolute (issue 15).
void send_ics(Api& api, http::Response& res, const StoredBooking& b, const std::string& filename, const std::string& url,
              const std::string& origin);
// The page a consultation's calendar file links to for rating it: "/lv/konsultacija/novertet/?k=<token>".
std::string consultation_rating_path(Lang lang, const std::string& token);  // api_rating.cpp

// --- the no-JavaScript journey, used by the booking post too (api_booking_pages.cpp) ----

// Post → draft → 303: the next GET shows the step from the draft, with nothing in a POST body.
void redirect_with_draft(Api& api, http::Response& res, Draft d, const std::string& location);
std::string time_url(Lang lang, const booking::Request& r);
std::string details_url(Lang lang, const booking::Request& r);

// --- routes -----------------------------------------------------------------------------

// Runs a handler, answering whatever it throws: a Problem as itself, a full disk as 503,
// anything else as a 500 without details (they could hold personal data or internals).
template <class Fn>
http::Server::Handler guarded(std::shared_ptr<Api> api, Fn fn) {
    return [api, fn](const http::Request& req, http::Response& res) {
        try {
            fn(*api, req, res);
        } catch (const Problem& p) {
            send_problem(res, p);
        } catch (const StoreUnavailable&) {
            // The store has logged it (once, without personal data); reads keep working
            // and the outbox retries later.
            res.set_header("Retry-After", "600");
            send_problem(res, Problem{503, "the booking store cannot write just now (disk full); nothing was stored, try again later", {}});
        } catch (const std::exception&) {
            send_problem(res, Problem{500, "internal error; the request was not stored", {}});
        }
    };
}

void mount_booking_api(http::Server& svr, const std::shared_ptr<Api>& api);    // api_json.cpp
void mount_booking_pages(http::Server& svr, const std::shared_ptr<Api>& api);  // api_booking_pages.cpp
void mount_rating_api(http::Server& svr, const std::shared_ptr<Api>& api);     // api_rating.cpp
void mount_shared_pc_api(http::Server& svr, const std::shared_ptr<Api>& api);  // api_shared_pc.cpp

}  // namespace pietura::cli::api_detail
