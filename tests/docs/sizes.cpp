// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// Prints the sizes table of doc/requests-and-responses.md (between its
// `sizes` markers) for this compiler and target; the `doc-figures` test
// compares it with the page in the configuration the page names.
#include <thousandeyes/credentials.hpp>
#include <thousandeyes/credentials/error_message.hpp>

#include <cstdio>

namespace tc = thousandeyes::credentials;

namespace {

// A number with its thousands separated by commas, as the page writes them.
struct number
{
    char text[40];

    explicit number(std::size_t v)
    {
        char digits[32];
        int const n = std::snprintf(digits, sizeof digits, "%zu", v);
        int o = 0;
        for(int i = 0; i < n; ++i)
        {
            if(i > 0 && (n - i) % 3 == 0)
                text[o++] = ',';
            text[o++] = digits[i];
        }
        text[o] = '\0';
    }
};

void
row(char const* type, std::size_t bytes, char const* what, std::size_t of = 0)
{
    if(of != 0)
    {
        std::printf("| %s | %s | %s bytes of %s |\n", type, number(bytes).text, number(of).text, what);
        return;
    }
    std::printf("| %s | %s | %s |\n", type, number(bytes).text, what);
}

} // namespace

int
main()
{
    using seed_builder = tc::basic_request_builder<tc::builder_capacity(82)>;
    std::printf("| type | bytes | holds |\n|---|---|---|\n");
    row("`request_builder`", sizeof(tc::request_builder), "endpoint, Authorization value, user agent, the prepared head");
    row("`request`", sizeof(tc::request), "every byte of one request's head");
    row("`basic_request_builder<builder_capacity(82)>`", sizeof(seed_builder), "sized for the seed's values");
    row("its `basic_request`", sizeof(tc::basic_request<tc::builder_capacity(82)>), "");
    row("`endpoint`", sizeof(tc::endpoint), "text", tc::endpoint::capacity);
    row("`authorization`", sizeof(tc::authorization), "header value", tc::authorization::capacity);
    row("`user_agent`", sizeof(tc::user_agent), "text", tc::user_agent::capacity);
    row("`static_response_parser<>`", sizeof(tc::static_response_parser<>), "line buffer",
        sizeof(tc::static_response_parser<>) - sizeof(tc::response_parser));
    row("`header_line_reader`", sizeof(tc::header_line_reader), "one response's state");
    row("`field_reader`", sizeof(tc::field_reader), "one response's state");
    row("`response`", sizeof(tc::response), "numbers only");
    row("`error_message`", sizeof(tc::error_message), "the members read");
    row("`chunked_decoder`", sizeof(tc::chunked_decoder), "");
    row("`deletion`", sizeof(tc::deletion), "protocol state, no request");
    row("`batch`", sizeof(tc::batch), "counts and the last pace");
    row("`request_checker`", sizeof(tc::request_checker), "a line buffer and 32 findings");
    return 0;
}
