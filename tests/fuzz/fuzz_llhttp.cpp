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
// or a status not on it is a finding.
// Build with -Dfuzz=true and clang++ (the llhttp sources: -Dllhttp_dir).
#include "../response_forms.hpp"

extern "C" {
#include <llhttp.h>
}

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

// Does a field line of `head` (after its first line) match `bad`?
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
        if(bad(line))
            return true;
        at = end;
    }
    return false;
}

// Where the library is stricter than llhttp, on purpose; each is a rule of
// RFC 9112 or RFC 9110 that llhttp does not enforce on responses.
bool
deliberate(boost::system::error_code const& ec, std::string const& head)
{
    using tc::error;
    // 1. Limits, which RFC 9112 section 2.3 leaves to the recipient: llhttp
    //    has none by default, the library 16 KiB of head and 8 KiB a line.
    if(ec == error::response_head_too_large || ec == error::response_line_too_long)
        return true;
    // 2. A field name that is not a token, whitespace before ':' included
    //    (RFC 9110 section 5.1: field-name = token; RFC 9112 section 5.1: "No
    //    whitespace is allowed between the field name and colon", and a proxy
    //    must remove it from a response). llhttp takes such names in
    //    responses; the library refuses the head, since another reader may
    //    take the line for another field.
    if(ec == error::response_field_line && any_field_line(head, [](std::string const& l) {
           if(l.empty() || l[0] == ' ' || l[0] == '\t')
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
       }))
        return true;
    // 3. A status code that is not exactly three digits (RFC 9112 section 4:
    //    status-code = 3DIGIT); llhttp reads "0204" as 204.
    if(ec == error::response_status_line || ec == error::response_status_code)
    {
        std::size_t const sp = head.find(' ');
        std::size_t const end = head.find_first_of(" \r\n", sp + 1);
        std::string const code = sp == std::string::npos ? "" : head.substr(sp + 1, end - sp - 1);
        if(code.size() != 3 || code.find_first_not_of("0123456789") != std::string::npos)
            return true;
    }
    // 4. A control byte where the grammar has none: NUL, DEL, a lone CR and
    //    the other CTLs but HTAB (RFC 9112 section 4: reason-phrase = 1*( HTAB
    //    / SP / VCHAR / obs-text ); RFC 9110 section 5.5: field values; RFC 9112
    //    section 2.2: a lone CR is invalid). llhttp passes some over, in the
    //    reason phrase and in values; the library refuses them everywhere.
    if(ec == error::response_control_character)
        for(std::size_t i = 0; i < head.size(); ++i)
        {
            auto const c = static_cast<unsigned char>(head[i]);
            bool const line_end = c == '\n' || (c == '\r' && i + 1 < head.size() && head[i + 1] == '\n');
            if(!line_end && ((c < 0x20 && c != '\t') || c == 0x7F))
                return true;
        }
    return false;
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
    // 5. A 101 is final for this client, which never asks for an upgrade:
    //    what follows it belongs to another protocol (RFC 9110 section
    //    15.2.2) and is not read as HTTP. llhttp passes a 101 without an
    //    Upgrade field over, as an interim response, and reads on.
    if(ours->status == 101 && s.final_status != 101)
        return 0;
    if(ours->status != s.final_status)
    {
        std::fprintf(stderr, "fuzz-llhttp: status %d here, %d for llhttp\n", ours->status,
                     s.final_status);
        std::abort();
    }
    return 0;
}
