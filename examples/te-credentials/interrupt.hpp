// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// te-credentials delete: SIGINT and SIGTERM end a batch cleanly. The first
// one starts no new attempt and cuts any wait short; the attempt in flight
// ends by itself (its answer, or its timeout), so what it did is known or
// reported uncertain. A second one ends the program at once, as the signal
// would have.
#ifndef TE_CREDENTIALS_CLI_INTERRUPT_HPP
#define TE_CREDENTIALS_CLI_INTERRUPT_HPP

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <thread>

#include <unistd.h>

namespace cli {

/// The signal that interrupted the run, or 0.
inline volatile std::sig_atomic_t interrupted_by = 0;

extern "C" inline void
on_interrupt(int sig)
{
    if(interrupted_by)
    {
        std::signal(sig, SIG_DFL);
        std::raise(sig);
        return;
    }
    interrupted_by = sig;
    static char const text[] = "\nte-credentials: interrupted: no new attempt; the one in flight "
                               "ends within --timeout (interrupt again to quit now)\n";
    // write(2) is async-signal-safe; what it returns cannot be acted on here
    [[maybe_unused]] ssize_t const n = ::write(2, text, sizeof(text) - 1);
}

/// Installs the handler for SIGINT and SIGTERM.
inline void
catch_interrupts()
{
    struct sigaction sa = {};
    sa.sa_handler = on_interrupt;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART; // libcurl's poll() goes on: the attempt ends itself
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
}

/// Sleeps `ms`, in slices, until done or interrupted.
inline void
interruptible_sleep(std::int64_t ms)
{
    auto const end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while(!interrupted_by && std::chrono::steady_clock::now() < end)
        std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
            std::chrono::milliseconds(20), end - std::chrono::steady_clock::now()));
}

/// The exit status of a run a signal ended: 128 + its number (130, 143).
inline int
interrupted_status() noexcept
{
    return 128 + static_cast<int>(interrupted_by);
}

} // namespace cli

#endif
