// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// te-credentials check-request: the captured requests in a text (a raw
// head, a `curl -v` transcript, or te-api-double --record JSON lines), and
// a line of a head as a reviewer may see it (credentials redacted), as
// functions of the text alone (no exit, no output).
#ifndef TE_CREDENTIALS_CLI_CAPTURED_HPP
#define TE_CREDENTIALS_CLI_CAPTURED_HPP

#include "text_files.hpp"

#include <boost/json/basic_parser_impl.hpp>

#include <cctype>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace cli {

/// One captured request: the bytes to judge (a view's canonical head for
/// a record), and where it came from.
struct captured
{
    std::string bytes;
    std::string label; ///< "line 3", "record 7"
    bool view = false; ///< a record: judged as a request view
    std::string method, target;
    std::vector<std::pair<std::string, std::string>> fields;
};

/// The line of `text` at `at` without its LF; `at` moves past it.
inline string_view
next_line(string_view text, std::size_t& at)
{
    std::size_t lf = text.find('\n', at);
    if(lf == string_view::npos)
        lf = text.size();
    string_view const line = text.substr(at, lf - at);
    at = lf + 1;
    return line;
}

/// How a text holds requests.
enum class capture_form
{
    raw,    ///< the bytes of one request
    curl,   ///< `curl -v` output: the "> " lines
    record  ///< te-api-double --record: one JSON object per line
};

/// The form of `text`: records when its first byte but blanks is '{', a
/// curl transcript when a line starts with "> ", else raw bytes.
inline capture_form
form_of(string_view text)
{
    std::size_t i = 0;
    while(i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
        ++i;
    if(i < text.size() && text[i] == '{')
        return capture_form::record;
    for(std::size_t at = 0; at < text.size();)
        if(next_line(text, at).substr(0, 2) == "> ")
            return capture_form::curl;
    return capture_form::raw;
}

/** The requests of a `curl -v` transcript: each run of "> " lines is one
    head, the prefix removed. A transcript is a rendering, not the bytes
    (a terminal or an editor may drop the CR), so each line is given CRLF.
*/
inline std::vector<captured>
from_transcript(string_view text)
{
    std::vector<captured> out;
    bool in = false;
    long n = 0;
    for(std::size_t at = 0; at < text.size();)
    {
        string_view line = next_line(text, at);
        ++n;
        if(!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        bool const request = line.substr(0, 2) == "> " || line == ">";
        if(request && !in)
            out.push_back({"", "request at line " + std::to_string(n), false, "", "", {}});
        in = request;
        if(request)
            out.back().bytes.append(line.substr(line.size() < 2 ? 1 : 2)).append("\r\n");
    }
    return out;
}

/** One te-api-double record, read with Boost.JSON's SAX parser: its
    method, target and headers ([name, value] pairs). False when the line
    is not such an object.
*/
// Boost.JSON's SAX handler: its signatures are fixed, unused parameters
// included. NOLINTBEGIN(readability-named-parameter,readability-convert-member-functions-to-static)
struct record_handler
{
    using ec_t = boost::json::error_code;
    using sv_t = boost::json::string_view;
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);

    captured& c;
    int depth = 0;       // 1: the record; 2: headers; 3: a pair
    std::string key, part, text; // key: the record's member being read
    int in_pair = 0;     // strings read in the current pair
    bool headers = false;

    explicit record_handler(captured& to) : c(to) {}

    bool on_document_begin(ec_t&) { return true; }
    bool on_document_end(ec_t&) { return true; }
    // objects: the record, or inside members other than headers
    bool on_object_begin(ec_t&) { return ++depth == 1 || !headers; }
    bool on_object_end(std::size_t, ec_t&) { --depth; return true; }
    bool
    on_array_begin(ec_t&)
    {
        ++depth;
        if(depth == 1)
            return false;
        if(depth == 2 && key == "headers")
            return headers = true;
        if(depth == 3 && headers)
        {
            in_pair = 0;
            c.fields.emplace_back();
            return true;
        }
        return !headers;
    }
    bool
    on_array_end(std::size_t, ec_t&)
    {
        if(depth == 3 && headers && in_pair != 2)
            return false;
        if(depth-- == 2)
            headers = false;
        return true;
    }
    // the keys of the record's own members; deeper keys are skipped
    bool on_key_part(sv_t s, std::size_t, ec_t&) { part.append(s.data(), s.size()); return true; }
    bool
    on_key(sv_t s, std::size_t, ec_t&)
    {
        part.append(s.data(), s.size());
        if(depth == 1)
            key.swap(part);
        part.clear();
        return true;
    }
    bool on_string_part(sv_t s, std::size_t, ec_t&) { text.append(s.data(), s.size()); return true; }
    bool
    on_string(sv_t s, std::size_t, ec_t&)
    {
        text.append(s.data(), s.size());
        bool ok = true;
        if(depth == 1 && key == "method")
            c.method = text;
        else if(depth == 1 && key == "target")
            c.target = text;
        else if(depth == 3 && headers && in_pair < 2)
            (in_pair++ ? c.fields.back().second : c.fields.back().first) = text;
        else
            ok = !headers;
        text.clear();
        return ok;
    }
    bool scalar() const { return !headers; }
    bool on_number_part(sv_t, ec_t&) { return true; }
    bool on_int64(std::int64_t, sv_t, ec_t&) { return scalar(); }
    bool on_uint64(std::uint64_t, sv_t, ec_t&) { return scalar(); }
    bool on_double(double, sv_t, ec_t&) { return scalar(); }
    bool on_bool(bool, ec_t&) { return scalar(); }
    bool on_null(ec_t&) { return scalar(); }
    bool on_comment_part(sv_t, ec_t&) { return false; }
    bool on_comment(sv_t, ec_t&) { return false; }
};
// NOLINTEND(readability-named-parameter,readability-convert-member-functions-to-static)

/** The requests of te-api-double --record JSON lines; `bad` is the number
    of the first line that is not a record (0: none).
*/
inline std::vector<captured>
from_records(string_view text, long& bad)
{
    std::vector<captured> out;
    bad = 0;
    long n = 0;
    for(std::size_t at = 0; at < text.size() && !bad;)
    {
        string_view line = next_line(text, at);
        ++n;
        while(!line.empty() && (line.back() == '\r' || line.back() == ' '))
            line.remove_suffix(1);
        if(line.empty())
            continue;
        captured c{"", "record on line " + std::to_string(n), true, "", "", {}};
        boost::json::basic_parser<record_handler> p(boost::json::parse_options{}, c);
        boost::json::error_code ec;
        std::size_t const used = p.write_some(false, line.data(), line.size(), ec);
        if(ec || used != line.size() || c.method.empty() || c.target.empty())
        {
            bad = n;
            break;
        }
        // the canonical head of the view, which offsets then point into
        c.bytes = c.method + " " + c.target + " HTTP/1.1\r\n";
        for(auto const& f : c.fields)
            c.bytes += f.first + ": " + f.second + "\r\n";
        c.bytes += "\r\n";
        out.push_back(std::move(c));
    }
    return out;
}

/// ASCII case-insensitive equality, for field names and schemes.
inline bool
same_word(string_view a, string_view b)
{
    if(a.size() != b.size())
        return false;
    for(std::size_t i = 0; i < a.size(); ++i)
        if(std::tolower(static_cast<unsigned char>(a[i])) !=
           std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

/** A line of a head as a reviewer sees it: a credential field's value
    (Authorization, Proxy-Authorization, Cookie) shown as its scheme when
    it is Basic or Bearer, then "<redacted>"; any other word that looks like
    a token (`looks_secret`) as "<redacted>"; the rest escaped for the
    terminal. `column[i]` is the display column of byte `i` of the line
    (size + 1 entries), so a caret can point at a byte that is hidden.
*/
inline std::string
reviewed_line(string_view line, std::vector<std::size_t>& column)
{
    std::string out;
    column.assign(line.size() + 1, 0);
    // code points shown so far, counted as `out` grows (once per byte)
    std::size_t counted = 0, shown = 0;
    auto width = [&] {
        for(; counted < out.size(); ++counted)
            shown += (static_cast<unsigned char>(out[counted]) & 0xC0) != 0x80;
        return shown;
    };
    auto hide = [&](std::size_t from, std::size_t to) {
        std::size_t const at = width();
        for(std::size_t i = from; i < to; ++i)
            column[i] = at;
        out += "<redacted>";
    };
    std::size_t const colon = line.find(':');
    string_view const name = line.substr(0, colon == string_view::npos ? 0 : colon);
    auto is = [&](char const* n) { return same_word(name, n); };
    std::size_t secret_from = string_view::npos;
    if(is("Authorization") || is("Proxy-Authorization") || is("Cookie"))
    {
        std::size_t v = colon + 1;
        while(v < line.size() && (line[v] == ' ' || line[v] == '\t'))
            ++v;
        std::size_t const sp = line.find(' ', v);
        string_view const scheme = line.substr(v, sp == string_view::npos ? 0 : sp - v);
        bool const keep = same_word(scheme, "Basic") ||
                          same_word(scheme, "Bearer");
        secret_from = keep ? sp + 1 : v;
    }
    for(std::size_t i = 0; i < line.size();)
    {
        if(i == secret_from)
        {
            hide(i, line.size());
            i = line.size();
            break;
        }
        std::size_t j = i;
        while(j < line.size() && j != secret_from &&
              (std::isalnum(static_cast<unsigned char>(line[j])) || std::strchr("-._~+=", line[j])) &&
              line[j] != '\0')
            ++j;
        if(j > i && looks_secret(line.substr(i, j - i)))
        {
            hide(i, j);
            i = j;
            continue;
        }
        if(j == i) // one character: a UTF-8 sequence is shown whole
        {
            std::uint32_t cp = 0;
            std::size_t const n = safe_char(line, i);
            std::size_t const u = n ? n : utf8_at(line, i, cp);
            j = i + (n || (u && is_format_char(cp)) ? u : 1);
        }
        for(std::size_t k = i; k < j; ++k)
            column[k] = width();
        escape_for_terminal(line.substr(i, j - i), out);
        i = j;
    }
    column[line.size()] = width();
    return out;
}

} // namespace cli

#endif
