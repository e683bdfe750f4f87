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
#include <boost/beast/http/parser.hpp>
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

// One attempt on a new connection (a lost answer is never resent behind
// our back): the head out, the answer's head in, reported to the deletion.
// An answer is its final head: the body is not read, so a body cut short
// or endless changes nothing. Errors are codes: no exception on the wire.
static void
attempt(boost::asio::io_context& io, tcp::resolver& resolver, std::string const& host,
        std::string const& port, http::request<http::empty_body> const& out,
        boost::system::error_code& ec, tc::deletion& del)
{
    boost::beast::tcp_stream stream(io);
    stream.expires_after(std::chrono::seconds(20));
    auto const at = resolver.resolve(host, port, ec);
    if(!ec)
        stream.connect(at, ec);
    std::size_t written = 0;
    if(!ec)
        written = http::write(stream, out, ec);
    tc::result<tc::response> head = tc::make_error_code(tc::error::response_incomplete);
    boost::beast::flat_buffer buf;
    for(bool interim = true; !ec && interim;)
    {
        http::response_parser<http::empty_body> in; // a 1xx is passed over
        http::read_header(stream, buf, in, ec);
        int const status = in.get().result_int();
        interim = !ec && status < 200 && status != 101;
        if(ec || interim)
            continue;
        tc::field_reader reader(status, tc::response_options(now_s()));
        for(auto const& f : in.get())
            reader.field(f.name_string(), f.value());
        head = reader.get();
    }
    // No byte written: the request never left.
    del.report(head, written ? tc::transport::maybe_sent : tc::transport::never_sent, now_s());
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
        tc::deletion del;
        for(tc::step s = del.next(); !s.finished(); s = del.next())
        {
            if(s.kind == tc::step_kind::wait)
            {
                std::printf(", retry in %lld ms\n", static_cast<long long>(s.wait_ms));
                std::this_thread::sleep_for(std::chrono::milliseconds(s.wait_ms));
                del.waited();
                continue;
            }
            boost::system::error_code ec;
            attempt(io, resolver, host, port, out, ec, del);
            std::printf("%s: attempt %d: %s", argv[i], del.attempts(),
                        del.last_answer() ? tc::to_string(del.last_decision().outcome).data()
                                          : ec.message().c_str());
        }
        tc::step const end = del.next();
        std::printf(", %s %s\n", tc::to_string(end.kind).data(), tc::to_string(*end.outcome).data());
        auto const after = batch.finished(del); // pacing: no 429 in a batch
        if(!after || !after->next)
        {
            if(after && after->stop != tc::batch_stop::none)
                std::printf("stopped: %s\n", tc::to_string(after->stop).data());
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(after->pace.wait_ms));
    }
    return batch.all_gone() ? 0 : 1;
}
