// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_VERSION_HPP
#define THOUSANDEYES_CREDENTIALS_VERSION_HPP

// The library's version, as major * 10000 + minor * 100 + patch.
#define THOUSANDEYES_CREDENTIALS_VERSION 100
#define THOUSANDEYES_CREDENTIALS_VERSION_STRING "0.1.0"

namespace thousandeyes {
namespace credentials {

/// The User-Agent sent unless the caller configures another one.
inline constexpr char default_user_agent[] =
    "thousandeyes-credentials/" THOUSANDEYES_CREDENTIALS_VERSION_STRING;

} // namespace credentials
} // namespace thousandeyes

#endif
