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
//   4 check-request's captures (examples/te-credentials/captured.hpp): a
//     record or transcript gives heads that end their lines in CRLF and end
//     with an empty line; a line shown to a reviewer holds no control byte,
//     no word of its own that looks like a token, no credential field's value, and
//     its columns never go back.
// Build with -Dfuzz=true and clang++.
#include "../../examples/te-credentials/inputs.hpp"
#include "../response_forms.hpp"
#if TE_FUZZ_READER == 4
#include "../../examples/te-credentials/captured.hpp"
#include <thousandeyes/credentials/json_src.hpp>
#endif

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

#if TE_FUZZ_READER == 4
void
shown_safely(cli::string_view line)
{
    std::vector<std::size_t> column;
    std::string const shown = cli::reviewed_line(line, column);
    if(column.size() != line.size() + 1)
        finding("a column per byte and one past the end");
    for(std::size_t i = 1; i < column.size(); ++i)
        if(column[i] < column[i - 1])
            finding("a column that goes back");
    for(char c : shown)
        if(static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
            finding("a control byte shown");
    // every word of the line that looks like a token is hidden; escapes are
    // read as the separators they are (the "b0" of "\xb0" starts no word)
    std::string plain;
    for(std::size_t k = 0; k < shown.size(); ++k)
    {
        if(shown[k] != '\\')
        {
            plain += shown[k];
            continue;
        }
        plain += ' ';
        if(k + 1 < shown.size() && shown[k + 1] == 'x')
            k += 3;
        else if(k + 1 < shown.size() && shown[k + 1] == 'u')
            k = shown.find('}', k);
        else
            ++k;
        if(k == std::string::npos)
            finding("an escape left open");
    }
    std::size_t i = 0;
    while(i < line.size())
    {
        std::size_t j = i;
        while(j < line.size() && (std::isalnum(static_cast<unsigned char>(line[j])) ||
                                  std::strchr("-._~+=", line[j])) && line[j] != '\0')
            ++j;
        cli::string_view const word = line.substr(i, j - i);
        if(j > i && cli::looks_secret(word) && plain.find(std::string(word)) != std::string::npos)
            finding("a word that looks like a token shown");
        i = j > i ? j : i + 1;
    }
    std::size_t const colon = line.find(':');
    cli::string_view const name = line.substr(0, colon == cli::string_view::npos ? 0 : colon);
    if(!cli::same_word(name, "Authorization"))
        return;
    // the credentials: the value after a Basic or Bearer scheme, else all of it
    cli::string_view v = line.substr(colon + 1);
    auto trim = [](cli::string_view t) {
        while(!t.empty() && std::strchr(" \t\r", t.front()) && t.front() != '\0')
            t.remove_prefix(1);
        while(!t.empty() && std::strchr(" \t\r", t.back()) && t.back() != '\0')
            t.remove_suffix(1);
        return t;
    };
    v = trim(v);
    std::size_t const sp = v.find(' ');
    cli::string_view const scheme = v.substr(0, sp == cli::string_view::npos ? 0 : sp);
    if(cli::same_word(scheme, "Basic") || cli::same_word(scheme, "Bearer"))
        v = trim(v.substr(sp + 1));
    else if(cli::same_word(v, "Basic") || cli::same_word(v, "Bearer"))
        v = {}; // a scheme alone: no credentials
    if(!v.empty() && shown.find("<redacted>") == std::string::npos)
        finding("an Authorization value shown");
}

void
captures(std::string const& text)
{
    long bad = 0;
    std::vector<cli::captured> all = cli::form_of(text) == cli::capture_form::record
                                         ? cli::from_records(text, bad)
                                         : cli::from_transcript(text);
    for(cli::captured const& c : all)
    {
        if(c.bytes.size() < 2 || c.bytes.compare(c.bytes.size() - 2, 2, "\r\n") != 0)
            finding("a captured head whose last line has no CRLF");
        if(c.view && c.bytes.compare(c.bytes.size() - 4, 4, "\r\n\r\n") != 0)
            finding("a record's head without its empty line");
    }
    for(std::size_t at = 0; at < text.size();)
    {
        std::size_t lf = text.find('\n', at);
        if(lf == std::string::npos)
            lf = text.size();
        shown_safely(cli::string_view(text).substr(at, lf - at));
        at = lf + 1;
    }
}
#endif

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    std::string const text(reinterpret_cast<char const*>(data), size);
#if TE_FUZZ_READER == 1
    ids_file(text);
#elif TE_FUZZ_READER == 2
    token_file(text);
#elif TE_FUZZ_READER == 4
    captures(text);
#else
    transcript(text);
#endif
    return 0;
}
