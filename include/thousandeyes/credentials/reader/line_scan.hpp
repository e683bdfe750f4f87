// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_READER_LINE_SCAN_HPP
#define THOUSANDEYES_CREDENTIALS_READER_LINE_SCAN_HPP

// Scanning a head line: the first control byte, the first ':', and whether
// a field name is a token, 16 bytes at a time with SSE2, else 8 with SWAR.

#include <thousandeyes/credentials/detail/charsets.hpp>

#include <boost/config.hpp>

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace thousandeyes {
namespace credentials {
namespace detail {

// is_tchar as a table: field names are read a byte at a time.
struct tchar_table
{
    bool t[256] = {};
    constexpr tchar_table() noexcept
    {
        for(int c = 0; c < 256; ++c)
            t[c] = is_tchar(static_cast<unsigned char>(c));
    }
};
inline constexpr tchar_table tchars{};


// The first byte in [p, e) that is a CTL or DEL (HTAB included: the
// callers skip it), 16 bytes at a time with SSE2, else 8 with SWAR.
BOOST_FORCEINLINE char const*
find_ctl_or_tab(char const* p, char const* e) noexcept
{
#if defined(__SSE2__)
    __m128i const ctl_max = _mm_set1_epi8(0x1F);
    __m128i const del = _mm_set1_epi8(0x7F);
    while(e - p >= 16)
    {
        __m128i const x = _mm_loadu_si128(reinterpret_cast<__m128i const*>(p));
        __m128i const lt = _mm_cmpeq_epi8(_mm_min_epu8(x, ctl_max), x);
        __m128i const eq = _mm_cmpeq_epi8(x, del);
        int const m = _mm_movemask_epi8(_mm_or_si128(lt, eq));
        if(m)
            return p + __builtin_ctz(static_cast<unsigned>(m));
        p += 16;
    }
#endif
    while(e - p >= 8)
    {
        std::uint64_t x = 0;
        std::memcpy(&x, p, 8);
        std::uint64_t const lt =
            (x - 0x2020202020202020ULL) & ~x & 0x8080808080808080ULL;
        std::uint64_t const y = x ^ 0x7F7F7F7F7F7F7F7FULL;
        std::uint64_t const eq =
            (y - 0x0101010101010101ULL) & ~y & 0x8080808080808080ULL;
        if(lt | eq)
            break;
        p += 8;
    }
    for(; p != e; ++p)
    {
        auto const c = static_cast<unsigned char>(*p);
        if(c < 0x20 || c == 0x7F)
            return p;
    }
    return e;
}

// The first byte in [p, e) a head line may not hold.
inline char const*
find_control(char const* p, char const* e) noexcept
{
    while(true)
    {
        p = find_ctl_or_tab(p, e);
        if(p == e || *p != '\t')
            return p;
        ++p;
    }
}

// The first ':' in [p, e), or e: scan_line's second pass where there is
// no SSE2 (with SSE2, scan_line finds it in its one pass).
inline char const*
find_colon(char const* p, char const* e) noexcept
{
    for(; p != e; ++p)
        if(*p == ':')
            return p;
    return e;
}

inline bool all_tchar(char const* p, std::size_t n) noexcept;

/// What one pass over a head line finds.
struct line_marks
{
    char const* end;   ///< the first CTL or DEL but HTAB (the line's end), or e
    char const* colon; ///< the first ':' before `end`, or `end`
};

// One pass over [p, e) that finds a line's end and its first ':', 16 bytes
// at a time with SSE2 (the last ones through a load that overlaps bytes
// already read; fewer than 16 in all, one at a time); without SSE2,
// find_control and then find_colon.
BOOST_FORCEINLINE line_marks
scan_line(char const* p, char const* e) noexcept
{
#if defined(__SSE2__)
    char const* const start = p;
    char const* colon = nullptr;
    // The CTL (but HTAB) and ':' bytes of the 16 at q, as two masks.
    auto marks = [](char const* q, unsigned& ctl, unsigned& col) {
        __m128i const x = _mm_loadu_si128(reinterpret_cast<__m128i const*>(q));
        ctl = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(
            _mm_andnot_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\t')),
                             _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1F)), x)),
            _mm_cmpeq_epi8(x, _mm_set1_epi8(0x7F)))));
        col = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(':'))));
    };
    // The line ends in this block (m != 0) or goes on. The first ':' is
    // noted; one after the line's end is dropped when the end is known.
    auto block = [&colon](char const* q, unsigned m, unsigned c) {
        if(!colon && c)
            colon = q + __builtin_ctz(c);
        return m;
    };
    auto found = [&colon](char const* end) {
        return line_marks{end, colon && colon < end ? colon : end};
    };
    unsigned m = 0;
    unsigned c = 0;
    while(e - p >= 16)
    {
        marks(p, m, c);
        if(block(p, m, c))
            return found(p + __builtin_ctz(m));
        p += 16;
    }
    if(p != e && e - start >= 16)
    {
        // the last bytes: the 16 that end at e, less those already read
        auto const skip = static_cast<unsigned>(16 - (e - p));
        marks(e - 16, m, c);
        if(block(p, m >> skip, c >> skip))
            return found(p + __builtin_ctz(m >> skip));
        return found(e);
    }
    for(; p != e; ++p) // fewer than 16 bytes in all
    {
        auto const b = static_cast<unsigned char>(*p);
        if((b < 0x20 && b != '\t') || b == 0x7F)
            break;
        if(b == ':' && !colon)
            colon = p;
    }
    return {p, colon ? colon : p};
#else
    char const* const end = find_control(p, e);
    return {end, find_colon(p, end)};
#endif
}

// field-name = token: the n bytes at p, in a line that ends at `limit` and
// holds no CTL but HTAB. Common names are letters, digits and '-'; with bit
// 0x20 set, letters fold to a-z and digits and '-' stay, and no CTL that
// would fold into those ranges (CR, 0x10-0x19) is in the line. Names with
// any other byte go to the exact table.
inline bool
name_is_token(char const* p, std::size_t n, char const* limit) noexcept
{
    if(n == 0)
        return false;
#if defined(__SSE2__)
    __m128i const fold = _mm_set1_epi8(0x20);
    while(limit - p >= 16)
    {
        __m128i const f = _mm_or_si128(
            _mm_loadu_si128(reinterpret_cast<__m128i const*>(p)), fold);
        __m128i const dash = _mm_cmpeq_epi8(f, _mm_set1_epi8('-'));
        __m128i const d = _mm_sub_epi8(f, _mm_set1_epi8('0'));
        __m128i const digit = _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d);
        __m128i const a = _mm_sub_epi8(f, _mm_set1_epi8('a'));
        __m128i const alpha = _mm_cmpeq_epi8(_mm_min_epu8(a, _mm_set1_epi8(25)), a);
        unsigned const good = static_cast<unsigned>(_mm_movemask_epi8(
            _mm_or_si128(_mm_or_si128(dash, digit), alpha)));
        unsigned const want = n >= 16 ? 0xFFFFu : (1u << n) - 1;
        if((good & want) != want)
            break;
        if(n <= 16)
            return true;
        p += 16;
        n -= 16;
    }
#else
    (void)limit;
#endif
    return all_tchar(p, n);
}

// 1*tchar, without a branch per byte.
inline bool
all_tchar(char const* p, std::size_t n) noexcept
{
    bool const* const t = tchars.t;
    unsigned ok = n != 0;
    std::size_t i = 0;
    for(; i + 4 <= n; i += 4)
        ok &= t[static_cast<unsigned char>(p[i])] & t[static_cast<unsigned char>(p[i + 1])] &
              t[static_cast<unsigned char>(p[i + 2])] & t[static_cast<unsigned char>(p[i + 3])];
    for(; i < n; ++i)
        ok &= t[static_cast<unsigned char>(p[i])];
    return ok != 0;
}

} // namespace detail
} // namespace credentials
} // namespace thousandeyes

#endif
