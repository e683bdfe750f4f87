// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_DETAIL_CHARSETS_HPP
#define THOUSANDEYES_CREDENTIALS_DETAIL_CHARSETS_HPP

#include <thousandeyes/credentials/string_view.hpp>

namespace thousandeyes {
namespace credentials {
namespace detail {

inline constexpr bool
is_digit(unsigned char c) noexcept
{
    return c >= '0' && c <= '9';
}

inline constexpr bool
is_alpha(unsigned char c) noexcept
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// HEXDIG = DIGIT / "A" / "B" / "C" / "D" / "E" / "F", case-insensitive (RFC 5234)
inline constexpr bool
is_hexdig(unsigned char c) noexcept
{
    return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

inline constexpr int
hexdig_value(unsigned char c) noexcept
{
    return is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
}

// tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." /
//         "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA  (RFC 9110 section 5.6.2)
inline constexpr bool
is_tchar(unsigned char c) noexcept
{
    if(is_alpha(c) || is_digit(c))
        return true;
    switch(c)
    {
    case '!': case '#': case '$': case '%': case '&': case '\'':
    case '*': case '+': case '-': case '.': case '^': case '_':
    case '`': case '|': case '~':
        return true;
    default:
        return false;
    }
}

// CTL = %x00-1F / %x7F (RFC 5234 appendix B.1)
inline constexpr bool
is_control(unsigned char c) noexcept
{
    return c < 0x20 || c == 0x7F;
}

// b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
// (RFC 6750 section 2.1)
inline constexpr bool
is_b64token_char(unsigned char c) noexcept
{
    return is_alpha(c) || is_digit(c) || c == '-' || c == '.' ||
           c == '_' || c == '~' || c == '+' || c == '/';
}

inline constexpr bool
is_b64token(string_view s) noexcept
{
    std::size_t i = 0;
    while(i < s.size() && is_b64token_char(static_cast<unsigned char>(s[i])))
        ++i;
    if(i == 0)
        return false;
    while(i < s.size() && s[i] == '=')
        ++i;
    return i == s.size();
}

inline constexpr bool
has_control(string_view s) noexcept
{
    for(char c : s)
        // cppcheck-suppress useStlAlgorithm ; a plain loop keeps <algorithm> out of the headers
        if(is_control(static_cast<unsigned char>(c)))
            return true;
    return false;
}

// field-vchar = VCHAR / obs-text            (VCHAR = %x21-7E, obs-text = %x80-FF)
inline constexpr bool
is_field_vchar(unsigned char c) noexcept
{
    return (c >= 0x21 && c <= 0x7E) || c >= 0x80;
}

// field-value   = *field-content
// field-content = field-vchar [ 1*( SP / HTAB / field-vchar ) field-vchar ]
// (RFC 9110 section 5.5). We also require at least one character: an empty
// value is legal HTTP but never what a caller means to send.
inline constexpr bool
is_nonempty_field_value(string_view s) noexcept
{
    if(s.empty())
        return false;
    if(!is_field_vchar(static_cast<unsigned char>(s.front())) ||
       !is_field_vchar(static_cast<unsigned char>(s.back())))
        return false;
    for(char ch : s)
    {
        auto const c = static_cast<unsigned char>(ch);
        if(!is_field_vchar(c) && c != ' ' && c != '\t')
            return false;
    }
    return true;
}

} // namespace detail
} // namespace credentials
} // namespace thousandeyes

#endif
