// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The whole runtime of the bare-metal example: a vector table, a reset
// handler that copies .data, clears .bss and paints the stack, Arm
// semihosting for the console and the exit, and the C and C++ runtime hooks
// that must never be used: a heap (`_sbrk` refuses and stops the program)
// and exceptions (Boost's throw_exception stops it too). No OS, no heap,
// no exceptions, no RTTI.

#include "board.hpp"

#include <boost/assert/source_location.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <exception>

extern "C" {
// from mps2.ld
extern std::uint32_t __data_load[], __data_start[], __data_end[];
extern std::uint32_t __bss_start[], __bss_end[];
extern std::uint32_t __stack_bottom[], __stack_top[];
extern void (*__preinit_array_start[])(), (*__preinit_array_end[])();
extern void (*__init_array_start[])(), (*__init_array_end[])();
// The program's main, under another name: C++ forbids calling main.
int program_main() __asm__("main");
}

namespace {

constexpr std::uint32_t paint = 0xC0FFEE5Au;

// Arm semihosting (Arm DUI 0471): the operation in r0, its argument in r1,
// then BKPT 0xAB on M-profile cores.
int
semihost(int op, void const* arg) noexcept
{
    register int r0 __asm__("r0") = op;
    register void const* r1 __asm__("r1") = arg;
    __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

constexpr int sys_write0 = 0x04; // a NUL-terminated string to the console
constexpr int sys_exit = 0x18;   // r1: the reason, on 32-bit Arm
constexpr std::uintptr_t application_exit = 0x20026; // ADP_Stopped_ApplicationExit
constexpr std::uintptr_t run_time_error = 0x20023;   // ADP_Stopped_RunTimeErrorUnknown

void
say(char const* s) noexcept
{
    board::write(s, std::strlen(s));
}

void
say(std::size_t n) noexcept
{
    char digits[12];
    char* p = digits + sizeof(digits);
    do
        *--p = static_cast<char>('0' + n % 10);
    while((n /= 10) != 0);
    board::write(p, static_cast<std::size_t>(digits + sizeof(digits) - p));
}

} // namespace

namespace board {

void
write(char const* p, std::size_t n) noexcept
{
    char chunk[65];
    while(n > 0)
    {
        std::size_t const k = n < sizeof(chunk) - 1 ? n : sizeof(chunk) - 1;
        std::memcpy(chunk, p, k);
        chunk[k] = '\0';
        semihost(sys_write0, chunk); // a NUL in the data would end a chunk early: none is written
        p += k;
        n -= k;
    }
}

void
exit(bool ok) noexcept
{
    for(;;)
        semihost(sys_exit, reinterpret_cast<void const*>(ok ? application_exit : run_time_error));
}

std::size_t
stack_used() noexcept
{
    std::uint32_t const* p = __stack_bottom;
    while(p < __stack_top && *p == paint)
        ++p;
    return static_cast<std::size_t>(reinterpret_cast<char const*>(__stack_top) -
                                    reinterpret_cast<char const*>(p));
}

std::size_t
stack_size() noexcept
{
    return static_cast<std::size_t>(reinterpret_cast<char const*>(__stack_top) -
                                    reinterpret_cast<char const*>(__stack_bottom));
}

} // namespace board

extern "C" {

[[noreturn]] void
reset_handler()
{
    std::uint32_t const* from = __data_load;
    for(std::uint32_t* to = __data_start; to < __data_end;)
        *to++ = *from++;
    for(std::uint32_t* to = __bss_start; to < __bss_end;)
        *to++ = 0;
    // Paint the stack below this function's frame, so stack_used() can
    // find how deep the program ever went.
    std::uint32_t* sp;
    __asm__ volatile("mov %0, sp" : "=r"(sp));
    for(std::uint32_t* p = __stack_bottom; p < sp - 16;)
        *p++ = paint;
    for(auto f = __preinit_array_start; f < __preinit_array_end; ++f)
        (*f)();
    for(auto f = __init_array_start; f < __init_array_end; ++f)
        (*f)();
    int const status = program_main();
    // every program reports how deep its stack went: the figures' stack
    // column (tests/bare_metal/test_qemu.py reads this line)
    say("stack: ");
    say(board::stack_used());
    say(" of ");
    say(board::stack_size());
    say(" bytes used\n");
    board::exit(status == 0);
}

[[noreturn]] void
fault_handler()
{
    say("fault: the core took a fault exception\n");
    board::exit(false);
}

// What static objects' destructors are registered against (crtbegin.o's,
// which -nostartfiles leaves out). They never run: the program stops.
void* __dso_handle = nullptr;

// The heap: refused. newlib's malloc asks here first, so any allocation
// stops the program with a message instead of succeeding quietly.
void*
_sbrk(std::ptrdiff_t)
{
    say("heap: an allocation was attempted; this program has no heap\n");
    board::exit(false);
}

[[noreturn]] void
_exit(int status)
{
    board::exit(status == 0);
}

// newlib's abort raises a signal and its assert prints through stdio (a
// heap-buffered FILE): both replaced, so neither is linked in.
[[noreturn]] void
abort()
{
    say("abort\n");
    board::exit(false);
}

[[noreturn]] void
__assert_func(char const* file, int, char const*, char const* expression)
{
    say("assertion failed: ");
    say(expression);
    say(" in ");
    say(file);
    say("\n");
    board::exit(false);
}

// Cortex-M vector table: the initial stack pointer, then the handlers.
struct vector_table
{
    std::uint32_t* stack_top;
    void (*handlers[15])();
};

__attribute__((section(".vectors"), used)) vector_table const vectors = {
    __stack_top,
    {
        reset_handler,
        fault_handler, // NMI
        fault_handler, // HardFault
        fault_handler, // MemManage
        fault_handler, // BusFault
        fault_handler, // UsageFault
        nullptr, nullptr, nullptr, nullptr,
        fault_handler, // SVCall
        fault_handler, // DebugMonitor
        nullptr,
        fault_handler, // PendSV
        fault_handler, // SysTick
    },
};

} // extern "C"

// Without exceptions, Boost reports what it cannot throw here. The library
// returns error codes and never gets here.
namespace boost {
[[noreturn]] void
throw_exception(std::exception const&)
{
    say("boost::throw_exception: no exceptions here\n");
    board::exit(false);
}
[[noreturn]] void
throw_exception(std::exception const&, source_location const&)
{
    say("boost::throw_exception: no exceptions here\n");
    board::exit(false);
}
} // namespace boost
