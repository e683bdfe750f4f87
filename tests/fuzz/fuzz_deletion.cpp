// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// libFuzzer target for the deletion state machine: any policy and any
// sequence of events (answers of any status, Retry-After, Date and rate-limit
// values, unreadable answers, lost answers, resends, waits, in any order).
// A model kept here, from the transition table in deletion.hpp, is held
// against it after every event:
//   - an event out of order is a precondition violation (BOOST_ASSERT, seen
//     here through an assertion handler) and changes nothing;
//   - attempts never exceed max_attempts, and `ready` is never reached with
//     none left; a wait asked for is never beyond max_delay_ms;
//   - `already_absent` comes only after an attempt that may have deleted the
//     credential (a lost or unreadable answer, a 5xx, a resend), and a 404
//     after such an attempt is never `not_found`;
//   - done and failed are final.
// Build with -Dfuzz=true and clang++.
#define BOOST_ENABLE_ASSERT_HANDLER
#include <thousandeyes/credentials.hpp>

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace tc = thousandeyes::credentials;

namespace {

[[noreturn]] void
fail(char const* why)
{
    std::fprintf(stderr, "fuzz-deletion: %s\n", why);
    std::abort();
}

// An answer's head from the fuzzer's choices; the reader decides whether it
// is readable.
std::string
answer(FuzzedDataProvider& in)
{
    static constexpr int statuses[] = {204, 404, 429, 500, 502, 503, 504, 401, 400, 403, 301, 200};
    int const status = in.ConsumeBool() ? statuses[in.ConsumeIntegralInRange<int>(0, 11)]
                                        : in.ConsumeIntegralInRange<int>(100, 599);
    std::string h = "HTTP/1.1 " + std::to_string(status) + " X\r\n";
    if(in.ConsumeBool())
        h += "Date: " + (in.ConsumeBool() ? std::string("Fri, 15 Nov 2019 20:24:33 GMT")
                                          : in.ConsumeRandomLengthString(40)) + "\r\n";
    if(in.ConsumeBool())
        h += "Retry-After: " + in.ConsumeRandomLengthString(40) + "\r\n";
    if(in.ConsumeBool())
        h += "X-Organization-Rate-Limit-Remaining: " +
             std::to_string(in.ConsumeIntegral<std::int64_t>()) + "\r\n" +
             "X-Organization-Rate-Limit-Reset: " +
             std::to_string(in.ConsumeIntegral<std::int64_t>()) + "\r\n";
    if(in.ConsumeBool())
        h += "RateLimit: " + in.ConsumeRandomLengthString(60) + "\r\n";
    return h + "\r\n";
}

struct model
{
    tc::step_kind state = tc::step_kind::send;
    bool uncertain = false;
};

int violations = 0; // precondition violations seen by the handler

} // namespace

namespace boost {
void
assertion_failed(char const*, char const*, char const*, long)
{
    ++violations;
}
void
assertion_failed_msg(char const*, char const*, char const*, char const*, long)
{
    ++violations;
}
} // namespace boost

extern "C" int
LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    FuzzedDataProvider in(data, size);
    tc::retry_policy p;
    p.max_attempts = in.ConsumeIntegralInRange<int>(1, 10);
    p.max_delay_ms = in.ConsumeIntegralInRange<std::int64_t>(0, 3600000);
    p.backoff_base_ms = in.ConsumeIntegralInRange<std::int64_t>(0, 100000);
    p.backoff_max_ms = in.ConsumeIntegralInRange<std::int64_t>(0, 1000000);
    p.jitter_ms = in.ConsumeIntegralInRange<std::int64_t>(0, 10000);
    p.reset_margin_ms = in.ConsumeIntegralInRange<std::int64_t>(0, 10000);
    tc::deletion d(p);
    model m;
    std::int64_t now = 1573849473;
    while(in.remaining_bytes() > 0)
    {
        using tc::step_kind;
        tc::step const before = d.next();
        int const attempts = d.attempts();
        int const event = in.ConsumeIntegralInRange<int>(0, 4);
        bool const in_ready = m.state == step_kind::send;
        bool const was_uncertain = m.uncertain;
        int const seen = violations;
        int status = 0;
        now += in.ConsumeIntegralInRange<int>(0, 120);
        std::uint32_t const random = in.ConsumeIntegral<std::uint32_t>();
        switch(event)
        {
        case 0:
        {
            std::string const head = answer(in);
            tc::static_response_parser<> parser{tc::response_options(now)};
            (void)parser.feed(head);
            auto const r = parser.get();
            d.report(r, tc::transport::maybe_sent, now, random);
            if(violations == seen)
                m.uncertain = m.uncertain || !r || tc::leaves_uncertain(r->status);
            status = r ? r->status : 0;
            break;
        }
        case 1: d.no_response(tc::transport::never_sent, now, random); break;
        case 2:
            d.no_response(tc::transport::maybe_sent, now, random);
            if(violations == seen)
                m.uncertain = true;
            break;
        case 3:
            d.resent();
            if(violations == seen)
                m.uncertain = true;
            break;
        case 4: d.waited(); break;
        }
        bool const refused = violations != seen;
        bool const allowed = event == 4 ? m.state == step_kind::wait : in_ready;
        if(!allowed)
        {
            tc::step const after = d.next();
            if(!refused || d.attempts() != attempts ||
               after.kind != before.kind || after.wait_ms != before.wait_ms)
                fail("an event out of order was not refused, or changed something");
            continue;
        }
        if(refused)
            fail("an event in order was refused");
        m.state = d.current();
        tc::step const s = d.next();
        if(d.attempts() > p.max_attempts)
            fail("more attempts than max_attempts");
        if(m.state == step_kind::send && event != 3 && event != 4)
            fail("ready again without a wait");
        if(m.state == step_kind::send && d.attempts() >= p.max_attempts)
            fail("ready with no attempt left");
        if(s.kind == tc::step_kind::wait && (s.wait_ms < 0 || s.wait_ms > p.max_delay_ms))
            fail("a wait beyond max_delay_ms, or negative");
        if(event <= 2 && s.outcome == tc::outcome::already_absent && !was_uncertain)
            fail("already_absent without an uncertain attempt before");
        if(event == 0 && status == 404 && was_uncertain && s.outcome == tc::outcome::not_found)
            fail("not_found after an attempt that may have deleted it");
        if(d.uncertain() != m.uncertain)
            fail("uncertain differs from the model");
    }
    return 0;
}
