// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// libFuzzer targets: the command line's readers of the user's inputs, the
// very functions te-credentials runs (examples/te-credentials/inputs.hpp),
// one target per reader, chosen at build time (-DTE_FUZZ_READER=1, 2, 3):
//   1 an ids file: every id read is a line of the file, trimmed, once;
//   2 a token file: the token is the first line, without its BOM and line
//     end, and holds no line end or NUL;
//   3 a response transcript: a head with a body (Content-Length, chunked)
//     is the response, whatever its body holds, so its status is the one the
//     library's byte parser reads from the same bytes (the judge: a body
//     that looks like a 204 was once read as the answer).
// Build with -Dfuzz=true and clang++.
#include "../../examples/te-credentials/inputs.hpp"
#include "../response_forms.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

[[noreturn]] void
finding(char const* what)
{
    std::fprintf(stderr, "fuzz-cli-inputs: %s\n", what);
    std::abort();
}

// The trimmed lines of `text` as the ids reader sees them.
bool
is_trimmed_line(std::string const& text, std::string const& want)
{
    std::size_t at = 0;
    while(at <= text.size())
    {
        std::size_t const eol = text.find('\n', at);
        std::string line = text.substr(at, eol == std::string::npos ? std::string::npos : eol - at);
        std::size_t const b = line.find_first_not_of(" \t\r\xEF\xBB\xBF");
        std::size_t const e = line.find_last_not_of(" \t\r");
        if(b != std::string::npos && line.substr(b, e - b + 1) == want)
            return true;
        if(eol == std::string::npos)
            break;
        at = eol + 1;
    }
    return false;
}

[[maybe_unused]] void
ids_file(std::string const& text)
{
    std::vector<tc::credential_id> ids;
    long repeated = 0;
    cli::ids_error const e = cli::ids_from_text(text, ids, repeated);
    if(e.text.why || e.id)
        return;
    std::set<std::int64_t> seen;
    for(auto const& id : ids)
    {
        if(!seen.insert(id.value()).second)
            finding("an id read twice");
        if(!is_trimmed_line(text, std::to_string(id.value())))
            finding("an id that is no line of the file");
    }
}

[[maybe_unused]] void
token_file(std::string const& text)
{
    cli::string_view token;
    bool more = false;
    cli::text_error const e = cli::token_from_text(text, 4096, token, more);
    if(e.why)
        return;
    if(token.find('\n') != cli::string_view::npos || token.find('\0') != cli::string_view::npos)
        finding("a token with a line end or a NUL");
    if(token.size() > 4096)
        finding("a token longer than the limit");
    std::string rest = text;
    if(rest.compare(0, 3, "\xEF\xBB\xBF") == 0)
        rest.erase(0, 3);
    if(!token.empty() && rest.compare(0, token.size(), token.data(), token.size()) != 0)
        finding("a token that is not the first line");
}

[[maybe_unused]] void
transcript(std::string text)
{
    tc::header_line_reader reader;
    std::size_t body_at = 0;
    if(cli::read_transcript_head(reader, text, body_at))
        return;
    auto const head = reader.get();
    if(!head)
        return;
    if(body_at > text.size())
        finding("a body that starts past the input");
    cli::string_view const body = cli::transcript_body(*head, text, body_at);
    if(body.size() > text.size() - body_at)
        finding("a body larger than the input");
    // The first final head, as the library's byte parser reads it: when it
    // frames a body, it is the answer.
    auto const first = parse_bytes(text.substr(0, body_at));
    if(first && (first->body == tc::body_framing::content_length ||
                 first->body == tc::body_framing::chunked) &&
       first->status != head->status)
        finding("a body read as a newer response");
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    std::string const text(reinterpret_cast<char const*>(data), size);
#if TE_FUZZ_READER == 1
    ids_file(text);
#elif TE_FUZZ_READER == 2
    token_file(text);
#else
    transcript(text);
#endif
    return 0;
}
