// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#include "doctest_config.hpp"
#include "response_forms.hpp"

namespace {

using tc::action;
using tc::outcome;

tc::attempt_context
attempt(int n, bool uncertain = false)
{
    tc::attempt_context a;
    a.attempt = n;
    a.earlier_attempt_uncertain = uncertain;
    return a;
}

} // namespace

TEST_CASE("204: done, deleted")
{
    auto const d = tc::decide(parse_bytes(seed_response()).value(), attempt(1));
    CHECK(d.action == action::done);
    CHECK(d.outcome == outcome::deleted);
    CHECK(d.delay_ms == 0);
}

TEST_CASE("429 without Retry-After waits Reset - Date: the seed's clock gives 27000 ms")
{
    auto const d = tc::decide(seed_429(), attempt(1));
    CHECK(d.action == action::retry);
    CHECK(d.outcome == outcome::rate_limited);
    CHECK(d.delay_ms == 27000);
    CHECK(d.source == tc::delay_source::reset_minus_date);
    // a skewed local clock does not matter when the server sent Date
    tc::attempt_context a = attempt(1);
    a.now = 1573849473 - 3600;
    CHECK(tc::decide(seed_429(), a).delay_ms == 27000);
}

TEST_CASE("429: Retry-After first, then Reset - Date, then Reset - now, never negative, else a default")
{
    tc::response r = seed_429();
    r.retry_after_delay = 5;
    CHECK(tc::decide(r, attempt(1)).delay_ms == 5000);
    CHECK(tc::decide(r, attempt(1)).source == tc::delay_source::retry_after);

    r = seed_429();
    r.retry_after_date = 1573849483; // 10 s after Date
    CHECK(tc::decide(r, attempt(1)).delay_ms == 10000);

    r = seed_429();
    r.date.reset();
    tc::attempt_context a = attempt(1);
    a.now = 1573849490;
    auto d = tc::decide(r, a);
    CHECK(d.delay_ms == 10000);
    CHECK(d.source == tc::delay_source::reset_minus_now);
    a.now = 1573849600; // the reset is past
    CHECK(tc::decide(r, a).delay_ms == 0);
    CHECK(tc::decide(r, a).action == action::retry);

    // no hint at all: the policy's default (one rate-limit window)
    d = tc::decide(status(429), attempt(1));
    CHECK(d.action == action::retry);
    CHECK(d.delay_ms == 60000);
    CHECK(d.source == tc::delay_source::rate_limit_default);
    // Reset without any clock is no hint either
    r = seed_429();
    r.date.reset();
    CHECK(tc::decide(r, attempt(1)).source == tc::delay_source::rate_limit_default);

    // the IETF reset is clock-free; the longest wait wins
    r = status(429);
    r.ietf.reset = 12;
    CHECK(tc::decide(r, attempt(1)).delay_ms == 12000);
    r = seed_429();
    r.ietf.reset = 40;
    CHECK(tc::decide(r, attempt(1)).delay_ms == 40000);
}

TEST_CASE("503: Retry-After, else exponential backoff; 500: backoff; both up to max_attempts")
{
    tc::response r = status(503);
    r.retry_after_delay = 7;
    CHECK(tc::decide(r, attempt(1)).delay_ms == 7000);
    CHECK(tc::decide(status(503), attempt(1)).delay_ms == 1000);
    CHECK(tc::decide(status(503), attempt(2)).delay_ms == 2000);
    CHECK(tc::decide(status(503), attempt(3)).action == action::fail);
    CHECK(tc::decide(status(500), attempt(1)).delay_ms == 1000);
    CHECK(tc::decide(status(500), attempt(2)).delay_ms == 2000);
    auto const last = tc::decide(status(500), attempt(3));
    CHECK(last.action == action::fail);
    CHECK(last.outcome == outcome::server_error);
    CHECK(tc::decide(seed_429(), attempt(3)).action == action::fail);
    // 502 and 504, a gateway's answers, are retried like 500
    for(int gateway : {502, 504})
    {
        CAPTURE(gateway);
        CHECK(tc::decide(status(gateway), attempt(1)).action == action::retry);
        CHECK(tc::decide(status(gateway), attempt(2)).delay_ms == 2000);
        CHECK(tc::decide(status(gateway), attempt(3)).outcome == tc::outcome_of(gateway));
    }
    CHECK(tc::outcome_of(502) == outcome::bad_gateway);
    CHECK(tc::outcome_of(504) == outcome::gateway_timeout);

    tc::retry_policy p;
    p.max_attempts = 10;
    p.backoff_base_ms = 500;
    p.backoff_max_ms = 3000;
    CHECK(tc::decide(status(500), attempt(3), p).delay_ms == 2000);
    CHECK(tc::decide(status(500), attempt(4), p).delay_ms == 3000);
    CHECK(tc::decide(status(500), attempt(9), p).delay_ms == 3000);
}

TEST_CASE("401 is never retried; 301, 400, 403, 405, 406, 415 and unexpected statuses fail")
{
    for(int s : {401, 301, 400, 403, 405, 406, 415, 200, 302, 501, 505})
    {
        CAPTURE(s);
        tc::response r = status(s);
        r.retry_after_delay = 1; // a hint changes nothing
        auto const d = tc::decide(r, attempt(1, true));
        CHECK(d.action == action::fail);
        CHECK(d.outcome == tc::outcome_of(s));
        CHECK(d.delay_ms == 0);
    }
}

TEST_CASE("a 429 waits for the later of the organization and instant-test resets")
{
    tc::response r = seed_429();
    r.instant_test.reset = 1573849530; // 57 s after Date: later than the organization's
    auto d = tc::decide(r, attempt(1));
    CHECK(d.delay_ms == 57000);
    CHECK(d.source == tc::delay_source::reset_minus_date);
    r.instant_test.reset = 1573849480; // earlier: the organization's 27 s wins
    CHECK(tc::decide(r, attempt(1)).delay_ms == 27000);
    r.organization.reset.reset(); // only the instant-test reset
    CHECK(tc::decide(r, attempt(1)).delay_ms == 7000);
}

TEST_CASE("any 5xx leaves the delete uncertain; nothing else does")
{
    for(int s : {500, 501, 502, 503, 504, 599})
        CHECK(tc::leaves_uncertain(s));
    for(int s : {204, 301, 400, 401, 404, 429, 499, 600})
        CHECK_FALSE(tc::leaves_uncertain(s));
}

TEST_CASE("404 is not_found, unless an earlier attempt may have deleted it: then already_absent")
{
    auto d = tc::decide(status(404), attempt(2));
    CHECK(d.action == action::fail);
    CHECK(d.outcome == outcome::not_found);
    d = tc::decide(status(404), attempt(2, true));
    CHECK(d.action == action::done);
    CHECK(d.outcome == outcome::already_absent);
}

TEST_CASE("no response at all: retry with backoff while attempts remain")
{
    auto d = tc::decide_no_response(attempt(1));
    CHECK(d.action == action::retry);
    CHECK(d.outcome == outcome::no_response);
    CHECK(d.delay_ms == 1000);
    CHECK(tc::decide_no_response(attempt(2)).delay_ms == 2000);
    CHECK(tc::decide_no_response(attempt(3)).action == action::fail);
}

TEST_CASE("a wait beyond max_delay_ms is not waited: fail, with the delay asked for")
{
    tc::response r = status(429);
    r.retry_after_delay = 3600; // an hour
    auto const d = tc::decide(r, attempt(1));
    CHECK(d.action == action::fail);
    CHECK(d.outcome == outcome::rate_limited);
    CHECK(d.delay_ms == 3600000);
    tc::retry_policy p;
    p.max_delay_ms = 4000 * 1000;
    CHECK(tc::decide(r, attempt(1), p).action == action::retry);
}

TEST_CASE("giving up after the last attempt says no delay; extreme numbers never overflow")
{
    auto const last = tc::decide(seed_429(), attempt(3));
    CHECK(last.action == action::fail);
    CHECK(last.delay_ms == 0);

    tc::response r = status(429);
    r.organization.reset = INT64_MAX;
    tc::attempt_context a = attempt(1);
    a.now = INT64_MIN;
    auto d = tc::decide(r, a);
    CHECK(d.action == action::fail); // an absurd wait is refused, not wrapped around
    CHECK(d.delay_ms == INT64_MAX);
    r.organization = {1, 0, INT64_MIN};
    a.now = INT64_MAX;
    d = tc::decide(r, a);
    CHECK(d.action == action::retry);
    CHECK(d.delay_ms == 0);
    CHECK(tc::pace_ms(r, INT64_MAX) == 0);
    r.organization.reset = INT64_MAX;
    CHECK(tc::pace_ms(r, INT64_MIN) == INT64_MAX);
    r.retry_after_date = INT64_MAX;
    CHECK(r.retry_after_seconds(INT64_MIN) == INT64_MAX);
    r.retry_after_date = INT64_MIN;
    CHECK(r.retry_after_seconds(INT64_MAX) == 0);

    tc::retry_policy p;
    p.max_attempts = 1000;
    p.backoff_max_ms = INT64_MAX;
    CHECK(tc::decide(status(500), attempt(999), p).delay_ms > 0);
}

TEST_CASE("delays are deterministic; jitter comes only from the caller's random value")
{
    tc::retry_policy p;
    CHECK(tc::decide(status(500), attempt(1), p).delay_ms ==
          tc::decide(status(500), attempt(1), p).delay_ms);
    p.jitter_ms = 250;
    tc::attempt_context a = attempt(1);
    a.random = 0;
    CHECK(tc::decide(status(500), a, p).delay_ms == 1000);
    a.random = 100;
    CHECK(tc::decide(status(500), a, p).delay_ms == 1100);
    a.random = 251 + 7;
    CHECK(tc::decide(status(500), a, p).delay_ms == 1007);
    a.random = 0xFFFFFFFFu;
    auto const j = tc::decide(seed_429(), a, p).delay_ms;
    CHECK(j >= 27000);
    CHECK(j <= 27250);
}

TEST_CASE("pacing spreads the remaining quota over the rest of the window")
{
    auto const seed = parse_bytes(seed_response()).value();
    // 236 left, 27 s to the reset: one request every 114 ms
    CHECK(tc::pace_ms(seed) == 27000 / 236);
    tc::response r = seed;
    r.organization.remaining = 0;
    CHECK(tc::pace_ms(r) == 27000); // none left: wait for the reset
    r.organization.remaining = 1;
    CHECK(tc::pace_ms(r) == 27000);
    r.date.reset();
    CHECK(tc::pace_ms(r) == 0); // no clock: no pacing
    CHECK(tc::pace_ms(r, 1573849490) == 10000);
    CHECK(tc::pace_ms(r, 1573849600) == 0); // the window has rolled over
    CHECK(tc::pace_ms(status(204)) == 0);
    tc::response i = status(204);
    i.ietf.remaining = 10;
    i.ietf.reset = 30;
    CHECK(tc::pace_ms(i) == 3000);
}

TEST_CASE("a pacing wait says what it comes from: requests left for the window left")
{
    auto const seed = parse_bytes(seed_response()).value();
    tc::pace const p = tc::pace_of(seed);
    CHECK(p.wait_ms == 114);
    CHECK(p.remaining == 236);
    CHECK(p.window_ms == 27000);
    CHECK(p.source == tc::delay_source::reset_minus_date);
    tc::response r = seed;
    r.date.reset();
    CHECK(tc::pace_of(r, 1573849490).source == tc::delay_source::reset_minus_now);
    CHECK(tc::pace_of(r).source == tc::delay_source::none);
    r.ietf.remaining = 1;
    r.ietf.reset = 30; // 30 s for one request: longer than the organization's
    tc::pace const i = tc::pace_of(r, 1573849490);
    CHECK(i.source == tc::delay_source::ietf_reset);
    CHECK(i.wait_ms == 30000);
    CHECK(i.remaining == 1);
    r.organization.remaining = -3; // a hostile server: never a negative count
    r.ietf = {};
    CHECK(tc::pace_of(r, 1573849490).remaining == 0);
}

TEST_CASE("a paced batch never exceeds the limit within a window")
{
    // Simulate the documented rule: 240 per rolling minute from the first
    // request. The client paces from each response; count per window.
    std::int64_t const limit = 240;
    std::int64_t now_ms = 1573849473000;
    std::int64_t window_start = now_ms;
    std::int64_t used = 0;
    int sent = 0, rejected = 0;
    while(sent < 600)
    {
        if(now_ms >= window_start + 60000)
        {
            window_start = now_ms;
            used = 0;
        }
        tc::response r = status(204);
        if(used >= limit)
        {
            ++rejected;
            r.status = 429;
        }
        else
        {
            ++used;
            ++sent;
        }
        r.date = now_ms / 1000;
        // the reset is a whole second; round it up as a server would
        r.organization = {limit, limit - used, (window_start + 60000 + 999) / 1000};
        now_ms += tc::pace_ms(r) + 5; // 5 ms per round trip
    }
    CHECK(rejected == 0);
}

TEST_CASE("every delay source and action has a distinct name for logs")
{
    using s = tc::delay_source;
    tc::string_view const names[] = {
        tc::to_string(s::none), tc::to_string(s::retry_after), tc::to_string(s::reset_minus_date),
        tc::to_string(s::reset_minus_now), tc::to_string(s::ietf_reset),
        tc::to_string(s::rate_limit_default), tc::to_string(s::backoff)};
    CHECK(names[1] == "retry_after");
    CHECK(names[2] == "reset_minus_date");
    CHECK(names[6] == "backoff");
    for(std::size_t i = 0; i < 7; ++i)
        for(std::size_t j = i + 1; j < 7; ++j)
            CHECK(names[i] != names[j]);
    CHECK(tc::to_string(tc::action::retry) == "retry");
}
