// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_SRC_HPP
#define THOUSANDEYES_CREDENTIALS_SRC_HPP

// Include this in exactly one translation unit to use Boost.URL without
// linking libboost_url. Boost 1.81 and 1.82 support this; from 1.83 on
// Boost.URL must be linked, and this header says so.

#include <boost/version.hpp>

#if BOOST_VERSION >= 108300
#error "Boost.URL 1.83 and later must be linked (libboost_url); do not include <thousandeyes/credentials/src.hpp>"
#else
#include <boost/url/src.hpp>
#endif

#endif
