// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_RESPONSE_HPP
#define THOUSANDEYES_CREDENTIALS_RESPONSE_HPP

#include <thousandeyes/credentials/string_view.hpp>

#include <thousandeyes/credentials/detail/charsets.hpp>
#include <thousandeyes/credentials/detail/checked.hpp>

#include <climits>
#include <cstdint>
#include <optional>

namespace thousandeyes {
namespace credentials {


/// What a delete came to. `already_absent` and `no_response` are never a
/// status's own outcome: the decision gives them (see decision.hpp).
enum class outcome : unsigned char
{
    deleted,                ///< 204
    already_absent,         ///< 404 after an attempt whose response was lost
    moved,                  ///< 301: the API version requested does not exist
    bad_request,            ///< 400 (also: an invalid aid)
    unauthorized,           ///< 401: invalid credentials, or a locked account
    forbidden,              ///< 403: permission, account group, Sandbox account
    not_found,              ///< 404
    method_not_allowed,     ///< 405
    not_acceptable,         ///< 406
    unsupported_media_type, ///< 415
    rate_limited,           ///< 429
    server_error,           ///< 500
    unavailable,            ///< 503: maintenance
    bad_gateway,            ///< 502: a gateway's answer (not documented by the API)
    gateway_timeout,        ///< 504: a gateway's answer (not documented by the API)
    unexpected,             ///< any other status, 2xx other than 204 included
    no_response             ///< timeout or connection lost: no status at all
};

/// The documented meaning of a status for this delete (v6 "Response status
/// codes"). A 200 is `unexpected`: a captive portal's page is not a deletion.
inline constexpr outcome
outcome_of(int status) noexcept
{
    switch(status)
    {
    case 204: return outcome::deleted;
    case 301: return outcome::moved;
    case 400: return outcome::bad_request;
    case 401: return outcome::unauthorized;
    case 403: return outcome::forbidden;
    case 404: return outcome::not_found;
    case 405: return outcome::method_not_allowed;
    case 406: return outcome::not_acceptable;
    case 415: return outcome::unsupported_media_type;
    case 429: return outcome::rate_limited;
    case 500: return outcome::server_error;
    case 503: return outcome::unavailable;
    case 502: return outcome::bad_gateway;
    case 504: return outcome::gateway_timeout;
    default:  return outcome::unexpected;
    }
}

/** Whether an answer with this status leaves the delete uncertain: a 5xx
    does not say whether the delete happened (the server, or a gateway in
    front of it, may have failed after the deletion or before it), exactly
    as when the response is lost. A later 404 then means already absent.
*/
inline constexpr bool
leaves_uncertain(int status) noexcept
{
    return status >= 500 && status <= 599;
}

/// The outcome's name, as the CLI prints it.
inline constexpr string_view
to_string(outcome o) noexcept
{
    switch(o)
    {
    case outcome::deleted: return "deleted";
    case outcome::already_absent: return "already_absent";
    case outcome::moved: return "moved";
    case outcome::bad_request: return "bad_request";
    case outcome::unauthorized: return "unauthorized";
    case outcome::forbidden: return "forbidden";
    case outcome::not_found: return "not_found";
    case outcome::method_not_allowed: return "method_not_allowed";
    case outcome::not_acceptable: return "not_acceptable";
    case outcome::unsupported_media_type: return "unsupported_media_type";
    case outcome::rate_limited: return "rate_limited";
    case outcome::server_error: return "server_error";
    case outcome::unavailable: return "unavailable";
    case outcome::bad_gateway: return "bad_gateway";
    case outcome::gateway_timeout: return "gateway_timeout";
    case outcome::unexpected: return "unexpected";
    case outcome::no_response: return "no_response";
    }
    return "unexpected";
}

/** One ThousandEyes rate-limit family: `X-<Family>-Rate-Limit-Limit`,
    `-Remaining` and `-Reset`.

    A number that is malformed, negative, too large for int64, or given
    twice with different values is absent: never a wrong number.
*/
struct rate_limit
{
    std::optional<std::int64_t> limit;     ///< requests allowed per window
    std::optional<std::int64_t> remaining; ///< requests left in the window
    std::optional<std::int64_t> reset;     ///< next rollover, epoch seconds (UTC)
};

/** The IETF httpapi RateLimit fields.

    draft-10: `RateLimit: "name";r=R;t=T` with `RateLimit-Policy:
    "name";q=Q;w=W`; of several RateLimit members the one with the fewest
    remaining counts, and its limit and window come from the policy of the
    same name. draft-06: `RateLimit-Limit` (first member), `-Remaining`,
    `-Reset`. When both are sent, draft-10 wins field by field.
*/
struct ietf_rate_limit
{
    std::optional<std::int64_t> limit;     ///< quota
    std::optional<std::int64_t> remaining; ///< quota left
    std::optional<std::int64_t> reset;     ///< seconds until the quota is restored
    std::optional<std::int64_t> window;    ///< window length in seconds
};

/// How the body after the head is delimited (RFC 9112 section 6.3).
enum class body_framing : unsigned char
{
    none,           ///< 1xx, 204, 304: no body whatever the fields say
    content_length, ///< exactly `content_length` bytes
    chunked,        ///< Transfer-Encoding ending in chunked
    until_close     ///< read until the connection closes
};

/** What the library reads from a response head. Numbers only: nothing
    here points into the caller's buffers.
*/
struct response
{
    int status = 0; ///< the final response's status code (100-999)

    rate_limit organization;    ///< X-Organization-Rate-Limit-*
    rate_limit instant_test;    ///< X-Instant-Test-Rate-Limit-*
    rate_limit template_deploy; ///< X-Template-Deploy-Rate-Limit-*
    ietf_rate_limit ietf;       ///< RateLimit, RateLimit-Policy, RateLimit-*

    std::optional<std::int64_t> date; ///< Date, epoch seconds

    /// Retry-After = HTTP-date / delay-seconds (RFC 9110 section 10.2.3):
    /// at most one of the two is set.
    std::optional<std::int64_t> retry_after_delay; ///< seconds
    std::optional<std::int64_t> retry_after_date;  ///< epoch seconds

    body_framing body = body_framing::none; ///< how the body is framed (RFC 9112 section 6.3)
    std::uint64_t content_length = 0; ///< when body == content_length

    /// The status's outcome (see `outcome_of`).
    constexpr outcome
    status_outcome() const noexcept
    {
        return outcome_of(status);
    }

    /** Retry-After in seconds from when the response was received.

        A date is taken relative to the response's own `Date` when present
        (so a skewed local clock does not matter), else relative to `now`
        (epoch seconds). Never negative. No value when there is no
        Retry-After, or it is a date and neither clock is known.
    */
    constexpr std::optional<std::int64_t>
    retry_after_seconds(
        std::optional<std::int64_t> now = std::nullopt) const noexcept
    {
        if(retry_after_delay)
            return retry_after_delay;
        if(!retry_after_date)
            return std::nullopt;
        std::optional<std::int64_t> const base = date ? date : now;
        if(!base)
            return std::nullopt;
        // saturating: `now` is the caller's and may be anything
        std::int64_t d = 0;
        if(detail::sub_overflow(*retry_after_date, *base, d))
            return *base < 0 ? INT64_MAX : 0;
        return d > 0 ? d : 0;
    }
};

} // namespace credentials
} // namespace thousandeyes

#endif
