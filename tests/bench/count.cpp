// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// Runs one operation N times, for callgrind: the instructions of N runs
// minus those of 0 runs, divided by N, is the operation's instruction count,
// the same on every run whatever else the machine does.
//
//   count --list      (the operations it counts, one a line)
//   count NAME N      (NAME: a reader's or writer's name in contenders.cpp,
//                      "read/ours", "write/hand-rolled", ...; not the SSE4.2
//                      ones: valgrind 3.19 cannot run PCMPESTRI)
//
// The operation is chosen once, before the counted loop; inside it each
// run reads the head and the id through volatiles, so nothing is hoisted
// or folded, and every contender pays the same for that.
#include "work.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

using namespace bench;

std::string const head(seed_response());
char out[1024];

char const* volatile head_data = head.data();
volatile std::size_t head_size = head.size();
volatile std::int64_t id_in = 405;

bool (*volatile read_fn)(string_view, extract&) = nullptr;
std::size_t (*volatile write_fn)(std::int64_t, char*, std::size_t) = nullptr;

std::size_t
read_once()
{
    extract x;
    return read_fn(string_view(head_data, head_size), x) + std::size_t(x.remaining);
}

std::size_t
write_once()
{
    return write_fn(id_in, out, sizeof(out));
}

} // namespace

int
main(int argc, char** argv)
{
    if(argc == 2 && std::strcmp(argv[1], "--list") == 0)
    {
        for(reader const& r : readers)
            if(!r.sse42)
                std::printf("%s\n", r.name);
        for(writer const& w : writers)
            std::printf("%s\n", w.name);
        return 0;
    }
    if(argc != 3 || !check(false))
        return 2;
    for(reader const& r : readers)
        if(std::strcmp(r.name, argv[1]) == 0 && !r.sse42)
            read_fn = r.read;
    for(writer const& w : writers)
        if(std::strcmp(w.name, argv[1]) == 0)
            write_fn = w.write;
    if(!read_fn && !write_fn)
        return std::fprintf(stderr, "count: no operation %s\n", argv[1]), 2;
    std::size_t (*const run)() = read_fn ? read_once : write_once;
    long const n = std::atol(argv[2]);
    volatile std::size_t sink = 0;
    for(long i = 0; i < n; ++i)
        sink = sink + run();
    return 0;
}
