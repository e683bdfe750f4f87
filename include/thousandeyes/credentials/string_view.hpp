// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_STRING_VIEW_HPP
#define THOUSANDEYES_CREDENTIALS_STRING_VIEW_HPP

#include <boost/core/detail/string_view.hpp>

namespace thousandeyes {
namespace credentials {

/// The string view of every interface: Boost.Core's, the one Boost.URL and
/// Boost.System take, convertible from and to `std::string_view` (C++17).
using string_view = boost::core::string_view;

} // namespace credentials
} // namespace thousandeyes

#endif
