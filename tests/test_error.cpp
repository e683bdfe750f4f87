// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#include "doctest_config.hpp"

#include <thousandeyes/credentials/error.hpp>

#include <set>
#include <string>

namespace tc = thousandeyes::credentials;

TEST_CASE("every error code has its own message naming its field, and one condition")
{
    std::set<std::string> seen;
    for(int v = 1; v <= static_cast<int>(tc::error::deletion_out_of_order); ++v)
    {
        CAPTURE(v);
        auto const ec = tc::make_error_code(static_cast<tc::error>(v));
        std::string const m = ec.message();
        CHECK(m.find(": ") != std::string::npos); // "field: rule"
        CHECK(m.find("unknown") == std::string::npos);
        CHECK(seen.insert(m).second);
        int conditions = (ec == tc::condition::invalid_input) + (ec == tc::condition::buffer_too_small) +
                         (ec == tc::condition::malformed_response);
        CHECK(conditions == 1);
    }
    CHECK(tc::condition_of(tc::error::response_head_too_large) == tc::condition::malformed_response);
    CHECK(tc::condition_of(tc::error::buffer_too_small) == tc::condition::buffer_too_small);
    CHECK(tc::condition_of(tc::error::base_url_port) == tc::condition::invalid_input);
    // success is no error at all
    boost::system::error_code const ok = tc::make_error_code(tc::error::success);
    CHECK(ok.value() == 0);
    CHECK(ok != tc::condition::invalid_input);
    CHECK(ok != tc::condition::malformed_response);
}
