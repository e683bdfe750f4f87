// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// Deleting credentials with Boost.Beast's synchronous client (API v7, a
// Bearer token). Beast hands over the response's status and (name, value)
// pairs: that is the library's field-pairs input form.
//
//   TE_TOKEN=... beast-client http://127.0.0.1:8080 405 406 ...
//
// Plain TCP, for the API double on loopback. For the real API, wrap the
// stream in boost::beast::ssl_stream (Boost.Asio SSL, OpenSSL) and keep the
// rest as it is. Exit status: 0 all deleted or already absent, 1 otherwise,
// 2 bad arguments.

#include <thousandeyes/credentials.hpp>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

namespace tc = thousandeyes::credentials;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

static std::int64_t
now_s()
{
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

int
main(int argc, char** argv)
{
    char const* token = std::getenv("TE_TOKEN");
    if(argc < 3 || !token)
        return std::fputs("usage: TE_TOKEN=... beast-client http://HOST:PORT ID...\n", stderr), 2;
    auto ep = tc::endpoint::parse(argv[1], {/*allow_insecure_http=*/true});
    auto auth = tc::authorization::bearer(token);
    if(!ep || ep->is_secure() || !auth)
        return std::fputs("beast-client: bad token, or base URL not http://HOST:PORT\n", stderr), 2;
    tc::request_options opts;
    opts.api = tc::api_version::v7;
    auto builder = tc::request_builder::make(*ep, *auth, opts);
    if(!builder)
        return std::fputs("beast-client: bad options\n", stderr), 2;
    std::string const host(ep->host());
    auto const colon = host.rfind(':');

    boost::asio::io_context io;
    tcp::resolver resolver(io);
    tc::batch batch(static_cast<std::size_t>(argc - 2));
    for(int i = 2; i < argc; ++i)
    {
        auto req = builder->delete_credential(argv[i]);
        if(!req)
            return std::fprintf(stderr, "beast-client: %s: bad id\n", argv[i]), 2;
        // The request view, field by field, into Beast's message.
        http::request<http::empty_body> out{http::string_to_verb(req->method()),
                                            req->target(), 11};
        for(tc::field const& f : req->fields())
            out.set(f.name, f.value);

        // The library owns the protocol; this loop only moves bytes.
        tc::deletion del(*req);
        for(tc::step s = del.next(); s.kind == tc::step_kind::send; s = del.next())
        {
            // One connection per attempt, so a lost answer is never resent
            // behind our back. Errors are codes: no exception on the wire.
            boost::system::error_code ec;
            boost::beast::tcp_stream stream(io);
            stream.expires_after(std::chrono::seconds(20));
            auto const at = resolver.resolve(host.substr(0, colon),
                                             colon == std::string::npos ? "80" : host.substr(colon + 1), ec);
            if(!ec)
                stream.connect(at, ec);
            // Not connected: the request never left.
            tc::transport const lost = ec ? tc::transport::never_sent : tc::transport::maybe_sent;
            if(!ec)
                http::write(stream, out, ec);
            boost::beast::flat_buffer buf;
            http::response<http::string_body> in;
            if(!ec)
                http::read(stream, buf, in, ec);
            if(ec)
                del.no_response(lost, now_s());
            else
            {
                tc::field_reader reader(in.result_int(), tc::response_options{now_s()});
                for(auto const& f : in)
                    reader.field(f.name_string(), f.value());
                del.received(reader.get(), now_s());
            }
            std::printf("%s: attempt %d: %s", argv[i], del.attempts(),
                        ec ? ec.message().c_str() : tc::to_string(del.last_decision().outcome).data());
            if(del.next().kind != tc::step_kind::wait)
                break;
            std::printf(", retry in %lld ms\n", static_cast<long long>(del.next().wait_ms));
            std::this_thread::sleep_for(std::chrono::milliseconds(del.next().wait_ms));
            del.waited();
        }
        tc::step const end = del.next();
        std::printf(", %s %s\n", tc::to_string(end.kind).data(), tc::to_string(end.outcome).data());
        auto const after = batch.finished(del, now_s()); // pacing: no 429 in a batch
        if(!after || !after->next)
        {
            if(after && after->stop != tc::batch_stop::none)
                std::printf("stopped: %s\n", tc::to_string(after->stop).data());
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(after->wait_ms));
    }
    return batch.all_gone() ? 0 : 1;
}
