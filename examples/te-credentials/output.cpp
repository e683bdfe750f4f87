// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#include "output.hpp"
#include "text_files.hpp"

#include <cstdio>

namespace cli {

namespace {

// civil_from_days (H. Hinnant): the proleptic Gregorian date of a day
// count from 1970-01-01.
void
civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d)
{
    z += 719468;
    std::int64_t const era = (z >= 0 ? z : z - 146096) / 146097;
    auto const doe = static_cast<unsigned>(z - era * 146097);
    unsigned const yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned const doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned const mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
}

} // namespace

std::string
iso_utc(std::int64_t epoch)
{
    // 0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z
    if(epoch < -62167219200 || epoch > 253402300799)
        return {};
    std::int64_t days = epoch / 86400;
    std::int64_t secs = epoch % 86400;
    if(secs < 0)
        secs += 86400, --days;
    std::int64_t y = 0;
    unsigned m = 0, d = 0;
    civil_from_days(days, y, m, d);
    char out[32];
    std::snprintf(out, sizeof(out), "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ",
                  static_cast<long long>(y), m, d, static_cast<long long>(secs / 3600),
                  static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60));
    return out;
}

std::string
number_text(std::optional<std::int64_t> v, char const* absent)
{
    return v ? std::to_string(*v) : absent;
}

void
put_number(std::optional<std::int64_t> v, char const* absent)
{
    std::fputs(number_text(v, absent).c_str(), stdout);
}

void
put_epoch(std::optional<std::int64_t> v, char const* absent)
{
    put_number(v, absent);
    if(v && !iso_utc(*v).empty())
        std::printf(" (%s)", iso_utc(*v).c_str());
}

void
put_json_number(char const* key, std::optional<std::int64_t> v, bool comma)
{
    std::printf("\"%s\":", key);
    put_number(v, "null");
    if(comma)
        std::fputc(',', stdout);
}

void
put_json_date(char const* key, std::optional<std::int64_t> v, bool comma)
{
    std::string const iso = v ? iso_utc(*v) : std::string();
    std::printf("\"%s\":", key);
    if(iso.empty())
        std::fputs("null", stdout);
    else
        std::printf("\"%s\"", iso.c_str());
    if(comma)
        std::fputc(',', stdout);
}

// Controls, DEL, C1 controls and bytes that are not well-formed UTF-8 are
// written as \u00XX (the byte read as Latin-1), and format characters
// (U+202E and its kind) as their own escape, \u202e, a surrogate pair above
// U+FFFF: the JSON means the same text, and no server text reaches the
// terminal raw.
void
put_json_string(string_view s)
{
    std::fputc('"', stdout);
    for(std::size_t i = 0; i < s.size();)
    {
        auto const c = static_cast<unsigned char>(s[i]);
        std::size_t const n = safe_char(s, i);
        std::uint32_t cp = 0;
        bool const format = n == 0 && utf8_at(s, i, cp) && is_format_char(cp);
        if(format && cp > 0xFFFF)
            std::printf("\\u%04x\\u%04x", static_cast<unsigned>(0xD800 + ((cp - 0x10000) >> 10)),
                        static_cast<unsigned>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
        else if(format)
            std::printf("\\u%04x", static_cast<unsigned>(cp));
        else if(n == 0)
            std::printf("\\u%04x", c);
        else if(c == '"' || c == '\\')
            std::printf("\\%c", c);
        else
            std::fwrite(s.data() + i, 1, n, stdout);
        i += n ? n : format ? utf8_at(s, i, cp) : 1;
    }
    std::fputc('"', stdout);
}

std::string
duration(std::int64_t ms)
{
    char out[48];
    if(ms < 1000)
        std::snprintf(out, sizeof(out), "%lld ms", static_cast<long long>(ms));
    else if(ms % 1000 == 0)
        std::snprintf(out, sizeof(out), "%lld s", static_cast<long long>(ms / 1000));
    else
        std::snprintf(out, sizeof(out), "%.1f s", static_cast<double>(ms) / 1000.0);
    return out;
}

std::string
explain_pace(tc::pace const& p)
{
    char out[96];
    std::snprintf(out, sizeof(out), "%lld request%s left for %s",
                  static_cast<long long>(p.remaining), p.remaining == 1 ? "" : "s",
                  duration(p.window_ms).c_str());
    return out;
}

std::string
shown(tc::shown_value const& v)
{
    return std::string(v.text) + std::string(v.marker);
}

} // namespace cli
