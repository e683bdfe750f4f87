// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_HEADER_LINE_READER_HPP
#define THOUSANDEYES_CREDENTIALS_HEADER_LINE_READER_HPP

#include <thousandeyes/credentials/error.hpp>
#include <thousandeyes/credentials/response.hpp>
#include <thousandeyes/credentials/response_options.hpp>
#include <thousandeyes/credentials/detail/head_reader.hpp>

namespace thousandeyes {
namespace credentials {

/** Reads raw header lines one at a time, as libcurl's
    `CURLOPT_HEADERFUNCTION` delivers them: status line first, each line
    with its CRLF (or LF), then the empty line.

    Interim `1xx` responses and a proxy's `200 Connection established` come
    before the real response; every status line after a complete head
    starts over, so the last final response counts. Lines after a complete
    head that are not a status line (trailers) are ignored.

    @code
    size_t on_header(char* p, size_t size, size_t n, void* user)
    {
        static_cast<header_line_reader*>(user)->line({p, size * n});
        return size * n;
    }
    // ... after curl_easy_perform:
    result<response> head = reader.finish();
    @endcode
*/
class header_line_reader
{
    detail::head_reader r_;
    boost::system::error_code ec_;
    std::size_t max_head_;
    std::size_t size_ = 0; // bytes of the current response's head

public:
    explicit header_line_reader(response_options const& opt = {}) noexcept
        : r_(opt.now)
        , max_head_(opt.max_head_size)
    {
    }

    /// One line, its terminator optional. The first error sticks.
    boost::system::error_code
    line(string_view s) noexcept
    {
        if(ec_)
            return ec_;
        if(r_.current() != detail::head_reader::state::fields)
            size_ = 0; // a new response (or the wait for one) begins
        size_ += s.size();
        if(size_ > max_head_)
            return ec_ = error::response_head_too_large;
        // line terminator: CRLF, or a lone LF (RFC 9112 section 2.2)
        std::size_t n = s.size();
        if(n && s[n - 1] == '\n')
            n -= (n >= 2 && s[n - 2] == '\r') ? 2 : 1;
        char const* const p = s.data();
        if(detail::find_control(p, p + n) != p + n)
            return ec_ = error::response_control_character;
        return ec_ = detail::to_code(r_.line(p, n));
    }

    /// True once the empty line after a final response was seen.
    bool
    complete() const noexcept
    {
        return !ec_ && r_.current() == detail::head_reader::state::complete;
    }

    /// The last final response, or the first error met, or
    /// response_incomplete when no final response ended.
    result<response>
    finish() const noexcept
    {
        if(ec_)
            return ec_;
        if(r_.current() != detail::head_reader::state::complete)
            return error::response_incomplete;
        return r_.get();
    }
};

} // namespace credentials
} // namespace thousandeyes

#endif
