// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_SRC_HPP
#define THOUSANDEYES_CREDENTIALS_SRC_HPP

// Include this in exactly one translation unit to use Boost.URL without
// linking libboost_url. Boost 1.81 and 1.82 support this; from 1.83 on
// Boost.URL must be linked, and this header says so.

#include <boost/version.hpp>
#include <cstddef> // the standard library's configuration macros

#if BOOST_VERSION >= 108300
#error "Boost.URL 1.83 and later must be linked (libboost_url); do not include <thousandeyes/credentials/src.hpp>"
#elif defined(__GLIBCXX__) && !defined(_GLIBCXX_HAS_GTHREADS)
// Boost.URL's grammar/recycled.hpp needs std::mutex, which a libstdc++
// without threads (mingw-w64's win32 thread model, bare metal) lacks.
#error "this libstdc++ has no std::mutex, which Boost.URL needs: use a thread-enabled toolchain (mingw-w64: x86_64-w64-mingw32-g++-posix), or on a single-threaded target include <thousandeyes/credentials/url_src.hpp>"
#else
#include <boost/url/src.hpp>
#endif

#endif
