// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// A downstream program on the JSON part (error_message.hpp, which reads
// bodies with Boost.JSON): it reads the API's error body for an unknown
// credential, then prints the seed's request line and Host like
// seed_request.cpp, so all consumers print the same two lines.
#include <thousandeyes/credentials.hpp>
#include <thousandeyes/credentials/error_message.hpp>

#include <cstdio>
#include <string>

namespace tc = thousandeyes::credentials;

int
main()
{
    auto const message = tc::error_message::read(R"({"errorMessage": "No credential found with ID 405"})");
    if(message.text() != "No credential found with ID 405")
        return 1;
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
