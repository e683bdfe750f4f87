// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_READER_NUMBER_TABLE_HPP
#define THOUSANDEYES_CREDENTIALS_READER_NUMBER_TABLE_HPP

// The numbers a response head gives, each absent, set or poisoned.

#include <cstdint>
#include <optional>

namespace thousandeyes {
namespace credentials {
namespace detail {

/// What is known of a value read from fields that may repeat: nothing yet,
/// a value, or that it is unreadable (malformed, or repeated differently).
/// Only a set value is ever reported.
enum class slot_state : unsigned char
{
    absent,
    set,
    poisoned
};

// Numbers read from fields that may repeat, each in a slot_state kept as
// two bit sets (set, poisoned): clearing is two stores.
class number_table // NOLINT(cppcoreguidelines-pro-type-member-init): v_ is read only where set_ says so
{
public:
    enum index : unsigned
    {
        family = 0, // 9: limit, remaining, reset of each X-*-Rate-Limit family
        date = 9,
        retry_delay,
        retry_date,
        content_length,
        rl_limit,
        rl_window,
        rl_remaining,
        rl_reset,
        count
    };

    void
    clear() noexcept
    {
        set_ = bad_ = 0;
    }

    void
    put(unsigned i, std::int64_t x) noexcept
    {
        std::uint32_t const b = 1u << i;
        if(!(set_ & b))
        {
            v_[i] = x;
            set_ |= b;
        }
        else if(v_[i] != x)
            bad_ |= b;
    }

    void
    poison(unsigned i) noexcept
    {
        bad_ |= 1u << i;
    }

    slot_state
    state(unsigned i) const noexcept
    {
        if((bad_ >> i) & 1u)
            return slot_state::poisoned;
        return ((set_ >> i) & 1u) ? slot_state::set : slot_state::absent;
    }

    std::optional<std::int64_t>
    get(unsigned i) const noexcept
    {
        if(((set_ & ~bad_) >> i) & 1u)
            return v_[i];
        return std::nullopt;
    }

private:
    // cppcheck-suppress uninitMemberVarPrivate ; read only where set_ says so
    std::int64_t v_[count]; // read only where set_ says so
    std::uint32_t set_ = 0;
    std::uint32_t bad_ = 0;
};

} // namespace detail
} // namespace credentials
} // namespace thousandeyes

#endif
