// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// Every contender once, by name: bench.cpp times them, count.cpp counts
// their instructions, check.cpp proves they agree.
#include "work.hpp"

namespace bench {

namespace {

// Options that let every grown head through, made once.
tc::response_options const options = roomy();

bool ours(string_view h, extract& x) { return read_raw(h, options, x); }
bool ours_lines(string_view h, extract& x) { return read_lines(h, options, x); }

} // namespace

reader const readers[12] = {
    {"read/ours", ours, false, false},
    {"read/ours-lines", ours_lines, false, false},
    {"read/llhttp", read_llhttp, false, false},
    {"read/llhttp-careful", read_llhttp_careful, false, false},
    {"read/http-parser", read_http_parser, false, false},
    {"read/http-parser-careful", read_http_parser_careful, false, false},
    {"read/pico", read_pico, false, true},
    {"read/pico-careful", read_pico_careful, false, true},
    {"read/pico-plain-careful", read_pico_plain_careful, false, false},
    {"read/pico-parse-only", read_pico_parse_only, true, true},
    {"read/pico-plain-parse-only", read_pico_plain_parse_only, true, false},
    {"read/beast", read_beast, false, false},
};

writer const writers[5] = {
    {"write/ours", write_ours},
    {"write/ours-via-request", write_ours_via_request},
    {"write/hand-rolled", write_hand_rolled},
    {"write/snprintf", write_snprintf},
    {"write/beast", write_beast},
};

bool
have_sse42() noexcept
{
    return __builtin_cpu_supports("sse4.2");
}

} // namespace bench
