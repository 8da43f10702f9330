// pietura serve — the reference static server for dist/.
//
// Static files only in this command's first form: correct MIME types (wasm must be
// application/wasm for streaming compilation), gzip for every compressible type
// including the wasm and the snapshot (they are most of the bytes on a slow rural
// connection), ETag revalidation, and security headers with a strict CSP.
#include <zlib.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>

#include <httplib.h>

#include "api.hpp"
#include "cli.hpp"
#include "snapshot/sha256.hpp"

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

The JSON API for bookings and ratings is under /api/ (docs/openapi.yaml).

Stops cleanly on Ctrl+C or SIGTERM.
)";

const char* kCsp =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'; manifest-src 'self'; worker-src 'self'";

struct Type {
    const char* mime;
    bool compress;
};

Type type_of(const fs::path& p) {
    static const std::map<std::string, Type> types = {
        {".html", {"text/html; charset=utf-8", true}},
        {".css", {"text/css; charset=utf-8", true}},
        {".js", {"text/javascript; charset=utf-8", true}},
        {".mjs", {"text/javascript; charset=utf-8", true}},
        {".json", {"application/json", true}},
        {".webmanifest", {"application/manifest+json", true}},
        {".xml", {"application/xml", true}},
        {".txt", {"text/plain; charset=utf-8", true}},
        {".ics", {"text/calendar; charset=utf-8", true}},
        {".svg", {"image/svg+xml", true}},
        {".wasm", {"application/wasm", true}},
        {".sqlite", {"application/vnd.sqlite3", true}},
        {".png", {"image/png", false}},
        {".ico", {"image/x-icon", false}},
        {".woff2", {"font/woff2", false}},
    };
    auto it = types.find(p.extension().string());
    return it != types.end() ? it->second : Type{"application/octet-stream", false};
}

std::string gzip(const std::string& in) {
    z_stream zs{};
    if (deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("zlib");
    std::string out(deflateBound(&zs, in.size()), '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = uInt(in.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = uInt(out.size());
    int rc = deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    if (rc != Z_STREAM_END) throw std::runtime_error("zlib deflate failed");
    return out;
}

// Files are read once per change (keyed by size and mtime) and their gzip kept, so
// a rebuild of dist/ shows up without restarting and repeated requests cost nothing.
struct Entry {
    std::uintmax_t size = 0;
    fs::file_time_type mtime;
    std::string body, gz, etag;
};

class FileCache {
public:
    std::shared_ptr<const Entry> get(const fs::path& p, bool compress) {
        std::error_code ec;
        auto size = fs::file_size(p, ec);
        if (ec) return nullptr;
        auto mtime = fs::last_write_time(p, ec);
        std::lock_guard<std::mutex> lock(mu_);
        auto it = cache_.find(p.string());
        if (it != cache_.end() && it->second->size == size && it->second->mtime == mtime) return it->second;
        auto e = std::make_shared<Entry>();
        std::ifstream in(p, std::ios::binary);
        if (!in) return nullptr;
        std::stringstream ss;
        ss << in.rdbuf();
        e->body = ss.str();
        e->size = size;
        e->mtime = mtime;
        e->etag = "\"" + snapshot::sha256_hex(e->body).substr(0, 20) + "\"";
        if (compress && e->body.size() > 256) e->gz = gzip(e->body);
        cache_[p.string()] = e;
        return e;
    }

private:
    std::mutex mu_;
    std::map<std::string, std::shared_ptr<const Entry>> cache_;
};

bool accepts_gzip(const httplib::Request& req) {
    std::string ae = req.get_header_value("Accept-Encoding");
    return ae.find("gzip") != std::string::npos;
}

httplib::Server* g_server = nullptr;

void on_signal(int) {
    if (g_server) g_server->stop();
}

void security_headers(httplib::Response& res) {
    res.set_header("Content-Security-Policy", kCsp);
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Cross-Origin-Opener-Policy", "same-origin");
    res.set_header("Cross-Origin-Resource-Policy", "same-origin");
    res.set_header("Permissions-Policy", "geolocation=(self), camera=(), microphone=()");
    res.set_header("X-Frame-Options", "DENY");
}

}  // namespace

int cmd_serve(int argc, char** argv) {
    Args args(argc, argv, {"dir", "port", "host", "data", "i18n", "origin", "rate-limit"}, {"help"});
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
    httplib::Server svr;
    svr.set_payload_max_length(64 * 1024);

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
    try {
        mount_api(svr, api);  // before the static catch-all, which would answer /api/ too
    } catch (const std::exception& e) {
        std::cerr << "pietura serve: " << e.what() << "\n";
        return 1;
    }

    // Pages the API renders (booking steps) get the same headers as static ones.
    svr.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
        if (!res.has_header("Content-Security-Policy")) security_headers(res);
    });

    svr.Get(R"(/.*)", [root, cache](const httplib::Request& req, httplib::Response& res) {
        security_headers(res);
        std::string path = req.path;
        // Refuse anything that could walk out of the served folder.
        if (path.find("..") != std::string::npos || path.find('\\') != std::string::npos ||
            path.find('\0') != std::string::npos) {
            res.status = 400;
            res.set_content("Bad request\n", "text/plain; charset=utf-8");
            return;
        }
        fs::path file = root / fs::path(path.substr(1));
        std::error_code ec;
        if (fs::is_directory(file, ec)) {
            if (path.back() != '/') {
                // Pages live at folder URLs; keep relative links right by adding the slash.
                res.status = 301;
                res.set_header("Location", path + "/" + (req.params.empty() ? "" : "?" + req.target.substr(req.target.find('?') + 1)));
                return;
            }
            file /= "index.html";
        }
        Type type = type_of(file);
        auto entry = fs::is_regular_file(file, ec) ? cache->get(file, type.compress) : nullptr;
        if (!entry) {
            auto nf = cache->get(root / "404.html", true);
            res.status = 404;
            if (nf) res.set_content(nf->body, "text/html; charset=utf-8");
            else res.set_content("Not found\n", "text/plain; charset=utf-8");
            return;
        }
        res.set_header("ETag", entry->etag);
        res.set_header("Vary", "Accept-Encoding");
        // Pages and the snapshot change with every content release: always revalidate
        // (a 304 is cheap). Nothing is cached blindly, so a release is seen at once.
        res.set_header("Cache-Control", "no-cache");
        if (req.get_header_value("If-None-Match") == entry->etag) {
            res.status = 304;
            return;
        }
        if (!entry->gz.empty() && accepts_gzip(req)) {
            res.set_header("Content-Encoding", "gzip");
            res.set_content(entry->gz, type.mime);
        } else {
            res.set_content(entry->body, type.mime);
        }
    });

    g_server = &svr;
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    int bound = port;
    if (port == 0) {
        bound = svr.bind_to_any_port(host);
        if (bound < 0) {
            std::cerr << "pietura serve: cannot listen on " << host << "\n";
            return 1;
        }
    } else if (!svr.bind_to_port(host, port)) {
        std::cerr << "pietura serve: cannot listen on " << host << ":" << port << " (is the port in use?)\n";
        return 1;
    }
    std::cout << "Serving " << root.string() << " on http://" << host << ":" << bound << "/  (Ctrl+C stops)" << std::endl;
    bool ok = svr.listen_after_bind();
    g_server = nullptr;
    return ok ? 0 : 1;
}

}  // namespace pietura::cli
