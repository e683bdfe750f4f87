// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// te-credentials request: print the request, byte for byte.
#include "cli.hpp"
#include "output.hpp"

#include <cstdio>

namespace cli {

namespace {

// The request view and the head, for tools that compare the two.
void
put_request_json(tc::request const& req, string_view head, tc::secrets s)
{
    std::fputs("{\"method\":", stdout);
    put_json_string(req.method());
    std::fputs(",\"target\":", stdout);
    put_json_string(req.target());
    std::fputs(",\"url\":", stdout);
    put_json_string(req.url());
    std::fputs(",\"fields\":[", stdout);
    bool first = true;
    for(tc::field const& f : req.fields())
    {
        std::fputs(first ? "[" : ",[", stdout);
        first = false;
        put_json_string(f.name);
        std::fputc(',', stdout);
        put_json_string(shown(tc::show(f, s)));
        std::fputc(']', stdout);
    }
    std::fputs("],\"head\":", stdout);
    put_json_string(head);
    std::fputs("}\n", stdout);
}

} // namespace

int
run_request(int argc, char** argv)
{
    arguments const a(request_command, argc, argv);
    char const* const id_text = a.value("--id");
    if(!id_text)
        fail("--id", "is required");
    auto const id = tc::credential_id::parse(id_text);
    if(!id)
        fail("--id", id.error());
    auto const aid = parse_aid(a);
    if(a.flag("--curl") + a.flag("--review") + a.flag("--json") > 1)
        fail("--curl/--review/--json", "give at most one");
    tc::request_builder const builder = make_builder(a);
    tc::request const req = *builder.delete_credential(*id, aid); // typed ids: never fails

    auto const s = a.flag("--show-secrets") ? tc::secrets::reveal : tc::secrets::redact;
    tc::secret_buffer<8192> out; // the head may hold the secret: wiped
    tc::write_result const w = a.flag("--curl")     ? tc::write_curl(req, out.data(), out.size(), s)
                               : a.flag("--review") ? tc::write_review(req, out.data(), out.size(), s)
                                                    : tc::write_head(req, out.data(), out.size(), s);
    if(!w)
        fail("output", w.ec);
    if(a.flag("--json"))
        put_request_json(req, string_view(out.data(), w.size), s);
    else
        std::fwrite(out.data(), 1, w.size, stdout);
    return std::fflush(stdout) == 0 ? 0 : 1;
}

} // namespace cli
