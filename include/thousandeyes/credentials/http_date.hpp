// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_HTTP_DATE_HPP
#define THOUSANDEYES_CREDENTIALS_HTTP_DATE_HPP

#include <thousandeyes/credentials/string_view.hpp>

#include <thousandeyes/credentials/detail/charsets.hpp>

#include <cstdint>
#include <optional>

namespace thousandeyes {
namespace credentials {


namespace detail {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
// days_from_civil).
inline constexpr std::int64_t
days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept
{
    y -= m <= 2;
    std::int64_t const era = (y >= 0 ? y : y - 399) / 400;
    auto const yoe = static_cast<unsigned>(y - era * 400);
    unsigned const doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    unsigned const doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

inline constexpr bool
is_leap(std::int64_t y) noexcept
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

class date_scanner
{
    char const* p_;
    char const* e_;

public:
    constexpr explicit date_scanner(string_view s) noexcept
        : p_(s.data()), e_(s.data() + s.size())
    {
    }

    bool
    at_end() const noexcept
    {
        return p_ == e_;
    }

    bool
    lit(char c) noexcept
    {
        if(p_ == e_ || *p_ != c)
            return false;
        ++p_;
        return true;
    }

    bool
    lit(string_view s) noexcept
    {
        if(static_cast<std::size_t>(e_ - p_) < s.size())
            return false;
        for(std::size_t i = 0; i < s.size(); ++i)
            if(p_[i] != s[i])
                return false;
        p_ += s.size();
        return true;
    }

    // n DIGIT
    bool
    digits(unsigned n, unsigned& out) noexcept
    {
        if(static_cast<std::size_t>(e_ - p_) < n)
            return false;
        unsigned v = 0;
        for(unsigned i = 0; i < n; ++i)
        {
            auto const c = static_cast<unsigned char>(p_[i]);
            if(!is_digit(c))
                return false;
            v = v * 10 + (c - '0');
        }
        p_ += n;
        out = v;
        return true;
    }

    // three letters as one number, to compare names without a loop
    static constexpr std::uint32_t
    pack3(char a, char b, char c) noexcept
    {
        return (static_cast<std::uint32_t>(static_cast<unsigned char>(a)) << 16) |
               (static_cast<std::uint32_t>(static_cast<unsigned char>(b)) << 8) |
               static_cast<unsigned char>(c);
    }

    // day-name = %s"Mon" / %s"Tue" / ... (case-sensitive, RFC 9110 5.6.7)
    // day-name-l = %s"Monday" / ...  (rfc850-date)
    bool
    day_name(bool longform) noexcept;

    // month = %s"Jan" / ... / %s"Dec"
    bool
    month(unsigned& m) noexcept;

    // time-of-day = hour ":" minute ":" second
    bool
    time_of_day(unsigned& h, unsigned& mi, unsigned& s) noexcept
    {
        return digits(2, h) && lit(':') && digits(2, mi) && lit(':') &&
               digits(2, s);
    }
};

// day-name (three letters, packed) is one of the seven
inline bool
is_day_name(std::uint32_t v) noexcept
{
    static constexpr std::uint32_t names[] = {
        date_scanner::pack3('M', 'o', 'n'), date_scanner::pack3('T', 'u', 'e'),
        date_scanner::pack3('W', 'e', 'd'), date_scanner::pack3('T', 'h', 'u'),
        date_scanner::pack3('F', 'r', 'i'), date_scanner::pack3('S', 'a', 't'),
        date_scanner::pack3('S', 'u', 'n')};
    bool found = false;
    for(std::uint32_t n : names)
        found |= v == n;
    return found;
}

// month (three letters, packed) as 1-12, or 0
inline unsigned
month_number(std::uint32_t v) noexcept
{
    static constexpr std::uint32_t names[] = {
        date_scanner::pack3('J', 'a', 'n'), date_scanner::pack3('F', 'e', 'b'),
        date_scanner::pack3('M', 'a', 'r'), date_scanner::pack3('A', 'p', 'r'),
        date_scanner::pack3('M', 'a', 'y'), date_scanner::pack3('J', 'u', 'n'),
        date_scanner::pack3('J', 'u', 'l'), date_scanner::pack3('A', 'u', 'g'),
        date_scanner::pack3('S', 'e', 'p'), date_scanner::pack3('O', 'c', 't'),
        date_scanner::pack3('N', 'o', 'v'), date_scanner::pack3('D', 'e', 'c')};
    for(unsigned i = 0; i < 12; ++i)
        if(v == names[i])
            return i + 1;
    return 0;
}

inline bool
date_scanner::day_name(bool longform) noexcept
{
    static constexpr string_view longs[] = {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    if(e_ - p_ < 3 || !is_day_name(pack3(p_[0], p_[1], p_[2])))
        return false;
    if(!longform)
    {
        p_ += 3;
        return true;
    }
    for(string_view l : longs)
        // cppcheck-suppress useStlAlgorithm ; a plain loop keeps <algorithm> out of the headers
        if(lit(l))
            return true;
    return false;
}

inline bool
date_scanner::month(unsigned& m) noexcept
{
    if(e_ - p_ < 3)
        return false;
    m = month_number(pack3(p_[0], p_[1], p_[2]));
    if(!m)
        return false;
    p_ += 3;
    return true;
}

inline std::optional<std::int64_t>
make_epoch(std::int64_t y, unsigned m, unsigned d,
           unsigned h, unsigned mi, unsigned s) noexcept
{
    static constexpr unsigned char days_in[] = {
        31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    static constexpr unsigned short before[] = {
        0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    // year = 4DIGIT; an rfc850 year placed by a wild reference can be
    // outside it, and is no date
    if(y < 0 || y > 9999 || m < 1 || m > 12 || d < 1)
        return std::nullopt;
    bool const leap = is_leap(y);
    unsigned const dim = days_in[m - 1] + (m == 2 && leap ? 1u : 0u);
    // second = 2DIGIT, 00-60 (a leap second is read as :59)
    if(d > dim || h > 23 || mi > 59 || s > 60)
        return std::nullopt;
    if(s == 60)
        s = 59;
    // from year 1: the leap days before year y (floor division is plain
    // division for positive numbers); year 0 by the general algorithm
    std::int64_t const p = y - 1;
    std::int64_t const days = y >= 1 ? (y - 1970) * 365 + (p / 4 - p / 100 + p / 400) - 477 +
                                           before[m - 1] + (m > 2 && leap ? 1 : 0) + (d - 1)
                                     : days_from_civil(y, m, d);
    return days * 86400 + static_cast<std::int64_t>(h) * 3600 + static_cast<std::int64_t>(mi) * 60 + s;
}

} // namespace detail

/** Reads an HTTP-date as seconds since the Unix epoch.

    All three forms of RFC 9110 section 5.6.7 are accepted, case-sensitive:
    IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`, rfc850-date
    `Sunday, 06-Nov-94 08:49:37 GMT` and asctime-date
    `Sun Nov  6 08:49:37 1994`. The day name is checked for spelling, not
    against the date. Anything else, or an impossible date (the year is
    0000 to 9999), gives no value.

    An rfc850 two-digit year that would be more than 50 years after
    `reference` (epoch seconds, usually "now") is the most recent past year
    with those digits (RFC 9110 section 5.6.7). Without a reference, 70-99
    are 1970-1999 and 00-69 are 2000-2069.
*/
inline std::optional<std::int64_t>
parse_http_date(
    string_view s,
    std::optional<std::int64_t> reference = std::nullopt) noexcept
{
    unsigned d = 0;
    unsigned m = 0;
    unsigned y = 0;
    unsigned h = 0;
    unsigned mi = 0;
    unsigned sec = 0;
    if(s.size() == 29 && s[3] == ',' && s[4] == ' ' && s[7] == ' ' &&
       s[11] == ' ' && s[16] == ' ' && s[19] == ':' && s[22] == ':' &&
       s[25] == ' ' && s[26] == 'G' && s[27] == 'M' && s[28] == 'T')
    {
        // IMF-fixdate = day-name "," SP date1 SP time-of-day SP GMT
        // date1       = day SP month SP year     ; e.g., 02 Jun 1982
        // The form servers send, always 29 bytes: read by fixed positions.
        // "Sun, 06 Nov 1994 08:49:37 GMT"
        auto const* const c = reinterpret_cast<unsigned char const*>(s.data());
        auto digit = [c](int i) { return static_cast<unsigned>(c[i] - '0'); };
        unsigned const v[12] = {digit(5), digit(6), digit(12), digit(13), digit(14), digit(15),
                                digit(17), digit(18), digit(20), digit(21), digit(23), digit(24)};
        unsigned bad = 0;
        for(unsigned x : v)
            // cppcheck-suppress useStlAlgorithm ; a plain loop keeps <algorithm> out of the headers
            bad |= x > 9;
        if(!bad && detail::is_day_name(detail::date_scanner::pack3(s[0], s[1], s[2])))
        {
            unsigned const mon = detail::month_number(detail::date_scanner::pack3(s[8], s[9], s[10]));
            if(mon)
                return detail::make_epoch(
                    v[2] * 1000 + v[3] * 100 + v[4] * 10 + v[5], mon, v[0] * 10 + v[1],
                    v[6] * 10 + v[7], v[8] * 10 + v[9], v[10] * 10 + v[11]);
        }
        return std::nullopt;
    }
    {
        // asctime-date = day-name SP date3 SP time-of-day SP year
        // date3        = month SP ( 2DIGIT / ( SP DIGIT ))  ; e.g., Jun  2
        detail::date_scanner p(s);
        if(p.day_name(false) && p.lit(' ') && p.month(m) && p.lit(' ') &&
           (p.lit(' ') ? p.digits(1, d) : p.digits(2, d)) && p.lit(' ') &&
           p.time_of_day(h, mi, sec) && p.lit(' ') && p.digits(4, y) &&
           p.at_end())
            return detail::make_epoch(y, m, d, h, mi, sec);
    }
    {
        // rfc850-date  = day-name-l "," SP date2 SP time-of-day SP GMT
        // date2        = day "-" month "-" 2DIGIT       ; e.g., 02-Jun-82
        detail::date_scanner p(s);
        if(p.day_name(true) && p.lit(", ") && p.digits(2, d) && p.lit('-') &&
           p.month(m) && p.lit('-') && p.digits(2, y) && p.lit(' ') &&
           p.time_of_day(h, mi, sec) && p.lit(" GMT") && p.at_end())
        {
            std::int64_t year = 0;
            if(reference)
            {
                // civil year of the reference: days * 400 / 146097 (days
                // per 400 years) is off by at most one, then corrected
                std::int64_t days = *reference / 86400;
                if(*reference % 86400 < 0)
                    --days; // floor, without negating INT64_MIN
                std::int64_t ry = 1970 + days / 146097 * 400 + days % 146097 * 400 / 146097;
                while(detail::days_from_civil(ry, 1, 1) > days)
                    --ry;
                while(detail::days_from_civil(ry + 1, 1, 1) <= days)
                    ++ry;
                year = ry - (ry % 100 + 100) % 100 + y;
                if(year > ry + 50)
                    year -= 100;
            }
            else
            {
                year = y >= 70 ? 1900 + y : 2000 + y;
            }
            return detail::make_epoch(year, m, d, h, mi, sec);
        }
    }
    return std::nullopt;
}

} // namespace credentials
} // namespace thousandeyes

#endif
