// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// Two clients as a user writes them with Boost.Beast or cpp-httplib alone,
// without this library, deleting credential 405 over API v7 the way the
// API reference says: the request checker's captures judge what they send.
//
// usage: plain-client beast|httplib PORT   (token in TE_TOKEN; 127.0.0.1)
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/version.hpp>

#include <httplib.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace beast = boost::beast;
namespace http = beast::http;
namespace asio = boost::asio;

namespace {

int
with_beast(std::string const& port, std::string const& token)
{
    asio::io_context io;
    asio::ip::tcp::resolver resolver(io);
    beast::tcp_stream stream(io);
    stream.connect(resolver.resolve("127.0.0.1", port));
    http::request<http::empty_body> req{http::verb::delete_, "/v7/credentials/405", 11};
    req.set(http::field::host, "127.0.0.1:" + port);
    req.set(http::field::user_agent, BOOST_BEAST_VERSION_STRING);
    req.set(http::field::accept, "application/json");
    req.set(http::field::authorization, "Bearer " + token);
    http::write(stream, req);
    beast::flat_buffer buf;
    http::response<http::string_body> res;
    http::read(stream, buf, res);
    return res.result_int() == 204 ? 0 : 1;
}

int
with_httplib(std::string const& port, std::string const& token)
{
    httplib::Client cli("127.0.0.1", std::stoi(port));
    httplib::Headers const headers = {{"Accept", "application/json"},
                                      {"Authorization", "Bearer " + token}};
    auto res = cli.Delete("/v7/credentials/405", headers);
    return res && res->status == 204 ? 0 : 1;
}

} // namespace

int
main(int argc, char** argv)
{
    char const* token = std::getenv("TE_TOKEN");
    if(argc != 3 || !token)
        return std::fputs("usage: plain-client beast|httplib PORT (TE_TOKEN set)\n", stderr), 2;
    std::string const which = argv[1];
    try
    {
        return which == "beast" ? with_beast(argv[2], token) : with_httplib(argv[2], token);
    }
    catch(std::exception const& e)
    {
        std::fprintf(stderr, "plain-client: %s\n", e.what());
        return 1;
    }
}
