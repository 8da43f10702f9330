// tests/core/server_fixture.hpp — the reference server's API in-process, for the suites
// that drive it (server_test, server_rating_test, openapi_routes_test).
//
// catalogue() is the fixed catalogue of tests/fixtures/server/ (with the schemas beside
// it) and its snapshot, built once per test program: never the default content, so a
// content change cannot move a server test. Api mounts the API as `pietura serve` does
// (cli::mount_api) on a fresh data folder and drives it Request → Response through
// http::Server::handle, with no socket: a test sees the status, headers and body the
// transport would send. Header-only; a suite that includes it links pietura_tools.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "api.hpp"
#include "content/content.hpp"
#include "fixture.hpp"
#include "http/server.hpp"
#include "snapshot/snapshot.hpp"
#include "store.hpp"

namespace server_fixture {

namespace fs = std::filesystem;
using nlohmann::json;
using namespace pietura;

struct Catalogue {
    fs::path content, snapshot;
};

inline const Catalogue& catalogue() {
    static Catalogue c = [] {
        fs::path dir = fixture::temp_dir("server");
        fs::copy(fs::path(PIETURA_SOURCE_DIR) / "tests/fixtures/server/content", dir / "content", fs::copy_options::recursive);
        fs::copy(fs::path(PIETURA_SOURCE_DIR) / "content/schema", dir / "content/schema", fs::copy_options::recursive);
        std::vector<content::Diagnostic> diags;
        auto loaded = content::Content::load(dir / "content", diags);
        for (auto& d : diags) BOOST_TEST_MESSAGE(d.format());
        BOOST_REQUIRE(!content::has_errors(diags));
        snapshot::write(loaded, dir / "catalogue.sqlite", {"server-test", {}});
        return Catalogue{dir / "content", dir / "catalogue.sqlite"};
    }();
    return c;
}

// A server with only the API mounted, on a fresh data folder. `origin`: the public
// origin the API names in links ("" → from the Host header); `rate_per_minute`: the
// posts one address may make a minute (0 → no limit).
struct Api {
    fs::path data = fixture::temp_dir("server-data");
    http::Server svr;

    explicit Api(std::string origin = "", int rate_per_minute = 0) {
        cli::ApiOptions o{catalogue().snapshot, data, fs::path(PIETURA_SOURCE_DIR) / "i18n", std::move(origin),
                          rate_per_minute};
        cli::mount_api(svr, o);
    }

    http::Response call(const std::string& method, const std::string& target, const std::string& body = "",
                        const std::string& type = "application/json", http::Headers headers = {}) {
        http::Request req;
        req.method = method;
        req.target = target;
        req.body = body;
        req.headers = std::move(headers);
        req.headers.emplace("Host", "pietura.test");
        if (!body.empty() || method == "POST") req.headers.emplace("Content-Type", type);
        req.decode();  // as the transport does
        req.remote_addr = req.peer_addr = "127.0.0.1";
        http::Response res;
        svr.handle(req, res);
        return res;
    }
    http::Response post(const std::string& target, const json& body, http::Headers headers = {}) {
        return call("POST", target, body.dump(), "application/json", std::move(headers));
    }
    // A plain form post, as a browser without JavaScript sends it.
    http::Response form(const std::string& target, const std::string& body) {
        return call("POST", target, body, "application/x-www-form-urlencoded");
    }
    // A fresh store connection on the same file, as `pietura export` opens it.
    std::shared_ptr<cli::Store> store() { return cli::Store::open(data); }
};

inline json body_of(const http::Response& res) { return json::parse(std::string(res.content())); }

}  // namespace server_fixture
