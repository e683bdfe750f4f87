// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// te-credentials: the library's command line. `te-credentials --help`.
#include "cli.hpp"

#include <cstdio>
#include <string>

int
main(int argc, char** argv)
{
    using cli::string_view;
    if(argc < 2)
    {
        cli::print_overview(stderr);
        return 2;
    }
    string_view const cmd = argv[1];
    if(cmd == "--help" || cmd == "-h" || cmd == "help")
    {
        cli::print_overview(stdout);
        return 0;
    }
    if(cmd == "--version")
    {
        std::printf("te-credentials %s\n", THOUSANDEYES_CREDENTIALS_VERSION_STRING);
        return 0;
    }
    if(cmd == "request")
        return cli::run_request(argc, argv);
    if(cmd == "delete")
        return cli::run_delete(argc, argv);
    if(cmd == "explain-response")
        return cli::run_explain(argc, argv);
    if(cmd == "check-request")
        return cli::run_check(argc, argv);
    static char const* const commands[] = {"request", "delete", "explain-response",
                                           "check-request", "--help", "--version"};
    // the word is shown only when it cannot be a secret typed first
    string_view const near = cli::safe_to_echo(cmd) ? cli::did_you_mean(cmd, commands, 6) : "";
    if(!near.empty())
        cli::fail("command", "unknown command '" + std::string(cmd) + "'; did you mean '" +
                                 std::string(near) + "'? (see te-credentials --help)");
    cli::fail("command", "unknown command; use 'request', 'delete', 'explain-response' or "
                         "'check-request' (see te-credentials --help)");
}
