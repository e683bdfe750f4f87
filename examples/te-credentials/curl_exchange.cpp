// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#include "curl_exchange.hpp"
#include "output.hpp"
#include "text_files.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

namespace cli {

namespace {

// A line as printed: its line end is ours, and the server's bytes are
// escaped for the terminal.
string_view
without_line_end(string_view line)
{
    while(!line.empty() && (line.back() == '\n' || line.back() == '\r'))
        line.remove_suffix(1);
    return line;
}

void
on_received(void* user, string_view line)
{
    if(static_cast<exchange*>(user)->verbose)
        std::fprintf(stderr, "< %s\n", for_terminal(without_line_end(line)).c_str());
}

// A request line curl sent, its Authorization values redacted. curl writes
// the names as given: ours, and its own for a proxy with credentials.
void
put_sent_line(string_view line)
{
    std::size_t const colon = line.find(':');
    string_view const name = line.substr(0, colon);
    if(colon == string_view::npos || (name != "Authorization" && name != "Proxy-Authorization"))
    {
        std::fprintf(stderr, "> %s\n", for_terminal(line).c_str());
        return;
    }
    string_view value = line.substr(colon + 1);
    while(!value.empty() && value.front() == ' ')
        value.remove_prefix(1);
    std::fprintf(stderr, "> %.*s: %s\n", static_cast<int>(name.size()), name.data(),
                shown(tc::show(value, true)).c_str());
}

// Each head curl wrote: ours, and a proxy's CONNECT.
void
on_sent(void* user, string_view head)
{
    if(!static_cast<exchange*>(user)->verbose)
        return;
    while(!head.empty())
    {
        std::size_t const eol = std::min(head.find('\n'), head.size() - 1);
        put_sent_line(without_line_end(head.substr(0, eol + 1)));
        head.remove_prefix(eol + 1);
    }
}

} // namespace

tc::adapters::attempt
perform(CURL* curl, tc::request const& req, tc::response_options const& o, exchange& x)
{
    x.kept.size = 0;
    tc::adapters::curl_watch w;
    w.body = &x.kept;
    w.sent = on_sent;
    w.received = on_received;
    w.user = &x;
    return tc::adapters::curl_attempt(curl, req, o, w);
}

} // namespace cli
