// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_REQUEST_BUILDER_HPP
#define THOUSANDEYES_CREDENTIALS_REQUEST_BUILDER_HPP

#include <thousandeyes/credentials/authorization.hpp>
#include <thousandeyes/credentials/endpoint.hpp>
#include <thousandeyes/credentials/error.hpp>
#include <thousandeyes/credentials/ids.hpp>
#include <thousandeyes/credentials/request.hpp>
#include <thousandeyes/credentials/user_agent.hpp>

#include <cstdint>
#include <optional>

namespace thousandeyes {
namespace credentials {

namespace detail {

/** The constant pieces of a request line, in storage padded so that a
    writer may copy each with one fixed-size move (the bytes past a piece's
    size are overwritten by the pieces after it):
    request-line = method SP request-target SP HTTP-version
    (RFC 9112 section 3), the target being prefix, path, id, suffix, query.
*/
struct target_pieces
{
    char method_sp[8];    ///< "POST " or "DELETE ", zero-padded
    std::uint8_t method_size;
    char path_text[17];   ///< "/v6/credentials/" or "/v7/credentials/": 16 bytes
    char suffix_text[16]; ///< "/delete.json", "/delete.xml", "/delete" or "", zero-padded
    std::uint8_t suffix_size;

    string_view method() const noexcept { return {method_sp, method_size}; }
    string_view path() const noexcept { return {path_text, 16}; }
    string_view suffix() const noexcept { return {suffix_text, suffix_size}; }
};

// POST /v6/credentials/{credentialId}/delete[.json|.xml]
// DELETE /v7/credentials/{id}
inline constexpr target_pieces all_target_pieces[] = {
    {"POST ", 4, "/v6/credentials/", "/delete.json", 12},
    {"POST ", 4, "/v6/credentials/", "/delete.xml", 11},
    {"POST ", 4, "/v6/credentials/", "/delete", 7},
    {"DELETE ", 6, "/v7/credentials/", "", 0},
};

inline target_pieces const&
target_pieces_for(api_version api, v6_format format) noexcept
{
    if(api == api_version::v7)
        return all_target_pieces[3];
    return all_target_pieces[format == v6_format::json ? 0 : format == v6_format::xml ? 1 : 2];
}

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
    detail::target_pieces const* pieces_ = nullptr; // method, API path, suffix
    detail::prepared_head rest_;

    request_builder(endpoint const& ep, authorization const& auth,
                    request_options const& opts) noexcept
        : endpoint_(ep)
        , api_(opts.api)
        , format_(opts.format)
        , pieces_(&detail::target_pieces_for(opts.api, opts.format))
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
    [[nodiscard]] static result<request_builder>
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
    [[nodiscard]] result<request>
    delete_credential(credential_id const& id,
                      std::optional<account_group_id> const& aid = std::nullopt) const noexcept
    {
        return build(id, aid ? &*aid : nullptr);
    }

    /// Parses `id` (strict decimal) and builds.
    [[nodiscard]] result<request>
    delete_credential(string_view id) const noexcept
    {
        auto i = credential_id::parse(id);
        if(!i)
            return i.error();
        return build(*i, nullptr);
    }

    /// Parses `id` and `aid` (strict decimal) and builds.
    [[nodiscard]] result<request>
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
        put(pieces_->path());
        put(id.str());
        put(pieces_->suffix());
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
        return pieces_->method();
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

inline string_view
head_access::prefix(request_builder const& b) noexcept
{
    return b.endpoint_.path_prefix();
}

inline target_pieces const&
head_access::pieces(request_builder const& b) noexcept
{
    return *b.pieces_;
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
