// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// te-credentials delete: one attempt carried by the libcurl adapter, with
// what --verbose shows of it. The adapter says what happened; this file
// only prints.
#ifndef TE_CREDENTIALS_CLI_CURL_EXCHANGE_HPP
#define TE_CREDENTIALS_CLI_CURL_EXCHANGE_HPP

#include "cli.hpp"

#include <thousandeyes/credentials/adapters/libcurl.hpp>
#include <thousandeyes/credentials/error_message.hpp>

#include <curl/curl.h>

namespace cli {

/// One attempt's body (an error's message) and how much is shown.
struct exchange
{
    char body[tc::error_message::max_body];
    tc::adapters::body_buffer kept{body, sizeof(body), 0};
    bool verbose = false;

    explicit exchange(bool v) noexcept : verbose(v) {}

    string_view text() const noexcept { return string_view(body, kept.size); }
};

/// Sends `req` once on `curl` through the adapter, keeping an error's body
/// in `x`; with `x.verbose`, prints both heads (ours redacted).
tc::adapters::attempt perform(CURL* curl, tc::request const& req,
                              tc::response_options const& o, exchange& x);

} // namespace cli

#endif
