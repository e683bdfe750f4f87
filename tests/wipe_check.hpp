// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_TESTS_WIPE_CHECK_HPP
#define THOUSANDEYES_CREDENTIALS_TESTS_WIPE_CHECK_HPP

#include <cstddef>
#include <cstring>
#include <new>
#include <string>

// What the bytes of an object's storage held around its destruction.
struct wipe_observation
{
    bool held_before; // the secret was in the object's bytes
    bool held_after;  // ... and still is after its destructor ran
};

// Copies `original` into storage that outlives the copy, destroys the copy,
// and looks for `secret` in that storage before and after.
template<class T>
wipe_observation
observe_copy_destruction(T const& original, std::string const& secret)
{
    // Filled first, so that every byte looked at is defined (memcheck); the
    // barrier keeps the fill, which the optimizer would drop as a store
    // before a constructor (GCC's lifetime dead-store elimination).
    alignas(T) unsigned char storage[sizeof(T)];
    std::memset(storage, 0xA5, sizeof(storage));
#if defined(__GNUC__) || defined(__clang__)
    __asm__ __volatile__("" : : "r"(storage) : "memory");
#endif
    auto holds = [&] {
        return std::string(reinterpret_cast<char const*>(storage), sizeof(storage))
                   .find(secret) != std::string::npos;
    };
    T* copy = new(storage) T(original);
    bool const before = holds();
    copy->~T();
    return {before, holds()};
}

#endif
