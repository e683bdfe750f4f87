// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_DELETION_HPP
#define THOUSANDEYES_CREDENTIALS_DELETION_HPP

// The deletion protocol of one credential, sans-I/O: the caller's code
// moves bytes and reports what happened; this object owns the attempt
// count, the uncertainty, the last answer and the bounds, and says what to
// do next. No clock, no randomness, no heap, no request: the caller passes
// `now` and its random values, so the same events give the same steps.

#include <thousandeyes/credentials/decision.hpp>
#include <thousandeyes/credentials/error.hpp>
#include <thousandeyes/credentials/response.hpp>

#include <boost/assert.hpp>

#include <cstdint>
#include <optional>

namespace thousandeyes {
namespace credentials {

class batch;

/// What the transport knows about an attempt that brought no final head.
enum class transport : unsigned char
{
    /// The request certainly did not leave: not one byte of it was written
    /// to the origin (name resolution, connect, a TLS handshake, or a
    /// proxy's refusal of CONNECT failed first).
    never_sent,
    /// It may have left and been carried out: a timeout or a reset after
    /// sending, a connection closed before the answer's head ended.
    maybe_sent
};

/// What the caller does next, and where a deletion stands (see `deletion::next`).
enum class step_kind : unsigned char
{
    send,  ///< write the request, send it, then report what happened
    wait,  ///< wait `wait_ms`, then call `deletion::waited()`
    done,  ///< finished: the credential is gone (`outcome`: deleted, already_absent)
    failed ///< finished: `outcome` says why; `wait_ms` > 0 is a wait refused
};

inline constexpr string_view
to_string(step_kind k) noexcept
{
    switch(k)
    {
    case step_kind::send: return "send";
    case step_kind::wait: return "wait";
    case step_kind::done: return "done";
    case step_kind::failed: return "failed";
    }
    return "failed";
}

/// One step: what to do and, for a wait, how long and why.
struct step
{
    step_kind kind = step_kind::send;         ///< what to do
    std::int64_t wait_ms = 0;                 ///< wait: how long; failed: a wait refused
    delay_source source = delay_source::none; ///< why the wait is that long
    /// The outcome of the last attempt: none before the first one; for
    /// done and failed, what the deletion came to.
    std::optional<credentials::outcome> outcome;

    /// True for done and failed: the loop ends.
    constexpr bool
    finished() const noexcept
    {
        return kind == step_kind::done || kind == step_kind::failed;
    }
};

/// What a deletion keeps of the last answer read: its status, and the
/// pacing it asks for before the next request (`batch` waits that long).
struct answer
{
    int status = 0;            ///< the final response's status code
    credentials::pace pace{};  ///< `pace_of(response, now, policy)` when it was read
};

/** The deletion of one credential: a state machine driven by the caller.

    The canonical loop, the same in every driver of this project:
    @code
    deletion del(policy);
    for(step s = del.next(); !s.finished(); s = del.next())
    {
        if(s.kind == step_kind::wait) { sleep_ms(s.wait_ms); del.waited(); continue; }
        // write the head, send it, read the answer's head with a reader, then
        // report the facts (adapters::report, adapters/attempt.hpp, does this)
        del.report(reader.get(), bytes_written ? transport::maybe_sent
                                               : transport::never_sent, now);
    }
    @endcode

    An answer is an answer: a final response head read completely is what
    the attempt brought, whatever happened to the body after it (cut
    short, bad framing, endless, reset). Only when no final head was read
    is there no response. `report` takes exactly these facts.

    States and transitions (`step_kind` names both):

    | state   | event                        | next state                  |
    |---------|------------------------------|-----------------------------|
    | send    | `resent()`                   | send; uncertain             |
    | send    | `received(r)`, decide: done  | done                        |
    | send    | `received(r)`, decide: retry | wait; uncertain if 5xx      |
    | send    | `received(r)`, decide: fail  | failed                      |
    | send    | `no_response(never_sent)`    | wait, or failed             |
    | send    | `no_response(maybe_sent)`    | wait, or failed; uncertain  |
    | wait    | `waited()`                   | send                        |
    | done, failed | (none)                  | (terminal)                  |

    `report(head, t)` is `received(*head)` when the reader read a final
    head; else `no_response(t)`, or `no_response(maybe_sent)` when an
    answer came that could not be read. Any other event is a precondition
    violation: `BOOST_ASSERT` stops a debug build; with assertions off it
    changes nothing. Every report in `send` is one attempt; an attempt
    beyond `max_attempts`, or a wait beyond `max_delay_ms`, is never asked
    for. "Uncertain" means an earlier attempt may have deleted the
    credential (lost answer, a 5xx, a resend): a 404 then means
    `already_absent`.
*/
class deletion
{
public:
    /// A deletion under the default `retry_policy`.
    deletion() noexcept = default;

    /// A deletion under `p`.
    explicit deletion(retry_policy const& p) noexcept
        : policy_(p)
    {
    }

    /// What to do now.
    [[nodiscard]] step
    next() const noexcept
    {
        step s;
        s.kind = state_;
        if(attempts_ > 0)
            s.outcome = last_.outcome;
        // a wait to wait, or the wait refused
        if(state_ == step_kind::wait || state_ == step_kind::failed)
        {
            s.wait_ms = last_.delay_ms;
            s.source = last_.source;
        }
        return s;
    }

    /// The transport sent the request more than once in this attempt (as
    /// libcurl does on a reused connection found closed): the first send
    /// may have been carried out. Precondition: a `send` step.
    void
    resent() noexcept
    {
        if(!expect(step_kind::send))
            return;
        uncertain_ = true;
    }

    /** What the attempt brought, from the facts the stack has: `head` is
        the reader's `get()` once the transfer is over (a final head read
        completely is the answer, whatever became of the body), and `t`
        says whether the request may have left when no head came.
        Precondition: a `send` step.
    */
    void
    report(result<response> const& head, transport t,
           std::optional<std::int64_t> now = std::nullopt, std::uint32_t random = 0) noexcept
    {
        if(head)
            return received(*head, now, random);
        // bytes came back that were not a readable head: the request left
        if(head.error() != error::response_incomplete)
            t = transport::maybe_sent;
        no_response(t, now, random);
    }

    /// A final response head was read. `now` (epoch seconds) places the
    /// reset times when the answer has no Date; `random` feeds the
    /// policy's jitter. Precondition: a `send` step.
    void
    received(response const& r, std::optional<std::int64_t> now = std::nullopt,
             std::uint32_t random = 0) noexcept
    {
        if(!expect(step_kind::send))
            return;
        ++attempts_;
        last_answer_ = answer{r.status, pace_of(r, now, policy_)};
        settle(decide(r, context(now, random), policy_));
        if(leaves_uncertain(r.status))
            uncertain_ = true; // for the next attempt's 404
    }

    /// No final head was read; `t` says whether the request may have left.
    /// Precondition: a `send` step.
    void
    no_response(transport t, std::optional<std::int64_t> now = std::nullopt,
                std::uint32_t random = 0) noexcept
    {
        if(!expect(step_kind::send))
            return;
        ++attempts_;
        last_answer_.reset(); // no stale answer: this attempt brought none
        if(t == transport::maybe_sent)
            uncertain_ = true;
        settle(decide_no_response(context(now, random), policy_));
    }

    /// The wait of a `wait` step is over. Precondition: a `wait` step.
    void
    waited() noexcept
    {
        if(!expect(step_kind::wait))
            return;
        state_ = step_kind::send;
    }

    /// Where it stands: the kind of `next()`.
    step_kind current() const noexcept { return state_; }

    /// Attempts reported so far.
    int attempts() const noexcept { return attempts_; }

    /// True when an attempt so far may have deleted the credential.
    bool uncertain() const noexcept { return uncertain_; }

    /// The last attempt's answer; none when it brought no final head.
    std::optional<answer> const& last_answer() const noexcept { return last_answer_; }

    /// The last decision (outcome, delay and its reason).
    decision const& last_decision() const noexcept { return last_; }

    /// The policy this deletion was made with.
    retry_policy const& policy() const noexcept { return policy_; }

private:
    friend class batch;

    retry_policy policy_{};
    decision last_{};
    std::optional<answer> last_answer_;
    int attempts_ = 0;
    bool uncertain_ = false;
    bool counted_ = false; // by a batch, once
    step_kind state_ = step_kind::send;

    // An event's precondition: the state it belongs to.
    bool
    expect(step_kind s) const noexcept
    {
        BOOST_ASSERT_MSG(state_ == s, "deletion: an event out of order (see deletion::next)");
        return state_ == s;
    }

    attempt_context
    context(std::optional<std::int64_t> now, std::uint32_t random) const noexcept
    {
        attempt_context a;
        a.attempt = attempts_;
        a.earlier_attempt_uncertain = uncertain_;
        a.now = now;
        a.random = random;
        return a;
    }

    void
    settle(decision const& d) noexcept
    {
        last_ = d;
        switch(d.action)
        {
        case action::done: state_ = step_kind::done; break;
        case action::retry: state_ = step_kind::wait; break;
        case action::fail: state_ = step_kind::failed; break;
        }
    }
};

} // namespace credentials
} // namespace thousandeyes

#endif
