// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_RESPONSE_PARSER_HPP
#define THOUSANDEYES_CREDENTIALS_RESPONSE_PARSER_HPP

#include <thousandeyes/credentials/error.hpp>
#include <thousandeyes/credentials/response.hpp>
#include <thousandeyes/credentials/response_options.hpp>
#include <thousandeyes/credentials/response_reader.hpp>

#include <cstring>

namespace thousandeyes {
namespace credentials {

/** Reads a response from raw bytes fed in chunks of any size, down to one
    byte, as a socket delivers them (sans-I/O: bytes in, a response out).

    `feed` consumes bytes up to the end of the head and no further: what it
    leaves of a chunk is the start of the body, whose length the response
    gives (`body`, `content_length`). Interim `1xx` responses are read and
    passed over.

    A line is kept in the caller's buffer only while it straddles two
    chunks; complete lines are read where they are. The head-size and
    line-length rules (`response_options`) count bytes in stream order, so
    the result, and the error, never depend on the chunking. A `101` ends
    the head: the bytes after it belong to another protocol. See `static_response_parser` for a parser
    that owns its buffer.
*/
class response_parser : public response_reader
{
    char* buf_;
    std::size_t size_;       // of buf_
    std::size_t len_ = 0;    // bytes of a partial line in buf_
    bool cr_ = false;        // the partial line ended with CR

    boost::system::error_code
    fail(error e) noexcept
    {
        ec_ = e;
        return ec_;
    }

    bool
    done_() const noexcept
    {
        return r_.current() == detail::head_reader::state::complete;
    }

    static response_options
    line_limited(response_options opt, std::size_t buffer_size) noexcept
    {
        if(buffer_size < opt.max_line_size)
            opt.max_line_size = buffer_size;
        return opt;
    }

    // The line-length rule: `n` more bytes of content on the current line.
    bool
    fits(std::size_t n) noexcept
    {
        if(len_ + n > r_.max_line())
        {
            fail(error::response_line_too_long);
            return false;
        }
        return true;
    }

    BOOST_FORCEINLINE bool
    process(char const* p, detail::line_marks const& m) noexcept
    {
        error const e = r_.line(p, m);
        if(e == error::success)
            return true;
        ec_ = e;
        return false;
    }

    enum class end { line, more, bad };

    struct line_end_t
    {
        end kind;
        char const* next; // after the terminator, when kind is line
    };

    // The line before control byte q (or e) ends at CRLF or a lone LF; it
    // goes on in the next chunk when q is e or a CR at the chunk's end; any
    // other control byte is an error.
    static BOOST_FORCEINLINE line_end_t
    line_end(char const* q, char const* e) noexcept
    {
        if(q == e)
            return {end::more, e};
        if(*q == '\r')
        {
            if(q + 1 == e)
                return {end::more, e};
            return {q[1] == '\n' ? end::line : end::bad, q + 2};
        }
        return {*q == '\n' ? end::line : end::bad, q + 1};
    }

    // Reads the lines in [p, e), which are all within the head-size limit;
    // returns where reading stopped (e, or after the head's empty line), or
    // nullptr on error. An error is the one met first in byte order, so it
    // does not depend on how the bytes were chunked.
    char const*
    read(char const* p, char const* const e) noexcept
    {
        // First the end of a line that straddled the previous chunk.
        if(cr_ && p != e)
        {
            // CR must be followed by LF (RFC 9112 section 2.2)
            if(*p != '\n')
                return fail(error::response_control_character), nullptr;
            ++p;
            cr_ = false;
            if(!process(buf_, detail::scan_line(buf_, buf_ + len_)))
                return nullptr;
            len_ = 0;
        }
        // Then lines: the first one may finish a line kept from the previous
        // chunk (in the buffer); the others are read where they are.
        while(p != e && !done_())
        {
            detail::line_marks const m = detail::scan_line(p, e);
            char const* const q = m.end;
            std::size_t const n = static_cast<std::size_t>(q - p);
            if(!fits(n))
                return nullptr;
            auto const le = line_end(q, e);
            switch(le.kind)
            {
            case end::more: // kept for the next chunk, and a CR noted
                r_.keep(); // a pending value may lie in buf_ or the chunk
                std::memcpy(buf_ + len_, p, n);
                len_ += n;
                cr_ = q != e;
                return e;
            case end::bad:
                return fail(error::response_control_character), nullptr;
            case end::line:
                if(len_ != 0)
                {
                    std::memcpy(buf_ + len_, p, n);
                    if(!process(buf_, detail::scan_line(buf_, buf_ + len_ + n)))
                        return nullptr;
                }
                else if(!process(p, m))
                    return nullptr;
                len_ = 0;
                p = le.next;
            }
        }
        r_.keep(); // the chunk is the caller's only during this call
        return p;
    }

public:
    /// `buffer` holds one partial line; its size is the longest line read
    /// when smaller than `opt.max_line_size`.
    response_parser(char* buffer, std::size_t size,
                    response_options const& opt = {}) noexcept
        : response_reader(line_limited(opt, size))
        , buf_(buffer)
        , size_(size)
    {
    }

    response_parser(response_parser const&) = delete;
    response_parser& operator=(response_parser const&) = delete;
    ~response_parser() = default;

    /** Reads bytes. Returns how many belong to the head: all of them until
        the head ends, then the count up to and including its empty line
        (the rest is body), then 0. The first error sticks.
    */
    [[nodiscard]] result<std::size_t>
    feed(string_view in) noexcept
    {
        if(ec_)
            return ec_;
        // Bytes past the head-size limit are never read: an error before
        // them comes first, else the head is too large if it has not ended.
        std::size_t const room = r_.room();
        bool const cut = in.size() > room;
        char const* const p = in.data();
        char const* const stop = read(p, p + (cut ? room : in.size()));
        if(!stop)
            return ec_;
        std::size_t const n = static_cast<std::size_t>(stop - p);
        r_.count(n);
        if(cut && !done_())
            return fail(error::response_head_too_large);
        return n;
    }

    /// Back to a new parser's state, for the next response: the options
    /// kept, or `opt` (its line length lowered to the buffer's size).
    void
    reset() noexcept
    {
        reset(r_.options());
    }

    /// \copydoc reset()
    void
    reset(response_options const& opt) noexcept
    {
        reset_core(line_limited(opt, size_));
        len_ = 0;
        cr_ = false;
    }

    /// Bytes of head consumed so far (interim responses included); once
    /// `done`, the offset of the body in the byte stream.
    std::size_t
    consumed() const noexcept
    {
        return r_.consumed();
    }
};

/// A `response_parser` that owns an N-byte line buffer, like
/// `boost::urls::static_url<N>`.
template<std::size_t N = std::size_t{8} * 1024>
class static_response_parser : public response_parser
{
    char storage_[N];

public:
    /// Starts reading a response into its own N bytes, with the limits of `opt`.
    // cppcheck-suppress uninitMemberVar ; the parser's line buffer: written before it is read
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-member-init): the line buffer, written before it is read
    explicit static_response_parser(response_options const& opt = {}) noexcept
        : response_parser(storage_, N, opt)
    {
    }
};

} // namespace credentials
} // namespace thousandeyes

#endif
