// Confirmation views and the shared-mode cookie (see shared_pc.hpp).
#include "shared_pc.hpp"

#include <algorithm>

#include "http/server.hpp"

namespace pietura::cli {

namespace {

bool is_id(std::string_view id) {
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
        std::string_view pair = http::trim_ows(header.substr(pos, semi - pos));
        size_t eq = pair.find('=');
        if (eq != std::string_view::npos && http::trim_ows(pair.substr(0, eq)) == name) {
            std::string_view v = http::trim_ows(pair.substr(eq + 1));
            if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
            return std::string(v);
        }
        pos = semi + 1;
    }
    return std::nullopt;
}

bool shared_mode(std::string_view cookie_header) { return cookie_value(cookie_header, kSharedCookie) == "1"; }

std::string session_cookie(std::string_view name, const std::string& id) {
    return std::string(name) + "=" + id + "; Path=/; HttpOnly; SameSite=Strict";
}

std::string expired_cookie(std::string_view name) {
    return std::string(name) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
}

std::string shared_cookie(bool on) {
    // "0" rather than no cookie: app.js takes a present cookie as the last word, so a
    // setting switched off without JavaScript is not switched back on from localStorage.
    return std::string(kSharedCookie) + "=" + (on ? "1" : "0") + "; Path=/; Max-Age=31536000; SameSite=Lax";
}

std::string session_id(std::string_view cookie_header, std::string_view name) {
    auto v = cookie_value(cookie_header, name);
    return v && is_id(*v) ? *v : "";
}

}  // namespace pietura::cli
