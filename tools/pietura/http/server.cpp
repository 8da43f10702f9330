// The transport behind http/server.hpp. One Session per connection, living on its
// own strand: it reads a request with Beast's parser under a deadline, hands it to
// the worker pool, writes the answer and either waits for the next request (keep-
// alive) or closes. Nothing a client sends can make it wait without a deadline, and
// nothing it sends is buffered beyond the header and body limits.
#include "server.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange without it

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace pietura::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using boost::system::error_code;

namespace {

// Beast's string_view (boost::string_view in 1.74) as a std::string.
template <class View>
std::string str(const View& v) {
    return std::string(v.data(), v.size());
}

}  // namespace

// ---- the server ----------------------------------------------------------------------

class Session;

namespace {

// Lingering close: after an answer that leaves request bytes unread (413, 431), the
// rest is read and thrown away for a while, so that closing does not reset the
// connection and destroy the answer before the client has read it.
constexpr size_t kMaxDrainBytes = 8 * 1024 * 1024;
constexpr std::chrono::seconds kLinger{5};
constexpr std::chrono::seconds kStopGrace{5};
// The parser keeps the head and any pipelined bytes here; the body goes to its string.
constexpr size_t kMaxBuffered = 256 * 1024;

asio::ip::address normalized(const asio::ip::address& a) {
    if (a.is_v6() && a.to_v6().is_v4_mapped()) return asio::ip::make_address_v4(asio::ip::v4_mapped, a.to_v6());
    return a;
}

// An X-Forwarded-For entry: an address, possibly with a port ("1.2.3.4:5", "[::1]:5").
std::optional<asio::ip::address> forwarded_address(std::string_view s) {
    s = trim_ows(s);
    if (!s.empty() && s.front() == '[') {
        auto close = s.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        s = s.substr(1, close - 1);
    } else if (std::count(s.begin(), s.end(), ':') == 1) {
        s = s.substr(0, s.find(':'));
    }
    error_code ec;
    auto a = asio::ip::make_address(std::string(s), ec);
    if (ec) return std::nullopt;
    return normalized(a);
}

}  // namespace

struct Server::Impl {
    explicit Impl(Limits l) : limits(l) {}

    Limits limits;
    std::vector<std::pair<std::regex, Handler>> gets, posts;
    std::vector<Server::Route> added;  // what routes() answers: the patterns as written
    HandlerWithResponse pre_routing;
    Handler post_routing, on_error;
    std::vector<asio::ip::address> proxies;
    std::vector<int> signals;
    size_t max_connections = 0;

    // Declared before the io_context: destroying it destroys the sessions still
    // queued in it, and they take themselves out of this registry.
    std::mutex mu;
    std::unordered_map<Session*, std::weak_ptr<Session>> sessions;

    asio::io_context ioc;
    // Accepting, stopping and signals share one strand, so stop() from any thread is safe.
    asio::strand<asio::io_context::executor_type> control = asio::make_strand(ioc);
    tcp::acceptor acceptor{control};
    asio::steady_timer accept_pause{control};
    asio::steady_timer stop_poll{control};
    std::optional<asio::signal_set> signal_set;
    std::chrono::steady_clock::time_point stop_deadline;
    std::atomic<bool> stopping{false};
    std::unique_ptr<asio::thread_pool> pool;

    void accept();
    void begin_stop();
    void poll_stop();
    void forget(Session* s) {
        std::lock_guard<std::mutex> lock(mu);
        sessions.erase(s);
    }

    bool trusted(const asio::ip::address& a) const {
        return std::find(proxies.begin(), proxies.end(), a) != proxies.end();
    }

    // The right-most X-Forwarded-For address that is not a trusted proxy: everything to
    // its right was appended by proxies we trust, so it is what the outermost of them
    // saw. Entries further left are the client's own claims and are never used.
    std::string client_address(const asio::ip::address& peer, const Headers& headers) const {
        if (!trusted(peer)) return peer.to_string();
        std::vector<std::string_view> hops;
        auto [it, end] = headers.equal_range("X-Forwarded-For");
        for (; it != end; ++it) {
            std::string_view v = it->second;
            for (size_t pos = 0; pos <= v.size();) {
                size_t comma = v.find(',', pos);
                if (comma == std::string_view::npos) comma = v.size();
                hops.push_back(v.substr(pos, comma - pos));
                pos = comma + 1;
            }
        }
        std::optional<asio::ip::address> last;
        for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
            auto a = forwarded_address(*hop);
            // A proxy we trust wrote something that is not an address: key on the proxy.
            if (!a) return peer.to_string();
            if (!trusted(*a)) return a->to_string();
            last = a;
        }
        return (last ? *last : peer).to_string();
    }

    // The error handler (for 4xx/5xx) and the post-routing handler, as httplib ran them.
    void finish(Request& req, Response& res) {
        try {
            if (res.status >= 400 && on_error) on_error(req, res);
        } catch (...) {
        }
        try {
            if (post_routing) post_routing(req, res);
        } catch (...) {
        }
    }

    void route(Request& req, Response& res) {
        try {
            bool handled = false;
            if (pre_routing && pre_routing(req, res) == HandlerResponse::Handled) {
                handled = true;
            } else if (req.method == "GET" || req.method == "HEAD" || req.method == "POST") {
                for (auto& [pattern, handler] : req.method == "POST" ? posts : gets) {
                    if (std::regex_match(req.path, req.matches, pattern)) {
                        handler(req, res);
                        handled = true;
                        break;
                    }
                }
            } else {
                res.status = 405;
                res.set_header("Allow", "GET, HEAD, POST");
                handled = true;
            }
            if (res.status == -1) res.status = handled ? 200 : 404;
        } catch (...) {
            res = Response{};
            res.status = 500;
        }
        finish(req, res);
    }
};

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(Server::Impl& srv, tcp::socket socket)
        : srv_(srv), socket_(std::move(socket)), timer_(socket_.get_executor()), buffer_(kMaxBuffered) {}
    ~Session() { srv_.forget(this); }

    void start() {
        asio::dispatch(socket_.get_executor(), [self = shared_from_this()] { self->begin(); });
    }

    // The server is stopping: an idle connection goes now, a busy one after its answer.
    void stop() {
        asio::dispatch(socket_.get_executor(), [self = shared_from_this()] {
            if (self->phase_ == Phase::idle) self->close();
        });
    }

private:
    enum class Phase { idle, reading, handling, writing, closing };

    void begin() {
        error_code ec;
        auto ep = socket_.remote_endpoint(ec);
        if (ec) return close();
        peer_ = normalized(ep.address());
        peer_port_ = ep.port();
        socket_.set_option(tcp::no_delay(true), ec);
        read_request();
    }

    // The request deadline starts with the request's first byte; the first request
    // on a connection has it from the accept, so a silent connection is dropped too.
    void read_request() {
        parser_.emplace();
        parser_->header_limit(static_cast<std::uint32_t>(srv_.limits.max_header_bytes));
        parser_->body_limit(srv_.limits.max_body_bytes);
        timed_out_ = false;
        if (first_ || buffer_.size() > 0) {
            first_ = false;
            arm(srv_.limits.request_timeout);
            return read_header();
        }
        if (srv_.stopping) return close();
        phase_ = Phase::idle;
        arm(srv_.limits.idle_timeout);
        socket_.async_wait(tcp::socket::wait_read, [self = shared_from_this()](error_code ec) {
            if (ec || self->closed_) return self->close();
            self->arm(self->srv_.limits.request_timeout);
            self->read_header();
        });
    }

    void read_header() {
        phase_ = Phase::reading;
        bhttp::async_read_header(socket_, buffer_, *parser_, [self = shared_from_this()](error_code ec, size_t) {
            if (ec) return self->on_read_error(ec);
            if (iequals(str(self->parser_->get()[bhttp::field::expect]), "100-continue") && !self->parser_->is_done()) {
                self->interim_ = "HTTP/1.1 100 Continue\r\n\r\n";
                return asio::async_write(self->socket_, asio::buffer(self->interim_), [self](error_code ec2, size_t) {
                    if (ec2) return self->on_read_error(ec2);
                    self->read_body();
                });
            }
            self->read_body();
        });
    }

    void read_body() {
        if (parser_->is_done()) return dispatch();
        bhttp::async_read(socket_, buffer_, *parser_, [self = shared_from_this()](error_code ec, size_t) {
            if (ec) return self->on_read_error(ec);
            self->dispatch();
        });
    }

    void on_read_error(error_code ec) {
        if (closed_) return;
        static const auto& http_errors = bhttp::make_error_code(bhttp::error::bad_target).category();
        bool started = parser_ && parser_->got_some();
        if (timed_out_) return started ? reply_error(408) : close();
        if (ec == bhttp::error::body_limit) return reply_error(413);
        if (ec == bhttp::error::header_limit || ec == bhttp::error::buffer_overflow) return reply_error(431);
        if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) return close();
        if (&ec.category() == &http_errors) return reply_error(400);
        close();  // reset, aborted: nobody to answer
    }

    // What the parser holds of the request, as a Request (the body only when complete).
    std::shared_ptr<Request> make_request(bool with_body) {
        auto req = std::make_shared<Request>();
        if (!parser_ || !parser_->got_some()) return req;
        auto& m = parser_->get();
        req->method = str(m.method_string());
        req->target = str(m.target());
        req->version = int(m.version());
        for (auto& f : m) req->headers.emplace(str(f.name_string()), str(f.value()));
        if (with_body) req->body = std::move(m.body());
        req->decode();
        req->peer_addr = peer_.to_string();
        req->remote_port = peer_port_;
        req->remote_addr = srv_.client_address(peer_, req->headers);
        return req;
    }

    void dispatch() {
        timer_.cancel();
        phase_ = Phase::handling;
        bool keep = parser_->get().keep_alive();
        auto req = make_request(true);
        parser_.reset();
        asio::post(*srv_.pool, [self = shared_from_this(), req, keep] {
            auto res = std::make_shared<Response>();
            self->srv_.route(*req, *res);
            asio::post(self->socket_.get_executor(), [self, req, res, keep] {
                self->write(*req, res, keep && !self->srv_.stopping, self->srv_.limits.write_timeout);
            });
        });
    }

    // The server's own refusals. The handlers run here on the I/O thread: the API's
    // error handler only formats a JSON message.
    void reply_error(int status) {
        auto req = make_request(false);
        auto res = std::make_shared<Response>();
        res->status = status;
        srv_.finish(*req, *res);
        if (res->content().empty()) {
            auto reason = bhttp::obsolete_reason(bhttp::int_to_status(unsigned(status)));
            res->set_content(str(reason) + "\n", "text/plain; charset=utf-8");
        }
        write(*req, res, false, kLinger);
    }

    void write(const Request& req, std::shared_ptr<Response> res, bool keep, std::chrono::seconds deadline) {
        if (closed_) return;
        int status = res->status >= 100 && res->status <= 999 ? res->status : 500;
        auto reason = bhttp::obsolete_reason(bhttp::int_to_status(unsigned(status)));
        head_.assign("HTTP/1.1 ").append(std::to_string(status)).append(" ").append(str(reason)).append("\r\n");
        for (auto& [k, v] : res->headers) {
            if (iequals(k, "Content-Length") || iequals(k, "Connection") || iequals(k, "Transfer-Encoding")) continue;
            head_.append(k).append(": ").append(v).append("\r\n");
        }
        bool bodiless = status < 200 || status == 204 || status == 304;
        std::string_view body = res->content();
        if (!bodiless) head_.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n");
        if (!keep) head_ += "Connection: close\r\n";
        else if (req.version == 10) head_ += "Connection: keep-alive\r\n";
        head_ += "\r\n";
        if (bodiless || req.method == "HEAD") body = {};
        res_ = std::move(res);  // holds the body until it is written
        phase_ = Phase::writing;
        arm(deadline);
        std::array<asio::const_buffer, 2> out{asio::buffer(head_), asio::buffer(body.data(), body.size())};
        asio::async_write(socket_, out, [self = shared_from_this(), keep](error_code ec, size_t) {
            self->timer_.cancel();
            self->res_.reset();
            if (ec || self->closed_) return self->close();
            if (keep) return self->read_request();
            self->linger();
        });
    }

    void linger() {
        error_code ec;
        socket_.shutdown(tcp::socket::shutdown_send, ec);
        phase_ = Phase::closing;
        drained_ = 0;
        arm(kLinger);
        drain();
    }

    void drain() {
        buffer_.consume(buffer_.size());
        socket_.async_read_some(buffer_.prepare(16 * 1024), [self = shared_from_this()](error_code ec, size_t n) {
            self->drained_ += n;
            if (ec || self->closed_ || self->drained_ > kMaxDrainBytes) return self->close();
            self->drain();
        });
    }

    void close() {
        if (closed_) return;
        closed_ = true;
        timer_.cancel();
        error_code ec;
        socket_.shutdown(tcp::socket::shutdown_both, ec);
        socket_.close(ec);
    }

    // One timer per connection; arming it again makes the earlier expiry harmless.
    void arm(std::chrono::seconds d) {
        timer_.expires_after(d);
        timer_.async_wait([self = shared_from_this(), gen = ++gen_](error_code ec) {
            if (ec || gen != self->gen_ || self->closed_) return;
            self->timed_out_ = true;
            error_code ignored;
            self->socket_.cancel(ignored);  // the pending read or write ends with operation_aborted
        });
    }

    Server::Impl& srv_;
    tcp::socket socket_;
    asio::steady_timer timer_;
    beast::flat_buffer buffer_;
    std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
    asio::ip::address peer_;
    int peer_port_ = 0;
    Phase phase_ = Phase::reading;
    bool first_ = true, timed_out_ = false, closed_ = false;
    unsigned gen_ = 0;
    size_t drained_ = 0;
    std::string head_, interim_;
    std::shared_ptr<Response> res_;
};

void Server::Impl::accept() {
    acceptor.async_accept(asio::make_strand(ioc), [this](error_code ec, tcp::socket socket) {
        if (!acceptor.is_open()) return;
        if (ec) {
            // Out of file descriptors and the like: wait a little instead of spinning.
            accept_pause.expires_after(std::chrono::milliseconds(100));
            accept_pause.async_wait([this](error_code e) {
                if (!e) accept();
            });
            return;
        }
        std::shared_ptr<Session> s;
        {
            std::lock_guard<std::mutex> lock(mu);
            if (sessions.size() < max_connections) {
                s = std::make_shared<Session>(*this, std::move(socket));
                sessions.emplace(s.get(), s);
            }
        }
        if (s) s->start();
        else {
            error_code ignored;
            socket.close(ignored);  // over the cap: refused at once, costing nothing
        }
        accept();
    });
}

void Server::Impl::begin_stop() {
    if (stopping.exchange(true)) return;
    error_code ec;
    acceptor.close(ec);
    accept_pause.cancel();
    if (signal_set) signal_set->cancel(ec);
    std::vector<std::shared_ptr<Session>> live;
    {
        std::lock_guard<std::mutex> lock(mu);
        for (auto& [_, weak] : sessions)
            if (auto s = weak.lock()) live.push_back(std::move(s));
    }
    for (auto& s : live) s->stop();
    stop_deadline = std::chrono::steady_clock::now() + kStopGrace;
    poll_stop();
}

void Server::Impl::poll_stop() {
    stop_poll.expires_after(std::chrono::milliseconds(50));
    stop_poll.async_wait([this](error_code) {
        bool empty;
        {
            std::lock_guard<std::mutex> lock(mu);
            empty = sessions.empty();
        }
        if (empty || std::chrono::steady_clock::now() >= stop_deadline) return ioc.stop();
        poll_stop();
    });
}

Server::Server(Limits limits) : impl_(std::make_unique<Impl>(limits)) {}

Server::~Server() = default;

Server& Server::Get(const std::string& pattern, Handler handler) {
    impl_->gets.emplace_back(std::regex(pattern), std::move(handler));
    impl_->added.push_back({"GET", pattern});
    return *this;
}

Server& Server::Post(const std::string& pattern, Handler handler) {
    impl_->posts.emplace_back(std::regex(pattern), std::move(handler));
    impl_->added.push_back({"POST", pattern});
    return *this;
}

void Server::handle(Request& req, Response& res) { impl_->route(req, res); }

std::vector<Server::Route> Server::routes() const { return impl_->added; }

void Server::set_pre_routing_handler(HandlerWithResponse handler) { impl_->pre_routing = std::move(handler); }
void Server::set_post_routing_handler(Handler handler) { impl_->post_routing = std::move(handler); }
void Server::set_error_handler(Handler handler) { impl_->on_error = std::move(handler); }
void Server::stop_on_signals(std::vector<int> signals) { impl_->signals = std::move(signals); }

void Server::set_trusted_proxies(const std::vector<std::string>& addresses) {
    std::vector<asio::ip::address> parsed;
    for (auto& a : addresses) {
        error_code ec;
        auto ip = asio::ip::make_address(a, ec);
        if (ec) throw std::invalid_argument("'" + a + "' is not an IP address");
        parsed.push_back(normalized(ip));
    }
    impl_->proxies = std::move(parsed);
}

int Server::bind(const std::string& host, int port) {
    auto& acceptor = impl_->acceptor;
    error_code ec;
    tcp::resolver resolver(impl_->ioc);
    auto endpoints = resolver.resolve(host, std::to_string(port), tcp::resolver::numeric_service, ec);
    if (ec) throw std::runtime_error("cannot resolve " + host + ": " + ec.message());
    std::string why = "no address";
    for (auto& e : endpoints) {
        acceptor.close(ec);
        acceptor.open(e.endpoint().protocol(), ec);
        if (ec) continue;
        acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
        acceptor.bind(e.endpoint(), ec);
        // A deep backlog so that a burst of connections waits for accept() instead of
        // being dropped; the kernel caps it at net.core.somaxconn.
        if (!ec) acceptor.listen(4096, ec);
        if (ec) {
            why = ec.message();
            continue;
        }
        return acceptor.local_endpoint().port();
    }
    acceptor.close(ec);
    throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(port) + " (" + why + ")");
}

void Server::listen() {
    Impl& s = *impl_;
    if (!s.acceptor.is_open()) throw std::runtime_error("listen() before bind()");
    // Every connection is a file descriptor: use what the system allows, and keep the
    // connection cap below it so that SQLite and the static files can still open theirs.
    rlimit rl{};
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0) {
        if (rl.rlim_cur < rl.rlim_max) {
            rl.rlim_cur = std::min<rlim_t>(rl.rlim_max, 65536);
            setrlimit(RLIMIT_NOFILE, &rl);
            getrlimit(RLIMIT_NOFILE, &rl);
        }
        size_t usable = rl.rlim_cur > 192 ? size_t(rl.rlim_cur - 128) : 64;
        s.max_connections = std::min(s.limits.max_connections, usable);
    } else {
        s.max_connections = std::min<size_t>(s.limits.max_connections, 900);
    }
    s.pool = std::make_unique<asio::thread_pool>(std::max(1u, s.limits.handler_threads));
    if (!s.signals.empty()) {
        s.signal_set.emplace(s.control);
        for (int sig : s.signals) s.signal_set->add(sig);
        s.signal_set->async_wait([&s](error_code ec, int) {
            if (!ec) s.begin_stop();
        });
    }
    asio::post(s.control, [&s] { s.accept(); });
    unsigned io = s.limits.io_threads ? s.limits.io_threads : (std::thread::hardware_concurrency() > 1 ? 2 : 1);
    auto run = [&s] {
        for (;;) {
            try {
                s.ioc.run();
                return;
            } catch (const std::exception& e) {
                std::cerr << "pietura serve: " << e.what() << "\n";  // one connection's fault; keep serving
            }
        }
    };
    std::vector<std::thread> threads;
    for (unsigned i = 1; i < io; ++i) threads.emplace_back(run);
    run();
    for (auto& t : threads) t.join();
    s.pool->join();
}

void Server::stop() {
    asio::post(impl_->control, [s = impl_.get()] { s->begin_stop(); });
}

}  // namespace pietura::http
