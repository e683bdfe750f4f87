// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The work every contender does, so that each figure compares like with
// like: read a response head and extract its status and the three
// organization rate-limit numbers; write the seed request's head for an id.
// One function per contender, named in contenders.cpp; bench.cpp times them,
// count.cpp counts their instructions, and check() proves they all agree
// before anything is measured.
#ifndef TE_CREDENTIALS_BENCH_WORK_HPP
#define TE_CREDENTIALS_BENCH_WORK_HPP

#include <thousandeyes/credentials.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

namespace bench {

namespace tc = thousandeyes::credentials;
using tc::string_view;

/// What a response read must extract.
struct extract
{
    int status = 0;
    std::int64_t limit = -1, remaining = -1, reset = -1;

    bool operator==(extract const& o) const noexcept
    {
        return status == o.status && limit == o.limit && remaining == o.remaining &&
               reset == o.reset;
    }
};

/// The docs' example response head (tests/data/seed-response.http).
string_view seed_response();

/// The seed response with `fields` filler fields before its rate-limit
/// fields, and, with `value_size`, one field of that many value bytes.
std::string grown_response(int fields, std::size_t value_size = 0);

/// Options that let the largest grown head through.
tc::response_options roomy();

// ---- reading: each returns false on a parse error -----------------------
bool read_raw(string_view head, tc::response_options const& o, extract& out);
bool read_lines(string_view head, tc::response_options const& o, extract& out);
bool read_fields(string_view head, tc::response_options const& o, extract& out);
// The peers, each with two ways of matching the three field names (see
// peer_common.hpp): the locale-aware libc compare, and a careful one.
bool read_llhttp(string_view head, extract& out);
bool read_llhttp_careful(string_view head, extract& out);
bool read_http_parser(string_view head, extract& out);
bool read_http_parser_careful(string_view head, extract& out);
bool read_pico(string_view head, extract& out);          // SSE4.2
bool read_pico_careful(string_view head, extract& out);  // SSE4.2
bool read_pico_plain_careful(string_view head, extract& out); // without SSE4.2
bool read_pico_parse_only(string_view head, extract& out); // SSE4.2, the status only
bool read_pico_plain_parse_only(string_view head, extract& out);
bool read_beast(string_view head, extract& out);

/// The (name, value) pairs of a head, as a stack would hand them over.
struct pairs
{
    int status = 0;
    std::size_t count = 0;
    string_view name[256], value[256];
};
bool split(string_view head, pairs& out);
bool read_pairs(pairs const& p, tc::response_options const& o, extract& out);

// ---- writing: each writes the seed request's head for `id` (the seed's
// is 405), returns its size, or 0 when it does not fit ------------------------
std::size_t write_ours(std::int64_t id, char* out, std::size_t cap);  // the send path
std::size_t write_ours_via_request(std::int64_t id, char* out, std::size_t cap);
std::size_t write_hand_rolled(std::int64_t id, char* out, std::size_t cap); // the floor
std::size_t write_snprintf(std::int64_t id, char* out, std::size_t cap);
std::size_t write_beast(std::int64_t id, char* out, std::size_t cap);

// ---- the contenders, by the names the benchmarks and counts use ----------
struct reader
{
    char const* name; // "read/<who>"
    bool (*read)(string_view head, extract& out);
    bool parse_only;  // extracts the status only
    bool sse42;       // needs SSE4.2 (which valgrind 3.19 cannot run)
};
struct writer
{
    char const* name; // "write/<who>"
    std::size_t (*write)(std::int64_t id, char* out, std::size_t cap);
};
extern reader const readers[12];
extern writer const writers[5];

/// Heap allocations so far (alloc_count.cpp replaces operator new).
long allocation_count() noexcept;

/// Whether this processor runs the SSE4.2 contenders.
bool have_sse42() noexcept;

/// Every contender agrees on every input; a message on stderr and false
/// when one does not. The SSE4.2 ones are left out without `sse42`.
bool check(bool sse42);

} // namespace bench

#endif
