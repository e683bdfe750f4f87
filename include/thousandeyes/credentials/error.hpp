// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_ERROR_HPP
#define THOUSANDEYES_CREDENTIALS_ERROR_HPP

#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>

#include <string>
#include <type_traits>

namespace thousandeyes {
namespace credentials {

/// A `result` is a value or an `error_code`, Boost style: no exception is
/// thrown unless the caller asks for `value()` on an error.
template<class T>
using result = boost::system::result<T>;

/** Every way the library can refuse an input.

    Each code names one field and one rule, so the message alone tells the
    user what to fix. Messages never contain the input itself: an input may be
    a secret. A build that defines `THOUSANDEYES_CREDENTIALS_NO_ERROR_MESSAGES`
    (in every translation unit) keeps the codes and conditions and drops the
    texts, some 4 KB of a firmware image: every message is then one generic
    line (`message(buffer, size)`; the `std::string` form is empty, so no
    heap is linked), and the code says which rule.
*/
enum class error
{
    /// Not an error: what the readers hold while nothing went wrong.
    success = 0,

    // credential id (path segment)
    credential_id_empty,
    credential_id_not_decimal,
    credential_id_leading_zero,
    credential_id_out_of_range,

    // aid (account group id, query parameter)
    aid_empty,
    aid_not_decimal,
    aid_leading_zero,
    aid_out_of_range,

    // base URL
    base_url_malformed,
    base_url_scheme,
    base_url_host_missing,
    base_url_host_invalid,
    base_url_port,
    base_url_userinfo,
    base_url_query,
    base_url_fragment,
    base_url_path,
    base_url_version,
    base_url_too_long,

    // authentication
    basic_user_empty,
    basic_user_colon,
    basic_user_control,
    token_empty,
    token_control,
    bearer_token_charset,
    authorization_too_long,
    v7_requires_bearer,

    // other request options
    user_agent_invalid,
    user_agent_too_long,
    v7_format_xml,
    builder_capacity,

    // output
    buffer_too_small,

    // response head (the server's answer)
    response_status_line,
    response_status_code,
    response_field_line,
    response_control_character,
    response_content_length,
    response_line_too_long,
    response_head_too_large,
    response_incomplete,

    // chunked response body (the server's answer)
    body_chunk_size,
    body_chunk_extension,
    body_chunk_line_end,
    body_trailer,
    body_line_too_long,
    body_incomplete,

    // protocol (the caller's order of events)
    deletion_out_of_order
};

/// Broad classes of `error`, for callers that only need to branch.
enum class condition
{
    invalid_input = 1, ///< a field broke a rule: fix the input
    buffer_too_small,  ///< the output storage is too small: retry with more
    malformed_response ///< the response head breaks HTTP/1.1: do not trust it
};

namespace detail {

inline char const*
message_of(int ev) noexcept
{
#ifdef THOUSANDEYES_CREDENTIALS_NO_ERROR_MESSAGES
    // Smallest builds: the code (ev) is the message; the texts below are
    // some 6 KB of a firmware image.
    (void)ev;
    return "thousandeyes.credentials error (messages left out of this build)";
#else
    switch(static_cast<error>(ev))
    {
    case error::success:
        return "success";
    case error::credential_id_empty:
        return "credential id: must not be empty (decimal 1 to 9223372036854775807)";
    case error::credential_id_not_decimal:
        return "credential id: must be ASCII digits only (no sign, space, '/', '%', '.' or other character)";
    case error::credential_id_leading_zero:
        return "credential id: must not have a leading zero";
    case error::credential_id_out_of_range:
        return "credential id: must be between 1 and 9223372036854775807";
    case error::aid_empty:
        return "aid: must not be empty (decimal 1 to 9223372036854775807)";
    case error::aid_not_decimal:
        return "aid: must be ASCII digits only (no sign, space, '/', '%', '.' or other character)";
    case error::aid_leading_zero:
        return "aid: must not have a leading zero";
    case error::aid_out_of_range:
        return "aid: must be between 1 and 9223372036854775807";
    case error::base_url_malformed:
        return "base URL: must be an absolute URI (RFC 3986), e.g. https://api.thousandeyes.com";
    case error::base_url_scheme:
        return "base URL: scheme must be https (http only with allow-insecure-http)";
    case error::base_url_host_missing:
        return "base URL: must have a host";
    case error::base_url_host_invalid:
        return "base URL: host must be a DNS name (dot-separated labels of 1-63 letters, digits, '-' or '_'; no empty or trailing label, no numeric last label, no xn-- label), a dotted-decimal IPv4 address or a bracketed IPv6 address";
    case error::base_url_port:
        return "base URL: port must be digits for a number from 1 to 65535, followed by '/' or the end";
    case error::base_url_userinfo:
        return "base URL: must not contain userinfo (user:password@); use the authentication options";
    case error::base_url_query:
        return "base URL: must not contain a query ('?')";
    case error::base_url_fragment:
        return "base URL: must not contain a fragment ('#')";
    case error::base_url_path:
        return "base URL: path prefix must be empty or start with '/', with no empty, '.' or '..' segment and no percent-encoded '.', '/', '\\', '?', '#' or control byte";
    case error::base_url_version:
        return "base URL: ends in an API version (/v6, /v7) other than the request's, or in two";
    case error::base_url_too_long:
        return "base URL: longer than the 512 bytes an endpoint holds";
    case error::basic_user_empty:
        return "basic user: must not be empty";
    case error::basic_user_colon:
        return "basic user: must not contain ':' (RFC 7617)";
    case error::basic_user_control:
        return "basic user: must not contain control characters (RFC 7617)";
    case error::token_empty:
        return "token: must not be empty";
    case error::token_control:
        return "basic token: must not contain control characters (RFC 7617)";
    case error::bearer_token_charset:
        return "bearer token: must be a b64token: letters, digits, '-', '.', '_', '~', '+', '/', then '=' padding only (RFC 6750)";
    case error::authorization_too_long:
        return "authorization: the header value would exceed its capacity (1024 bytes for authorization)";
    case error::v7_requires_bearer:
        return "authorization: API v7 accepts only a Bearer token, not Basic";
    case error::user_agent_invalid:
        return "user agent: must be a non-empty field-value: visible characters, inner spaces or tabs, no control characters (RFC 9110 section 5.5)";
    case error::user_agent_too_long:
        return "user agent: longer than 256 bytes";
    case error::v7_format_xml:
        return "format: API v7 answers JSON only; xml is a v6 format";
    case error::builder_capacity:
        return "request builder: the endpoint, authorization and user agent need more bytes than its capacity (builder_capacity)";
    case error::buffer_too_small:
        return "output: buffer too small (the result's size says how many bytes are needed)";
    case error::response_status_line:
        return "response status line: must be HTTP/<version>, a space, three digits, then an optional space and reason (RFC 9112 section 4)";
    case error::response_status_code:
        return "response status: must be three digits from 100 to 999 (RFC 9110 section 15)";
    case error::response_field_line:
        return "response field line: must be a token name, ':' and a value, with no whitespace before ':' (RFC 9112 section 5)";
    case error::response_control_character:
        return "response head: must not contain NUL, a lone CR or other control characters (RFC 9112 section 2.2, RFC 9110 section 5.5)";
    case error::response_content_length:
        return "response Content-Length: must be decimal digits, the same value if repeated (RFC 9112 section 6.3)";
    case error::response_line_too_long:
        return "response head: a line is longer than the parser's line buffer";
    case error::response_head_too_large:
        return "response head: longer than the configured head-size limit";
    case error::response_incomplete:
        return "response head: input ended before the empty line that ends a final response";
    case error::body_chunk_size:
        return "chunked body: a chunk-size must be hex digits whose value fits in 64 bits (RFC 9112 section 7.1)";
    case error::body_chunk_extension:
        return "chunked body: a chunk extension must be ';' token [ '=' token / quoted-string ] (RFC 9112 section 7.1.1)";
    case error::body_chunk_line_end:
        return "chunked body: chunk data must end in CRLF, and a CR be followed by LF (RFC 9112 section 7.1)";
    case error::body_trailer:
        return "chunked body: a trailer line must be a token name, ':' and a value without control characters (RFC 9112 section 7.1.2)";
    case error::body_line_too_long:
        return "chunked body: a chunk-size line or the trailer section is longer than the decoder's limit";
    case error::body_incomplete:
        return "chunked body: input ended before the last chunk and the empty line after its trailers";
    case error::deletion_out_of_order:
        return "deletion: event out of order (a batch records a deletion once, when it has finished)";
    }
    return "unknown thousandeyes.credentials error";
#endif
}

inline char const*
condition_message_of(int ev) noexcept
{
    switch(static_cast<condition>(ev))
    {
    case condition::invalid_input: return "invalid input";
    case condition::buffer_too_small: return "buffer too small";
    case condition::malformed_response: return "malformed response";
    }
    return "unknown condition";
}

// A category whose messages are static strings (the library's two). A fixed
// id makes categories compare equal across shared libraries, and needs no
// RTTI.
// NOLINTNEXTLINE(cppcoreguidelines-virtual-class-destructor): like Boost.System's, never deleted through a base
class static_category : public boost::system::error_category
{
    char const* name_;
    char const* (*message_)(int) noexcept;

public:
    constexpr static_category(unsigned long long id, char const* category_name,
                              char const* (*messages)(int) noexcept) noexcept
        : boost::system::error_category(id)
        , name_(category_name)
        , message_(messages)
    {
    }

    char const*
    name() const noexcept override
    {
        return name_;
    }

    std::string
    message(int ev) const override
    {
#ifdef THOUSANDEYES_CREDENTIALS_NO_ERROR_MESSAGES
        // The smallest builds have no heap to build a std::string in (and
        // keep malloc out of the image): empty; the buffer form below
        // gives the generic line.
        (void)ev;
        return {};
#else
        return message_(ev);
#endif
    }

    char const*
    message(int ev, char* /*buffer*/, std::size_t /*size*/) const noexcept override
    {
        return message_(ev);
    }
};

// NOLINTNEXTLINE(cppcoreguidelines-virtual-class-destructor): a static object, never deleted
class error_category_impl : public static_category
{
public:
    constexpr error_category_impl() noexcept
        : static_category(0x8f3c1d2e5a6b7c90ULL, "thousandeyes.credentials", &message_of)
    {
    }

    boost::system::error_condition
    default_error_condition(int ev) const noexcept override;
};

} // namespace detail

/// The category of `error`.
inline boost::system::error_category const&
error_category() noexcept
{
    static constexpr detail::error_category_impl cat{};
    return cat;
}

/// The category of `condition`.
inline boost::system::error_category const&
condition_category() noexcept
{
    static constexpr detail::static_category cat{
        0x8f3c1d2e5a6b7c91ULL, "thousandeyes.credentials.condition", &detail::condition_message_of};
    return cat;
}

inline boost::system::error_code
make_error_code(error e) noexcept
{
    return {static_cast<int>(e), error_category()};
}

inline boost::system::error_condition
make_error_condition(condition c) noexcept
{
    return {static_cast<int>(c), condition_category()};
}

/// The broad class of each `error`, written out for every code.
inline constexpr condition
condition_of(error e) noexcept
{
    switch(e)
    {
    case error::buffer_too_small:
        return condition::buffer_too_small;
    case error::response_status_line:
    case error::response_status_code:
    case error::response_field_line:
    case error::response_control_character:
    case error::response_content_length:
    case error::response_line_too_long:
    case error::response_head_too_large:
    case error::response_incomplete:
    case error::body_chunk_size:
    case error::body_chunk_extension:
    case error::body_chunk_line_end:
    case error::body_trailer:
    case error::body_line_too_long:
    case error::body_incomplete:
        return condition::malformed_response;
    case error::success:
    case error::credential_id_empty:
    case error::credential_id_not_decimal:
    case error::credential_id_leading_zero:
    case error::credential_id_out_of_range:
    case error::aid_empty:
    case error::aid_not_decimal:
    case error::aid_leading_zero:
    case error::aid_out_of_range:
    case error::base_url_malformed:
    case error::base_url_scheme:
    case error::base_url_host_missing:
    case error::base_url_host_invalid:
    case error::base_url_port:
    case error::base_url_userinfo:
    case error::base_url_query:
    case error::base_url_fragment:
    case error::base_url_path:
    case error::base_url_version:
    case error::base_url_too_long:
    case error::basic_user_empty:
    case error::basic_user_colon:
    case error::basic_user_control:
    case error::token_empty:
    case error::token_control:
    case error::bearer_token_charset:
    case error::authorization_too_long:
    case error::v7_requires_bearer:
    case error::user_agent_invalid:
    case error::user_agent_too_long:
    case error::v7_format_xml:
    case error::builder_capacity:
    case error::deletion_out_of_order:
        return condition::invalid_input;
    }
    return condition::invalid_input;
}

inline boost::system::error_condition
detail::error_category_impl::default_error_condition(int ev) const noexcept
{
    if(ev == 0)
        return {};
    return make_error_condition(condition_of(static_cast<error>(ev)));
}

} // namespace credentials
} // namespace thousandeyes

namespace boost {
namespace system {
template<>
struct is_error_code_enum<::thousandeyes::credentials::error> : std::true_type
{
};
template<>
struct is_error_condition_enum<::thousandeyes::credentials::condition> : std::true_type
{
};
} // namespace system
} // namespace boost

#endif
