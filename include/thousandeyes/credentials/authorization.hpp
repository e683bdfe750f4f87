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
    configured, not per request. It lives in fixed storage (no heap), and the
    storage is wiped when the object goes away or is assigned over.
*/
class authorization
{
public:
    /// Bytes the header value may take, "Basic " or "Bearer " included.
    static constexpr std::size_t capacity = 1024;

private:
    detail::secret_text<capacity> text_;
    auth_scheme scheme_ = auth_scheme::bearer;

    authorization() noexcept = default;

public:
    /** Basic authentication: `Basic base64(user ":" token)` (RFC 7617).

        The user (the account's email) must be non-empty, without ':' and
        without control characters; the token non-empty, without control
        characters. API v6 only.
    */
    [[nodiscard]] static result<authorization>
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
        if(prefix.size() + detail::base64_size(user.size() + 1 + token.size()) > capacity)
            return make_error_code(error::authorization_too_long);

        authorization a;
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
    [[nodiscard]] static result<authorization>
    bearer(string_view token) noexcept
    {
        if(token.empty())
            return make_error_code(error::token_empty);
        // credentials = "Bearer" 1*SP b64token; a control byte is outside
        // b64token too  (RFC 6750 section 2.1)
        if(!detail::is_b64token(token))
            return make_error_code(error::bearer_token_charset);
        constexpr string_view prefix = "Bearer ";
        if(prefix.size() + token.size() > capacity)
            return make_error_code(error::authorization_too_long);

        authorization a;
        a.scheme_ = auth_scheme::bearer;
        a.text_.append(prefix);
        a.text_.append(token);
        return a;
    }

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

} // namespace credentials
} // namespace thousandeyes

#endif
