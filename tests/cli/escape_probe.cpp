// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The command line's terminal escaping, stdin to stdout, for tests/test_cli.py
// to judge against Python's unicodedata: every code point a terminal could
// act on or hide (controls, format characters) is escaped, nothing else is.
#include "../../examples/te-credentials/text_files.hpp"

#include <cstdio>
#include <string>

int
main()
{
    std::string in;
    char buf[65536];
    std::size_t n = 0;
    while((n = std::fread(buf, 1, sizeof(buf), stdin)) > 0)
        in.append(buf, n);
    std::string out;
    cli::escape_for_terminal(in, out);
    return std::fwrite(out.data(), 1, out.size(), stdout) == out.size() ? 0 : 1;
}
