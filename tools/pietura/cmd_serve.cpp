// pietura serve — the reference server for dist/, with the booking and rating API.
//
// Static files: correct MIME types (wasm must be application/wasm for streaming
// compilation), the brotli or gzip copy `pietura build` wrote beside a file when the
// client accepts it (issue 13: nothing is compressed on a request, so nothing twice),
// an ETag per encoding, revalidation, one byte range of the identity file for resumed
// downloads, and security headers with a strict CSP. A
// request path is resolved one decoded segment at a time and the file must stay
// inside the served folder after symlinks are followed (issue 12). The transport's
// own limits (deadlines, sizes, connections) are in http/server.hpp.
#include <algorithm>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>

#include "api.hpp"
#include "cli.hpp"
#include "http/server.hpp"
#include "precompress.hpp"
#include "text/text.hpp"
#include "sha256.hpp"

namespace fs = std::filesystem;

namespace pietura::cli {

namespace {

const char* kServeHelp = R"(pietura serve — serve the built portal

Usage: pietura serve [options]

  --dir DIR      folder to serve (default: dist, as written by 'pietura build')
  --port N       TCP port (default: 8080; 0 picks a free one and prints it)
  --host ADDR    address to listen on (default: 127.0.0.1)
  --data DIR     where the API keeps bookings and ratings (default: data)
  --i18n DIR     UI strings for the booking pages the server renders (default: i18n)
  --origin URL   one more origin allowed to call the API (CORS), e.g. https://pietura.lv
  --rate-limit N API requests per client address per minute (default: 120; 0: off)
  --data-max-mb N
                 cap the bookings-and-ratings file at N MB (default: no cap but the
                 disk); past it, or on a full disk, writes answer 503 and reads go on
  --trust-proxy ADDR[,ADDR]
                 reverse proxies in front of this server: from them the client's
                 address is taken from X-Forwarded-For (the right-most address that
                 is not one of these); from anyone else that header is ignored

The JSON API for bookings and ratings is under /api/ (docs/openapi.json).
Static files go out as the brotli or gzip copy 'pietura build' wrote beside
them when the client accepts it; nothing is compressed on a request.

Stops cleanly on Ctrl+C or SIGTERM.
)";

const char* kCsp =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'; manifest-src 'self'; worker-src 'self'";

const char* type_of(const fs::path& p) {
    static const std::map<std::string, const char*> types = {
        {".html", "text/html; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".json", "application/json"},
        {".jsonl", "application/jsonl"},  // the page pack (issue 13)
        {".webmanifest", "application/manifest+json"},
        {".xml", "application/xml"},
        {".txt", "text/plain; charset=utf-8"},
        {".ics", "text/calendar; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".wasm", "application/wasm"},
        {".sqlite", "application/vnd.sqlite3"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".woff2", "font/woff2"},
    };
    auto it = types.find(p.extension().string());
    return it != types.end() ? it->second : "application/octet-stream";
}

// One representation of a file: its bytes and its ETag.
struct Body {
    std::string bytes, etag;
};

// Files are read once per change (keyed by the size and mtime of the file and of its
// copies), with the brotli and gzip copies beside them, so a rebuild of dist/ shows up
// without restarting and repeated requests cost nothing. A copy is used only when it
// decodes to exactly the file's bytes (checked once per change): not by comparing
// times, which a plain `cp -r` of dist/ scrambles, and which cannot tell a stale copy
// from a good one.
struct Stamp {
    bool exists = false;
    std::uintmax_t size = 0;
    fs::file_time_type mtime;
    bool operator==(const Stamp&) const = default;
};

Stamp stamp(const fs::path& p) {
    std::error_code ec;
    Stamp s;
    if (!fs::is_regular_file(p, ec) || ec) return s;
    s.size = fs::file_size(p, ec);
    if (!ec) s.mtime = fs::last_write_time(p, ec);
    s.exists = !ec;
    return s;
}

struct Entry {
    Stamp file, br_copy, gz_copy;
    Body identity;
    std::optional<Body> br, gz;  // only when smaller than the file

    const std::optional<Body>& copy(Encoding e) const { return e == Encoding::br ? br : gz; }
};

class FileCache {
public:
    std::shared_ptr<const Entry> get(const fs::path& p) {
        Stamp file = stamp(p);
        if (!file.exists) return nullptr;
        Stamp br_copy = stamp(p.string() + std::string(encoding_suffix(Encoding::br)));
        Stamp gz_copy = stamp(p.string() + std::string(encoding_suffix(Encoding::gzip)));
        std::lock_guard<std::mutex> lock(mu_);
        auto it = cache_.find(p.string());
        if (it != cache_.end() && it->second->file == file && it->second->br_copy == br_copy &&
            it->second->gz_copy == gz_copy)
            return it->second;
        auto e = std::make_shared<Entry>();
        try {
            e->identity.bytes = text::read_file_or_throw(p);
        } catch (const std::runtime_error&) {
            return nullptr;
        }
        e->file = file;
        e->br_copy = br_copy;
        e->gz_copy = gz_copy;
        std::string tag = digest::sha256_hex(e->identity.bytes).substr(0, 20);
        e->identity.etag = "\"" + tag + "\"";
        // The copies' ETags differ from the file's: a cache must never answer a request
        // for one encoding with another's bytes.
        for (Encoding enc : {Encoding::br, Encoding::gzip}) {
            fs::path copy = p.string() + std::string(encoding_suffix(enc));
            if (!(enc == Encoding::br ? br_copy : gz_copy).exists) continue;
            Body b;
            try {
                b.bytes = text::read_file_or_throw(copy);
            } catch (const std::runtime_error&) {
                continue;
            }
            if (b.bytes.size() >= e->identity.bytes.size()) continue;
            if (!decodes_to(b.bytes, enc, e->identity.bytes)) continue;
            b.etag = "\"" + tag + "-" + std::string(encoding_name(enc)) + "\"";
            (enc == Encoding::br ? e->br : e->gz) = std::move(b);
        }
        cache_[p.string()] = e;
        return e;
    }

private:
    std::mutex mu_;
    std::map<std::string, std::shared_ptr<const Entry>> cache_;
};

// If-None-Match: "*" or a list of entity tags, any of which may match.
bool none_match(const std::string& header, const std::string& etag) {
    std::string_view h = header;
    while (!h.empty()) {
        size_t comma = h.find(',');
        std::string_view tag = http::trim_ows(h.substr(0, comma));
        if (tag == "*" || tag == etag || (tag.size() > 2 && tag.substr(0, 2) == "W/" && tag.substr(2) == etag)) return true;
        if (comma == std::string_view::npos) break;
        h.remove_prefix(comma + 1);
    }
    return false;
}

void security_headers(http::Response& res) {
    res.set_header("Content-Security-Policy", kCsp);
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Cross-Origin-Opener-Policy", "same-origin");
    res.set_header("Cross-Origin-Resource-Policy", "same-origin");
    res.set_header("Permissions-Policy", "geolocation=(self), camera=(), microphone=()");
    res.set_header("X-Frame-Options", "DENY");
}

// Where a request target leads inside the served folder.
struct Resolved {
    enum Kind { file, add_slash, bad, missing } kind = missing;
    fs::path path;         // the canonical file (kind == file)
    std::string location;  // the folder's address with a slash (kind == add_slash)

    static Resolved refused(Kind k) { return {k, {}, {}}; }
};

bool inside(const fs::path& root, const fs::path& p) {
    const std::string& r = root.native();
    const std::string& s = p.native();
    return s == r || (s.size() > r.size() && s.compare(0, r.size(), r) == 0 && s[r.size()] == '/');
}

// The canonical path of `p` if it exists and, symlinks followed, is still inside root.
std::optional<fs::path> contained(const fs::path& root, const fs::path& p) {
    std::error_code ec;
    fs::path real = fs::canonical(p, ec);
    if (ec || !inside(root, real)) return std::nullopt;
    return real;
}

// The path is split on '/' as sent and each segment decoded on its own, so an encoded
// slash or backslash can never become a separator; empty segments ("//") are dropped,
// so an absolute path can never reach the join. What a segment may not be: "." or
// "..", malformed escapes, control characters (NUL), a slash or backslash, or bytes
// that are not UTF-8 (an overlong "%c0%af" is one). The result must then stay inside
// the root after symlinks are resolved, or it does not exist as far as clients know.
Resolved resolve(const fs::path& root, const std::string& target) {
    size_t q = target.find('?');
    std::string_view raw = std::string_view(target).substr(0, q);
    std::string query = q == std::string::npos ? "" : target.substr(q + 1);
    if (raw.empty() || raw[0] != '/') return Resolved::refused(Resolved::bad);
    fs::path candidate = root;
    std::string normalized;  // the raw segments again, without empty ones
    for (size_t pos = 1; pos <= raw.size();) {
        size_t slash = raw.find('/', pos);
        if (slash == std::string_view::npos) slash = raw.size();
        std::string_view seg = raw.substr(pos, slash - pos);
        pos = slash + 1;
        if (seg.empty()) continue;
        auto name = http::decode_strict(seg);
        if (!name || name->empty() || *name == "." || *name == ".." || !text::valid_utf8(*name) ||
            std::any_of(name->begin(), name->end(), [](unsigned char c) { return c < 0x20 || c == 0x7f || c == '/' || c == '\\'; }))
            return Resolved::refused(Resolved::bad);
        candidate /= *name;
        normalized += "/";
        normalized += seg;
    }
    auto real = contained(root, candidate);
    if (!real) return Resolved::refused(Resolved::missing);
    std::error_code ec;
    if (fs::is_directory(*real, ec)) {
        // Pages live at folder URLs; keep relative links right by adding the slash. The
        // address is rebuilt from the checked segments: "//host" could never come out.
        if (raw.back() != '/') {
            std::string location = normalized + "/";
            if (!query.empty()) location.append("?").append(query);
            return {Resolved::add_slash, {}, location};
        }
        real = contained(root, *real / "index.html");
        if (!real) return Resolved::refused(Resolved::missing);
    }
    if (!fs::is_regular_file(*real, ec)) return Resolved::refused(Resolved::missing);
    return {Resolved::file, *real, {}};
}

// One byte range of the file (RFC 9110 §14.2), for a resumed download of the snapshot.
// Several ranges are answered with the whole file: overlapping ranges once turned a
// 446 KB file into a 9 MB answer. nullopt: answer 200; {0, 0, false}: answer 416.
struct ByteRange {
    std::uintmax_t first = 0, last = 0;
    bool satisfiable = true;
};

std::optional<std::uintmax_t> digits(std::string_view s) {
    if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
    std::uintmax_t v = 0;
    for (char c : s) v = v * 10 + std::uintmax_t(c - '0');
    return v;
}

std::optional<ByteRange> byte_range(const std::string& header, std::uintmax_t size) {
    std::string_view h = http::trim_ows(header);
    if (h.size() < 6 || (h.substr(0, 6) != "bytes=" && h.substr(0, 6) != "Bytes=")) return std::nullopt;
    h.remove_prefix(6);
    if (h.find(',') != std::string_view::npos) return std::nullopt;  // several ranges: the whole file
    size_t dash = h.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    auto first = digits(h.substr(0, dash)), last = digits(h.substr(dash + 1));
    if (!first && !last) return std::nullopt;
    ByteRange r;
    if (!first) {  // "-N": the last N bytes
        if (*last == 0 || size == 0) return ByteRange{0, 0, false};
        r.first = *last >= size ? 0 : size - *last;
        r.last = size - 1;
        return r;
    }
    if (dash + 1 < h.size() && !last) return std::nullopt;  // "5-x": not a range; ignore the header
    if (last && *last < *first) return std::nullopt;
    if (*first >= size) return ByteRange{0, 0, false};
    r.first = *first;
    r.last = last ? std::min(*last, size - 1) : size - 1;
    return r;
}

void not_found(FileCache& cache, const fs::path& root, http::Response& res) {
    res.status = 404;
    auto nf = cache.get(root / "404.html");
    if (nf)
        res.set_shared_content(std::shared_ptr<const std::string>(nf, &nf->identity.bytes), 0, nf->identity.bytes.size(),
                               "text/html; charset=utf-8");
    else res.set_content("Not found\n", "text/plain; charset=utf-8");
}

void serve_file(const fs::path& root, FileCache& cache, const http::Request& req, http::Response& res) {
    security_headers(res);
    Resolved where = resolve(root, req.target);
    if (where.kind == Resolved::bad) {
        res.status = 400;
        res.set_content("Bad request\n", "text/plain; charset=utf-8");
        return;
    }
    if (where.kind == Resolved::add_slash) {
        res.status = 301;
        res.set_header("Location", where.location);
        return;
    }
    const char* type = type_of(where.path);
    auto entry = where.kind == Resolved::file ? cache.get(where.path) : nullptr;
    if (!entry) return not_found(cache, root, res);
    res.set_header("Vary", "Accept-Encoding");
    res.set_header("Accept-Ranges", "bytes");
    // Pages and the snapshot change with every content release: always revalidate
    // (a 304 is cheap). Nothing is cached blindly, so a release is seen at once.
    res.set_header("Cache-Control", "no-cache");
    const std::string& file = entry->identity.bytes;
    // A range is of the identity file (a resumed download of the snapshot): the
    // ranges of a compressed copy would depend on which copy a client got.
    std::optional<ByteRange> range;
    std::string if_range = req.get_header_value("If-Range");
    if (req.has_header("Range") && (if_range.empty() || if_range == entry->identity.etag))
        range = byte_range(req.get_header_value("Range"), file.size());
    Encoding enc = range ? Encoding::identity
                         : choose_encoding(req.get_header_value("Accept-Encoding"), entry->br.has_value(), entry->gz.has_value());
    const Body& chosen = enc == Encoding::identity ? entry->identity : *entry->copy(enc);
    res.set_header("ETag", chosen.etag);
    if (enc != Encoding::identity) res.set_header("Content-Encoding", std::string(encoding_name(enc)));
    if (req.has_header("If-None-Match") && none_match(req.get_header_value("If-None-Match"), chosen.etag)) {
        res.status = 304;
        return;
    }
    if (range && !range->satisfiable) {
        res.status = 416;
        res.set_header("Content-Range", "bytes */" + std::to_string(file.size()));
        return;
    }
    if (range) {
        res.status = 206;
        res.set_header("Content-Range", "bytes " + std::to_string(range->first) + "-" + std::to_string(range->last) + "/" +
                                            std::to_string(file.size()));
        res.set_shared_content(std::shared_ptr<const std::string>(entry, &file), range->first,
                               range->last - range->first + 1, type);
        return;
    }
    res.set_shared_content(std::shared_ptr<const std::string>(entry, &chosen.bytes), 0, chosen.bytes.size(), type);
}

std::vector<std::string> split_commas(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    for (std::string item; std::getline(ss, item, ',');)
        if (!item.empty()) out.push_back(item);
    return out;
}

}  // namespace

int cmd_serve(int argc, char** argv) {
    Args args(argc, argv, {"dir", "port", "host", "data", "i18n", "origin", "rate-limit", "trust-proxy", "data-max-mb"}, {"help"});
    if (!args.ok()) return usage_error("serve", args.error());
    if (args.flag("help")) {
        std::cout << kServeHelp;
        return 0;
    }
    fs::path dir = args.get_or("dir", "dist");
    std::string host = args.get_or("host", "127.0.0.1");
    int port = 0;
    try {
        size_t used = 0;
        std::string p = args.get_or("port", "8080");
        port = std::stoi(p, &used);
        if (used != p.size() || port < 0 || port > 65535) throw std::invalid_argument(p);
    } catch (const std::exception&) {
        return usage_error("serve", "--port must be a number from 0 to 65535");
    }
    if (!fs::is_directory(dir) || !fs::exists(dir / "manifest.json")) {
        std::cerr << "pietura serve: " << dir.string() << " holds no build; run 'pietura build' first\n";
        return 1;
    }
    fs::path root = fs::canonical(dir);

    auto cache = std::make_shared<FileCache>();
    http::Server svr;
    try {
        if (auto proxies = args.get("trust-proxy")) {
            auto list = split_commas(*proxies);
            if (list.empty()) throw std::invalid_argument("give one or more addresses");
            svr.set_trusted_proxies(list);
        }
    } catch (const std::invalid_argument& e) {
        return usage_error("serve", std::string("--trust-proxy: ") + e.what());
    }

    ApiOptions api{root / "catalogue.sqlite", args.get_or("data", "data"), args.get_or("i18n", "i18n"),
                   args.get_or("origin", ""), 120};
    try {
        std::string limit = args.get_or("rate-limit", "120");
        size_t used = 0;
        api.rate_per_minute = std::stoi(limit, &used);
        if (used != limit.size() || api.rate_per_minute < 0) throw std::invalid_argument(limit);
    } catch (const std::exception&) {
        return usage_error("serve", "--rate-limit must be a whole number, 0 or more");
    }
    if (auto mb = args.get("data-max-mb")) {
        bool ok = !mb->empty() && mb->size() <= 7 && mb->find_first_not_of("0123456789") == std::string::npos;
        if (!ok || std::stoll(*mb) == 0) return usage_error("serve", "--data-max-mb must be a whole number of megabytes, 1 or more");
        api.data_max_bytes = std::stoll(*mb) << 20;
    }
    api.static_files = [root, cache](const http::Request& req, http::Response& res) { serve_file(root, *cache, req, res); };
    try {
        mount_api(svr, api);  // before the static catch-all, which would answer /api/ too
    } catch (const std::exception& e) {
        std::cerr << "pietura serve: " << e.what() << "\n";
        return 1;
    }

    // Pages the API renders (booking steps) get the same headers as static ones.
    svr.set_post_routing_handler([](const http::Request&, http::Response& res) {
        if (!res.has_header("Content-Security-Policy")) security_headers(res);
    });

    svr.Get(R"(/.*)", [root, cache](const http::Request& req, http::Response& res) { serve_file(root, *cache, req, res); });

    svr.stop_on_signals({SIGINT, SIGTERM});
    int bound = 0;
    try {
        bound = svr.bind(host, port);
    } catch (const std::exception& e) {
        std::cerr << "pietura serve: " << e.what() << "\n";
        return 1;
    }
    std::cout << "Serving " << root.string() << " on http://" << host << ":" << bound << "/  (Ctrl+C stops)" << std::endl;
    svr.listen();
    return 0;
}

}  // namespace pietura::cli
