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
    api_version api = api_version::v6;  ///< v6 (the seed page's) or v7
    v6_format format = v6_format::json; ///< v6's response format; v7 takes json only
    user_agent agent{};                 ///< the User-Agent sent
};

/** Builds delete-credential requests for one endpoint and one identity.

    Everything that is the same for every request (endpoint, authorization,
    API version, format, user agent) is validated once, here, and the part of
    the head that does not depend on the ids is written once, here. Building
    a request from validated ids cannot fail and only copies bytes.

    `N` is the bytes it holds: the origin, the path prefix and the head after
    the request-target (`builder_capacity`). `request_builder` holds any
    endpoint, authorization and user agent the types accept (2.5 KB); a
    firmware build gives the size it needs, e.g.
    `basic_request_builder<builder_capacity(82)>` for the API's endpoint, this
    library's user agent and an 82-byte Basic value. A capacity too small for
    the API's endpoint and this library's user agent does not compile; one too
    small for the values given at run time is refused by `make`
    (`error::builder_capacity`).

    The builder holds the Authorization value; its storage is wiped when the
    builder goes away or is assigned over.
*/
template<std::size_t N>
class basic_request_builder
{
    static_assert(N >= builder_capacity(authorization::bearer_size(1)),
                  "basic_request_builder<N>: N is too small for the API's endpoint and this "
                  "library's user agent (see builder_capacity)");
    static_assert(N <= 65535, "sizes are 16-bit");

    // origin, path prefix, then the head after the request-target
    detail::secret_text<N> text_;
    std::uint16_t host_off_ = 0;
    std::uint16_t prefix_off_ = 0; // = the origin's size
    std::uint16_t rest_off_ = 0;
    std::uint16_t auth_off_ = 0;
    std::uint16_t auth_size_ = 0;
    std::uint16_t agent_off_ = 0;
    std::uint16_t agent_size_ = 0;
    api_version api_;
    v6_format format_;
    detail::target_pieces const* pieces_ = nullptr; // method, API path, suffix

    template<std::size_t M>
    basic_request_builder(endpoint const& ep, basic_authorization<M> const& auth,
                          request_options const& opts) noexcept
        : auth_size_(static_cast<std::uint16_t>(auth.value().size()))
        , agent_size_(static_cast<std::uint16_t>(opts.agent.value().size()))
        , api_(opts.api)
        , format_(opts.format)
        , pieces_(&detail::target_pieces_for(opts.api, opts.format))
    {
        auto& t = text_;
        t.append(ep.origin());
        host_off_ = static_cast<std::uint16_t>(ep.origin().size() - ep.host().size());
        prefix_off_ = static_cast<std::uint16_t>(t.size());
        t.append(ep.path_prefix());
        rest_off_ = static_cast<std::uint16_t>(t.size());
        // field-line = field-name ":" OWS field-value OWS  (RFC 9112 section 5)
        // in curl's order for the seed: Host, Authorization, User-Agent,
        // Accept, Content-Type, Content-Length.
        t.append(detail::head_host);
        t.append(ep.host());
        t.append(detail::head_authorization);
        auth_off_ = static_cast<std::uint16_t>(t.size());
        t.append(auth.value());
        t.append(detail::head_user_agent);
        agent_off_ = static_cast<std::uint16_t>(t.size());
        t.append(opts.agent.value());
        t.append(detail::head_accept);
        t.append(detail::accept_value(api_, format_));
        // v6: "The request body must be provided, but should be empty"
        if(api_ == api_version::v6)
            t.append(detail::head_v6_body);
        t.append(detail::head_end);
    }

public:
    /// Bytes the builder holds (see `builder_capacity`).
    static constexpr std::size_t capacity = N;

    /// Bytes any head this builder writes can take: a buffer this size
    /// never gets `buffer_too_small` from `write_head`.
    static constexpr std::size_t head_buffer_size = 7 + N + detail::max_target_bytes;

    /// Refuses Basic and the xml format for v7, an endpoint whose base URL
    /// named the other API version (`base_url_version`), and values that do
    /// not fit in `N` bytes (`builder_capacity`).
    template<std::size_t M>
    [[nodiscard]] static result<basic_request_builder>
    make(endpoint const& ep, basic_authorization<M> const& auth,
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
        if(builder_capacity(auth.value().size(), opts.agent.value().size(), ep.origin().size(),
                            ep.host().size(), ep.path_prefix().size()) > N)
            return make_error_code(error::builder_capacity);
        return basic_request_builder(ep, auth, opts);
    }

    /// The request for `id`, in account group `aid` (`?aid=`) when given.
    /// Typed ids are valid already: this never fails, and returns a
    /// `result` only so that every `delete_credential` has one shape.
    [[nodiscard]] result<basic_request<N>>
    delete_credential(credential_id const& id,
                      std::optional<account_group_id> const& aid = std::nullopt) const noexcept
    {
        return build(id, aid ? &*aid : nullptr);
    }

    /// Parses `id` (strict decimal) and builds.
    [[nodiscard]] result<basic_request<N>>
    delete_credential(string_view id) const noexcept
    {
        auto i = credential_id::parse(id);
        if(!i)
            return i.error();
        return build(*i, nullptr);
    }

    /// Parses `id` and `aid` (strict decimal) and builds.
    [[nodiscard]] result<basic_request<N>>
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

    string_view
    origin() const noexcept
    {
        return text_.view(0, prefix_off_);
    }

    string_view
    prefix() const noexcept
    {
        return text_.view(prefix_off_, static_cast<std::uint16_t>(rest_off_ - prefix_off_));
    }

    /// The head after the request-target, written once (it holds the
    /// Authorization value: a secret).
    string_view
    head_rest() const noexcept
    {
        return text_.view(rest_off_, text_.size() - rest_off_);
    }

    basic_request<N>
    build(credential_id const& id, account_group_id const* aid) const noexcept
    {
        basic_request<N> r;
        r.api_ = api_;
        r.format_ = format_;
        auto& t = r.text_;
        // the URL: origin, prefix, then the request-target's pieces
        t.append(text_.view(0, rest_off_));
        r.host_off_ = host_off_;
        r.target_off_ = prefix_off_;
        t.append(pieces_->path());
        t.append(id.str());
        t.append(pieces_->suffix());
        if(aid)
        {
            t.append("?aid=");
            t.append(aid->str());
        }
        // then the head after the target, its offsets moved by the target's size
        auto const shift = static_cast<std::uint16_t>(t.size() - rest_off_);
        r.rest_off_ = static_cast<std::uint16_t>(t.size());
        t.append(head_rest());
        r.auth_off_ = static_cast<std::uint16_t>(auth_off_ + shift);
        r.auth_size_ = auth_size_;
        r.agent_off_ = static_cast<std::uint16_t>(agent_off_ + shift);
        r.agent_size_ = agent_size_;
        return r;
    }
};

/// A builder with room for any endpoint, authorization and user agent.
using request_builder = basic_request_builder<>;

namespace detail {
template<std::size_t N>
string_view
head_access::rest(basic_request_builder<N> const& b) noexcept
{
    return b.head_rest();
}

template<std::size_t N>
string_view
head_access::prefix(basic_request_builder<N> const& b) noexcept
{
    return b.prefix();
}

template<std::size_t N>
target_pieces const&
head_access::pieces(basic_request_builder<N> const& b) noexcept
{
    return *b.pieces_;
}
} // namespace detail

} // namespace credentials
} // namespace thousandeyes

#endif
