// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// te-credentials: how values are printed. Numbers the response may not
// carry, epoch seconds with their ISO 8601 date beside them, JSON strings
// that are safe on a terminal, and a pacing wait with its reason.
#ifndef TE_CREDENTIALS_CLI_OUTPUT_HPP
#define TE_CREDENTIALS_CLI_OUTPUT_HPP

#include "cli.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace cli {

/// Epoch seconds as ISO 8601 UTC, "2019-11-15T20:24:33Z"; empty outside
/// the years 0 to 9999 (a hostile server's number is still printed bare).
std::string iso_utc(std::int64_t epoch);

/// A number the response may not carry, or `absent` in its place.
std::string number_text(std::optional<std::int64_t> v, char const* absent);

/// `number_text`, printed.
void put_number(std::optional<std::int64_t> v, char const* absent);

/// Epoch seconds, then " (ISO 8601)" when it is a date; `absent` if none.
void put_epoch(std::optional<std::int64_t> v, char const* absent);

/// `"key":value,` (or without the comma), null when absent.
void put_json_number(char const* key, std::optional<std::int64_t> v, bool comma = true);

/// `"key":"ISO 8601",` or `"key":null,`.
void put_json_date(char const* key, std::optional<std::int64_t> v, bool comma = true);

/// A JSON string (RFC 8259) that is also safe on a terminal.
void put_json_string(string_view s);

/// "236 requests left for 27 s", what a pacing wait comes from.
std::string explain_pace(tc::pace const& p);

/// A duration in ms as "27 s", "27.5 s" or "114 ms".
std::string duration(std::int64_t ms);

/// A value as the library shows it (`tc::show`): a secret redacted to its
/// scheme and the marker.
std::string shown(tc::shown_value const& v);

} // namespace cli

#endif
