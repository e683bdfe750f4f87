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

// What the three public readers share: the head reader and the first error.
// Each reader spells out the two verbs that end its vocabulary, `done` and
// `get`, so that they are documented with it.
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
};

} // namespace detail
} // namespace credentials
} // namespace thousandeyes

#endif
