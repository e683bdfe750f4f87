// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#include "curl_exchange.hpp"
#include "output.hpp"
#include "text_files.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
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

extern "C" std::size_t
on_header(char* p, std::size_t size, std::size_t n, void* user)
{
    auto& x = *static_cast<exchange*>(user);
    string_view const line(p, size * n);
    x.reader.line(line);
    if(x.verbose)
        std::printf("< %s\n", for_terminal(without_line_end(line)).c_str());
    return size * n;
}

extern "C" std::size_t
on_body(char* p, std::size_t size, std::size_t n, void* user)
{
    auto& x = *static_cast<exchange*>(user);
    // Enough of a body (no error message is longer): the transfer stops
    // here, and the head already read is the answer. A body that never
    // ends costs no wait for the timeout.
    if(x.body_size == sizeof(x.body))
        return 0;
    std::size_t const keep = std::min(size * n, sizeof(x.body) - x.body_size);
    std::memcpy(x.body + x.body_size, p, keep);
    x.body_size += keep;
    return size * n;
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
        std::printf("> %s\n", for_terminal(line).c_str());
        return;
    }
    string_view value = line.substr(colon + 1);
    while(!value.empty() && value.front() == ' ')
        value.remove_prefix(1);
    std::printf("> %.*s: %s\n", static_cast<int>(name.size()), name.data(),
                shown(tc::show(value, true)).c_str());
}

// curl may send a request twice in one perform: when a reused connection
// turns out closed before any answer, it silently reconnects and resends.
// The first send may have been carried out, so it is counted.
extern "C" int
on_debug(CURL*, curl_infotype type, char* p, std::size_t n, void* user)
{
    auto& x = *static_cast<exchange*>(user);
    if(type != CURLINFO_HEADER_OUT)
        return 0;
    ++x.heads_sent;
    for(string_view head(p, n); x.verbose && !head.empty();)
    {
        std::size_t const eol = std::min(head.find('\n'), head.size() - 1);
        put_sent_line(without_line_end(head.substr(0, eol + 1)));
        head.remove_prefix(eol + 1);
    }
    return 0;
}

} // namespace

header_list::header_list(tc::request const& req)
{
    for(auto const& f : req.fields())
    {
        if(f.derived)
            continue;
        std::string line(f.name.data(), f.name.size());
        line.append(": ").append(f.value.data(), f.value.size());
        curl_slist* const grown = curl_slist_append(list_, line.c_str());
        tc::secure_wipe(&line[0], line.size());
        if(!grown)
        {
            std::fputs("te-credentials: libcurl: out of memory\n", stderr);
            std::exit(1);
        }
        list_ = grown;
    }
}

header_list::~header_list()
{
    for(curl_slist* i = list_; i; i = i->next)
        tc::secure_wipe(i->data, std::strlen(i->data));
    curl_slist_free_all(list_);
}

CURLcode
perform(CURL* curl, tc::request const& req, header_list const& headers, long timeout_ms,
        exchange& x)
{
    std::string const url(req.url().data(), req.url().size());
    std::string const method(req.method().data(), req.method().size());
    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
    if(req.has_body())
    {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, "");
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, 0L);
    }
    else
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &x);
    // A proxy's answer to CONNECT is not the API's: the reader never sees it.
    curl_easy_setopt(curl, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &x);
    curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, on_debug);
    curl_easy_setopt(curl, CURLOPT_DEBUGDATA, &x);
    curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L); // feeds on_debug only
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    return curl_easy_perform(curl);
}

} // namespace cli
