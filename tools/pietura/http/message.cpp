// Request and Response of http/server.hpp: header and parameter look-ups, and the
// rules a response's headers and body keep whatever a handler puts in them.
#include <algorithm>
#include <cctype>

#include "server.hpp"

namespace pietura::http {

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
               return std::tolower(x) == std::tolower(y);
           });
}

std::string_view trim_ows(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool CaseLess::operator()(const std::string& a, const std::string& b) const {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](unsigned char x, unsigned char y) {
        return std::tolower(x) < std::tolower(y);
    });
}

namespace {

template <class Map>
std::string nth(const Map& m, const std::string& key, size_t id) {
    auto [it, end] = m.equal_range(key);
    for (; it != end; ++it, --id)
        if (id == 0) return it->second;
    return "";
}

// Control characters (CR, LF above all) would let a value end the header early.
bool safe_header_text(const std::string& s) {
    return std::none_of(s.begin(), s.end(), [](unsigned char c) { return (c < 0x20 && c != '\t') || c == 0x7f; });
}

}  // namespace

bool Request::is_form() const {
    constexpr std::string_view kForm = "application/x-www-form-urlencoded";
    std::string type = get_header_value("Content-Type");
    return type.size() >= kForm.size() && iequals(std::string_view(type).substr(0, kForm.size()), kForm);
}

void Request::decode() {
    size_t q = target.find('?');
    path = decode_lenient(std::string_view(target).substr(0, q));
    params.clear();
    form.clear();
    if (q != std::string::npos) parse_query(std::string_view(target).substr(q + 1), params);
    if (is_form()) {
        parse_query(body, form);
        params.insert(form.begin(), form.end());
    }
}

bool Request::has_header(const std::string& key) const { return headers.find(key) != headers.end(); }
std::string Request::get_header_value(const std::string& key, size_t id) const { return nth(headers, key, id); }
bool Request::has_param(const std::string& key) const { return params.find(key) != params.end(); }
std::string Request::get_param_value(const std::string& key, size_t id) const { return nth(params, key, id); }

bool Response::has_header(const std::string& key) const { return headers.find(key) != headers.end(); }
std::string Response::get_header_value(const std::string& key) const { return nth(headers, key, 0); }

void Response::set_header(const std::string& key, const std::string& value) {
    if (key.empty() || !safe_header_text(key) || !safe_header_text(value)) return;
    // Set-Cookie is the one header that may repeat (RFC 6265 forbids folding it): a
    // booking answer sets the confirmation view and expires the draft in one response.
    if (!iequals(key, "Set-Cookie")) headers.erase(key);
    headers.emplace(key, value);
}

void Response::set_content(const std::string& s, const std::string& content_type) {
    body = s;
    shared_.reset();
    set_header("Content-Type", content_type);
}

void Response::set_content(std::string&& s, const std::string& content_type) {
    body = std::move(s);
    shared_.reset();
    set_header("Content-Type", content_type);
}

void Response::set_content(const char* s, size_t n, const std::string& content_type) {
    set_content(std::string(s, n), content_type);
}

void Response::set_shared_content(std::shared_ptr<const std::string> data, size_t offset, size_t length,
                                  const std::string& content_type) {
    body.clear();
    if (!data || offset > data->size()) offset = length = 0;
    else length = std::min(length, data->size() - offset);
    shared_ = std::move(data);
    offset_ = offset;
    length_ = length;
    set_header("Content-Type", content_type);
}

std::string_view Response::content() const {
    if (shared_) return std::string_view(*shared_).substr(offset_, length_);
    return body;
}

}  // namespace pietura::http
