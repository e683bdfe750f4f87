// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// What the peers share: taking the same four numbers from what they give.
// (llhttp and http-parser declare the same names, so each has its own
// translation unit.)
#ifndef TE_CREDENTIALS_BENCH_PEER_COMMON_HPP
#define TE_CREDENTIALS_BENCH_PEER_COMMON_HPP

#include "work.hpp"

#include <charconv>
#include <strings.h>

namespace bench {
namespace peer {

// Which of the three numbers a field name is: 1, 2, 3, or 0.
inline int
which(char const* p, std::size_t n) noexcept
{
    constexpr char prefix[] = "x-organization-rate-limit-";
    constexpr std::size_t k = sizeof(prefix) - 1;
    if(n < k + 5 || strncasecmp(p, prefix, k) != 0)
        return 0;
    string_view const rest(p + k, n - k);
    if(rest.size() == 5 && strncasecmp(rest.data(), "limit", 5) == 0)
        return 1;
    if(rest.size() == 9 && strncasecmp(rest.data(), "remaining", 9) == 0)
        return 2;
    if(rest.size() == 5 && strncasecmp(rest.data(), "reset", 5) == 0)
        return 3;
    return 0;
}

inline void
store(extract& out, int field, char const* p, std::size_t n) noexcept
{
    std::int64_t v = -1;
    if(std::from_chars(p, p + n, v).ec != std::errc())
        v = -1;
    (field == 1 ? out.limit : field == 2 ? out.remaining : out.reset) = v;
}

// Both C parsers hand a name, then its value, each possibly in pieces; the
// heads here come whole, so each arrives in one piece.
struct c_state
{
    extract* out;
    int field = 0;
};

template<class Parser>
inline int
on_field(Parser* p, char const* at, std::size_t n)
{
    static_cast<c_state*>(p->data)->field = which(at, n);
    return 0;
}

template<class Parser>
inline int
on_value(Parser* p, char const* at, std::size_t n)
{
    auto& s = *static_cast<c_state*>(p->data);
    if(s.field)
        store(*s.out, s.field, at, n);
    return 0;
}

} // namespace peer
} // namespace bench

#endif
