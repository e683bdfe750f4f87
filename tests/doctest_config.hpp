// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_TESTS_DOCTEST_CONFIG_HPP
#define THOUSANDEYES_CREDENTIALS_TESTS_DOCTEST_CONFIG_HPP

#if !defined(__cpp_exceptions) && !defined(__EXCEPTIONS)
#define DOCTEST_CONFIG_NO_EXCEPTIONS
// REQUIRE then ends the process on failure instead of throwing.
#define DOCTEST_CONFIG_NO_EXCEPTIONS_BUT_WITH_ALL_ASSERTS
#endif
#include <doctest/doctest.h>

#include <boost/core/detail/string_view.hpp>

#include <string>

// doctest prints std::string; show string_views the same way on failure.
namespace doctest {
template<>
struct StringMaker<boost::core::string_view>
{
    static String
    convert(boost::core::string_view s)
    {
        return String(std::string(s.data(), s.size()).c_str());
    }
};
} // namespace doctest

#endif
