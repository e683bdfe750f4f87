// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_READER_HEAD_VALUES_HPP
#define THOUSANDEYES_CREDENTIALS_READER_HEAD_VALUES_HPP

// The values of the fields the library reads, by their rule in the field
// table: numbers, dates, Retry-After, the body's framing and the IETF
// RateLimit fields, and the `response` they make.

#include <thousandeyes/credentials/error.hpp>
#include <thousandeyes/credentials/http_date.hpp>
#include <thousandeyes/credentials/response.hpp>
#include <thousandeyes/credentials/string_view.hpp>
#include <thousandeyes/credentials/reader/field_table.hpp>
#include <thousandeyes/credentials/reader/ietf_fields.hpp>
#include <thousandeyes/credentials/reader/number_table.hpp>
#include <thousandeyes/credentials/detail/numbers.hpp>
#include <thousandeyes/credentials/detail/text.hpp>

#include <cstdint>
#include <optional>

namespace thousandeyes {
namespace credentials {
namespace detail {

class head_values
{
public:
    /// `reference` (epoch seconds) places an rfc850 date's two-digit year.
    // cppcheck-suppress uninitMemberVar ; ietf_ and num_ are set by reset(), called here
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-member-init): ietf_ and num_ are set by reset(), called here
    explicit head_values(std::optional<std::int64_t> reference) noexcept
        : reference_(reference)
    {
    }

    /// The reference it was made with.
    std::optional<std::int64_t>
    reference() const noexcept
    {
        return reference_;
    }

    /// Forgets the last response's values, and takes `reference` for the
    /// next ones.
    void
    restart(std::optional<std::int64_t> reference) noexcept
    {
        reference_ = reference;
        reset();
    }

    /// Forgets the last response's values.
    void
    reset() noexcept
    {
        num_.clear();
        ietf_.reset();
        te_seen_ = te_chunked_ = false;
    }

    /// The response these values make, with its status.
    response
    get(int status) const noexcept
    {
        // RFC 9112 section 6.3: 1xx, 204 and 304 have no body; then
        // Transfer-Encoding; then Content-Length; else until close.
        body_framing body = body_framing::until_close;
        std::uint64_t length = 0;
        if(status < 200 || status == 204 || status == 304)
            body = body_framing::none;
        else if(te_seen_)
            body = te_chunked_ ? body_framing::chunked : body_framing::until_close;
        else if(auto const cl = num_.get(number_table::content_length))
        {
            body = body_framing::content_length;
            length = static_cast<std::uint64_t>(*cl);
        }

        // Every member initialized once, in place (no zeroing first).
        auto family = [this](unsigned f) {
            unsigned const i = number_table::family + 3 * f;
            return rate_limit{num_.get(i), num_.get(i + 1), num_.get(i + 2)};
        };
        return response{
            status,
            family(0),
            family(1),
            family(2),
            ietf_.get(num_),
            num_.get(number_table::date),
            num_.get(number_table::retry_delay),
            num_.get(number_table::retry_date),
            body,
            length};
    }

    /// A field whose value is too long to read.
    void
    poison(field_id id) noexcept
    {
        poison(field_entry_of(id));
    }

    /// A field's value, by its rule; an error only for Content-Length.
    error
    apply(field_id id, string_view v) noexcept
    {
        field_entry const f = field_entry_of(id);
        std::int64_t n = 0;
        switch(f.rule)
        {
        case field_rule::ignored:
            break;
        case field_rule::number:
            // X-<Family>-Rate-Limit-*, RateLimit-Remaining/-Reset = 1*DIGIT
            if(parse_decimal_list(v, n))
                num_.put(f.slot, n);
            else
                poison(f);
            break;
        case field_rule::date:
            if(auto t = parse_http_date(v, reference_))
                num_.put(f.slot, *t);
            else
                poison(f);
            break;
        case field_rule::retry_after:
            apply_retry_after(v);
            break;
        case field_rule::content_length:
            // Content-Length = 1*DIGIT; "42, 42" may be taken as 42
            // (RFC 9112 section 6.3): anything else is an error, because the
            // body's length is then unknown.
            if(!parse_decimal_list(v, n))
                return error::response_content_length;
            num_.put(f.slot, n);
            if(num_.state(f.slot) == slot_state::poisoned)
                return error::response_content_length;
            break;
        case field_rule::transfer_encoding:
        {
            // the final coding decides (RFC 9112 section 6.3)
            te_seen_ = true;
            std::size_t const comma = v.rfind(',');
            string_view const last = trim_ows(comma == string_view::npos ? v : slice(v, comma + 1));
            te_chunked_ = last.size() == 7 && name_equals(last.data(), "chunked", 7);
            break;
        }
        case field_rule::ietf_ratelimit: ietf_.apply_ratelimit(v); break;
        case field_rule::ietf_policy: ietf_.apply_policy(v); break;
        case field_rule::ietf_limit: ietf_fields::apply_limit(v, num_); break;
        }
        return error::success;
    }


private:
    // A field whose value cannot be read: its slots say so.
    void
    poison(field_entry const& f) noexcept
    {
        switch(f.rule)
        {
        case field_rule::retry_after:
            num_.poison(number_table::retry_date);
            num_.poison(number_table::retry_delay);
            break;
        case field_rule::number:
        case field_rule::date:
        case field_rule::content_length:
        case field_rule::ietf_limit:
            num_.poison(f.slot);
            break;
        case field_rule::ietf_ratelimit: ietf_.poison_ratelimit(); break;
        case field_rule::ietf_policy: ietf_.poison_policy(); break;
        case field_rule::ignored:
        case field_rule::transfer_encoding:
            break;
        }
    }

    // Retry-After = HTTP-date / delay-seconds (RFC 9110 section 10.2.3);
    // both forms in one head disagree, and make it unreadable.
    void
    apply_retry_after(string_view v) noexcept
    {
        std::int64_t n = 0;
        field_entry const f = field_entry_of(field_id::retry_after);
        if(parse_decimal(v, n))
        {
            num_.put(number_table::retry_delay, n);
            if(num_.state(number_table::retry_date) != slot_state::absent)
                poison(f);
        }
        else if(auto t = parse_http_date(v, reference_))
        {
            num_.put(number_table::retry_date, *t);
            if(num_.state(number_table::retry_delay) != slot_state::absent)
                poison(f);
        }
        else
            poison(f);
    }

    number_table num_;
    ietf_fields ietf_;
    std::optional<std::int64_t> reference_;
    bool te_seen_ = false;
    bool te_chunked_ = false;
};

} // namespace detail
} // namespace credentials
} // namespace thousandeyes

#endif
