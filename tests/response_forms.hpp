// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// Feeds one raw response through each input form, so tests can check that
// they agree.
#ifndef THOUSANDEYES_CREDENTIALS_TESTS_RESPONSE_FORMS_HPP
#define THOUSANDEYES_CREDENTIALS_TESTS_RESPONSE_FORMS_HPP

#include "test_data.hpp"

#include <thousandeyes/credentials.hpp>

#include <string>
#include <vector>

namespace tc = thousandeyes::credentials;

inline bool
same(tc::rate_limit const& a, tc::rate_limit const& b)
{
    return a.limit == b.limit && a.remaining == b.remaining && a.reset == b.reset;
}

inline bool
same(tc::response const& a, tc::response const& b)
{
    return a.status == b.status && same(a.organization, b.organization) &&
           same(a.instant_test, b.instant_test) &&
           same(a.template_deploy, b.template_deploy) &&
           a.ietf.limit == b.ietf.limit && a.ietf.remaining == b.ietf.remaining &&
           a.ietf.reset == b.ietf.reset && a.ietf.window == b.ietf.window &&
           a.date == b.date && a.retry_after_delay == b.retry_after_delay &&
           a.retry_after_date == b.retry_after_date && a.body == b.body &&
           a.content_length == b.content_length;
}

// Form 3, the whole input at once.
inline tc::result<tc::response>
parse_bytes(std::string const& raw, tc::response_options const& o = {})
{
    tc::static_response_parser<> p(o);
    auto n = p.feed(raw);
    if(!n)
        return n.error();
    return p.get();
}

// Form 3, in chunks of `size` bytes.
inline tc::result<tc::response>
parse_chunked(std::string const& raw, std::size_t size,
              tc::response_options const& o = {})
{
    tc::static_response_parser<> p(o);
    for(std::size_t i = 0; i < raw.size() && !p.done(); i += size)
    {
        auto n = p.feed(tc::string_view(raw).substr(i, size));
        if(!n)
            return n.error();
    }
    return p.get();
}

// The lines of a head, each with its terminator, as libcurl hands them over.
inline std::vector<std::string>
split_lines(std::string const& raw)
{
    std::vector<std::string> lines;
    std::size_t b = 0;
    while(b < raw.size())
    {
        std::size_t const e = raw.find('\n', b);
        if(e == std::string::npos)
        {
            lines.push_back(raw.substr(b));
            break;
        }
        lines.push_back(raw.substr(b, e + 1 - b));
        b = e + 1;
    }
    return lines;
}

// Form 2, as libcurl hands lines over: each complete line of one response's
// head (never an unterminated piece, never the body).
inline tc::result<tc::response>
parse_lines(std::string const& raw, tc::response_options const& o = {})
{
    tc::header_line_reader r(o);
    for(auto const& l : split_lines(raw))
    {
        if(r.done() || l.back() != '\n')
            break; // the body, or input that ends inside a line
        if(r.line(l))
            break;
    }
    return r.get();
}

// Form 1, as a stack that has parsed the head hands it over: the last
// final response's status and fields, obs-fold already replaced by SP.
inline tc::result<tc::response>
parse_pairs(std::string const& raw, tc::response_options const& o = {})
{
    int status = 0;
    std::vector<std::pair<std::string, std::string>> fields;
    for(auto l : split_lines(raw))
    {
        while(!l.empty() && (l.back() == '\n' || l.back() == '\r'))
            l.pop_back();
        if(l.rfind("HTTP/", 0) == 0)
        {
            status = std::stoi(l.substr(l.find(' ') + 1, 3));
            fields.clear();
            continue;
        }
        if(l.empty())
        {
            if(status >= 200 || status == 101)
                break;
            continue;
        }
        if(l[0] == ' ' || l[0] == '\t')
        {
            // obs-fold = OWS CRLF RWS becomes one SP
            auto& v = fields.back().second;
            while(!v.empty() && (v.back() == ' ' || v.back() == '\t'))
                v.pop_back();
            auto const text = l.find_first_not_of(" \t");
            if(text != std::string::npos)
                v += " " + l.substr(text);
            continue;
        }
        auto const colon = l.find(':');
        fields.emplace_back(l.substr(0, colon), l.substr(colon + 1));
    }
    tc::field_reader r(status, o);
    for(auto const& f : fields)
        r.field(f.first, f.second);
    return r.get();
}

// A response of `s` with nothing else, as the decision tests build them.
inline tc::response
status(int s)
{
    tc::response r;
    r.status = s;
    return r;
}

// A 429 on the seed's clock: Date 1573849473, Reset 1573849500 (27 s later).
inline tc::response
seed_429()
{
    tc::response r = status(429);
    r.date = 1573849473;
    r.organization = {240, 0, 1573849500};
    return r;
}

inline std::string
seed_response()
{
    return read_test_data("seed-response.http");
}

#endif
