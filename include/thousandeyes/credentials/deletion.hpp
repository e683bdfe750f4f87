// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_DELETION_HPP
#define THOUSANDEYES_CREDENTIALS_DELETION_HPP

// The deletion protocol of one credential, sans-I/O: the caller's code
// moves bytes and reports what happened; this object owns the attempt
// count, the uncertainty, the last response and the bounds, and says what
// to do next. No clock, no randomness, no heap: the caller passes `now`
// and its random values, so the same events give the same steps.

#include <thousandeyes/credentials/decision.hpp>
#include <thousandeyes/credentials/error.hpp>
#include <thousandeyes/credentials/request.hpp>
#include <thousandeyes/credentials/response.hpp>

#include <cstdint>
#include <optional>

namespace thousandeyes {
namespace credentials {

/// What the transport knows about an attempt that brought no readable answer.
enum class transport : unsigned char
{
    /// The request certainly did not leave: name resolution, connect, a TLS
    /// handshake, or a proxy's refusal of CONNECT failed first.
    never_sent,
    /// It may have left and been carried out: a timeout or a reset after
    /// sending, a connection closed before the answer, an unreadable answer.
    maybe_sent
};

/// What the caller does next (see `deletion::next`).
enum class step_kind : unsigned char
{
    send, ///< send `deletion::to_send()`, then report what happened
    wait, ///< wait `wait_ms`, then call `deletion::waited()`
    done, ///< finished: the credential is gone (`result`: deleted, already_absent)
    failed ///< finished: `result` says why; `wait_ms` > 0 is a wait refused
};

/// One step: what to do and, for a wait, how long and why.
struct step
{
    step_kind kind = step_kind::send;              ///< what to do
    std::int64_t wait_ms = 0;                      ///< wait: how long; failed: a wait refused
    delay_source source = delay_source::none;      ///< why the wait is that long
    credentials::outcome outcome = credentials::outcome::unexpected; ///< done, failed: the outcome
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

/** The deletion of one credential: a state machine driven by the caller.

    @code
    deletion del(req, policy);
    for(step s = del.next(); s.kind == step_kind::send || s.kind == step_kind::wait;
        s = del.next())
    {
        if(s.kind == step_kind::wait) { sleep(s.wait_ms); del.waited(); continue; }
        // send del.to_send() with your stack, then one of:
        del.received(response_or_error, now, random);
        del.no_response(transport::maybe_sent, now, random);
    }
    @endcode

    States and transitions (every other event is `deletion_out_of_order`
    and changes nothing):

    | state   | event                        | next state                  |
    |---------|------------------------------|-----------------------------|
    | ready   | `resent()`                   | ready; uncertain            |
    | ready   | `received(r)`, decide: done  | done                        |
    | ready   | `received(r)`, decide: retry | waiting; uncertain if 5xx   |
    | ready   | `received(r)`, decide: fail  | failed                      |
    | ready   | `received(error)`            | as `no_response(maybe_sent)`|
    | ready   | `no_response(never_sent)`    | waiting, or failed          |
    | ready   | `no_response(maybe_sent)`    | waiting, or failed; uncertain |
    | waiting | `waited()`                   | ready                       |
    | done, failed | (none)                  | (terminal)                  |

    Every report in `ready` is one attempt; an attempt beyond
    `max_attempts`, or a wait beyond `max_delay_ms`, is never asked for.
    "Uncertain" means an earlier attempt may have deleted the credential
    (lost answer, a 5xx, a resend): a 404 then means `already_absent`.
*/
class deletion
{
public:
    enum class state : unsigned char
    {
        ready,   ///< the request is to be sent (again)
        waiting, ///< a wait is to be waited
        done,
        failed
    };

    /// Deletes what `req` names, under `p`. The request is copied.
    explicit deletion(credentials::request const& req, retry_policy const& p = {}) noexcept
        : req_(req)
        , policy_(p)
    {
    }

    /// What to do now.
    step
    next() const noexcept
    {
        step s;
        s.outcome = last_.outcome;
        switch(state_)
        {
        case state::ready: s.kind = step_kind::send; break;
        case state::waiting: s.kind = step_kind::wait; break;
        case state::done: s.kind = step_kind::done; break;
        case state::failed: s.kind = step_kind::failed; break;
        }
        // a wait to wait, or the wait refused
        if(state_ == state::waiting || state_ == state::failed)
        {
            s.wait_ms = last_.delay_ms;
            s.source = last_.source;
        }
        return s;
    }

    /// The request to send at a `send` step.
    credentials::request const& to_send() const noexcept { return req_; }

    /// The transport sent the request more than once in this attempt (as
    /// libcurl does on a reused connection found closed): the first send
    /// may have been carried out.
    boost::system::error_code
    resent() noexcept
    {
        if(state_ != state::ready)
            return error::deletion_out_of_order;
        uncertain_ = true;
        return {};
    }

    /// An answer was read. `now` (epoch seconds) places the reset times
    /// when the answer has no Date; `random` feeds the policy's jitter.
    boost::system::error_code
    received(response const& r, std::optional<std::int64_t> now = std::nullopt,
             std::uint32_t random = 0) noexcept
    {
        if(state_ != state::ready)
            return error::deletion_out_of_order;
        ++attempts_;
        last_response_ = r;
        settle(decide(r, context(now, random), policy_));
        if(leaves_uncertain(r.status))
            uncertain_ = true; // for the next attempt's 404
        return {};
    }

    /// What a reader gave: a response, or an error (an unreadable answer,
    /// which may follow a request that was carried out).
    boost::system::error_code
    received(result<response> const& r, std::optional<std::int64_t> now = std::nullopt,
             std::uint32_t random = 0) noexcept
    {
        if(r)
            return received(*r, now, random);
        return no_response(transport::maybe_sent, now, random);
    }

    /// No readable answer; `t` says whether the request may have left.
    boost::system::error_code
    no_response(transport t, std::optional<std::int64_t> now = std::nullopt,
                std::uint32_t random = 0) noexcept
    {
        if(state_ != state::ready)
            return error::deletion_out_of_order;
        ++attempts_;
        if(t == transport::maybe_sent)
            uncertain_ = true;
        settle(decide_no_response(context(now, random), policy_));
        return {};
    }

    /// The wait of a `wait` step is over.
    boost::system::error_code
    waited() noexcept
    {
        if(state_ != state::waiting)
            return error::deletion_out_of_order;
        state_ = state::ready;
        return {};
    }

    state current() const noexcept { return state_; }

    /// Attempts reported so far.
    int attempts() const noexcept { return attempts_; }

    /// True when an attempt so far may have deleted the credential.
    bool uncertain() const noexcept { return uncertain_; }

    /// The last answer read, if any.
    std::optional<response> const& last_response() const noexcept { return last_response_; }

    /// The last decision (outcome, delay and its reason).
    decision const& last_decision() const noexcept { return last_; }

    retry_policy const& policy() const noexcept { return policy_; }

private:
    credentials::request req_;
    retry_policy policy_;
    decision last_{};
    std::optional<response> last_response_;
    int attempts_ = 0;
    bool uncertain_ = false;
    state state_ = state::ready;

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
        case action::done: state_ = state::done; break;
        case action::retry: state_ = state::waiting; break;
        case action::fail: state_ = state::failed; break;
        }
    }
};

} // namespace credentials
} // namespace thousandeyes

#endif
