// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// A downstream program: the seed's request, built from the installed (or
// subproject) library. Prints the request line and the Host field.
#include <thousandeyes/credentials.hpp>

#include <cstdio>
#include <string>

namespace tc = thousandeyes::credentials;

int
main()
{
    auto const auth = tc::authorization::basic("noreply@thousandeyes.com",
                                               "g351mw5xqhvkmh1vq6zfm51c62wyzib2");
    auto const builder = tc::request_builder::make(tc::endpoint{}, *auth);
    auto const req = builder->delete_credential("405");
    if(!req)
        return 1;
    std::printf("%s %s HTTP/1.1\nHost: %.*s\n", req->method().data(),
                std::string(req->target()).c_str(), int(req->host().size()), req->host().data());
    return 0;
}
