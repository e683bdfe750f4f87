// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_USER_AGENT_HPP
#define THOUSANDEYES_CREDENTIALS_USER_AGENT_HPP

#include <thousandeyes/credentials/string_view.hpp>

#include <thousandeyes/credentials/error.hpp>
#include <thousandeyes/credentials/version.hpp>
#include <thousandeyes/credentials/detail/charsets.hpp>

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
    static constexpr std::size_t capacity = 256;

private:
    char buf_[capacity] = {};
    std::uint16_t size_ = 0;

public:
    constexpr user_agent() noexcept
    {
        for(char c : string_view(default_user_agent))
            buf_[size_++] = c;
    }

    /// Checks `s` is a non-empty field-value (RFC 9110 section 5.5): no
    /// control byte (so no CR, LF or NUL), no leading or trailing whitespace.
    static result<user_agent>
    parse(string_view s) noexcept
    {
        if(!detail::is_nonempty_field_value(s))
            return make_error_code(error::user_agent_invalid);
        if(s.size() > capacity)
            return make_error_code(error::user_agent_too_long);
        user_agent ua;
        std::memcpy(ua.buf_, s.data(), s.size());
        ua.size_ = static_cast<std::uint16_t>(s.size());
        return ua;
    }

    string_view
    value() const noexcept
    {
        return {buf_, size_};
    }
};

} // namespace credentials
} // namespace thousandeyes

#endif
