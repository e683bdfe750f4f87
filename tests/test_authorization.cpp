// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#include "doctest_config.hpp"
#include "wipe_check.hpp"

#include <thousandeyes/credentials/authorization.hpp>
#include <thousandeyes/credentials/base_url.hpp>
#include <thousandeyes/credentials/secret_buffer.hpp>
#include <thousandeyes/credentials/user_agent.hpp>

#include <cstring>
#include <new>
#include <string>

namespace tc = thousandeyes::credentials;
using tc::error;

TEST_CASE("Basic is base64 of user:token, exactly as curl -u sends it")
{
    auto a = tc::authorization::basic("noreply@thousandeyes.com",
                                      "g351mw5xqhvkmh1vq6zfm51c62wyzib2");
    REQUIRE(a.has_value());
    CHECK(a->scheme() == tc::auth_scheme::basic);
    CHECK(a->value() == "Basic bm9yZXBseUB0aG91c2FuZGV5ZXMuY29tOmczNTFtdzV4cWh2a21oMXZxNnpmbTUxYzYyd3l6aWIy");
}

TEST_CASE("base64 pads each tail length (RFC 4648 test vectors)")
{
    // "user:token" = "f" ":" ... : build inputs whose concatenation is the vector.
    CHECK(tc::authorization::basic("f", "o")->value() == "Basic Zjpv");       // "f:o"
    CHECK(tc::authorization::basic("fo", "o")->value() == "Basic Zm86bw==");  // "fo:o"
    CHECK(tc::authorization::basic("foo", "ba")->value() == "Basic Zm9vOmJh"); // "foo:ba"
    CHECK(tc::authorization::basic("foo", "bar")->value() == "Basic Zm9vOmJhcg==");
    CHECK(tc::authorization::basic("foo", "barx")->value() == "Basic Zm9vOmJhcng=");
    CHECK(tc::authorization::basic("\xc3\xa9", "\xff")->value() == "Basic w6k6/w==");
}

TEST_CASE("Basic user rules: non-empty, no colon, no control byte")
{
    CHECK(tc::authorization::basic("", "t").error() == error::basic_user_empty);
    CHECK(tc::authorization::basic("a:b@x.com", "t").error() == error::basic_user_colon);
    CHECK(tc::authorization::basic("a@x.com\r\n", "t").error() == error::basic_user_control);
    CHECK(tc::authorization::basic(tc::string_view("a\0b", 3), "t").error() ==
          error::basic_user_control);
    CHECK(tc::authorization::basic("a\x7f", "t").error() == error::basic_user_control);
    CHECK(tc::authorization::basic("\xc3\xa9@x.com", "t").has_value()); // UTF-8 is fine
}

TEST_CASE("token rules: non-empty, no control byte; a colon is allowed in a Basic token")
{
    CHECK(tc::authorization::basic("a@x.com", "").error() == error::token_empty);
    CHECK(tc::authorization::basic("a@x.com", "tok\n").error() == error::token_control);
    CHECK(tc::authorization::basic("a@x.com", "a:b").has_value());
    CHECK(tc::authorization::bearer("").error() == error::token_empty);
}

TEST_CASE("a control byte in a Bearer token is outside b64token, not an RFC 7617 matter")
{
    auto const e = tc::authorization::bearer("abc\r\nX-Injected: 1").error();
    CHECK(e == error::bearer_token_charset);
    char scratch[1];
    CHECK(std::string(e.message(scratch, 1)).find("7617") == std::string::npos);
    CHECK(std::string(e.message(scratch, 1)).find("RFC 6750") != std::string::npos);
}

TEST_CASE("Bearer tokens must be b64token (RFC 6750)")
{
    for(char const* ok : {"1e5eb0a6-ffdd-4ab6-9282-c1e6fea5fb9a", "a", "A.b_c~d+e/f", "abc=",
                          "abc==", "Zm9v/+==="})
    {
        CAPTURE(ok);
        auto a = tc::authorization::bearer(ok);
        REQUIRE(a.has_value());
        CHECK(a->value() == std::string("Bearer ") + ok);
        CHECK(a->scheme() == tc::auth_scheme::bearer);
    }
    for(char const* bad : {"=", "=abc", "ab=c", "a b", "a,b", "a\"b", "a;b", "tok\xc3\xa9",
                           " abc", "abc "})
    {
        CAPTURE(bad);
        CHECK(tc::authorization::bearer(bad).error() == error::bearer_token_charset);
    }
}

TEST_CASE("an authorization that would not fit is refused")
{
    std::string const long_token(tc::authorization::capacity, 'a');
    CHECK(tc::authorization::bearer(long_token).error() == error::authorization_too_long);
    std::string const fits(tc::authorization::capacity - 7, 'a');
    CHECK(tc::authorization::bearer(fits)->value().size() == tc::authorization::capacity);
    CHECK(tc::authorization::basic("u", long_token).error() == error::authorization_too_long);
}

TEST_CASE("error messages never contain the secret")
{
    char const secret[] = "s3cr3t-v4lue";
    std::string token = std::string(secret) + "\n";
    auto a = tc::authorization::basic("me@x.com", token);
    REQUIRE(a.has_error());
    CHECK(a.error().message().find(secret) == std::string::npos);
    CHECK(a.error().message().find("basic token") == 0);
    auto b = tc::authorization::bearer(std::string(secret) + " x");
    REQUIRE(b.has_error());
    CHECK(b.error().message().find(secret) == std::string::npos);
}

TEST_CASE("authorization storage is wiped when the object goes away")
{
    auto src = tc::authorization::bearer("ZZZZSECRETZZZZ");
    REQUIRE(src.has_value());
    auto const seen = observe_copy_destruction(*src, "SECRET");
    CHECK(seen.held_before);
    CHECK_FALSE(seen.held_after);
}

TEST_CASE("assigning over an authorization wipes the old secret")
{
    auto a = tc::authorization::bearer("OLDSECRETOLDSECRET");
    auto b = tc::authorization::bearer("new");
    REQUIRE(a.has_value());
    REQUIRE(b.has_value());
    tc::authorization& target = *a;
    char const* const raw = target.value().data();
    std::size_t const old_size = target.value().size();
    target = *b;
    CHECK(target.value() == "Bearer new");
    // The new value covers only the start of the old one: the rest must be zero.
    CHECK(std::string(raw, old_size).find("SECRET") == std::string::npos);
}

TEST_CASE("secret_buffer wipes its bytes when it goes away")
{
    alignas(tc::secret_buffer<64>) unsigned char storage[sizeof(tc::secret_buffer<64>)];
    auto* b = new(storage) tc::secret_buffer<64>;
    std::memcpy(b->data(), "Authorization: Bearer abc", 25);
    b->~secret_buffer();
    for(unsigned char c : storage)
        CHECK(c == 0);
}

TEST_CASE("user agent is a non-empty field-value")
{
    CHECK(tc::user_agent{}.value() == "thousandeyes-credentials/0.1.0");
    CHECK(tc::user_agent::parse("my-app/1.2 (build 7)")->value() == "my-app/1.2 (build 7)");
    CHECK(tc::user_agent::parse("a\tb")->value() == "a\tb");
    CHECK(tc::user_agent::parse("caf\xc3\xa9/1")->value() == "caf\xc3\xa9/1"); // obs-text
    for(char const* bad : {"", " a", "a ", "\ta", "a\r\nX-Injected: 1", "a\nb", "a\x01", "a\x7f"})
    {
        CAPTURE(bad);
        CHECK(tc::user_agent::parse(bad).error() == error::user_agent_invalid);
    }
    CHECK(tc::user_agent::parse(tc::string_view("a\0b", 3)).error() ==
          error::user_agent_invalid);
    CHECK(tc::user_agent::parse(std::string(tc::user_agent::capacity + 1, 'a')).error() ==
          error::user_agent_too_long);
}

TEST_CASE("a credential or an endpoint assigned to itself keeps its value")
{
    // the secret's storage wipes before it is assigned over: assigned to
    // itself, it must not wipe what it is about to copy
    auto a = *tc::authorization::bearer("abc-123");
    auto const& same = a;
    a = same;
    CHECK(a.value() == "Bearer abc-123");
    auto ep = *tc::endpoint::parse("https://gw.example.com:8443/te/v7");
    auto const& same_ep = ep;
    ep = same_ep;
    CHECK(ep.base() == "https://gw.example.com:8443/te");
    CHECK(ep.named_version() == "v7");
}
