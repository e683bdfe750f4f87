// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// Deleting credentials over Boost.Asio/Beast synchronous streams (API v7, a
// Bearer token), through the Beast adapter: the request's own bytes out,
// the answer's head read by the library's parser, nothing more.
//
//   TE_TOKEN=... beast-client http://127.0.0.1:8080 405 406 ...
//
// Plain TCP, for the API double on loopback. For the real API, connect an
// ssl_stream (Boost.Asio SSL, OpenSSL; tests/adapters/adapter_probe.cpp
// shows it) and keep the rest as it is. Exit status: 0 all deleted or already absent, 1 otherwise,
// 2 bad arguments.

#include <thousandeyes/credentials.hpp>

#include <thousandeyes/credentials/adapters/beast.hpp>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace tc = thousandeyes::credentials;
using tcp = boost::asio::ip::tcp;

static std::int64_t
now_s()
{
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

static void
sleep_ms(std::int64_t ms)
{
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

int
main(int argc, char** argv)
{
    char const* token = std::getenv("TE_TOKEN");
    if(argc < 3 || !token)
        return std::fputs("usage: TE_TOKEN=... beast-client http://HOST:PORT ID...\n", stderr), 2;
    auto ep = tc::endpoint::parse(argv[1], {/*allow_insecure_http=*/true});
    auto auth = tc::authorization::bearer(token);
    if(!ep || ep->secure() || !auth)
        return std::fputs("beast-client: bad token, or base URL not http://HOST:PORT\n", stderr), 2;
    tc::request_options opts;
    opts.api = tc::api_version::v7;
    auto builder = tc::request_builder::make(*ep, *auth, opts);
    if(!builder)
        return std::fputs("beast-client: bad options\n", stderr), 2;
    std::string const host(ep->hostname()); // no brackets around an IPv6 address
    std::string const port = std::to_string(ep->port());

    std::vector<tc::credential_id> ids;
    for(int i = 2; i < argc; ++i)
    {
        auto id = tc::credential_id::parse(argv[i]);
        if(!id)
            return std::fprintf(stderr, "beast-client: %s: bad id\n", argv[i]), 2;
        ids.push_back(*id);
    }

    // A new connection for each attempt: a lost answer is never resent
    // behind our back. Connecting is ours; a failure means nothing was sent.
    boost::asio::io_context io;
    tcp::resolver resolver(io);
    std::optional<boost::beast::tcp_stream> stream;
    auto connect = [&](boost::system::error_code& ec) -> boost::beast::tcp_stream* {
        stream.emplace(io);
        auto const at = resolver.resolve(host, port, ec);
        if(!ec)
            boost::asio::connect(stream->socket(), at, ec);
        return ec ? nullptr : &*stream;
    };
    tc::batch batch(ids.size());
    auto const last = tc::adapters::beast_delete_batch(
        connect, *builder, ids, batch, now_s, sleep_ms,
        [](tc::credential_id const& id, tc::deletion const& del, tc::batch_step const&) {
            tc::step const end = del.next();
            std::printf("%lld: %d attempt(s), %s %s\n", static_cast<long long>(id.value()),
                        del.attempts(), tc::to_string(end.kind).data(),
                        tc::to_string(*end.outcome).data());
        });
    if(last.stop != tc::batch_stop::none)
        std::printf("stopped: %s\n", tc::to_string(last.stop).data());
    return batch.all_gone() ? 0 : 1;
}
