// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_REQUEST_HPP
#define THOUSANDEYES_CREDENTIALS_REQUEST_HPP

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

/// Which ThousandEyes API a request speaks.
enum class api_version
{
    v6, ///< POST {base}/v6/credentials/{id}/delete[.json|.xml]
    v7  ///< DELETE {base}/v7/credentials/{id}
};

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
    template<class Put>
    static void target(request_builder const& b, credential_id const& id,
                       account_group_id const* aid, Put&& put) noexcept;
};
} // namespace detail

/// How a `request_builder` builds requests.
struct request_options
{
    api_version api = api_version::v6;
    v6_format format = v6_format::json;
    user_agent agent{};
};

/** Builds delete-credential requests for one endpoint and one identity.

    Everything that is the same for every request (endpoint, authorization,
    API version, format, user agent) is validated once, here, and the part of
    the head that does not depend on the ids is written once, here. Building
    a request from validated ids cannot fail and only copies bytes.

    The builder holds the Authorization value; its storage is wiped when the
    builder goes away or is assigned over.
*/
class request_builder
{
    endpoint endpoint_;
    api_version api_;
    v6_format format_;
    detail::prepared_head rest_;

    request_builder(endpoint const& ep, authorization const& auth,
                    request_options const& opts) noexcept
        : endpoint_(ep), api_(opts.api), format_(opts.format)
    {
        auto& t = rest_.text;
        // field-line = field-name ":" OWS field-value OWS  (RFC 9112 section 5)
        // in curl's order for the seed: Host, Authorization, User-Agent,
        // Accept, Content-Type, Content-Length.
        t.append(" HTTP/1.1\r\nHost: ");
        t.append(endpoint_.host());
        t.append("\r\nAuthorization: ");
        rest_.auth_off = static_cast<std::uint16_t>(t.size());
        rest_.auth_size = static_cast<std::uint16_t>(auth.value().size());
        t.append(auth.value());
        t.append("\r\nUser-Agent: ");
        rest_.agent_off = static_cast<std::uint16_t>(t.size());
        rest_.agent_size = static_cast<std::uint16_t>(opts.agent.value().size());
        t.append(opts.agent.value());
        t.append("\r\nAccept: ");
        t.append(detail::accept_value(api_, format_));
        // v6: "The request body must be provided, but should be empty"
        if(api_ == api_version::v6)
            t.append("\r\nContent-Type: application/json\r\nContent-Length: 0");
        t.append("\r\n\r\n");
    }

public:
    /// Refuses Basic and the xml format for v7, and an endpoint whose base
    /// URL named the other API version (`base_url_version`).
    static result<request_builder>
    make(endpoint const& ep, authorization const& auth,
         request_options const& opts = {}) noexcept
    {
        // a base URL ending in /v6 or /v7 serves that version only
        string_view const named = ep.named_version();
        if(!named.empty() && named != (opts.api == api_version::v7 ? "v7" : "v6"))
            return make_error_code(error::base_url_version);
        if(opts.api == api_version::v7)
        {
            // v7 authenticates with OAuth bearer tokens only
            if(auth.scheme() != auth_scheme::bearer)
                return make_error_code(error::v7_requires_bearer);
            if(opts.format == v6_format::xml)
                return make_error_code(error::v7_format_xml);
        }
        return request_builder(ep, auth, opts);
    }

    /// The request for `id`, in account group `aid` (`?aid=`) when given.
    /// Typed ids are valid already: this never fails, and returns a
    /// `result` only so that every `delete_credential` has one shape.
    result<request>
    delete_credential(credential_id const& id,
                      std::optional<account_group_id> const& aid = std::nullopt) const noexcept
    {
        return build(id, aid ? &*aid : nullptr);
    }

    /// Parses `id` (strict decimal) and builds.
    result<request>
    delete_credential(string_view id) const noexcept
    {
        auto i = credential_id::parse(id);
        if(!i)
            return i.error();
        return build(*i, nullptr);
    }

    /// Parses `id` and `aid` (strict decimal) and builds.
    result<request>
    delete_credential(string_view id, string_view aid) const noexcept
    {
        auto i = credential_id::parse(id);
        if(!i)
            return i.error();
        auto a = account_group_id::parse(aid);
        if(!a)
            return a.error();
        return build(*i, &*a);
    }

private:
    friend struct detail::head_access;

    /// The request-target for `id` (and `aid`): prefix, API path, query.
    /// `put` is called with each piece in order; used by the request and by
    /// `write_head`, so both write the same bytes.
    template<class Put>
    void
    put_target(credential_id const& id, account_group_id const* aid, Put&& put) const noexcept
    {
        put(endpoint_.path_prefix());
        if(api_ == api_version::v6)
        {
            // POST /v6/credentials/{credentialId}/delete[.json|.xml]
            put(string_view("/v6/credentials/"));
            put(id.str());
            switch(format_)
            {
            case v6_format::json: put(string_view("/delete.json")); break;
            case v6_format::xml: put(string_view("/delete.xml")); break;
            case v6_format::none: put(string_view("/delete")); break;
            }
        }
        else
        {
            // DELETE /v7/credentials/{id}
            put(string_view("/v7/credentials/"));
            put(id.str());
        }
        if(aid)
        {
            put(string_view("?aid="));
            put(aid->str());
        }
    }

    /// "POST" (v6) or "DELETE" (v7).
    string_view
    method() const noexcept
    {
        return api_ == api_version::v6 ? "POST" : "DELETE";
    }

    /// The head after the request-target, written once (it holds the
    /// Authorization value: a secret).
    string_view
    head_rest() const noexcept
    {
        return rest_.text.view();
    }

    request
    build(credential_id const& id, account_group_id const* aid) const noexcept
    {
        request r;
        r.api_ = api_;
        r.format_ = format_;
        r.rest_ = rest_;
        r.url_.append(endpoint_.origin());
        r.host_off_ = static_cast<std::uint16_t>(endpoint_.origin().size() -
                                                 endpoint_.host().size());
        r.target_off_ = static_cast<std::uint16_t>(endpoint_.origin().size());
        put_target(id, aid, [&](string_view piece) { r.url_.append(piece); });
        return r;
    }
};

namespace detail {
inline string_view
head_access::rest(request_builder const& b) noexcept
{
    return b.head_rest();
}

inline string_view
head_access::method(request_builder const& b) noexcept
{
    return b.method();
}

template<class Put>
void
head_access::target(request_builder const& b, credential_id const& id,
                    account_group_id const* aid, Put&& put) noexcept
{
    b.put_target(id, aid, static_cast<Put&&>(put));
}
} // namespace detail

} // namespace credentials
} // namespace thousandeyes

#endif
