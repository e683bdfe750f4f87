// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// libFuzzer target for the value readers, each held against a judge that
// shares nothing with it:
//   - HTTP-date: the result equals tests/http_date_judge.hpp's (the RFC 9110
//     grammar as regular expressions, the calendar by hand, timegm);
//   - Retry-After: a delay exactly when the value is 1*DIGIT within int64
//     (std::from_chars) and within the library's 256-byte value limit, a
//     date exactly when the judge reads one;
//   - the RateLimit structured fields: whatever is read is non-negative;
//   - the error body: for a JSON object whose only member is a short
//     "errorMessage" string, the message is that string as Boost.JSON's
//     DOM parser reads it (the library reads with the SAX parser).
// Build with -Dfuzz=true and clang++.
#include "../http_date_judge.hpp"

#include <thousandeyes/credentials.hpp>
#include <thousandeyes/credentials/error_message.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <fuzzer/FuzzedDataProvider.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace tc = thousandeyes::credentials;

namespace {

[[noreturn]] void
fail(char const* why, std::string const& input)
{
    std::fprintf(stderr, "fuzz-values: %s: [%s]\n", why, input.c_str());
    std::abort();
}

// A field value as the head reader leaves it: no CR, LF or NUL inside, no
// leading or trailing whitespace.
bool
plain_value(std::string const& v)
{
    if(v.empty() || v.front() == ' ' || v.front() == '\t' || v.back() == ' ' || v.back() == '\t')
        return false;
    for(unsigned char c : v)
        if((c < 0x20 && c != '\t') || c == 0x7F)
            return false;
    return true;
}

void
check_date(std::string const& s)
{
    if(tc::parse_http_date(s) != http_date_judge(s))
        fail("parse_http_date disagrees with the judge", s);
}

void
check_retry_after(std::string const& v)
{
    if(!plain_value(v))
        return;
    tc::static_response_parser<> p;
    (void)p.feed("HTTP/1.1 503 x\r\nRetry-After: " + v + "\r\n\r\n");
    auto const head = p.get();
    if(!head)
        return; // the head itself was refused (a byte the reader does not take)
    // the library reads values of at most 256 bytes (longer ones are
    // unreadable, in every form): a rule of its own, not the judge's
    std::int64_t n = -1;
    bool const all_digits = v.find_first_not_of("0123456789") == std::string::npos;
    bool const delay = v.size() <= 256 && all_digits &&
                       std::from_chars(v.data(), v.data() + v.size(), n).ec == std::errc();
    if(head->retry_after_delay.has_value() != delay || (delay && *head->retry_after_delay != n))
        fail("Retry-After delay disagrees with from_chars", v);
    if(!delay && head->retry_after_date != http_date_judge(v))
        fail("Retry-After date disagrees with the judge", v);
}

void
check_ratelimit(std::string const& v)
{
    if(!plain_value(v))
        return;
    tc::static_response_parser<> p;
    (void)p.feed("HTTP/1.1 204 x\r\nRateLimit: " + v + "\r\nRateLimit-Policy: " + v +
           "\r\nRateLimit-Limit: " + v + "\r\n\r\n");
    auto const head = p.get();
    if(!head)
        return;
    auto const& i = head->ietf;
    for(auto const& n : {i.limit, i.remaining, i.reset, i.window})
        if(n && *n < 0)
            fail("a negative RateLimit number", v);
}

void
check_error_body(std::string const& body)
{
    auto const m = tc::error_message::read(body);
    if(m.text().size() > 2 * tc::error_message::max_member + 2)
        fail("an error message longer than its bound", body);
    boost::system::error_code ec;
    boost::json::value const v = boost::json::parse(body, ec);
    if(ec || !v.is_object() || v.get_object().size() != 1)
        return;
    auto const* s = v.get_object().if_contains("errorMessage");
    if(!s || !s->is_string() || s->get_string().size() > tc::error_message::max_member)
        return;
    if(m.text() != tc::string_view(s->get_string().data(), s->get_string().size()))
        fail("the errorMessage differs from Boost.JSON's DOM reading", body);
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    FuzzedDataProvider in(data, size);
    switch(in.ConsumeIntegralInRange<int>(0, 3))
    {
    case 0: check_date(in.ConsumeRemainingBytesAsString()); break;
    case 1: check_retry_after(in.ConsumeRemainingBytesAsString()); break;
    case 2: check_ratelimit(in.ConsumeRemainingBytesAsString()); break;
    case 3: check_error_body(in.ConsumeRemainingBytesAsString()); break;
    }
    return 0;
}

// All of Boost.JSON, compiled here: the judge uses its DOM parser, which the
// library's own translation unit (json_src.hpp) leaves out.
#include <boost/json/src.hpp>
