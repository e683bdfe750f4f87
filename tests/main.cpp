// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "doctest_config.hpp"
