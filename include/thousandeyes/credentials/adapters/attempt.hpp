// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// What one attempt brought back, as facts a transport can give, and the one
// rule that turns them into a report: the adapters' shared vocabulary.
#ifndef THOUSANDEYES_CREDENTIALS_ADAPTERS_ATTEMPT_HPP
#define THOUSANDEYES_CREDENTIALS_ADAPTERS_ATTEMPT_HPP

#include <thousandeyes/credentials/deletion.hpp>
#include <thousandeyes/credentials/error.hpp>
#include <thousandeyes/credentials/response.hpp>
#include <thousandeyes/credentials/string_view.hpp>

#include <boost/system/error_code.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace thousandeyes {
namespace credentials {
namespace adapters {

/** The facts of one attempt, as the transport saw them.

    `writes` counts the times bytes of the request head were handed to the
    connection to the origin (TLS included) and accepted: 0 when the
    request never left (no connection, a failed handshake, a proxy that
    refused CONNECT), 2 when a stack resent it on its own. A proxy's
    `CONNECT` is not the request. `head` is the answer's final head when one
    was read completely, whatever became of the body after it.
*/
struct attempt
{
    result<response> head{error::response_incomplete}; ///< the answer's final head
    int writes = 0;                  ///< times the request's bytes were written
    boost::system::error_code error; ///< the stack's own error, if any (for messages)

    /// An attempt that never reached the origin: `ec` says why.
    static attempt
    not_sent(boost::system::error_code ec) noexcept
    {
        attempt a;
        a.error = ec;
        return a;
    }

    /// What the deletion is told when no final head was read.
    transport
    sent() const noexcept
    {
        return writes > 0 ? transport::maybe_sent : transport::never_sent;
    }
};

/** Tells `del` what the attempt's facts say: one attempt, or, when the
    stack wrote the request twice, a resend first (the first copy may have
    been carried out). A head read when no request was written is no
    answer of ours, so it is dropped. Precondition: a `send` step.
*/
inline void
report(deletion& del, attempt const& a, std::optional<std::int64_t> now = std::nullopt,
       std::uint32_t random = 0) noexcept
{
    if(a.writes == 0)
        return del.no_response(transport::never_sent, now, random);
    if(a.writes > 1)
        del.resent();
    del.report(a.head, transport::maybe_sent, now, random);
}

/// Where an adapter keeps an answer's body: the caller's bytes, never more
/// than `capacity`. Only an error's body is kept (its message); a transfer
/// stops once the buffer is full.
struct body_buffer
{
    char* data = nullptr;     ///< the caller's storage
    std::size_t capacity = 0; ///< its size
    std::size_t size = 0;     ///< bytes kept so far

    /// Keeps what fits of `s`; false when some of it did not fit.
    bool
    keep(string_view s) noexcept
    {
        std::size_t const n = s.size() < capacity - size ? s.size() : capacity - size;
        if(n > 0)
            std::memcpy(data + size, s.data(), n);
        size += n;
        return n == s.size();
    }

    /// True when no more bytes fit.
    bool full() const noexcept { return size == capacity; }
};

/// True when an answer's body is worth reading: it may hold the error's
/// message. Every other body (a 204 has none; a 101 is another protocol) is
/// left unread, so an endless or stalled one costs nothing.
inline bool
wants_body(result<response> const& head) noexcept
{
    return head && head->status >= 400;
}

} // namespace adapters
} // namespace credentials
} // namespace thousandeyes

#endif
