// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The Boost.Beast / Asio adapter: one attempt over any connected
// synchronous stream (a tcp::socket, beast::tcp_stream, ssl_stream): the
// request's own bytes out, the answer's head read by the library's parser
// before any body, an error's body read within the caller's bound.
// Needs Boost.Asio only (Meson: dependency('thousandeyes-credentials-beast')).
#ifndef THOUSANDEYES_CREDENTIALS_ADAPTERS_BEAST_HPP
#define THOUSANDEYES_CREDENTIALS_ADAPTERS_BEAST_HPP

#include <thousandeyes/credentials/adapters/attempt.hpp>
#include <thousandeyes/credentials/adapters/loop.hpp>
#include <thousandeyes/credentials/chunked_decoder.hpp>
#include <thousandeyes/credentials/request.hpp>
#include <thousandeyes/credentials/response_parser.hpp>

#include <boost/asio/buffer.hpp>
#include <boost/asio/write.hpp>

#include <array>
#include <cstdint>

namespace thousandeyes {
namespace credentials {
namespace adapters {

namespace detail {

// Reads an error's body after its head into `body`, up to the body's end or
// the buffer's capacity, whichever comes first. `ahead` holds the bytes
// read past the head. A body cut short or badly framed is told in `ec`;
// the head stays the answer.
template<class SyncStream>
void
read_body(SyncStream& stream, response const& head, string_view ahead, body_buffer& body,
          boost::system::error_code& ec)
{
    if(head.body == body_framing::none)
        return;
    chunked_decoder chunks;
    std::uint64_t left = head.content_length; // for body_framing::content_length
    char buf[2048];
    for(;;)
    {
        while(!ahead.empty() && !body.full())
        {
            if(head.body != body_framing::chunked)
            {
                string_view const take = head.body == body_framing::content_length
                                             ? ahead.substr(0, left < ahead.size() ? left : ahead.size())
                                             : ahead;
                (void)body.keep(take);
                left -= take.size();
                ahead = {};
                continue;
            }
            auto const piece = chunks.feed(ahead);
            if(!piece)
                return void(ec = piece.error());
            (void)body.keep(piece->data);
            ahead.remove_prefix(piece->consumed);
            if(chunks.done())
                return;
        }
        bool const ended = (head.body == body_framing::content_length && left == 0) ||
                           (head.body == body_framing::chunked && chunks.done());
        if(ended || body.full() || ec)
            return;
        std::size_t const n = stream.read_some(boost::asio::buffer(buf), ec);
        ahead = string_view(buf, n);
        if(ec && n == 0)
        {
            if(head.body == body_framing::until_close)
                ec = {}; // its end is the connection's
            return;
        }
    }
}

} // namespace detail

/** One attempt of `req` over `stream`, connected (and past its TLS
    handshake) by the caller, who also owns its deadlines.

    The head goes out as the request view's own bytes (what `write_head`
    writes, secrets revealed, from the request without a copy); `writes` is
    1 once any byte of it was written. The answer's head is read by the
    library's `response_parser` (1xx passed over; a 101 ends it: its bytes
    are another protocol). With `body`, an error's body is read after it,
    within the buffer's capacity; any other body is left unread.
*/
template<class SyncStream>
attempt
beast_attempt(SyncStream& stream, request const& req, response_options const& opt,
              body_buffer* body = nullptr)
{
    namespace asio = boost::asio;
    string_view const rest = credentials::detail::head_access::rest(req);
    std::array<asio::const_buffer, 4> const head_out{
        asio::buffer(req.method().data(), req.method().size()), asio::buffer(" ", 1),
        asio::buffer(req.target().data(), req.target().size()),
        asio::buffer(rest.data(), rest.size())};
    attempt a;
    boost::system::error_code ec;
    if(asio::write(stream, head_out, ec) > 0)
        a.writes = 1;
    static_response_parser<> parser(opt);
    char buf[4096];
    string_view ahead; // bytes read past the head
    while(!ec)
    {
        std::size_t const n = stream.read_some(asio::buffer(buf), ec);
        result<std::size_t> const used = parser.feed(string_view(buf, n));
        if(!used)
            break;
        if(parser.done())
        {
            ahead = string_view(buf + *used, n - *used);
            break;
        }
    }
    a.head = parser.get();
    a.error = ec;
    if(body && wants_body(a.head))
        detail::read_body(stream, *a.head, ahead, *body, a.error);
    return a;
}

/// Deletes one credential with `req`: `run_deletion` over `connect`, then
/// `beast_attempt`. `connect(boost::system::error_code&) -> Stream*`
/// opens a connected stream for one attempt (null with `ec` set when it
/// cannot: the request never left).
template<class Connect, class Clock, class Sleep, class Seen = ignore>
step
beast_delete(Connect&& connect, request const& req, deletion& del, Clock&& now, Sleep&& sleep,
             Seen&& seen = {}, body_buffer* body = nullptr)
{
    return run_deletion(
        del,
        [&](response_options const& o) {
            boost::system::error_code ec;
            auto* stream = connect(ec);
            if(!stream)
                return attempt::not_sent(ec);
            return beast_attempt(*stream, req, o, body);
        },
        now, sleep, seen);
}

/// Deletes each id of `ids`: `run_batch` over `connect` and `beast_attempt`.
template<class Ids, class Connect, class Clock, class Sleep, class Finished = ignore>
batch_step
beast_delete_batch(Connect&& connect, request_builder const& builder, Ids const& ids, batch& b,
                   Clock&& now, Sleep&& sleep, Finished&& finished = {},
                   std::optional<account_group_id> const& aid = std::nullopt,
                   retry_policy const& policy = {})
{
    return run_batch(
        b, builder, ids, aid, policy,
        [&](request const& req, response_options const& o) {
            boost::system::error_code ec;
            auto* stream = connect(ec);
            if(!stream)
                return attempt::not_sent(ec);
            return beast_attempt(*stream, req, o);
        },
        now, sleep, finished);
}

} // namespace adapters
} // namespace credentials
} // namespace thousandeyes

#endif
