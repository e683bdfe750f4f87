// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#include "request_configs.hpp"

#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>

namespace http = boost::beast::http;

TEST_CASE("every serialized head parses back with Boost.Beast into the request view")
{
    for(auto const& c : configs)
    {
        CAPTURE(c.name);
        auto const b = builder_for(c);
        auto const req = request_for(b, c);
        std::string const head = write(tc::write_head, req, tc::secrets::reveal);

        http::request_parser<http::empty_body> p;
        p.eager(true);
        boost::system::error_code ec;
        std::size_t const used = p.put(boost::asio::buffer(head), ec);
        REQUIRE_FALSE(ec);
        CHECK(used == head.size());
        if(!p.is_done())
        {
            // A head without Content-Length announces no body: the message
            // ends with the head.
            p.put_eof(ec);
            REQUIRE_FALSE(ec);
        }
        REQUIRE(p.is_done());
        auto const& m = p.get();
        CHECK(m.version() == 11);
        CHECK(m.method_string() == req.method());
        CHECK(m.target() == req.target());

        auto const fields = req.fields();
        std::size_t i = 0;
        for(auto const& f : m)
        {
            REQUIRE(i < fields.size());
            CHECK(f.name_string() == fields[i].name);
            CHECK(f.value() == fields[i].value);
            ++i;
        }
        CHECK(i == fields.size());
        CHECK(p.content_length().value_or(0) == 0);
        CHECK(m.has_content_length() == req.has_body());
    }
}

