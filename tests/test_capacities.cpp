// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// Capacities the user chooses: a builder, its requests and an
// authorization sized for a firmware build's need write the same bytes as
// the default-sized ones, and refuse, with an error and nothing built,
// values that do not fit. (A capacity too small for the API's endpoint and
// this library's user agent does not compile: tests/capacity_refused.py.)

#include "doctest_config.hpp"

#include <thousandeyes/credentials.hpp>

#include <string>

namespace tc = thousandeyes::credentials;

namespace {

char const seed_user[] = "noreply@thousandeyes.com";
char const seed_token[] = "g351mw5xqhvkmh1vq6zfm51c62wyzib2";

// The seed's Basic value: "Basic " and the base64 of 57 bytes.
constexpr std::size_t seed_auth_size = tc::authorization::basic_size(24, 32);
using seed_authorization = tc::basic_authorization<seed_auth_size>;
using seed_builder = tc::basic_request_builder<tc::builder_capacity(seed_auth_size)>;

template<class Builder>
std::string
direct_head(Builder const& b, char const* id, char const* aid = nullptr)
{
    char buf[1024];
    auto const i = *tc::credential_id::parse(id);
    auto const w = aid ? tc::write_head(b, i, *tc::account_group_id::parse(aid), buf, sizeof(buf))
                       : tc::write_head(b, i, buf, sizeof(buf));
    REQUIRE(w);
    return std::string(buf, w.size);
}

template<class Request>
std::string
request_head(Request const& r)
{
    char buf[1024];
    auto const w = tc::write_head(r, buf, sizeof(buf));
    REQUIRE(w);
    return std::string(buf, w.size);
}

} // namespace

TEST_CASE("the seed's Basic value is 82 bytes, as basic_size says")
{
    static_assert(seed_auth_size == 82);
    auto const a = seed_authorization::basic(seed_user, seed_token);
    REQUIRE(a.has_value());
    CHECK(a->value().size() == seed_auth_size);
    CHECK(a->value() == tc::authorization::basic(seed_user, seed_token)->value());
    CHECK(sizeof(seed_authorization) < 100);
}

TEST_CASE("an authorization one byte too small is refused, for Basic and for Bearer")
{
    auto const basic = tc::basic_authorization<seed_auth_size - 1>::basic(seed_user, seed_token);
    REQUIRE_FALSE(basic.has_value());
    CHECK(basic.error() == tc::error::authorization_too_long);
    auto const bearer = tc::basic_authorization<tc::authorization::bearer_size(8) - 1>::bearer("12345678");
    REQUIRE_FALSE(bearer.has_value());
    CHECK(bearer.error() == tc::error::authorization_too_long);
    CHECK(tc::basic_authorization<tc::authorization::bearer_size(8)>::bearer("12345678").has_value());
}

TEST_CASE("a builder sized for the seed writes the same heads as the default builder")
{
    auto const auth = seed_authorization::basic(seed_user, seed_token);
    auto const small = seed_builder::make(tc::endpoint{}, *auth);
    auto const full = tc::request_builder::make(tc::endpoint{}, *tc::authorization::basic(seed_user, seed_token));
    REQUIRE(small.has_value());
    REQUIRE(full.has_value());
    for(char const* id : {"1", "405", "9223372036854775807"})
    {
        CHECK(direct_head(*small, id) == direct_head(*full, id));
        CHECK(direct_head(*small, id, "17") == direct_head(*full, id, "17"));
        auto const r = small->delete_credential(id);
        REQUIRE(r.has_value());
        CHECK(request_head(*r) == direct_head(*full, id));
        CHECK(r->url() == full->delete_credential(id)->url());
        CHECK(r->authorization() == full->delete_credential(id)->authorization());
    }
    // a buffer of head_buffer_size takes the longest head, aid included
    char longest[seed_builder::head_buffer_size];
    auto const max_id = *tc::credential_id::parse("9223372036854775807");
    auto const max_aid = *tc::account_group_id::parse("9223372036854775807");
    auto const w = tc::write_head(*small, max_id, max_aid, longest, sizeof(longest));
    CHECK(w);
    CHECK(w.size <= sizeof(longest));
    // the seed's head is 297 bytes; the builder holds less than half a KB
    CHECK(direct_head(*small, "405").size() == 297);
    CHECK(sizeof(seed_builder) < 512);
    CHECK(sizeof(tc::request_builder) > 2048);
    CHECK(sizeof(*small->delete_credential("405")) < 600);
}

TEST_CASE("a builder exactly full works, one byte smaller refuses with builder_capacity")
{
    auto const auth = seed_authorization::basic(seed_user, seed_token);
    auto const exact = seed_builder::make(tc::endpoint{}, *auth);
    REQUIRE(exact.has_value());
    // v7 (a shorter Accept, no content lines) with a Bearer value as long
    // as the seed's Basic one fits too
    std::string const token(seed_auth_size - 7, 'A');
    auto const bearer = seed_authorization::bearer(token);
    REQUIRE(bearer.has_value());
    CHECK(seed_builder::make(tc::endpoint{}, *bearer, {tc::api_version::v7}).has_value());

    // a user agent a byte longer than this library's does not fit
    std::string const agent = std::string(tc::default_user_agent) + "x";
    tc::request_options longer;
    longer.agent = *tc::user_agent::parse(agent);
    auto const refused = seed_builder::make(tc::endpoint{}, *auth, longer);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error() == tc::error::builder_capacity);
    CHECK(refused.error().message().find("builder_capacity") != std::string::npos);
    // ... nor does it in a builder one byte smaller with this library's agent
    auto const smaller =
        tc::basic_request_builder<tc::builder_capacity(seed_auth_size) - 1>::make(tc::endpoint{}, *auth);
    REQUIRE_FALSE(smaller.has_value());
    CHECK(smaller.error() == tc::error::builder_capacity);
}

TEST_CASE("a run-time endpoint counts its origin, host and path prefix")
{
    auto const auth = seed_authorization::basic(seed_user, seed_token);
    auto const ep = tc::endpoint::parse("https://api.thousandeyes.com:8443/prefix");
    REQUIRE(ep.has_value());
    // the origin and host grow by ":8443", the prefix is 7 bytes
    CHECK_FALSE(seed_builder::make(*ep, *auth).has_value());
    using sized = tc::basic_request_builder<tc::builder_capacity(seed_auth_size, sizeof(tc::default_user_agent) - 1,
                                                                 33, 25, 7)>;
    auto const b = sized::make(*ep, *auth);
    REQUIRE(b.has_value());
    auto const full = tc::request_builder::make(*ep, *tc::authorization::basic(seed_user, seed_token));
    REQUIRE(full.has_value());
    CHECK(direct_head(*b, "405", "9") == direct_head(*full, "405", "9"));
    CHECK(b->delete_credential("405")->url() == "https://api.thousandeyes.com:8443/prefix/v6/credentials/405/delete.json");
    CHECK_FALSE(tc::basic_request_builder<sized::capacity - 1>::make(*ep, *auth).has_value());
}

TEST_CASE("the default builder takes the longest values the types accept")
{
    std::string const token(tc::authorization::capacity - 7, 'A');
    auto const auth = tc::authorization::bearer(token);
    REQUIRE(auth.has_value());
    tc::request_options opts;
    opts.agent = *tc::user_agent::parse(std::string(tc::user_agent::capacity, 'u'));
    auto const b = tc::request_builder::make(tc::endpoint{}, *auth, opts);
    REQUIRE(b.has_value());
    auto const r = b->delete_credential("9223372036854775807", "9223372036854775807");
    REQUIRE(r.has_value());
    CHECK(r->authorization() == auth->value());
    CHECK(r->user_agent().size() == tc::user_agent::capacity);
    CHECK(r->target() == "/v6/credentials/9223372036854775807/delete.json?aid=9223372036854775807");
}
