// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#include "doctest_config.hpp"

#include <thousandeyes/credentials.hpp>

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
        auto r7 = b7->delete_credential(*tc::credential_id::make(405));
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

TEST_CASE("the allocation counter sees allocations")
{
    unsigned long const before = allocations;
    // A direct call: compilers may elide a new-expression, not this.
    void* volatile p = ::operator new(16);
    ::operator delete(p);
    CHECK(allocations - before == 1);
}
