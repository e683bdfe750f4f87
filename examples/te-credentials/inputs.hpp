// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// te-credentials: what the command line reads from the user's files and
// streams, as functions of the text alone (no exit, no output), so that the
// fuzz targets (tests/fuzz/fuzz_cli_inputs.cpp) run the very code the
// commands run: an ids file, a token file, a response transcript.
#ifndef TE_CREDENTIALS_CLI_INPUTS_HPP
#define TE_CREDENTIALS_CLI_INPUTS_HPP

#include "text_files.hpp"

#include <thousandeyes/credentials/chunked_decoder.hpp>
#include <thousandeyes/credentials/header_line_reader.hpp>
#include <thousandeyes/credentials/ids.hpp>

#include <cstring>
#include <set>
#include <vector>

namespace cli {

namespace tc = thousandeyes::credentials;

/// The longest line of an ids file.
inline constexpr std::size_t max_ids_line = 4096;

/// Why an ids file was refused: a text error, or an id that is not one.
struct ids_error
{
    text_error text;
    long line = 0;                 // with `id`: the line of the bad id
    boost::system::error_code id;  // the library's reason
};

/** The ids of an ids file: one id per line; blank lines and lines starting
    with '#' are skipped, and so is an id already listed (it is deleted
    once, `repeated` counts them). Lines are read whole (`for_each_line`).
*/
inline ids_error
ids_from_text(string_view text, std::vector<tc::credential_id>& ids, long& repeated)
{
    std::set<std::int64_t> seen;
    ids_error out;
    repeated = 0;
    out.text = for_each_line(text, max_ids_line, [&](long n, string_view s) {
        while(!s.empty() && (s.back() == ' ' || s.back() == '\t'))
            s.remove_suffix(1);
        while(!s.empty() && (s.front() == ' ' || s.front() == '\t'))
            s.remove_prefix(1);
        if(out.id || s.empty() || s.front() == '#')
            return;
        auto const id = tc::credential_id::parse(s);
        if(!id)
        {
            out.line = n;
            out.id = id.error();
        }
        else if(seen.insert(id->value()).second)
            ids.push_back(*id);
        else
            ++repeated;
    });
    return out;
}

/** The token of a token file's text: its only line, a UTF-8 BOM before it
    and the line end after it not part of it; blank lines after it are
    allowed. `more_lines` is set when another line holds text.
*/
inline text_error
token_from_text(string_view text, std::size_t max_line, string_view& token, bool& more_lines)
{
    more_lines = false;
    return for_each_line(text, max_line, [&](long number, string_view line) {
        if(number == 1)
            token = line;
        else if(!line.empty())
            more_lines = true;
    });
}

/** Whether a head just read may be followed by a newer one: only an answer
    without a body (RFC 9112 section 6.3: 1xx, 204, 304) or a 2xx without
    framing, as a proxy's "200 Connection established" to a CONNECT is in
    `curl -i` output. After a head with Content-Length or chunked framing
    (a 404 included) the bytes are its body, whatever they look like.
*/
inline bool
may_precede_another(tc::response const& r)
{
    return r.body == tc::body_framing::none ||
           (r.body == tc::body_framing::until_close && r.status >= 200 && r.status < 300);
}

/** Reads the head of a transcript line by line, as libcurl hands lines to
    the header-line reader: a status line right after a complete head that
    may precede another (see above) starts a newer response. Sets `body_at`
    to where the body starts; returns the reader's first error.
*/
inline boost::system::error_code
read_transcript_head(tc::header_line_reader& reader, string_view text, std::size_t& body_at)
{
    std::size_t at = 0;
    boost::system::error_code ec;
    while(at < text.size() && !ec)
    {
        if(reader.done() && (text.substr(at, 5) != "HTTP/" || !reader.get() ||
                             !may_precede_another(*reader.get())))
            break;
        std::size_t const eol = text.find('\n', at);
        if(eol == string_view::npos && !reader.done())
            break; // a line cut short: the input ended inside the head
        std::size_t const end = eol == string_view::npos ? text.size() : eol + 1;
        ec = reader.line(text.substr(at, end - at));
        at = end;
    }
    body_at = at;
    return ec;
}

/// A chunked body (RFC 9112 section 7.1) decoded in place by the library's
/// decoder; what cannot be decoded ends the body there.
inline string_view
dechunk(char* p, std::size_t n)
{
    tc::chunked_decoder decoder;
    string_view in(p, n);
    std::size_t out = 0;
    while(!in.empty() && !decoder.done())
    {
        auto const piece = decoder.feed(in);
        if(!piece)
            break;
        // the data lies at or after `out`: moving it down is safe (a piece
        // without data may hold no pointer)
        if(!piece->data.empty())
            std::memmove(p + out, piece->data.data(), piece->data.size());
        out += piece->data.size();
        in.remove_prefix(piece->consumed);
    }
    return {p, out};
}

/// The body of `text` from `at` as the head frames it (chunked: decoded in
/// place).
inline string_view
transcript_body(tc::response const& r, std::string& text, std::size_t at)
{
    char* const p = &text[0] + at;
    std::size_t const n = text.size() - at;
    if(r.body == tc::body_framing::none)
        return {};
    if(r.body == tc::body_framing::chunked)
        return dechunk(p, n);
    if(r.body == tc::body_framing::content_length && r.content_length < n)
        return {p, static_cast<std::size_t>(r.content_length)};
    return {p, n};
}

} // namespace cli

#endif
