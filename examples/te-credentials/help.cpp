// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The commands' option tables: what each accepts and what its --help
// says. The man page (te-credentials.1) is checked against this text.
#include "cli.hpp"

#include <cstdio>

namespace cli {

namespace {

#define TE_AUTH_OPTIONS                                                                          \
    {"--bearer-token-env", "VAR", "Bearer token from environment variable VAR\n"      \
                                    "(v6 and v7)"},      \
        {"--bearer-token-file", "PATH", "Bearer token from a file (its only line)"},              \
        {"--basic-user", "EMAIL", "Basic authentication (v6 only): the account's\n"  \
                                  "email, with --token-env or --token-file for its\n"   \
                                  "API token"},          \
        {"--token-env", "VAR", "the Basic API token from environment variable\n" \
                             "VAR"},              \
        {"--token-file", "PATH", "the Basic API token from a file (its only line)"}

#define TE_REQUEST_OPTIONS                                                                       \
    {"--aid", "AID", "account group context (?aid=), same rule as --id"},                         \
        {"--api", "v7|v6", "v7: DELETE /v7/credentials/ID, Bearer token only;\n" \
                           "what the live API serves.\n"                            \
                           "v6 (the default, the seed page's): POST\n"              \
                           "/v6/credentials/ID/delete.json; deprecated by\n"        \
                           "ThousandEyes on 2024-05-27"},                                        \
        {"--format", "json|xml|none", "v6 response format: path suffix and Accept\n" \
                                      "(default json; none sends no suffix; v7 is\n" \
                                      "json)"},                 \
        {"--base-url", "URL", "default https://api.thousandeyes.com; a path\n"     \
                              "prefix (an API gateway) is kept in front of /v6\n"   \
                              "or /v7; a URL ending in the chosen version\n"        \
                              "(https://api.thousandeyes.com/v7) is accepted and\n" \
                              "the version is not repeated"},                     \
        {"--allow-insecure-http", nullptr, "accept an http:// base URL (loopback testing\n"          \
                                           "only)"}, \
        {"--user-agent", "UA", "default thousandeyes-credentials/" THOUSANDEYES_CREDENTIALS_VERSION_STRING}, \
        TE_AUTH_OPTIONS

option_spec const request_options[] = {
    {"--id", "ID", "credential to delete: decimal, from 1 to\n"
                    "9223372036854775807"},
    TE_REQUEST_OPTIONS,
    {"--show-secrets", nullptr, "print the Authorization value instead of\n"
                                "redacting it"},
    {"--curl", nullptr, "print an equivalent curl command instead of the\n"
                        "head"},
    {"--review", nullptr, "print a review dump: a summary and every byte\n"
                          "shown"},
    {"--json", nullptr, "print the request view (method, target, url,\n"
                        "fields) and the head as one JSON object"},
};

option_spec const delete_options[] = {
    {"--id", "ID", "credential to delete: decimal, from 1 to\n"
                    "9223372036854775807; repeat it for several"},
    {"--ids-file", "FILE", "credentials to delete, one id per line ('-':\n"
                           "standard input); blank lines, '#' comments and\n"
                           "repeated ids are skipped"},
    TE_REQUEST_OPTIONS,
    {"--max-attempts", "N", "attempts per credential, 1 to 100 (default 3)"},
    {"--timeout", "SECONDS", "per attempt, 1 to 3600 (default 20)"},
    {"--connect-timeout", "SECONDS", "to connect (TCP, a proxy, TLS), 1 to 3600\n"
                                     "(default: libcurl's, 300)"},
    {"--cacert", "FILE", "trust the CAs in this PEM file instead of the\n"
                         "system's (a company's TLS-inspecting proxy,\n"
                         "a test CA)"},
    {"--capath", "DIR", "trust the CAs in this OpenSSL hashed directory"},
    {"--proxy", "URL", "use this proxy (http://, https://, socks5h://...);\n"
                       "without it, libcurl reads https_proxy, http_proxy,\n"
                       "all_proxy and no_proxy"},
    {"--verbose", nullptr, "also print the request head (redacted) and the\n"
                           "response head of every attempt (on stderr)"},
    {"--quiet", nullptr, "print no progress on stderr, only the results\n"
                         "on stdout (and errors)"},
    {"--json", nullptr, "print the results as JSON lines: one object per\n"
                        "credential, then {\"summary\": ...}"},
};

option_spec const explain_options[] = {
    {"--now", "EPOCH", "the local clock, for a Retry-After date or a Reset\n"
                       "when the response has no Date"},
    {"--attempt", "N", "this response answers attempt N, 1 to 1000000\n"
                       "(default 1)"},
    {"--earlier-attempt-uncertain", nullptr, "an earlier attempt's response was lost, so a\n"
                                             "404 means the credential is already absent"},
    {"--json", nullptr, "print one JSON object"},
};

option_spec const check_options[] = {
    {"--api", "v7|v6", "the API version expected (default: the one the\n"
                       "path names, or the one --base-url ends in)"},
    {"--base-url", "URL", "the base URL the client was given: its path\n"
                          "prefix is expected before /v6 or /v7, its host\n"
                          "and port in Host (default: any prefix-free\n"
                          "path, any Host)"},
    {"--id", "ID", "the credential id expected in the path"},
    {"--input", "auto|raw|curl|record", "how the input holds requests (default auto:\n"
                                        "record when it starts with '{', curl when a\n"
                                        "line starts with \"> \", else raw)"},
    {"--json", nullptr, "print one JSON object"},
    {"--list-rules", nullptr, "print every rule (id, severity, what it finds,\n"
                              "its source) and exit"},
};

#undef TE_REQUEST_OPTIONS
#undef TE_AUTH_OPTIONS

#define TE_AUTH_TEXT                                                             \
    "Secrets are read from the environment or a file, never from the command\n" \
    "line: give --bearer-token-env or --bearer-token-file, or --basic-user with\n" \
    "--token-env or --token-file. A file's line end and a UTF-8 BOM are not\n"  \
    "part of the token.\n"

#define TE_EXIT_TEXT                                                             \
    "Exit status: 0 done; 1 a definitive failure; 2 invalid input (one line on\n" \
    "stderr naming the option, file or variable).\n"

template<std::size_t N>
constexpr std::size_t
count(option_spec const (&)[N])
{
    return N;
}

} // namespace

command_spec const request_command = {
    "request",
    "request --id ID [options] AUTH\n"
    "           [--show-secrets] [--curl | --review | --json]",
    "Builds the ThousandEyes \"delete a credential\" request and prints it: by\n"
    "default the exact HTTP/1.1 request head, as it would be sent, its\n"
    "Authorization value redacted.\n"
    "For the live API use v7:\n"
    "  te-credentials request --api v7 --id 405 --bearer-token-env TE_TOKEN",
    request_options, count(request_options), nullptr,
    TE_AUTH_TEXT "\n" TE_EXIT_TEXT, nullptr,
};

command_spec const delete_command = {
    "delete",
    "delete (--id ID [--id ID]... | --ids-file FILE|-)\n"
    "           [options] AUTH",
    "Deletes credentials with libcurl (https://api.thousandeyes.com by default),\n"
    "following the library's decisions: waits and retries 429, 500, 502, 503\n"
    "and 504, never retries 401, repeats an attempt whose response was lost (a\n"
    "404 then means already absent). Several ids are paced from the rate-limit\n"
    "headers (\"next in 114 ms: 236 requests left for 27 s\").\n"
    "Progress goes to stderr, one line per attempt: status, outcome, rate limit\n"
    "left, wait (none with --quiet). Results go to stdout: \"credential 405:\n"
    "deleted\" for one id, a summary for several (with --json, JSON lines).\n"
    "SIGINT (Ctrl-C) or SIGTERM starts no new attempt: the one in flight ends\n"
    "within --timeout, the summary names the ids not attempted, and the exit\n"
    "status is 130 or 143; a second signal ends the program at once.\n"
    "For the live API use v7:\n"
    "  te-credentials delete --api v7 --id 405 --bearer-token-env TE_TOKEN\n"
    "With --api v6 against api.thousandeyes.com it says once on stderr that v6\n"
    "is deprecated.",
    delete_options, count(delete_options), nullptr,
    TE_AUTH_TEXT "\n"
    "Exit status: 0 every credential is gone; 1 a definitive failure; 2 invalid\n"
    "input (one line on stderr naming the option, file or variable); 130 or 143\n"
    "interrupted by SIGINT or SIGTERM.\n",
    "--id",
};

command_spec const explain_command = {
    "explain-response",
    "explain-response [FILE|-] [--now EPOCH] [--attempt N]\n"
    "           [--earlier-attempt-uncertain] [--json]",
    "Reads a raw HTTP/1.1 response (the head, optionally the body) from FILE or\n"
    "standard input and prints what it means: status, outcome, rate limits,\n"
    "Retry-After, Date (epoch seconds and ISO 8601 UTC), the body's error\n"
    "message, the decision (done, retry after delay_ms, or fail) and the pacing\n"
    "wait before a next request. A status line right after a head without a\n"
    "body (1xx, 204, 304, or a 2xx without framing) starts a newer response, as\n"
    "in 'curl -i' output through a proxy (its \"200 Connection established\"\n"
    "block is passed over); after a head with Content-Length or chunked\n"
    "framing, the bytes are its body. Up to 1 MiB is read.",
    explain_options, count(explain_options), "FILE",
    TE_EXIT_TEXT, nullptr,
};

command_spec const check_command = {
    "check-request",
    "check-request [FILE|-] [--api v7|v6] [--base-url URL] [--id ID]\n"
    "           [--input auto|raw|curl|record] [--json]",
    "Judges a captured credential deletion request, whoever sent it, against\n"
    "the API's documented rules and HTTP's (RFC 9110, 9112, 7617, 6750), and\n"
    "prints each finding: error (the API would refuse or misread it), warning\n"
    "(legal, but unlike the docs' example, or risky) or note, with the rule\n"
    "quoted, its source, and a caret under the bytes. FILE (or standard input)\n"
    "holds the raw request bytes, a 'curl -v' transcript (its \"> \" lines; each\n"
    "block is one request, its lines read as ending in CRLF) or te-api-double\n"
    "--record JSON lines (each a request view; credentials there are redacted\n"
    "and not judged). Credentials are never printed. Up to 1 MiB is read.",
    check_options, count(check_options), "FILE",
    "Exit status: 0 no request has an error; 1 some request has one; 2 the\n"
    "input cannot be read or holds no request, or an option is invalid.\n", nullptr,
};

void
print_overview(std::FILE* out)
{
    std::fputs("usage: te-credentials COMMAND [options]\n"
               "       te-credentials COMMAND --help\n"
               "       te-credentials --help | --version\n\n"
               "Builds, explains and performs the ThousandEyes \"delete a credential\"\n"
               "request. Commands:\n"
               "  request           print the request: its head, a curl command, a review\n"
               "  delete            delete credentials, with retries and pacing\n"
               "  explain-response  read a response and print what it means\n"
               "  check-request     judge a captured request of any client\n\n"
               "API v7 is what the live API serves (--api v7, a Bearer token); v6, the\n"
               "seed page's and the default, was deprecated by ThousandEyes on 2024-05-27.\n"
               "Results go to stdout; progress and diagnostics to stderr.\n\n",
               out);
    std::fputs(TE_AUTH_TEXT "\n" TE_EXIT_TEXT, out);
}

} // namespace cli
