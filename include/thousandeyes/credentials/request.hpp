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

namespace thousandeyes {
namespace credentials {

/// Which ThousandEyes API a request speaks.
enum class api_version
{
    v6, //< POST {base}/v6/credentials/{id}/delete[.json|.xml]
    v7  //< DELETE {base}/v7/credentials/{id}
};

/** The v6 response format.

    v6 picks the format from a path suffix first, then from `Accept`; the
    library sends both, in agreement. With `none` no suffix is sent and
    `Accept: application/json` decides.
*/
enum class v6_format
{
    json, //< suffix ".json", Accept: application/json
    xml,  //< suffix ".xml",  Accept: text/xml
    none  //< no suffix,      Accept: application/json
};

/// One header field of a request, as handed to an HTTP stack.
struct field
{
    string_view name;
    string_view value;
};

/// The ordered header fields of a request (at most six).
class field_list
{
    field items_[6];
    std::size_t size_ = 0;

    friend class request;

    void
    push(string_view name, string_view value) noexcept
    {
        items_[size_++] = {name, value};
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

    // " HTTP/1.1\r\nHost: " host "\r\nAuthorization: " auth "\r\nUser-Agent: " ua
    // "\r\nAccept: " accept "\r\nContent-Type: application/json\r\nContent-Length: 0\r\n\r\n"
    static constexpr std::size_t head_rest_capacity =
        endpoint::capacity + credentials::authorization::capacity +
        credentials::user_agent::capacity + 256;

private:
    char url_[url_capacity];
    char rest_[head_rest_capacity]; // " HTTP/1.1\r\nHost: ..." to the end of the head
    std::uint16_t url_size_ = 0;
    std::uint16_t host_off_ = 0;
    std::uint16_t target_off_ = 0;
    std::uint16_t rest_size_ = 0;
    std::uint16_t auth_off_ = 0;  // in rest_
    std::uint16_t auth_size_ = 0;
    std::uint16_t agent_off_ = 0; // in rest_
    std::uint16_t agent_size_ = 0;
    api_version api_ = api_version::v6;
    v6_format format_ = v6_format::json;

    friend class request_builder;
    friend struct detail::head_access;

    request() noexcept = default;

    void
    append(string_view s) noexcept
    {
        std::memcpy(url_ + url_size_, s.data(), s.size());
        url_size_ = static_cast<std::uint16_t>(url_size_ + s.size());
    }

    // Only the bytes in use are copied; the rest of the storage is never read.
    void
    copy_from(request const& o) noexcept
    {
        std::memcpy(url_, o.url_, o.url_size_);
        std::memcpy(rest_, o.rest_, o.rest_size_);
        url_size_ = o.url_size_;
        host_off_ = o.host_off_;
        target_off_ = o.target_off_;
        rest_size_ = o.rest_size_;
        auth_off_ = o.auth_off_;
        auth_size_ = o.auth_size_;
        agent_off_ = o.agent_off_;
        agent_size_ = o.agent_size_;
        api_ = o.api_;
        format_ = o.format_;
    }

public:
    request(request const& o) noexcept
    {
        copy_from(o);
    }

    request&
    operator=(request const& o) noexcept
    {
        if(this != &o)
        {
            detail::secure_wipe(rest_, rest_size_);
            copy_from(o);
        }
        return *this;
    }

    ~request()
    {
        detail::secure_wipe(rest_, rest_size_);
    }

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
        return {url_ + target_off_, static_cast<std::uint16_t>(url_size_ - target_off_)};
    }

    /// The full URL, for stacks that take one (libcurl).
    string_view
    url() const noexcept
    {
        return {url_, url_size_};
    }

    /// The Host value: host, and the port when not the scheme's default.
    string_view
    host() const noexcept
    {
        return {url_ + host_off_, static_cast<std::uint16_t>(target_off_ - host_off_)};
    }

    /// The Authorization value. A secret: never log it.
    string_view
    authorization() const noexcept
    {
        return {rest_ + auth_off_, auth_size_};
    }

    string_view
    user_agent() const noexcept
    {
        return {rest_ + agent_off_, agent_size_};
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
    string_view body() const noexcept { return {}; }

    /// Header fields in the order they are sent (curl's order for v6).
    field_list
    fields() const noexcept
    {
        field_list f;
        f.push("Host", host());
        f.push("Authorization", authorization());
        f.push("User-Agent", user_agent());
        f.push("Accept", accept());
        if(has_body())
        {
            f.push("Content-Type", "application/json");
            f.push("Content-Length", "0");
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
        return {r.rest_, r.rest_size_};
    }
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
    static constexpr std::size_t head_rest_capacity = request::head_rest_capacity;

    endpoint endpoint_;
    api_version api_;
    v6_format format_;
    char rest_[head_rest_capacity];
    std::uint16_t rest_size_ = 0;
    std::uint16_t auth_off_ = 0;
    std::uint16_t auth_size_ = 0;
    std::uint16_t agent_off_ = 0;
    std::uint16_t agent_size_ = 0;

    request_builder(endpoint const& ep, authorization const& auth,
                    request_options const& opts) noexcept
        : endpoint_(ep), api_(opts.api), format_(opts.format)
    {
        auto put = [this](string_view s) {
            std::memcpy(rest_ + rest_size_, s.data(), s.size());
            rest_size_ = static_cast<std::uint16_t>(rest_size_ + s.size());
        };
        // field-line = field-name ":" OWS field-value OWS  (RFC 9112 section 5)
        // in curl's order for the seed: Host, Authorization, User-Agent,
        // Accept, Content-Type, Content-Length.
        put(" HTTP/1.1\r\nHost: ");
        put(endpoint_.host());
        put("\r\nAuthorization: ");
        auth_off_ = rest_size_;
        auth_size_ = static_cast<std::uint16_t>(auth.value().size());
        put(auth.value());
        put("\r\nUser-Agent: ");
        agent_off_ = rest_size_;
        agent_size_ = static_cast<std::uint16_t>(opts.agent.value().size());
        put(opts.agent.value());
        put("\r\nAccept: ");
        put(detail::accept_value(api_, format_));
        // v6: "The request body must be provided, but should be empty"
        if(api_ == api_version::v6)
            put("\r\nContent-Type: application/json\r\nContent-Length: 0");
        put("\r\n\r\n");
    }

    void
    copy_from(request_builder const& o) noexcept
    {
        endpoint_ = o.endpoint_;
        api_ = o.api_;
        format_ = o.format_;
        std::memcpy(rest_, o.rest_, o.rest_size_);
        rest_size_ = o.rest_size_;
        auth_off_ = o.auth_off_;
        auth_size_ = o.auth_size_;
        agent_off_ = o.agent_off_;
        agent_size_ = o.agent_size_;
    }

public:
    request_builder(request_builder const& o) noexcept
        : api_(o.api_), format_(o.format_)
    {
        copy_from(o);
    }

    request_builder&
    operator=(request_builder const& o) noexcept
    {
        if(this != &o)
        {
            detail::secure_wipe(rest_, rest_size_);
            copy_from(o);
        }
        return *this;
    }

    ~request_builder()
    {
        detail::secure_wipe(rest_, rest_size_);
    }

    /// Refuses Basic and the xml format for v7.
    static result<request_builder>
    make(endpoint const& ep, authorization const& auth,
         request_options const& opts = {}) noexcept
    {
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

    /// The request for `id`, without an account group context.
    request
    delete_credential(credential_id const& id) const noexcept
    {
        return build(id, nullptr);
    }

    /// The request for `id` in account group `aid` (`?aid=`).
    request
    delete_credential(credential_id const& id, account_group_id const& aid) const noexcept
    {
        return build(id, &aid);
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
    request
    build(credential_id const& id, account_group_id const* aid) const noexcept
    {
        request r;
        r.api_ = api_;
        r.format_ = format_;
        std::memcpy(r.rest_, rest_, rest_size_);
        r.rest_size_ = rest_size_;
        r.auth_off_ = auth_off_;
        r.auth_size_ = auth_size_;
        r.agent_off_ = agent_off_;
        r.agent_size_ = agent_size_;
        r.append(endpoint_.base());
        r.host_off_ = static_cast<std::uint16_t>(endpoint_.origin().size() -
                                                 endpoint_.host().size());
        r.target_off_ = static_cast<std::uint16_t>(endpoint_.origin().size());
        if(api_ == api_version::v6)
        {
            // POST /v6/credentials/{credentialId}/delete[.json|.xml]
            r.append("/v6/credentials/");
            r.append(id.str());
            switch(format_)
            {
            case v6_format::json: r.append("/delete.json"); break;
            case v6_format::xml: r.append("/delete.xml"); break;
            case v6_format::none: r.append("/delete"); break;
            }
        }
        else
        {
            // DELETE /v7/credentials/{id}
            r.append("/v7/credentials/");
            r.append(id.str());
        }
        if(aid)
        {
            r.append("?aid=");
            r.append(aid->str());
        }
        return r;
    }
};

} // namespace credentials
} // namespace thousandeyes

#endif
