// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// A downstream program on the three adapters, through their packaged
// dependencies: it compiles and links each adapter's deletion (never run
// here: the truth table runs them), then prints the seed's request line and
// Host like seed_request.cpp.
#include "seed_lines.hpp"

#include <thousandeyes/credentials.hpp>
#include <thousandeyes/credentials/adapters/beast.hpp>
#include <thousandeyes/credentials/adapters/httplib.hpp>
#include <thousandeyes/credentials/adapters/libcurl.hpp>

#include <boost/asio/ip/tcp.hpp>

#include <cstdio>
#include <string>

namespace tc = thousandeyes::credentials;
namespace ad = tc::adapters;

int
main(int argc, char**)
{
    auto const auth = tc::authorization::basic("noreply@thousandeyes.com",
                                               "g351mw5xqhvkmh1vq6zfm51c62wyzib2");
    auto const builder = tc::request_builder::make(tc::endpoint{}, *auth);
    auto const req = builder->delete_credential("405");
    if(!req)
        return 1;
    if(argc > 99) // linked, not run
    {
        auto now = [] { return std::int64_t{0}; };
        auto sleep = [](std::int64_t) {};
        tc::deletion del;
        ad::curl_delete(curl_easy_init(), *req, del, now, sleep);
        httplib::Client client("https://api.thousandeyes.com");
        ad::httplib_delete(client, *req, del, now, sleep);
        boost::asio::io_context io;
        boost::asio::ip::tcp::socket socket(io);
        ad::beast_delete([&](boost::system::error_code&) { return &socket; }, *req, del, now,
                         sleep);
    }
    return print_seed_lines();
}
