// docs/openapi.json held to the routes `pietura serve` really registers (issue 15: the
// spec must be compared route by route). The API is mounted on an http::Server as
// `serve` mounts it, and the server's own route table (Server::routes) is compared with
// the spec both ways: every documented (method, path) reaches a route of its own rather
// than the JSON "no such API route" fallback, and every route under /api/ — and every
// POST route anywhere — is documented. The other GET routes are the HTML pages of the
// no-JavaScript booking and search (/lv/…, /en/…), which the spec does not describe.
// A path parameter is tried with a sample value that must satisfy the spec's own
// pattern, so the spec's address and the server's regular expression meet for real.
#define BOOST_TEST_MODULE openapi_routes
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api.hpp"
#include "http/server.hpp"
#include "server_fixture.hpp"
#include "text/text.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace pietura;

namespace {

// A value for each path parameter the spec uses; a new parameter needs one here.
const std::map<std::string, std::string> kSamples = {{"reference", "PT-AB12-CD34"}};

// Any address under /api/ that no route serves: the fallback's own pattern matches it.
const std::string kNoSuchRoute = "/api/no-such-route-issue15";

json spec() { return json::parse(text::read_file_or_throw(fs::path(PIETURA_SOURCE_DIR) / "docs" / "openapi.json")); }

// The spec's parameter object, following a "$ref" into #/components/parameters/.
json parameter(const json& doc, const json& p) {
    if (!p.contains("$ref")) return p;
    std::string ref = p["$ref"].get<std::string>();
    const std::string prefix = "#/components/parameters/";
    BOOST_REQUIRE_MESSAGE(ref.rfind(prefix, 0) == 0, "unexpected $ref " << ref);
    return doc.at("components").at("parameters").at(ref.substr(prefix.size()));
}

struct Documented {
    std::string method, path, sample;  // "POST", "/api/bookings/{reference}/cancel", "/api/bookings/PT-…/cancel"
};

// Every operation of the spec, its path filled in with samples. A parameter without a
// sample or whose sample breaks the spec's own pattern is reported as a problem.
std::vector<Documented> documented(const json& doc, std::vector<std::string>& problems) {
    static const std::regex param(R"(\{([^}]+)\})");
    std::vector<Documented> out;
    for (auto& [path, item] : doc.at("paths").items()) {
        for (auto& [method, op] : item.items()) {
            static const std::vector<std::string> kMethods = {"get", "post", "put", "patch", "delete", "head", "options"};
            if (std::find(kMethods.begin(), kMethods.end(), method) == kMethods.end()) continue;
            std::map<std::string, std::string> patterns;
            for (const json* params : {item.contains("parameters") ? &item["parameters"] : nullptr,
                                       op.contains("parameters") ? &op["parameters"] : nullptr})
                if (params)
                    for (auto& p : *params) {
                        json q = parameter(doc, p);
                        if (q.value("in", "") == "path" && q.contains("schema") && q["schema"].contains("pattern"))
                            patterns[q["name"].get<std::string>()] = q["schema"]["pattern"].get<std::string>();
                    }
            std::string sample;
            auto begin = path.cbegin();
            for (std::sregex_iterator it(path.begin(), path.end(), param), end; it != end; ++it) {
                std::string name = (*it)[1].str();
                sample.append(begin, path.cbegin() + it->position());
                begin = path.cbegin() + it->position() + it->length();
                auto s = kSamples.find(name);
                if (s == kSamples.end()) {
                    problems.push_back(path + ": no sample value for {" + name + "} in openapi_routes_test.cpp");
                    continue;
                }
                if (auto pat = patterns.find(name); pat != patterns.end() && !std::regex_search(s->second, std::regex(pat->second)))
                    problems.push_back(path + ": the sample " + s->second + " breaks the spec's pattern " + pat->second);
                sample += s->second;
            }
            sample.append(begin, path.cend());
            std::string m = method;
            for (auto& c : m) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            out.push_back({m, path, sample});
        }
    }
    return out;
}

bool is_fallback(const http::Server::Route& r) { return std::regex_match(kNoSuchRoute, std::regex(r.pattern)); }

// Where the server sends `method path`: the first of that method's routes whose pattern
// matches the whole path (HEAD is served by the GET routes), or nullptr.
const http::Server::Route* route_for(const std::vector<http::Server::Route>& routes, const std::string& method,
                                     const std::string& path) {
    std::string m = method == "HEAD" ? "GET" : method;
    for (auto& r : routes)
        if (r.method == m && std::regex_match(path, std::regex(r.pattern))) return &r;
    return nullptr;
}

// What differs between the spec and the routes, one line each; empty when they agree.
std::vector<std::string> compare(const json& doc, const std::vector<http::Server::Route>& routes) {
    std::vector<std::string> problems;
    auto ops = documented(doc, problems);
    for (auto& d : ops) {
        auto* r = route_for(routes, d.method, d.sample);
        if (!r || is_fallback(*r))
            problems.push_back("documented but not served: " + d.method + " " + d.path);
    }
    for (auto& r : routes) {
        bool api = r.pattern.rfind("/api/", 0) == 0 || r.method == "POST";
        if (!api || is_fallback(r)) continue;
        bool found = false;
        for (auto& d : ops)
            if (d.method == r.method && route_for(routes, d.method, d.sample) == &r) found = true;
        if (!found) problems.push_back("served but not documented: " + r.method + " " + r.pattern);
    }
    return problems;
}

// The routes `pietura serve` registers for its API, mounted on the server fixture's
// small catalogue (the routes do not depend on the content).
std::vector<http::Server::Route> api_routes() {
    server_fixture::Api api;
    return api.svr.routes();
}

}  // namespace

BOOST_AUTO_TEST_CASE(issue15_openapi_documents_exactly_the_served_routes) {
    auto routes = api_routes();
    auto doc = spec();
    BOOST_TEST(doc.value("openapi", "").rfind("3.", 0) == 0u);
    // The table really is the server's: the booking API and the fallback are in it.
    BOOST_REQUIRE(route_for(routes, "POST", "/api/bookings") != nullptr);
    BOOST_REQUIRE(route_for(routes, "GET", kNoSuchRoute) != nullptr);
    BOOST_TEST(is_fallback(*route_for(routes, "GET", kNoSuchRoute)));
    std::vector<std::string> problems;
    auto ops = documented(doc, problems);
    BOOST_TEST(ops.size() >= 10u);
    for (auto& p : compare(doc, routes)) BOOST_ERROR(p);
    // Outside /api/ only HTML pages are served: GET, under a language.
    for (auto& r : routes)
        if (r.pattern.rfind("/api/", 0) != 0 && !is_fallback(r))
            BOOST_TEST((r.method == "GET" && (r.pattern.rfind("/lv/", 0) == 0 || r.pattern.rfind("/en/", 0) == 0)),
                       r.method << " " << r.pattern);
}

// The comparison must be able to fail, both ways.
BOOST_AUTO_TEST_CASE(issue15_openapi_comparison_sees_a_missing_and_an_extra_route) {
    auto routes = api_routes();
    json doc = spec();
    BOOST_REQUIRE(doc["paths"].contains("/api/bookings/{reference}/cancel"));
    doc["paths"].erase("/api/bookings/{reference}/cancel");
    doc["paths"]["/api/bookings/{reference}/move"] = {{"post", {{"responses", {{"200", {{"description", "moved"}}}}}}}};
    doc["paths"]["/api/slots"]["post"] = {{"responses", {{"200", {{"description", "no"}}}}}};
    auto problems = compare(doc, routes);
    auto has = [&](const std::string& needle) {
        for (auto& p : problems)
            if (p.find(needle) != std::string::npos) return true;
        return false;
    };
    BOOST_TEST(has("served but not documented: POST /api/bookings/([A-Z0-9-]{1,20})/cancel"));
    BOOST_TEST(has("documented but not served: POST /api/bookings/{reference}/move"));
    BOOST_TEST(has("documented but not served: POST /api/slots"));
    BOOST_TEST(problems.size() == 3u);
}
