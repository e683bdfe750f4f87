// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The footprint figure: one full cycle and nothing else. It writes the seed
// request's head straight from the builder (the send path), parses the docs'
// example response and decides.
// With TE_RUNTIME_BASE_URL the endpoint is parsed at run time (Boost.URL's
// parser linked in); without it the built-in endpoint needs no parser.
// Results go to a volatile sink, so nothing is optimized away; no output.

#include <thousandeyes/credentials.hpp>

#include <cstddef>

namespace tc = thousandeyes::credentials;

volatile std::size_t sink;
// Inputs the compiler cannot see through.
char const* volatile base_url = "https://api.thousandeyes.com";
char const* volatile token = "g351mw5xqhvkmh1vq6zfm51c62wyzib2";
char const* volatile id_text = "405";
char const* volatile response =
    "HTTP/1.1 204 No Content\r\n"
    "Date: Fri, 15 Nov 2019 20:24:33 GMT\r\n"
    "X-Organization-Rate-Limit-Limit: 240\r\n"
    "X-Organization-Rate-Limit-Remaining: 236\r\n"
    "X-Organization-Rate-Limit-Reset: 1573849500\r\n"
    "\r\n";

int
main()
{
#ifdef TE_RUNTIME_BASE_URL
    static auto const ep = tc::endpoint::parse(base_url);
    if(!ep)
        return 1;
#else
    static tc::endpoint const ep_value;
    static tc::endpoint const* const ep = &ep_value;
#endif
    static auto const auth = tc::authorization::basic("noreply@thousandeyes.com", token);
    if(!auth)
        return 1;
    static auto const builder = tc::request_builder::make(*ep, *auth);
    if(!builder)
        return 1;
    auto const id = tc::credential_id::parse(id_text);
    if(!id)
        return 1;
    // the send path: the head straight from the builder, no request object
    static char head[512];
    tc::write_result const w = tc::write_head(*builder, *id, head, sizeof(head));
    static tc::static_response_parser<512> parser;
    auto const used = parser.feed(response);
    auto const r = parser.get();
    if(!w || !used || !r)
        return 1;
    tc::decision const d = tc::decide(*r, tc::attempt_context{});
    sink = w.size + static_cast<std::size_t>(d.action) + static_cast<std::size_t>(d.delay_ms);
    return 0;
}
