// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_READER_READER_CORE_HPP
#define THOUSANDEYES_CREDENTIALS_READER_READER_CORE_HPP

#include <thousandeyes/credentials/error.hpp>
#include <thousandeyes/credentials/response.hpp>
#include <thousandeyes/credentials/response_options.hpp>
#include <thousandeyes/credentials/reader/head_reader.hpp>

namespace thousandeyes {
namespace credentials {
namespace detail {

// What the three public readers share: the head reader, the first error,
// and the two verbs that end their vocabulary, `done` and `get`.
class reader_core
{
protected:
    // the three readers' shared state, used by them only
    head_reader r_; // NOLINT(cppcoreguidelines-non-private-member-variables-in-classes)
    boost::system::error_code ec_; // NOLINT(cppcoreguidelines-non-private-member-variables-in-classes)

    explicit reader_core(response_options const& opt) noexcept
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

} // namespace detail
} // namespace credentials
} // namespace thousandeyes

#endif
