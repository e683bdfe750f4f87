// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_HEADER_LINE_READER_HPP
#define THOUSANDEYES_CREDENTIALS_HEADER_LINE_READER_HPP

#include <thousandeyes/credentials/error.hpp>
#include <thousandeyes/credentials/response.hpp>
#include <thousandeyes/credentials/response_options.hpp>
#include <thousandeyes/credentials/response_reader.hpp>

#include <cstring>

namespace thousandeyes {
namespace credentials {

/** Reads raw header lines one at a time, as libcurl's
    `CURLOPT_HEADERFUNCTION` delivers them: status line first, each line
    with its CRLF (or LF), then the empty line.

    Interim `1xx` responses and a proxy's `200 Connection established` come
    before the real response; every status line after a complete head
    starts over, so the last final response counts. Lines after a complete
    head that are not a status line (trailers) are ignored, and so is every
    line after a `101` (another protocol follows it). The head-size and
    line-length rules are the byte parser's, so both give the same result
    or the same error for the same bytes.

    @code
    size_t on_header(char* p, size_t size, size_t n, void* user)
    {
        static_cast<header_line_reader*>(user)->line({p, size * n});
        return size * n;
    }
    // ... after curl_easy_perform:
    result<response> head = reader.get();
    @endcode
*/
class header_line_reader : public response_reader
{
    // What a byte parser would report for the first `n` bytes of line `s`,
    // the only ones within the head-size limit: an error among them comes
    // before response_head_too_large, as it does when reading bytes.
    error
    check_cut_line(string_view s, std::size_t n) const noexcept
    {
        char const* const p = s.data();
        char const* const q = detail::find_control(p, p + n);
        if(static_cast<std::size_t>(q - p) > r_.max_line())
            return error::response_line_too_long;
        // a CR as the last byte read might still be followed by its LF
        if(q != p + n && !(*q == '\r' && q + 1 == p + n))
            return error::response_control_character;
        return error::response_head_too_large;
    }

public:
    /// Starts reading a response, with the limits of `opt`.
    explicit header_line_reader(response_options const& opt = {}) noexcept
        : response_reader(opt)
    {
    }

    header_line_reader(header_line_reader const&) = delete;
    header_line_reader& operator=(header_line_reader const&) = delete;
    ~header_line_reader() = default;

    /// Back to a new reader's state, for the next response: the options
    /// kept, or `opt`.
    void
    reset() noexcept
    {
        reset_core(r_.options());
    }

    /// \copydoc reset()
    void
    reset(response_options const& opt) noexcept
    {
        reset_core(opt);
    }

    /// One line, its terminator optional. The first error sticks.
    boost::system::error_code
    line(string_view s) noexcept
    {
        if(ec_)
            return ec_;
        bool const complete = r_.current() == detail::head_reader::state::complete;
        if(complete && (r_.switched() || s.size() < 5 || std::memcmp(s.data(), "HTTP/", 5) != 0))
            return {}; // trailers, or anything after a 101: not head
        if(s.size() > r_.room())
            return ec_ = check_cut_line(s, r_.room());
        r_.count(s.size());
        // line terminator: CRLF, or a lone LF (RFC 9112 section 2.2)
        std::size_t n = s.size();
        if(n && s[n - 1] == '\n')
            n -= (n >= 2 && s[n - 2] == '\r') ? 2u : 1u;
        char const* const p = s.data();
        detail::line_marks const m = detail::scan_line(p, p + n);
        if(static_cast<std::size_t>(m.end - p) > r_.max_line())
            return ec_ = error::response_line_too_long;
        if(m.end != p + n)
            return ec_ = error::response_control_character;
        ec_ = detail::to_code(r_.line(p, m));
        r_.keep(); // the line is the caller's only during this call
        return ec_;
    }
};

} // namespace credentials
} // namespace thousandeyes

#endif
