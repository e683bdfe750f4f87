// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_READER_IETF_FIELDS_HPP
#define THOUSANDEYES_CREDENTIALS_READER_IETF_FIELDS_HPP

// The IETF httpapi RateLimit drafts: draft-10's RateLimit and
// RateLimit-Policy structured fields, and draft-06's RateLimit-Limit, read
// into `ietf_rate_limit` (draft-10 first, draft-06 for what it left absent).

#include <thousandeyes/credentials/response.hpp>
#include <thousandeyes/credentials/string_view.hpp>
#include <thousandeyes/credentials/reader/number_table.hpp>
#include <thousandeyes/credentials/reader/structured_field.hpp>

#include <cstdint>
#include <cstring>

namespace thousandeyes {
namespace credentials {
namespace detail {

// cppcheck-suppress noConstructor ; its owner calls reset() before any use
class ietf_fields
{
public:
    static constexpr std::size_t max_name = 32; // longest policy name kept
    static constexpr int max_policies = 4;

    /// Forgets the last response's fields (the names are written before
    /// they are read, so they are not cleared).
    void
    reset() noexcept
    {
        rl_ = policy_ = slot_state::absent;
        rl_r_ = 0;
        rl_t_ = -1;
        rl_name_len_ = 0;
        policies_ = 0;
    }

    void poison_ratelimit() noexcept { rl_ = slot_state::poisoned; }
    void poison_policy() noexcept { policy_ = slot_state::poisoned; }

    // draft-10: RateLimit = sf-list of "name";r=R[;t=T]; r is required.
    // The member with the fewest remaining (then the latest reset) counts.
    void
    apply_ratelimit(string_view v) noexcept
    {
        if(rl_ == slot_state::poisoned)
            return;
        bool valid = true;
        bool const parsed = sf_parser(v).list([&](sf_item const& it) {
            if(it.r < 0 || (it.kind != sf_item::string && it.kind != sf_item::token) ||
               it.text.size() > max_name)
            {
                valid = false;
                return;
            }
            if(rl_ == slot_state::absent || it.r < rl_r_ || (it.r == rl_r_ && it.t > rl_t_))
            {
                rl_ = slot_state::set;
                rl_r_ = it.r;
                rl_t_ = it.t;
                copy_name(it.text, rl_name_, rl_name_len_);
            }
        });
        if(!parsed || !valid)
            rl_ = slot_state::poisoned;
    }

    // draft-10: RateLimit-Policy = sf-list of "name";q=Q[;w=W]; q is required.
    void
    apply_policy(string_view v) noexcept
    {
        if(policy_ == slot_state::poisoned)
            return;
        bool valid = true;
        bool const parsed = sf_parser(v).list([&](sf_item const& it) {
            if(it.q < 0 || (it.kind != sf_item::string && it.kind != sf_item::token))
            {
                valid = false;
                return;
            }
            policy_ = slot_state::set;
            // Policies whose name is too long, or beyond the fourth, are not
            // kept: the limit is then absent, not guessed.
            if(it.text.size() > max_name || policies_ == max_policies)
                return;
            auto& pol = policy_list_[policies_++];
            copy_name(it.text, pol.name, pol.name_len);
            pol.q = it.q;
            pol.w = it.w;
        });
        if(!parsed || !valid)
            policy_ = slot_state::poisoned;
    }

    // draft-06: RateLimit-Limit = sf-list; the first member is the limit,
    // later ones are quota policies ("10, 10;w=1").
    static void
    apply_limit(string_view v, number_table& num) noexcept
    {
        bool first = true;
        std::int64_t limit = -1;
        std::int64_t window = -1;
        bool const parsed = sf_parser(v).list([&](sf_item const& it) {
            if(first && it.kind == sf_item::integer)
                limit = it.integer_value;
            if(it.kind == sf_item::integer && it.integer_value == limit && it.w >= 0 &&
               window < 0)
                window = it.w;
            first = false;
        });
        if(!parsed || limit < 0)
            return num.poison(number_table::rl_limit);
        num.put(number_table::rl_limit, limit);
        if(window >= 0)
            num.put(number_table::rl_window, window);
    }

    /// draft-10 first, then draft-06 (from `num`) for what it left absent.
    ietf_rate_limit
    get(number_table const& num) const noexcept
    {
        ietf_rate_limit ietf;
        if(rl_ == slot_state::set)
        {
            ietf.remaining = rl_r_;
            if(rl_t_ >= 0)
                ietf.reset = rl_t_;
            if(policy_ == slot_state::set)
                for(int i = 0; i < policies_; ++i)
                {
                    auto const& pol = policy_list_[i];
                    if(pol.name_len == rl_name_len_ &&
                       std::memcmp(pol.name, rl_name_, pol.name_len) == 0)
                    {
                        ietf.limit = pol.q;
                        if(pol.w >= 0)
                            ietf.window = pol.w;
                        break;
                    }
                }
        }
        if(!ietf.limit)
        {
            ietf.limit = num.get(number_table::rl_limit);
            if(ietf.limit)
                ietf.window = num.get(number_table::rl_window);
        }
        if(!ietf.remaining)
            ietf.remaining = num.get(number_table::rl_remaining);
        if(!ietf.reset)
            ietf.reset = num.get(number_table::rl_reset);
        return ietf;
    }

private:
    struct policy_entry
    {
        char name[max_name];
        std::size_t name_len;
        std::int64_t q;
        std::int64_t w;
    };

    slot_state rl_;     // RateLimit
    slot_state policy_; // RateLimit-Policy
    std::int64_t rl_r_;
    std::int64_t rl_t_;
    std::size_t rl_name_len_;
    int policies_;
    // Written before they are read, so not reset with each response.
    char rl_name_[max_name];
    policy_entry policy_list_[max_policies];

    static void
    copy_name(string_view s, char* out, std::size_t& len) noexcept
    {
        len = s.size();
        std::memcpy(out, s.data(), s.size());
    }
};

} // namespace detail
} // namespace credentials
} // namespace thousandeyes

#endif
