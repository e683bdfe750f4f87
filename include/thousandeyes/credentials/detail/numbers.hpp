// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_DETAIL_NUMBERS_HPP
#define THOUSANDEYES_CREDENTIALS_DETAIL_NUMBERS_HPP

#include <thousandeyes/credentials/detail/charsets.hpp>
#include <thousandeyes/credentials/detail/text.hpp>

#include <cstdint>
#include <cstring>

namespace thousandeyes {
namespace credentials {
namespace detail {

// 1*DIGIT into a non-negative int64. A sign, any other character, or a value
// above INT64_MAX is refused: a rate-limit number is never guessed.
inline bool
parse_decimal(string_view s, std::int64_t& out) noexcept
{
    if(s.empty())
        return false;
    std::uint64_t v = 0;
    for(char ch : s)
    {
        auto const c = static_cast<unsigned char>(ch);
        if(!is_digit(c))
            return false;
        // v * 10 + digit > INT64_MAX, without a run-time division (a
        // 32-bit core has none for 64 bits: it would link __udivmoddi4)
        constexpr std::uint64_t max_tens = static_cast<std::uint64_t>(INT64_MAX) / 10;
        constexpr unsigned max_last = static_cast<unsigned>(INT64_MAX % 10);
        if(v > max_tens || (v == max_tens && static_cast<unsigned>(c - '0') > max_last))
            return false;
        v = v * 10 + (c - '0');
    }
    out = static_cast<std::int64_t>(v);
    return true;
}

// A recipient may combine repeated field lines into one comma-separated
// list (RFC 9110 section 5.3), so "240, 240" is 240 and "240, 241" is no
// number at all. Empty list elements are ignored (RFC 9110 section 5.6.1).
inline bool
parse_decimal_list(string_view s, std::int64_t& out) noexcept
{
    // the usual case: one number, nothing else
    if(s.size() <= 18)
    {
        std::int64_t v = 0;
        std::size_t i = 0;
        for(; i < s.size() && is_digit(static_cast<unsigned char>(s[i])); ++i)
            v = v * 10 + (s[i] - '0');
        if(i == s.size() && i != 0)
        {
            out = v;
            return true;
        }
    }
    bool have = false;
    std::int64_t first = 0;
    while(true)
    {
        std::size_t const comma = s.find(',');
        string_view const item = trim_ows(slice(s, 0, comma));
        if(!item.empty())
        {
            std::int64_t v = 0;
            if(!parse_decimal(item, v))
                return false;
            if(have && v != first)
                return false;
            first = v;
            have = true;
        }
        if(comma == string_view::npos)
            break;
        s = slice(s, comma + 1);
    }
    out = first;
    return have;
}

} // namespace detail
} // namespace credentials
} // namespace thousandeyes

#endif
