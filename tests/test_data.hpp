// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_TESTS_TEST_DATA_HPP
#define THOUSANDEYES_CREDENTIALS_TESTS_TEST_DATA_HPP

#include <cstdio>
#include <string>

// A file of tests/data, whole; empty when it cannot be read (the callers'
// checks on its content then fail). No doctest here: the fuzz target uses it.
inline std::string
read_test_data(char const* name)
{
    std::string const path = std::string(TEST_DATA_DIR "/") + name;
    std::string s;
    if(std::FILE* f = std::fopen(path.c_str(), "rb"))
    {
        char buf[512];
        std::size_t n;
        while((n = std::fread(buf, 1, sizeof(buf), f)) > 0)
            s.append(buf, n);
        std::fclose(f);
    }
    return s;
}

#endif
