// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// libFuzzer target: any bytes, read as a response in each input form and
// chunking, must give the same result (the same error or the same
// response), and neither the reader, the decision nor the error-message
// reader may crash. Build with -Dfuzz=true and clang++.
#include "../response_forms.hpp"

#include <thousandeyes/credentials/error_message.hpp>

#include <cstdlib>

extern "C" int
LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    std::string const raw(reinterpret_cast<char const*>(data), size);
    auto agree = [](tc::result<tc::response> const& a, tc::result<tc::response> const& b) {
        if(a.has_value() != b.has_value())
            return false;
        return a ? same(*a, *b) : a.error() == b.error();
    };
    // a small limit too, so that the head-size and line-length rules are met
    tc::response_options small;
    small.max_head_size = 1 + size % 300;
    small.max_line_size = 1 + size % 97;
    // Bytes: every chunking gives the same result or the same error code.
    auto const whole = parse_bytes(raw);
    auto const whole_small = parse_bytes(raw, small);
    if(!agree(whole, parse_chunked(raw, 1)) || !agree(whole, parse_chunked(raw, 1 + size % 13)) ||
       !agree(whole_small, parse_chunked(raw, 1, small)))
        std::abort();
    // Lines: libcurl hands over complete lines only, so they are compared
    // with the bytes up to the last line end.
    std::string const lined = raw.substr(0, raw.rfind('\n') + 1);
    if(!agree(parse_bytes(lined), parse_lines(lined)) ||
       !agree(parse_bytes(lined, small), parse_lines(lined, small)))
        std::abort();
    // a stack that parsed the head hands over the same fields
    if(whole && !agree(whole, parse_pairs(raw)))
        std::abort();
    if(whole)
    {
        tc::attempt_context a;
        a.attempt = 1 + static_cast<int>(size % 4);
        a.earlier_attempt_uncertain = size % 2;
        a.now = 1573849473;
        auto const d = tc::decide(*whole, a);
        if(d.delay_ms < 0 || tc::pace_ms(*whole, a.now) < 0)
            std::abort();
    }
    auto const m = tc::error_message::read(raw);
    if(m.text().size() > 2 * tc::error_message::max_member + 2)
        std::abort();
    return 0;
}
