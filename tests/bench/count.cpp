// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// Runs one operation N times, for callgrind: the instructions of N runs
// minus those of 0 runs, divided by N, is the operation's instruction count,
// the same on every run whatever else the machine does.
//
//   count OPERATION N      (OPERATION: read-ours, read-llhttp, read-http-parser,
//                           read-beast, build-ours, build-hand-rolled,
//                           build-snprintf, build-beast)
#include "work.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>

int
main(int argc, char** argv)
{
    using namespace bench;
    if(argc != 3 || !check())
        return 2;
    std::string const head(seed_response());
    seed_request const s = seed_request::make();
    char out[1024];
    long const n = std::atol(argv[2]);
    string_view const op = argv[1];
    volatile std::size_t sink = 0;
    for(long i = 0; i < n; ++i)
    {
        extract x;
        if(op == "read-ours")
            sink = sink + read_raw(head, {}, x);
        else if(op == "read-llhttp")
            sink = sink + read_llhttp(head, x);
        else if(op == "read-http-parser")
            sink = sink + read_http_parser(head, x);
        else if(op == "read-beast")
            sink = sink + read_beast(head, x);
        else if(op == "build-ours")
            sink = sink + build_ours(s, out, sizeof(out));
        else if(op == "build-hand-rolled")
            sink = sink + build_hand_rolled(405, out, sizeof(out));
        else if(op == "build-snprintf")
            sink = sink + build_snprintf(405, out, sizeof(out));
        else if(op == "build-beast")
            sink = sink + build_beast(405, out, sizeof(out));
        else
            return 2;
        sink = sink + static_cast<std::size_t>(x.remaining);
    }
    return 0;
}
