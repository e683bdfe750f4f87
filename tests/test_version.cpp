// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#include "doctest_config.hpp"

#include <thousandeyes/credentials/version.hpp>

#include <string>

namespace tc = thousandeyes::credentials;

TEST_CASE("one version: the header says what meson.build says")
{
    std::string const v = THOUSANDEYES_CREDENTIALS_VERSION_STRING;
    CHECK(v == MESON_PROJECT_VERSION);
    // major * 10000 + minor * 100 + patch
    auto const dot1 = v.find('.');
    auto const dot2 = v.find('.', dot1 + 1);
    int const n = std::stoi(v.substr(0, dot1)) * 10000 +
                  std::stoi(v.substr(dot1 + 1, dot2 - dot1 - 1)) * 100 + std::stoi(v.substr(dot2 + 1));
    CHECK(n == THOUSANDEYES_CREDENTIALS_VERSION);
    CHECK(std::string(tc::default_user_agent) == "thousandeyes-credentials/" + v);
}
