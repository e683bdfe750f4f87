// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// Counts heap allocations: the benchmark reports them per operation.
#include "work.hpp"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<long> allocations{0};
} // namespace

long
bench::allocation_count() noexcept
{
    return allocations.load(std::memory_order_relaxed);
}

void*
operator new(std::size_t n)
{
    allocations.fetch_add(1, std::memory_order_relaxed);
    if(void* p = std::malloc(n ? n : 1))
        return p;
    throw std::bad_alloc();
}

void
operator delete(void* p) noexcept
{
    std::free(p);
}

void
operator delete(void* p, std::size_t) noexcept
{
    std::free(p);
}
