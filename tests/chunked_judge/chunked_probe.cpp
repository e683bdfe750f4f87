// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The library's chunked-body decoder as a filter, for the judge in
// test_chunked_judge.py (Python's http.client decodes the same bodies).
// Each input line is "PIECE HEXBODY": the body, fed in pieces of PIECE
// bytes. Each output line is "ok HEXDATA" (the decoded data, and the body
// was complete), or "error CODE" (the error's number).
#include "../hex_text.hpp"

#include <thousandeyes/credentials/chunked_decoder.hpp>

#include <algorithm>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

namespace tc = thousandeyes::credentials;

namespace {

std::string
decode(std::string const& body, std::size_t piece)
{
    tc::chunked_decoder d;
    std::string data;
    for(std::size_t at = 0; at < body.size() && !d.done(); at += piece)
    {
        tc::string_view in(body.data() + at, std::min(piece, body.size() - at));
        while(!in.empty() && !d.done())
        {
            auto const p = d.feed(in);
            if(!p)
                return "error " + std::to_string(p.error().value());
            data.append(p->data.data(), p->data.size());
            in.remove_prefix(p->consumed);
        }
    }
    if(auto const ec = d.finish())
        return "error " + std::to_string(ec.value());
    return "ok " + to_hex(data);
}

} // namespace

int
main()
{
    std::string line;
    while(std::getline(std::cin, line))
    {
        std::size_t const sp = line.find(' ');
        std::size_t const piece = std::strtoul(line.substr(0, sp).c_str(), nullptr, 10);
        std::cout << decode(from_hex(line.substr(sp + 1)), piece ? piece : 1) << '\n';
    }
    return 0;
}
