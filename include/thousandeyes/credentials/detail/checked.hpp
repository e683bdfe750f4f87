// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_DETAIL_CHECKED_HPP
#define THOUSANDEYES_CREDENTIALS_DETAIL_CHECKED_HPP

// Checked and saturating arithmetic on the times the caller and the server
// supply: a hostile Reset or a wild clock gives a huge value (which the
// policy's cap refuses), never undefined behaviour. GCC's and Clang's
// builtins where they exist; the standard fallback elsewhere (MSVC), and
// in any build that defines THOUSANDEYES_CREDENTIALS_NO_BUILTIN_OVERFLOW
// (one test configuration does, so the fallback is tested too).

#include <cstdint>

#if !defined(THOUSANDEYES_CREDENTIALS_NO_BUILTIN_OVERFLOW) && \
    (defined(__GNUC__) || defined(__clang__))
#define THOUSANDEYES_CREDENTIALS_BUILTIN_OVERFLOW 1
#endif

namespace thousandeyes {
namespace credentials {
namespace detail {

/// a + b into r; true when it overflows (r is then unspecified).
inline constexpr bool
portable_add_overflow(std::int64_t a, std::int64_t b, std::int64_t& r) noexcept
{
    if((b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b))
        return true;
    r = a + b;
    return false;
}

/// a - b into r; true when it overflows (r is then unspecified).
inline constexpr bool
portable_sub_overflow(std::int64_t a, std::int64_t b, std::int64_t& r) noexcept
{
    if((b < 0 && a > INT64_MAX + b) || (b > 0 && a < INT64_MIN + b))
        return true;
    r = a - b;
    return false;
}

inline bool
add_overflow(std::int64_t a, std::int64_t b, std::int64_t& r) noexcept
{
#ifdef THOUSANDEYES_CREDENTIALS_BUILTIN_OVERFLOW
    return __builtin_add_overflow(a, b, &r);
#else
    return portable_add_overflow(a, b, r);
#endif
}

inline bool
sub_overflow(std::int64_t a, std::int64_t b, std::int64_t& r) noexcept
{
#ifdef THOUSANDEYES_CREDENTIALS_BUILTIN_OVERFLOW
    return __builtin_sub_overflow(a, b, &r);
#else
    return portable_sub_overflow(a, b, r);
#endif
}

inline std::int64_t
sat_add(std::int64_t a, std::int64_t b) noexcept
{
    std::int64_t r = 0;
    if(add_overflow(a, b, r))
        return b > 0 ? INT64_MAX : INT64_MIN;
    return r;
}

inline std::int64_t
sat_sub(std::int64_t a, std::int64_t b) noexcept
{
    std::int64_t r = 0;
    if(sub_overflow(a, b, r))
        return b < 0 ? INT64_MAX : INT64_MIN;
    return r;
}

/// Whole seconds to milliseconds: never negative, saturating.
inline constexpr std::int64_t
seconds_to_ms(std::int64_t s) noexcept
{
    if(s <= 0)
        return 0;
    if(s > INT64_MAX / 1000)
        return INT64_MAX;
    return s * 1000;
}

} // namespace detail
} // namespace credentials
} // namespace thousandeyes

#endif
