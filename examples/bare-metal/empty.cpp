// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The footprint baseline: the same startup, vector table and C library
// hooks as the other programs, and a main that does nothing.

int
main()
{
    return 0;
}
