// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The chunked-body decoder: grammar, limits, errors, and chunking
// independence. Python's http.client judges generated bodies in
// chunked_judge/test_chunked_judge.py.
#include "doctest_config.hpp"

#include <thousandeyes/credentials/chunked_decoder.hpp>

#include <string>

namespace tc = thousandeyes::credentials;

namespace {

struct decoded
{
    std::string data;
    boost::system::error_code ec; // the error met, or finish()'s verdict
    std::size_t consumed = 0;
};

// Feeds `body` in pieces of `piece` bytes.
decoded
decode(tc::string_view body, std::size_t piece = 0, tc::chunked_options const& o = {})
{
    tc::chunked_decoder d(o);
    decoded out;
    if(piece == 0)
        piece = body.size() ? body.size() : 1;
    for(std::size_t at = 0; at < body.size() && !d.done(); at += piece)
    {
        tc::string_view in = body.substr(at, piece);
        while(!in.empty() && !d.done())
        {
            auto const p = d.feed(in);
            if(!p)
                return out.ec = p.error(), out;
            out.data.append(p->data.data(), p->data.size());
            out.consumed += p->consumed;
            in.remove_prefix(p->consumed);
        }
    }
    out.ec = d.finish();
    return out;
}

} // namespace

TEST_CASE("chunked: data, leading zeros, hex of either case, in pieces of any size")
{
    std::string const body = "000000002c\r\n{\"errorMessage\":\"Credential not found xxxx\"}\r\n"
                             "A\r\n0123456789\r\n0000\r\n\r\n";
    for(std::size_t piece = 0; piece < body.size(); ++piece)
    {
        CAPTURE(piece);
        auto const r = decode(body, piece);
        CHECK_FALSE(r.ec);
        CHECK(r.data == "{\"errorMessage\":\"Credential not found xxxx\"}0123456789");
        CHECK(r.consumed == body.size());
    }
}

TEST_CASE("chunked: extensions are checked and passed over")
{
    for(char const* line : {"5;a", "5 ; a", "5;a=b", "5;a = b", "5;a=\"q \\\" ;x\"", "5;a;b=c;d=\"\"",
                            "5\t;a"})
    {
        CAPTURE(line);
        auto const r = decode(std::string(line) + "\r\nhello\r\n0\r\n\r\n");
        CHECK_FALSE(r.ec);
        CHECK(r.data == "hello");
    }
    for(char const* line : {"5;", "5;=b", "5;a=", "5;a=\"open", "5;a b", "5;a=b c", "5;a=\"\x01\"",
                            "5 x"})
    {
        CAPTURE(line);
        auto const r = decode(std::string(line) + "\r\nhello\r\n0\r\n\r\n");
        CHECK(r.ec == tc::error::body_chunk_extension);
    }
}

TEST_CASE("chunked: trailers are checked and discarded; the bytes after the body are not consumed")
{
    std::string const body = "3\r\nabc\r\n0\r\nX-Trace: 1 2\r\nEmpty:\r\n\r\nHTTP/1.1 204";
    auto const r = decode(body);
    CHECK_FALSE(r.ec);
    CHECK(r.data == "abc");
    CHECK(r.consumed == body.size() - 12);
    CHECK(decode("0\r\nBad Name: x\r\n\r\n").ec == tc::error::body_trailer);
    CHECK(decode("0\r\nNoColon\r\n\r\n").ec == tc::error::body_trailer);
    CHECK(decode("0\r\nA: \x01\r\n\r\n").ec == tc::error::body_trailer);
    CHECK(decode("0\r\nA: b\rc\r\n\r\n").ec == tc::error::body_trailer);
}

TEST_CASE("chunked: DEL or a control byte inside a quoted extension or a trailer is refused")
{
    // qdtext and quoted-pair exclude DEL and the controls but HTAB
    for(char const* line : {"5;a=\"\x7f\"", "5;a=\"\\\x01\"", "5;a=\"\\\x7f\""})
    {
        CAPTURE(line);
        CHECK(decode(std::string(line) + "\r\nhello\r\n0\r\n\r\n").ec == tc::error::body_chunk_extension);
    }
    CHECK_FALSE(decode("5;a=\"\\\t\"\r\nhello\r\n0\r\n\r\n").ec); // an escaped HTAB is text
    // a trailer name starts with a tchar; a value holds no DEL
    CHECK(decode("0\r\n(x: 1\r\n\r\n").ec == tc::error::body_trailer);
    CHECK(decode("0\r\nA: b\x7f\r\n\r\n").ec == tc::error::body_trailer);
    CHECK_FALSE(decode("0\r\nA: b\tc\r\n\r\n").ec);
}

TEST_CASE("chunked: a lone LF ends a line; a CR must be followed by LF")
{
    auto const r = decode("3\nabc\n0\nA: b\n\n");
    CHECK_FALSE(r.ec);
    CHECK(r.data == "abc");
    CHECK(decode("3\rabc\r\n0\r\n\r\n").ec == tc::error::body_chunk_line_end);
    CHECK(decode("3\r\nabcd\r\n0\r\n\r\n").ec == tc::error::body_chunk_line_end);
    CHECK(decode("3\r\nabc\rx0\r\n\r\n").ec == tc::error::body_chunk_line_end);
    CHECK(decode("0\r\n\rx").ec == tc::error::body_chunk_line_end);
}

TEST_CASE("chunked: a chunk-size that is not hex, empty, or over 64 bits is refused")
{
    CHECK(decode("zz\r\n").ec == tc::error::body_chunk_size);
    CHECK(decode("\r\n").ec == tc::error::body_chunk_size);
    CHECK(decode(";a\r\n").ec == tc::error::body_chunk_size);
    CHECK(decode("0x1a\r\n").ec == tc::error::body_chunk_size);
    CHECK(decode("+a\r\n").ec == tc::error::body_chunk_size);
    CHECK(decode("10000000000000000\r\n").ec == tc::error::body_chunk_size); // 2^64
    auto const max = decode("ffffffffffffffff\r\nab"); // 2^64-1: read, then incomplete
    CHECK(max.ec == tc::error::body_incomplete);
    CHECK(max.data == "ab");
}

TEST_CASE("chunked: limits on the size line and the trailer section")
{
    tc::chunked_options o;
    o.max_line_size = 9; // its line end included
    CHECK_FALSE(decode("0000003\r\nabc\r\n0\r\n\r\n", 0, o).ec);
    CHECK(decode("00000003\r\nabc\r\n0\r\n\r\n", 0, o).ec == tc::error::body_line_too_long);
    o = {};
    o.max_trailer_size = 12; // the final CRLF included
    CHECK_FALSE(decode("0\r\nA: 12345\r\n\r\n", 0, o).ec);
    CHECK(decode("0\r\nA: 123456\r\n\r\n", 0, o).ec == tc::error::body_line_too_long);
}

TEST_CASE("chunked: input that ends early is body_incomplete; errors stick; reset starts over")
{
    for(char const* cut : {"", "5", "5\r", "5\r\nhel", "5\r\nhello", "5\r\nhello\r\n", "0\r\n",
                           "0\r\nA: b\r\n"})
    {
        CAPTURE(cut);
        CHECK(decode(cut).ec == tc::error::body_incomplete);
    }
    tc::chunked_decoder d;
    CHECK_FALSE(d.feed("zz").has_value());
    CHECK(d.feed("0\r\n\r\n").error() == tc::error::body_chunk_size);
    CHECK(d.finish() == tc::error::body_chunk_size);
    d.reset();
    auto const p = d.feed("0\r\n\r\n");
    REQUIRE(p.has_value());
    CHECK(p->consumed == 5);
    CHECK(d.done());
    CHECK_FALSE(d.finish());
    CHECK(tc::make_error_code(tc::error::body_chunk_size) == tc::condition::malformed_response);
}
