// tools/pietura/shared_pc.hpp — what the reference server does for shared library PCs (issue 12).
//
// A web page cannot erase a browser's history, favicons, session-restore files or
// autofill, so nothing secret may ever travel in a URL, and nothing personal may be
// the body of a POST that stays in history (Chromium keeps those bodies in its
// session files): every form post is answered with 303 to a GET. After a booking the server
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

#include <algorithm>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "store.hpp"  // random_hex

namespace pietura::cli {

inline constexpr const char* kViewCookie = "pietura_view";
inline constexpr const char* kDraftCookie = "pietura_draft";
inline constexpr const char* kSharedCookie = "pietura_shared";

// The value of cookie `name` in a `Cookie:` request header, nullopt when absent.
// Malformed pairs are skipped, never guessed at.
std::optional<std::string> cookie_value(std::string_view header, std::string_view name);

// Does the request's Cookie header say this PC is in shared-computer mode?
bool shared_mode(std::string_view cookie_header);

// Set-Cookie values. A session cookie (no expiry) that scripts cannot read and other
// sites cannot make the browser send, for the random id of a view or a draft; and the
// shared-mode cookie, a plain, year-long setting of the PC.
std::string session_cookie(std::string_view name, const std::string& id);
std::string expired_cookie(std::string_view name);
std::string shared_cookie(bool on);

// The id in cookie `name` if it is well-formed (32 lower-case hex digits), "" otherwise.
std::string session_id(std::string_view cookie_header, std::string_view name);

// Values the server keeps for a browser for a short while, in memory only, under a
// random 128-bit id: confirmation views (booking reference and token) and booking
// drafts (what the details form posted, so that the browser's history and session
// files hold a plain GET address instead of a POST body with the citizen's details).
template <class T>
class ShortLived {
public:
    static constexpr std::int64_t kLifetimeSeconds = 30 * 60;
    static constexpr std::size_t kMax = 20000;  // bounds memory whatever the traffic

    // A new id (32 hex digits from /dev/urandom), valid until now + 30 minutes. When
    // full, expired entries go first, then the oldest.
    std::string create(T value, std::int64_t now) {
        std::string id = random_hex(16);
        std::lock_guard<std::mutex> lock(mu_);
        if (items_.size() >= kMax) prune(now);
        items_[id] = Item{std::move(value), now + kLifetimeSeconds};
        return id;
    }
    // nullopt for an unknown, malformed or expired id.
    std::optional<T> find(std::string_view id, std::int64_t now) {
        std::lock_guard<std::mutex> lock(mu_);
        auto it = items_.find(id);
        if (it == items_.end()) return std::nullopt;
        if (it->second.expires <= now) {
            items_.erase(it);
            return std::nullopt;
        }
        return it->second.value;
    }
    void forget(std::string_view id) {
        std::lock_guard<std::mutex> lock(mu_);
        auto it = items_.find(id);
        if (it != items_.end()) items_.erase(it);
    }

private:
    struct Item {
        T value;
        std::int64_t expires = 0;
    };
    void prune(std::int64_t now) {
        for (auto it = items_.begin(); it != items_.end();) it = it->second.expires <= now ? items_.erase(it) : std::next(it);
        while (items_.size() >= kMax)
            items_.erase(std::min_element(items_.begin(), items_.end(),
                                          [](auto& a, auto& b) { return a.second.expires < b.second.expires; }));
    }
    std::mutex mu_;
    std::map<std::string, Item, std::less<>> items_;
};

// What a confirmation view stands for.
struct ViewedBooking {
    std::string reference, token;
};
using Views = ShortLived<ViewedBooking>;

}  // namespace pietura::cli
