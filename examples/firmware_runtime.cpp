// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The C++ runtime a firmware build brings: no heap and no exception
// machinery, so each of these traps if anything ever asks for them.
//
// Why it is needed on a desktop toolchain: linking libstdc++'s exception
// support (eh_alloc.o) makes it malloc a 72 KiB emergency pool before main,
// whether or not anything throws. Linked statically with these definitions
// in place, the linker never pulls that object in, and the program makes
// no heap allocation at all (the firmware example's test checks this under
// valgrind). With -fno-exceptions nothing calls them; operator new trapping
// proves nothing allocates.

#include <cstddef>
#include <cstdlib>
#include <exception>
#include <new>

// The terminate handler libstdc++ installs by default is its verbose one,
// which demangles the type of the exception in flight: defining the
// handler variable here keeps that object, and the 50 KB demangler it
// brings, out of the static link (the example's text: 171 KB -> 120 KB at
// -Os). Nothing terminates here anyway; if something did, it aborts.
namespace __cxxabiv1 {
std::terminate_handler __terminate_handler = [] { std::abort(); };
} // namespace __cxxabiv1

extern "C" {
void* __cxa_allocate_exception(std::size_t) noexcept { std::abort(); }
void __cxa_free_exception(void*) noexcept { std::abort(); }
void* __cxa_allocate_dependent_exception() noexcept { std::abort(); }
void __cxa_free_dependent_exception(void*) noexcept { std::abort(); }
}

void* operator new(std::size_t) { std::abort(); }
void* operator new[](std::size_t) { std::abort(); }
void operator delete(void*) noexcept { std::abort(); }
void operator delete[](void*) noexcept { std::abort(); }
void operator delete(void*, std::size_t) noexcept { std::abort(); }
void operator delete[](void*, std::size_t) noexcept { std::abort(); }
