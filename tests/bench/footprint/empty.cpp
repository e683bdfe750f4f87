// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The footprint baseline: a program that does nothing, built the same way.
int
main()
{
    return 0;
}
