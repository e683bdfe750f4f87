// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#include "doctest_config.hpp"

#include <thousandeyes/credentials/error_message.hpp>

#include <cstdint>
#include <string>

namespace tc = thousandeyes::credentials;
using tc::error_message;

TEST_CASE("v6 errorMessage")
{
    auto const m = error_message::read(R"({"errorMessage": "Credential not found"})");
    CHECK(m.text() == "Credential not found");
    CHECK(!m.status());
}

TEST_CASE("v7 problem details: title and detail, with status")
{
    auto const m = error_message::read(
        R"({"type":"about:blank","title":"Forbidden","status":403,)"
        R"("detail":"Not allowed on the Sandbox account.","instance":"/v7/credentials/1"})");
    CHECK(m.text() == "Forbidden: Not allowed on the Sandbox account.");
    CHECK(m.status() == 403);
    CHECK(m.get(error_message::member::title) == "Forbidden");
    CHECK(error_message::read(R"({"title":"Not Found"})").text() == "Not Found");
    CHECK(error_message::read(R"({"detail":"gone"})").text() == "gone");
}

TEST_CASE("v7 401: error and error_description")
{
    auto const m = error_message::read(
        R"({"error":"invalid_token","error_description":"The access token expired"})");
    CHECK(m.text() == "invalid_token: The access token expired");
}

TEST_CASE("the generic error body: the errors strings, joined")
{
    auto const m = tc::error_message::read(
        R"({"timestamp": 1679677853573, "errors": ["User cannot create more than 5 integrations"], "path": ""})");
    CHECK(m.text() == "User cannot create more than 5 integrations");
    auto const two = tc::error_message::read(R"({"errors": ["first", "second"], "path": "/v7/x"})");
    CHECK(two.text() == "first; second");
    CHECK(two.get(tc::error_message::member::errors) == "first; second");
}

TEST_CASE("v7 validation errors: the message of each object, joined")
{
    auto const m = tc::error_message::read(
        R"({"errors": [{"code": "E1", "field": "id", "message": "must be numeric"},)"
        R"( {"message": "too long", "field": "aid", "nested": {"message": "no"}}, 7, null]})");
    CHECK(m.text() == "must be numeric; too long");
    // another shape's message comes first
    auto const both = tc::error_message::read(R"({"errors": ["x"], "errorMessage": "v6 words"})");
    CHECK(both.text() == "v6 words");
    // only a top-level "errors"; nested arrays inside it are not messages
    CHECK(tc::error_message::read(R"({"a": {"errors": ["no"]}})").text().empty());
    CHECK(tc::error_message::read(R"({"errors": [["no"], {"message": ["no"]}]})").text().empty());
    // bounded: many messages are cut at max_member, at a UTF-8 boundary
    std::string body = R"({"errors": [)";
    for(int i = 0; i < 100; ++i)
        body += std::string(i ? "," : "") + "\"\xc3\xa9rr " + std::to_string(i) + "\"";
    auto const many = tc::error_message::read(body + "]}");
    CHECK(many.text().size() <= tc::error_message::max_member);
    CHECK(many.truncated());
    CHECK(many.text().substr(0, 14) == "\xc3\xa9rr 0; \xc3\xa9rr 1");
}

TEST_CASE("escapes are decoded; only top-level members count; the last repeat wins")
{
    CHECK(error_message::read(R"({"errorMessage":"a \"b\" \u00e9\n"})").text() == "a \"b\" \xc3\xa9\n");
    CHECK(error_message::read(R"({"nested":{"errorMessage":"no"},"x":[{"title":"no"}]})").text().empty());
    CHECK(error_message::read(R"({"errorMessage":"one","errorMessage":"two"})").text() == "two");
    CHECK(error_message::read(R"({"errorMessage":5,"title":{"a":"b"}})").text().empty());
    CHECK(error_message::read(R"({"status":"403"})").status() == std::nullopt);
}

TEST_CASE("bodies without a message give an empty one: empty, {}, XML, HTML, broken JSON")
{
    for(char const* body : {"", "{}", "[]", "null", "<error>x</error>",
                            "<html><body>Portal</body></html>", "{\"errorMessage\":\"x\"",
                            "{\"errorMessage\":\"x\"} trailing", "{\"errorMessage\":\"\xff\"}"})
    {
        CAPTURE(body);
        CHECK(error_message::read(body).text().empty());
    }
    CHECK(error_message::read(" {\"errorMessage\":\"x\"}\n").text() == "x");
}

TEST_CASE("long members are cut at a UTF-8 boundary and marked truncated")
{
    std::string s(error_message::max_member - 1, 'a');
    s += "\xc3\xa9\xc3\xa9"; // two 2-byte characters: the first would straddle the cut
    auto const m = error_message::read("{\"errorMessage\":\"" + s + "\"}");
    CHECK(m.truncated());
    CHECK(m.text().size() == error_message::max_member - 1);
    CHECK(m.text() == std::string(error_message::max_member - 1, 'a'));
    auto const fits = error_message::read("{\"errorMessage\":\"" + std::string(error_message::max_member, 'b') + "\"}");
    CHECK(!fits.truncated());
    CHECK(fits.text().size() == error_message::max_member);
}

TEST_CASE("a key longer than any member's is passed over, whatever its prefix")
{
    // "errorMessage" with a tail: not the member, however long
    auto const m = error_message::read(
        R"({"errorMessageButLongerThanAnyKeyTheReaderKeeps": "no", "errorMessage": "yes"})");
    CHECK(m.text() == "yes");
    CHECK(error_message::read(std::string("{\"") + std::string(100, 'k') + "\": \"x\"}").text().empty());
}

TEST_CASE("a 401's error_description alone, or its error alone, is the message")
{
    CHECK(error_message::read(R"({"error_description":"The access token expired"})").text() ==
          "The access token expired");
    CHECK(error_message::read(R"({"error":"invalid_token"})").text() == "invalid_token");
}

TEST_CASE("joined errors stop at the limit, the separator included")
{
    // the first fills all but one byte: "; " does not fit, nothing follows
    std::string const first(error_message::max_member - 1, 'a');
    auto const m = error_message::read("{\"errors\": [\"" + first + "\", \"second\", \"third\"]}");
    CHECK(m.truncated());
    CHECK(m.text().substr(0, first.size()) == first);
    CHECK(m.text().size() <= error_message::max_member);
    CHECK(m.text().find("second") == tc::string_view::npos);
    // exactly full after the first: the rest is dropped
    auto const full = error_message::read("{\"errors\": [\"" + std::string(error_message::max_member, 'b') +
                                          "\", \"second\"]}");
    CHECK(full.text() == std::string(error_message::max_member, 'b'));
    CHECK(full.truncated());
}

TEST_CASE("deep nesting and huge bodies are bounded")
{
    std::string deep = "{\"errorMessage\":\"x\",\"a\":" + std::string(100, '[') + std::string(100, ']') + "}";
    CHECK(error_message::read(deep).text().empty()); // deeper than 32
    std::string big = "{\"errorMessage\":\"x\",\"pad\":\"" + std::string(error_message::max_body, 'p') + "\"}";
    CHECK(error_message::read(big).text().empty());
}

TEST_CASE("arbitrary bytes never crash the reader, and any message stays bounded")
{
    std::uint32_t seed = 99;
    auto next = [&] { seed = seed * 1664525u + 1013904223u; return seed >> 24; };
    char const alphabet[] = "{}[]\":,\\ abcdeEMrsgtiol0123456789-+.\xc3\xa9\xff\x00\n";
    for(int round = 0; round < 3000; ++round)
    {
        std::string body = round % 2 ? "{\"errorMessage\":\"" : "";
        std::size_t const n = next() % 64;
        for(std::size_t i = 0; i < n; ++i)
            body += alphabet[next() % (sizeof(alphabet) - 1)];
        auto const m = error_message::read(body);
        CHECK(m.text().size() <= 2 * error_message::max_member + 2);
    }
}

TEST_CASE("generated messages with escapes are read back exactly")
{
    std::uint32_t seed = 7;
    auto next = [&] { seed = seed * 1664525u + 1013904223u; return seed >> 24; };
    for(int round = 0; round < 500; ++round)
    {
        std::string text, json;
        std::size_t const n = 1 + next() % 40;
        for(std::size_t i = 0; i < n; ++i)
        {
            switch(next() % 6)
            {
            case 0: text += '"'; json += "\\\""; break;
            case 1: text += '\\'; json += "\\\\"; break;
            case 2: text += '\n'; json += "\\n"; break;
            case 3: text += "\xc3\xa9"; json += "\\u00e9"; break;
            default:
            {
                char const c = static_cast<char>('a' + next() % 26);
                text += c;
                json += c;
            }
            }
        }
        auto const m = error_message::read("{\"x\":[1,{\"y\":2}],\"errorMessage\":\"" + json + "\"}");
        CHECK(m.text() == text);
    }
}
