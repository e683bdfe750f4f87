// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_USER_AGENT_HPP
#define THOUSANDEYES_CREDENTIALS_USER_AGENT_HPP

#include <thousandeyes/credentials/string_view.hpp>

#include <thousandeyes/credentials/error.hpp>
#include <thousandeyes/credentials/version.hpp>
#include <thousandeyes/credentials/detail/charsets.hpp>
#include <thousandeyes/credentials/detail/fixed_text.hpp>

#include <cstdint>
#include <cstring>

namespace thousandeyes {
namespace credentials {


/** A validated `User-Agent` value, held in fixed storage (no heap).

    Default-constructed, it is `thousandeyes-credentials/<version>`.
*/
class user_agent
{
public:
    /// The longest value held; a longer one is refused.
    static constexpr std::size_t capacity = 256;

private:
    detail::fixed_text<capacity> text_;

public:
    constexpr user_agent() noexcept
        : text_(default_user_agent)
    {
    }

    /// The value, as sent.
    string_view
    value() const noexcept
    {
        return text_.view();
    }

    /// Checks `s` is a non-empty field-value (RFC 9110 section 5.5): no
    /// control byte (so no CR, LF or NUL), no leading or trailing whitespace.
    [[nodiscard]] static result<user_agent>
    parse(string_view s) noexcept
    {
        if(!detail::is_nonempty_field_value(s))
            return make_error_code(error::user_agent_invalid);
        if(s.size() > capacity)
            return make_error_code(error::user_agent_too_long);
        user_agent ua;
        ua.text_ = detail::fixed_text<capacity>(s);
        return ua;
    }
};

} // namespace credentials
} // namespace thousandeyes

#endif
