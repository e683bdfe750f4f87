// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_ENDPOINT_HPP
#define THOUSANDEYES_CREDENTIALS_ENDPOINT_HPP

#include <thousandeyes/credentials/string_view.hpp>

#include <thousandeyes/credentials/error.hpp>
#include <thousandeyes/credentials/detail/charsets.hpp>
#include <thousandeyes/credentials/detail/fixed_text.hpp>
#include <thousandeyes/credentials/detail/text.hpp>


#include <cstdint>
#include <cstring>

namespace thousandeyes {
namespace credentials {

namespace detail {
struct endpoint_parser;

// The API's own endpoint: its origin and its host (the Host value).
inline constexpr string_view api_origin = "https://api.thousandeyes.com";
inline constexpr string_view api_host = api_origin.substr(8);
} // namespace detail


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

    // The API version the last segment of `prefix` names, "v6" or "v7",
    // else empty; `raw` is set to that segment as written. The segment is
    // compared percent-decoded and case-folded: a server that decodes the
    // path before routing it reads "/%76%37" and "/V7" as "v7" too, so any
    // spelling of a version is a version (the caller has checked each
    // "%" is followed by two hex digits).
    static string_view
    last_version_segment(string_view prefix, string_view& raw) noexcept
    {
        std::size_t const cut = prefix.empty() ? 0 : prefix.rfind('/') + 1;
        raw = string_view(prefix.data() + cut, prefix.size() - cut);
        char decoded[2] = {};
        std::size_t n = 0;
        for(std::size_t i = 0; i < raw.size(); ++i, ++n)
        {
            if(n == 2)
                return {};
            auto c = static_cast<unsigned char>(raw[i]);
            if(c == '%' && i + 2 < raw.size())
            {
                c = static_cast<unsigned char>(
                    detail::hexdig_value(static_cast<unsigned char>(raw[i + 1])) * 16 +
                    detail::hexdig_value(static_cast<unsigned char>(raw[i + 2])));
                i += 2;
            }
            decoded[n] = static_cast<char>(c);
        }
        if(n != 2 || (decoded[0] | 0x20) != 'v')
            return {};
        return decoded[1] == '6' ? string_view("v6") : decoded[1] == '7' ? string_view("v7")
                                                                         : string_view();
    }

    friend struct detail::endpoint_parser;

public:
    /// The API's own endpoint, `https://api.thousandeyes.com`.
    constexpr endpoint() noexcept
        : text_(detail::api_origin)
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
        official SDKs write their base URL; compared percent-decoded and
        case-folded, so `/V7` and `/%76%37` name v7 too) names the API version: it is
        kept apart (`named_version()`), not repeated in request paths, and the
        request builder refuses a request for the other version. The
        scheme and host are lowercased, an IPv6 address is written in its
        RFC 5952 form and a default port (443, 80) is dropped, so that the
        URL a stack connects to names the same host and port as the Host
        field, whichever URL parser the stack uses.

        Defined in `<thousandeyes/credentials/base_url.hpp>` (which the
        umbrella header includes), the one header that brings Boost.URL's
        parser: a translation unit that keeps the built-in endpoint does not
        compile it.
    */
    [[nodiscard]] static result<endpoint>
    parse(string_view s, endpoint_options opts = {}) noexcept; // base_url.hpp

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
            return detail::slice(h, 1, h.find(']') - 1);
        return detail::slice(h, 0, h.find(':'));
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
