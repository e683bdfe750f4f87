// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// What the bare-metal example needs from its board: a console (Arm
// semihosting, which QEMU and a debug probe both serve), a way to stop, and
// the stack's high-water mark. startup.cpp implements it.
#ifndef TE_CREDENTIALS_BARE_METAL_BOARD_HPP
#define TE_CREDENTIALS_BARE_METAL_BOARD_HPP

#include <cstddef>
#include <cstdint>

namespace board {

/// Writes `n` bytes to the semihosting console.
void write(char const* p, std::size_t n) noexcept;

/// Stops the program: QEMU exits with status 0 when `ok`, else 1.
[[noreturn]] void exit(bool ok) noexcept;

/// Bytes of the stack ever used: the painted stack's high-water mark.
std::size_t stack_used() noexcept;

/// Bytes the stack region holds.
std::size_t stack_size() noexcept;

} // namespace board

#endif
