// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The footprint of the request side alone: build the seed request with the
// built-in endpoint and write its head. Inputs and output go through
// volatiles, so nothing is folded away.
#include <thousandeyes/credentials.hpp>

#include <cstddef>

namespace tc = thousandeyes::credentials;

volatile std::size_t sink;
char const* volatile token = "g351mw5xqhvkmh1vq6zfm51c62wyzib2";
char const* volatile id = "405";

int
main()
{
    static auto const auth = tc::authorization::basic("noreply@thousandeyes.com", token);
    if(!auth)
        return 1;
    static auto const builder = tc::request_builder::make(tc::endpoint{}, *auth);
    if(!builder)
        return 1;
    static auto const req = builder->delete_credential(id);
    if(!req)
        return 1;
    static char head[512];
    tc::write_result const w = tc::write_head(*req, head, sizeof(head));
    sink = w.size;
    return 0;
}
