// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// A program that asks for heap memory, to show that the bare-metal startup
// refuses it: it must stop with the heap message and a failure status.

#include <cstdlib>

int
main()
{
    void* volatile p = std::malloc(16);
    return p == nullptr ? 3 : 0; // never reached: _sbrk stops the program first
}
