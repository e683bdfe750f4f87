// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The footprint figure: one full cycle and nothing else. It writes the seed
// request's head straight from the builder (the send path), parses the docs'
// example response and decides. Every capacity is sized for this need, as a
// firmware build would size it: an authorization and a builder for the
// seed's 82-byte Basic value (`builder_capacity`), a head buffer the builder
// says is enough, a parser whose line buffer holds the longest line the API
// is expected to send.
// With TE_RUNTIME_BASE_URL the endpoint is parsed at run time (Boost.URL's
// parser linked in); without it the built-in endpoint needs no parser.
// Results go to a volatile sink, so nothing is optimized away. The startup
// code reports the stack's high-water mark when main returns.

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

namespace {

constexpr std::size_t auth_size = tc::authorization::basic_size(24, 32);
using builder_type = tc::basic_request_builder<tc::builder_capacity(auth_size)>;

// Configured once; the endpoint and the authorization are needed only
// here, on the stack, the builder is kept.
tc::result<builder_type>
configure()
{
#ifdef TE_RUNTIME_BASE_URL
    auto const ep = tc::endpoint::parse(base_url);
    if(!ep)
        return ep.error();
    tc::endpoint const& endpoint = *ep;
#else
    tc::endpoint const endpoint;
#endif
    auto const auth = tc::basic_authorization<auth_size>::basic("noreply@thousandeyes.com", token);
    if(!auth)
        return auth.error();
    return builder_type::make(endpoint, *auth);
}

} // namespace

int
main()
{
    static auto const builder = configure();
    if(!builder)
        return 1;
    auto const id = tc::credential_id::parse(id_text);
    if(!id)
        return 1;
    // the send path: the head straight from the builder, no request object
    static char head[builder_type::head_buffer_size];
    tc::write_result const w = tc::write_head(*builder, *id, head, sizeof(head));
    static tc::static_response_parser<256> parser;
    auto const used = parser.feed(response);
    auto const r = parser.get();
    if(!w || !used || !r)
        return 1;
    tc::decision const d = tc::decide(*r, tc::attempt_context{});
    sink = w.size + static_cast<std::size_t>(d.action) + static_cast<std::size_t>(d.delay_ms);
    return 0;
}
