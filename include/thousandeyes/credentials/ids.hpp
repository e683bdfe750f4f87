// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_IDS_HPP
#define THOUSANDEYES_CREDENTIALS_IDS_HPP

#include <thousandeyes/credentials/string_view.hpp>

#include <thousandeyes/credentials/error.hpp>
#include <thousandeyes/credentials/detail/charsets.hpp>
#include <thousandeyes/credentials/detail/numbers.hpp>

#include <charconv>
#include <cstdint>
#include <limits>
#include <type_traits>

namespace thousandeyes {
namespace credentials {


namespace detail {

// The errors of one id field, so both ids share one parser.
struct id_errors
{
    error empty, not_decimal, leading_zero, out_of_range;
};

inline constexpr id_errors credential_id_errors{
    error::credential_id_empty, error::credential_id_not_decimal,
    error::credential_id_leading_zero, error::credential_id_out_of_range};
inline constexpr id_errors aid_errors{
    error::aid_empty, error::aid_not_decimal, error::aid_leading_zero,
    error::aid_out_of_range};

inline constexpr std::uint64_t max_id =
    static_cast<std::uint64_t>((std::numeric_limits<std::int64_t>::max)());

// Digits of the largest id, 9223372036854775807.
inline constexpr std::size_t max_id_digits = 19;

// id = %x31-39 *DIGIT, with a value from 1 to 2^63-1.
// The ThousandEyes API documents ids as integers (v6) or numeric strings (v7);
// a strict form guarantees that the path segment and the query value need no
// percent-encoding and cannot change the request's shape.
inline result<std::uint64_t>
parse_id(string_view s, id_errors const& e) noexcept
{
    if(s.empty())
        return make_error_code(e.empty);
    for(char c : s)
        // cppcheck-suppress useStlAlgorithm ; a plain loop keeps <algorithm> out of the headers
        if(!is_digit(static_cast<unsigned char>(c)))
            return make_error_code(e.not_decimal);
    if(s[0] == '0')
        return make_error_code(s.size() == 1 ? e.out_of_range : e.leading_zero);
    std::int64_t v = 0;
    if(!parse_decimal(s, v)) // the one decimal reader: above 2^63-1 it refuses
        return make_error_code(e.out_of_range);
    return static_cast<std::uint64_t>(v);
}

template<class Int>
result<std::uint64_t>
check_id(Int v, id_errors const& e) noexcept
{
    static_assert(std::is_integral<Int>::value && !std::is_same<Int, bool>::value,
                  "an id is an integer");
    if(v <= 0)
        return make_error_code(e.out_of_range);
    if(static_cast<std::uint64_t>(v) > max_id)
        return make_error_code(e.out_of_range);
    return static_cast<std::uint64_t>(v);
}

struct credential_id_tag
{
    static constexpr id_errors const& errors = credential_id_errors;
};

struct aid_tag
{
    static constexpr id_errors const& errors = aid_errors;
};

} // namespace detail

/** An id of the API: a decimal from 1 to 2^63-1, validated.

    It can only be made through `parse` or `make`, so holding one proves it is
    valid. It keeps its digits, so requests copy them rather than format them.
    `Tag` keeps the two ids apart as types and gives each its error codes.
*/
template<class Tag>
class basic_id
{
    char digits_[detail::max_id_digits] = {};
    unsigned char size_ = 0;

    explicit basic_id(std::uint64_t v) noexcept
    {
        auto r = std::to_chars(digits_, digits_ + sizeof(digits_), v);
        size_ = static_cast<unsigned char>(r.ptr - digits_);
    }

public:
    /// Parses strict decimal: no sign, space, leading zero or other byte.
    [[nodiscard]] static result<basic_id>
    parse(string_view s) noexcept
    {
        auto v = detail::parse_id(s, Tag::errors);
        if(!v)
            return v.error();
        return basic_id(*v);
    }

    /// Accepts an integer from 1 to 2^63-1.
    template<class Int>
    [[nodiscard]] static result<basic_id>
    make(Int v) noexcept
    {
        auto r = detail::check_id(v, Tag::errors);
        if(!r)
            return r.error();
        return basic_id(*r);
    }

    /// The decimal form, as sent.
    string_view
    str() const noexcept
    {
        return {digits_, size_};
    }

    /// The numeric value.
    std::uint64_t
    value() const noexcept
    {
        std::uint64_t v = 0;
        for(unsigned i = 0; i < size_; ++i)
            v = v * 10 + static_cast<unsigned>(digits_[i] - '0');
        return v;
    }
};

/// A credential id: the `{credentialId}` path segment.
using credential_id = basic_id<detail::credential_id_tag>;

/// An account group id: the `aid` query parameter.
using account_group_id = basic_id<detail::aid_tag>;

} // namespace credentials
} // namespace thousandeyes

#endif
