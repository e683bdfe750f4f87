// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// An HTTP-date judge that shares nothing with the library: shared by the
// date tests and the values fuzzer.
#ifndef THOUSANDEYES_CREDENTIALS_TESTS_HTTP_DATE_JUDGE_HPP
#define THOUSANDEYES_CREDENTIALS_TESTS_HTTP_DATE_JUDGE_HPP

#include <cstdint>
#include <ctime>
#include <optional>
#include <regex>
#include <string>

// The C library's inverse of gmtime: timegm (glibc, BSD), or on Windows
// _mkgmtime64, which knows only the years 1970 to 3000: other years are
// moved into that range by whole 400-year Gregorian cycles, each exactly
// 146,097 days.
inline std::int64_t
judge_timegm(std::tm* tm)
{
#ifdef _WIN32
    std::int64_t constexpr cycle = 146097LL * 86400;
    int shift = 0;
    while(tm->tm_year + 1900 < 1970)
        tm->tm_year += 400, --shift;
    while(tm->tm_year + 1900 >= 2370)
        tm->tm_year -= 400, ++shift;
    return static_cast<std::int64_t>(_mkgmtime64(tm)) + shift * cycle;
#else
    return static_cast<std::int64_t>(timegm(tm));
#endif
}

// An independent judge of RFC 9110's three forms: the grammar as regular
// expressions, the calendar checked by hand, the instant by the C library's
// timegm (judge_timegm). Returns the instant, or nothing when the text is no HTTP-date.
inline std::optional<std::int64_t>
http_date_judge(std::string const& s)
{
    static std::regex const imf(
        "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), ([0-9]{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
        "([0-9]{4}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) GMT");
    static std::regex const rfc850(
        "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), ([0-9]{2})-"
        "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-([0-9]{2}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) GMT");
    static std::regex const asctime(
        "(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
        "( [0-9]|[0-9]{2}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) ([0-9]{4})");
    static char const months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    std::smatch m;
    int d, mon, y, h, mi, sec;
    auto month = [](std::string const& name) {
        return static_cast<int>(std::string(months).find(name) / 3) + 1;
    };
    if(std::regex_match(s, m, imf))
        d = std::stoi(m[2]), mon = month(m[3]), y = std::stoi(m[4]), h = std::stoi(m[5]),
        mi = std::stoi(m[6]), sec = std::stoi(m[7]);
    else if(std::regex_match(s, m, rfc850))
    {
        d = std::stoi(m[2]), mon = month(m[3]), y = std::stoi(m[4]), h = std::stoi(m[5]),
        mi = std::stoi(m[6]), sec = std::stoi(m[7]);
        y += y >= 70 ? 1900 : 2000; // no reference time: 70-99 are 19xx
    }
    else if(std::regex_match(s, m, asctime))
        mon = month(m[2]), d = std::stoi(m[3]), h = std::stoi(m[4]), mi = std::stoi(m[5]),
        sec = std::stoi(m[6]), y = std::stoi(m[7]);
    else
        return std::nullopt;
    static int const days_in[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool const leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int const dim = days_in[mon - 1] + (mon == 2 && leap);
    if(d < 1 || d > dim || h > 23 || mi > 59 || sec > 60)
        return std::nullopt;
    std::tm tm{};
    tm.tm_year = y - 1900, tm.tm_mon = mon - 1, tm.tm_mday = d;
    tm.tm_hour = h, tm.tm_min = mi, tm.tm_sec = sec == 60 ? 59 : sec; // a leap second is :59
    return judge_timegm(&tm);
}


#endif
