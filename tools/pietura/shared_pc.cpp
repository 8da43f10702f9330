// Confirmation views and the shared-mode cookie (see shared_pc.hpp).
#include "shared_pc.hpp"

#include <algorithm>

#include "store.hpp"

namespace pietura::cli {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool is_view_id(std::string_view id) {
    return id.size() == 32 && std::all_of(id.begin(), id.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

}  // namespace

std::optional<std::string> cookie_value(std::string_view header, std::string_view name) {
    // RFC 6265 §5.4: "name=value" pairs separated by "; ". The first match wins, as in browsers.
    for (size_t pos = 0; pos <= header.size();) {
        size_t semi = header.find(';', pos);
        if (semi == std::string_view::npos) semi = header.size();
        std::string_view pair = trim(header.substr(pos, semi - pos));
        size_t eq = pair.find('=');
        if (eq != std::string_view::npos && trim(pair.substr(0, eq)) == name) {
            std::string_view v = trim(pair.substr(eq + 1));
            if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
            return std::string(v);
        }
        pos = semi + 1;
    }
    return std::nullopt;
}

bool shared_mode(std::string_view cookie_header) { return cookie_value(cookie_header, kSharedCookie) == "1"; }

std::string view_cookie(const std::string& id) {
    return std::string(kViewCookie) + "=" + id + "; Path=/; HttpOnly; SameSite=Strict";
}

std::string expired_view_cookie() {
    return std::string(kViewCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
}

std::string shared_cookie(bool on) {
    // "0" rather than no cookie: app.js takes a present cookie as the last word, so a
    // setting switched off without JavaScript is not switched back on from localStorage.
    return std::string(kSharedCookie) + "=" + (on ? "1" : "0") + "; Path=/; Max-Age=31536000; SameSite=Lax";
}

std::string view_id(std::string_view cookie_header) {
    auto v = cookie_value(cookie_header, kViewCookie);
    return v && is_view_id(*v) ? *v : "";
}

void Views::prune(std::int64_t now) {
    for (auto it = views_.begin(); it != views_.end();)
        it = it->second.expires <= now ? views_.erase(it) : std::next(it);
    while (views_.size() >= kMaxViews) {
        auto oldest = std::min_element(views_.begin(), views_.end(),
                                       [](auto& a, auto& b) { return a.second.expires < b.second.expires; });
        views_.erase(oldest);
    }
}

std::string Views::create(const std::string& reference, const std::string& token, std::int64_t now) {
    std::string id = random_hex(16);
    std::lock_guard<std::mutex> lock(mu_);
    if (views_.size() >= kMaxViews) prune(now);
    views_[id] = Entry{reference, token, now + kLifetimeSeconds};
    return id;
}

std::optional<Views::Entry> Views::find(std::string_view id, std::int64_t now) {
    if (!is_view_id(id)) return std::nullopt;
    std::lock_guard<std::mutex> lock(mu_);
    auto it = views_.find(id);
    if (it == views_.end()) return std::nullopt;
    if (it->second.expires <= now) {
        views_.erase(it);
        return std::nullopt;
    }
    return it->second;
}

void Views::forget(std::string_view id) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = views_.find(id);
    if (it != views_.end()) views_.erase(it);
}

std::size_t Views::size() {
    std::lock_guard<std::mutex> lock(mu_);
    return views_.size();
}

}  // namespace pietura::cli
