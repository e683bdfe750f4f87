// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The picohttpparser peer (h2o's parser, subprojects/picohttpparser): it
// splits the head into (name, value) pairs, the four numbers are taken from
// them. Built with SSE4.2 (its fast path) and, renamed phr_plain_*, without.
#include "peer_common.hpp"

extern "C" {
#include <picohttpparser.h>
int phr_plain_parse_response(const char*, size_t, int*, int*, const char**, size_t*,
                             struct phr_header*, size_t*, size_t);
}

namespace bench {

using namespace peer;

namespace {

using parse_fn = int (*)(const char*, size_t, int*, int*, const char**, size_t*,
                         struct phr_header*, size_t*, size_t);

// Room for the largest grown head (200 filler fields and the seed's).
constexpr std::size_t max_fields = 256;

template<parse_fn Parse, int (*Which)(char const*, std::size_t), bool Extract = true>
bool
read(string_view head, extract& out)
{
    phr_header fields[max_fields];
    std::size_t count = max_fields;
    int minor = 0, status = 0;
    char const* reason = nullptr;
    std::size_t reason_size = 0;
    if(Parse(head.data(), head.size(), &minor, &status, &reason, &reason_size, fields, &count,
             0) != static_cast<int>(head.size()))
        return false;
    out.status = status;
    if(Extract)
        for(std::size_t i = 0; i < count; ++i)
            if(int const w = Which(fields[i].name, fields[i].name_len))
                store(out, w, fields[i].value, fields[i].value_len);
    return true;
}

} // namespace

bool read_pico(string_view h, extract& x) { return read<phr_parse_response, which_locale>(h, x); }
bool read_pico_careful(string_view h, extract& x)
{
    return read<phr_parse_response, which_careful>(h, x);
}
bool read_pico_parse_only(string_view h, extract& x) { return read<phr_parse_response, which_careful, false>(h, x); }
bool read_pico_plain_careful(string_view h, extract& x)
{
    return read<phr_plain_parse_response, which_careful>(h, x);
}

bool read_pico_plain_parse_only(string_view h, extract& x)
{
    return read<phr_plain_parse_response, which_careful, false>(h, x);
}

} // namespace bench
