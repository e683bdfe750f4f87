// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_DETAIL_WIPE_HPP
#define THOUSANDEYES_CREDENTIALS_DETAIL_WIPE_HPP

#include <cstddef>

namespace thousandeyes {
namespace credentials {
namespace detail {

// Zeroes memory that held a secret in a way the optimizer may not remove
// (a plain memset before the end of an object's life is a dead store).
inline void
secure_wipe(void* p, std::size_t n) noexcept
{
    auto* v = static_cast<volatile unsigned char*>(p);
    for(std::size_t i = 0; i < n; ++i)
        v[i] = 0;
#if defined(__GNUC__) || defined(__clang__)
    __asm__ __volatile__("" : : "r"(p) : "memory");
#endif
}

} // namespace detail
} // namespace credentials
} // namespace thousandeyes

#endif
