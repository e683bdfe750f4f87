// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The cpp-httplib adapter (0.11, Debian's libcpp-httplib-dev): one attempt
// on the caller's client, the answer's head read by the library before any
// body, and httplib's errors mapped to the facts by a table.
// Needs cpp-httplib only (Meson: dependency('thousandeyes-credentials-httplib')).
#ifndef THOUSANDEYES_CREDENTIALS_ADAPTERS_HTTPLIB_HPP
#define THOUSANDEYES_CREDENTIALS_ADAPTERS_HTTPLIB_HPP

#include <thousandeyes/credentials/adapters/attempt.hpp>
#include <thousandeyes/credentials/adapters/loop.hpp>
#include <thousandeyes/credentials/field_reader.hpp>
#include <thousandeyes/credentials/request.hpp>
#include <thousandeyes/credentials/wipe.hpp>

#include <httplib.h>

#include <string>

namespace thousandeyes {
namespace credentials {
namespace adapters {

namespace detail {

// NOLINTNEXTLINE(cppcoreguidelines-virtual-class-destructor): a static object, never deleted
class httplib_category_impl : public boost::system::error_category
{
public:
    constexpr httplib_category_impl() noexcept
        : boost::system::error_category(0x8f3c1d2e5a6b7ca1ULL)
    {
    }
    char const* name() const noexcept override { return "cpp-httplib"; }
    std::string
    message(int ev) const override
    {
        return httplib::to_string(static_cast<httplib::Error>(ev));
    }
};

} // namespace detail

/// The category of `httplib::Error` (messages: `httplib::to_string`).
inline boost::system::error_category const&
httplib_category() noexcept
{
    static constexpr detail::httplib_category_impl cat{};
    return cat;
}

/** Whether the request may have left, when httplib failed without a head.
    httplib does not say whether bytes were written, so its error decides:

    | httplib::Error                                       | the request |
    |------------------------------------------------------|-------------|
    | Connection, BindIPAddress, ConnectionTimeout          | never sent: no connection |
    | SSLConnection, SSLLoadingCerts, SSLServerVerification | never sent: written only after the handshake |
    | Write                                                | maybe sent: part of it may have left |
    | Read, Canceled, Compression, Unknown, any other      | maybe sent: written, no head read |

    Two facts of httplib 0.11 the caller must know: over TLS, OpenSSL writes
    with write(2), so a connection reset by the server raises SIGPIPE
    (ignore it: `signal(SIGPIPE, SIG_IGN)`); and a proxy that refuses
    CONNECT deadlocks `send` (yhirose/cpp-httplib#1590, fixed in 0.13.2 by
    #1630, which also adds `Error::ProxyConnection`; this table does not
    name it, so a newer httplib's refused CONNECT counts as maybe sent: safe,
    not exact).
*/
inline bool
httplib_never_sent(httplib::Error e) noexcept
{
    switch(e)
    {
    case httplib::Error::Connection:
    case httplib::Error::BindIPAddress:
    case httplib::Error::ConnectionTimeout:
    case httplib::Error::SSLConnection:
    case httplib::Error::SSLLoadingCerts:
    case httplib::Error::SSLServerVerification:
        return true;
    default:
        return false;
    }
}

/** One attempt of `req` on the caller's client (its host, port, TLS, CA,
    proxy and timeouts are the caller's; redirects are not followed).

    httplib writes the derived fields itself (Host, Content-Length), so
    they are left to it; the others are the request view's. The head goes
    to a `field_reader` as httplib hands it over (before any body); with
    `body`, an error's body is read within the buffer's capacity, and any
    other transfer stops there (httplib reports Canceled: the head stays
    the answer; a 204's head, which httplib hands to no handler, is read
    from the response). The facts come from the table of `httplib_never_sent`.
*/
template<class Client>
attempt
httplib_attempt(Client& client, request const& req, response_options const& opt,
                body_buffer* body = nullptr)
{
    httplib::Request out;
    out.method = std::string(req.method().data(), req.method().size());
    out.path = std::string(req.target().data(), req.target().size());
    for(field const& f : req.fields())
        if(!f.derived)
            out.headers.emplace(std::string(f.name.data(), f.name.size()),
                                std::string(f.value.data(), f.value.size()));
    attempt a;
    bool read = false;
    auto read_head = [&](httplib::Response const& r) {
        field_reader reader(r.status, opt);
        for(auto const& h : r.headers)
            (void)reader.field(h.first, h.second); // the first error sticks
        a.head = reader.get();
        read = true;
    };
    out.response_handler = [&](httplib::Response const& r) {
        read_head(r);
        return body != nullptr && wants_body(a.head);
    };
    if(body)
        out.content_receiver = [body](char const* p, std::size_t n, std::uint64_t, std::uint64_t) {
            return body->keep(string_view(p, n)) && !body->full();
        };
    client.set_follow_location(false);
    httplib::Response in;
    httplib::Error e = httplib::Error::Success;
    client.send(out, in, e);
    // httplib calls the handler only before a body: a 204's head is read here.
    if(!read && in.status > 0)
        read_head(in);
    for(auto& h : out.headers) // the Authorization value's copies
        secure_wipe(h.second.data(), h.second.size());
    bool const answered = a.head || a.head.error() != error::response_incomplete;
    if(e != httplib::Error::Success)
        a.error = {static_cast<int>(e), httplib_category()};
    a.writes = answered || !httplib_never_sent(e) ? 1 : 0;
    return a;
}

/// Deletes one credential with `req` on `client`: `run_deletion` over
/// `httplib_attempt`. `now() -> epoch seconds`, `sleep(ms)`.
template<class Client, class Clock, class Sleep, class Seen = ignore>
step
httplib_delete(Client& client, request const& req, deletion& del, Clock&& now, Sleep&& sleep,
               Seen&& seen = {}, body_buffer* body = nullptr)
{
    return run_deletion(
        del, [&](response_options const& o) { return httplib_attempt(client, req, o, body); },
        now, sleep, seen);
}

/// Deletes each id of `ids` on `client`: `run_batch` over `httplib_attempt`.
template<class Client, class Ids, class Clock, class Sleep, class Finished = ignore>
batch_step
httplib_delete_batch(Client& client, request_builder const& builder, Ids const& ids, batch& b,
                     Clock&& now, Sleep&& sleep, Finished&& finished = {},
                     std::optional<account_group_id> const& aid = std::nullopt,
                     retry_policy const& policy = {})
{
    return run_batch(
        b, builder, ids, aid, policy,
        [&](request const& req, response_options const& o) {
            return httplib_attempt(client, req, o);
        },
        now, sleep, finished);
}

} // namespace adapters
} // namespace credentials
} // namespace thousandeyes

#endif
