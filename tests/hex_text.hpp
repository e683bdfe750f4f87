// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// Hex text of bytes, both ways: how the probes and their Python judges pass
// arbitrary bytes through a line-based pipe.
#ifndef THOUSANDEYES_CREDENTIALS_TESTS_HEX_TEXT_HPP
#define THOUSANDEYES_CREDENTIALS_TESTS_HEX_TEXT_HPP

#include <string>

inline std::string
from_hex(std::string const& h)
{
    std::string out;
    for(std::size_t i = 0; i + 1 < h.size(); i += 2)
        out += static_cast<char>(std::stoi(h.substr(i, 2), nullptr, 16));
    return out;
}

template<class Bytes>
std::string
to_hex(Bytes const& s)
{
    static char const digits[] = "0123456789abcdef";
    std::string out;
    for(unsigned char c : s)
        out += digits[c >> 4], out += digits[c & 15];
    return out;
}

#endif
