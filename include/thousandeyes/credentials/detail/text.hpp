// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_DETAIL_TEXT_HPP
#define THOUSANDEYES_CREDENTIALS_DETAIL_TEXT_HPP

// Operations on text that hold no grammar of their own: a bounds-safe
// substring, OWS trimming, and the case-folded name comparison.

#include <thousandeyes/credentials/string_view.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace thousandeyes {
namespace credentials {
namespace detail {

// string_view::substr without its bounds check, which throws (and so links
// boost::throw_exception into builds without exceptions): out-of-range
// positions clamp to the end.
inline constexpr string_view
slice(string_view s, std::size_t pos, std::size_t n = string_view::npos) noexcept
{
    if(pos > s.size())
        pos = s.size();
    if(n > s.size() - pos)
        n = s.size() - pos;
    return string_view(s.data() + pos, n);
}

// OWS = *( SP / HTAB )                        (RFC 9110 section 5.6.3)
inline constexpr bool
is_ows(char c) noexcept
{
    return c == ' ' || c == '\t';
}

inline constexpr string_view
trim_ows(string_view s) noexcept
{
    std::size_t b = 0;
    std::size_t e = s.size();
    while(b < e && is_ows(s[b]))
        ++b;
    while(e > b && is_ows(s[e - 1]))
        --e;
    return slice(s, b, e - b);
}

// Case-insensitive comparison of a field name with a lowercase literal made
// of letters and '-'. `a` is already known to be a token (no CR), so
// setting bit 0x20 folds exactly the letters: '-' (0x2D) has it set.
// Eight bytes at a time; the last word overlaps the one before.
inline bool
name_equals(char const* a, char const* lower, std::size_t n) noexcept
{
    if(n >= 8)
    {
        constexpr std::uint64_t fold = 0x2020202020202020ULL;
        std::uint64_t x = 0;
        std::uint64_t y = 0;
        std::size_t i = 0;
        for(; i + 8 <= n; i += 8)
        {
            std::memcpy(&x, a + i, 8);
            std::memcpy(&y, lower + i, 8);
            if((x | fold) != y)
                return false;
        }
        if(i == n)
            return true;
        std::memcpy(&x, a + n - 8, 8);
        std::memcpy(&y, lower + n - 8, 8);
        return (x | fold) == y;
    }
    for(std::size_t i = 0; i < n; ++i)
        if((static_cast<unsigned char>(a[i]) | 0x20) !=
           static_cast<unsigned char>(lower[i]))
            return false;
    return true;
}

} // namespace detail
} // namespace credentials
} // namespace thousandeyes

#endif
