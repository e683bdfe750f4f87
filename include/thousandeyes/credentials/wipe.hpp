// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_WIPE_HPP
#define THOUSANDEYES_CREDENTIALS_WIPE_HPP

#include <cstddef>
#include <cstring>

namespace thousandeyes {
namespace credentials {
// Zeroes memory that held a secret in a way the optimizer may not remove
// (a plain memset before the end of an object's life is a dead store). With
// GCC and Clang: memset, then an empty asm that may read the memory through
// `p`, so the stores must happen (the Linux kernel's memzero_explicit);
// memset runs at memory speed where a volatile byte loop takes a cycle a
// byte. Elsewhere: volatile stores.
/** Sets `n` bytes at `p` to zero in a way the compiler keeps, though
    nothing reads them afterwards: for buffers that held a secret (a token,
    a head with its Authorization value, a copy a stack made of it).
*/
inline void
secure_wipe(void* p, std::size_t n) noexcept
{
#if defined(__GNUC__) || defined(__clang__)
    std::memset(p, 0, n);
    __asm__ __volatile__("" : : "r"(p) : "memory");
#else
    auto* v = static_cast<volatile unsigned char*>(p);
    for(std::size_t i = 0; i < n; ++i)
        v[i] = 0;
#endif
}

} // namespace credentials
} // namespace thousandeyes

#endif
