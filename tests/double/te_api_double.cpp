// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// te-api-double: a local stand-in for the ThousandEyes API's "delete a
// credential" endpoints, for tests, the demo, and users' own offline
// integration tests. It listens on 127.0.0.1, or with --listen on an address
// inside a network namespace a test made (the lwIP example's test).
//
// It is written on Boost.Beast/Asio, already a dependency of the tests: an
// HTTP/1.1 server whose parser is strict (it refuses what RFC 9112 refuses),
// with no second HTTP library to install. Its answers are api_double.hpp's;
// this file serves them.
//
// One thread serves every connection, each a chain of asynchronous
// operations: an idle connection costs a descriptor and a few kilobytes, no
// thread. At most --max-connections are served; a new one past the bound
// closes the longest idle one, and a full descriptor table does the same,
// so that no number of idle or stalled clients stops the double answering.

#include "api_double.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/error.hpp>

#include <cerrno>
#include <cstdlib>
#include <list>
#include <memory>
#include <optional>

#include <fcntl.h>
#include <unistd.h>

namespace asio = boost::asio;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using namespace te_double;

namespace {

char const usage[] =
    "usage: te-api-double [--version] [--listen ADDRESS] [--port N] [--port-file FILE]\n"
    "           [--record FILE]\n"
    "           [--ids LIST] [--account-groups LIST]\n"
    "           [--basic-user EMAIL --basic-token-env VAR] [--bearer-token-env VAR]\n"
    "           [--rate-limit N] [--window-seconds N]\n"
    "           [--lockout-after N [--lockout-seconds N]] [--idle-timeout SECONDS]\n"
    "           [--max-connections N] [--record-limit N] [--strict]\n"
    "           [--fault KIND[,KIND...]]... [--tls-cert FILE --tls-key FILE]\n"
    "\n"
    "A local double of the ThousandEyes API's credential delete, on 127.0.0.1\n"
    "(or --listen):\n"
    "  v6: POST /v6/credentials/{id}/delete[.json|.xml][?aid=AID]\n"
    "  v7: DELETE /v7/credentials/{id}[?aid=AID]   (Bearer only)\n"
    "  GET /_double/requests   the API requests received, as a JSON array\n"
    "                          (credentials redacted; the oldest dropped past\n"
    "                          --record-limit, X-Double-Records-Dropped counts them)\n"
    "  GET /_double/ids        the credential ids still present\n"
    "\n"
    "  --listen ADDRESS      IPv4 address to listen on (default 127.0.0.1); another\n"
    "                        only inside a network namespace made for the test\n"
    "  --port N              port to listen on; 0 (default) picks a free one\n"
    "  --port-file FILE      write the port there once listening\n"
    "  --record FILE         append each API request as one JSON line (created 0600;\n"
    "                        credentials redacted to their scheme and length)\n"
    "  --record-limit N      API requests kept for /_double/requests (default 1000,\n"
    "                        and 16 MiB at most)\n"
    "  --strict              answer 400 to an API request in which the request\n"
    "                        checker (te-credentials check-request) finds an error,\n"
    "                        the findings in the body; every record carries them\n"
    "  --tls-cert FILE       serve HTTPS with this certificate chain (PEM) ...\n"
    "  --tls-key FILE          ... and this private key (PEM)\n"
    "  --ids LIST            credential ids present, e.g. 405,1000-1499\n"
    "  --account-groups LIST aid values the user may use (default: any)\n"
    "  --basic-user EMAIL    Basic credentials: this email, and the API token\n"
    "  --basic-token-env VAR   read from environment variable VAR\n"
    "  --bearer-token-env VAR  a Bearer token, read from VAR\n"
    "  --rate-limit N        requests per window per organization (default 240)\n"
    "  --window-seconds N    window length (default 60)\n"
    "  --lockout-after N     the double's choice, off by default: after N failed\n"
    "                        authentications in an hour, every request gets 401\n"
    "                        (\"account is locked\") for --lockout-seconds (3600)\n"
    "  --idle-timeout N      close a connection idle, or stalled inside a\n"
    "                        request, for N seconds (default 30)\n"
    "  --max-connections N   connections served at once (default 256); beyond\n"
    "                        them the longest idle one is closed to make room\n"
    "  --fault KIND          answer the next API request with a fault, in order\n"
    "                        (none answers one request as usual):\n"
    "                        429, 500, 502, 503, 503:SECONDS (with Retry-After), 504,\n"
    "                        500-after (delete, then answer 500),\n"
    "                        drop-before (close without deleting),\n"
    "                        drop-after (delete, then close without answering),\n"
    "                        malformed (a field name with a space, then close),\n"
    "                        body-cut (the usual answer, its body cut short, then close),\n"
    "                        body-bad-chunks (the usual head, chunked, then bad framing),\n"
    "                        body-endless (the usual head, then a chunked body that\n"
    "                        never ends: chunks until the client goes away)\n";

[[noreturn]] void
die(char const* what, char const* why)
{
    std::fprintf(stderr, "te-api-double: %s: %s\n", what, why);
    std::exit(2);
}

// One chunk of a body that never ends: 1024 bytes of data.
std::string const endless_chunk = "400\r\n" + std::string(1024, 'x') + "\r\n";

// What the server knows of a connection: that it can be closed to make room.
struct connection_base
{
    virtual ~connection_base() = default;
    virtual void close() = 0;
};

// The connections served, the longest idle first. One thread touches it.
using connection_list = std::list<connection_base*>;

// One connection's requests and answers, over a plain or TLS stream. Every
// read and write has a deadline: a connection idle (or stalled inside a
// request) for --idle-timeout seconds is closed.
template<class Stream>
class connection : public connection_base, public std::enable_shared_from_this<connection<Stream>>
{
    Stream stream_;
    api_double& api_;
    std::chrono::seconds idle_;
    connection_list& live_;
    connection_list::iterator at_;
    bool listed_ = true;
    beast::flat_buffer buf_;
    std::optional<http::request_parser<http::string_body>> parser_;
    reply r_;

    auto&
    socket()
    {
        return beast::get_lowest_layer(stream_).socket();
    }

    void
    unlist()
    {
        if(listed_)
            live_.erase(at_);
        listed_ = false;
    }

    // Active again: the longest idle connection is now another one.
    void
    touch()
    {
        if(listed_)
            live_.splice(live_.end(), live_, at_);
    }

    // Calls `next(ec)` with the shared owner kept alive.
    template<class F>
    auto
    then(F next)
    {
        return [self = this->shared_from_this(), next](boost::system::error_code ec,
                                                        std::size_t = 0) { next(*self, ec); };
    }

    void
    read()
    {
        parser_.emplace();
        parser_->header_limit(16 * 1024);
        parser_->body_limit(64 * 1024);
        beast::get_lowest_layer(stream_).expires_after(idle_);
        http::async_read(stream_, buf_, *parser_, then([](connection& c, auto ec) {
            c.on_read(ec);
        }));
    }

    void
    on_read(boost::system::error_code ec)
    {
        if(ec == http::error::end_of_stream || ec == asio::error::eof ||
           ec == asio::error::connection_reset || ec == beast::error::timeout ||
           ec == asio::ssl::error::stream_truncated || ec == asio::error::operation_aborted ||
           !socket().is_open())
            return close();
        touch();
        if(ec)
        {
            // A request Beast's strict parser refuses: 400, then close.
            r_ = reply{};
            r_.res = response_t{http::status::bad_request, 11};
            r_.res.set(http::field::connection, "close");
            r_.res.set(http::field::content_type, "application/json;charset=UTF-8");
            r_.res.body() = "{\"errorMessage\":\"Malformed request\"}";
            r_.res.prepare_payload();
            r_.res.keep_alive(false);
            return answer();
        }
        r_ = api_.handle(parser_->get());
        if(r_.raw.empty())
            return after_raw();
        beast::get_lowest_layer(stream_).expires_after(idle_);
        asio::async_write(stream_, asio::buffer(r_.raw), then([](connection& c, auto ec) {
            if(ec)
                return c.close();
            c.after_raw();
        }));
    }

    // A body that never ends: chunks for as long as the client reads.
    void
    after_raw()
    {
        if(r_.endless)
        {
            beast::get_lowest_layer(stream_).expires_after(idle_);
            return asio::async_write(stream_, asio::buffer(endless_chunk),
                                     then([](connection& c, auto ec) {
                                         if(ec)
                                             return c.close();
                                         c.after_raw();
                                     }));
        }
        if(r_.drop)
            return close(); // the lost response: close without a word
        answer();
    }

    void
    answer()
    {
        beast::get_lowest_layer(stream_).expires_after(idle_);
        http::async_write(stream_, r_.res, then([](connection& c, auto ec) {
            if(ec || !c.r_.res.keep_alive())
                return c.close();
            c.read();
        }));
    }

public:
    connection(Stream s, api_double& api, std::chrono::seconds idle, connection_list& live)
        : stream_(std::move(s))
        , api_(api)
        , idle_(idle)
        , live_(live)
        , at_(live.insert(live.end(), this))
    {
    }

    ~connection() override
    {
        unlist();
    }

    void
    start()
    {
        if constexpr(std::is_same_v<Stream, beast::tcp_stream>)
            read();
        else
        {
            // TLS: the handshake first (a client that refuses the
            // certificate sends nothing).
            beast::get_lowest_layer(stream_).expires_after(idle_);
            stream_.async_handshake(ssl::stream_base::server, then([](connection& c, auto ec) {
                if(ec)
                    return c.close();
                c.read();
            }));
        }
    }

    void
    close() override
    {
        unlist();
        boost::system::error_code ec;
        socket().shutdown(tcp::socket::shutdown_both, ec);
        socket().close(ec);
    }
};

// Accepts connections on 127.0.0.1 and keeps them within the bound.
class server
{
    tcp::acceptor& acceptor_;
    api_double& api_;
    ssl::context* tls_;
    std::chrono::seconds idle_;
    std::size_t max_;
    connection_list live_;
    asio::steady_timer pause_;

    void
    close_oldest()
    {
        if(!live_.empty())
            live_.front()->close();
    }

    void
    accept()
    {
        acceptor_.async_accept([this](boost::system::error_code ec, tcp::socket s) {
            if(ec)
            {
                // Out of descriptors (EMFILE, ENFILE) or another failure:
                // make room, and try again shortly rather than spin.
                close_oldest();
                pause_.expires_after(std::chrono::milliseconds(10));
                return pause_.async_wait([this](boost::system::error_code) { accept(); });
            }
            if(live_.size() >= max_)
                close_oldest();
            beast::tcp_stream plain(std::move(s));
            if(tls_)
                std::make_shared<connection<beast::ssl_stream<beast::tcp_stream>>>(
                    beast::ssl_stream<beast::tcp_stream>(std::move(plain), *tls_), api_, idle_,
                    live_)
                    ->start();
            else
                std::make_shared<connection<beast::tcp_stream>>(std::move(plain), api_, idle_,
                                                                live_)
                    ->start();
            accept();
        });
    }

public:
    server(tcp::acceptor& a, api_double& api, ssl::context* tls, std::chrono::seconds idle,
           std::size_t max)
        : acceptor_(a)
        , api_(api)
        , tls_(tls)
        , idle_(idle)
        , max_(max)
        , pause_(a.get_executor())
    {
        accept();
    }
};

config
parse_args(int argc, char** argv)
{
    config c;
    for(int i = 1; i < argc; ++i)
    {
        string_view const a = argv[i];
        if(a == "--help" || a == "-h")
        {
            std::fputs(usage, stdout);
            std::exit(0);
        }
        if(a == "--version")
        {
            std::printf("te-api-double %s\n", THOUSANDEYES_CREDENTIALS_VERSION_TEXT);
            std::exit(0);
        }
        if(a == "--strict")
        {
            c.strict = true;
            continue;
        }
        if(i + 1 >= argc)
            die(argv[i], "unknown option, or it needs a value (see --help)");
        char const* v = argv[++i];
        std::uint64_t n = 0;
        auto number = [&](long max) -> long {
            if(!parse_u64(v, n) || n > static_cast<std::uint64_t>(max))
                die(argv[i - 1], "must be a number in range");
            return static_cast<long>(n);
        };
        auto env = [&]() -> std::string {
            char const* s = std::getenv(v);
            if(!s || !*s)
                die(argv[i - 1], "the environment variable is not set");
            return s;
        };
        if(a == "--listen")
            c.listen = v;
        else if(a == "--port")
            c.port = static_cast<unsigned short>(number(65535));
        else if(a == "--tls-cert")
            c.tls_cert = v;
        else if(a == "--tls-key")
            c.tls_key = v;
        else if(a == "--port-file")
            c.port_file = v;
        else if(a == "--record")
            c.record = v;
        else if(a == "--ids")
        {
            if(!parse_id_list(v, c.ids))
                die("--ids", "must be ids and ranges: 405,1000-1499");
        }
        else if(a == "--account-groups")
        {
            if(!parse_id_list(v, c.account_groups))
                die("--account-groups", "must be ids and ranges: 1234,5678");
        }
        else if(a == "--basic-user")
            c.basic_user = v;
        else if(a == "--basic-token-env")
            c.basic_token = env();
        else if(a == "--bearer-token-env")
            c.bearer_token = env();
        else if(a == "--rate-limit")
            c.rate_limit = number(1000000);
        else if(a == "--window-seconds")
            c.window_seconds = number(86400);
        else if(a == "--lockout-after")
            c.lockout_after = number(1000000);
        else if(a == "--lockout-seconds")
            c.lockout_seconds = number(86400);
        else if(a == "--idle-timeout")
            c.idle_timeout_seconds = number(86400);
        else if(a == "--max-connections")
            c.max_connections = number(100000);
        else if(a == "--record-limit")
            c.record_limit = static_cast<std::size_t>(number(10000000));
        else if(a == "--fault")
        {
            string_view s = v;
            while(!s.empty())
            {
                auto const comma = s.find(',');
                string_view const k = s.substr(0, comma);
                s = comma == string_view::npos ? string_view() : s.substr(comma + 1);
                fault f{fault_kind::status_503, -1, std::string(k)};
                std::uint64_t secs = 0;
                if(k == "none")
                    f.kind = fault_kind::none;
                else if(k == "429")
                    f.kind = fault_kind::status_429;
                else if(k == "500")
                    f.kind = fault_kind::status_500;
                else if(k == "500-after")
                    f.kind = fault_kind::status_500_after;
                else if(k == "502")
                    f.kind = fault_kind::status_502;
                else if(k == "504")
                    f.kind = fault_kind::status_504;
                else if(k == "503")
                    f.kind = fault_kind::status_503;
                else if(k.starts_with("503:") && parse_u64(k.substr(4), secs) && secs < 86400)
                    f.retry_after = static_cast<long>(secs);
                else if(k == "drop-before")
                    f.kind = fault_kind::drop_before;
                else if(k == "drop-after")
                    f.kind = fault_kind::drop_after;
                else if(k == "malformed")
                    f.kind = fault_kind::malformed;
                else if(k == "body-cut")
                    f.kind = fault_kind::body_cut;
                else if(k == "body-bad-chunks")
                    f.kind = fault_kind::body_bad_chunks;
                else if(k == "body-endless")
                    f.kind = fault_kind::body_endless;
                else
                    die("--fault", "must be none, 429, 500, 500-after, 502, 503, 503:SECONDS, 504, "
                                   "drop-before, drop-after, malformed, body-cut, "
                                   "body-bad-chunks or body-endless");
                c.faults.push_back(f);
            }
        }
        else
            die(argv[i - 1], "unknown option (see --help)");
    }
    if(c.basic_user.empty() != c.basic_token.empty())
        die("--basic-user", "goes with --basic-token-env");
    if(c.basic_user.empty() && c.bearer_token.empty())
        die("credentials", "give --basic-user/--basic-token-env or --bearer-token-env");
    if(c.tls_cert.empty() != c.tls_key.empty())
        die("--tls-cert", "goes with --tls-key");
    if(c.max_connections < 1)
        die("--max-connections", "must be at least 1");
    if(c.idle_timeout_seconds < 1)
        die("--idle-timeout", "must be at least 1 second");
    if(c.rate_limit < 1 || c.window_seconds < 1 || c.lockout_seconds < 1)
        die("limits", "--rate-limit, --window-seconds and --lockout-seconds must be at least 1");
    return c;
}

} // namespace

int
main(int argc, char** argv)
{
    config cfg = parse_args(argc, argv);
    asio::io_context io;
    boost::system::error_code ec;
    tcp::acceptor acceptor(io);
    auto const address = asio::ip::make_address_v4(cfg.listen, ec);
    if(ec)
        die("--listen", "must be an IPv4 address");
    tcp::endpoint const at(address, cfg.port);
    acceptor.open(at.protocol(), ec);
    if(!ec)
        acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if(!ec)
        acceptor.bind(at, ec);
    if(!ec)
        acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if(ec)
        die("listen", "cannot listen on that address and port");
    unsigned short const port = acceptor.local_endpoint().port();
    if(cfg.port_file)
    {
        // Written whole, then renamed, so a reader never sees half a port.
        std::string const tmp = std::string(cfg.port_file) + ".tmp";
        std::FILE* f = std::fopen(tmp.c_str(), "w");
        if(!f || std::fprintf(f, "%u\n", port) < 0 || std::fclose(f) != 0 ||
           std::rename(tmp.c_str(), cfg.port_file) != 0)
            die("--port-file", "cannot write the file");
    }
    std::optional<ssl::context> tls;
    if(!cfg.tls_cert.empty())
    {
        tls.emplace(ssl::context::tls_server);
        tls->use_certificate_chain_file(cfg.tls_cert, ec);
        if(ec)
            die("--tls-cert", "cannot read the certificate chain (PEM)");
        tls->use_private_key_file(cfg.tls_key, ssl::context::pem, ec);
        if(ec)
            die("--tls-key", "cannot read the private key (PEM), or it does not match");
    }
    std::printf("te-api-double: listening on %s://%s:%u\n", tls ? "https" : "http", cfg.listen,
                port);
    std::fflush(stdout);

    // The record file holds requests: created readable by its owner only.
    std::FILE* record = nullptr;
    if(cfg.record)
    {
        int const fd = ::open(cfg.record, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
        if(fd < 0 || !(record = ::fdopen(fd, "a")))
            die("--record", "cannot open the file");
    }
    std::chrono::seconds const idle(cfg.idle_timeout_seconds);
    std::size_t const max = static_cast<std::size_t>(cfg.max_connections);
    api_double api(std::move(cfg), record);
    server s(acceptor, api, tls ? &*tls : nullptr, idle, max);
    io.run();
}
