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
    string_view name;
    string_view value;
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

    friend class request;

    void
    push(string_view name, string_view value, bool secret = false, bool derived = false) noexcept
    {
        items_[size_++] = {name, value, secret, derived};
    }

public:
    field const* begin() const noexcept { return items_; }
    field const* end() const noexcept { return items_ + size_; }
    std::size_t size() const noexcept { return size_; }
    field const& operator[](std::size_t i) const noexcept { return items_[i]; }
};

class request_builder;

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

// " HTTP/1.1\r\nHost: " host "\r\nAuthorization: " auth "\r\nUser-Agent: " ua
// "\r\nAccept: " accept "\r\nContent-Type: application/json\r\nContent-Length: 0\r\n\r\n"
inline constexpr std::size_t head_rest_capacity =
    endpoint::capacity + authorization::capacity + user_agent::capacity + 256;

// The part of a head after the request-target, written once by the builder
// and copied into each request; it holds the Authorization value.
struct prepared_head
{
    secret_text<head_rest_capacity> text;
    std::uint16_t auth_off = 0;
    std::uint16_t auth_size = 0;
    std::uint16_t agent_off = 0;
    std::uint16_t agent_size = 0;
};

} // namespace detail

/** One delete-credential request, complete and valid.

    A request owns every byte of its head in fixed storage (no heap): it
    outlives the builder it came from, a temporary builder included, and is
    copied as a value. It only comes from a builder, so holding one means
    every part of it passed validation. Its storage holds the Authorization
    value and is wiped when the request goes away or is assigned over.
*/
class request
{
public:
    // "/v6/credentials/" id "/delete.json" "?aid=" aid
    static constexpr std::size_t url_capacity =
        endpoint::capacity + 16 + detail::max_id_digits + 12 + 5 + detail::max_id_digits;

private:
    detail::fixed_text<url_capacity> url_;
    detail::prepared_head rest_;
    std::uint16_t host_off_ = 0;
    std::uint16_t target_off_ = 0;
    api_version api_ = api_version::v6;
    v6_format format_ = v6_format::json;

    friend class request_builder;
    friend struct detail::head_access;

    request() noexcept = default;

public:
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
        return url_.view(target_off_, static_cast<std::uint16_t>(url_.size() - target_off_));
    }

    /// The full URL, for stacks that take one (libcurl).
    string_view
    url() const noexcept
    {
        return url_.view();
    }

    /// The Host value: host, and the port when not the scheme's default.
    string_view
    host() const noexcept
    {
        return url_.view(host_off_, static_cast<std::uint16_t>(target_off_ - host_off_));
    }

    /// The Authorization value. A secret: never log it.
    string_view
    authorization() const noexcept
    {
        return rest_.text.view(rest_.auth_off, rest_.auth_size);
    }

    string_view
    user_agent() const noexcept
    {
        return rest_.text.view(rest_.agent_off, rest_.agent_size);
    }

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

namespace detail {
// For the serializer: the head after the request-target, prepared once by
// the builder, so that writing a head is three copies.
struct head_access
{
    static string_view
    rest(request const& r) noexcept
    {
        return r.rest_.text.view();
    }

    static string_view rest(request_builder const& b) noexcept;
    static string_view method(request_builder const& b) noexcept;
    static string_view prefix(request_builder const& b) noexcept;
    static target_pieces const& pieces(request_builder const& b) noexcept;
    template<class Put>
    static void target(request_builder const& b, credential_id const& id,
                       account_group_id const* aid, Put&& put) noexcept;
};
} // namespace detail

} // namespace credentials
} // namespace thousandeyes

#endif
