// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// A downstream program: the seed's request, built from the installed (or
// subproject, or fetched) library. Prints the request line and the Host field.
#include "seed_lines.hpp"

int
main()
{
    return print_seed_lines();
}
