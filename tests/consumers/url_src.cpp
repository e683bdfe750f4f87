// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// A consumer without libboost_url (THOUSANDEYES_CREDENTIALS_BOOST_URL=
// header-only): the parts of Boost.URL the library uses, compiled here.
#include <thousandeyes/credentials/url_src.hpp>
