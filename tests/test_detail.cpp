// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// White-box tests of the detail layer: the one file outside include/ that
// names `detail::` (tests/no_detail_outside.sh holds every other file to
// that). What is here cannot be reached through the public API in every
// configuration: the portable overflow checks are only compiled in where
// the compiler's builtins are not used.
#include "doctest_config.hpp"

#include <thousandeyes/credentials.hpp>

#include <climits>
#include <cstdint>

namespace tc = thousandeyes::credentials;

TEST_CASE("the portable overflow checks agree with the compiler's builtins")
{
    std::int64_t const edges[] = {INT64_MIN, INT64_MIN + 1, -1000000007, -1, 0, 1, 999,
                                  1573849500, INT64_MAX / 2, INT64_MAX - 1, INT64_MAX};
    std::uint64_t seed = 7;
    auto next = [&] { seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
                      return static_cast<std::int64_t>(seed); };
    int checked = 0;
    for(int round = 0; round < 20000; ++round)
    {
        std::int64_t const a = round < 121 ? edges[round / 11] : next();
        std::int64_t const b = round < 121 ? edges[round % 11] : next() >> (round % 63);
        std::int64_t r1 = 0, r2 = 0;
        bool const o1 = tc::detail::portable_add_overflow(a, b, r1);
#if defined(__GNUC__) || defined(__clang__)
        bool const o2 = __builtin_add_overflow(a, b, &r2);
        REQUIRE(o1 == o2);
        if(!o1)
            REQUIRE(r1 == r2);
        bool const s1 = tc::detail::portable_sub_overflow(a, b, r1);
        bool const s2 = __builtin_sub_overflow(a, b, &r2);
        REQUIRE(s1 == s2);
        if(!s1)
            REQUIRE(r1 == r2);
        ++checked;
#else
        (void)o1;
        (void)r2;
#endif
    }
#if defined(__GNUC__) || defined(__clang__)
    CHECK(checked == 20000);
#endif
    CHECK(tc::detail::sat_add(INT64_MAX, 1) == INT64_MAX);
    CHECK(tc::detail::sat_sub(INT64_MIN, 1) == INT64_MIN);
    CHECK(tc::detail::sat_sub(0, INT64_MIN) == INT64_MAX);
}
