// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#include "doctest_config.hpp"

#include <thousandeyes/credentials/ids.hpp>

#include <cstdint>

namespace tc = thousandeyes::credentials;
using tc::error;

TEST_CASE("credential id accepts strict decimal from 1 to 2^63-1")
{
    for(char const* s : {"1", "405", "3247", "9", "10", "9223372036854775807"})
    {
        auto r = tc::credential_id::parse(s);
        REQUIRE(r.has_value());
        CHECK(r->str() == s);
    }
    CHECK(tc::credential_id::parse("405")->value() == 405u);
    CHECK(tc::credential_id::parse("9223372036854775807")->value() == 9223372036854775807ull);
}

TEST_CASE("credential id rejects each malformed form with its own code")
{
    struct
    {
        char const* text;
        error code;
    } const cases[] = {
        {"", error::credential_id_empty},
        {"+405", error::credential_id_not_decimal},
        {"-405", error::credential_id_not_decimal},
        {" 405", error::credential_id_not_decimal},
        {"405 ", error::credential_id_not_decimal},
        {"40 5", error::credential_id_not_decimal},
        {"\t405", error::credential_id_not_decimal},
        {"405\n", error::credential_id_not_decimal},
        {"405/delete", error::credential_id_not_decimal},
        {"../405", error::credential_id_not_decimal},
        {"4%305", error::credential_id_not_decimal},
        {"405.0", error::credential_id_not_decimal},
        {"405.json", error::credential_id_not_decimal},
        {"0x19", error::credential_id_not_decimal},
        {"1e3", error::credential_id_not_decimal},
        {"\xd9\xa4\xd9\xa0\xd9\xa5", error::credential_id_not_decimal}, // Arabic-Indic digits
        {"405\xc2\xa0", error::credential_id_not_decimal},               // NBSP
        {"0405", error::credential_id_leading_zero},
        {"00", error::credential_id_leading_zero},
        {"0", error::credential_id_out_of_range},
        {"9223372036854775808", error::credential_id_out_of_range},  // 2^63
        {"18446744073709551615", error::credential_id_out_of_range}, // 2^64-1
        {"18446744073709551616", error::credential_id_out_of_range}, // 2^64
        {"99999999999999999999999999", error::credential_id_out_of_range},
    };
    for(auto const& c : cases)
    {
        CAPTURE(c.text);
        auto r = tc::credential_id::parse(c.text);
        REQUIRE(r.has_error());
        CHECK(r.error() == c.code);
    }
}

TEST_CASE("an embedded NUL is not a digit")
{
    char const text[] = {'4', '\0', '5'};
    auto r = tc::credential_id::parse(tc::string_view(text, 3));
    REQUIRE(r.has_error());
    CHECK(r.error() == error::credential_id_not_decimal);
}

TEST_CASE("aid has the same rules and its own codes")
{
    CHECK(tc::account_group_id::parse("7")->str() == "7");
    CHECK(tc::account_group_id::parse("").error() == error::aid_empty);
    CHECK(tc::account_group_id::parse("-1").error() == error::aid_not_decimal);
    CHECK(tc::account_group_id::parse("07").error() == error::aid_leading_zero);
    CHECK(tc::account_group_id::parse("0").error() == error::aid_out_of_range);
    CHECK(tc::account_group_id::parse("9223372036854775808").error() == error::aid_out_of_range);
}

TEST_CASE("integers are accepted directly, within 1 to 2^63-1")
{
    CHECK(tc::credential_id::make(405)->str() == "405");
    CHECK(tc::credential_id::make(std::int64_t{9223372036854775807})->str() ==
          "9223372036854775807");
    CHECK(tc::credential_id::make(std::uint64_t{1})->str() == "1");
    CHECK(tc::credential_id::make(0).error() == error::credential_id_out_of_range);
    CHECK(tc::credential_id::make(-5).error() == error::credential_id_out_of_range);
    CHECK(tc::credential_id::make(std::uint64_t{9223372036854775808ull}).error() ==
          error::credential_id_out_of_range);
    CHECK(tc::account_group_id::make(short{-1}).error() == error::aid_out_of_range);
    CHECK(tc::account_group_id::make(42u)->value() == 42u);
}

TEST_CASE("id errors name the field and the rule")
{
    auto const m1 = tc::credential_id::parse("0405").error().message();
    CHECK(m1.find("credential id") != std::string::npos);
    CHECK(m1.find("leading zero") != std::string::npos);
    auto const m2 = tc::account_group_id::parse("x").error().message();
    CHECK(m2.find("aid") == 0);
    CHECK(m2.find("digits") != std::string::npos);
}
