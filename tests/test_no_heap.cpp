// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#include "doctest_config.hpp"

#include <thousandeyes/credentials.hpp>
#include <thousandeyes/credentials/error_message.hpp>

#include <cstdlib>
#include <new>

// Counts every heap allocation of the program, so a test can prove that a
// piece of the library makes none.
namespace {
unsigned long allocations = 0;
}

void*
operator new(std::size_t n)
{
    ++allocations;
    if(void* p = std::malloc(n ? n : 1))
        return p;
    std::abort();
}

void
operator delete(void* p) noexcept
{
    std::free(p);
}

void
operator delete(void* p, std::size_t) noexcept
{
    std::free(p);
}

namespace tc = thousandeyes::credentials;

TEST_CASE("configuring, building and serializing allocate nothing on the heap")
{
    unsigned long const before = allocations;
    char out[4096];
    std::size_t total = 0;
    {
        auto ep = tc::endpoint::parse("https://gw.example.com:8443/te");
        auto basic = tc::authorization::basic("noreply@thousandeyes.com", "token");
        auto bearer = tc::authorization::bearer("abc");
        auto ua = tc::user_agent::parse("app/1");
        auto bad = tc::credential_id::parse("0405");
        tc::request_options o;
        o.agent = *ua;
        auto b6 = tc::request_builder::make(*ep, *basic, o);
        o.api = tc::api_version::v7;
        auto b7 = tc::request_builder::make(tc::endpoint{}, *bearer, o);
        auto r6 = b6->delete_credential("405", "7");
        auto r7 = *b7->delete_credential(*tc::credential_id::make(405));
        total += tc::write_head(*r6, out, sizeof(out)).size;
        total += tc::write_head(r7, out, sizeof(out)).size;
        total += tc::write_curl(*r6, out, sizeof(out)).size;
        total += tc::write_review(r7, out, sizeof(out)).size;
        total += tc::write_head(r7, out, 3).size; // too small
        char msg[1];
        total += std::char_traits<char>::length(bad.error().message(msg, sizeof(msg)));
    }
    unsigned long const after = allocations;
    CHECK(total > 0);
    CHECK(after - before == 0);
}

TEST_CASE("reading a response in each form, its error message, and deciding allocate nothing")
{
    // the seed's response head, a 429 and a problem+json body, as literals:
    // no std::string is built inside the counted region
    static char const seed[] =
        "HTTP/1.1 204 No Content\r\nDate: Fri, 15 Nov 2019 20:24:33 GMT\r\n"
        "X-Organization-Rate-Limit-Limit: 240\r\nX-Organization-Rate-Limit-Remaining: 236\r\n"
        "X-Organization-Rate-Limit-Reset: 1573849500\r\n"
        "RateLimit: \"d\";r=3;t=9\r\nRateLimit-Policy: \"d\";q=10;w=60\r\n"
        "Retry-After: Sunday, 06-Nov-94 08:49:37 GMT\r\n\r\n";
    static char const body[] =
        "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
        "\"detail\":\"Rate limit \\u00e9xceeded\",\"extra\":[1,2,{\"a\":null}]}";
    unsigned long const before = allocations;
    std::int64_t total = 0;
    {
        tc::static_response_parser<> p;
        for(char const& c : tc::string_view(seed))
            total += static_cast<std::int64_t>(p.feed({&c, 1}).value());
        tc::response const r = p.get().value();

        tc::header_line_reader lines;
        lines.line("HTTP/1.1 429 Too Many Requests\r\n");
        lines.line("Date: Fri, 15 Nov 2019 20:24:33 GMT\r\n");
        lines.line("X-Organization-Rate-Limit-Reset: 1573849500\r\n");
        lines.line("\r\n");
        tc::response const r429 = lines.get().value();

        tc::field_reader fields(503);
        fields.field("retry-after", "7");
        tc::response const r503 = fields.get().value();

        tc::attempt_context a;
        a.now = 1573849473;
        total += tc::decide(r, a).delay_ms + tc::decide(r429, a).delay_ms +
                 tc::decide(r503, a).delay_ms + tc::decide_no_response(a).delay_ms +
                 tc::pace_ms(r, a.now);
        auto const m = tc::error_message::read(body);
        total += static_cast<std::int64_t>(m.text().size());
    }
    unsigned long const after = allocations;
    CHECK(total > 27000);
    CHECK(after - before == 0);
}

TEST_CASE("the allocation counter sees allocations")
{
    unsigned long const before = allocations;
    // A direct call: compilers may elide a new-expression, not this.
    void* volatile p = ::operator new(16);
    ::operator delete(p);
    CHECK(allocations - before == 1);
}
