// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// Before a figure is taken, every contender must give the same answer on
// every input: the ratios compare equal work.
#include "peer_common.hpp"

#include <cstdio>
#include <cstring>
#include <string>

namespace bench {

namespace {

bool
same(char const* what, extract const& a, extract const& b)
{
    if(a == b)
        return true;
    std::fprintf(stderr,
                 "bench: %s disagrees: status %d/%d limit %lld/%lld remaining %lld/%lld "
                 "reset %lld/%lld\n",
                 what, a.status, b.status, static_cast<long long>(a.limit),
                 static_cast<long long>(b.limit), static_cast<long long>(a.remaining),
                 static_cast<long long>(b.remaining), static_cast<long long>(a.reset),
                 static_cast<long long>(b.reset));
    return false;
}

bool
check_read(std::string const& head, bool sse42)
{
    extract ours;
    if(!read_raw(head, roomy(), ours) || ours.limit != 240 || ours.remaining != 236 ||
       ours.reset != 1573849500)
        return std::fprintf(stderr, "bench: the library refuses a head\n"), false;
    bool ok = true;
    for(reader const& c : readers)
    {
        if(c.sse42 && !sse42)
            continue;
        extract x;
        if(!c.read(head, x))
            return std::fprintf(stderr, "bench: %s refuses a head of %zu bytes\n", c.name,
                                head.size()),
                   false;
        extract want = ours;
        if(c.parse_only)
            want = extract{ours.status};
        ok = same(c.name, want, x) && ok;
    }
    extract x;
    return read_fields(head, roomy(), x) && same("read/ours-pairs", ours, x) && ok;
}

// The careful name match agrees with the locale one on the three names in
// any case, and on every one-byte change of them (a case flip or another
// byte; never CR, which no parser hands over in a name), whole or cut short
// by one byte.
bool
check_names()
{
    auto agree = [](std::string const& n) {
        for(std::string const& m : {n, n.substr(0, n.size() - 1)})
            if(peer::which_careful(m.data(), m.size()) != peer::which_locale(m.data(), m.size()))
                return std::fprintf(stderr, "bench: name matches disagree on %s\n", m.c_str()),
                       false;
        return true;
    };
    for(std::string const name : {"X-Organization-Rate-Limit-Limit",
                                  "X-Organization-Rate-Limit-Remaining",
                                  "x-ORGANIZATION-rate-LIMIT-reset", "X-Organization-Rate-Limit-Resets"})
    {
        if(!agree(name))
            return false;
        for(std::size_t i = 0; i < name.size(); ++i)
            // (a letter's case flipped; '-' flipped would be CR)
            for(char const c : {static_cast<char>(name[i] == '-' ? '-' : name[i] ^ 0x20), '-', 'A',
                                'z', '@', '`', '[', '{', '0', ':'})
            {
                std::string n = name;
                n[i] = c;
                if(!agree(n))
                    return false;
            }
    }
    return true;
}

} // namespace

bool
check(bool sse42)
{
    if(!check_names())
        return false;
    for(std::string const& head :
        {std::string(seed_response()), grown_response(10), grown_response(50),
         grown_response(200), grown_response(0, 8192)})
        if(!check_read(head, sse42))
            return false;
    for(std::int64_t const id : {std::int64_t{405}, std::int64_t{1}, std::int64_t{9223372036854775807}})
    {
        char a[1024], b[1024];
        std::size_t const n = write_hand_rolled(id, a, sizeof(a));
        for(writer const& w : writers)
        {
            std::size_t const m = w.write(id, b, sizeof(b));
            if(n == 0 || m != n || std::memcmp(a, b, n) != 0)
                return std::fprintf(stderr, "bench: %s's head differs:\n%.*s\n", w.name,
                                    int(m), b),
                       false;
        }
    }
    return true;
}

} // namespace bench
