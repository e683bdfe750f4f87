// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The library's side of the work, in each of its input forms.
#include "work.hpp"
#include "seed_response.hpp" // tests/data/seed-response.http

#include <cstring>

namespace bench {

string_view
seed_response()
{
    return {seed_response_bytes, sizeof(seed_response_bytes) - 1};
}

std::string
grown_response(int fields, std::size_t value_size)
{
    string_view const seed = seed_response();
    std::size_t const first = seed.find("\r\n") + 2;
    std::string out(seed.substr(0, first));
    for(int i = 0; i < fields; ++i)
        out += "X-Filler-" + std::to_string(i) + ": value-" + std::to_string(i) + "\r\n";
    if(value_size)
        out += "X-Large: " + std::string(value_size, 'v') + "\r\n";
    out.append(seed.substr(first));
    return out;
}

tc::response_options
roomy()
{
    tc::response_options o;
    o.max_head_size = 64 * 1024;
    o.max_line_size = 16 * 1024;
    return o;
}

namespace {

bool
take(tc::result<tc::response> const& r, extract& out)
{
    if(!r)
        return false;
    out.status = r->status;
    out.limit = r->organization.limit.value_or(-1);
    out.remaining = r->organization.remaining.value_or(-1);
    out.reset = r->organization.reset.value_or(-1);
    return true;
}

} // namespace

bool
read_raw(string_view head, tc::response_options const& o, extract& out)
{
    tc::static_response_parser<16 * 1024> p(o); // room for the 8 KiB value line
    return p.feed(head).has_value() && take(p.get(), out);
}

bool
read_lines(string_view head, tc::response_options const& o, extract& out)
{
    tc::header_line_reader r(o);
    while(!head.empty())
    {
        std::size_t const eol = head.find('\n');
        std::size_t const n = eol == string_view::npos ? head.size() : eol + 1;
        r.line(head.substr(0, n));
        head.remove_prefix(n);
    }
    return take(r.get(), out);
}

bool
split(string_view head, pairs& out)
{
    std::size_t eol = head.find("\r\n");
    if(head.size() < 12 || eol == string_view::npos)
        return false;
    out.status = (head[9] - '0') * 100 + (head[10] - '0') * 10 + (head[11] - '0');
    out.count = 0;
    head.remove_prefix(eol + 2);
    while((eol = head.find("\r\n")) != 0 && eol != string_view::npos)
    {
        string_view const line = head.substr(0, eol);
        std::size_t const colon = line.find(':');
        if(colon == string_view::npos || out.count == 256)
            return false;
        string_view value = line.substr(colon + 1);
        while(!value.empty() && value.front() == ' ')
            value.remove_prefix(1);
        out.name[out.count] = line.substr(0, colon);
        out.value[out.count++] = value;
        head.remove_prefix(eol + 2);
    }
    return true;
}

bool
read_pairs(pairs const& p, tc::response_options const& o, extract& out)
{
    tc::field_reader r(p.status, o);
    for(std::size_t i = 0; i < p.count; ++i)
        r.field(p.name[i], p.value[i]);
    return take(r.get(), out);
}

bool
read_fields(string_view head, tc::response_options const& o, extract& out)
{
    pairs p;
    return split(head, p) && read_pairs(p, o, out);
}

namespace {

// The seed's builder, made once, as a program keeps it.
tc::request_builder const& builder()
{
    static tc::request_builder const b = [] {
        auto const auth = tc::authorization::basic("noreply@thousandeyes.com",
                                                   "g351mw5xqhvkmh1vq6zfm51c62wyzib2");
        return *tc::request_builder::make(tc::endpoint{}, *auth);
    }();
    return b;
}

tc::request_builder const& the_builder = builder();

} // namespace

// The id comes as a number, as it does to the floor: made a credential_id
// (validated, its digits written) and written straight from the builder.
std::size_t
write_ours(std::int64_t id, char* out, std::size_t cap)
{
    auto const cid = tc::credential_id::make(id);
    if(!cid)
        return 0;
    tc::write_result const w = tc::write_head(the_builder, *cid, out, cap);
    return w ? w.size : 0;
}

// The same through a request: built, then its head written.
std::size_t
write_ours_via_request(std::int64_t id, char* out, std::size_t cap)
{
    auto const cid = tc::credential_id::make(id);
    if(!cid)
        return 0;
    tc::request const req = *the_builder.delete_credential(*cid);
    tc::write_result const w = tc::write_head(req, out, cap, tc::secrets::reveal);
    return w ? w.size : 0;
}

} // namespace bench
