// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The deletion state machine and the batch: a table of scenarios, each a
// sequence of events and the steps they must give, and a randomized test
// against a simulated server that checks the invariants.
#include "doctest_config.hpp"
#include "response_forms.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace {

using tc::outcome;
using tc::step_kind;

// One event of a scenario.
struct event
{
    enum kind { answer, lost, never, resend } what;
    tc::response r{};
};

event answer(tc::response r) { return {event::answer, r}; }
event answer(int s) { return {event::answer, status(s)}; }
event const lost{event::lost, {}};
event const never{event::never, {}};
event const resend{event::resend, {}};

// Drives a deletion through the events (waiting whenever asked) and
// returns the final step, checking that no event was out of order.
tc::step
drive(std::vector<event> const& events, tc::retry_policy const& p = {},
      std::vector<std::int64_t>* waits = nullptr)
{
    tc::deletion d(p);
    for(auto const& e : events)
    {
        tc::step s = d.next();
        if(s.kind == step_kind::wait)
        {
            if(waits)
                waits->push_back(s.wait_ms);
            d.waited();
            s = d.next();
        }
        REQUIRE(s.kind == step_kind::send);
        switch(e.what)
        {
        case event::answer: d.received(e.r, 1573849473); break;
        case event::lost: d.no_response(tc::transport::maybe_sent); break;
        case event::never: d.no_response(tc::transport::never_sent); break;
        case event::resend: d.resent(); break;
        }
    }
    return d.next();
}

} // namespace

TEST_CASE("scenarios: each status, lost answers, never sent, resends, 5xx then 404")
{
    struct
    {
        char const* name;
        std::vector<event> events;
        step_kind end;
        outcome result;
    } const cases[] = {
        {"204", {answer(204)}, step_kind::done, outcome::deleted},
        {"404", {answer(404)}, step_kind::failed, outcome::not_found},
        {"401 is never retried", {answer(401)}, step_kind::failed, outcome::unauthorized},
        {"403", {answer(403)}, step_kind::failed, outcome::forbidden},
        {"400", {answer(400)}, step_kind::failed, outcome::bad_request},
        {"a proxy's 200", {answer(200)}, step_kind::failed, outcome::unexpected},
        {"429 then 204", {answer(seed_429()), answer(204)}, step_kind::done, outcome::deleted},
        {"503 then 204", {answer(503), answer(204)}, step_kind::done, outcome::deleted},
        {"lost, then 404", {lost, answer(404)}, step_kind::done, outcome::already_absent},
        {"never sent, then 404", {never, answer(404)}, step_kind::failed, outcome::not_found},
        {"resent, then 404", {resend, answer(404)}, step_kind::done, outcome::already_absent},
        {"500, then 404", {answer(500), answer(404)}, step_kind::done, outcome::already_absent},
        {"502, then 404", {answer(502), answer(404)}, step_kind::done, outcome::already_absent},
        {"504, then 404", {answer(504), answer(404)}, step_kind::done, outcome::already_absent},
        {"503, then 404", {answer(503), answer(404)}, step_kind::done, outcome::already_absent},
        {"429, then 404", {answer(seed_429()), answer(404)}, step_kind::failed, outcome::not_found},
        {"three 500s", {answer(500), answer(500), answer(500)}, step_kind::failed,
         outcome::server_error},
        {"three lost", {lost, lost, lost}, step_kind::failed, outcome::no_response},
        {"two lost, then 204", {lost, lost, answer(204)}, step_kind::done, outcome::deleted},
    };
    for(auto const& c : cases)
    {
        CAPTURE(c.name);
        tc::step const s = drive(c.events);
        CHECK(s.kind == c.end);
        CHECK(s.outcome == c.result);
    }
}

TEST_CASE("429: the wait is each reset family's, the later one, against Date")
{
    std::vector<std::int64_t> waits;
    drive({answer(seed_429()), answer(204)}, {}, &waits);
    CHECK(waits == std::vector<std::int64_t>{27000});
    tc::response both = seed_429();
    both.instant_test.reset = 1573849530;
    waits.clear();
    drive({answer(both), answer(204)}, {}, &waits);
    CHECK(waits == std::vector<std::int64_t>{57000});
    tc::response ietf = status(429);
    ietf.ietf.reset = 9;
    waits.clear();
    drive({answer(ietf), answer(204)}, {}, &waits);
    CHECK(waits == std::vector<std::int64_t>{9000});
}

TEST_CASE("a wait beyond the cap is refused: failed, with the wait asked for")
{
    tc::response far = status(429);
    far.retry_after_delay = 3600;
    tc::step const s = drive({answer(far)});
    CHECK(s.kind == step_kind::failed);
    CHECK(s.outcome == outcome::rate_limited);
    CHECK(s.wait_ms == 3600000);
    CHECK(s.source == tc::delay_source::retry_after);
    // jitter never takes a wait past the cap
    tc::retry_policy p;
    p.max_delay_ms = 1500;
    p.jitter_ms = 10000;
    tc::deletion d(p);
    d.received(status(503), std::nullopt, 9999);
    CHECK(d.next().kind == step_kind::wait);
    CHECK(d.next().wait_ms == 1500);
}

TEST_CASE("attempts are bounded by the policy")
{
    tc::retry_policy p;
    p.max_attempts = 5;
    tc::deletion d(p);
    int sends = 0;
    for(tc::step s = d.next(); !s.finished(); s = d.next())
    {
        if(s.kind == step_kind::wait)
        {
            d.waited();
            continue;
        }
        ++sends;
        d.received(status(500));
    }
    CHECK(sends == 5);
    CHECK(d.attempts() == 5);
    CHECK(d.next().outcome == outcome::server_error);
}

TEST_CASE("report: an unreadable answer from any reader is a maybe-sent attempt")
{
    tc::deletion d;
    tc::result<tc::response> const bad = parse_bytes("HTTP/1.1 204 x\r\nA\x01: b\r\n\r\n");
    REQUIRE(bad.has_error());
    // bytes came back: the request left, whatever the transport thought
    d.report(bad, tc::transport::never_sent);
    CHECK(d.uncertain());
    CHECK_FALSE(d.last_answer());
    CHECK(d.next().kind == step_kind::wait);
    d.waited();
    d.report(parse_lines("HTTP/1.1 404 Not Found\r\n\r\n"), tc::transport::maybe_sent);
    CHECK(d.next().outcome == outcome::already_absent);
    CHECK(d.last_answer()->status == 404);
}

TEST_CASE("report: a final head read completely is the answer, whatever the body did")
{
    // a 401 head, then the body cut short: the transport failed, the answer stands
    tc::static_response_parser<> parser;
    auto const used = parser.feed("HTTP/1.1 401 Unauthorized\r\nContent-Length: 50\r\n\r\n{\"err");
    REQUIRE(used);
    tc::deletion d;
    d.report(parser.get(), tc::transport::maybe_sent);
    CHECK(d.next().kind == step_kind::failed);
    CHECK(d.next().outcome == outcome::unauthorized);
    CHECK(d.attempts() == 1);
    CHECK_FALSE(d.uncertain());
    // a 404 head then a reset: not_found, not a lost answer
    tc::header_line_reader lines;
    (void)lines.line("HTTP/1.1 404 Not Found\r\n");
    (void)lines.line("Transfer-Encoding: chunked\r\n");
    (void)lines.line("\r\n");
    tc::deletion d404;
    d404.report(lines.get(), tc::transport::maybe_sent);
    CHECK(d404.next().kind == step_kind::failed);
    CHECK(d404.next().outcome == outcome::not_found);
}

TEST_CASE("report: no final head is no response, sent or not as the transport says")
{
    tc::static_response_parser<> parser;
    REQUIRE(parser.feed("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No"));
    tc::deletion d;
    d.report(parser.get(), tc::transport::never_sent); // a 1xx is not an answer
    CHECK_FALSE(d.uncertain());
    CHECK(d.next().kind == step_kind::wait);
    CHECK(d.next().outcome == outcome::no_response);
    d.waited();
    parser.reset();
    d.report(parser.get(), tc::transport::maybe_sent);
    CHECK(d.uncertain());
}

TEST_CASE("a fresh deletion: a send step with no outcome yet; done and failed finish")
{
    tc::deletion d;
    tc::step const s = d.next();
    CHECK(s.kind == step_kind::send);
    CHECK_FALSE(s.outcome);
    CHECK_FALSE(s.finished());
    CHECK(d.current() == step_kind::send);
    d.received(status(503));
    CHECK(d.next().outcome == outcome::unavailable); // the wait's reason
    CHECK_FALSE(d.next().finished());
    d.waited();
    CHECK(d.next().outcome == outcome::unavailable); // the last attempt's, until the next
    d.received(status(204));
    CHECK(d.next().finished());
    CHECK(tc::step{tc::step_kind::failed, 0, {}, {}}.finished());
}

TEST_CASE("no_response leaves no stale answer, and the batch does not pace from one")
{
    tc::deletion d;
    tc::response r = status(500);
    r.date = 1573849473;
    r.organization = {240, 0, 1573849500}; // would pace 27 s
    d.received(r);
    REQUIRE(d.last_answer());
    CHECK(d.last_answer()->pace.wait_ms == 27000);
    d.waited();
    d.no_response(tc::transport::maybe_sent);
    CHECK_FALSE(d.last_answer());
    d.waited();
    d.received(status(404));
    tc::batch b(2);
    auto const s = b.finished(d).value();
    CHECK(s.next);
    CHECK(s.pace.wait_ms == 0);
}

TEST_CASE("a deletion holds protocol state only: no request, at most 256 bytes")
{
    static_assert(sizeof(tc::deletion) <= 256, "deletion holds protocol state only");
    CHECK(sizeof(tc::deletion) <= 256);
    tc::retry_policy p;
    p.max_attempts = 7;
    tc::deletion const d(p);
    CHECK(d.policy().max_attempts == 7);
    CHECK(tc::deletion().policy().max_attempts == 3);
}

TEST_CASE("batch: counts, pacing, a 401 stops it, a wait beyond the cap stops it")
{
    tc::batch b(4);
    {
        tc::deletion d;
        tc::response r = status(204);
        r.date = 1573849473;
        r.organization = {240, 228, 1573849500}; // 27 s left for 228 requests
        d.received(r);
        auto const s = b.finished(d).value();
        CHECK(s.next);
        CHECK(s.pace.wait_ms == 27000 / 228);
        CHECK(s.pace.remaining == 228);
        CHECK(s.pace.window_ms == 27000);
        CHECK(s.pace.source == tc::delay_source::reset_minus_date);
        // the same deletion twice is refused, and not counted again
        CHECK(b.finished(d).error() == tc::error::deletion_out_of_order);
    }
    {
        tc::deletion d;
        d.no_response(tc::transport::maybe_sent);
        d.waited();
        d.received(status(404));
        auto const s = b.finished(d).value();
        CHECK(s.next);
        CHECK(s.pace.wait_ms == 0);
    }
    {
        tc::deletion d;
        d.received(status(401));
        auto const s = b.finished(d).value();
        CHECK_FALSE(s.next);
        CHECK(s.stop == tc::batch_stop::unauthorized);
    }
    CHECK(b.deleted() == 1);
    CHECK(b.already_absent() == 1);
    CHECK(b.failed() == 1);
    CHECK(b.not_attempted() == 1);
    CHECK_FALSE(b.all_gone());
    tc::deletion late;
    late.received(status(204));
    CHECK(b.finished(late).error() == tc::error::deletion_out_of_order);

    // Remaining 0 and a Reset far away: the batch stops instead of sleeping
    tc::batch far(2);
    tc::deletion d;
    tc::response r = status(204);
    r.date = 1573849473;
    r.organization = {240, 0, std::int64_t(1573849473) + 1000000000};
    d.received(r);
    auto const s = far.finished(d).value();
    CHECK_FALSE(s.next);
    CHECK(s.stop == tc::batch_stop::wait_too_long);
    CHECK(s.pace.wait_ms == 1000000000000);
    CHECK(far.not_attempted() == 1);

    // an unfinished deletion is not counted
    tc::batch one(1);
    tc::deletion pending;
    CHECK(one.finished(pending).error() == tc::error::deletion_out_of_order);
    pending.received(status(204));
    auto const last = one.finished(pending).value();
    CHECK_FALSE(last.next);
    CHECK(last.stop == tc::batch_stop::none);
    CHECK(one.all_gone());
}

TEST_CASE("randomized against a simulated server: the invariants hold")
{
    // The server deletes the credential with some requests and loses some
    // answers, answers 5xx before or after deleting, 429 with hostile
    // resets, and 404 once the credential is gone.
    std::uint32_t seed = 2026;
    auto rnd = [&] { seed = seed * 1664525u + 1013904223u; return seed >> 8; };
    int finished = 0, absent = 0;
    for(int round = 0; round < 20000; ++round)
    {
        tc::retry_policy p;
        p.max_attempts = 1 + static_cast<int>(rnd() % 6);
        p.max_delay_ms = 1000 * static_cast<std::int64_t>(1 + rnd() % 120);
        p.jitter_ms = static_cast<std::int64_t>(rnd() % 3000);
        tc::deletion d(p);
        bool present = true;
        bool maybe_gone_by_us = false; // a delete we made may have happened
        int sends = 0;
        for(int guard = 0; guard < 100; ++guard)
        {
            tc::step const s = d.next();
            if(s.kind == step_kind::wait)
            {
                CHECK(s.wait_ms >= 0);
                CHECK(s.wait_ms <= p.max_delay_ms);
                d.waited();
                continue;
            }
            if(s.kind != step_kind::send)
                break;
            ++sends;
            REQUIRE(sends <= p.max_attempts);
            unsigned const k = rnd() % 10;
            bool const deletes = present && k < 6 && rnd() % 2;
            if(deletes)
            {
                present = false;
                maybe_gone_by_us = true;
            }
            if(k == 0)
                d.no_response(tc::transport::maybe_sent, std::nullopt, rnd());
            else if(k == 1 && !deletes)
                d.no_response(tc::transport::never_sent, std::nullopt, rnd());
            else if(k < 4)
                d.received(status(500 + static_cast<int>(rnd() % 5)), std::nullopt, rnd());
            else if(k < 6 && !deletes)
            {
                tc::response r = seed_429();
                r.organization.reset = static_cast<std::int64_t>(rnd()) * 1000;
                r.retry_after_delay = rnd() % 2 ? std::optional<std::int64_t>(rnd()) : std::nullopt;
                d.received(r, std::nullopt, rnd());
            }
            else if(deletes)
                d.received(status(204), std::nullopt, rnd());
            else
                d.received(status(present ? 403 : 404), std::nullopt, rnd());
        }
        tc::step const end = d.next();
        REQUIRE((end.kind == step_kind::done || end.kind == step_kind::failed));
        CHECK(d.attempts() <= p.max_attempts);
        if(end.outcome == outcome::already_absent)
        {
            // only after an attempt that may have been carried out
            CHECK(d.uncertain());
            CHECK(maybe_gone_by_us);
            ++absent;
        }
        if(end.kind == step_kind::done)
            CHECK(!present);
        // never a definite not_found when an attempt of ours may have deleted it
        CHECK_FALSE((end.outcome == outcome::not_found && maybe_gone_by_us));
        ++finished;
    }
    CHECK(finished == 20000);
    CHECK(absent > 100);
}
