// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// Boost.Beast as the user's stack: Beast parses a response, its fields are
// handed to `field_reader` (the field-pairs form), and the result must be
// what the library reads from the same bytes itself.
#include "doctest_config.hpp"
#include "response_forms.hpp"

#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <string>

namespace http = boost::beast::http;

namespace {

tc::result<tc::response>
through_beast(std::string const& raw)
{
    http::response_parser<http::string_body> p;
    p.eager(true);
    boost::system::error_code ec;
    p.put(boost::asio::buffer(raw.data(), raw.size()), ec);
    if(ec == http::error::need_more)
        p.put_eof(ec);
    REQUIRE_MESSAGE(!ec, ec.message());
    auto const& m = p.get();
    tc::field_reader r(m.result_int());
    for(auto const& f : m)
        r.field(f.name_string(), f.value());
    return r.get();
}

} // namespace

TEST_CASE("Beast's fields through field_reader read as the library's own byte parser does")
{
    std::string const heads[] = {
        seed_response(),
        "HTTP/1.1 429 Too Many Requests\r\nDate: Fri, 15 Nov 2019 20:24:33 GMT\r\n"
        "X-Organization-Rate-Limit-Limit: 240\r\nX-Organization-Rate-Limit-Remaining: 0\r\n"
        "X-Organization-Rate-Limit-Reset: 1573849500\r\nRetry-After: 27\r\n"
        "Content-Type: application/problem+json\r\nContent-Length: 27\r\n\r\n"
        "{\"title\":\"Too Many Requests\"}",
        "HTTP/1.1 503 Service Unavailable\r\nretry-after: Sunday, 06-Nov-94 08:49:37 GMT\r\n"
        "RateLimit: \"burst\";r=0;t=12\r\nRateLimit-Policy: \"burst\";q=100;w=60\r\n"
        "x-instant-test-rate-limit-remaining:   23  \r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "HTTP/1.1 404 Not Found\r\nX-Template-Deploy-Rate-Limit-Reset: 5\r\n"
        "X-Template-Deploy-Rate-Limit-Reset: 6\r\nRateLimit-Limit: 10, 10;w=1\r\n"
        "Content-Length: 0\r\n\r\n",
        "HTTP/1.1 401 \r\nX-Organization-Rate-Limit-Limit: 240, 240\r\nConnection: close\r\n\r\n",
    };
    for(auto const& raw : heads)
    {
        CAPTURE(raw);
        auto const ours = parse_bytes(raw);
        REQUIRE(ours.has_value());
        auto const beast = through_beast(raw);
        REQUIRE(beast.has_value());
        CHECK(same(*ours, *beast));
        CHECK(same(*ours, parse_chunked(raw, 1).value()));
    }
}

TEST_CASE("the byte parser finds the body where Beast does")
{
    std::string const head = "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n"
                             "Content-Length: 30\r\n\r\n";
    std::string const raw = head + "{\"errorMessage\":\"Invalid aid\"}";
    http::response_parser<http::string_body> p;
    boost::system::error_code ec;
    std::size_t const beast_head = p.put(boost::asio::buffer(raw.data(), raw.size()), ec);
    REQUIRE(!ec);
    REQUIRE(p.is_header_done());
    tc::static_response_parser<> ours;
    CHECK(ours.feed(raw).value() == beast_head);
    CHECK(ours.get()->content_length == *p.content_length());
}
