// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The parts of the README's example one at a time: configure once, build the request for
// credential 405, hand its fields to an HTTP stack or write its head for a
// socket, then read the answer and decide. Here "the stack" prints and
// answers with the docs' example response; the token comes from TE_TOKEN.

#include <thousandeyes/credentials.hpp>

#include <cstdio>
#include <cstdlib>

namespace tc = thousandeyes::credentials;

static int
report(boost::system::error_code const& ec)
{
    char buf[1];
    std::fprintf(stderr, "minimal: %s\n", ec.message(buf, sizeof(buf)));
    return 2;
}

int
main()
{
    char const* token = std::getenv("TE_TOKEN");
    if(!token)
        return std::fputs("minimal: set TE_TOKEN\n", stderr), 2;

    // Once, at configuration: every rule is checked here.
    auto auth = tc::authorization::basic("noreply@thousandeyes.com", token);
    if(!auth)
        return report(auth.error());
    auto builder = tc::request_builder::make(tc::endpoint{}, *auth);
    if(!builder)
        return report(builder.error());

    // Per request.
    auto req = builder->delete_credential("405");
    if(!req)
        return report(req.error());

    // Hand it to your stack...
    std::printf("%.*s %.*s\n", int(req->method().size()), req->method().data(),
                int(req->url().size()), req->url().data());
    for(tc::field const& f : req->fields())
    {
        // a secret is shown as its scheme and a marker, never its value
        tc::shown_value const v = tc::show(f);
        std::printf("  %.*s: %.*s%.*s\n", int(f.name.size()), f.name.data(), int(v.text.size()),
                    v.text.data(), int(v.marker.size()), v.marker.data());
    }

    // ...or write the head for a socket (no heap; "too small" says the size needed).
    tc::secret_buffer<2048> buf;
    tc::write_result w = tc::write_head(*req, buf.data(), buf.size());
    if(!w)
        return report(w.ec);
    std::printf("head: %zu bytes, ready to send\n", w.size);

    // The answer, as bytes from the socket, in chunks of any size.
    static char const answer[] =
        "HTTP/1.1 204 No Content\r\nDate: Fri, 15 Nov 2019 20:24:33 GMT\r\n"
        "X-Organization-Rate-Limit-Limit: 240\r\n"
        "X-Organization-Rate-Limit-Remaining: 236\r\n"
        "X-Organization-Rate-Limit-Reset: 1573849500\r\n\r\n";
    tc::static_response_parser<1024> parser;
    for(char const& byte : tc::string_view(answer))
        if(auto used = parser.feed({&byte, 1}); !used)
            return report(used.error());
    auto res = parser.get();
    if(!res)
        return report(res.error());     // e.g. "response field line: ..."

    tc::attempt_context attempt;        // attempt 1; pass your clock in .now
    tc::decision d = tc::decide(*res, attempt);
    std::printf("status %d: %s, %s", res->status,
                tc::to_string(d.outcome).data(), tc::to_string(d.action).data());
    if(d.action == tc::action::retry)
        std::printf(" in %lld ms", static_cast<long long>(d.delay_ms));
    std::printf("; %lld left, next request in %lld ms\n",
                static_cast<long long>(res->organization.remaining.value_or(-1)),
                static_cast<long long>(tc::pace_ms(*res)));
    return d.action == tc::action::done ? 0 : 1;
}
