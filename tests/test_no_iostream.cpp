// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The library's headers must not bring in <iostream> (its static
// initializers and std::cout have no place in a constrained build). This
// file includes only the library, so the check sees only what it pulls in.
#include <thousandeyes/credentials.hpp>

#if defined(_GLIBCXX_IOSTREAM) || defined(_LIBCPP_IOSTREAM)
#error "a thousandeyes-credentials header includes <iostream>"
#endif

// Built means passed; the symbol keeps the translation unit non-empty.
int thousandeyes_credentials_headers_have_no_iostream = 1;
