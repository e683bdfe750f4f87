// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_RESPONSE_OPTIONS_HPP
#define THOUSANDEYES_CREDENTIALS_RESPONSE_OPTIONS_HPP

#include <cstddef>
#include <cstdint>
#include <optional>

namespace thousandeyes {
namespace credentials {

/// Limits and context shared by the three ways of reading a response.
struct response_options
{
    /// Every default: no clock, 16 KiB of head, 8 KiB lines.
    constexpr response_options() noexcept = default;

    /// The defaults, with the caller's clock (`now`, epoch seconds).
    constexpr explicit response_options(std::optional<std::int64_t> now_s) noexcept
        : now(now_s)
    {
    }

    /// Epoch seconds, only to place an rfc850 date's two-digit year
    /// (RFC 9110 section 5.6.7). The library reads no clock.
    std::optional<std::int64_t> now;

    /// Bytes of head accepted, counted over every line with its
    /// terminator: status lines, interim responses and empty lines before
    /// a status line included. Header lines and raw bytes only: field pairs
    /// carry no line ends or status line, and your stack limits their head.
    std::size_t max_head_size = std::size_t{16} * 1024;

    /// Bytes of one line without its terminator (for field pairs,
    /// `name ":" value`). A `response_parser` whose buffer is smaller
    /// lowers it to the buffer's size.
    std::size_t max_line_size = std::size_t{8} * 1024;
};

} // namespace credentials
} // namespace thousandeyes

#endif
