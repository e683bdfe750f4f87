// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_CHECKER_VALUE_RULES_HPP
#define THOUSANDEYES_CREDENTIALS_CHECKER_VALUE_RULES_HPP

// The grammar of the field values a credential deletion is judged by: Host,
// the Authorization credentials, Accept's media ranges. Each function says
// yes or no; none keeps a byte of the value.

#include <thousandeyes/credentials/detail/charsets.hpp>
#include <thousandeyes/credentials/detail/text.hpp>

namespace thousandeyes {
namespace credentials {
namespace detail {

inline bool
equals_nocase(string_view a, string_view b) noexcept
{
    if(a.size() != b.size())
        return false;
    for(std::size_t i = 0; i < a.size(); ++i)
    {
        auto x = static_cast<unsigned char>(a[i]);
        auto y = static_cast<unsigned char>(b[i]);
        if(x >= 'A' && x <= 'Z')
            x = static_cast<unsigned char>(x | 0x20);
        if(y >= 'A' && y <= 'Z')
            y = static_cast<unsigned char>(y | 0x20);
        if(x != y)
            return false;
    }
    return true;
}

// Host = uri-host [ ":" port ]                      (RFC 9110 section 7.2)
// uri-host = IP-literal / IPv4address / reg-name, port = *DIGIT
// reg-name = *( unreserved / pct-encoded / sub-delims ) (RFC 3986 section 3.2.2)
// IP-literal = "[" ( IPv6address / IPvFuture ) "]", read loosely as
// "[" 1*( HEXDIG / ":" / "." ) "]". An empty host is refused: the target
// URI of an API request always has an authority.
inline bool
is_host_value(string_view v) noexcept
{
    std::size_t i = 0;
    if(!v.empty() && v[0] == '[')
    {
        for(i = 1; i < v.size() && v[i] != ']'; ++i)
        {
            auto const c = static_cast<unsigned char>(v[i]);
            if(!is_hexdig(c) && c != ':' && c != '.')
                return false;
        }
        if(i == v.size() || i == 1)
            return false;
        ++i;
    }
    else
    {
        for(; i < v.size() && v[i] != ':'; ++i)
        {
            auto const c = static_cast<unsigned char>(v[i]);
            bool const ok = is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' ||
                            c == '~' || c == '%' || c == '!' || c == '$' || c == '&' ||
                            c == '\'' || c == '(' || c == ')' || c == '*' || c == '+' ||
                            c == ',' || c == ';' || c == '=';
            if(!ok)
                return false;
        }
        if(i == 0)
            return false;
    }
    if(i == v.size())
        return true;
    if(v[i] != ':' || v.size() - i - 1 > 5)
        return false;
    for(++i; i < v.size(); ++i)
        if(!is_digit(static_cast<unsigned char>(v[i])))
            return false;
    return true;
}

// An authority without the default port of https or http: "host:443" and
// "host" name one origin for the API (RFC 9110 section 4.2).
inline string_view
without_default_port(string_view a) noexcept
{
    for(string_view port : {string_view(":443"), string_view(":80")})
        if(a.size() > port.size() && slice(a, a.size() - port.size()) == port)
            return slice(a, 0, a.size() - port.size());
    return a;
}

// The Host value names the expected authority: hosts compare without case,
// a port of 443 or 80 equals none.
inline bool
same_authority(string_view actual, string_view expected) noexcept
{
    return equals_nocase(without_default_port(actual), without_default_port(expected));
}

inline int
base64_value(unsigned char c) noexcept
{
    if(c >= 'A' && c <= 'Z')
        return c - 'A';
    if(c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if(is_digit(c))
        return c - '0' + 52;
    return c == '+' ? 62 : c == '/' ? 63 : -1;
}

// What Basic credentials decode to, judged as they are decoded: no decoded
// byte is stored.
struct basic_verdict
{
    bool valid = false;    // base64 of user-id ":" password, no CTL, both non-empty
    bool email = false;    // the user-id holds an '@'
};

// token68 as base64 with padding (RFC 4648 section 4), decoding to
// user-id ":" password (RFC 7617 section 2).
inline basic_verdict
judge_basic(string_view b64) noexcept
{
    basic_verdict v;
    if(b64.empty() || b64.size() % 4 != 0)
        return v;
    std::size_t pad = 0;
    while(pad < 2 && b64[b64.size() - 1 - pad] == '=')
        ++pad;
    bool colon = false;
    bool ctl = false;
    std::size_t user = 0;
    std::size_t password = 0;
    unsigned bits = 0;
    int nbits = 0;
    for(std::size_t i = 0; i + pad < b64.size(); ++i)
    {
        int const d = base64_value(static_cast<unsigned char>(b64[i]));
        if(d < 0)
            return v;
        bits = (bits << 6) | static_cast<unsigned>(d);
        nbits += 6;
        if(nbits < 8)
            continue;
        nbits -= 8;
        auto const c = static_cast<unsigned char>((bits >> nbits) & 0xFF);
        ctl = ctl || is_control(c);
        if(!colon && c == ':')
            colon = true;
        else if(colon)
            ++password;
        else
        {
            ++user;
            v.email = v.email || c == '@';
        }
    }
    // the bits left over are padding, and must be zero (RFC 4648 section 3.5)
    bool const clean = (bits & ((1u << nbits) - 1)) == 0;
    v.valid = clean && colon && !ctl && user != 0 && password != 0;
    return v;
}

// What an Accept value admits, media range by media range:
// Accept = #( media-range [ weight ] )               (RFC 9110 section 12.5.1)
// A range of weight 0 ("q=0") is "not acceptable" and admits nothing.
struct accept_verdict
{
    bool json = false;    // application/json
    bool problem = false; // application/problem+json
    bool xml = false;     // text/xml or application/xml
    bool any = false;     // some media range was given (an empty Accept asks nothing)
};

inline bool
zero_weight(string_view params) noexcept
{
    std::size_t at = 0;
    while((at = params.find(';', at)) != string_view::npos)
    {
        string_view p = trim_ows(slice(params, at + 1, params.find(';', at + 1) - at - 1));
        ++at;
        if(p.size() < 2 || (p[0] | 0x20) != 'q' || p[1] != '=')
            continue;
        p = slice(p, 2);
        std::size_t i = 0;
        while(i < p.size() && (p[i] == '0' || p[i] == '.'))
            ++i;
        return !p.empty() && p[0] == '0' && i == p.size();
    }
    return false;
}

inline void
judge_accept(string_view value, accept_verdict& v) noexcept
{
    std::size_t i = 0;
    while(i <= value.size())
    {
        std::size_t comma = value.find(',', i);
        if(comma == string_view::npos)
            comma = value.size();
        string_view const item = slice(value, i, comma - i);
        i = comma + 1;
        std::size_t const semi = item.find(';');
        string_view const range = trim_ows(slice(item, 0, semi));
        v.any = v.any || !range.empty();
        if(range.empty() || (semi != string_view::npos && zero_weight(slice(item, semi))))
            continue;
        bool const any = equals_nocase(range, "*/*");
        v.json = v.json || any || equals_nocase(range, "application/*") ||
                 equals_nocase(range, "application/json");
        v.problem = v.problem || any || equals_nocase(range, "application/*") ||
                    equals_nocase(range, "application/problem+json");
        v.xml = v.xml || any || equals_nocase(range, "text/*") ||
                equals_nocase(range, "text/xml") || equals_nocase(range, "application/xml");
    }
}

} // namespace detail
} // namespace credentials
} // namespace thousandeyes

#endif
