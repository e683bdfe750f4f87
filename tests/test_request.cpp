// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#include "doctest_config.hpp"
#include "test_data.hpp"
#include "wipe_check.hpp"

#include <thousandeyes/credentials.hpp>

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <cstdio>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

namespace tc = thousandeyes::credentials;
using tc::error;

namespace {

char const seed_user[] = "noreply@thousandeyes.com";
char const seed_token[] = "g351mw5xqhvkmh1vq6zfm51c62wyzib2";

tc::request_builder
seed_builder(tc::request_options const& opts = {})
{
    auto b = tc::request_builder::make(tc::endpoint{},
                                       *tc::authorization::basic(seed_user, seed_token), opts);
    REQUIRE(b.has_value());
    return *b;
}

tc::request_builder
bearer_builder(tc::request_options const& opts, tc::endpoint const& ep = {})
{
    auto b = tc::request_builder::make(ep, *tc::authorization::bearer("tok123"), opts);
    REQUIRE(b.has_value());
    return *b;
}

std::string
head_of(tc::request const& r, tc::secrets s = tc::secrets::reveal)
{
    char buf[4096];
    auto w = tc::write_head(r, buf, sizeof(buf), s);
    REQUIRE(w);
    return std::string(buf, w.size);
}


// The value of `name` in a head whose lines end in LF or CRLF; "" if absent.
std::string
field_value(std::string const& head, std::string const& name)
{
    std::size_t pos = 0;
    while(pos < head.size())
    {
        std::size_t eol = head.find('\n', pos);
        std::string line = head.substr(pos, eol - pos);
        if(!line.empty() && line.back() == '\r')
            line.pop_back();
        if(line.compare(0, name.size() + 2, name + ": ") == 0)
            return line.substr(name.size() + 2);
        if(eol == std::string::npos)
            break;
        pos = eol + 1;
    }
    return "";
}

std::string
request_line(std::string const& head)
{
    std::string line = head.substr(0, head.find('\n'));
    if(!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

} // namespace

TEST_CASE("seed example: credential 405 matches what curl sends on the six items")
{
    std::string const curl = read_test_data("curl-seed-request.http");
    REQUIRE(!curl.empty());
    auto const b = seed_builder();
    auto const req = *b.delete_credential(*tc::credential_id::make(405));
    std::string const head = head_of(req);

    CHECK(request_line(head) == request_line(curl)); // method and target
    CHECK(request_line(head) == "POST /v6/credentials/405/delete.json HTTP/1.1");
    for(char const* name : {"Host", "Authorization", "Content-Type", "Content-Length"})
    {
        CAPTURE(name);
        CHECK(field_value(curl, name) != "");
        CHECK(field_value(head, name) == field_value(curl, name));
    }
}

TEST_CASE("seed example: the whole v6 head, byte for byte")
{
    auto const b = seed_builder();
    auto const req = *b.delete_credential(*tc::credential_id::make(405));
    CHECK(head_of(req) ==
          "POST /v6/credentials/405/delete.json HTTP/1.1\r\n"
          "Host: api.thousandeyes.com\r\n"
          "Authorization: Basic bm9yZXBseUB0aG91c2FuZGV5ZXMuY29tOmczNTFtdzV4cWh2a21oMXZxNnpmbTUxYzYyd3l6aWIy\r\n"
          "User-Agent: thousandeyes-credentials/0.1.0\r\n"
          "Accept: application/json\r\n"
          "Content-Type: application/json\r\n"
          "Content-Length: 0\r\n"
          "\r\n");
    CHECK(tc::head_size(req) == head_of(req).size());
}

TEST_CASE("v7 golden: DELETE, Bearer, problem+json Accept, no body")
{
    tc::request_options o;
    o.api = tc::api_version::v7;
    auto const b = bearer_builder(o);
    auto const req = *b.delete_credential("3247", "1234");
    CHECK(req.method() == "DELETE");
    CHECK(req.target() == "/v7/credentials/3247?aid=1234");
    CHECK(req.url() == "https://api.thousandeyes.com/v7/credentials/3247?aid=1234");
    CHECK_FALSE(req.has_body());
    CHECK(head_of(req) ==
          "DELETE /v7/credentials/3247?aid=1234 HTTP/1.1\r\n"
          "Host: api.thousandeyes.com\r\n"
          "Authorization: Bearer tok123\r\n"
          "User-Agent: thousandeyes-credentials/0.1.0\r\n"
          "Accept: application/json, application/problem+json\r\n"
          "\r\n");
}

TEST_CASE("v7 refuses Basic and the xml format")
{
    tc::request_options o;
    o.api = tc::api_version::v7;
    auto basic = tc::authorization::basic(seed_user, seed_token);
    CHECK(tc::request_builder::make({}, *basic, o).error() == error::v7_requires_bearer);
    o.format = tc::v6_format::xml;
    CHECK(tc::request_builder::make({}, *tc::authorization::bearer("t"), o).error() ==
          error::v7_format_xml);
    o.format = tc::v6_format::none;
    CHECK(tc::request_builder::make({}, *tc::authorization::bearer("t"), o).has_value());
}

TEST_CASE("v6 accepts Bearer as well as Basic")
{
    auto const b = bearer_builder({});
    auto const req = *b.delete_credential(*tc::credential_id::make(9));
    CHECK(req.authorization() == "Bearer tok123");
    CHECK(req.target() == "/v6/credentials/9/delete.json");
}

TEST_CASE("v6 format picks the suffix and a matching Accept")
{
    struct
    {
        tc::v6_format format;
        char const* target;
        char const* accept;
    } const cases[] = {
        {tc::v6_format::json, "/v6/credentials/405/delete.json?aid=7", "application/json"},
        {tc::v6_format::xml, "/v6/credentials/405/delete.xml?aid=7", "text/xml"},
        {tc::v6_format::none, "/v6/credentials/405/delete?aid=7", "application/json"},
    };
    for(auto const& c : cases)
    {
        tc::request_options o;
        o.format = c.format;
        auto const b = seed_builder(o);
        auto const req = *b.delete_credential("405", "7");
        CHECK(req.target() == c.target);
        CHECK(req.accept() == c.accept);
        CHECK(req.method() == "POST");
        CHECK(req.has_body());
        CHECK(req.body().empty());
    }
}

TEST_CASE("the aid query appears only when an aid is given")
{
    auto const b = seed_builder();
    CHECK(b.delete_credential(*tc::credential_id::make(405))->target().find('?') ==
          tc::string_view::npos);
    CHECK(b.delete_credential(*tc::credential_id::make(405), *tc::account_group_id::make(12))
              ->target() == "/v6/credentials/405/delete.json?aid=12");
    // an optional aid: empty is no query
    std::optional<tc::account_group_id> none;
    CHECK(b.delete_credential(*tc::credential_id::make(405), none)->target() ==
          "/v6/credentials/405/delete.json");
}

TEST_CASE("building from text reports the id or aid error and builds nothing")
{
    auto const b = seed_builder();
    CHECK(b.delete_credential("0405").error() == error::credential_id_leading_zero);
    CHECK(b.delete_credential("405", "").error() == error::aid_empty);
    CHECK(b.delete_credential("405", "1/2").error() == error::aid_not_decimal);
    CHECK(b.delete_credential("x", "1").error() == error::credential_id_not_decimal);
}

TEST_CASE("a gateway prefix and a port go into URL, target and Host")
{
    tc::request_options o;
    o.api = tc::api_version::v7;
    auto const ep = *tc::endpoint::parse("https://GW.example.com:8443/thousandeyes/");
    auto const b = bearer_builder(o, ep);
    auto const req = *b.delete_credential("5");
    CHECK(req.url() == "https://gw.example.com:8443/thousandeyes/v7/credentials/5");
    CHECK(req.target() == "/thousandeyes/v7/credentials/5");
    CHECK(req.host() == "gw.example.com:8443");
}

TEST_CASE("the URL composed by hand is the one Boost.URL reads back")
{
    auto const ep = *tc::endpoint::parse("https://[::1]:8443/gw/te");
    auto const b = bearer_builder({}, ep);
    auto const req = *b.delete_credential("9223372036854775807", "9223372036854775806");
    auto u = boost::urls::parse_uri(req.url());
    REQUIRE(u.has_value());
    CHECK(u->scheme() == "https");
    CHECK(u->encoded_host_and_port() == req.host());
    CHECK(u->encoded_target() == req.target());
    auto segs = u->segments();
    std::string joined;
    for(auto s : segs)
        joined += "|" + std::string(s);
    CHECK(joined == "|gw|te|v6|credentials|9223372036854775807|delete.json");
    REQUIRE(u->params().size() == 1);
    CHECK((*u->params().begin()).key == "aid");
    CHECK((*u->params().begin()).value == "9223372036854775806");
}

TEST_CASE("header fields are in curl's order, with their values")
{
    auto const b = seed_builder();
    auto const req = *b.delete_credential(*tc::credential_id::make(405));
    auto const f = req.fields();
    REQUIRE(f.size() == 6);
    char const* const names[] = {"Host", "Authorization", "User-Agent",
                                 "Accept", "Content-Type", "Content-Length"};
    for(std::size_t i = 0; i < f.size(); ++i)
        CHECK(f[i].name == names[i]);
    CHECK(f[0].value == "api.thousandeyes.com");
    CHECK(f[4].value == "application/json");
    CHECK(f[5].value == "0");

    tc::request_options o;
    o.api = tc::api_version::v7;
    auto const b7 = bearer_builder(o);
    CHECK(b7.delete_credential(*tc::credential_id::make(1))->fields().size() == 4);
}

TEST_CASE("a custom user agent is sent")
{
    tc::request_options o;
    o.agent = *tc::user_agent::parse("acme-sync/2.0");
    auto const b = seed_builder(o);
    auto const req = *b.delete_credential(*tc::credential_id::make(1));
    CHECK(req.user_agent() == "acme-sync/2.0");
    CHECK(field_value(head_of(req), "User-Agent") == "acme-sync/2.0");
}

namespace {
// Writes over the stack where a temporary builder stood, as any later call
// does, so that a request still pointing there would show other bytes.
void __attribute__((noinline))
clobber_stack()
{
    volatile char junk[8192];
    for(std::size_t i = 0; i < sizeof(junk); ++i)
        junk[i] = static_cast<char>(0x5A);
}

tc::request
from_temporary_builder()
{
    auto const auth = tc::authorization::basic(seed_user, seed_token);
    return *tc::request_builder::make(tc::endpoint{}, *auth)->delete_credential("405");
}
} // namespace

TEST_CASE("a request built from a temporary builder owns its whole head")
{
    // The issue 9 case: before, the request pointed into the temporary's
    // storage (AddressSanitizer: stack-use-after-scope; -O2: NUL bytes).
    auto const auth = tc::authorization::basic(seed_user, seed_token);
    auto const req = *tc::request_builder::make(tc::endpoint{}, *auth)->delete_credential("405");
    auto const returned = from_temporary_builder();
    clobber_stack();
    auto const named = seed_builder();
    std::string const expected = head_of(*named.delete_credential("405"));
    CHECK(head_of(req) == expected);
    CHECK(head_of(returned) == expected);
    CHECK(returned.authorization() == named.delete_credential("405")->authorization());
}

TEST_CASE("a request outlives its builder")
{
    tc::request const* kept = nullptr;
    alignas(tc::request) unsigned char storage[sizeof(tc::request)];
    {
        auto const b = seed_builder();
        kept = new(storage) tc::request(*b.delete_credential("405", "17"));
    }
    clobber_stack();
    CHECK(kept->target() == "/v6/credentials/405/delete.json?aid=17");
    CHECK(head_of(*kept) == head_of(*seed_builder().delete_credential("405", "17")));
    std::destroy_at(kept);
}

TEST_CASE("a request's storage, which holds the Authorization value, is wiped when it goes away")
{
    auto const b = bearer_builder({});
    auto const req = *b.delete_credential("1");
    auto const seen = observe_copy_destruction(req, "tok123");
    CHECK(seen.held_before);
    CHECK_FALSE(seen.held_after);
}

TEST_CASE("a request copied keeps its bytes")
{
    auto const b = seed_builder();
    auto r1 = *b.delete_credential("1", "2");
    auto const r2 = *b.delete_credential("987654321");
    r1 = r2;
    CHECK(r1.url() == r2.url());
    CHECK(r1.url().data() != r2.url().data());
    tc::request const r3(r1);
    CHECK(head_of(r3) == head_of(r2));
}

TEST_CASE("a builder's storage, which holds the Authorization value, is wiped when it goes away")
{
    auto const b = bearer_builder({});
    REQUIRE(b.delete_credential("1")->authorization() == "Bearer tok123");
    auto const seen = observe_copy_destruction(b, "tok123");
    CHECK(seen.held_before);
    CHECK_FALSE(seen.held_after);
}
