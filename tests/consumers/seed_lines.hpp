// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// What the consumer programs print, so that each route is judged by the same
// two lines: the seed's request line and Host, built by the library.
#ifndef TE_CONSUMERS_SEED_LINES_HPP
#define TE_CONSUMERS_SEED_LINES_HPP

#include <thousandeyes/credentials.hpp>

#include <cstdio>
#include <string>

/// Builds the seed's request (credential 405, the docs' example credentials)
/// and prints its request line and Host; 0, or 1 when it cannot be built.
inline int
print_seed_lines()
{
    namespace tc = thousandeyes::credentials;
    auto const auth = tc::authorization::basic("noreply@thousandeyes.com",
                                               "g351mw5xqhvkmh1vq6zfm51c62wyzib2");
    auto const builder = tc::request_builder::make(tc::endpoint{}, *auth);
    auto const req = builder->delete_credential("405"); // the builder outlives it
    if(!req)
        return 1;
    std::printf("%s %s HTTP/1.1\nHost: %.*s\n", req->method().data(),
                std::string(req->target()).c_str(), int(req->host().size()), req->host().data());
    return 0;
}

#endif
