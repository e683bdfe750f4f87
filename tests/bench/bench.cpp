// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The benchmark suite: every figure beside its peers, in one process,
// named <work>/<who>. tests/bench/report.py runs it several times and turns
// the JSON output into ratios with their spread. Heap allocations are
// counted per operation ("allocs" counter) by the global operator new of
// alloc_count.cpp.
//
// What the optimizer may not see: each run takes its input through
// DoNotOptimize (the head's address, the id's value, the response), so no
// work is hoisted out of the loop or folded into constants.
#include "work.hpp"

#include <benchmark/benchmark.h>

namespace {

using namespace bench;

// Runs `f` as the measured operation and reports its allocations.
template<class F>
void
measure(benchmark::State& state, F&& f)
{
    long const before = allocation_count();
    for(auto _ : state)
        f();
    state.counters["allocs"] = benchmark::Counter(
        static_cast<double>(allocation_count() - before) / static_cast<double>(state.iterations()));
}

void
read_one(benchmark::State& state, bool (*read)(string_view, extract&), std::string const& head)
{
    measure(state, [&] {
        string_view h = head;
        benchmark::DoNotOptimize(h);
        extract x;
        benchmark::DoNotOptimize(read(h, x));
        benchmark::DoNotOptimize(x);
    });
    state.counters["bytes"] = static_cast<double>(head.size());
}

std::string const seed(seed_response());

void
read_pairs_only(benchmark::State& state)
{
    static pairs p;
    split(seed, p);
    measure(state, [&] {
        pairs const* in = &p;
        benchmark::DoNotOptimize(in);
        extract x;
        benchmark::DoNotOptimize(read_pairs(*in, {}, x));
        benchmark::DoNotOptimize(x);
    });
}

void
write_one(benchmark::State& state, std::size_t (*write)(std::int64_t, char*, std::size_t))
{
    char out[1024];
    measure(state, [&] {
        std::int64_t id = 405;
        benchmark::DoNotOptimize(id);
        benchmark::DoNotOptimize(write(id, out, sizeof(out)));
        benchmark::ClobberMemory();
    });
}

tc::response const&
seed_read()
{
    static tc::response const r = [] {
        tc::static_response_parser<> p;
        (void)p.feed(seed_response());
        return *p.get();
    }();
    return r;
}

void
decide(benchmark::State& state)
{
    measure(state, [&] {
        tc::response const* r = &seed_read();
        benchmark::DoNotOptimize(r);
        benchmark::DoNotOptimize(tc::decide(*r, tc::attempt_context{}));
    });
}

void
deletion_attempt(benchmark::State& state)
{
    measure(state, [&] {
        tc::response const* r = &seed_read();
        benchmark::DoNotOptimize(r);
        tc::deletion d;
        benchmark::DoNotOptimize(d.next());
        d.received(*r, 1573849473);
        benchmark::DoNotOptimize(d.next());
    });
}

void
register_all()
{
    using benchmark::RegisterBenchmark;
    bool const sse42 = have_sse42(); // else those contenders are left out
    for(reader const& r : readers)
        if(sse42 || !r.sse42)
            RegisterBenchmark(r.name, read_one, r.read, seed);
    RegisterBenchmark("read/ours-pairs", read_pairs_only);
    for(writer const& w : writers)
        RegisterBenchmark(w.name, write_one, w.write);
    RegisterBenchmark("decide/ours", decide);
    RegisterBenchmark("deletion-attempt/ours", deletion_attempt);
    // Growth: the library, llhttp and picohttpparser (careful names).
    static std::string const grown[] = {grown_response(10), grown_response(50),
                                        grown_response(200), grown_response(0, 8192)};
    static char const* const names[] = {"fields:10", "fields:50", "fields:200", "value:8192"};
    for(int i = 0; i < 4; ++i)
        for(reader const& r : readers)
        {
            std::string const who = r.name + 5; // after "read/"
            if((who == "ours" || who == "llhttp-careful" || who == "pico-careful") &&
               (sse42 || !r.sse42))
                RegisterBenchmark(("grow/" + std::string(names[i]) + "/" + who).c_str(), read_one,
                                  r.read, grown[i]);
        }
}

} // namespace

int
main(int argc, char** argv)
{
    if(!bench::check(bench::have_sse42()))
        return 1;
    register_all();
    benchmark::Initialize(&argc, argv);
    if(benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
