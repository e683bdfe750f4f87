// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_BASE_URL_HPP
#define THOUSANDEYES_CREDENTIALS_BASE_URL_HPP

// Reading a base URL the user gives: `endpoint::parse`. The one header that
// includes Boost.URL's parser, so that a translation unit that keeps the
// built-in endpoint never compiles it. `<thousandeyes/credentials.hpp>`
// includes it.

#include <thousandeyes/credentials/endpoint.hpp>
#include <thousandeyes/credentials/error.hpp>
#include <thousandeyes/credentials/detail/base_url_rules.hpp>
#include <thousandeyes/credentials/detail/numbers.hpp>

#include <boost/url/parse.hpp>

#include <charconv>
#include <cstdint>
#include <cstring>

namespace thousandeyes {
namespace credentials {
namespace detail {

// What endpoint::parse reads from Boost.URL's view, checked, and how it
// writes the endpoint (a friend of it).
struct endpoint_parser
{
    // The longest host text written from a buffer: "[" 39 "]".
    static constexpr std::size_t max_host_size = 41;

    // The checked parts of a base URL.
    struct parts
    {
        bool secure = true;
        string_view host;
        std::uint32_t port = 0; // 0: the scheme's default
        string_view prefix;
        string_view version;
    };

    // host = IP-literal / IPv4address / reg-name  (RFC 3986 section 3.2.2),
    // narrowed to what every parser reads alike (detail/base_url_rules.hpp).
    // An IPv6 address is written to `buf` in its RFC 5952 form.
    static result<string_view>
    read_host(boost::urls::url_view const& u, char (&buf)[max_host_size]) noexcept
    {
        namespace urls = boost::urls;
        switch(u.host_type())
        {
        case urls::host_type::ipv6:
        {
            auto const b = u.host_ipv6_address().to_bytes();
            unsigned char bytes[16];
            for(std::size_t i = 0; i < 16; ++i)
                bytes[i] = b[i];
            buf[0] = '[';
            std::size_t const n = write_ipv6(bytes, buf + 1);
            buf[n + 1] = ']';
            return string_view(buf, n + 2);
        }
        case urls::host_type::ipv4: // dec-octet "." dec-octet "." ...: read alike everywhere
            return u.encoded_host();
        case urls::host_type::name:
            if(!is_plain_dns_name(u.encoded_host()))
                return make_error_code(error::base_url_host_invalid);
            return u.encoded_host();
        default: // IPvFuture
            return make_error_code(error::base_url_host_invalid);
        }
    }

    // port = *DIGIT; an empty port means the scheme's default (RFC 3986
    // section 3.2.3). Returns 0 for the default.
    static result<std::uint32_t>
    read_port(boost::urls::url_view const& u, bool secure) noexcept
    {
        if(!u.has_port() || u.port().empty())
            return 0u;
        std::int64_t port = 0;
        if(!parse_decimal(u.port(), port) || port < 1 || port > 65535)
            return make_error_code(error::base_url_port);
        auto const p = static_cast<std::uint32_t>(port);
        return p == (secure ? 443u : 80u) ? 0u : p;
    }

    // scheme, then no userinfo, query or fragment, a host, and a path that
    // is empty or starts with '/'.
    static error
    read_shape(boost::urls::url_view const& u, endpoint_options opts, parts& p) noexcept
    {
        namespace urls = boost::urls;
        if(u.scheme_id() == urls::scheme::https)
            p.secure = true;
        else if(u.scheme_id() == urls::scheme::http && opts.allow_insecure_http)
            p.secure = false;
        else
            return error::base_url_scheme;
        if(u.has_userinfo())
            return error::base_url_userinfo;
        if(!u.has_authority() || u.encoded_host().empty())
            return error::base_url_host_missing;
        if(u.has_query())
            return error::base_url_query;
        if(u.has_fragment())
            return error::base_url_fragment;
        // hier-part = "//" authority path-abempty; path-abempty = *( "/" segment ):
        // the path starts with '/' or is empty. Boost.URL 1.81 also accepts
        // "https://h:443.evil" (port "443", path ".evil"), which other
        // parsers read as host "h", or "h:443.evil", so it is refused here.
        p.prefix = u.encoded_path();
        if(!p.prefix.empty() && p.prefix.front() != '/')
            return u.has_port() ? error::base_url_port : error::base_url_path;
        return error::success;
    }

    // The path prefix: plain segments, one trailing '/' dropped, and a last
    // segment naming v6 or v7, in any spelling, taken off as that version.
    static error
    read_prefix(parts& p) noexcept
    {
        if(!p.prefix.empty() && p.prefix.back() == '/')
            p.prefix.remove_suffix(1);
        if(!is_plain_path_prefix(p.prefix))
            return error::base_url_path;
        // "https://api.thousandeyes.com/v7": the version is the request's
        // to write, so it is taken off the prefix; "/v7/v7" would still send
        // /v7/v7/credentials/..., a mistake rather than a gateway.
        string_view raw;
        p.version = endpoint::last_version_segment(p.prefix, raw);
        if(!p.version.empty())
        {
            p.prefix.remove_suffix(raw.size() + 1);
            if(!endpoint::last_version_segment(p.prefix, raw).empty())
                return error::base_url_version;
        }
        return error::success;
    }

    // "scheme://host[:port]prefix", the host lowercased, in fixed storage.
    static result<endpoint>
    make(parts const& p) noexcept
    {
        string_view const scheme = p.secure ? "https://" : "http://";
        char port_text[6] = {};
        std::size_t port_size = 0;
        if(p.port != 0)
            port_size = static_cast<std::size_t>(
                std::to_chars(port_text, port_text + sizeof(port_text), p.port).ptr - port_text);
        if(scheme.size() + p.host.size() + (port_size ? port_size + 1 : 0) + p.prefix.size() >
           endpoint::capacity)
            return make_error_code(error::base_url_too_long);
        endpoint e(p.secure);
        if(!p.version.empty())
            std::memcpy(e.version_, p.version.data(), 2);
        e.text_.append(scheme);
        e.host_off_ = static_cast<std::uint16_t>(e.text_.size());
        // Host names are case-insensitive (RFC 3986 section 3.2.2)
        for(char c : p.host)
            e.text_.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
        if(port_size)
        {
            e.port_ = static_cast<std::uint16_t>(p.port);
            e.text_.push_back(':');
            e.text_.append(string_view(port_text, port_size));
        }
        e.origin_size_ = static_cast<std::uint16_t>(e.text_.size());
        e.text_.append(p.prefix);
        return e;
    }
};

} // namespace detail

inline result<endpoint>
endpoint::parse(string_view s, endpoint_options opts) noexcept
{
    using detail::endpoint_parser;
    // URI = scheme ":" hier-part [ "?" query ] [ "#" fragment ]  (RFC 3986 section 3)
    auto const rv = boost::urls::parse_uri(s);
    if(!rv)
        return make_error_code(error::base_url_malformed);
    endpoint_parser::parts p;
    if(error const e = endpoint_parser::read_shape(*rv, opts, p); e != error::success)
        return make_error_code(e);
    char host_buf[endpoint_parser::max_host_size];
    auto const host_text = endpoint_parser::read_host(*rv, host_buf);
    if(!host_text)
        return host_text.error();
    p.host = *host_text;
    auto const port_number = endpoint_parser::read_port(*rv, p.secure);
    if(!port_number)
        return port_number.error();
    p.port = *port_number;
    if(error const e = endpoint_parser::read_prefix(p); e != error::success)
        return make_error_code(e);
    return endpoint_parser::make(p);
}

} // namespace credentials
} // namespace thousandeyes

#endif
