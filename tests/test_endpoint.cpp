// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#include "doctest_config.hpp"

#include <thousandeyes/credentials/base_url.hpp>
#include <thousandeyes/credentials/request_builder.hpp>

#include <string>

namespace tc = thousandeyes::credentials;
using tc::error;

TEST_CASE("the default endpoint is the API's, without parsing")
{
    constexpr tc::endpoint ep{};
    CHECK(ep.base() == "https://api.thousandeyes.com");
    CHECK(ep.origin() == "https://api.thousandeyes.com");
    CHECK(ep.host() == "api.thousandeyes.com");
    CHECK(ep.path_prefix() == "");
    CHECK(ep.secure());
}

TEST_CASE("parsing the API's own URL gives the default endpoint")
{
    for(char const* s : {"https://api.thousandeyes.com", "https://api.thousandeyes.com/",
                         "HTTPS://API.ThousandEyes.com:443/", "https://api.thousandeyes.com:"})
    {
        CAPTURE(s);
        auto ep = tc::endpoint::parse(s);
        REQUIRE(ep.has_value());
        CHECK(ep->base() == tc::endpoint{}.base());
        CHECK(ep->host() == "api.thousandeyes.com");
    }
}

TEST_CASE("a non-default port is kept in the Host value")
{
    auto ep = tc::endpoint::parse("https://gw.example.com:8443");
    REQUIRE(ep.has_value());
    CHECK(ep->host() == "gw.example.com:8443");
    CHECK(ep->base() == "https://gw.example.com:8443");

    auto leading_zero = tc::endpoint::parse("https://gw.example.com:08443");
    REQUIRE(leading_zero.has_value());
    CHECK(leading_zero->host() == "gw.example.com:8443");
}

TEST_CASE("IP literals are accepted, IPv6 in brackets")
{
    auto v6 = tc::endpoint::parse("https://[::1]:8443");
    REQUIRE(v6.has_value());
    CHECK(v6->host() == "[::1]:8443");
    auto v4 = tc::endpoint::parse("https://127.0.0.1");
    REQUIRE(v4.has_value());
    CHECK(v4->host() == "127.0.0.1");
}

TEST_CASE("an IPv6 host is written in its RFC 5952 form, as WHATWG URL writes it")
{
    CHECK(tc::endpoint::parse("https://[0:0:0:0:0:0:0:1]")->host() == "[::1]");
    CHECK(tc::endpoint::parse("https://[2001:DB8:0:0:1:0:0:1]:8443")->host() ==
          "[2001:db8::1:0:0:1]:8443");
    CHECK(tc::endpoint::parse("https://[::ffff:127.0.0.1]")->host() == "[::ffff:7f00:1]");
    CHECK(tc::endpoint::parse("https://[1:0:0:2::3]")->host() == "[1:0:0:2::3]");
    CHECK(tc::endpoint::parse("https://[1:0:0:2:0:0:3:4]")->host() == "[1::2:0:0:3:4]");
    CHECK(tc::endpoint::parse("https://[1:0:2:3:4:5:6:7]")->host() == "[1:0:2:3:4:5:6:7]");
    CHECK(tc::endpoint::parse("https://[::]")->host() == "[::]");
    CHECK(tc::endpoint::parse("https://[1::]")->base() == "https://[1::]");
}

TEST_CASE("names with digits are names unless the last label is numeric")
{
    CHECK(tc::endpoint::parse("https://a-1.b_2.c3")->host() == "a-1.b_2.c3");
    CHECK(tc::endpoint::parse("https://1.example")->host() == "1.example");
    CHECK(tc::endpoint::parse("https://a.0xg")->host() == "a.0xg");
}

TEST_CASE("a path prefix is kept, without its trailing slash")
{
    auto ep = tc::endpoint::parse("https://gw.example.com/te/api/");
    REQUIRE(ep.has_value());
    CHECK(ep->path_prefix() == "/te/api");
    CHECK(ep->base() == "https://gw.example.com/te/api");
    CHECK(ep->host() == "gw.example.com");
    CHECK(tc::endpoint::parse("https://gw.example.com/a%20b")->path_prefix() == "/a%20b");
    CHECK(tc::endpoint::parse("https://gw.example.com/v6x")->path_prefix() == "/v6x");
    CHECK(tc::endpoint::parse("https://gw.example.com/v6/te")->path_prefix() == "/v6/te");
    CHECK(tc::endpoint::parse("https://gw.example.com/.../a.b")->path_prefix() == "/.../a.b");
}

TEST_CASE("a base URL ending in the API version names it, and the version is not repeated")
{
    // The official SDKs configure https://api.thousandeyes.com/v7.
    auto const v7 = tc::endpoint::parse("https://api.thousandeyes.com/v7");
    REQUIRE(v7.has_value());
    CHECK(v7->named_version() == "v7");
    CHECK(v7->path_prefix() == "");
    CHECK(v7->base() == "https://api.thousandeyes.com");
    auto const gw = tc::endpoint::parse("https://gw.example.com/te/v6/");
    REQUIRE(gw.has_value());
    CHECK(gw->named_version() == "v6");
    CHECK(gw->path_prefix() == "/te");
    CHECK(tc::endpoint{}.named_version() == "");
    CHECK(tc::endpoint::parse("https://gw.example.com/v6/te")->named_version() == "");

    auto const auth = *tc::authorization::bearer("tok");
    tc::request_options o7;
    o7.api = tc::api_version::v7;
    auto const b7 = tc::request_builder::make(*v7, auth, o7);
    REQUIRE(b7.has_value());
    CHECK(b7->delete_credential(*tc::credential_id::parse("405"))->target() == "/v7/credentials/405");
    CHECK(b7->delete_credential(*tc::credential_id::parse("405"))->url() ==
          "https://api.thousandeyes.com/v7/credentials/405");
    auto const b6 = tc::request_builder::make(*gw, auth);
    REQUIRE(b6.has_value());
    CHECK(b6->delete_credential(*tc::credential_id::parse("405"))->target() ==
          "/te/v6/credentials/405/delete.json");
}

TEST_CASE("a base URL naming the other API version is refused when the builder is made")
{
    auto const auth = *tc::authorization::bearer("tok");
    CHECK(tc::request_builder::make(*tc::endpoint::parse("https://api.thousandeyes.com/v7"), auth)
              .error() == error::base_url_version);
    tc::request_options o7;
    o7.api = tc::api_version::v7;
    CHECK(tc::request_builder::make(*tc::endpoint::parse("https://api.thousandeyes.com/v6/"), auth, o7)
              .error() == error::base_url_version);
}

TEST_CASE("a version segment is read percent-decoded and case-folded, so no spelling bypasses the rule")
{
    // Found by an adversarial run: "/%76%37" and "/V7" were kept as a plain
    // gateway prefix, so a v6 request went to "/%76%37/v6/credentials/...".
    auto const auth = *tc::authorization::bearer("tok");
    for(char const* spelled : {"https://gw.example.com/te/%76%37", "https://gw.example.com/te/V7",
                               "https://gw.example.com/te/%56%37/", "https://gw.example.com/te/v%37"})
    {
        CAPTURE(spelled);
        auto const ep = tc::endpoint::parse(spelled);
        REQUIRE(ep.has_value());
        CHECK(ep->named_version() == "v7");
        CHECK(ep->path_prefix() == "/te");
        CHECK(tc::request_builder::make(*ep, auth).error() == error::base_url_version);
        tc::request_options o7;
        o7.api = tc::api_version::v7;
        auto const b7 = tc::request_builder::make(*ep, auth, o7);
        REQUIRE(b7.has_value());
        CHECK(b7->delete_credential(*tc::credential_id::parse("405"))->target() ==
              "/te/v7/credentials/405");
    }
    CHECK(tc::endpoint::parse("https://gw.example.com/%76%36")->named_version() == "v6");
    CHECK(tc::endpoint::parse("https://gw.example.com/V7/%76%37").error() == error::base_url_version);
    // not a version: three characters, another digit, a version not last
    for(char const* plain : {"https://gw.example.com/v%377", "https://gw.example.com/v8",
                             "https://gw.example.com/%76", "https://gw.example.com/V7/te"})
    {
        CAPTURE(plain);
        REQUIRE(tc::endpoint::parse(plain).has_value());
        CHECK(tc::endpoint::parse(plain)->named_version() == "");
    }
}

TEST_CASE("host length, xn-- labels and encoded controls at the edges of the base URL rules")
{
    // a DNS name is at most 253 bytes (RFC 1035 section 2.3.4, as written)
    std::string host;
    while(host.size() < 253)
        host += (host.empty() ? "" : ".") + std::string(std::min<std::size_t>(63, 252 - host.size()), 'a');
    host.resize(253);
    if(host.back() == '.')
        host.back() = 'a';
    CAPTURE(host.size());
    CHECK(tc::endpoint::parse("https://" + host).has_value());
    CHECK(tc::endpoint::parse("https://" + host + "a").error() == error::base_url_host_invalid);
    // a label "xn--" is refused, "xn-a" and "x--n" are plain labels
    CHECK(!tc::endpoint::parse("https://xn--bcher-kva.example").has_value());
    CHECK(tc::endpoint::parse("https://xn-a.example").has_value());
    CHECK(tc::endpoint::parse("https://x--n.example").has_value());
    // a percent-encoded DEL or control byte in the prefix
    CHECK(tc::endpoint::parse("https://gw.example.com/a%7Fb").error() == error::base_url_path);
    CHECK(tc::endpoint::parse("https://gw.example.com/a%1Fb").error() == error::base_url_path);
    CHECK(tc::endpoint::parse("https://gw.example.com/a%7Eb").has_value());
}

TEST_CASE("http is refused unless insecure http is allowed, and then its port 80 is default")
{
    CHECK(tc::endpoint::parse("http://127.0.0.1:8080").error() == error::base_url_scheme);
    auto ep = tc::endpoint::parse("http://127.0.0.1:8080", {true});
    REQUIRE(ep.has_value());
    CHECK_FALSE(ep->secure());
    CHECK(ep->base() == "http://127.0.0.1:8080");
    CHECK(tc::endpoint::parse("http://localhost:80/", {true})->host() == "localhost");
    CHECK(tc::endpoint::parse("http://localhost:443/", {true})->host() == "localhost:443");
}

TEST_CASE("each bad base URL gets its own code")
{
    struct
    {
        char const* text;
        error code;
    } const cases[] = {
        {"", error::base_url_malformed},
        {"api.thousandeyes.com", error::base_url_malformed},
        {"/v6", error::base_url_malformed},
        {"https://api.thousandeyes.com/a b", error::base_url_malformed},
        {"https://api.thousandeyes.com\r\nX: y", error::base_url_malformed},
        {"ftp://api.thousandeyes.com", error::base_url_scheme},
        {"ws://api.thousandeyes.com", error::base_url_scheme},
        {"mailto:a@b", error::base_url_scheme},
        {"https:", error::base_url_host_missing},
        {"https:///v6", error::base_url_host_missing},
        {"https://:443", error::base_url_host_missing},
        {"https://[v1.x]", error::base_url_host_invalid},
        {"https://api%2Ethousandeyes.com", error::base_url_host_invalid},
        {"https://api.thousandeyes.com:0", error::base_url_port},
        {"https://api.thousandeyes.com:65536", error::base_url_port},
        {"https://api.thousandeyes.com:99999", error::base_url_port},
        {"https://api.thousandeyes.com:4294967297", error::base_url_port},
        {"https://api.thousandeyes.com:000", error::base_url_port},
        {"https://user:pass@api.thousandeyes.com", error::base_url_userinfo},
        {"https://@api.thousandeyes.com", error::base_url_userinfo},
        {"https://api.thousandeyes.com/?aid=1", error::base_url_query},
        {"https://api.thousandeyes.com?", error::base_url_query},
        {"https://api.thousandeyes.com/#x", error::base_url_fragment},
        {"https://api.thousandeyes.com#", error::base_url_fragment},
        {"https://api.thousandeyes.com//", error::base_url_path},
        {"https://api.thousandeyes.com/a//b", error::base_url_path},
        {"https://api.thousandeyes.com/./v6", error::base_url_path},
        {"https://api.thousandeyes.com/gw/..", error::base_url_path},
        {"https://api.thousandeyes.com/v7/v7", error::base_url_version},
        {"https://gw.example.com/te/v6/v7/", error::base_url_version},
        // the authority ends where the path starts, at '/' (issue 9)
        {"https://api.thousandeyes.com:443.evil.example", error::base_url_port},
        {"https://api.thousandeyes.com:.evil.example", error::base_url_port},
        // dot segments, plain or percent-encoded, and encoded delimiters
        {"https://h/gw/../x", error::base_url_path},
        {"https://h/%2e%2e/x", error::base_url_path},
        {"https://h/gw/%2E", error::base_url_path},
        {"https://h/.%2e/x", error::base_url_path},
        {"https://h/a%2Fb", error::base_url_path},
        {"https://h/a%5cb", error::base_url_path},
        {"https://h/a%3Fb", error::base_url_path},
        {"https://h/a%00b", error::base_url_path},
        // hosts another URL parser reads as something else
        {"https://0x7f.1", error::base_url_host_invalid},
        {"https://127.1", error::base_url_host_invalid},
        {"https://1.2.3.04", error::base_url_host_invalid},
        {"https://a.0x1F", error::base_url_host_invalid},
        {"https://example.com.", error::base_url_host_invalid},
        {"https://a..b", error::base_url_host_invalid},
        {"https://a$b.com", error::base_url_host_invalid},
        {"https://xn--abc.example", error::base_url_host_invalid},
    };
    for(auto const& c : cases)
    {
        CAPTURE(c.text);
        auto r = tc::endpoint::parse(c.text);
        REQUIRE(r.has_error());
        CHECK(r.error() == c.code);
    }
}

TEST_CASE("a base URL longer than the endpoint holds is refused")
{
    std::string url = "https://gw.example.com/";
    url.append(tc::endpoint::capacity, 'a');
    CHECK(tc::endpoint::parse(url).error() == error::base_url_too_long);
    std::string fits = "https://h/";
    fits.append(tc::endpoint::capacity - fits.size(), 'a');
    REQUIRE(tc::endpoint::parse(fits).has_value());
    CHECK(tc::endpoint::parse(fits)->base().size() == tc::endpoint::capacity);
}

TEST_CASE("endpoint parts for stacks: hostname without brackets or port, port as a number, secure")
{
    struct
    {
        char const* url;
        char const* hostname;
        std::uint16_t port;
        bool secure;
    } const cases[] = {
        {"https://api.thousandeyes.com", "api.thousandeyes.com", 443, true},
        {"https://gw.example.com:8443/te", "gw.example.com", 8443, true},
        {"https://[::1]:8080", "::1", 8080, true},
        {"https://[2001:DB8::1]", "2001:db8::1", 443, true},
        {"http://127.0.0.1:8080/x", "127.0.0.1", 8080, false},
        {"http://localhost", "localhost", 80, false},
        {"http://localhost:443", "localhost", 443, false},
    };
    for(auto const& c : cases)
    {
        CAPTURE(c.url);
        auto const ep = tc::endpoint::parse(c.url, {true});
        REQUIRE(ep.has_value());
        CHECK(ep->hostname() == c.hostname);
        CHECK(ep->port() == c.port);
        CHECK(ep->secure() == c.secure);
    }
    constexpr tc::endpoint api{};
    CHECK(api.hostname() == "api.thousandeyes.com");
    CHECK(api.port() == 443);
}
