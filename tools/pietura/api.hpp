// tools/pietura/api.hpp — the reference server's JSON API under /api/ (issue 5).
//
// Bookings of remote consultations and ratings, described in docs/openapi.json.
// Every answer to a bad request is a JSON {error, fields} with a 4xx status; the
// server keeps serving. Slots are checked with the same core code the browser and
// `pietura slots` use, against the snapshot the server serves. Limits: request
// body size (set by serve), field lengths (booking/, rating/), a fixed-window rate
// limit per client address, CORS only for the portal's own origin, and no personal
// data in any log line. HTML form posts (the no-JavaScript path) get 303 redirects.
// The routes are in api_json.cpp (slots, bookings), api_booking_pages.cpp (the
// no-JavaScript booking steps), api_rating.cpp and api_shared_pc.cpp; api.cpp holds
// what they share and the order they are tried in (api_detail.hpp, private).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace pietura::http {
class Server;
struct Request;
struct Response;
}

namespace pietura::cli {

struct ApiOptions {
    std::filesystem::path snapshot;  // dist/catalogue.sqlite
    std::filesystem::path data;      // where the SQLite store lives
    std::filesystem::path i18n;      // UI strings for the HTML booking steps
    std::string origin;              // extra allowed CORS origin, e.g. https://pietura.lv ("" for none)
    int rate_per_minute = 120;       // requests per client address per minute; 0 = no limit
    std::int64_t data_max_bytes = 0; // cap on the store's file (0: the disk is the limit); past it, 503
    // How serve answers a file of dist/ (precompressed copies, ETags, Vary). A page the API
    // renders only for some requests (the search page, with a query) hands the rest to it,
    // so /lv/meklet/ without a query is the build's brotli copy, not the raw page. Unset
    // (in-process tests): the page is read and sent as it is.
    std::function<void(const http::Request&, http::Response&)> static_files;
};

// Registers the /api/ routes; call before the static catch-all route.
// Throws std::runtime_error when the snapshot or the store cannot be opened.
void mount_api(http::Server& svr, const ApiOptions& options);

}  // namespace pietura::cli
