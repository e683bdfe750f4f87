// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// te-credentials delete: one attempt carried by libcurl. The library
// decides; libcurl moves the bytes.
#ifndef TE_CREDENTIALS_CLI_CURL_EXCHANGE_HPP
#define TE_CREDENTIALS_CLI_CURL_EXCHANGE_HPP

#include "cli.hpp"

#include <thousandeyes/credentials/error_message.hpp>

#include <curl/curl.h>

#include <cstddef>

namespace cli {

/// The header fields as curl takes them. Host comes from the URL and
/// Content-Length from CURLOPT_POSTFIELDSIZE; the rest overrides curl's own
/// (User-Agent, Accept). The list holds the Authorization value: wiped.
class header_list
{
    curl_slist* list_ = nullptr;

public:
    explicit header_list(tc::request const& req);
    header_list(header_list const&) = delete;
    header_list& operator=(header_list const&) = delete;
    ~header_list();
    curl_slist* get() const noexcept { return list_; }
};

/// What one attempt brought back.
struct exchange
{
    tc::header_line_reader reader;
    char body[tc::error_message::max_body];
    std::size_t body_size = 0;
    int heads_sent = 0; ///< request heads curl sent in this attempt
    bool verbose = false;

    explicit exchange(bool v) noexcept : verbose(v) {}

    /// Ready for the next attempt, its reader under `o`.
    void
    reset(tc::response_options const& o) noexcept
    {
        reader.reset(o);
        body_size = 0;
        heads_sent = 0;
    }
};

/// Sends `req` once on `curl` (its connection reused across attempts),
/// filling `x`; with `x.verbose`, prints both heads (ours redacted).
CURLcode perform(CURL* curl, tc::request const& req, header_list const& headers,
                 long timeout_ms, exchange& x);

} // namespace cli

#endif
