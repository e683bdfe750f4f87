// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_AUTHORIZATION_HPP
#define THOUSANDEYES_CREDENTIALS_AUTHORIZATION_HPP

#include <thousandeyes/credentials/string_view.hpp>

#include <thousandeyes/credentials/error.hpp>
#include <thousandeyes/credentials/detail/base64.hpp>
#include <thousandeyes/credentials/detail/charsets.hpp>
#include <thousandeyes/credentials/detail/fixed_text.hpp>
#include <thousandeyes/credentials/wipe.hpp>

#include <cstring>

namespace thousandeyes {
namespace credentials {


/// The authentication scheme of an `authorization`.
enum class auth_scheme
{
    basic, ///< RFC 7617: email and API token (API v6 only)
    bearer ///< RFC 6750: a bearer token (API v6 and v7)
};

/** A validated `Authorization` header value, ready to send.

    The value (for Basic, the base64 of "user:token") is computed once, when
    configured, not per request. It lives in fixed storage of `N` bytes (no
    heap), and the storage is wiped when the object goes away or is assigned
    over. `authorization` holds up to 1024 bytes; a firmware build that
    knows its token's size holds exactly that (`basic_size`, `bearer_size`).
*/
template<std::size_t N>
class basic_authorization
{
public:
    /// Bytes the header value may take, "Basic " or "Bearer " included.
    static constexpr std::size_t capacity = N;

    /// The size of a Basic value for a user and token of these sizes:
    /// "Basic " and the base64 of "user:token".
    static constexpr std::size_t
    basic_size(std::size_t user_size, std::size_t token_size) noexcept
    {
        return 6 + detail::base64_size(user_size + 1 + token_size);
    }

    /// The size of a Bearer value for a token of this size.
    static constexpr std::size_t
    bearer_size(std::size_t token_size) noexcept
    {
        return 7 + token_size;
    }

private:
    static_assert(N >= 8, "an authorization holds at least \"Bearer \" and one byte");

    detail::secret_text<N> text_;
    auth_scheme scheme_ = auth_scheme::bearer;

    basic_authorization() noexcept = default;

public:
    /** Basic authentication: `Basic base64(user ":" token)` (RFC 7617).

        The user (the account's email) must be non-empty, without ':' and
        without control characters; the token non-empty, without control
        characters. API v6 only.
    */
    [[nodiscard]] static result<basic_authorization>
    basic(string_view user, string_view token) noexcept
    {
        // user-pass = userid ":" password; the user-id cannot contain ':' (RFC 7617 section 2)
        if(user.empty())
            return make_error_code(error::basic_user_empty);
        if(user.find(':') != string_view::npos)
            return make_error_code(error::basic_user_colon);
        if(detail::has_control(user))
            return make_error_code(error::basic_user_control);
        if(token.empty())
            return make_error_code(error::token_empty);
        if(detail::has_control(token))
            return make_error_code(error::token_control);
        constexpr string_view prefix = "Basic ";
        if(basic_size(user.size(), token.size()) > capacity)
            return make_error_code(error::authorization_too_long);

        basic_authorization a;
        a.scheme_ = auth_scheme::basic;
        a.text_.append(prefix);
        char* const start = a.text_.end();
        detail::base64_encoder enc(start);
        enc.put(user.data(), user.size());
        enc.put(":", 1);
        enc.put(token.data(), token.size());
        a.text_.grow(static_cast<std::size_t>(enc.finish() - start));
        return a;
    }

    /** Bearer authentication: `Bearer <token>` (RFC 6750).

        The token must be a non-empty b64token. API v6 and v7.
    */
    [[nodiscard]] static result<basic_authorization>
    bearer(string_view token) noexcept
    {
        if(token.empty())
            return make_error_code(error::token_empty);
        // credentials = "Bearer" 1*SP b64token; a control byte is outside
        // b64token too  (RFC 6750 section 2.1)
        if(!detail::is_b64token(token))
            return make_error_code(error::bearer_token_charset);
        constexpr string_view prefix = "Bearer ";
        if(bearer_size(token.size()) > capacity)
            return make_error_code(error::authorization_too_long);

        basic_authorization a;
        a.scheme_ = auth_scheme::bearer;
        a.text_.append(prefix);
        a.text_.append(token);
        return a;
    }

    /// Basic or Bearer.
    auth_scheme
    scheme() const noexcept
    {
        return scheme_;
    }

    /// The full header value. It is a secret: do not log it.
    string_view
    value() const noexcept
    {
        return text_.view();
    }
};

/// An authorization of up to 1024 bytes: room for any token the API issues.
using authorization = basic_authorization<1024>;

} // namespace credentials
} // namespace thousandeyes

#endif
