// tools/pietura/http/server.hpp — the HTTP/1.1 transport of `pietura serve`.
//
// A small server on Boost.Beast and Boost.Asio, made to survive the open Internet
// (issue 12): connections are read asynchronously by one or two I/O threads, so a
// slow client costs a socket, never a thread; each request must arrive whole
// (head and body) within a deadline and an idle keep-alive connection is closed
// soon; headers and bodies are bounded (chunked bodies too) and answered with 431
// and 413; the number of open connections is capped. Handlers run on a small pool
// of worker threads, since the API's handlers wait for SQLite to reach the disk.
//
// Request, Response and the routing calls (Get/Post with a regular expression,
// pre-routing, post-routing and error handlers) keep the shape of the cpp-httplib
// subset the API was written against, so that handlers move over by renaming.
// `Request::remote_addr` is the client's address: the socket's peer, or, when the
// peer is one of the trusted reverse proxies, the address it put in
// X-Forwarded-For (see Server::set_trusted_proxies).
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "url.hpp"

namespace pietura::http {

struct CaseLess {
    bool operator()(const std::string& a, const std::string& b) const;
};
using Headers = std::multimap<std::string, std::string, CaseLess>;

// ASCII case-insensitive equality, as header names and tokens compare.
bool iequals(std::string_view a, std::string_view b);
// Without the optional white space (spaces and tabs) HTTP allows around a value.
std::string_view trim_ows(std::string_view s);

struct Request {
    std::string method;       // "GET", "HEAD", "POST", …
    std::string target;       // as sent: "/lv/?q=a%20b"
    std::string path;         // target before '?', percent-decoded ('+' stays '+')
    std::string body;         // at most Limits::max_body_bytes
    std::string remote_addr;  // the client's address (after trusted proxies)
    std::string peer_addr;    // the socket's peer: the client, or the proxy in front of it
    int remote_port = 0;      // the socket peer's port
    int version = 11;         // 10 or 11
    Headers headers;
    Params params;            // query string, and the fields of a urlencoded form body
    Params form;              // the form body's fields alone: what a POST route reads
    std::smatch matches;      // of the route's pattern against `path`

    // Fills path, params and form from target, Content-Type and body: the one place a
    // request's address and form body are decoded (the transport calls it for every
    // request; tests call it for the requests they build).
    void decode();
    // A urlencoded form post (an HTML form without JavaScript), whatever the case.
    bool is_form() const;

    bool has_header(const std::string& key) const;
    std::string get_header_value(const std::string& key, size_t id = 0) const;  // "" when absent
    bool has_param(const std::string& key) const;
    std::string get_param_value(const std::string& key, size_t id = 0) const;  // "" when absent
};

struct Response {
    int status = -1;  // -1 until a handler sets it: then 200 when routed, 404 when not
    Headers headers;
    std::string body;

    bool has_header(const std::string& key) const;
    std::string get_header_value(const std::string& key) const;
    // Replaces any earlier value. A key or value holding CR or LF is ignored: a header
    // can never be split into two by data that reached it from a request.
    void set_header(const std::string& key, const std::string& value);
    void set_content(const std::string& s, const std::string& content_type);
    void set_content(std::string&& s, const std::string& content_type);
    void set_content(const char* s, size_t n, const std::string& content_type);
    // A body that lives elsewhere and is shared, not copied (the static file cache):
    // `length` bytes of *data from `offset`. Cleared by the other set_content calls.
    void set_shared_content(std::shared_ptr<const std::string> data, size_t offset, size_t length,
                            const std::string& content_type);
    // What will be sent: the shared slice when there is one, else `body`.
    std::string_view content() const;

private:
    std::shared_ptr<const std::string> shared_;
    size_t offset_ = 0, length_ = 0;
};

// Bounds on what one client may cost; the defaults are the server's policy.
struct Limits {
    size_t max_header_bytes = 16 * 1024;   // request line + fields; over it: 431
    size_t max_body_bytes = 64 * 1024;     // Content-Length or chunked; over it: 413
    std::chrono::seconds request_timeout{10};  // to deliver the whole request (head and body); then 408
    std::chrono::seconds idle_timeout{5};      // an idle keep-alive connection is closed after it
    std::chrono::seconds write_timeout{60};    // to take a whole answer (the snapshot on a slow line)
    size_t max_connections = 2000;          // beyond it a new connection is closed at once
    unsigned io_threads = 0;                // 0: one, or two on a machine with more than one core
    unsigned handler_threads = 8;
};

class Server {
public:
    using Handler = std::function<void(const Request&, Response&)>;
    enum class HandlerResponse { Handled, Unhandled };
    using HandlerWithResponse = std::function<HandlerResponse(const Request&, Response&)>;

    explicit Server(Limits limits = {});
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Routes are tried in the order they were added; the pattern must match the whole
    // decoded path. HEAD requests use the GET routes (the body is not sent).
    Server& Get(const std::string& pattern, Handler handler);
    Server& Post(const std::string& pattern, Handler handler);
    // Every route added, in the order added (each method's routes are tried in that
    // order): what docs/openapi.json is held to (tests/core/openapi_routes_test.cpp).
    struct Route {
        std::string method;   // "GET" or "POST"
        std::string pattern;  // the regular expression as given to Get/Post
    };
    std::vector<Route> routes() const;
    // Runs before routing; Handled means the response is complete.
    void set_pre_routing_handler(HandlerWithResponse handler);
    // Runs on every response that is sent, after the route and the error handler.
    void set_post_routing_handler(Handler handler);
    // Runs on every response with a status of 400 or more, including the server's own
    // (400, 408, 413, 431), before the post-routing handler.
    void set_error_handler(Handler handler);

    // Answers one request in this thread exactly as a connection would have it answered
    // (pre-routing, the route, the error and post-routing handlers), without a socket:
    // for tests, and for anything that needs the server's answer in-process. `req`
    // needs method, path, target and what the route reads (headers, params, body).
    void handle(Request& req, Response& res);

    // Peers whose X-Forwarded-For is believed: the client is the right-most address in
    // it that is not itself a trusted proxy. From any other peer the header is ignored.
    // Throws std::invalid_argument for something that is not an IP address.
    void set_trusted_proxies(const std::vector<std::string>& addresses);

    // Signals (e.g. SIGINT, SIGTERM) that stop the server gracefully once listen() runs.
    void stop_on_signals(std::vector<int> signals);

    // Binds and listens (port 0 picks a free one); returns the bound port.
    // Throws std::runtime_error when the address cannot be used.
    int bind(const std::string& host, int port);
    // Serves until stop() or a stop signal; in-flight requests get up to 5 s to finish.
    void listen();
    // Thread-safe; not async-signal-safe (use stop_on_signals for signals).
    void stop();

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace pietura::http
