// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// adapter-probe: the three adapters driven the same way, for the transport
// truth table (tests/test_transport.py). API v7, a Bearer token from
// TE_TOKEN; every stack setting is an option, so each row can be set up.
//
//   adapter-probe curl|beast|httplib BASE_URL ID... [--cacert FILE]
//       [--proxy URL] [--connect-timeout-ms N] [--timeout-ms N]
//       [--max-attempts N]
//
// Prints one line per attempt (its facts and what the deletion made of
// them), one per id, and "requests N" (request heads written in all).
// Exit status: 0 all gone, 1 otherwise, 2 bad arguments.

#include <thousandeyes/credentials.hpp>
#include <thousandeyes/credentials/adapters/beast.hpp>
#include <thousandeyes/credentials/adapters/httplib.hpp>
#include <thousandeyes/credentials/adapters/libcurl.hpp>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace tc = thousandeyes::credentials;
namespace ad = tc::adapters;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

struct settings
{
    std::string cacert, proxy;
    long connect_timeout_ms = 5000;
    long timeout_ms = 20000;
};

std::int64_t
now_s()
{
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

void
sleep_ms(std::int64_t ms)
{
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

int requests = 0;

void
seen(tc::deletion const& del, ad::attempt const& a)
{
    requests += a.writes;
    std::string head = a.head ? std::to_string(a.head->status) : a.head.error().message();
    std::printf("attempt %d: writes=%d head=%s transport=%s error=%s outcome=%s\n",
                del.attempts(), a.writes, head.c_str(), a.sent() == tc::transport::never_sent
                                                           ? "never_sent" : "maybe_sent",
                a.error ? a.error.message().c_str() : "none",
                tc::to_string(del.last_decision().outcome).data());
    std::fflush(stdout);
}

// Beast: a connection per attempt, connected within the timeout (Asio's
// synchronous connect has none), TLS when the URL says https.
struct beast_connection
{
    asio::io_context io;
    asio::ssl::context ctx{asio::ssl::context::tls_client};
    std::optional<boost::beast::tcp_stream> plain;
    std::optional<asio::ssl::stream<boost::beast::tcp_stream>> tls;
    std::string host, port;
    bool secure = false;
    settings const& s;

    beast_connection(tc::endpoint const& ep, settings const& set)
        : host(ep.hostname()), port(std::to_string(ep.port())), secure(ep.secure()), s(set)
    {
        ctx.set_verify_mode(asio::ssl::verify_peer);
        if(s.cacert.empty())
            ctx.set_default_verify_paths();
        else
            ctx.load_verify_file(s.cacert);
    }

    boost::beast::tcp_stream*
    connect(boost::system::error_code& ec)
    {
        tls.reset();
        plain.emplace(io);
        tcp::resolver resolver(io);
        auto const at = resolver.resolve(host, port, ec);
        if(ec)
            return nullptr;
        plain->expires_after(std::chrono::milliseconds(s.connect_timeout_ms));
        plain->async_connect(at, [&](boost::system::error_code e, tcp::endpoint const&) { ec = e; });
        io.restart();
        io.run();
        plain->expires_never();
        return ec ? nullptr : &*plain;
    }

    // The stream an attempt uses, or null (ec set): the request never left.
    template<class F>
    ad::attempt
    with_stream(F&& f)
    {
        boost::system::error_code ec;
        if(!connect(ec))
            return ad::attempt::not_sent(ec);
        if(!secure)
            return f(*plain);
        tls.emplace(std::move(*plain), ctx);
        if(!SSL_set_tlsext_host_name(tls->native_handle(), host.c_str()))
            return ad::attempt::not_sent(asio::error::invalid_argument);
        tls->set_verify_callback(asio::ssl::host_name_verification(host));
        tls->handshake(asio::ssl::stream_base::client, ec);
        if(ec)
            return ad::attempt::not_sent(ec);
        return f(*tls);
    }
};

std::string
origin_of(tc::endpoint const& ep)
{
    std::string h(ep.hostname());
    if(h.find(':') != std::string::npos)
        h = "[" + h + "]";
    return (ep.secure() ? "https://" : "http://") + h + ":" + std::to_string(ep.port());
}

} // namespace

int
main(int argc, char** argv)
{
    char const* token = std::getenv("TE_TOKEN");
    if(argc < 4 || !token)
        return std::fputs("usage: TE_TOKEN=... adapter-probe ADAPTER BASE_URL ID... [options]\n",
                          stderr),
               2;
    std::string const adapter = argv[1];
    std::signal(SIGPIPE, SIG_IGN); // httplib over TLS writes with write(2)
    settings s;
    tc::retry_policy policy;
    std::vector<tc::credential_id> ids;
    for(int i = 3; i < argc; ++i)
    {
        std::string const a = argv[i];
        if(a.rfind("--", 0) == 0 && i + 1 < argc)
        {
            std::string const v = argv[++i];
            if(a == "--cacert")
                s.cacert = v;
            else if(a == "--proxy")
                s.proxy = v;
            else if(a == "--connect-timeout-ms")
                s.connect_timeout_ms = std::stol(v);
            else if(a == "--timeout-ms")
                s.timeout_ms = std::stol(v);
            else if(a == "--max-attempts")
                policy.max_attempts = std::stoi(v);
            else
                return std::fprintf(stderr, "adapter-probe: %s: unknown option\n", a.c_str()), 2;
            continue;
        }
        auto id = tc::credential_id::parse(a);
        if(!id)
            return std::fprintf(stderr, "adapter-probe: %s: bad id\n", a.c_str()), 2;
        ids.push_back(*id);
    }
    auto ep = tc::endpoint::parse(argv[2], {/*allow_insecure_http=*/true});
    auto auth = tc::authorization::bearer(token);
    tc::request_options opts;
    opts.api = tc::api_version::v7;
    auto builder = ep && auth ? tc::request_builder::make(*ep, *auth, opts)
                              : tc::result<tc::request_builder>(tc::error::base_url_malformed);
    if(!builder)
        return std::fputs("adapter-probe: bad base URL or token\n", stderr), 2;

    tc::batch b(ids.size(), policy);
    auto finished = [](tc::credential_id const& id, tc::deletion const& del, tc::batch_step const&) {
        tc::step const end = del.next();
        std::printf("id %lld: %s %s\n", static_cast<long long>(id.value()),
                    tc::to_string(end.kind).data(), tc::to_string(*end.outcome).data());
    };
    tc::batch_step last;
    if(adapter == "curl")
    {
        CURL* curl = curl_easy_init();
        if(!s.cacert.empty())
            curl_easy_setopt(curl, CURLOPT_CAINFO, s.cacert.c_str());
        curl_easy_setopt(curl, CURLOPT_PROXY, s.proxy.c_str()); // "" is none
        curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, s.connect_timeout_ms);
        curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, s.timeout_ms);
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
        last = ad::run_batch(
            b, *builder, ids, std::nullopt, policy,
            [&](tc::request const& req, tc::response_options const& o) {
                return ad::curl_attempt(curl, req, o);
            },
            now_s, sleep_ms, finished, seen);
        curl_easy_cleanup(curl);
    }
    else if(adapter == "beast")
    {
        beast_connection conn(*ep, s);
        last = ad::run_batch(
            b, *builder, ids, std::nullopt, policy,
            [&](tc::request const& req, tc::response_options const& o) {
                return conn.with_stream([&](auto& stream) { return ad::beast_attempt(stream, req, o); });
            },
            now_s, sleep_ms, finished, seen);
    }
    else if(adapter == "httplib")
    {
        httplib::Client client(origin_of(*ep));
        client.enable_server_certificate_verification(true);
        if(!s.cacert.empty())
            client.set_ca_cert_path(s.cacert);
        client.set_connection_timeout(std::chrono::milliseconds(s.connect_timeout_ms));
        client.set_read_timeout(std::chrono::milliseconds(s.timeout_ms));
        if(!s.proxy.empty())
        {
            auto const url = boost::urls::parse_uri(s.proxy);
            if(!url)
                return std::fputs("adapter-probe: bad --proxy\n", stderr), 2;
            client.set_proxy(std::string(url->host()), static_cast<int>(url->port_number()));
        }
        last = ad::run_batch(
            b, *builder, ids, std::nullopt, policy,
            [&](tc::request const& req, tc::response_options const& o) {
                return ad::httplib_attempt(client, req, o);
            },
            now_s, sleep_ms, finished, seen);
    }
    else
        return std::fputs("adapter-probe: ADAPTER must be curl, beast or httplib\n", stderr), 2;
    if(last.stop != tc::batch_stop::none)
        std::printf("stopped: %s\n", tc::to_string(last.stop).data());
    std::printf("requests %d\n", requests);
    return b.all_gone() ? 0 : 1;
}
