// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// THOUSANDEYES_CREDENTIALS_NO_ERROR_MESSAGES (the smallest builds): the
// error codes and their conditions are the same; only the texts are gone.
#define THOUSANDEYES_CREDENTIALS_NO_ERROR_MESSAGES
#include <thousandeyes/credentials.hpp>

#include <cstdio>
#include <cstring>

namespace tc = thousandeyes::credentials;

int
main()
{
    int failures = 0;
    auto check = [&](bool ok, char const* what) {
        if(!ok)
            std::printf("FAIL: %s\n", what), ++failures;
    };
    auto const id = tc::credential_id::parse("0405");
    check(!id, "a leading zero is still refused");
    boost::system::error_code const ec = id.error();
    check(ec == tc::error::credential_id_leading_zero, "the same code");
    check(ec == tc::condition::invalid_input, "the same condition");
    check(std::strcmp(ec.category().name(), "thousandeyes.credentials") == 0, "the same category");
    char scratch[1];
    check(std::strcmp(ec.message(scratch, sizeof(scratch)),
                      "thousandeyes.credentials error (messages left out of this build)") == 0,
          "the text is the generic one");
    check(ec.message().find("leading zero") == std::string::npos, "no rule text");
    check(ec.message().empty(), "the std::string form is empty: no heap needed");
    std::printf("%d passed, %d failed\n", 7 - failures, failures);
    return failures ? 1 : 0;
}
