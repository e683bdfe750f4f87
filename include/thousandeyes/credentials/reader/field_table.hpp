// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_READER_FIELD_TABLE_HPP
#define THOUSANDEYES_CREDENTIALS_READER_FIELD_TABLE_HPP

// The response fields the library reads: their ids, the name lookup, and
// the rule and number slot of each (one table, for reading a value and for
// making a field unreadable).

#include <thousandeyes/credentials/detail/charsets.hpp>
#include <thousandeyes/credentials/detail/text.hpp>
#include <thousandeyes/credentials/reader/number_table.hpp>
#include <thousandeyes/credentials/detail/numbers.hpp>

#include <boost/config.hpp>

#include <cstddef>

namespace thousandeyes {
namespace credentials {
namespace detail {

enum class field_id : unsigned char
{
    other,
    date,
    retry_after,
    content_length,
    transfer_encoding,
    family_limit,     // + 3 * family
    family_remaining,
    family_reset,
    ratelimit = family_limit + 9,
    ratelimit_policy,
    ratelimit_limit,
    ratelimit_remaining,
    ratelimit_reset
};

inline constexpr field_id
family_field(int family, int kind) noexcept
{
    return static_cast<field_id>(static_cast<int>(field_id::family_limit) + 3 * family + kind);
}

// Only the fields the library reads are recognized; every other name is
// dismissed after a length switch and at most one comparison.
// (clang-tidy: a table, written as a switch, is not complex)
BOOST_FORCEINLINE field_id
lookup_field(char const* p, std::size_t n) noexcept // NOLINT(readability-function-cognitive-complexity)
{
    switch(n)
    {
    case 4:
        if(name_equals(p, "date", 4)) return field_id::date;
        break;
    case 9:
        if(name_equals(p, "ratelimit", 9)) return field_id::ratelimit;
        break;
    case 11:
        if(name_equals(p, "retry-after", 11)) return field_id::retry_after;
        break;
    case 14:
        if(name_equals(p, "content-length", 14)) return field_id::content_length;
        break;
    case 15:
        if(name_equals(p, "ratelimit-limit", 15)) return field_id::ratelimit_limit;
        if(name_equals(p, "ratelimit-reset", 15)) return field_id::ratelimit_reset;
        break;
    case 16:
        if(name_equals(p, "ratelimit-policy", 16)) return field_id::ratelimit_policy;
        break;
    case 17:
        if(name_equals(p, "transfer-encoding", 17)) return field_id::transfer_encoding;
        break;
    case 19:
        if(name_equals(p, "ratelimit-remaining", 19)) return field_id::ratelimit_remaining;
        break;
    // X-Organization-Rate-Limit-*, X-Instant-Test-Rate-Limit-*,
    // X-Template-Deploy-Rate-Limit-*: one byte picks the candidate, one
    // comparison (four words) confirms it.
    case 31:
    {
        bool const org = (p[2] | 0x20) == 'o';
        bool const reset = (p[26] | 0x20) == 'r';
        char const* const want = org
            ? (reset ? "x-organization-rate-limit-reset" : "x-organization-rate-limit-limit")
            : (reset ? "x-instant-test-rate-limit-reset" : "x-instant-test-rate-limit-limit");
        if(name_equals(p, want, 31))
            return family_field(org ? 0 : 1, reset ? 2 : 0);
        break;
    }
    case 35:
    {
        bool const org = (p[2] | 0x20) == 'o';
        if(name_equals(p, org ? "x-organization-rate-limit-remaining"
                              : "x-instant-test-rate-limit-remaining", 35))
            return family_field(org ? 0 : 1, 1);
        break;
    }
    case 34:
    {
        bool const reset = (p[29] | 0x20) == 'r';
        if(name_equals(p, reset ? "x-template-deploy-rate-limit-reset"
                                : "x-template-deploy-rate-limit-limit", 34))
            return family_field(2, reset ? 2 : 0);
        break;
    }
    case 38:
        if(name_equals(p, "x-template-deploy-rate-limit-remaining", 38))
            return family_field(2, 1);
        break;
    default:
        break;
    }
    return field_id::other;
}

/// How a field's value is read.
enum class field_rule : unsigned char
{
    ignored,           ///< not read
    number,            ///< 1*DIGIT (or a list of equal ones) into its slot
    date,              ///< an HTTP-date into its slot
    retry_after,       ///< delay-seconds or an HTTP-date: two slots
    content_length,    ///< a number, and an error when unreadable
    transfer_encoding, ///< the final coding
    ietf_ratelimit,    ///< draft-10 RateLimit
    ietf_policy,       ///< draft-10 RateLimit-Policy
    ietf_limit         ///< draft-06 RateLimit-Limit: limit and window slots
};

/// A field's rule and its (first) number slot.
struct field_entry
{
    field_rule rule;
    unsigned slot;
};

/// The one field-to-slot table, indexed by field_id.
inline constexpr field_entry
field_entry_of(field_id id) noexcept
{
    switch(id)
    {
    case field_id::other: return {field_rule::ignored, 0};
    case field_id::date: return {field_rule::date, number_table::date};
    case field_id::retry_after: return {field_rule::retry_after, number_table::retry_delay};
    case field_id::content_length: return {field_rule::content_length, number_table::content_length};
    case field_id::transfer_encoding: return {field_rule::transfer_encoding, 0};
    case field_id::ratelimit: return {field_rule::ietf_ratelimit, 0};
    case field_id::ratelimit_policy: return {field_rule::ietf_policy, 0};
    case field_id::ratelimit_limit: return {field_rule::ietf_limit, number_table::rl_limit};
    case field_id::ratelimit_remaining: return {field_rule::number, number_table::rl_remaining};
    case field_id::ratelimit_reset: return {field_rule::number, number_table::rl_reset};
    default: // X-<Family>-Rate-Limit-Limit / -Remaining / -Reset, in slot order
        return {field_rule::number,
                number_table::family + (static_cast<unsigned>(id) -
                                        static_cast<unsigned>(field_id::family_limit))};
    }
}

} // namespace detail
} // namespace credentials
} // namespace thousandeyes

#endif
