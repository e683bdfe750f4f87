// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_ENDPOINT_HPP
#define THOUSANDEYES_CREDENTIALS_ENDPOINT_HPP

#include <thousandeyes/credentials/string_view.hpp>

#include <thousandeyes/credentials/error.hpp>
#include <thousandeyes/credentials/detail/base_url_rules.hpp>
#include <thousandeyes/credentials/detail/charsets.hpp>
#include <thousandeyes/credentials/detail/fixed_text.hpp>
#include <thousandeyes/credentials/detail/numbers.hpp>

#include <boost/url/parse.hpp>

#include <charconv>
#include <cstdint>
#include <cstring>

namespace thousandeyes {
namespace credentials {


/// How `endpoint::parse` treats a base URL.
struct endpoint_options
{
    /// Accept `http://` (for a test server on loopback). The API itself is
    /// served over https only; never set this for it.
    bool allow_insecure_http = false;
};

/** Where requests go: scheme, host, port and an optional path prefix.

    Validated once, when configured, so that building a request only copies
    it. The default is `https://api.thousandeyes.com` and needs no URL
    parsing, so a build that keeps it does not pay for Boost.URL's parser.
    Holds its text in fixed storage (no heap).
*/
class endpoint
{
public:
    /// Bytes an endpoint holds: "scheme://host[:port][/prefix]".
    static constexpr std::size_t capacity = 512;

private:
    detail::fixed_text<capacity> text_; // "scheme://host[:port][/prefix]"
    std::uint16_t host_off_ = 8;        // after "scheme://"
    std::uint16_t origin_size_ = 28;    // up to the path prefix
    std::uint16_t port_ = 443;          // the port connected to, default or given
    bool secure_ = true;
    char version_[3] = {};              // "v6", "v7" or "": the base URL's last segment

    // An empty endpoint, for parse to fill.
    explicit endpoint(bool secure) noexcept
        : port_(secure ? 443 : 80)
        , secure_(secure)
    {
    }

    // "v6" or "v7" when it is the last segment of `prefix`, else empty.
    static string_view
    last_version_segment(string_view prefix) noexcept
    {
        std::size_t const cut = prefix.empty() ? 0 : prefix.rfind('/') + 1;
        string_view const last(prefix.data() + cut, prefix.size() - cut);
        return last == "v6" || last == "v7" ? last : string_view();
    }

    // The longest host text written from a buffer: "[" 39 "]".
    static constexpr std::size_t max_host_size = 41;

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
            std::size_t const n = detail::write_ipv6(bytes, buf + 1);
            buf[n + 1] = ']';
            return string_view(buf, n + 2);
        }
        case urls::host_type::ipv4: // dec-octet "." dec-octet "." ...: read alike everywhere
            return u.encoded_host();
        case urls::host_type::name:
            if(!detail::is_plain_dns_name(u.encoded_host()))
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
        if(!detail::parse_decimal(u.port(), port) || port < 1 || port > 65535)
            return make_error_code(error::base_url_port);
        auto const p = static_cast<std::uint32_t>(port);
        return p == (secure ? 443u : 80u) ? 0u : p;
    }

public:
    /// The API's own endpoint, `https://api.thousandeyes.com`.
    constexpr endpoint() noexcept
        : text_("https://api.thousandeyes.com")
    {
    }

    /** Parses and checks a base URL given by the user.

        Accepted only when it is exactly `scheme "://" host [":" port]
        [prefix]`: https (http only with `allow_insecure_http`); a host that
        is a plain DNS name, a dotted-decimal IPv4 address or a bracketed IPv6
        address; no userinfo, query or fragment; a path prefix (an API
        gateway) that is empty or `/`-separated segments, none empty or a dot
        segment, plain or percent-encoded. One trailing '/' is dropped. A
        last segment `v6` or `v7` (`https://api.thousandeyes.com/v7`, as the
        official SDKs write their base URL) names the API version: it is
        kept apart (`named_version()`), not repeated in request paths, and the
        request builder refuses a request for the other version. The
        scheme and host are lowercased, an IPv6 address is written in its
        RFC 5952 form and a default port (443, 80) is dropped, so that the
        URL a stack connects to names the same host and port as the Host
        field, whichever URL parser the stack uses.
    */
    [[nodiscard]] static result<endpoint>
    parse(string_view s, endpoint_options opts = {}) noexcept
    {
        namespace urls = boost::urls;
        // URI = scheme ":" hier-part [ "?" query ] [ "#" fragment ]  (RFC 3986 section 3)
        auto rv = urls::parse_uri(s);
        if(!rv)
            return make_error_code(error::base_url_malformed);
        urls::url_view const u = *rv;

        bool secure = false;
        if(u.scheme_id() == urls::scheme::https)
            secure = true;
        else if(u.scheme_id() == urls::scheme::http && opts.allow_insecure_http)
            secure = false;
        else
            return make_error_code(error::base_url_scheme);
        if(u.has_userinfo())
            return make_error_code(error::base_url_userinfo);
        if(!u.has_authority() || u.encoded_host().empty())
            return make_error_code(error::base_url_host_missing);
        if(u.has_query())
            return make_error_code(error::base_url_query);
        if(u.has_fragment())
            return make_error_code(error::base_url_fragment);
        // hier-part = "//" authority path-abempty; path-abempty = *( "/" segment ):
        // the path starts with '/' or is empty. Boost.URL 1.81 also accepts
        // "https://h:443.evil" (port "443", path ".evil"), which other
        // parsers read as host "h", or "h:443.evil", so it is refused here.
        string_view prefix = u.encoded_path();
        if(!prefix.empty() && prefix.front() != '/')
            return make_error_code(u.has_port() ? error::base_url_port : error::base_url_path);

        char host_buf[max_host_size];
        auto const host_text = read_host(u, host_buf);
        if(!host_text)
            return host_text.error();
        auto const port = read_port(u, secure);
        if(!port)
            return port.error();

        if(!prefix.empty() && prefix.back() == '/')
            prefix.remove_suffix(1);
        if(!detail::is_plain_path_prefix(prefix))
            return make_error_code(error::base_url_path);
        // "https://api.thousandeyes.com/v7": the version is the request's
        // to write, so it is taken off the prefix; "/v7/v7" would still send
        // /v7/v7/credentials/..., a mistake rather than a gateway.
        string_view const version = last_version_segment(prefix);
        if(!version.empty())
        {
            prefix.remove_suffix(version.size() + 1);
            if(!last_version_segment(prefix).empty())
                return make_error_code(error::base_url_version);
        }

        string_view const scheme = secure ? "https://" : "http://";
        char port_text[6] = {};
        std::size_t port_size = 0;
        if(*port != 0)
            port_size = static_cast<std::size_t>(
                std::to_chars(port_text, port_text + sizeof(port_text), *port).ptr - port_text);
        if(scheme.size() + host_text->size() + (port_size ? port_size + 1 : 0) + prefix.size() >
           capacity)
            return make_error_code(error::base_url_too_long);

        endpoint e(secure);
        if(!version.empty())
            std::memcpy(e.version_, version.data(), 2);
        e.text_.append(scheme);
        e.host_off_ = static_cast<std::uint16_t>(e.text_.size());
        // Host names are case-insensitive (RFC 3986 section 3.2.2)
        for(char c : *host_text)
            e.text_.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
        if(port_size)
        {
            e.port_ = static_cast<std::uint16_t>(*port);
            e.text_.push_back(':');
            e.text_.append(string_view(port_text, port_size));
        }
        e.origin_size_ = static_cast<std::uint16_t>(e.text_.size());
        e.text_.append(prefix);
        return e;
    }

    /// "https://host[:port]/prefix", what request URLs start with.
    string_view
    base() const noexcept
    {
        return text_.view();
    }

    /// "https://host[:port]".
    string_view
    origin() const noexcept
    {
        return text_.view(0, origin_size_);
    }

    /// The Host header's value: host, and the port when not the default.
    /// host = uri-host [ ":" port ]  (RFC 9110 section 7.2)
    string_view
    host() const noexcept
    {
        return text_.view(host_off_, static_cast<std::uint16_t>(origin_size_ - host_off_));
    }

    /// The API version the base URL ended in, `"v6"` or `"v7"`; empty when
    /// it named none (the default endpoint names none).
    string_view
    named_version() const noexcept
    {
        return string_view(version_, version_[0] ? 2u : 0u);
    }

    /// The path prefix, empty or "/seg[/seg...]" without a trailing '/',
    /// and without the API version the base URL ended in.
    string_view
    path_prefix() const noexcept
    {
        return text_.view(origin_size_, static_cast<std::uint16_t>(text_.size() - origin_size_));
    }

    /// The host to resolve or connect to, as a socket API takes it: a DNS
    /// name, a dotted-decimal IPv4 address, or an IPv6 address without its
    /// brackets ("::1"). No port.
    string_view
    hostname() const noexcept
    {
        string_view const h = host();
        if(!h.empty() && h.front() == '[') // IP-literal = "[" IPv6address "]"
            return h.substr(1, h.find(']') - 1);
        return h.substr(0, h.find(':'));
    }

    /// The port to connect to: the one given, else the scheme's default
    /// (443 for https, 80 for http).
    std::uint16_t
    port() const noexcept
    {
        return port_;
    }

    /// True for `https://` (TLS), false for an `http://` endpoint.
    bool
    secure() const noexcept
    {
        return secure_;
    }
};

} // namespace credentials
} // namespace thousandeyes

#endif
