// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_RESPONSE_READER_HPP
#define THOUSANDEYES_CREDENTIALS_RESPONSE_READER_HPP

#include <thousandeyes/credentials/error.hpp>
#include <thousandeyes/credentials/response.hpp>
#include <thousandeyes/credentials/response_options.hpp>
#include <thousandeyes/credentials/reader/head_reader.hpp>

namespace thousandeyes {
namespace credentials {

/** The vocabulary the three response readers share: each takes its input
    through its own verb (`response_parser::feed`, `header_line_reader::line`,
    `field_reader::field`), then says whether a final head was read (`done`)
    and gives the response or the first error (`get`). One reader, the head
    reader beneath, holds the rules for all three.

    Not made on its own: it is the base of `response_parser`,
    `header_line_reader` and `field_reader`.
*/
class response_reader
{
    /// @cond INTERNAL
protected:
    // the three readers' shared state, used by them only
    detail::head_reader r_; // NOLINT(cppcoreguidelines-non-private-member-variables-in-classes)
    boost::system::error_code ec_; // NOLINT(cppcoreguidelines-non-private-member-variables-in-classes)

    explicit response_reader(response_options const& opt) noexcept
        : r_(opt)
    {
    }

    // What every reader's reset() does first.
    void
    reset_core(response_options const& opt) noexcept
    {
        r_.reset(opt);
        ec_.clear();
    }
    /// @endcond

public:
    /// True once the head of a final response was read, and no error met.
    bool
    done() const noexcept
    {
        return r_.done(ec_);
    }

    /// The response; else the first error met; else response_incomplete
    /// (no final response's head ended: call it at the end of input to
    /// learn why).
    [[nodiscard]] result<response>
    get() const noexcept
    {
        return r_.get_or(ec_);
    }
};

} // namespace credentials
} // namespace thousandeyes

#endif
