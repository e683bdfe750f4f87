// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#include "doctest_config.hpp"
#include "test_data.hpp"

#include <thousandeyes/credentials.hpp>

#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace tc = thousandeyes::credentials;
using tc::check_rule;

#include "request_configs.hpp"

namespace {

std::string const seed = read_test_data("curl-seed-request.http");

// What curl 7.88 sends for v7 (curl -X DELETE -H "Authorization: Bearer ...").
std::string const v7_head = "DELETE /v7/credentials/405 HTTP/1.1\r\n"
                            "Host: api.thousandeyes.com\r\n"
                            "User-Agent: curl/7.88.1\r\n"
                            "Accept: application/json\r\n"
                            "Authorization: Bearer abc.DEF-123_~+/==\r\n"
                            "\r\n";

tc::check_expectations const api_host{{}, "", "api.thousandeyes.com", ""};

// The ids of what the checker finds in `bytes` fed in chunks of `chunk`
// bytes (0: whole), with the offset and length of each finding.
std::string
check(std::string const& bytes, tc::check_expectations const& x = api_host, std::size_t chunk = 0)
{
    tc::request_checker c(x);
    if(chunk == 0)
        c.feed(bytes);
    else
        for(std::size_t i = 0; i < bytes.size(); i += chunk)
            c.feed(tc::string_view(bytes).substr(i, chunk));
    c.finish();
    std::string out;
    for(tc::finding const& f : c.findings())
        out += std::string(tc::info(f.rule).id) + "@" + std::to_string(f.offset) + "+" +
               std::to_string(f.length) + " ";
    return out;
}

// The ids alone.
std::string
rules(std::string const& bytes, tc::check_expectations const& x = api_host)
{
    tc::request_checker c(x);
    c.feed(bytes);
    c.finish();
    std::string out;
    for(tc::finding const& f : c.findings())
        out += std::string(tc::info(f.rule).id) + " ";
    return out;
}

std::string
replace(std::string s, std::string const& from, std::string const& to)
{
    auto const at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

// The seed with its Basic credentials replaced by `b64`: the ids alone.
std::string
with_basic(std::string const& b64)
{
    return rules(replace(seed,
                         "bm9yZXBseUB0aG91c2FuZGV5ZXMuY29tOmczNTFtdzV4cWh2a21oMXZxNnpmbTUxYzYyd3l6aWIy",
                         b64));
}

// curl's v7 request with `Accept: v`, judged as v7.
std::string
v7_accept(std::string const& v)
{
    return rules(replace(v7_head, "Accept: application/json", "Accept: " + v),
                 {tc::api_version::v7, "", "api.thousandeyes.com", ""});
}

struct mutation
{
    char const* rule;
    std::string bytes;
    tc::check_expectations x;
};

std::vector<mutation>
mutations()
{
    std::string const& s = seed;
    std::string const& d = v7_head;
    tc::check_expectations const v7{tc::api_version::v7, "", "api.thousandeyes.com", ""};
    return {
        {"request-line", replace(s, "POST /v6", "POST  /v6"), api_host},
        {"http-version", replace(s, "HTTP/1.1", "HTTP/1.0"), api_host},
        {"bare-lf", replace(s, "Accept: */*\r\n", "Accept: */*\n"), api_host},
        {"bare-cr", replace(s, "curl/", "curl/\r"), api_host},
        {"control-byte", replace(s, "curl/", std::string("cu\0rl/", 6)), api_host},
        {"obs-fold", replace(s, "Accept: */*\r\n", "Accept: */*\r\n  ,*/*\r\n"), api_host},
        {"field-syntax", replace(s, "Accept: */*", "Accept : */*"), api_host},
        {"line-too-long", replace(s, "Accept: */*", "X-Pad: " + std::string(9000, 'a')), api_host},
        {"head-incomplete", s.substr(0, s.size() - 2), api_host},
        {"trailing-bytes", s + "GET / HTTP/1.1\r\n\r\n", api_host},
        {"method", replace(s, "POST", "PUT"), api_host},
        {"target-form", replace(s, "/v6/credentials/405/delete.json", "*"), api_host},
        {"absolute-form", replace(s, "/v6/", "https://api.thousandeyes.com/v6/"), api_host},
        {"target-path", replace(s, "/delete.json", "/remove"), api_host},
        {"api-version", d, {tc::api_version::v6, "", "api.thousandeyes.com", ""}},
        {"credential-id", replace(s, "/405/", "/0405/"), api_host},
        {"expected-id", s, {{}, "", "api.thousandeyes.com", "406"}},
        {"aid", replace(s, "delete.json", "delete.json?aid=x1"), api_host},
        {"query-repeated", replace(d, "/405", "/405?aid=1&aid=2"), v7},
        {"query-unknown", replace(d, "/405", "/405?format=json"), v7},
        {"format-value", replace(s, "delete.json", "delete.json?format=yaml"), api_host},
        {"format-conflict", replace(s, "Accept: */*", "Accept: text/xml"), api_host},
        {"accept", replace(d, "application/json", "text/xml"), v7},
        {"content-length", replace(s, "Content-Length: 0", "Content-Length: +0"), api_host},
        {"request-body", replace(s, "Content-Length: 0", "Content-Length: 2") + "{}", api_host},
        {"content-length-missing", replace(s, "Content-Length: 0\r\n", ""), api_host},
        {"content-length-on-delete", replace(d, "\r\n\r\n", "\r\nContent-Length: 0\r\n\r\n"), v7},
        {"transfer-encoding",
         replace(s, "Content-Length: 0", "Transfer-Encoding: chunked") + "0\r\n\r\n", api_host},
        {"expect", replace(s, "Accept: */*", "Accept: */*\r\nExpect: 100-continue"), api_host},
        {"content-type", replace(s, "Content-Type: application/json", "Content-Type: text/plain"),
         api_host},
        {"content-type-missing", replace(s, "Content-Type: application/json\r\n", ""), api_host},
        {"host-missing", replace(s, "Host: api.thousandeyes.com\r\n", ""), api_host},
        {"host-repeated", replace(s, "Accept: */*", "Accept: */*\r\nHost: api.thousandeyes.com"),
         api_host},
        {"host-invalid", replace(s, "Host: api.thousandeyes.com", "Host: api/thousandeyes"),
         {{}, "", "", ""}},
        {"host-mismatch", replace(s, "api.thousandeyes.com\r\n", "api.thousandeyes.co\r\n"),
         api_host},
        {"authorization-missing", replace(d, "Authorization: Bearer abc.DEF-123_~+/==\r\n", ""),
         v7},
        {"authorization-repeated",
         replace(d, "Accept:", "Authorization: Bearer abc\r\nAccept:"), v7},
        {"authorization-scheme", replace(d, "Bearer", "Token"), v7},
        {"basic-credentials", replace(s, "Basic bm9y", "Basic bm9y="), api_host},
        // base64("me:tok") names no email address
        {"basic-user",
         replace(s, "bm9yZXBseUB0aG91c2FuZGV5ZXMuY29tOmczNTFtdzV4cWh2a21oMXZxNnpmbTUxYzYyd3l6aWIy",
                 "bWU6dG9r"),
         api_host},
        {"bearer-token", replace(d, "abc.DEF", "abc DEF"), v7},
        {"credentials-not-shown", replace(d, "abc.DEF-123_~+/==", "<redacted>"), v7},
        {"user-agent-missing", replace(d, "User-Agent: curl/7.88.1\r\n", ""), v7},
        {"duplicate-field", replace(d, "Accept:", "User-Agent: x\r\nAccept:"), v7},
    };
}

} // namespace

TEST_CASE("the seed's curl request and curl's v7 request break no rule")
{
    REQUIRE(seed.size() == 265);
    CHECK(check(seed) == "");
    CHECK(check(v7_head) == "");
    CHECK(check(seed, {tc::api_version::v6, "", "api.thousandeyes.com", "405"}) == "");
    CHECK(check(v7_head, {tc::api_version::v7, "", "api.thousandeyes.com:443", "405"}) == "");
}

TEST_CASE("every rule has a request that breaks it and no other rule")
{
    auto const all = mutations();
    REQUIRE(all.size() == tc::check_rule_count);
    std::vector<bool> covered(tc::check_rule_count);
    for(mutation const& m : all)
    {
        CAPTURE(m.rule);
        CHECK(rules(m.bytes, m.x) == std::string(m.rule) + " ");
        for(std::size_t i = 0; i < tc::check_rule_count; ++i)
            if(tc::info(static_cast<check_rule>(i)).id == m.rule)
                covered[i] = true;
    }
    for(std::size_t i = 0; i < tc::check_rule_count; ++i)
        CHECK_MESSAGE(covered[i], tc::info(static_cast<check_rule>(i)).id);
}

TEST_CASE("the findings are the same whatever the chunking")
{
    std::mt19937 rng(7);
    for(mutation const& m : mutations())
    {
        CAPTURE(m.rule);
        std::string const whole = check(m.bytes, m.x);
        for(std::size_t chunk : {1u, 2u, 3u, 7u, 64u})
            CHECK(check(m.bytes, m.x, chunk) == whole);
        // random cuts
        tc::request_checker c(m.x);
        for(std::size_t i = 0; i < m.bytes.size();)
        {
            std::size_t const n = rng() % 40;
            c.feed(tc::string_view(m.bytes).substr(i, n));
            i += n;
        }
        c.finish();
        std::string cut;
        for(tc::finding const& f : c.findings())
            cut += std::string(tc::info(f.rule).id) + "@" + std::to_string(f.offset) + "+" +
                   std::to_string(f.length) + " ";
        CHECK(cut == whole);
    }
}

TEST_CASE("offsets point at the bytes that break the rule")
{
    std::string const h = replace(seed, "Host: api.thousandeyes.com", "Host: evil.example");
    auto const at = h.find("evil.example");
    CHECK(check(h) == "host-mismatch@" + std::to_string(at) + "+12 ");
    std::string const m = replace(seed, "POST", "GET");
    CHECK(check(m) == "method@0+3 ");
    // a point finding at the end of the head: the empty line's offset
    std::string const a = replace(seed, "Host: api.thousandeyes.com\r\n", "");
    CHECK(check(a) == "host-missing@" + std::to_string(a.size() - 2) + "+0 ");
}

TEST_CASE("the view form finds what the bytes form finds")
{
    auto view = [](char const* method, char const* target,
                   std::vector<std::pair<std::string, std::string>> const& fields,
                   tc::check_expectations const& x) {
        tc::request_checker c(x);
        c.start(method, target);
        for(auto const& f : fields)
            c.field(f.first, f.second);
        c.finish();
        std::string out;
        for(tc::finding const& f : c.findings())
            out += std::string(tc::info(f.rule).id) + "@" + std::to_string(f.offset) + "+" +
                   std::to_string(f.length) + " ";
        return out;
    };
    std::vector<std::pair<std::string, std::string>> fields = {
        {"Host", "api.thousandeyes.com"},
        {"User-Agent", "curl/7.88.1"},
        {"Accept", "application/json"},
        {"Authorization", "Bearer abc.DEF-123_~+/=="}};
    CHECK(view("DELETE", "/v7/credentials/405", fields, api_host) == "");
    CHECK(view("DELETE", "/v7/credentials/405", fields, api_host) == check(v7_head) );
    fields[0].second = "evil.example";
    std::string const bytes = replace(v7_head, "api.thousandeyes.com", "evil.example");
    std::string const want = check(bytes);
    CHECK(want.find("host-mismatch@") == 0);
    CHECK(view("DELETE", "/v7/credentials/405", fields, api_host) == want);
    // a value with CR LF would split the line: the view form refuses it
    fields[0].second = "api.thousandeyes.com\r\nX-Injected: 1";
    CHECK(view("DELETE", "/v7/credentials/405", fields, api_host)
              .find("control-byte@" + std::to_string(bytes.find("Host: ") + 6 + 20) + "+1 " +
                    "host-invalid@") == 0);
    fields[0].first = "Ho st";
    CHECK(view("DELETE", "/v7/credentials/405", fields, api_host).find("field-syntax@") == 0);
}

TEST_CASE("every request the library builds breaks no rule, as bytes and as a view")
{
    for(config const& cfg : configs)
    {
        CAPTURE(cfg.name);
        auto const b = builder_for(cfg);
        tc::request const r = request_for(b, cfg);
        tc::endpoint ep;
        if(cfg.base_url)
            ep = *tc::endpoint::parse(cfg.base_url, {true});
        tc::check_expectations const x{cfg.api, ep.path_prefix(), ep.host(), "405"};
        std::string const head = write(tc::write_head, r, tc::secrets::reveal);
        tc::request_checker c(x);
        c.feed(head);
        c.finish();
        for(tc::finding const& f : c.findings())
            CHECK_MESSAGE(f.severity() == tc::check_severity::note, tc::info(f.rule).id);
        CHECK(c.head_done());
        tc::request_checker v(x);
        v.start(r.method(), r.target());
        for(tc::field const& f : r.fields())
            v.field(f.name, f.value);
        v.finish();
        CHECK(v.findings().size() == c.findings().size());
    }
}

TEST_CASE("a finding holds no byte of the request")
{
    // a secret in every place a finding could point at
    std::string const secret = "s3cr3tT0kenValue9";
    std::string const h = "P" + secret + " /v7/credentials/" + secret + "?" + secret +
                          "=1 HTTP/1.1\r\nAuthorization: " + secret + " " + secret +
                          "\r\nHost: " + secret + "/\r\n" + secret + " : x\r\n\r\n" + secret;
    tc::request_checker c(api_host);
    c.feed(h);
    c.finish();
    REQUIRE(c.findings().size() >= 6);
    for(tc::finding const& f : c.findings())
    {
        tc::rule_info const& i = tc::info(f.rule);
        for(tc::string_view s : {f.field, i.id, i.message, i.rule, i.source})
            CHECK(std::string(s).find("s3cr3t") == std::string::npos);
    }
}

TEST_CASE("past 32 findings the rest are counted, and an error among them still counts")
{
    std::string h = "POST /v6/credentials/405/delete HTTP/1.1\r\n";
    for(int i = 0; i < 40; ++i)
        h += "Accept: */*\n";
    h += "Authorization: Basic !!!!\r\n\r\n";
    tc::request_checker c(api_host);
    c.feed(h);
    c.finish();
    CHECK(c.findings().size() == tc::finding_list::capacity);
    CHECK(c.findings().dropped() > 8);
    CHECK(c.findings().count(tc::check_severity::error) == 0); // the kept ones: bare LFs
    CHECK(c.findings().has_errors());
}

TEST_CASE("Basic credentials are judged as RFC 7617 and RFC 4648 spell them")
{
    CHECK(with_basic("YUBiOmM=") == "");                     // a@b:c
    CHECK(with_basic("YUBiOmM") == "basic-credentials ");    // no padding
    CHECK(with_basic("YUBiOmN=") == "basic-credentials ");   // padding bits not zero
    CHECK(with_basic("YUBiYw==") == "basic-credentials ");   // a@bc: no colon
    CHECK(with_basic("OmFAYg==") == "basic-credentials ");   // :a@b: no user-id
    CHECK(with_basic("YUBiOg==") == "basic-credentials ");   // a@b: no password
    CHECK(with_basic("YUBiOgFj") == "basic-credentials ");   // a@b:\x01c
    CHECK(with_basic("YUBiOmM6ZA==") == "");                 // a@b:c:d, the password may hold ':'
}

TEST_CASE("Accept weights of zero admit nothing")
{
    CHECK(v7_accept("*/*") == "");
    CHECK(v7_accept("application/problem+json") == "");
    CHECK(v7_accept("text/html, application/*;q=0.1") == "");
    CHECK(v7_accept("application/json;q=0") == "accept ");
    CHECK(v7_accept("application/json; q=0.000, text/xml") == "accept ");
}

TEST_CASE("the target's grammar: its form, the base prefix, the suffixes and the query")
{
    tc::check_expectations const any{{}, "", "", ""};
    auto target = [&](std::string const& t, tc::check_expectations const& x) {
        return rules(replace(seed, "/v6/credentials/405/delete.json", t), x);
    };
    CHECK(target("/v6/credentials/405/delete", any) == "");
    CHECK(target("/v6/credentials/405/delete.xml", any) == "");  // Accept */* admits XML
    CHECK(target("/v6/credentials/405/delete.json?", any) == "");
    CHECK(target("/v6/credentials/405/delete.json?&aid=1&", any) == "");
    CHECK(target("/v6/credentials/405/delete.json?aid", any) == "aid ");
    CHECK(target("/v6/credentials/405/delete.json?format=json&format=json", any) ==
          "query-repeated ");
    CHECK(target("/v6/credentials/405/delete.json?format=xml", any) == "format-conflict ");
    CHECK(target("/v6/credentials/405/delete.json#x", any) == "target-form ");
    CHECK(target("/v6/credentials/405/delete.json%zz", any) == "target-form ");
    CHECK(target("/v6/credentials/%34%30%35/delete.json", any) == "credential-id ");
    CHECK(target("/v6/credentials/405/delete.json?a=!$'()*+,;:@/?", any) == "query-unknown ");
    CHECK(target("HTTPS://api.thousandeyes.com/v6/credentials/405/delete.json", any) ==
          "absolute-form ");
    CHECK(target("http://api.thousandeyes.com", any) == "absolute-form target-path ");
    CHECK(target("/v5/credentials/405/delete.json", any) == "target-path ");
    CHECK(target("/v6/credentials/405", any) == "target-path ");
    tc::check_expectations const gw{tc::api_version::v6, "/te", "", ""};
    CHECK(target("/te/v6/credentials/405/delete.json", gw) == "");
    CHECK(target("/te2/v6/credentials/405/delete.json", gw) == "target-path ");
    CHECK(target("/v6/credentials/405/delete.json", gw) == "target-path ");
    tc::check_expectations const v7{tc::api_version::v7, "", "", ""};
    std::string const v7_bearer = replace(v7_head, "Accept: application/json\r\n", "");
    CHECK(rules(v7_bearer, v7) == "");
    CHECK(rules(replace(v7_bearer, "/405", "/405?format=json"), v7) == "query-unknown ");
    CHECK(rules(replace(v7_bearer, "/405", "/405?aid=9223372036854775808"), v7) == "aid ");
}

TEST_CASE("the request line's parts and the version")
{
    CHECK(rules(replace(seed, "POST", "PO(ST")) == "request-line ");
    CHECK(rules(replace(seed, "POST /v6", "POST")) == "request-line ");
    CHECK(rules(replace(seed, "HTTP/1.1", "HTTP/1.x")) == "request-line ");
    CHECK(rules(replace(seed, "HTTP/1.1", "HTTPS/1.1")) == "request-line ");
    CHECK(rules(replace(seed, "HTTP/1.1", "HTTP/2.0")) == "http-version ");
    CHECK(rules("\r\n\r\n" + seed) == "");  // empty lines before the request line
    CHECK(rules("") == "head-incomplete ");
    CHECK(rules(replace(seed, "POST", "post")) == "method ");
}

TEST_CASE("Host values: literals, ports and the default port")
{
    auto host = [](std::string const& v, std::string const& expect) {
        tc::check_expectations const x{{}, "", expect, ""};
        return rules(replace(seed, "Host: api.thousandeyes.com", "Host: " + v), x);
    };
    CHECK(host("[::1]:8080", "[::1]:8080") == "");
    CHECK(host("[::1]", "") == "");
    CHECK(host("[]", "") == "host-invalid ");
    CHECK(host("[::1", "") == "host-invalid ");
    CHECK(host("[g::1]", "") == "host-invalid ");
    CHECK(host("[::1]x", "") == "host-invalid ");
    CHECK(host(":443", "") == "host-invalid ");
    CHECK(host("a:123456", "") == "host-invalid ");
    CHECK(host("a:44x", "") == "host-invalid ");
    CHECK(host("a:", "") == "");  // port = *DIGIT
    CHECK(host("API.ThousandEyes.com:443", "api.thousandeyes.com") == "");
    CHECK(host("api.thousandeyes.com", "api.thousandeyes.com:443") == "");
    CHECK(host("example.com:80", "example.com") == "");
    CHECK(host("example.com:8080", "example.com") == "host-mismatch ");
}

TEST_CASE("Content-Length: repeated, invalid, and the framing it gives")
{
    auto cl = [](std::string const& lines, std::string const& body = "") {
        return rules(replace(seed, "Content-Length: 0\r\n", lines) + body);
    };
    CHECK(cl("Content-Length: 0\r\nContent-Length: 0\r\n") == "duplicate-field ");
    CHECK(cl("Content-Length: 0\r\nContent-Length: 1\r\n", "x") == "content-length ");
    CHECK(cl("Content-Length: x\r\nContent-Length: 0\r\n") == "content-length ");
    CHECK(cl("Content-Length: 0, 0\r\n") == "content-length ");
    CHECK(cl("Content-Length: 99999999999999999999\r\n") == "content-length ");
    // the body the head frames is read; what follows it is trailing
    CHECK(cl("Content-Length: 2\r\n", "{}") == "request-body ");
    CHECK(cl("Content-Length: 2\r\n", "{}x") == "request-body trailing-bytes ");
    // after Transfer-Encoding the framing is not followed: nothing more is judged
    CHECK(cl("Transfer-Encoding: chunked\r\n", "5\r\nhello\r\n0\r\n\r\nGET / HTTP/1.1\r\n") ==
          "transfer-encoding ");
    CHECK(cl("Content-Type: application/json\r\n") ==
          "duplicate-field content-length-missing ");
    CHECK(cl("Content-Length: 0\r\nExpect: 100-continue\r\n") == "expect ");
}

TEST_CASE("Accept and the v6 format: suffix first, then Accept, then format=")
{
    auto v6 = [](std::string const& target, std::string const& accept) {
        std::string h = replace(seed, "/v6/credentials/405/delete.json", target);
        return rules(accept.empty() ? replace(h, "Accept: */*\r\n", "")
                                    : replace(h, "Accept: */*", "Accept: " + accept));
    };
    CHECK(v6("/v6/credentials/405/delete", "text/xml") == "");
    CHECK(v6("/v6/credentials/405/delete", "application/xml, application/json") == "");
    CHECK(v6("/v6/credentials/405/delete", "image/png") == "accept ");
    CHECK(v6("/v6/credentials/405/delete?format=xml", "image/png") == "format-conflict ");
    CHECK(v6("/v6/credentials/405/delete?format=xml", "application/json") == "format-conflict ");
    CHECK(v6("/v6/credentials/405/delete?format=xml", "") == "");
    CHECK(v6("/v6/credentials/405/delete?format=x", "") == "format-value ");
    CHECK(v6("/v6/credentials/405/delete.xml", "text/*") == "");
    CHECK(v6("/v6/credentials/405/delete.xml", "image/png") == "format-conflict ");
    CHECK(v6("/v6/credentials/405/delete.json", "text/html;level=1, application/json;q=1") == "");
}

TEST_CASE("Authorization: schemes by version, case, and redacted credentials")
{
    auto auth = [](std::string const& value) {
        tc::check_expectations const x{tc::api_version::v6, "", "", ""};
        return rules(replace(seed,
                             "Basic bm9yZXBseUB0aG91c2FuZGV5ZXMuY29tOmczNTFtdzV4cWh2a21oMXZxNnpmbTUxYzYyd3l6aWIy",
                             value),
                     x);
    };
    CHECK(auth("bearer abc") == "");          // schemes are case-insensitive
    CHECK(auth("BASIC YUBiOmM=") == "");
    CHECK(auth("Bearer  abc") == "");         // 1*SP
    CHECK(auth("Bearer") == "bearer-token ");
    CHECK(auth("Basic") == "basic-credentials ");
    CHECK(auth("Digest x") == "authorization-scheme ");
    CHECK(auth("<redacted>") == "credentials-not-shown ");
    CHECK(auth("Basic <redacted>") == "credentials-not-shown ");
    CHECK(auth("Token <redacted>") == "credentials-not-shown authorization-scheme ");
    // a v7 path with Basic: the scheme v7 does not take
    std::string const v7_basic = replace(v7_head, "Bearer abc.DEF-123_~+/==", "Basic YUBiOmM=");
    CHECK(rules(v7_basic) == "authorization-scheme ");
}

TEST_CASE("the bytes form: controls, obs-fold, field lines, long lines")
{
    CHECK(rules(replace(seed, "Accept: */*", "Accept: */*\t")) == "");  // OWS
    CHECK(rules(replace(seed, "Accept: */*", ": */*")) == "field-syntax ");
    CHECK(rules(replace(seed, "Accept: */*", "Accept */*")) == "field-syntax ");
    CHECK(rules(replace(seed, "Accept: */*", "Acc\x7f" "ept: */*")) == "control-byte field-syntax ");
    // an over-long request line: the head is still read, the target not judged
    std::string const long_target = replace(seed, "delete.json", std::string(9000, 'a'));
    CHECK(rules(long_target) == "line-too-long ");
    // the line buffer holds max_line bytes and the CR
    std::string const at_limit =
        replace(seed, "Accept: */*", "X-Pad: " + std::string(tc::request_checker::max_line - 7, 'a'));
    CHECK(rules(at_limit) == "");
    std::string const past_limit =
        replace(seed, "Accept: */*", "X-Pad: " + std::string(tc::request_checker::max_line - 6, 'a'));
    CHECK(rules(past_limit) == "line-too-long ");
    CHECK(rules(replace(seed, "\r\n\r\n", "\n\n")) == "bare-lf bare-lf ");
}

TEST_CASE("reset, head_done and the finding list")
{
    tc::request_checker c(api_host);
    CHECK_FALSE(c.head_done());
    c.feed(seed.substr(0, 100));
    CHECK_FALSE(c.head_done());
    c.feed(seed.substr(100));
    CHECK(c.head_done());
    c.finish();
    CHECK(c.findings().empty());
    c.reset({tc::api_version::v7, "", "", ""});
    CHECK_FALSE(c.head_done());
    c.feed(seed);
    c.finish();
    CHECK(c.findings().size() == 1);
    CHECK(c.findings().contains(check_rule::api_version));
    CHECK_FALSE(c.findings().contains(check_rule::method));
    CHECK(c.findings().count(tc::check_severity::error) == 1);
    CHECK(c.findings()[0].severity() == tc::check_severity::error);
    CHECK(c.findings()[0].field == "request-target");
    CHECK(tc::to_string(tc::check_severity::warning) == "warning");
    CHECK(tc::to_string(tc::check_severity::note) == "note");
    // a view, reset to bytes
    c.reset();
    c.start("DELETE", "/v7/credentials/405");
    c.field("Host", " api.thousandeyes.com ");
    c.finish();
    CHECK(c.head_done());
    CHECK(rules(v7_head) == "");
    // each rule's text is there, and ids are unique
    for(std::size_t i = 0; i < tc::check_rule_count; ++i)
    {
        tc::rule_info const& r = tc::info(static_cast<check_rule>(i));
        CHECK_FALSE(r.id.empty());
        CHECK_FALSE(r.message.empty());
        CHECK_FALSE(r.rule.empty());
        CHECK_FALSE(r.source.empty());
        for(std::size_t j = 0; j < i; ++j)
            CHECK(tc::info(static_cast<check_rule>(j)).id != r.id);
    }
}

TEST_CASE("value grammar edges: reg-name characters, base64's last letters, weights")
{
    auto host = [](std::string const& v) {
        return rules(replace(seed, "Host: api.thousandeyes.com", "Host: " + v), {{}, "", "", ""});
    };
    CHECK(host("a-b.c_d~e%41!$&'()*+,;=f") == "");
    CHECK(host("a b") == "host-invalid ");
    CHECK(host("a\"b") == "host-invalid ");
    CHECK(host("[1.2.3.4]") == "");
    CHECK(host("[::1]:") == "");
    CHECK(with_basic("YUBiOis/") == "");               // a@b:+?  with '+' and '/' in the base64
    CHECK(with_basic("YUBiOmM=====") == "basic-credentials ");
    CHECK(with_basic("YUBi*mM=") == "basic-credentials ");
    tc::check_expectations const v7{tc::api_version::v7, "", "", ""};
    CHECK(v7_accept("application/json;q") == "");
    CHECK(v7_accept("application/json;level=1;q=0") == "accept ");
    CHECK(v7_accept("application/json;Q=0.") == "accept ");
    CHECK(v7_accept("application/json;q=") == "");
    CHECK(v7_accept("application/json; q=1") == "");
    CHECK(v7_accept(",,application/problem+json,") == "");
    CHECK(v7_accept("text/xml, */*;q=0") == "accept ");
    CHECK(v7_accept("") == "");  // an empty Accept: nothing asked, nothing refused
    CHECK(rules(replace(v7_head, "DELETE /v7", "DELETE  /v7"), v7) == "request-line ");
    CHECK(rules(replace(v7_head, "DELETE", ""), v7) == "request-line ");
    CHECK(rules(replace(v7_head, "/v7/credentials/405", "v7/credentials/405"), v7) == "target-form ");
    CHECK(rules(replace(v7_head, "/405", "/40%5"), v7) == "target-form ");
    CHECK(rules(replace(v7_head, "/405", "/40%5g"), v7) == "target-form ");
}
