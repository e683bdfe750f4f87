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
#include <cstdint>
#include <cstring>
#include <strings.h>

namespace bench {
namespace peer {

// Which of the three numbers a field name is: 1, 2, 3, or 0. Two ways a
// peer's user might write it.

// The obvious way: libc's strncasecmp (locale-aware, a call per compare).
inline int
which_locale(char const* p, std::size_t n) noexcept
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

// Eight name bytes folded to lower case: OR 0x20 makes an ASCII letter
// lower case and leaves '-' as it is. Another byte could fold onto a letter
// or '-' only if it were a letter already or CR, and no parser hands over a
// name holding CR, so equality after folding is case-insensitive equality.
inline std::uint64_t
folded8(char const* p) noexcept
{
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return w | 0x2020202020202020u;
}

inline std::uint64_t
word8(char const (&s)[9]) noexcept
{
    std::uint64_t w;
    std::memcpy(&w, s, 8);
    return w;
}

// The careful way: a switch on the length (31 or 35 bytes), then the name
// compared folded, eight bytes at a time.
inline int
which_careful(char const* p, std::size_t n) noexcept
{
    if(n != 31 && n != 35)
        return 0;
    // "x-organization-rate-limit-" is 26 bytes: three words and two bytes.
    if(folded8(p) != word8("x-organi") || folded8(p + 8) != word8("zation-r") ||
       folded8(p + 16) != word8("ate-limi") || (p[24] | 0x20) != 't' || p[25] != '-')
        return 0;
    if(n == 35)
        return folded8(p + 26) == word8("remainin") && (p[34] | 0x20) == 'g' ? 2 : 0;
    // a 31-byte name's last eight bytes (23..30) overlap the prefix's last three
    std::uint64_t const tail = folded8(p + 23);
    if(tail == word8("it-limit"))
        return 1;
    if(tail == word8("it-reset"))
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

template<class Parser, int (*Which)(char const*, std::size_t)>
inline int
on_field(Parser* p, char const* at, std::size_t n)
{
    static_cast<c_state*>(p->data)->field = Which(at, n);
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
