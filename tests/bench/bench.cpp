// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The benchmark suite: every figure beside its peers, in one process,
// named <work>/<who>. tests/bench/report.py turns the JSON output into the
// ratios the README shows. Heap allocations are counted per operation
// ("allocs" counter) by the global operator new of alloc_count.cpp.
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
        extract x;
        benchmark::DoNotOptimize(read(head, x));
        benchmark::DoNotOptimize(x);
    });
    state.counters["bytes"] = static_cast<double>(head.size());
}

std::string const seed(seed_response());

bool raw(string_view h, extract& x) { return read_raw(h, {}, x); }
bool raw_roomy(string_view h, extract& x) { return read_raw(h, roomy(), x); }
bool lines(string_view h, extract& x) { return read_lines(h, {}, x); }

void
read_pairs_only(benchmark::State& state)
{
    static pairs p;
    split(seed, p);
    measure(state, [&] {
        extract x;
        benchmark::DoNotOptimize(read_pairs(p, {}, x));
        benchmark::DoNotOptimize(x);
    });
}

void
build_with(benchmark::State& state, std::size_t (*f)(std::int64_t, char*, std::size_t))
{
    char out[1024];
    measure(state, [&] {
        benchmark::DoNotOptimize(f(405, out, sizeof(out)));
        benchmark::ClobberMemory();
    });
}

void
build_with_ours(benchmark::State& state, std::size_t (*f)(seed_request const&, char*, std::size_t))
{
    static seed_request const s = seed_request::make();
    char out[1024];
    measure(state, [&] {
        benchmark::DoNotOptimize(f(s, out, sizeof(out)));
        benchmark::ClobberMemory();
    });
}

void
decide(benchmark::State& state)
{
    static tc::response const r = [] {
        tc::static_response_parser<> p;
        (void)p.feed(seed_response());
        return *p.get();
    }();
    measure(state, [&] { benchmark::DoNotOptimize(tc::decide(r, tc::attempt_context{})); });
}

void
deletion_attempt(benchmark::State& state)
{
    static tc::response const r = [] {
        tc::static_response_parser<> p;
        (void)p.feed(seed_response());
        return *p.get();
    }();
    measure(state, [&] {
        tc::deletion d;
        benchmark::DoNotOptimize(d.next());
        d.received(r, 1573849473);
        benchmark::DoNotOptimize(d.next());
    });
}

void
register_all()
{
    using benchmark::RegisterBenchmark;
    RegisterBenchmark("read/raw/ours", read_one, raw, seed);
    RegisterBenchmark("read/lines/ours", read_one, lines, seed);
    RegisterBenchmark("read/pairs/ours", read_pairs_only);
    RegisterBenchmark("read/raw/llhttp", read_one, read_llhttp, seed);
    RegisterBenchmark("read/raw/http-parser", read_one, read_http_parser, seed);
    RegisterBenchmark("read/raw/beast", read_one, read_beast, seed);
    RegisterBenchmark("build/ours", build_with_ours, build_ours);
    RegisterBenchmark("build/ours-direct", build_with_ours, build_direct);
    RegisterBenchmark("build/hand-rolled", build_with, build_hand_rolled);
    RegisterBenchmark("build/snprintf", build_with, build_snprintf);
    RegisterBenchmark("build/beast", build_with, build_beast);
    RegisterBenchmark("decide/ours", decide);
    RegisterBenchmark("deletion-attempt/ours", deletion_attempt);
    static std::string const grown[] = {grown_response(10), grown_response(50),
                                        grown_response(200), grown_response(0, 8192)};
    static char const* const names[] = {"fields:10", "fields:50", "fields:200", "value:8192"};
    for(int i = 0; i < 4; ++i)
    {
        RegisterBenchmark((std::string("grow/") + names[i] + "/ours").c_str(), read_one, raw_roomy,
                          grown[i]);
        RegisterBenchmark((std::string("grow/") + names[i] + "/llhttp").c_str(), read_one,
                          read_llhttp, grown[i]);
    }
}

} // namespace

int
main(int argc, char** argv)
{
    if(!bench::check())
        return 1;
    register_all();
    benchmark::Initialize(&argc, argv);
    if(benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
