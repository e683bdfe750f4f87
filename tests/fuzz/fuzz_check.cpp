// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// libFuzzer target: the request checker (request_checker.hpp).
//   1 the same findings (rule, offset, length) whatever the chunking: whole,
//     a byte at a time, and in cuts drawn from the input;
//   2 every finding within the input: offset + length <= its size;
//   3 the two input forms agree: when the head is exactly the canonical form
//     of a request view ("METHOD SP target SP HTTP/1.1", "name: value"
//     lines), the view gives the bytes' findings, offsets included;
//   4 reset() gives a new checker's findings.
// Build with -Dfuzz=true and clang++.
#include <thousandeyes/credentials/request_checker.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace tc = thousandeyes::credentials;

namespace {

[[noreturn]] void
finding(char const* what)
{
    std::fprintf(stderr, "fuzz-check: %s\n", what);
    std::abort();
}

using seen = std::vector<std::pair<int, std::pair<std::size_t, std::size_t>>>;

seen
of(tc::request_checker const& c)
{
    seen out;
    for(tc::finding const& f : c.findings())
        out.push_back({static_cast<int>(f.rule), {f.offset, f.length}});
    out.push_back({-1, {c.findings().dropped(), c.head_done()}});
    return out;
}

// Expectations drawn from the input's last byte, so each is exercised.
tc::check_expectations
expectations(std::string const& in)
{
    unsigned const k = in.empty() ? 0 : static_cast<unsigned char>(in.back());
    tc::check_expectations x;
    if(k % 3 != 0)
        x.api = k % 3 == 1 ? tc::api_version::v6 : tc::api_version::v7;
    x.base_path = k & 4 ? "/te" : "";
    x.host = k & 8 ? "api.thousandeyes.com" : "";
    x.credential_id = k & 16 ? "405" : "";
    return x;
}

seen
in_chunks(std::string const& in, tc::check_expectations const& x, std::uint32_t seed)
{
    auto c = std::make_unique<tc::request_checker>(x);
    std::uint32_t r = seed | 1;
    for(std::size_t i = 0; i < in.size();)
    {
        r ^= r << 13;
        r ^= r >> 17;
        r ^= r << 5;
        std::size_t const n = seed == 0 ? 1 : r % 97;
        c->feed(tc::string_view(in).substr(i, n));
        i += n;
    }
    c->finish();
    return of(*c);
}

bool
is_token(std::string const& s)
{
    if(s.empty())
        return false;
    for(char ch : s)
    {
        auto const c = static_cast<unsigned char>(ch);
        bool const ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c && std::string("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string::npos);
        if(!ok)
            return false;
    }
    return true;
}

// The view whose canonical head is `head` exactly, if there is one.
bool
as_view(std::string const& head, std::string& method, std::string& target,
        std::vector<std::pair<std::string, std::string>>& fields)
{
    std::vector<std::string> lines;
    for(std::size_t at = 0; at < head.size();)
    {
        std::size_t const e = head.find("\r\n", at);
        if(e == std::string::npos)
            return false;
        lines.push_back(head.substr(at, e - at));
        at = e + 2;
    }
    if(lines.empty())
        return false;
    for(std::string const& l : lines)
        for(char ch : l)
            if(static_cast<unsigned char>(ch) < 0x20 || ch == 0x7F)
                return false;
    std::string const& start = lines[0];
    std::size_t const a = start.find(' ');
    std::size_t const b = a == std::string::npos ? a : start.find(' ', a + 1);
    if(b == std::string::npos || start.substr(b + 1) != "HTTP/1.1")
        return false;
    method = start.substr(0, a);
    target = start.substr(a + 1, b - a - 1);
    for(std::size_t i = 1; i < lines.size(); ++i)
    {
        std::size_t const colon = lines[i].find(": ");
        if(colon == std::string::npos)
            return false;
        std::string const name = lines[i].substr(0, colon);
        std::string const value = lines[i].substr(colon + 2);
        if(!is_token(name) || (!value.empty() && (value.front() == ' ' || value.back() == ' ')))
            return false;
        fields.emplace_back(name, value);
    }
    return true;
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    std::string const in(reinterpret_cast<char const*>(data), size);
    tc::check_expectations const x = expectations(in);
    auto whole = std::make_unique<tc::request_checker>(x);
    whole->feed(in);
    whole->finish();
    seen const want = of(*whole);
    for(tc::finding const& f : whole->findings())
        if(f.offset > size || f.length > size - f.offset)
            finding("a finding outside the input");
    if(in_chunks(in, x, 0) != want)
        finding("a byte at a time, other findings");
    if(in_chunks(in, x, static_cast<std::uint32_t>(size * 2654435761u)) != want)
        finding("in chunks, other findings");
    whole->reset(x);
    whole->feed(in);
    whole->finish();
    if(of(*whole) != want)
        finding("after reset(), other findings");

    // the view form, where the head is a view's canonical form
    std::size_t const end = in.find("\r\n\r\n");
    if(end == std::string::npos)
        return 0;
    std::string const head = in.substr(0, end + 2);
    std::string method, target;
    std::vector<std::pair<std::string, std::string>> fields;
    if(!as_view(head, method, target, fields))
        return 0;
    auto bytes = std::make_unique<tc::request_checker>(x);
    bytes->feed(head + "\r\n");
    bytes->finish();
    auto view = std::make_unique<tc::request_checker>(x);
    view->start(method, target);
    for(auto const& f : fields)
        view->field(f.first, f.second);
    view->finish();
    if(of(*view) != of(*bytes))
        finding("the view and its canonical bytes, other findings");
    return 0;
}
