// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// Before a figure is taken, every contender must give the same answer on
// every input: the ratios compare equal work.
#include "work.hpp"

#include <cstdio>
#include <cstring>

namespace bench {

namespace {

bool
same(char const* what, extract const& a, extract const& b)
{
    if(a == b)
        return true;
    std::fprintf(stderr, "bench: %s disagrees: status %d/%d limit %lld/%lld remaining %lld/%lld\n",
                 what, a.status, b.status, static_cast<long long>(a.limit),
                 static_cast<long long>(b.limit), static_cast<long long>(a.remaining),
                 static_cast<long long>(b.remaining));
    return false;
}

bool
check_read(std::string const& head)
{
    extract ours, x;
    bool ok = read_raw(head, roomy(), ours) && ours.limit == 240 && ours.remaining == 236 &&
              ours.reset == 1573849500;
    if(!ok)
        return std::fprintf(stderr, "bench: the library refuses a head\n"), false;
    struct contender
    {
        char const* name;
        bool (*read)(string_view, extract&);
    };
    static constexpr contender others[] = {
        {"lines", [](string_view h, extract& e) { return read_lines(h, roomy(), e); }},
        {"fields", [](string_view h, extract& e) { return read_fields(h, roomy(), e); }},
        {"llhttp", read_llhttp},
        {"http-parser", read_http_parser},
        {"beast", read_beast},
    };
    for(contender const& c : others)
    {
        x = {};
        if(!c.read(head, x))
            return std::fprintf(stderr, "bench: %s refuses a head of %zu bytes\n", c.name,
                                head.size()),
                   false;
        ok = ok && same(c.name, ours, x);
    }
    return ok;
}

} // namespace

bool
check()
{
    for(std::string const& head :
        {std::string(seed_response()), grown_response(10), grown_response(50),
         grown_response(200), grown_response(0, 8192)})
        if(!check_read(head))
            return false;
    seed_request const s = seed_request::make();
    char a[1024], b[1024];
    std::size_t const n = build_ours(s, a, sizeof(a));
    for(auto f : {build_hand_rolled, build_snprintf, build_beast})
    {
        std::size_t const m = f(405, b, sizeof(b));
        if(n == 0 || m != n || std::memcmp(a, b, n) != 0)
            return std::fprintf(stderr, "bench: a writer's head differs:\n%.*s\n", int(m), b),
                   false;
    }
    std::size_t const d = build_direct(s, b, sizeof(b));
    if(d != n || std::memcmp(a, b, n) != 0)
        return std::fprintf(stderr, "bench: the direct head differs:\n%.*s\n", int(d), b), false;
    return true;
}

} // namespace bench
