// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// With -fno-exceptions Boost calls boost::throw_exception, which the program
// must define. The library itself never calls it (it returns error codes);
// this is for Boost code paths the tests and examples link in.
#include <boost/throw_exception.hpp>

#include <cstdio>
#include <cstdlib>

namespace boost {

void
throw_exception(std::exception const&)
{
    std::fputs("fatal: Boost raised an exception in a build without exceptions\n", stderr);
    std::abort();
}

void
throw_exception(std::exception const& e, boost::source_location const&)
{
    throw_exception(e);
}

} // namespace boost
