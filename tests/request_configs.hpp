// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// Requests of every shape (v6 and v7, each format, gateway prefix, port,
// IPv6, custom user agent), shared by the serialization tests.
#ifndef THOUSANDEYES_CREDENTIALS_TESTS_REQUEST_CONFIGS_HPP
#define THOUSANDEYES_CREDENTIALS_TESTS_REQUEST_CONFIGS_HPP

#include "doctest_config.hpp"

#include <thousandeyes/credentials.hpp>

#include <string>
#include <vector>

namespace thousandeyes_credentials_tests {

namespace tc = thousandeyes::credentials;


struct config
{
    char const* name;
    tc::api_version api;
    tc::v6_format format;
    bool basic;
    char const* base_url;
    char const* aid;
    char const* agent;
};

inline config const configs[] = {
    {"v6 seed", tc::api_version::v6, tc::v6_format::json, true, nullptr, nullptr, nullptr},
    {"v6 xml aid", tc::api_version::v6, tc::v6_format::xml, false, nullptr, "77", nullptr},
    {"v6 none gateway", tc::api_version::v6, tc::v6_format::none, true,
     "https://gw.example.com:8443/te/", "1", "acme/1 (x; y)"},
    {"v7", tc::api_version::v7, tc::v6_format::json, false, nullptr, nullptr, nullptr},
    {"v7 ipv6 aid", tc::api_version::v7, tc::v6_format::json, false, "https://[::1]:9000",
     "9223372036854775807", "caf\xc3\xa9/1\tbeta"},
    {"v7 http loopback", tc::api_version::v7, tc::v6_format::none, false,
     "http://127.0.0.1:8080/x", "5", nullptr},
};

inline tc::request_builder
builder_for(config const& c)
{
    tc::request_options o;
    o.api = c.api;
    o.format = c.format;
    if(c.agent)
        o.agent = *tc::user_agent::parse(c.agent);
    tc::endpoint ep;
    if(c.base_url)
        ep = *tc::endpoint::parse(c.base_url, {true});
    auto auth = c.basic ? tc::authorization::basic("me@example.com", "tok:en")
                        : tc::authorization::bearer("abc.DEF-123_~+/==");
    auto b = tc::request_builder::make(ep, *auth, o);
    REQUIRE(b.has_value());
    return *b;
}

inline tc::request
request_for(tc::request_builder const& b, config const& c)
{
    auto r = c.aid ? b.delete_credential("405", c.aid) : b.delete_credential("405");
    REQUIRE(r.has_value());
    return *r;
}

inline std::string
write(tc::write_result (*fn)(tc::request const&, char*, std::size_t, tc::secrets),
      tc::request const& r, tc::secrets s)
{
    std::vector<char> buf(8192);
    auto w = fn(r, buf.data(), buf.size(), s);
    REQUIRE(w);
    return std::string(buf.data(), w.size);
}

} // namespace thousandeyes_credentials_tests

using namespace thousandeyes_credentials_tests;

#endif
