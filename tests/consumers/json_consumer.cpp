// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// A downstream program on the JSON part (error_message.hpp, which reads
// bodies with Boost.JSON): it reads the API's error body for an unknown
// credential, then prints the seed's request line and Host like
// seed_request.cpp, so all consumers print the same two lines.
#include "seed_lines.hpp"

#include <thousandeyes/credentials/error_message.hpp>

int
main()
{
    namespace tc = thousandeyes::credentials;
    auto const message = tc::error_message::read(R"({"errorMessage": "No credential found with ID 405"})");
    if(message.text() != "No credential found with ID 405")
        return 1;
    return print_seed_lines();
}
