// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#include "doctest_config.hpp"

#include <ctime>

#include <thousandeyes/credentials/http_date.hpp>

#include "http_date_judge.hpp"

#include <cstdio>
#include <string>

namespace tc = thousandeyes::credentials;

TEST_CASE("the three HTTP-date forms of RFC 9110 section 5.6.7 give the same instant")
{
    CHECK(tc::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT") == 784111777);
    CHECK(tc::parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT") == 784111777);
    CHECK(tc::parse_http_date("Sun Nov  6 08:49:37 1994") == 784111777);
    CHECK(tc::parse_http_date("Fri, 15 Nov 2019 20:24:33 GMT") == 1573849473);
    CHECK(tc::parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT") == 0);
    CHECK(tc::parse_http_date("Sun Nov 16 08:49:37 1994") == 784111777 + 10 * 86400);
}

TEST_CASE("calendar edges: leap days, month lengths, a leap second")
{
    CHECK(tc::parse_http_date("Tue, 29 Feb 2000 00:00:00 GMT") == 951782400);
    CHECK(tc::parse_http_date("Thu, 29 Feb 2024 12:00:00 GMT") == 1709208000);
    CHECK(!tc::parse_http_date("Mon, 29 Feb 2100 00:00:00 GMT"));
    CHECK(!tc::parse_http_date("Tue, 31 Apr 2019 00:00:00 GMT"));
    CHECK(!tc::parse_http_date("Tue, 00 Apr 2019 00:00:00 GMT"));
    CHECK(!tc::parse_http_date("Tue, 01 Apr 2019 24:00:00 GMT"));
    CHECK(!tc::parse_http_date("Tue, 01 Apr 2019 23:60:00 GMT"));
    CHECK(tc::parse_http_date("Sat, 31 Dec 2016 23:59:60 GMT") ==
          tc::parse_http_date("Sat, 31 Dec 2016 23:59:59 GMT"));
    CHECK(tc::parse_http_date("Fri, 31 Dec 9999 23:59:59 GMT") == 253402300799);
}

TEST_CASE("dates are case-sensitive and exact; anything else is no date")
{
    for(char const* bad : {"sun, 06 Nov 1994 08:49:37 GMT", "Sun, 06 nov 1994 08:49:37 GMT",
                           "Sun, 06 Nov 1994 08:49:37 gmt", "Sun, 6 Nov 1994 08:49:37 GMT",
                           "Sun, 06 Nov 94 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 UTC",
                           "Sun, 06 Nov 1994 08:49:37 GMT ", " Sun, 06 Nov 1994 08:49:37 GMT",
                           "Sun,  06 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 8:49:37 GMT",
                           "Sunday, 06-Nov-1994 08:49:37 GMT", "Sun, 06-Nov-94 08:49:37 GMT",
                           "Sun Nov 6 08:49:37 1994", "Sun Nov  6 08:49:37 94",
                           "Xyz, 06 Nov 1994 08:49:37 GMT", "Sun, 06 Nox 1994 08:49:37 GMT",
                           "1994-11-06T08:49:37Z", "784111777", ""})
    {
        CAPTURE(bad);
        CHECK(!tc::parse_http_date(bad));
    }
}

TEST_CASE("an rfc850 two-digit year more than 50 years ahead is in the past century")
{
    std::int64_t const y2026 = *tc::parse_http_date("Sun, 01 Mar 2026 00:00:00 GMT");
    CHECK(tc::parse_http_date("Wednesday, 01-Jan-76 00:00:00 GMT", y2026) ==
          tc::parse_http_date("Thu, 01 Jan 2076 00:00:00 GMT"));
    CHECK(tc::parse_http_date("Thursday, 01-Jan-77 00:00:00 GMT", y2026) ==
          tc::parse_http_date("Sat, 01 Jan 1977 00:00:00 GMT"));
    CHECK(tc::parse_http_date("Friday, 15-Nov-19 20:24:33 GMT", y2026) == 1573849473);
    // a reference before 1970 works; one at the ends of int64 places the
    // year outside 0000-9999, which is no date (and no overflow)
    std::int64_t const y1901 = *tc::parse_http_date("Tue, 01 Jan 1901 00:00:00 GMT");
    CHECK(tc::parse_http_date("Friday, 15-Nov-19 20:24:33 GMT", y1901) ==
          tc::parse_http_date("Fri, 15 Nov 1919 20:24:33 GMT"));
    CHECK(!tc::parse_http_date("Friday, 15-Nov-19 20:24:33 GMT", INT64_MIN));
    CHECK(!tc::parse_http_date("Friday, 15-Nov-19 20:24:33 GMT", INT64_MAX));
    // without a reference: 70-99 are 19xx, 00-69 are 20xx
    CHECK(tc::parse_http_date("Friday, 15-Nov-19 20:24:33 GMT") == 1573849473);
    CHECK(tc::parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT") == 784111777);
}

TEST_CASE("every form agrees with the C library's timegm, years 0 to 9999")
{
    static char const* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    static unsigned const last[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int checked = 0;
    for(int y = 0; y <= 9999; y += (y < 2200 ? 1 : 37))
        for(unsigned m = 1; m <= 12; ++m)
        {
            bool const leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            unsigned const dim = last[m - 1] + (m == 2 && leap ? 1 : 0);
            for(unsigned d : {1u, 15u, dim})
            {
                std::tm t{};
                t.tm_year = y - 1900;
                t.tm_mon = static_cast<int>(m) - 1;
                t.tm_mday = static_cast<int>(d);
                t.tm_hour = 23;
                t.tm_min = 59;
                t.tm_sec = 58;
                std::int64_t const want = judge_timegm(&t); // the C library's, not ours
                char imf[40], asc[40];
                std::snprintf(imf, sizeof imf, "Wed, %02u %s %04d 23:59:58 GMT", d, months[m - 1], y);
                std::snprintf(asc, sizeof asc, "Wed %s %2u 23:59:58 %04d", months[m - 1], d, y);
                CAPTURE(imf);
                CHECK(tc::parse_http_date(imf) == want);
                CHECK(tc::parse_http_date(asc) == want);
                ++checked;
            }
        }
    CHECK(checked > 80000);
}


TEST_CASE("one byte changed anywhere in any form: accepted exactly when an independent judge accepts")
{
    int accepted = 0, refused = 0;
    for(std::string const base : {"Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT",
                                  "Sun Nov  6 08:49:37 1994", "Thu, 29 Feb 2024 23:59:60 GMT",
                                  "Wed Feb 28 12:00:00 2024"})
        for(std::size_t i = 0; i < base.size(); ++i)
            for(char c : std::string(" x09,:-GMTSundayFebo1"))
            {
                std::string s = base;
                s[i] = c;
                CAPTURE(s);
                auto const want = http_date_judge(s);
                CHECK(tc::parse_http_date(s) == want);
                (want ? accepted : refused) += 1;
            }
    MESSAGE(accepted << " accepted, " << refused << " refused");
    CHECK(accepted > 100);
    CHECK(refused > 1000);
}
