// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_DECISION_HPP
#define THOUSANDEYES_CREDENTIALS_DECISION_HPP

// What to do after an attempt: a pure function of the response, the
// attempt, a policy and the caller's "now". No clock, no I/O, no
// randomness of its own: the same inputs always give the same delay.

#include <thousandeyes/credentials/response.hpp>
#include <thousandeyes/credentials/detail/checked.hpp>

#include <climits>
#include <cstdint>
#include <optional>

namespace thousandeyes {
namespace credentials {

enum class action : unsigned char
{
    done,  ///< the credential is gone (deleted, or already absent)
    retry, ///< send the same request again after `delay_ms`
    fail   ///< stop: `result` says why
};

inline constexpr string_view
to_string(action a) noexcept
{
    switch(a)
    {
    case action::done: return "done";
    case action::retry: return "retry";
    case action::fail: return "fail";
    }
    return "fail";
}

/// Why a delay has the value it has, for logs and reviews.
enum class delay_source : unsigned char
{
    none,              ///< no delay
    retry_after,       ///< the response's Retry-After
    reset_minus_date,  ///< the later X-*-Rate-Limit-Reset - Date (server clock)
    reset_minus_now,   ///< the later X-*-Rate-Limit-Reset - now (local clock)
    ietf_reset,        ///< RateLimit t= / RateLimit-Reset (seconds)
    rate_limit_default,///< a 429 without any hint
    backoff            ///< exponential backoff
};

inline constexpr string_view
to_string(delay_source s) noexcept
{
    switch(s)
    {
    case delay_source::none: return "none";
    case delay_source::retry_after: return "retry_after";
    case delay_source::reset_minus_date: return "reset_minus_date";
    case delay_source::reset_minus_now: return "reset_minus_now";
    case delay_source::ietf_reset: return "ietf_reset";
    case delay_source::rate_limit_default: return "rate_limit_default";
    case delay_source::backoff: return "backoff";
    }
    return "none";
}

/** The knobs. The defaults follow the API's documents where they say
    something and are marked "chosen" where they are silent.
*/
struct retry_policy
{
    /// Attempts in total, the first included (the official SDKs use 3).
    int max_attempts = 3;

    /// Backoff before attempt n+1 is base * 2^(n-1), capped (chosen).
    std::int64_t backoff_base_ms = 1000;
    /// The longest backoff wait (chosen).
    std::int64_t backoff_max_ms = 30000;

    /// A 429 that gives no Retry-After and no reset: wait one rate-limit
    /// window, which the docs say is one minute.
    std::int64_t rate_limited_default_ms = 60000;

    /// Added to waits derived from a reset time (whole seconds); 0 keeps
    /// the server's number exact (the old v6 Go client used 1000).
    std::int64_t reset_margin_ms = 0;

    /// A wait the server asks for beyond this is not waited: the decision
    /// is to fail, with the delay it asked for; a batch whose pacing would
    /// wait longer stops (chosen: 15 minutes, fifteen rate-limit windows).
    std::int64_t max_delay_ms = std::int64_t{15} * 60 * 1000;

    /// Jitter: `random % (jitter_ms + 1)` is added to every retry delay,
    /// where `random` is the caller's value (0 = no jitter by default).
    std::int64_t jitter_ms = 0;
};

/// What the caller knows about this attempt.
struct attempt_context
{
    /// 1 for the first attempt of this delete, 2 for the second, ...
    int attempt = 1;

    /// An earlier attempt of this same delete may have been carried out:
    /// its response was lost (timeout, connection reset after sending).
    bool earlier_attempt_uncertain = false;

    /// The caller's clock, epoch seconds, when the response arrived.
    std::optional<std::int64_t> now;

    /// A caller-supplied random value for jitter (see retry_policy).
    std::uint32_t random = 0;
};

/// What to do after an attempt: the action, the wait before a retry, and why.
struct decision
{
    /// done, retry or fail.
    credentials::action action = credentials::action::fail;
    /// retry: wait this long first. fail: 0, or the wait the server asked
    /// for when it exceeds max_delay_ms (the reason to fail).
    std::int64_t delay_ms = 0;
    /// What the delete came to (or would, if this is the last attempt).
    credentials::outcome outcome = credentials::outcome::unexpected;
    /// Why `delay_ms` has its value.
    delay_source source = delay_source::none;
};

namespace detail {

inline std::int64_t
backoff_ms(int attempt, retry_policy const& p) noexcept
{
    std::int64_t d = p.backoff_base_ms > 0 ? p.backoff_base_ms : 0;
    for(int i = 1; i < attempt && d < p.backoff_max_ms && d <= INT64_MAX / 2; ++i)
        d *= 2;
    return d < p.backoff_max_ms ? d : p.backoff_max_ms;
}

inline decision
retry_or_give_up(outcome o, std::int64_t delay, delay_source src,
                 attempt_context const& a, retry_policy const& p) noexcept
{
    decision d;
    d.outcome = o;
    d.source = src;
    d.delay_ms = delay < 0 ? 0 : delay;
    if(d.delay_ms > p.max_delay_ms)
    {
        d.action = action::fail; // delay_ms says what the server asked for
        return d;
    }
    if(a.attempt >= p.max_attempts)
    {
        d.action = action::fail;
        d.delay_ms = 0;
        return d;
    }
    if(p.jitter_ms > 0)
    {
        // jitter never takes a wait beyond the cap
        d.delay_ms = sat_add(d.delay_ms, static_cast<std::int64_t>(
            a.random % (static_cast<std::uint64_t>(p.jitter_ms) + 1)));
        if(d.delay_ms > p.max_delay_ms)
            d.delay_ms = p.max_delay_ms;
    }
    d.action = action::retry;
    return d;
}

// The wait a 429 asks for: Retry-After; else the later of the organization
// and instant-test resets (as the official SDKs take it) against the
// server's Date, else against the caller's clock; the IETF reset (seconds)
// counts too, and the longest wait wins.
inline std::optional<decision>
rate_limit_wait(response const& r, attempt_context const& a,
                retry_policy const& p) noexcept
{
    decision d;
    if(auto s = r.retry_after_seconds(a.now))
    {
        d.delay_ms = seconds_to_ms(*s);
        d.source = delay_source::retry_after;
        return d;
    }
    bool have = false;
    std::optional<std::int64_t> reset = r.organization.reset;
    if(r.instant_test.reset && (!reset || *r.instant_test.reset > *reset))
        reset = r.instant_test.reset;
    if(reset)
    {
        std::optional<std::int64_t> const base = r.date ? r.date : a.now;
        if(base)
        {
            d.delay_ms = sat_add(seconds_to_ms(sat_sub(*reset, *base)), p.reset_margin_ms);
            d.source = r.date ? delay_source::reset_minus_date : delay_source::reset_minus_now;
            have = true;
        }
    }
    if(r.ietf.reset)
    {
        std::int64_t const ms = sat_add(seconds_to_ms(*r.ietf.reset), p.reset_margin_ms);
        if(!have || ms > d.delay_ms)
        {
            d.delay_ms = ms;
            d.source = delay_source::ietf_reset;
            have = true;
        }
    }
    if(!have)
        return std::nullopt;
    return d;
}

} // namespace detail

/** Decides what to do after a response.

    - 204: done, deleted.
    - 429: retry after Retry-After; else after the later of the
      organization and instant-test Reset - Date (the server's clock, so a
      skewed local clock does not matter); else Reset - now; never
      negative; `rate_limited_default_ms` when there is no hint.
    - 503: Retry-After, else exponential backoff; 500, 502, 504:
      exponential backoff. All, like 429, only while attempts remain
      (`max_attempts` in total). Any 5xx leaves the delete uncertain
      (`leaves_uncertain`): the caller (or `deletion`) sets
      `earlier_attempt_uncertain` for the next attempt.
    - 401: fail, never retried: invalid credentials or a locked account
      (the docs' words); the same credentials would be refused again.
      400, 403, 405, 406, 415, 301: fail.
    - 404: fail as not_found, unless an earlier attempt may have been
      carried out (lost response, 5xx, a resend): then done, already_absent.
    - anything else (a 200 included): fail as unexpected.
    A wait above `max_delay_ms` is not waited: fail, with that delay.
*/
inline decision
decide(response const& r, attempt_context const& a,
       retry_policy const& p = {}) noexcept
{
    outcome const o = r.status_outcome();
    decision d;
    d.outcome = o;
    switch(o)
    {
    case outcome::deleted:
        d.action = action::done;
        return d;
    case outcome::not_found:
        if(a.earlier_attempt_uncertain)
        {
            d.action = action::done;
            d.outcome = outcome::already_absent;
        }
        return d;
    case outcome::rate_limited:
        if(auto w = detail::rate_limit_wait(r, a, p))
            return detail::retry_or_give_up(o, w->delay_ms, w->source, a, p);
        return detail::retry_or_give_up(o, p.rate_limited_default_ms,
                                        delay_source::rate_limit_default, a, p);
    case outcome::unavailable:
        if(auto s = r.retry_after_seconds(a.now))
            return detail::retry_or_give_up(o, detail::seconds_to_ms(*s),
                                            delay_source::retry_after, a, p);
        return detail::retry_or_give_up(o, detail::backoff_ms(a.attempt, p),
                                        delay_source::backoff, a, p);
    case outcome::server_error:
    case outcome::bad_gateway:
    case outcome::gateway_timeout:
        return detail::retry_or_give_up(o, detail::backoff_ms(a.attempt, p),
                                        delay_source::backoff, a, p);
    default:
        return d; // fail: 301, 400, 401, 403, 405, 406, 415, unexpected
    }
}

/** Decides what to do when an attempt got no response at all (timeout,
    connection reset). A repeat is safe: if the lost attempt did delete the
    credential, the next one gets a 404, which the caller passes back with
    `earlier_attempt_uncertain` set and which then means already_absent.
*/
inline decision
decide_no_response(attempt_context const& a,
                   retry_policy const& p = {}) noexcept
{
    return detail::retry_or_give_up(outcome::no_response,
                                    detail::backoff_ms(a.attempt, p),
                                    delay_source::backoff, a, p);
}

/// A pacing wait and what it comes from, so a log can explain it:
/// `remaining` requests left for `window_ms` (the margin included).
struct pace
{
    /// How long to wait before the next request.
    std::int64_t wait_ms = 0;
    /// Requests left in the window (never negative).
    std::int64_t remaining = 0;
    /// Time left in the window, the policy's reset margin included.
    std::int64_t window_ms = 0;
    /// reset_minus_date, reset_minus_now, ietf_reset; none without a rate limit
    delay_source source = delay_source::none;
};

/** Pacing: how long to wait, from the moment `last` arrived, before the
    next request of a batch, so that the batch spreads what is left of the
    quota over what is left of the window and never meets a 429.

    From X-Organization-Rate-Limit-Remaining and -Reset (against `Date`,
    else `now`), and from the IETF remaining and reset; the longer wait
    wins. With quota left the wait is window_left / remaining; with none,
    the whole window_left. A wait of 0 when the response carries no rate
    limit, or its window has passed.
*/
inline pace
pace_of(response const& last,
        std::optional<std::int64_t> now = std::nullopt,
        retry_policy const& p = {}) noexcept
{
    pace best;
    auto consider = [&](std::int64_t remaining, std::int64_t window_left_ms, delay_source s) {
        if(window_left_ms <= 0)
            return;
        window_left_ms = detail::sat_add(window_left_ms, p.reset_margin_ms);
        std::int64_t const wait = remaining <= 0 ? window_left_ms : window_left_ms / remaining;
        if(wait > best.wait_ms)
            best = pace{wait, remaining < 0 ? 0 : remaining, window_left_ms, s};
    };
    auto const& org = last.organization;
    std::optional<std::int64_t> const base = last.date ? last.date : now;
    if(org.remaining && org.reset && base)
        consider(*org.remaining, detail::seconds_to_ms(detail::sat_sub(*org.reset, *base)),
                 last.date ? delay_source::reset_minus_date : delay_source::reset_minus_now);
    if(last.ietf.remaining && last.ietf.reset)
        consider(*last.ietf.remaining, detail::seconds_to_ms(*last.ietf.reset),
                 delay_source::ietf_reset);
    return best;
}

/// `pace_of(last, now, p).wait_ms`.
inline std::int64_t
pace_ms(response const& last,
        std::optional<std::int64_t> now = std::nullopt,
        retry_policy const& p = {}) noexcept
{
    return pace_of(last, now, p).wait_ms;
}

} // namespace credentials
} // namespace thousandeyes

#endif
