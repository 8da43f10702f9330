// tools/pietura/shared_pc.hpp — what the reference server does for shared library PCs (issue 12).
//
// A web page cannot erase a browser's history, favicons, session-restore files or
// autofill, so nothing secret may ever travel in a URL. After a booking the server
// keeps a short-lived *confirmation view* instead: a random 128-bit id, in memory
// only, that stands for one booking's reference and token for 30 minutes. The id
// lives in an HttpOnly, SameSite=Strict session cookie; the confirmation page, its
// calendar download and its cancel step read it from there, and "Finish and clear"
// forgets it on the server and in the browser.
//
// Shared-computer mode itself is a setting of the PC, not a secret: the cookie
// `pietura_shared=1` (written by app.js or by the settings page's plain form) tells
// the pages the server renders to turn off autocomplete and show the shared bar.
//
// Transport-agnostic on purpose: cookies come in as the raw `Cookie` header and go
// out as `Set-Cookie` values, so any HTTP server can use it.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace pietura::cli {

inline constexpr const char* kViewCookie = "pietura_view";
inline constexpr const char* kSharedCookie = "pietura_shared";

// The value of cookie `name` in a `Cookie:` request header, nullopt when absent.
// Malformed pairs are skipped, never guessed at.
std::optional<std::string> cookie_value(std::string_view header, std::string_view name);

// Does the request's Cookie header say this PC is in shared-computer mode?
bool shared_mode(std::string_view cookie_header);

// Set-Cookie values. The view cookie is a session cookie (no expiry) that scripts
// cannot read; the shared-mode cookie is a plain, year-long setting of the PC.
std::string view_cookie(const std::string& id);
std::string expired_view_cookie();
std::string shared_cookie(bool on);

// The server's side of confirmation views: id → booking reference and token.
class Views {
public:
    struct Entry {
        std::string reference, token;
        std::int64_t expires = 0;
    };
    static constexpr std::int64_t kLifetimeSeconds = 30 * 60;
    static constexpr std::size_t kMaxViews = 20000;  // bounds memory whatever the traffic

    // A new id (32 hex digits from /dev/urandom) for the booking, valid until now + 30 min.
    // When full, expired views go first, then the oldest.
    std::string create(const std::string& reference, const std::string& token, std::int64_t now);
    // nullopt for an unknown, malformed or expired id.
    std::optional<Entry> find(std::string_view id, std::int64_t now);
    void forget(std::string_view id);
    std::size_t size();

private:
    std::mutex mu_;
    std::map<std::string, Entry, std::less<>> views_;
    void prune(std::int64_t now);
};

// The id of a well-formed view cookie in the request's Cookie header, "" otherwise.
std::string view_id(std::string_view cookie_header);

}  // namespace pietura::cli
