// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#include "doctest_config.hpp"
#include "response_forms.hpp"

#include <cstdint>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

using tc::error;

namespace {

// A head from lines, each ended with CRLF, then the empty line.
std::string
head(std::vector<std::string> const& lines, char const* eol = "\r\n")
{
    std::string s;
    for(auto const& l : lines)
        s += l + eol;
    return s + eol;
}

tc::response
ok(std::string const& raw)
{
    auto r = parse_bytes(raw);
    REQUIRE_MESSAGE(r.has_value(), r.error().message());
    return *r;
}

tc::response
with(std::string const& field_line, int status = 204)
{
    return ok(head({"HTTP/1.1 " + std::to_string(status) + " X", field_line}));
}

boost::system::error_code
fails(std::string const& raw)
{
    auto r = parse_bytes(raw);
    return r.has_value() ? boost::system::error_code{} : r.error();
}

} // namespace

TEST_CASE("the seed's response: 204, deleted, 240/236/1573849500, Date 1573849473")
{
    std::string const raw = seed_response();
    REQUIRE(raw.size() == 448);
    tc::static_response_parser<> p;
    auto n = p.feed(raw);
    REQUIRE(n.has_value());
    CHECK(*n == 448);
    CHECK(p.done());
    CHECK(p.consumed() == 448);
    auto const r = p.get().value();
    CHECK(r.status == 204);
    CHECK(r.status_outcome() == tc::outcome::deleted);
    CHECK(r.organization.limit == 240);
    CHECK(r.organization.remaining == 236);
    CHECK(r.organization.reset == 1573849500);
    CHECK(r.date == 1573849473);
    CHECK(!r.retry_after_delay);
    CHECK(!r.retry_after_date);
    CHECK(!r.instant_test.limit);
    CHECK(!r.ietf.remaining);
    CHECK(r.body == tc::body_framing::none);
}

TEST_CASE("the three input forms agree on the seed, down to one-byte chunks")
{
    std::string const raw = seed_response();
    auto const whole = parse_bytes(raw).value();
    CHECK(same(parse_lines(raw).value(), whole));
    CHECK(same(parse_pairs(raw).value(), whole));
    for(std::size_t size : {1, 2, 3, 7, 16, 63, 447})
    {
        CAPTURE(size);
        auto const r = parse_chunked(raw, size);
        REQUIRE(r.has_value());
        CHECK(same(*r, whole));
    }
}

TEST_CASE("every documented status has its outcome; any other status is unexpected")
{
    struct
    {
        int status;
        tc::outcome o;
    } const cases[] = {
        {204, tc::outcome::deleted},
        {301, tc::outcome::moved},
        {400, tc::outcome::bad_request},
        {401, tc::outcome::unauthorized},
        {403, tc::outcome::forbidden},
        {404, tc::outcome::not_found},
        {405, tc::outcome::method_not_allowed},
        {406, tc::outcome::not_acceptable},
        {415, tc::outcome::unsupported_media_type},
        {429, tc::outcome::rate_limited},
        {500, tc::outcome::server_error},
        {503, tc::outcome::unavailable},
        {200, tc::outcome::unexpected}, // a captive portal's page is no deletion
        {201, tc::outcome::unexpected},
        {202, tc::outcome::unexpected},
        {302, tc::outcome::unexpected},
        {502, tc::outcome::bad_gateway},
        {504, tc::outcome::gateway_timeout},
        {501, tc::outcome::unexpected},
        {599, tc::outcome::unexpected},
        {999, tc::outcome::unexpected},
    };
    for(auto const& c : cases)
    {
        CAPTURE(c.status);
        auto const raw = head({"HTTP/1.1 " + std::to_string(c.status) + " Whatever"});
        auto const r = ok(raw);
        CHECK(r.status == c.status);
        CHECK(r.status_outcome() == c.o);
        CHECK(same(parse_lines(raw).value(), r));
        CHECK(same(parse_pairs(raw).value(), r));
    }
}

TEST_CASE("outcome names are the CLI's words, one for each outcome")
{
    using o = tc::outcome;
    std::pair<o, char const*> const words[] = {
        {o::deleted, "deleted"},
        {o::already_absent, "already_absent"},
        {o::moved, "moved"},
        {o::bad_request, "bad_request"},
        {o::unauthorized, "unauthorized"},
        {o::forbidden, "forbidden"},
        {o::not_found, "not_found"},
        {o::method_not_allowed, "method_not_allowed"},
        {o::not_acceptable, "not_acceptable"},
        {o::unsupported_media_type, "unsupported_media_type"},
        {o::rate_limited, "rate_limited"},
        {o::server_error, "server_error"},
        {o::unavailable, "unavailable"},
        {o::bad_gateway, "bad_gateway"},
        {o::gateway_timeout, "gateway_timeout"},
        {o::unexpected, "unexpected"},
        {o::no_response, "no_response"},
    };
    for(auto const& [outcome, word] : words)
        CHECK(tc::to_string(outcome) == word);
    // the last outcome is the last word: none is left out
    CHECK(static_cast<std::size_t>(words[std::size(words) - 1].first) + 1 == std::size(words));
}

TEST_CASE("status line: reason phrase may be empty or missing; HTTP/2 as libcurl writes it")
{
    CHECK(ok(head({"HTTP/1.1 204 No Content"})).status == 204);
    CHECK(ok(head({"HTTP/1.1 204 "})).status == 204);
    CHECK(ok(head({"HTTP/1.1 204"})).status == 204);
    CHECK(ok(head({"HTTP/1.0 404 Not Found"})).status == 404);
    CHECK(ok(head({"HTTP/2 429 "})).status == 429);
    CHECK(ok(head({"HTTP/1.1 204 r\xe9sum\xe9 \t ok"})).status == 204); // obs-text, HTAB
}

TEST_CASE("a malformed status line is its own error")
{
    for(char const* line : {"HTTP/1.1204 No Content", "HTTP/1.1  204 x", "HTTP/1.1 20 x",
                            "HTTP/1.1 2045 x", "http/1.1 204 x", "HTTP/x.1 204 x",
                            "HTTP/1. 204 x", "ICY 200 OK", "HTTP/1.1 abc x", "HTTP/1.1\t204 x",
                            "Date: Fri, 15 Nov 2019 20:24:33 GMT"})
    {
        CAPTURE(line);
        CHECK(fails(head({line})) == error::response_status_line);
    }
    CHECK(fails(head({"HTTP/1.1 099 x"})) == error::response_status_code);
    CHECK(tc::field_reader(99).get().error() == error::response_status_code);
    CHECK(tc::field_reader(1000).get().error() == error::response_status_code);
}

TEST_CASE("a malformed field line is its own error")
{
    for(char const* line : {"Date : Fri, 15 Nov 2019 20:24:33 GMT", // whitespace before ':'
                            "Date\t: x", "No colon here", ": empty name", "Bad Name: x",
                            "X-(paren): 1", "X-Org\xc3\xa9: 1", "Very-Long-Field-Name-Without-Any-Colon-At-All"})
    {
        CAPTURE(line);
        CHECK(fails(head({"HTTP/1.1 204 No Content", line})) == error::response_field_line);
        CHECK(parse_lines(head({"HTTP/1.1 204 No Content", line})).error() == error::response_field_line);
    }
    tc::field_reader r(204);
    CHECK(r.field("Bad Name", "1") == error::response_field_line);
    CHECK(r.get().error() == error::response_field_line);
    CHECK(tc::field_reader(204).field("", "1") == error::response_field_line);
    // an obs-fold with no field before it
    CHECK(fails("HTTP/1.1 204 x\r\n  folded\r\n\r\n") == error::response_field_line);
}

TEST_CASE("NUL, a lone CR or another control byte is refused, in every form")
{
    for(std::string bad : {std::string("X-A: a\0b", 8), std::string("X-A: a\rb"),
                           std::string("X-A: a\x01"), std::string("X-A: \x7f")})
    {
        std::string const raw = head({"HTTP/1.1 204 x", bad});
        CHECK(fails(raw) == error::response_control_character);
        CHECK(parse_chunked(raw, 1).error() == error::response_control_character);
        tc::header_line_reader lr;
        lr.line("HTTP/1.1 204 x\r\n");
        CHECK(lr.line(bad + "\r\n") == error::response_control_character);
        tc::field_reader fr(204);
        CHECK(fr.field("X-A", bad.substr(5)) == error::response_control_character);
    }
    CHECK(fails("HTTP/1.1 204 x\r\nX-A: 1\r\r\n\r\n") == error::response_control_character);
    CHECK(fails("HTTP/1.1 204 x\rX-A: 1\r\n\r\n") == error::response_control_character);
}

TEST_CASE("a lone LF ends a line, and lines may mix CRLF and LF")
{
    std::string const lf = head({"HTTP/1.1 204 No Content", "Date: Fri, 15 Nov 2019 20:24:33 GMT",
                                 "X-Organization-Rate-Limit-Remaining: 5"}, "\n");
    auto const r = ok(lf);
    CHECK(r.date == 1573849473);
    CHECK(r.organization.remaining == 5);
    CHECK(same(parse_chunked(lf, 1).value(), r));
    CHECK(same(parse_lines(lf).value(), r));
    CHECK(ok("HTTP/1.1 204 x\nX-Organization-Rate-Limit-Limit: 9\r\n\n").organization.limit == 9);
}

TEST_CASE("field names are case-insensitive, as HTTP/2 stacks give them in lowercase")
{
    for(char const* name : {"X-Organization-Rate-Limit-Limit", "x-organization-rate-limit-limit",
                            "X-ORGANIZATION-RATE-LIMIT-LIMIT", "x-OrGaNiZaTiOn-RaTe-LiMiT-lImIt"})
    {
        CAPTURE(name);
        CHECK(with(std::string(name) + ": 240").organization.limit == 240);
        tc::field_reader r(204);
        r.field(name, "240");
        CHECK(r.get()->organization.limit == 240);
    }
    // near misses are other fields
    CHECK(!with("X-Organization-Rate-Limit-Limits: 240").organization.limit);
    CHECK(!with("X-Organisation-Rate-Limit-Limit: 240").organization.limit);
    CHECK(!with("X_Organization_Rate_Limit_Limit: 240").organization.limit);
}

TEST_CASE("every field the reader knows is found in any letter case, and a name one byte off is not")
{
    struct known
    {
        char const* name;
        char const* value;
        bool (*read)(tc::response const&);
    };
    static known const fields[] = {
        {"Date", "Fri, 15 Nov 2019 20:24:33 GMT", [](tc::response const& r) { return !!r.date; }},
        {"Retry-After", "5", [](tc::response const& r) { return !!r.retry_after_delay; }},
        {"Content-Length", "7",
         [](tc::response const& r) { return r.body == tc::body_framing::content_length; }},
        {"Transfer-Encoding", "chunked",
         [](tc::response const& r) { return r.body == tc::body_framing::chunked; }},
        {"RateLimit", "\"a\";r=5", [](tc::response const& r) { return !!r.ietf.remaining; }},
        {"RateLimit-Limit", "9", [](tc::response const& r) { return !!r.ietf.limit; }},
        {"RateLimit-Remaining", "9", [](tc::response const& r) { return !!r.ietf.remaining; }},
        {"RateLimit-Reset", "9", [](tc::response const& r) { return !!r.ietf.reset; }},
        {"X-Organization-Rate-Limit-Limit", "9",
         [](tc::response const& r) { return !!r.organization.limit; }},
        {"X-Organization-Rate-Limit-Remaining", "9",
         [](tc::response const& r) { return !!r.organization.remaining; }},
        {"X-Organization-Rate-Limit-Reset", "9",
         [](tc::response const& r) { return !!r.organization.reset; }},
        {"X-Instant-Test-Rate-Limit-Limit", "9",
         [](tc::response const& r) { return !!r.instant_test.limit; }},
        {"X-Instant-Test-Rate-Limit-Remaining", "9",
         [](tc::response const& r) { return !!r.instant_test.remaining; }},
        {"X-Instant-Test-Rate-Limit-Reset", "9",
         [](tc::response const& r) { return !!r.instant_test.reset; }},
        {"X-Template-Deploy-Rate-Limit-Limit", "9",
         [](tc::response const& r) { return !!r.template_deploy.limit; }},
        {"X-Template-Deploy-Rate-Limit-Remaining", "9",
         [](tc::response const& r) { return !!r.template_deploy.remaining; }},
        {"X-Template-Deploy-Rate-Limit-Reset", "9",
         [](tc::response const& r) { return !!r.template_deploy.reset; }},
    };
    // RateLimit-Policy: its limit shows through the member it names
    CHECK(ok(head({"HTTP/1.1 200 x", "RateLimit: \"a\";r=5", "rATElIMIT-pOLICY: \"a\";q=7"}))
              .ietf.limit == 7);
    auto read_all_forms = [](std::string const& raw) {
        auto const bytes = parse_bytes(raw);
        REQUIRE(bytes.has_value());
        auto const lines = parse_lines(raw);
        auto const pairs = parse_pairs(raw);
        CHECK((lines && same(*bytes, *lines)));
        CHECK((pairs && same(*bytes, *pairs)));
        return *bytes;
    };
    for(known const& f : fields)
    {
        CAPTURE(f.name);
        std::string const name = f.name;
        std::string lower, upper;
        for(char c : name)
        {
            lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
            upper += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
        }
        for(std::string const& n : {name, lower, upper})
            CHECK(f.read(read_all_forms(head({"HTTP/1.1 200 x", n + ": " + f.value}))));
        for(std::size_t i = 0; i < name.size(); ++i)
            for(char other : {'q', '-', '0'})
            {
                std::string off = lower;
                if(off[i] == other)
                    continue;
                off[i] = other;
                CAPTURE(off);
                CHECK_FALSE(f.read(read_all_forms(head({"HTTP/1.1 200 x", off + ": " + f.value}))));
            }
        // one byte more or fewer
        CHECK_FALSE(f.read(read_all_forms(head({"HTTP/1.1 200 x", lower + "s: " + f.value}))));
        CHECK_FALSE(f.read(
            read_all_forms(head({"HTTP/1.1 200 x", lower.substr(1) + ": " + f.value}))));
    }
}

TEST_CASE("each rate-limit family is kept apart")
{
    auto const r = ok(head({"HTTP/1.1 204 x",
                            "X-Organization-Rate-Limit-Limit: 240",
                            "X-Organization-Rate-Limit-Remaining: 236",
                            "X-Organization-Rate-Limit-Reset: 1573849500",
                            "X-Instant-Test-Rate-Limit-Limit: 24",
                            "X-Instant-Test-Rate-Limit-Remaining: 23",
                            "X-Instant-Test-Rate-Limit-Reset: 1573849510",
                            "X-Template-Deploy-Rate-Limit-Limit: 10",
                            "X-Template-Deploy-Rate-Limit-Remaining: 9",
                            "X-Template-Deploy-Rate-Limit-Reset: 1573849520"}));
    CHECK(r.organization.limit == 240);
    CHECK(r.organization.remaining == 236);
    CHECK(r.organization.reset == 1573849500);
    CHECK(r.instant_test.limit == 24);
    CHECK(r.instant_test.remaining == 23);
    CHECK(r.instant_test.reset == 1573849510);
    CHECK(r.template_deploy.limit == 10);
    CHECK(r.template_deploy.remaining == 9);
    CHECK(r.template_deploy.reset == 1573849520);
}

TEST_CASE("a malformed, negative, overflowing or contradicted rate-limit number is absent")
{
    std::string const f = "X-Organization-Rate-Limit-Remaining: ";
    CHECK(with(f + "236").organization.remaining == 236);
    CHECK(with(f + "0").organization.remaining == 0);
    CHECK(with(f + "  236 \t").organization.remaining == 236); // OWS trimmed
    CHECK(with(f + "9223372036854775807").organization.remaining == INT64_MAX);
    for(char const* bad : {"-1", "+5", "5.0", "5 5", "0x10", "abc", "", "9223372036854775808",
                           "99999999999999999999999", "1e3", "\xef\xbc\x95"})
    {
        CAPTURE(bad);
        CHECK(!with(f + bad).organization.remaining);
    }
    // twice: equal values count once, different values count as absent
    CHECK(ok(head({"HTTP/1.1 204 x", f + "7", f + "7"})).organization.remaining == 7);
    CHECK(!ok(head({"HTTP/1.1 204 x", f + "7", f + "8"})).organization.remaining);
    CHECK(!ok(head({"HTTP/1.1 204 x", f + "7", f + "x"})).organization.remaining);
    CHECK(!ok(head({"HTTP/1.1 204 x", f + "x", f + "7"})).organization.remaining);
    // a proxy may combine repeats into a list (RFC 9110 section 5.3)
    CHECK(with(f + "7, 7").organization.remaining == 7);
    CHECK(!with(f + "7, 8").organization.remaining);
    // one bad field leaves the others alone
    auto const r = ok(head({"HTTP/1.1 204 x", f + "-1", "X-Organization-Rate-Limit-Limit: 240"}));
    CHECK(!r.organization.remaining);
    CHECK(r.organization.limit == 240);
}

TEST_CASE("obs-fold is replaced by SP, in every form")
{
    std::string const raw =
        "HTTP/1.1 503 Service Unavailable\r\n"
        "Retry-After: Fri, 15 Nov 2019\r\n"
        " \t 20:25:33 GMT\r\n"
        "X-Long: a\r\n"
        "\tb\r\n"
        "Date: Fri, 15 Nov 2019 20:24:33 GMT\r\n"
        "\r\n";
    auto const r = ok(raw);
    CHECK(r.retry_after_date == 1573849533);
    CHECK(r.retry_after_seconds() == 60);
    CHECK(same(parse_chunked(raw, 1).value(), r));
    CHECK(same(parse_lines(raw).value(), r));
    CHECK(same(parse_pairs(raw).value(), r));
    // a fold inside a number makes it malformed, so absent
    CHECK(!ok("HTTP/1.1 204 x\r\nX-Organization-Rate-Limit-Limit: 24\r\n 0\r\n\r\n").organization.limit);
}

TEST_CASE("a value waiting for its obs-fold is the same however the bytes are split in three")
{
    // The value of a known field is read where the chunk holds it until the
    // next line shows whether a fold follows: chunk ends and the line buffer
    // must not change what is read.
    std::string const raw =
        "HTTP/1.1 429 x\r\n"
        "Retry-After:\r\n"
        " 120\r\n"
        "X-Organization-Rate-Limit-Limit: 240\r\n"
        "Date: Fri, 15 Nov 2019\r\n"
        "\t20:24:33 GMT\r\n"
        "X-Organization-Rate-Limit-Reset: 1573849500\r\n"
        "\r\n";
    auto const whole = ok(raw);
    REQUIRE(whole.retry_after_delay == 120);
    CHECK(whole.organization.limit == 240);
    CHECK(whole.date == 1573849473);
    CHECK(whole.organization.reset == 1573849500);
    int differ = 0;
    for(std::size_t i = 1; i < raw.size(); ++i)
        for(std::size_t j = i; j < raw.size(); ++j)
        {
            tc::static_response_parser<64> p;
            // each chunk in its own memory, overwritten once fed, as a
            // socket's buffer is
            auto feed = [&p](std::string chunk) {
                bool const fed = p.feed(chunk).has_value();
                chunk.assign(chunk.size(), '7');
                return fed;
            };
            bool const fed = feed(raw.substr(0, i)) && feed(raw.substr(i, j - i)) &&
                             feed(raw.substr(j));
            auto const r = p.get();
            differ += !(fed && r.has_value() && same(*r, whole));
        }
    CHECK(differ == 0);
}

TEST_CASE("obs-fold: a fold of only whitespace adds nothing; a folded value over 256 bytes is unreadable")
{
    auto all_forms = [](std::string const& raw) {
        auto const r = ok(raw);
        CHECK(same(parse_chunked(raw, 1).value(), r));
        CHECK(same(parse_lines(raw).value(), r));
        return r;
    };
    // an empty continuation, before and after the value
    CHECK(all_forms("HTTP/1.1 204 x\r\nX-Organization-Rate-Limit-Limit:\r\n \r\n 240\r\n\r\n")
              .organization.limit == 240);
    CHECK(all_forms("HTTP/1.1 204 x\r\nX-Organization-Rate-Limit-Limit: 240\r\n\t\r\n\r\n")
              .organization.limit == 240);
    // folded pieces of a known field count towards its 256-byte value limit
    std::string const piece(200, 'x');
    CHECK(!all_forms("HTTP/1.1 503 x\r\nRetry-After: " + piece + "\r\n " + piece + "\r\n\r\n")
               .retry_after_delay);
    // and a value over the limit stays unreadable whatever follows
    CHECK(!all_forms("HTTP/1.1 503 x\r\nRetry-After: " + piece + "\r\n " + piece + "\r\n 5\r\n\r\n")
               .retry_after_delay);
    // an unknown field's folds are passed over
    CHECK(all_forms("HTTP/1.1 503 x\r\nX-Other: " + piece + "\r\n " + piece +
                    "\r\nRetry-After: 5\r\n\r\n")
              .retry_after_delay == 5);
}

TEST_CASE("empty lines before the status line are passed over, in every form")
{
    std::string const raw = "\r\n\r\nHTTP/1.1 204 No Content\r\nRetry-After: 5\r\n\r\n";
    auto const r = ok(raw);
    CHECK(r.status == 204);
    CHECK(same(parse_chunked(raw, 1).value(), r));
    CHECK(same(parse_lines(raw).value(), r));
}

TEST_CASE("Retry-After as delay-seconds or any HTTP-date; relative to Date, else to now")
{
    CHECK(with("Retry-After: 120", 429).retry_after_delay == 120);
    CHECK(with("Retry-After: 120", 429).retry_after_seconds() == 120);
    CHECK(with("Retry-After: 0", 429).retry_after_seconds() == 0);
    for(char const* date : {"Fri, 15 Nov 2019 20:25:33 GMT", "Friday, 15-Nov-19 20:25:33 GMT",
                            "Fri Nov 15 20:25:33 2019"})
    {
        CAPTURE(date);
        auto const r = ok(head({"HTTP/1.1 429 x", "Date: Fri, 15 Nov 2019 20:24:33 GMT",
                                std::string("Retry-After: ") + date}));
        CHECK(r.retry_after_date == 1573849533);
        CHECK(r.retry_after_seconds() == 60);
        CHECK(r.retry_after_seconds(1573849000) == 60); // Date wins over a skewed clock
        auto const no_date = with(std::string("Retry-After: ") + date, 429);
        CHECK(!no_date.retry_after_seconds());
        CHECK(no_date.retry_after_seconds(1573849523) == 10);
        CHECK(no_date.retry_after_seconds(1573849999) == 0); // never negative
    }
    for(char const* bad : {"-5", "1.5", "soon", "Fri, 15 Nov 2019 20:25:33 UTC", "120 s"})
    {
        CAPTURE(bad);
        auto const r = with(std::string("Retry-After: ") + bad, 429);
        CHECK(!r.retry_after_delay);
        CHECK(!r.retry_after_date);
    }
    CHECK(!ok(head({"HTTP/1.1 429 x", "Retry-After: 5", "Retry-After: 6"})).retry_after_delay);
    CHECK(!ok(head({"HTTP/1.1 429 x", "Retry-After: 5",
                    "Retry-After: Fri, 15 Nov 2019 20:25:33 GMT"})).retry_after_seconds(0));
    CHECK(ok(head({"HTTP/1.1 429 x", "Retry-After: 5", "Retry-After: 5"})).retry_after_delay == 5);
}

TEST_CASE("IETF RateLimit draft-10: the member with least remaining, and its policy")
{
    auto const r = ok(head({"HTTP/1.1 204 x",
                            "RateLimit-Policy: \"burst\";q=100;w=60, \"daily\";q=1000;w=86400",
                            "RateLimit: \"burst\";r=50;t=30, \"daily\";r=9;t=3600"}));
    CHECK(r.ietf.remaining == 9);
    CHECK(r.ietf.reset == 3600);
    CHECK(r.ietf.limit == 1000);
    CHECK(r.ietf.window == 86400);
    // the policy may come after, or on its own line per member
    auto const s = ok(head({"HTTP/1.1 204 x", "ratelimit: \"default\";r=50;t=30",
                            "ratelimit-policy: \"other\";q=5", "ratelimit-policy: \"default\";q=100;w=60"}));
    CHECK(s.ietf.remaining == 50);
    CHECK(s.ietf.reset == 30);
    CHECK(s.ietf.limit == 100);
    CHECK(s.ietf.window == 60);
    // no policy of that name: the limit is absent, not guessed
    auto const t = ok(head({"HTTP/1.1 204 x", "RateLimit: \"a\";r=1", "RateLimit-Policy: \"b\";q=5"}));
    CHECK(t.ietf.remaining == 1);
    CHECK(!t.ietf.reset);
    CHECK(!t.ietf.limit);
    // malformed fields are ignored (draft: MUST be ignored)
    for(char const* bad : {"RateLimit: \"a\";t=30", "RateLimit: \"a\";r=-1", "RateLimit: \"a\";r=1,",
                           "RateLimit: (\"a\");r=1", "RateLimit: limit=100, remaining=50",
                           "RateLimit: \"a;r=1", "RateLimit: \"a\";R=1", "RateLimit: \"a\";r=1.5"})
    {
        CAPTURE(bad);
        CHECK(!with(bad).ietf.remaining);
    }
    CHECK(!ok(head({"HTTP/1.1 204 x", "RateLimit: \"a\";r=1", "RateLimit-Policy: \"a\";w=5"})).ietf.limit);
}

TEST_CASE("RateLimit edges: ties, long names, a fifth policy, items of the wrong kind")
{
    // equal remaining: the later reset counts
    auto const tie = ok(head({"HTTP/1.1 204 x", "RateLimit: \"a\";r=5;t=10, \"b\";r=5;t=40"}));
    CHECK(tie.ietf.remaining == 5);
    CHECK(tie.ietf.reset == 40);
    // a member name over 32 bytes, or a member that is no string or token:
    // the field is malformed, so ignored
    std::string const long_name(33, 'n');
    CHECK(!with("RateLimit: \"" + long_name + "\";r=5").ietf.remaining);
    CHECK(with("RateLimit: \"" + long_name.substr(1) + "\";r=5").ietf.remaining == 5);
    CHECK(!with("RateLimit: 7;r=5").ietf.remaining);
    // a policy without q, or of the wrong kind, poisons the policies: no limit
    CHECK(!ok(head({"HTTP/1.1 204 x", "RateLimit: \"a\";r=1", "RateLimit-Policy: 7;q=5"})).ietf.limit);
    CHECK(!ok(head({"HTTP/1.1 204 x", "RateLimit-Policy: \"a\";q=5, 7;q=5", "RateLimit: \"a\";r=1"}))
               .ietf.limit);
    // a policy name too long, or a fifth policy, is not kept: that limit is
    // absent, not guessed, and the others still count
    CHECK(!ok(head({"HTTP/1.1 204 x", "RateLimit: \"" + long_name + "x\";r=1",
                    "RateLimit-Policy: \"" + long_name + "x\";q=5"}))
               .ietf.limit);
    std::string const five = "RateLimit-Policy: \"p1\";q=1, \"p2\";q=2, \"p3\";q=3, \"p4\";q=4, \"p5\";q=5";
    CHECK(ok(head({"HTTP/1.1 204 x", five, "RateLimit: \"p4\";r=1"})).ietf.limit == 4);
    CHECK(!ok(head({"HTTP/1.1 204 x", five, "RateLimit: \"p5\";r=1"})).ietf.limit);
    // once poisoned, a later well-formed line does not revive it
    CHECK(!ok(head({"HTTP/1.1 204 x", "RateLimit: \"a\";t=1", "RateLimit: \"a\";r=1"}))
               .ietf.remaining);
    CHECK(!ok(head({"HTTP/1.1 204 x", "RateLimit: \"a\";r=1", "RateLimit-Policy: \"a\"",
                    "RateLimit-Policy: \"a\";q=5"}))
               .ietf.limit);
}

TEST_CASE("RateLimit-Limit draft-06: the first integer is the limit, its window the first quota policy for it")
{
    auto const r = with("RateLimit-Limit: 10, 10;w=60, 10;w=1, 20;w=5");
    CHECK(r.ietf.limit == 10);
    CHECK(r.ietf.window == 60);
    CHECK(with("RateLimit-Limit: 10").ietf.limit == 10);
    CHECK(!with("RateLimit-Limit: 10").ietf.window);
    // a first member that is no integer, or a negative one: no limit
    CHECK(!with("RateLimit-Limit: \"a\", 10").ietf.limit);
    CHECK(!with("RateLimit-Limit: -10").ietf.limit);
    CHECK(!with("RateLimit-Limit: 10,").ietf.limit);
}

TEST_CASE("RFC 8941 items in RateLimit members: each bare-item kind read or refused as the RFC says")
{
    // accepted: the member is read (r=5), whatever the other items are
    for(char const* good : {
            "RateLimit: default;r=5",                   // sf-token member name
            "RateLimit: *tok:en/1;r=5",                 // token with ':' and '/'
            "RateLimit: \"a\\\"b\";r=5",                // escaped DQUOTE in a string
            "RateLimit: \"a\\\\b\";r=5",               // escaped backslash
            "RateLimit: \"\";r=5",                       // empty string
            "RateLimit: \"a\";x;r=5",                   // a bare key is boolean true
            "RateLimit: \"a\";x=?0;y=?1;r=5",           // sf-boolean
            "RateLimit: \"a\";x=:aGk=:;r=5",            // sf-binary
            "RateLimit: \"a\";x=::;r=5",                // empty sf-binary
            "RateLimit: \"a\";x=1.5;y=-0.125;r=5",      // sf-decimal
            "RateLimit: \"a\";x=123456789012.123;r=5",  // 12 integer and 3 fraction digits
            "RateLimit: \"a\";x=999999999999999;r=5",   // 15 digits
            "RateLimit: \"a\";x=tok;r=5",               // token value
            "RateLimit: \"a\"; r=5",                     // SP after ';'
            "RateLimit: \"a\";*k_e-y.1*=1;r=5",         // every key character
            "RateLimit: \"a\";r=9;r=5",                 // a later duplicate key wins
            "RateLimit: \"a\";r=5 ,\t\"b\";r=7",         // OWS around ','
        })
    {
        CAPTURE(good);
        CHECK(with(good).ietf.remaining == 5);
    }
    // refused: the field is malformed, so it is ignored
    for(char const* bad : {
            "RateLimit: \"a\\x\";r=5",                  // escape of anything but DQUOTE and '\'
            "RateLimit: \"a\\",                        // an escape at the end
            "RateLimit: \"a\";x=?2;r=5",                // boolean other than ?0 or ?1
            "RateLimit: \"a\";x=?;r=5",
            "RateLimit: \"a\";x=:aGk;r=5",              // unterminated sf-binary
            "RateLimit: \"a\";x=:a*b:;r=5",             // not base64
            "RateLimit: \"a\";x=1234567890123456;r=5",  // 16 digits
            "RateLimit: \"a\";x=1234567890123.5;r=5",   // 13 integer digits in a decimal
            "RateLimit: \"a\";x=1.1234;r=5",            // 4 fraction digits
            "RateLimit: \"a\";x=1.;r=5",                // no fraction digit
            "RateLimit: \"a\";x=-;r=5",                 // a sign alone
            "RateLimit: \"a\";X=1;r=5",                 // keys are lowercase
            "RateLimit: \"a\";1x=1;r=5",                // nor start with a digit
            "RateLimit: \"a\";=1;r=5",                  // an empty key
            "RateLimit: \"a\";x=;r=5",                  // an empty value
            "RateLimit: \"a\";x=@;r=5",                 // not a bare item
            "RateLimit: \"a\";r=5 x",                   // garbage after a member
            "RateLimit:  ",                               // an empty list is not present
        })
    {
        CAPTURE(bad);
        CHECK(!with(bad).ietf.remaining);
    }
}

TEST_CASE("RateLimit lines combine into one list: one malformed line makes the whole field unreadable")
{
    // RFC 9110 section 5.3: several lines of a list field are one list
    auto const two = ok(head({"HTTP/1.1 204 x", "RateLimit: \"a\";r=3;t=9", "RateLimit: \"b\";r=2;t=5"}));
    CHECK(two.ietf.remaining == 2);
    CHECK(two.ietf.reset == 5);
    for(auto const& lines : std::vector<std::vector<std::string>>{
            {"RateLimit: \"a\";r=3", "RateLimit: ("},
            {"RateLimit: (", "RateLimit: \"a\";r=3"},
            {"RateLimit: \"a\";r=3", "RateLimit: \"b\";r=-1"}})
    {
        std::vector<std::string> h = {"HTTP/1.1 204 x"};
        h.insert(h.end(), lines.begin(), lines.end());
        std::string const raw = head(h);
        CAPTURE(raw);
        auto const r = ok(raw);
        CHECK(!r.ietf.remaining);
        CHECK(same(parse_pairs(raw).value(), r));
    }
    // the same for the policy: its limit and window go
    std::string const raw = head({"HTTP/1.1 204 x", "RateLimit: \"a\";r=1",
                                  "RateLimit-Policy: \"a\";q=5;w=60", "RateLimit-Policy: ?"});
    auto const p = ok(raw);
    CHECK(p.ietf.remaining == 1);
    CHECK(!p.ietf.limit);
    CHECK(!p.ietf.window);
    CHECK(same(parse_pairs(raw).value(), p));
}

TEST_CASE("IETF RateLimit draft-06: RateLimit-Limit, -Remaining, -Reset")
{
    auto const r = ok(head({"HTTP/1.1 204 x", "RateLimit-Limit: 100, 100;w=60, 1000;w=3600",
                            "RateLimit-Remaining: 50", "RateLimit-Reset: 30"}));
    CHECK(r.ietf.limit == 100);
    CHECK(r.ietf.window == 60);
    CHECK(r.ietf.remaining == 50);
    CHECK(r.ietf.reset == 30);
    CHECK(!with("RateLimit-Remaining: -3").ietf.remaining);
    CHECK(!ok(head({"HTTP/1.1 204 x", "RateLimit-Reset: 3", "RateLimit-Reset: 4"})).ietf.reset);
    CHECK(!with("RateLimit-Limit: many").ietf.limit);
    // draft-10 wins where both speak
    auto const both = ok(head({"HTTP/1.1 204 x", "RateLimit-Remaining: 50", "RateLimit: \"p\";r=7;t=2"}));
    CHECK(both.ietf.remaining == 7);
}

TEST_CASE("interim 1xx responses are passed over; the final response counts")
{
    std::string const raw = "HTTP/1.1 100 Continue\r\n\r\n"
                            "HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n"
                            "X-Organization-Rate-Limit-Limit: 1\r\n\r\n"
                            "HTTP/1.1 204 No Content\r\nX-Organization-Rate-Limit-Remaining: 3\r\n\r\n";
    tc::static_response_parser<> p;
    auto n = p.feed(raw);
    REQUIRE(n.has_value());
    CHECK(*n == raw.size());
    auto const r = p.get().value();
    CHECK(r.status == 204);
    CHECK(!r.organization.limit); // from the 103, not the final response
    CHECK(r.organization.remaining == 3);
    CHECK(same(parse_chunked(raw, 1).value(), r));
    CHECK(same(parse_lines(raw).value(), r));
    // a lone interim response is not an answer
    CHECK(parse_bytes("HTTP/1.1 100 Continue\r\n\r\n").error() == error::response_incomplete);
    CHECK(parse_lines("HTTP/1.1 100 Continue\r\n\r\n").error() == error::response_incomplete);
    CHECK(tc::field_reader(100).get().error() == error::response_incomplete);
}

TEST_CASE("header lines: a proxy's 200 Connection established before the real response")
{
    tc::header_line_reader r;
    for(char const* l : {"HTTP/1.1 200 Connection established\r\n",
                         "X-Organization-Rate-Limit-Limit: 5\r\n", "\r\n",
                         "HTTP/2 429 \r\n", "date: Fri, 15 Nov 2019 20:24:33 GMT\r\n",
                         "x-organization-rate-limit-reset: 1573849500\r\n", "\r\n"})
        CHECK(!r.line(l));
    CHECK(r.done());
    auto const head = r.get().value();
    CHECK(head.status == 429);
    CHECK(!head.organization.limit);
    CHECK(head.organization.reset == 1573849500);
    CHECK(head.date == 1573849473);
    // trailers after a complete head are ignored
    CHECK(!r.line("X-Organization-Rate-Limit-Limit: 5\r\n"));
    CHECK(!r.get()->organization.limit);
    // lines without their terminator are accepted too
    tc::header_line_reader bare;
    bare.line("HTTP/1.1 204 No Content");
    bare.line("X-Organization-Rate-Limit-Remaining: 4");
    bare.line("");
    CHECK(bare.get()->organization.remaining == 4);
}

TEST_CASE("raw bytes: feed stops at the end of the head and reports the body's framing")
{
    std::string const h = "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n"
                          "Content-Length: 27\r\n\r\n";
    std::string const body = "{\"errorMessage\":\"no such\"}\n";
    std::string const raw = h + body;
    tc::static_response_parser<> p;
    auto n = p.feed(raw);
    REQUIRE(n.has_value());
    CHECK(*n == h.size());
    CHECK(p.consumed() == h.size());
    auto const r = p.get().value();
    CHECK(r.body == tc::body_framing::content_length);
    CHECK(r.content_length == 27);
    CHECK(raw.substr(*n) == body);
    CHECK(*p.feed("more body") == 0); // nothing more is head

    // byte by byte, the count of head bytes is the same
    tc::static_response_parser<> q;
    std::size_t used = 0;
    for(char c : raw)
        used += q.feed(tc::string_view(&c, 1)).value();
    CHECK(used == h.size());
    CHECK(q.consumed() == h.size());

    CHECK(ok(head({"HTTP/1.1 500 x", "Content-Length: 5, 5"})).content_length == 5);
    CHECK(ok(head({"HTTP/1.1 500 x", "Transfer-Encoding: gzip, chunked", "Content-Length: 5"})).body ==
          tc::body_framing::chunked);
    CHECK(ok(head({"HTTP/1.1 500 x", "Transfer-Encoding: gzip"})).body == tc::body_framing::until_close);
    CHECK(ok(head({"HTTP/1.1 500 x"})).body == tc::body_framing::until_close);
    CHECK(ok(head({"HTTP/1.1 204 x", "Content-Length: 0"})).body == tc::body_framing::none);
    CHECK(ok(head({"HTTP/1.1 304 x", "Content-Length: 10"})).body == tc::body_framing::none);
    for(char const* bad : {"Content-Length: -1", "Content-Length: 5, 6", "Content-Length: x",
                           "Content-Length: 99999999999999999999"})
    {
        CAPTURE(bad);
        CHECK(fails(head({"HTTP/1.1 500 x", bad})) == error::response_content_length);
    }
    CHECK(fails(head({"HTTP/1.1 500 x", "Content-Length: 5", "Content-Length: 6"})) ==
          error::response_content_length);
}

TEST_CASE("input that ends inside the head is incomplete, not a response")
{
    std::string const raw = seed_response();
    for(std::size_t cut : {std::size_t(0), std::size_t(5), std::size_t(100), raw.size() - 2, raw.size() - 1})
    {
        CAPTURE(cut);
        tc::static_response_parser<> p;
        REQUIRE(p.feed(raw.substr(0, cut)).has_value());
        CHECK(!p.done());
        CHECK(p.get().error() == error::response_incomplete);
    }
}

TEST_CASE("the head-size limit and the line buffer are enforced, however the bytes are chunked")
{
    std::string const raw = seed_response();
    tc::response_options small;
    small.max_head_size = 447;
    CHECK(parse_bytes(raw, small).error() == error::response_head_too_large);
    CHECK(parse_chunked(raw, 1, small).error() == error::response_head_too_large);
    CHECK(parse_lines(raw, small).error() == error::response_head_too_large);
    small.max_head_size = 448;
    CHECK(parse_bytes(raw, small).has_value());

    std::string const long_line = head({"HTTP/1.1 204 x", "X-Long: " + std::string(100, 'a')});
    for(std::size_t size : {std::size_t(1), std::size_t(10), long_line.size()})
    {
        tc::static_response_parser<64> p;
        for(std::size_t i = 0; i < long_line.size(); i += size)
            if(!p.feed(tc::string_view(long_line).substr(i, size)))
                break;
        CHECK(p.get().error() == error::response_line_too_long);
    }
    tc::static_response_parser<128> p;
    CHECK(p.feed(long_line).has_value());
    CHECK(p.done());
}

TEST_CASE("interim heads count towards the head-size limit in every form with bytes")
{
    // issue 9 (a): 100 "100 Continue" heads and a 144-byte head, limit 150
    std::string raw;
    for(int i = 0; i < 100; ++i)
        raw += "HTTP/1.1 100 Continue\r\n\r\n";
    raw += head({"HTTP/1.1 204 No Content", "X-Organization-Rate-Limit-Limit: 240",
                 "X-Organization-Rate-Limit-Remaining: 236", "X-A: " + std::string(14, 'a')});
    tc::response_options limit;
    limit.max_head_size = 150;
    CHECK(parse_bytes(raw, limit).error() == error::response_head_too_large);
    CHECK(parse_chunked(raw, 1, limit).error() == error::response_head_too_large);
    CHECK(parse_lines(raw, limit).error() == error::response_head_too_large);
    limit.max_head_size = raw.size();
    CHECK(parse_bytes(raw, limit)->organization.remaining == 236);
    CHECK(parse_lines(raw, limit)->organization.remaining == 236);
}

TEST_CASE("a value over 256 bytes is unreadable in every form, field pairs included")
{
    // issue 9 (b): a long X-Organization-Rate-Limit-Limit list
    std::string list = "240";
    while(list.size() <= 256)
        list += ", 240";
    std::string const raw = head({"HTTP/1.1 204 No Content",
                                  "X-Organization-Rate-Limit-Limit: " + list,
                                  "X-Organization-Rate-Limit-Remaining: 3"});
    CHECK(!parse_bytes(raw)->organization.limit);
    CHECK(!parse_lines(raw)->organization.limit);
    CHECK(!parse_pairs(raw)->organization.limit);
    CHECK(parse_pairs(raw)->organization.remaining == 3);
    tc::field_reader r(204);
    r.field("X-Organization-Rate-Limit-Limit", list);
    CHECK(!r.get()->organization.limit);
    // and a Content-Length too long to read is an error everywhere
    std::string const cl = head({"HTTP/1.1 200 OK", "Content-Length: " + std::string(300, '1')});
    CHECK(parse_bytes(cl).error() == error::response_content_length);
    CHECK(parse_lines(cl).error() == error::response_content_length);
    CHECK(parse_pairs(cl).error() == error::response_content_length);
}

TEST_CASE("the error is the first one in byte order, however the bytes are chunked")
{
    // issue 9 (c): a 9,000-byte line ending in a control byte
    std::string const raw = "HTTP/1.1 204 No Content\r\nX-A: " + std::string(9000, 'a') + "\x01\r\n\r\n";
    for(std::size_t size : {std::size_t(1), std::size_t(7), std::size_t(4096), raw.size()})
    {
        CAPTURE(size);
        CHECK(parse_chunked(raw, size).error() == error::response_line_too_long);
    }
    CHECK(parse_lines(raw).error() == error::response_line_too_long);
    tc::field_reader r(204);
    r.field("X-A", std::string(9000, 'a') + "\x01");
    CHECK(r.get().error() == error::response_line_too_long);

    // a control byte within the limit, on a line that crosses the head limit
    tc::response_options o;
    o.max_head_size = 40;
    std::string const ctl = "HTTP/1.1 204 No Content\r\nX-A: a\x01" + std::string(50, 'b') + "\r\n\r\n";
    for(std::size_t size : {std::size_t(1), std::size_t(3), ctl.size()})
        CHECK(parse_chunked(ctl, size, o).error() == error::response_control_character);
    CHECK(parse_lines(ctl, o).error() == error::response_control_character);
    // a CR as the last byte within the limit might have been a line end
    std::string const cr = "HTTP/1.1 204 No Content\r\nX-A: abcdefghij\r\n\r\n";
    o.max_head_size = cr.find("\r\n\r\n") + 1;
    for(std::size_t size : {std::size_t(1), cr.size()})
        CHECK(parse_chunked(cr, size, o).error() == error::response_head_too_large);
    CHECK(parse_lines(cr, o).error() == error::response_head_too_large);
}

TEST_CASE("a 101 ends the head in every form: what follows is another protocol")
{
    // issue 9, item 8
    std::string const raw = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n"
                            "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    std::size_t const first = raw.find("\r\n\r\n") + 4;
    tc::static_response_parser<> p;
    CHECK(*p.feed(raw) == first);
    REQUIRE(p.done());
    CHECK(p.get()->status == 101);
    CHECK(p.get()->status_outcome() == tc::outcome::unexpected);
    CHECK(p.get()->body == tc::body_framing::none);
    CHECK(parse_chunked(raw, 1)->status == 101);
    // a 101 followed by nothing is a complete answer, not a wait
    CHECK(parse_bytes(raw.substr(0, first))->status == 101);
    tc::header_line_reader lines;
    for(auto const& l : split_lines(raw))
        CHECK(!lines.line(l));
    CHECK(lines.get()->status == 101);
    CHECK(tc::field_reader(101).get()->status == 101);
}

TEST_CASE("errors stick: after one, every call reports it")
{
    tc::static_response_parser<> p;
    CHECK(p.feed("HTTP/1.1 204 x\r\nBad Name: 1\r\n").error() == error::response_field_line);
    CHECK(p.feed("\r\n").error() == error::response_field_line);
    CHECK(p.get().error() == error::response_field_line);
    CHECK(!p.done());
    tc::header_line_reader r;
    CHECK(r.line("nonsense\r\n") == error::response_status_line);
    CHECK(r.line("HTTP/1.1 204 x\r\n") == error::response_status_line);
    CHECK(r.get().error() == error::response_status_line);
}

TEST_CASE("response errors belong to the malformed_response condition and name the rule")
{
    for(auto e : {error::response_status_line, error::response_status_code,
                  error::response_field_line, error::response_control_character,
                  error::response_content_length, error::response_line_too_long,
                  error::response_head_too_large, error::response_incomplete})
    {
        boost::system::error_code const ec = e;
        CHECK(ec == tc::condition::malformed_response);
        CHECK(ec != tc::condition::invalid_input);
        CHECK(ec.message().rfind("response", 0) == 0);
    }
}

TEST_CASE("generated heads: all forms and chunkings agree, and nothing crashes")
{
    // A small deterministic generator of heads built from interesting
    // pieces: every form must give the same answer (or the same error).
    char const* const pieces[] = {
        "Date: Fri, 15 Nov 2019 20:24:33 GMT", "date:Sun, 06 Nov 1994 08:49:37 GMT",
        "Retry-After: 27", "Retry-After: Sunday, 06-Nov-94 08:49:37 GMT",
        "X-Organization-Rate-Limit-Limit: 240", "x-organization-rate-limit-remaining:  0 ",
        "X-Organization-Rate-Limit-Reset: 1573849500", "X-Organization-Rate-Limit-Reset: 1573849501",
        "X-Instant-Test-Rate-Limit-Limit: 24", "X-Template-Deploy-Rate-Limit-Reset: 5",
        "RateLimit: \"d\";r=3;t=9", "RateLimit-Policy: \"d\";q=10;w=60", "RateLimit-Reset: 4",
        "Content-Type: application/problem+json", "Content-Length: 12", "Transfer-Encoding: chunked",
        "X-Empty:", "X-Tab:\tvalue\t", "Server: \xc3\xa9t\xc3\xa9", "Bad Name: 1", "X-Nul: a\rb",
        "Content-Length: x"};
    char const* const statuses[] = {"HTTP/1.1 204 No Content", "HTTP/1.1 429 Too Many Requests",
                                    "HTTP/1.1 503 ", "HTTP/1.0 404", "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK"};
    std::uint32_t seed = 12345;
    auto next = [&] { seed = seed * 1103515245u + 12345u; return (seed >> 8) & 0xFFFF; };
    int agreed = 0, refused = 0;
    for(int round = 0; round < 400; ++round)
    {
        std::vector<std::string> lines{statuses[next() % 5]};
        int const n = static_cast<int>(next() % 6);
        for(int i = 0; i < n; ++i)
            lines.push_back(pieces[next() % (sizeof(pieces) / sizeof(pieces[0]))]);
        std::string const raw = head(lines, next() % 4 == 0 ? "\n" : "\r\n");
        CAPTURE(raw);
        auto const whole = parse_bytes(raw);
        auto const lines_r = parse_lines(raw);
        std::size_t const chunk = 1 + next() % 20;
        auto const chunked = parse_chunked(raw, chunk);
        REQUIRE(whole.has_value() == chunked.has_value());
        REQUIRE(whole.has_value() == lines_r.has_value());
        if(!whole)
        {
            CHECK(whole.error() == chunked.error());
            CHECK(whole.error() == lines_r.error());
            ++refused;
            continue;
        }
        CHECK(same(*whole, *chunked));
        CHECK(same(*whole, *lines_r));
        CHECK(same(*whole, parse_chunked(raw, 1).value()));
        auto const pairs = parse_pairs(raw);
        REQUIRE(pairs.has_value());
        CHECK(same(*whole, *pairs));
        ++agreed;
    }
    CHECK(agreed > 100);
    CHECK(refused > 20);
}

TEST_CASE("reset: each reader reads a second response as a new reader would")
{
    std::string const first = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 429 x\r\nRetry-After: 5\r\nX-Organization-Rate-Limit-Remaining: 0\r\n\r\n";
    std::string const second = read_test_data("seed-response.http");
    auto const expected = parse_bytes(second);
    REQUIRE(expected.has_value());

    tc::static_response_parser<64> parser;
    REQUIRE(parser.feed("HTTP/1.1 204 No Content\r\nBad Name: x\r\n").has_error()); // an error sticks
    parser.reset();
    auto n = parser.feed(second);
    REQUIRE(n.has_value());
    REQUIRE(parser.get().has_value());
    CHECK(same(*parser.get(), *expected));
    CHECK(parser.consumed() == *n);
    parser.reset(tc::response_options(1573849473)); // half a line kept, then reset
    REQUIRE(parser.feed("HTTP/1.1 4").has_value());
    parser.reset();
    REQUIRE(parser.feed(first).has_value());
    CHECK(parser.get()->status == 429);
    CHECK_FALSE(parser.get()->retry_after_date);

    tc::header_line_reader lines;
    for(auto const& l : split_lines(first))
        (void)lines.line(l);
    CHECK(lines.get()->status == 429);
    lines.reset();
    CHECK(lines.get().error() == tc::error::response_incomplete);
    for(auto const& l : split_lines(second))
        (void)lines.line(l);
    CHECK(same(*lines.get(), *expected));

    tc::field_reader fields(999);
    (void)fields.field("Bad Name", "x");
    CHECK(fields.get().has_error());
    fields.reset(204, tc::response_options(1573849473));
    (void)fields.field("Date", "Fri, 15 Nov 2019 20:24:33 GMT");
    CHECK(fields.get()->status == 204);
    CHECK(fields.get()->date == 1573849473);
    fields.reset(1);
    CHECK(fields.get().error() == tc::error::response_status_code);
}

TEST_CASE("response_options from now keeps every other default")
{
    tc::response_options const o(1573849473);
    CHECK(o.now == 1573849473);
    CHECK(o.max_head_size == tc::response_options().max_head_size);
    CHECK(o.max_line_size == tc::response_options().max_line_size);
    CHECK_FALSE(tc::response_options().now);
}
