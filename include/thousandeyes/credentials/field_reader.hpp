// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_FIELD_READER_HPP
#define THOUSANDEYES_CREDENTIALS_FIELD_READER_HPP

#include <thousandeyes/credentials/error.hpp>
#include <thousandeyes/credentials/response.hpp>
#include <thousandeyes/credentials/response_options.hpp>
#include <thousandeyes/credentials/response_reader.hpp>

namespace thousandeyes {
namespace credentials {

/** Reads a response that the caller's HTTP stack has already parsed: a
    status code and (name, value) pairs, as Boost.Beast, cpp-httplib or Qt
    hand them over. Names are case-insensitive (HTTP/2 stacks give them in
    lowercase); values are trimmed of OWS.

    @code
    field_reader r(res.result_int());
    for(auto const& f : res)
        r.field(f.name_string(), f.value());
    result<response> head = r.get();
    @endcode

    The first error sticks: `get` returns it, so checking each `field`
    call is optional. The three readers share one vocabulary: an input verb
    (`feed`, `line`, `field`), `done()` and `get()`.
*/
class field_reader : public response_reader
{
public:
    /// Starts reading a response of `status`, with the limits of `opt`.
    explicit field_reader(int status, response_options const& opt = {}) noexcept
        : response_reader(opt)
    {
        start(status);
    }

    /// Back to a new reader's state, for the next response with `status`:
    /// the options kept, or `opt`.
    void
    reset(int status) noexcept
    {
        reset(status, r_.options());
    }

    /// \copydoc reset(int)
    void
    reset(int status, response_options const& opt) noexcept
    {
        reset_core(opt);
        start(status);
    }

    /// One field. Errors: response_field_line (the name is not a token),
    /// response_control_character (CR, LF, NUL or another CTL in the value),
    /// response_line_too_long (`name ":" value` over `max_line_size`).
    /// Values are read under the same length rule as in the other forms.
    boost::system::error_code
    field(string_view name, string_view value) noexcept
    {
        if(!ec_)
            ec_ = detail::to_code(r_.field(name, value));
        return ec_;
    }

private:
    void
    start(int status) noexcept
    {
        // Pairs carry no end of head: each field is read as it comes, so
        // the head is complete from the start (for a final status).
        ec_ = detail::to_code(r_.start(status));
        if(!ec_)
            ec_ = detail::to_code(r_.end_of_head());
    }
};

} // namespace credentials
} // namespace thousandeyes

#endif
