// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_REQUEST_HPP
#define THOUSANDEYES_CREDENTIALS_REQUEST_HPP

#include <thousandeyes/credentials/api_version.hpp>
#include <thousandeyes/credentials/authorization.hpp>
#include <thousandeyes/credentials/endpoint.hpp>
#include <thousandeyes/credentials/error.hpp>
#include <thousandeyes/credentials/ids.hpp>
#include <thousandeyes/credentials/user_agent.hpp>

#include <cstdint>
#include <cstring>
#include <optional>

namespace thousandeyes {
namespace credentials {

/** The v6 response format.

    v6 picks the format from a path suffix first, then from `Accept`; the
    library sends both, in agreement. With `none` no suffix is sent and
    `Accept: application/json` decides.
*/
enum class v6_format
{
    json, ///< suffix ".json", Accept: application/json
    xml,  ///< suffix ".xml",  Accept: text/xml
    none  ///< no suffix,      Accept: application/json
};

/// One header field of a request, as handed to an HTTP stack.
struct field
{
    string_view name;  ///< as sent, e.g. "Authorization"
    string_view value; ///< as sent, with no leading or trailing whitespace
    /// The value is a credential (Authorization): outputs for people show
    /// it redacted (`show`: its scheme, then `redaction_marker`).
    bool secret = false;
    /// Host and Content-Length: a stack that is given the URL and the body
    /// (libcurl) writes these itself, and they are not passed to it.
    bool derived = false;
};

/// The ordered header fields of a request (at most six).
class field_list
{
    field items_[6];
    std::size_t size_ = 0;

    template<std::size_t>
    friend class basic_request;

    void
    push(string_view name, string_view value, bool secret = false, bool derived = false) noexcept
    {
        items_[size_++] = {name, value, secret, derived};
    }

public:
    /// The first field, in the order they are sent.
    field const* begin() const noexcept { return items_; }
    /// One past the last field.
    field const* end() const noexcept { return items_ + size_; }
    /// How many fields there are (six for v6, four for v7).
    std::size_t size() const noexcept { return size_; }
    /// The i-th field sent; `i < size()`.
    field const& operator[](std::size_t i) const noexcept { return items_[i]; }
};

namespace detail {
struct head_access;
struct target_pieces;

// The Accept value for an API version and v6 format: what the request view
// reports and what the builder writes into the head.
inline constexpr string_view
accept_value(api_version api, v6_format format) noexcept
{
    if(api == api_version::v7)
        return "application/json, application/problem+json";
    return format == v6_format::xml ? "text/xml" : "application/json";
}
} // namespace detail

namespace detail {

// The head after the request-target:
// " HTTP/1.1\r\nHost: " host "\r\nAuthorization: " auth "\r\nUser-Agent: " ua
// "\r\nAccept: " accept [ "\r\nContent-Type: application/json\r\nContent-Length: 0" ] "\r\n\r\n"
// The builder writes these pieces; the capacity counts them.
inline constexpr string_view head_host = " HTTP/1.1\r\nHost: ";
inline constexpr string_view head_authorization = "\r\nAuthorization: ";
inline constexpr string_view head_user_agent = "\r\nUser-Agent: ";
inline constexpr string_view head_accept = "\r\nAccept: ";
inline constexpr string_view head_v6_body = "\r\nContent-Type: application/json\r\nContent-Length: 0";
inline constexpr string_view head_end = "\r\n\r\n";

// Those bytes at most, besides the host, authorization and user agent: v6's
// Accept and content lines are longer than v7's Accept.
inline constexpr std::size_t head_constant_bytes =
    head_host.size() + head_authorization.size() + head_user_agent.size() + head_accept.size() +
    accept_value(api_version::v6, v6_format::json).size() + head_v6_body.size() + head_end.size();
static_assert(accept_value(api_version::v7, v6_format::none).size() <=
              accept_value(api_version::v6, v6_format::json).size() + head_v6_body.size());

// The request-target after the path prefix, at its longest:
// "/v6/credentials/" id "/delete.json" "?aid=" aid
inline constexpr std::size_t max_target_bytes = 16 + max_id_digits + 12 + 5 + max_id_digits;

} // namespace detail

/** The bytes a builder holds for an endpoint, an authorization value and a
    user agent of these sizes: the origin (`https://host[:port]`), the path
    prefix and the head after the request-target. The capacity to give
    `basic_request_builder` when the sizes are known at build time; by
    default, the API's own endpoint and this library's user agent.
*/
constexpr std::size_t
builder_capacity(std::size_t authorization_size,
                 std::size_t user_agent_size = sizeof(default_user_agent) - 1,
                 std::size_t origin_size = detail::api_origin.size(),
                 std::size_t host_size = detail::api_host.size(),
                 std::size_t prefix_size = 0) noexcept
{
    return origin_size + prefix_size + detail::head_constant_bytes + host_size +
           authorization_size + user_agent_size;
}

/// The default capacity: any endpoint, authorization and user agent the
/// types accept.
inline constexpr std::size_t default_builder_capacity =
    builder_capacity(authorization::capacity, user_agent::capacity, endpoint::capacity,
                     endpoint::capacity);

template<std::size_t N = default_builder_capacity>
class basic_request_builder;

/** One delete-credential request, complete and valid.

    A request owns every byte of its head in fixed storage (no heap): it
    outlives the builder it came from, a temporary builder included, and is
    copied as a value. It only comes from a builder, so holding one means
    every part of it passed validation. Its storage holds the Authorization
    value and is wiped when the request goes away or is assigned over. `N`
    is its builder's capacity; the request adds room for the longest
    request-target.
*/
template<std::size_t N = default_builder_capacity>
class basic_request
{
public:
    /// Bytes of the URL and the head after the request-target, together.
    static constexpr std::size_t capacity = N + detail::max_target_bytes;

private:
    // url (origin, prefix, target), then the head after the target
    detail::secret_text<capacity> text_;
    std::uint16_t host_off_ = 0;
    std::uint16_t target_off_ = 0;
    std::uint16_t rest_off_ = 0;
    std::uint16_t auth_off_ = 0;
    std::uint16_t auth_size_ = 0;
    std::uint16_t agent_off_ = 0;
    std::uint16_t agent_size_ = 0;
    api_version api_ = api_version::v6;
    v6_format format_ = v6_format::json;

    template<std::size_t>
    friend class basic_request_builder;
    friend struct detail::head_access;

    basic_request() noexcept = default;

public:
    /// The API version the request is for.
    api_version api() const noexcept { return api_; }

    /// "POST" (v6) or "DELETE" (v7).
    string_view
    method() const noexcept
    {
        return api_ == api_version::v6 ? "POST" : "DELETE";
    }

    /// The request-target in origin-form: absolute-path [ "?" query ]
    /// (RFC 9112 section 3.2.1), path prefix included.
    string_view
    target() const noexcept
    {
        return text_.view(target_off_, static_cast<std::uint16_t>(rest_off_ - target_off_));
    }

    /// The full URL, for stacks that take one (libcurl).
    string_view
    url() const noexcept
    {
        return text_.view(0, rest_off_);
    }

    /// The Host value: host, and the port when not the scheme's default.
    string_view
    host() const noexcept
    {
        return text_.view(host_off_, static_cast<std::uint16_t>(target_off_ - host_off_));
    }

    /// The Authorization value. A secret: never log it.
    string_view
    authorization() const noexcept
    {
        return text_.view(auth_off_, auth_size_);
    }

    /// The User-Agent value.
    string_view
    user_agent() const noexcept
    {
        return text_.view(agent_off_, agent_size_);
    }

    /// The Accept value, which agrees with the v6 path suffix.
    string_view
    accept() const noexcept
    {
        return detail::accept_value(api_, format_);
    }

    /// v6: the body "must be provided, but should be empty", so it is sent
    /// with Content-Length: 0. v7 sends no body and no Content-Length.
    bool has_body() const noexcept { return api_ == api_version::v6; }

    /// The body: always empty.
    // NOLINTNEXTLINE(readability-convert-member-functions-to-static): one of the view's accessors
    string_view body() const noexcept { return {}; }

    /// Header fields in the order they are sent (curl's order for v6).
    field_list
    fields() const noexcept
    {
        field_list f;
        f.push("Host", host(), false, true);
        f.push("Authorization", authorization(), true);
        f.push("User-Agent", user_agent());
        f.push("Accept", accept());
        if(has_body())
        {
            f.push("Content-Type", "application/json");
            f.push("Content-Length", "0", false, true);
        }
        return f;
    }
};

/// A request from a `request_builder`: room for any endpoint, authorization
/// and user agent.
using request = basic_request<>;

namespace detail {
// For the serializer: the head after the request-target, prepared once by
// the builder, so that writing a head is three copies.
struct head_access
{
    template<std::size_t N>
    static string_view
    rest(basic_request<N> const& r) noexcept
    {
        return r.text_.view(r.rest_off_, r.text_.size() - r.rest_off_);
    }

    template<std::size_t N>
    static string_view rest(basic_request_builder<N> const& b) noexcept;
    template<std::size_t N>
    static string_view prefix(basic_request_builder<N> const& b) noexcept;
    template<std::size_t N>
    static target_pieces const& pieces(basic_request_builder<N> const& b) noexcept;
};
} // namespace detail

} // namespace credentials
} // namespace thousandeyes

#endif
