// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// libFuzzer target: the response reader against llhttp 8.1 (Node.js's
// parser, compiled from Debian's node-llhttp sources, in its default strict
// mode). Every head that llhttp reads to the end of a final response must be
// read by the library too, to the same status, unless the library refuses
// it for one of the deliberate differences below, each a rule llhttp does
// not enforce, or reads another response for the one deliberate difference
// in what is read (5: a 101 is final). The list is the contract: a refusal
// or a status not on it is a finding. Each rule is checked on the response
// head it concerns: the input may hold interim heads (1xx) before the
// final one, and the library applies every rule to each of them.
// Build with -Dfuzz=true and clang++ (the llhttp sources: -Dllhttp_dir).
#include "../response_forms.hpp"

extern "C" {
#include <llhttp.h>
}

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

// The response heads of `raw`, each its status line and field lines up to
// the empty line that ends it: interim heads, then the final one.
std::vector<std::string>
heads_of(std::string const& raw)
{
    std::vector<std::string> out(1);
    std::size_t at = 0;
    while(at < raw.size())
    {
        std::size_t const end = raw.find('\n', at);
        std::string const line = raw.substr(at, end == std::string::npos ? std::string::npos
                                                                          : end + 1 - at);
        out.back() += line;
        at = end == std::string::npos ? raw.size() : end + 1;
        if((line == "\n" || line == "\r\n") && at < raw.size())
            out.emplace_back();
    }
    return out;
}

// Does a field line of `head` (after its status line) match `bad`?
template<class F>
bool
any_field_line(std::string const& head, F&& bad)
{
    std::size_t at = head.find('\n');
    while(at != std::string::npos && at + 1 < head.size())
    {
        std::size_t const end = head.find('\n', at + 1);
        std::string line = head.substr(at + 1, end == std::string::npos ? std::string::npos
                                                                          : end - at - 1);
        if(!line.empty() && line.back() == '\r')
            line.pop_back();
        if(!line.empty() && bad(line))
            return true;
        at = end;
    }
    return false;
}

// 2. A field name that is not a token, whitespace before ':' included
//    (RFC 9110 section 5.1: field-name = token; RFC 9112 section 5.1: "No
//    whitespace is allowed between the field name and colon", and a proxy
//    must remove it from a response). llhttp takes such names in
//    responses; the library refuses the head, since another reader may
//    take the line for another field.
bool
bad_field_name(std::string const& l)
{
    if(l[0] == ' ' || l[0] == '\t')
        return false; // an obs-fold continuation, not a name
    std::size_t const colon = l.find(':');
    std::string const name = l.substr(0, colon);
    if(name.empty() || colon == std::string::npos)
        return true; // token = 1*tchar, and a field line has its ':'
    static char const tchar_others[] = "!#$%&'*+-.^_`|~";
    for(unsigned char c : name)
        if(!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
             std::strchr(tchar_others, c) != nullptr) || c == 0)
            return true;
    return false;
}

// 3. A status code that is not exactly three digits (RFC 9112 section 4:
//    status-code = 3DIGIT), or is below 100 (RFC 9110 section 15: the first
//    digit is its class, 1 to 5; the library reads 100 to 999); llhttp
//    reads "0204" as 204, and "010" as an interim 10.
bool
bad_status_code(std::string const& head)
{
    std::string const line = head.substr(0, head.find('\n'));
    std::size_t const sp = line.find(' ');
    std::size_t const end = line.find_first_of(" \r", sp + 1);
    std::string const code = sp == std::string::npos ? "" : line.substr(sp + 1, end - sp - 1);
    return code.size() != 3 || code.find_first_not_of("0123456789") != std::string::npos ||
           code[0] == '0';
}

// 6. An interim (1xx) response has no body whatever its fields say (RFC
//    9112 section 6.3, rule 1: it "is always terminated by the first empty
//    line after the header fields ... and thus cannot contain a message
//    body"). llhttp reads a Content-Length body after a 1xx head; the
//    library reads the next line as the next status line, so the two read
//    other heads after it, or the library refuses what llhttp skipped.
bool
interim_with_body_fields(std::vector<std::string> const& heads)
{
    for(std::string const& head : heads)
    {
        std::size_t const sp = head.find(' ');
        if(head.compare(0, 5, "HTTP/") != 0 || sp == std::string::npos || sp + 1 >= head.size() ||
           head[sp + 1] != '1')
            continue;
        if(any_field_line(head, [](std::string const& l) {
               std::string name = l.substr(0, l.find(':'));
               for(char& c : name)
                   c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
               return name == "content-length" || name == "transfer-encoding";
           }))
            return true;
    }
    return false;
}

// Where the library is stricter than llhttp, on purpose; each is a rule of
// RFC 9112 or RFC 9110 that llhttp does not enforce on responses.
bool
deliberate(boost::system::error_code const& ec, std::string const& raw)
{
    using tc::error;
    // 1. Limits, which RFC 9112 section 2.3 leaves to the recipient: llhttp
    //    has none by default, the library 16 KiB of head and 8 KiB a line.
    if(ec == error::response_head_too_large || ec == error::response_line_too_long)
        return true;
    std::vector<std::string> const heads = heads_of(raw);
    for(std::string const& head : heads)
    {
        if(ec == error::response_field_line && any_field_line(head, bad_field_name))
            return true;
        if((ec == error::response_status_line || ec == error::response_status_code) &&
           bad_status_code(head))
            return true;
    }
    if(interim_with_body_fields(heads))
        return true; // 6, below: the two read other bytes as heads after it
    // 4. A control byte where the grammar has none: NUL, DEL, a lone CR and
    //    the other CTLs but HTAB (RFC 9112 section 4: reason-phrase = 1*( HTAB
    //    / SP / VCHAR / obs-text ); RFC 9110 section 5.5: field values; RFC 9112
    //    section 2.2: a lone CR is invalid). llhttp passes some over, in the
    //    reason phrase and in values; the library refuses them everywhere.
    if(ec == error::response_control_character)
        for(std::size_t i = 0; i < raw.size(); ++i)
        {
            auto const c = static_cast<unsigned char>(raw[i]);
            bool const line_end = c == '\n' || (c == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n');
            if(!line_end && ((c < 0x20 && c != '\t') || c == 0x7F))
                return true;
        }
    return false;
}

// The deliberate differences in what is read: 5, and 6 above.
// 5. A 101 is final for this client, which never asks for an upgrade: what
//    follows it belongs to another protocol (RFC 9110 section 15.2.2) and is
//    not read as HTTP. llhttp passes a 101 without an Upgrade field over, as
//    an interim response, and reads on to a later head.
bool
deliberate_status(int ours, int llhttps, std::string const& raw)
{
    return (ours == 101 && llhttps != 101) || interim_with_body_fields(heads_of(raw));
}

struct state
{
    int final_status = 0; // status of the first final response's head, once complete
    bool head_done = false;
};

int
on_headers_complete(llhttp_t* p)
{
    auto& s = *static_cast<state*>(p->data);
    if(p->status_code >= 200)
    {
        s.final_status = p->status_code;
        s.head_done = true;
        return HPE_PAUSED; // the head is what is compared
    }
    return 0;
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    static llhttp_settings_t const settings = [] {
        llhttp_settings_t s;
        llhttp_settings_init(&s);
        s.on_headers_complete = on_headers_complete;
        return s;
    }();
    std::string const raw(reinterpret_cast<char const*>(data), size);
    llhttp_t p;
    llhttp_init(&p, HTTP_RESPONSE, &settings);
    state s;
    p.data = &s;
    llhttp_errno_t const e = llhttp_execute(&p, raw.data(), raw.size());
    if(!s.head_done || (e != HPE_OK && e != HPE_PAUSED))
        return 0;
    std::size_t const head_end = static_cast<std::size_t>(llhttp_get_error_pos(&p) - raw.data());
    auto const ours = parse_bytes(raw.substr(0, head_end));
    if(!ours)
    {
        if(deliberate(ours.error(), raw.substr(0, head_end)))
            return 0;
        std::fprintf(stderr, "fuzz-llhttp: llhttp reads a %d, the library refuses: %s\n",
                     s.final_status, ours.error().message().c_str());
        std::abort();
    }
    if(deliberate_status(ours->status, s.final_status, raw.substr(0, head_end)))
        return 0;
    if(ours->status != s.final_status)
    {
        std::fprintf(stderr, "fuzz-llhttp: status %d here, %d for llhttp\n", ours->status,
                     s.final_status);
        std::abort();
    }
    return 0;
}
