// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_DETAIL_BASE_URL_RULES_HPP
#define THOUSANDEYES_CREDENTIALS_DETAIL_BASE_URL_RULES_HPP

// The rules a base URL's host and path prefix must meet beyond RFC 3986, so
// that every URL parser a stack may use (RFC 3986, WHATWG URL, libcurl)
// reads the same host, port and path as the Host field and request-target
// the library writes. Where the parsers differ on a form (numeric host
// labels, IPv6 spellings, dot segments), the form is refused or written in
// the one spelling they all agree on.

#include <thousandeyes/credentials/string_view.hpp>
#include <thousandeyes/credentials/detail/charsets.hpp>

#include <cstddef>
#include <cstdint>

namespace thousandeyes {
namespace credentials {
namespace detail {


// A DNS name as every parser reads it alike:
//   name  = label *( "." label )            (no empty label, no trailing dot)
//   label = 1*63( ALPHA / DIGIT / "-" / "_" )
// The last label may not be numeric: WHATWG URL reads "1.2.3.04", "0x7f.1"
// or "10.0.0.010" as an IPv4 address (with octal and hex parts), while
// RFC 3986 and the Host field keep them as names. Labels starting "xn--"
// are refused: WHATWG URL checks their Punycode and may refuse them, so the
// library would send what another stack cannot (use the ASCII name).
inline bool
is_plain_dns_name(string_view h) noexcept
{
    if(h.empty() || h.size() > 253)
        return false;
    std::size_t start = 0;
    bool last_numeric = false;
    while(true)
    {
        std::size_t i = start;
        bool digits_only = true;
        for(; i < h.size() && h[i] != '.'; ++i)
        {
            auto const c = static_cast<unsigned char>(h[i]);
            if(!is_alpha(c) && !is_digit(c) && c != '-' && c != '_')
                return false;
            digits_only = digits_only && is_digit(c);
        }
        std::size_t const n = i - start;
        if(n == 0 || n > 63)
            return false;
        if(n >= 4 && (h[start] | 0x20) == 'x' && (h[start + 1] | 0x20) == 'n' &&
           h[start + 2] == '-' && h[start + 3] == '-')
            return false;
        // WHATWG's "ends in a number": all digits, or "0x" then hex digits
        bool hex = n >= 2 && h[start] == '0' && (h[start + 1] | 0x20) == 'x';
        for(std::size_t k = start + 2; hex && k < i; ++k)
            hex = is_hexdig(static_cast<unsigned char>(h[k]));
        last_numeric = digits_only || hex;
        if(i == h.size())
            break;
        start = i + 1;
    }
    return !last_numeric;
}

// The IPv6 address's text as RFC 5952 section 4 and the WHATWG URL
// serializer write it: lowercase hex without leading zeros, the longest run
// (the first of equal runs) of two or more zero pieces as "::", and no
// dotted IPv4 tail. `out` holds at least 39 bytes; returns the size.
inline std::size_t
write_ipv6(unsigned char const (&bytes)[16], char* out) noexcept
{
    std::uint16_t piece[8];
    for(std::size_t i = 0; i < 8; ++i)
        piece[i] = static_cast<std::uint16_t>((bytes[2 * i] << 8) | bytes[2 * i + 1]);
    int best = -1;
    int best_len = 1;
    for(int i = 0; i < 8;)
    {
        int j = i;
        while(j < 8 && piece[j] == 0)
            ++j;
        if(j - i > best_len)
        {
            best = i;
            best_len = j - i;
        }
        i = j == i ? i + 1 : j;
    }
    std::size_t n = 0;
    for(int i = 0; i < 8; ++i)
    {
        if(i == best)
        {
            out[n++] = ':';
            if(i == 0)
                out[n++] = ':';
            i += best_len - 1;
            continue;
        }
        bool lead = true;
        for(int shift = 12; shift >= 0; shift -= 4)
        {
            unsigned const d = (piece[i] >> shift) & 0xFu;
            if(lead && d == 0 && shift != 0)
                continue;
            lead = false;
            out[n++] = "0123456789abcdef"[d];
        }
        if(i != 7)
            out[n++] = ':';
    }
    return n;
}

// The path prefix, after one trailing '/' is dropped:
//   prefix  = *( "/" segment-nz )             (RFC 3986 section 3.3)
// and no segment is "." or ".." once percent-decoded ("%2e", ".%2E"): a
// server or proxy that removes dot segments (RFC 3986 section 5.2.4, WHATWG
// URL) would route another path than the reviewer saw. No segment may hold
// a percent-encoded '/', '\', '.', '?', '#' or control byte either: a server
// that decodes before routing would see other segments. The caller has checked
// the bytes are pchar (Boost.URL's parse).
inline bool
is_plain_path_prefix(string_view p) noexcept
{
    if(p.empty())
        return true;
    if(p[0] != '/')
        return false;
    std::size_t i = 0;
    while(i < p.size())
    {
        ++i; // the '/'
        std::size_t const start = i;
        std::size_t dots = 0;
        std::size_t others = 0;
        for(; i < p.size() && p[i] != '/'; ++i)
        {
            char c = p[i];
            if(c == '%')
            {
                if(i + 2 >= p.size() || !is_hexdig(static_cast<unsigned char>(p[i + 1])) ||
                   !is_hexdig(static_cast<unsigned char>(p[i + 2])))
                    return false;
                c = static_cast<char>(hexdig_value(static_cast<unsigned char>(p[i + 1])) * 16 +
                                      hexdig_value(static_cast<unsigned char>(p[i + 2])));
                if(c == '/' || c == '\\' || c == '.' || c == '?' || c == '#' ||
                   static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
                    return false;
                i += 2;
            }
            if(c == '.')
                ++dots;
            else
                ++others;
        }
        if(i == start || (others == 0 && dots <= 2))
            return false;
    }
    return true;
}

} // namespace detail
} // namespace credentials
} // namespace thousandeyes

#endif
