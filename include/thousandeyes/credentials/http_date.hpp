// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_HTTP_DATE_HPP
#define THOUSANDEYES_CREDENTIALS_HTTP_DATE_HPP

#include <thousandeyes/credentials/string_view.hpp>

#include <thousandeyes/credentials/detail/charsets.hpp>

#include <cstdint>
#include <optional>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// (32-bit: the years read are 0000-9999, and a 64-bit division is a
// library call on small processors)
inline constexpr bool
is_leap(std::uint32_t y) noexcept
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

// Day and month names by a perfect hash of their three letters: for the
// seven day names, and for the twelve month names, (4 * c0 + c1 + c2) mod 32
// (plus c1 / 64, which the shifts bring in) differs between any two, so one
// table entry and one comparison decide.
inline constexpr unsigned
name_hash(std::uint32_t packed) noexcept
{
    return ((packed >> 14) + (packed >> 8) + packed) & 31;
}

struct name_table
{
    // a name packed and inverted: 0 where no name hashes, which no three
    // letters packed (at most 0xFFFFFF) inverted can equal
    std::uint32_t name[32] = {};
    unsigned char number[32] = {};

    template<std::size_t N>
    constexpr explicit name_table(char const (&names)[N][4]) noexcept
    {
        for(std::size_t i = 0; i < N; ++i)
        {
            std::uint32_t const v = date_scanner::pack3(names[i][0], names[i][1], names[i][2]);
            name[name_hash(v)] = ~v;
            number[name_hash(v)] = static_cast<unsigned char>(i + 1);
        }
    }

    // 1-N for a name, else 0
    constexpr unsigned
    find(std::uint32_t v) const noexcept
    {
        unsigned const h = name_hash(v);
        return name[h] == ~v ? number[h] : 0;
    }
};

inline constexpr char day_names[7][4] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
inline constexpr char month_names[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
inline constexpr name_table days_table(day_names);
inline constexpr name_table months_table(month_names);

// The hash is perfect: every name is found, with its own number.
template<std::size_t N>
constexpr bool
finds_all(name_table const& t, char const (&names)[N][4]) noexcept
{
    for(std::size_t i = 0; i < N; ++i)
        if(t.find(date_scanner::pack3(names[i][0], names[i][1], names[i][2])) != i + 1)
            return false;
    return true;
}
static_assert(finds_all(days_table, day_names) && finds_all(months_table, month_names));

// day-name (three letters, packed) is one of the seven
inline bool
is_day_name(std::uint32_t v) noexcept
{
    return days_table.find(v) != 0;
}

// month (three letters, packed) as 1-12, or 0
inline unsigned
month_number(std::uint32_t v) noexcept
{
    return months_table.find(v);
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
    auto const year = static_cast<std::uint32_t>(y);
    bool const leap = is_leap(year);
    unsigned const dim = days_in[m - 1] + (m == 2 && leap ? 1u : 0u);
    // second = 2DIGIT, 00-60 (a leap second is read as :59)
    if(d > dim || h > 23 || mi > 59 || s > 60)
        return std::nullopt;
    if(s == 60)
        s = 59;
    // from year 1: the leap days before year y (floor division is plain
    // division for positive numbers); year 0 by the general algorithm
    std::uint32_t const p = year - 1;
    std::int64_t const days =
        year >= 1 ? (y - 1970) * 365 + static_cast<std::int64_t>(p / 4 - p / 100 + p / 400) -
                        477 + before[m - 1] + (m > 2 && leap ? 1 : 0) + (d - 1)
                  : days_from_civil(y, m, d);
    return days * 86400 + static_cast<std::int64_t>(h) * 3600 + static_cast<std::int64_t>(mi) * 60 + s;
}

// The 29 bytes at c have IMF-fixdate's punctuation and digits where
// "Sun, 06 Nov 1994 08:49:37 GMT" has them (the names are checked apart):
// with SSE2, two overlapping 16-byte loads (bytes 0-15 and 13-28) and a mask
// of the positions each test applies to.
inline bool
imf_fixdate_shape(char const* c) noexcept
{
#if defined(__SSE2__)
    __m128i const a = _mm_loadu_si128(reinterpret_cast<__m128i const*>(c));
    __m128i const b = _mm_loadu_si128(reinterpret_cast<__m128i const*>(c + 13));
    auto same = [](__m128i x, __m128i t) {
        return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, t)));
    };
    auto digits = [](__m128i x) {
        __m128i const d = _mm_sub_epi8(x, _mm_set1_epi8('0'));
        return static_cast<unsigned>(
            _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d)));
    };
    // bytes 0-15 "Sun, 06 Nov 1994": ',' SP at 3, 4; SP at 7, 11 (0x0898);
    // digits at 5, 6, 12-15 (0xF060)
    __m128i const ta = _mm_setr_epi8(0, 0, 0, ',', ' ', 0, 0, ' ', 0, 0, 0, ' ', 0, 0, 0, 0);
    // bytes 13-28 "994 08:49:37 GMT": SP, ':', ':', " GMT" at 3, 6, 9, 12-15
    // (0xF248); digits at 0-2, 4, 5, 7, 8, 10, 11 (0x0DB7)
    __m128i const tb = _mm_setr_epi8(0, 0, 0, ' ', 0, 0, ':', 0, 0, ':', 0, 0, ' ', 'G', 'M', 'T');
    return ((same(a, ta) & 0x0898u) | (digits(a) & 0xF060u)) == 0xF8F8u &&
           ((same(b, tb) & 0xF248u) | (digits(b) & 0x0DB7u)) == 0xFFFFu;
#else
    static constexpr char shape[] = "aaa, 00 aaa 0000 00:00:00 GMT"; // 'a' not tested here
    for(int i = 0; i < 29; ++i)
    {
        auto const x = static_cast<unsigned char>(c[i]);
        bool const ok = shape[i] == '0'   ? is_digit(x)
                        : shape[i] == 'a' ? true
                                          : x == static_cast<unsigned char>(shape[i]);
        if(!ok)
            return false;
    }
    return true;
#endif
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
    if(s.size() == 29 && detail::imf_fixdate_shape(s.data()))
    {
        // IMF-fixdate = day-name "," SP date1 SP time-of-day SP GMT
        // date1       = day SP month SP year     ; e.g., 02 Jun 1982
        // The form servers send, always 29 bytes: read by fixed positions.
        auto const* const c = reinterpret_cast<unsigned char const*>(s.data());
        auto two = [c](int i) { return static_cast<unsigned>(c[i] - '0') * 10 + (c[i + 1] - '0'); };
        if(detail::is_day_name(detail::date_scanner::pack3(s[0], s[1], s[2])))
            if(unsigned const mon = detail::month_number(detail::date_scanner::pack3(s[8], s[9], s[10])))
                return detail::make_epoch(two(12) * 100 + two(14), mon, two(5), two(17), two(20),
                                          two(23));
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
