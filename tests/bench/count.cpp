// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// Runs one operation N times, for callgrind: the instructions of N runs
// minus those of 0 runs, divided by N, is the operation's instruction count,
// the same on every run whatever else the machine does.
//
//   count OPERATION N      (OPERATION: read-ours, read-llhttp, read-http-parser,
//                           read-beast, build-ours, build-ours-direct,
//                           build-hand-rolled, build-snprintf, build-beast)
#include "work.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

using namespace bench;

std::string const head(seed_response());
seed_request const s = seed_request::make();
char out[1024];

// One run of each operation: chosen once, before the counted loop, so the
// choice costs no instruction inside it.
std::size_t read_ours() { extract x; return read_raw(head, {}, x) + std::size_t(x.remaining); }
std::size_t read_ll() { extract x; return read_llhttp(head, x) + std::size_t(x.remaining); }
std::size_t read_hp() { extract x; return read_http_parser(head, x) + std::size_t(x.remaining); }
std::size_t read_bst() { extract x; return read_beast(head, x) + std::size_t(x.remaining); }
std::size_t b_ours() { return build_ours(s, out, sizeof(out)); }
std::size_t b_direct() { return build_direct(s, out, sizeof(out)); }
// The id through a volatile, as the library's comes from its input: the
// compiler cannot fold the floor's number conversion away.
volatile std::int64_t id_in = 405;
std::size_t b_hand() { return build_hand_rolled(id_in, out, sizeof(out)); }
std::size_t b_snprintf() { return build_snprintf(id_in, out, sizeof(out)); }
std::size_t b_beast() { return build_beast(id_in, out, sizeof(out)); }

struct op
{
    char const* name;
    std::size_t (*run)();
};
op const ops[] = {{"read-ours", read_ours},        {"read-llhttp", read_ll},
                  {"read-http-parser", read_hp},   {"read-beast", read_bst},
                  {"build-ours", b_ours},          {"build-ours-direct", b_direct},
                  {"build-hand-rolled", b_hand},   {"build-snprintf", b_snprintf},
                  {"build-beast", b_beast}};

} // namespace

int
main(int argc, char** argv)
{
    if(argc != 3 || !check())
        return 2;
    std::size_t (*run)() = nullptr;
    for(op const& o : ops)
        if(std::strcmp(o.name, argv[1]) == 0)
            run = o.run;
    if(!run)
        return 2;
    // volatile: the compiler can neither drop a run nor fold the id's digits
    std::size_t (*volatile chosen)() = run;
    long const n = std::atol(argv[2]);
    volatile std::size_t sink = 0;
    for(long i = 0; i < n; ++i)
        sink = sink + chosen();
    return 0;
}
