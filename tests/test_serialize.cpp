// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#include "doctest_config.hpp"

#include <thousandeyes/credentials.hpp>

#include <string>
#include <vector>

namespace tc = thousandeyes::credentials;
using tc::error;

#include "request_configs.hpp"

TEST_CASE("head_size equals what write_head writes, redacted or not")
{
    for(auto const& c : configs)
    {
        auto const b = builder_for(c);
        auto const req = request_for(b, c);
        for(auto s : {tc::secrets::reveal, tc::secrets::redact})
            CHECK(tc::head_size(req, s) == write(tc::write_head, req, s).size());
    }
}

TEST_CASE("the redacted head is the sent head with only the Authorization value replaced")
{
    for(auto const& c : configs)
    {
        CAPTURE(c.name);
        auto const b = builder_for(c);
        auto const req = request_for(b, c);
        std::string sent = write(tc::write_head, req, tc::secrets::reveal);
        std::string const redacted = write(tc::write_head, req, tc::secrets::redact);
        std::string const value(req.authorization().data(), req.authorization().size());
        auto const pos = sent.find("\r\nAuthorization: " + value + "\r\n");
        REQUIRE(pos != std::string::npos);
        std::string const scheme = value.substr(0, value.find(' '));
        sent.replace(pos + 17, value.size(), scheme + " <redacted>");
        CHECK(sent == redacted);
    }
}

TEST_CASE("a buffer too small is left untouched and told the size needed")
{
    auto const b = builder_for(configs[0]);
    auto const req = request_for(b, configs[0]);
    using writer = tc::write_result (*)(tc::request const&, char*, std::size_t, tc::secrets);
    for(writer fn : {writer(tc::write_head), writer(tc::write_curl), writer(tc::write_review)})
    for(auto s : {tc::secrets::reveal, tc::secrets::redact})
    {
        std::size_t const need = write(fn, req, s).size();
        std::string buf(need - 1, '#');
        auto w = fn(req, &buf[0], buf.size(), s);
        CHECK(w.ec == error::buffer_too_small);
        CHECK(w.ec == tc::condition::buffer_too_small);
        CHECK(w.size == need);
        CHECK(buf == std::string(need - 1, '#'));

        std::string exact(need, '#');
        auto ok = fn(req, &exact[0], exact.size(), s);
        CHECK(ok);
        CHECK(ok.size == need);
    }
    auto w = tc::write_head(req, nullptr, 0);
    CHECK(w.ec == error::buffer_too_small);
}

TEST_CASE("curl and review outputs redact the secret unless asked to reveal it")
{
    auto const b = builder_for(configs[0]);
    auto const req = request_for(b, configs[0]);
    std::string const secret = std::string(req.authorization().substr(6));
    char buf[4096];

    auto curl = tc::write_curl(req, buf, sizeof(buf));
    REQUIRE(curl);
    std::string const c(buf, curl.size);
    CHECK(c.find(secret) == std::string::npos);
    CHECK(c.find("'Authorization: Basic <redacted>'") != std::string::npos);

    auto review = tc::write_review(req, buf, sizeof(buf));
    REQUIRE(review);
    std::string const r(buf, review.size);
    CHECK(r.find(secret) == std::string::npos);
    CHECK(r.find("Authorization: Basic <redacted>\\r\\n") != std::string::npos);

    CHECK(write(tc::write_head, req, tc::secrets::redact).find(secret) == std::string::npos);
    CHECK(write(tc::write_curl, req, tc::secrets::reveal).find(secret) != std::string::npos);
    CHECK(write(tc::write_review, req, tc::secrets::reveal).find(secret) != std::string::npos);
}

TEST_CASE("the curl command for the seed")
{
    auto const b = builder_for(configs[0]);
    CHECK(write(tc::write_curl, request_for(b, configs[0]), tc::secrets::redact) ==
          "curl --http1.1 --globoff --fail-with-body \\\n"
          "  --url 'https://api.thousandeyes.com/v6/credentials/405/delete.json' \\\n"
          "  --header 'Authorization: Basic <redacted>' \\\n"
          "  --header 'User-Agent: thousandeyes-credentials/0.1.0' \\\n"
          "  --header 'Accept: application/json' \\\n"
          "  --header 'Content-Type: application/json' \\\n"
          "  --data-binary ''\n");
}

TEST_CASE("the curl command for v7 sends DELETE and no data")
{
    auto const b = builder_for(configs[3]);
    std::string const c = write(tc::write_curl, request_for(b, configs[3]), tc::secrets::reveal);
    CHECK(c.find("--request DELETE") != std::string::npos);
    CHECK(c.find("--data") == std::string::npos);
    CHECK(c.find("'Authorization: Bearer abc.DEF-123_~+/=='") != std::string::npos);
}

TEST_CASE("single quotes in the curl command are shell-escaped")
{
    tc::request_options o;
    o.agent = *tc::user_agent::parse("it's 'quoted'");
    auto b = tc::request_builder::make({}, *tc::authorization::bearer("t"), o);
    std::string const c = write(tc::write_curl, *b->delete_credential("1"), tc::secrets::redact);
    CHECK(c.find("--header 'User-Agent: it'\\''s '\\''quoted'\\'''") != std::string::npos);
}

TEST_CASE("the review shows every byte of the head with line ends visible")
{
    auto const b = builder_for(configs[4]);
    auto const req = request_for(b, configs[4]);
    std::string const r = write(tc::write_review, req, tc::secrets::redact);
    CHECK(r.find("# URL: https://[::1]:9000/v7/credentials/405?aid=9223372036854775807\n") !=
          std::string::npos);
    CHECK(r.find("DELETE /v7/credentials/405?aid=9223372036854775807 HTTP/1.1\\r\\n\n") !=
          std::string::npos);
    CHECK(r.find("User-Agent: caf\\xC3\\xA9/1\\tbeta\\r\\n\n") != std::string::npos);
    CHECK(r.find("\n\\r\\n\n# end of request\n") != std::string::npos);
    std::string const head_bytes = "a head of " + std::to_string(tc::head_size(req)) + " bytes";
    CHECK(r.find(head_bytes) != std::string::npos);
    CHECK(r.find("and no body") != std::string::npos);
    // No raw control byte reaches the terminal except the line breaks.
    for(char ch : r)
        CHECK((ch == '\n' || (static_cast<unsigned char>(ch) >= 0x20 &&
                              static_cast<unsigned char>(ch) < 0x7F)));
}

TEST_CASE("show: a secret field is its scheme and the marker, anything else all of it")
{
    for(auto const& c : configs)
    {
        CAPTURE(c.name);
        auto const b = builder_for(c);
        auto const req = request_for(b, c);
        for(tc::field const& f : req.fields())
        {
            tc::shown_value const v = tc::show(f);
            if(f.secret)
            {
                CHECK(v.text == tc::credential_scheme(f.value));
                CHECK(v.marker == tc::redaction_marker);
                CHECK(std::string(v.text) + std::string(v.marker) != std::string(f.value));
                CHECK(v.size() == v.text.size() + v.marker.size());
            }
            else
            {
                CHECK(v.text == f.value);
                CHECK(v.marker.empty());
            }
            tc::shown_value const r = tc::show(f, tc::secrets::reveal);
            CHECK(r.text == f.value);
            CHECK(r.marker.empty());
        }
    }
    CHECK(tc::show("Bearer abc", true).text == "Bearer");
    // a value without a scheme shows nothing of itself
    CHECK(tc::show("nospacetoken", true).text.empty());
    CHECK(tc::show("nospacetoken", true).marker == "<redacted>");
    CHECK(tc::credential_scheme("nospacetoken").empty());
}

TEST_CASE("secure_wipe zeroes what it is given and nothing around it")
{
    char buf[8] = {'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'};
    tc::secure_wipe(buf + 2, 4);
    CHECK(std::string(buf, 8) == std::string("ab\0\0\0\0gh", 8));
}

TEST_CASE("show: an empty part still points somewhere (memcpy and %.*s take it)")
{
    CHECK(tc::show("Bearer x", false).marker.data() != nullptr);
    CHECK(tc::show("Bearer x", true, tc::secrets::reveal).marker.data() != nullptr);
    CHECK(tc::show("nospacetoken", true).text.data() != nullptr);
}
