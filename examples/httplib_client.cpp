// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// Deleting credentials with cpp-httplib (API v7, a Bearer token), through
// the httplib adapter: httplib moves the bytes and writes Host and
// Content-Length; the library builds the rest, reads the answer's head and
// owns the protocol.
//
//   TE_TOKEN=... httplib-client https://api.thousandeyes.com 405 406 ...
//
// http:// is accepted for the API double on loopback only. Set TE_CA_FILE
// to verify the server with another CA file (a company's TLS proxy, a test
// CA). Exit status: 0 all deleted or already absent, 1 otherwise, 2 bad
// arguments.

#include <thousandeyes/credentials.hpp>
#include <thousandeyes/credentials/adapters/httplib.hpp>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

namespace tc = thousandeyes::credentials;

static std::int64_t
now_s()
{
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

static void
sleep_ms(std::int64_t ms)
{
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

int
main(int argc, char** argv)
{
    // httplib's TLS writes with write(2): a reset must not kill the program.
    std::signal(SIGPIPE, SIG_IGN);
    char const* token = std::getenv("TE_TOKEN");
    if(argc < 3 || !token)
        return std::fputs("usage: TE_TOKEN=... httplib-client BASE_URL ID...\n", stderr), 2;
    bool const loopback = std::string(argv[1]).rfind("http://127.0.0.1:", 0) == 0;
    auto ep = tc::endpoint::parse(argv[1], {/*allow_insecure_http=*/loopback});
    auto auth = tc::authorization::bearer(token);
    if(!ep || !auth)
        return std::fputs("httplib-client: bad base URL or token\n", stderr), 2;
    tc::request_options opts;
    opts.api = tc::api_version::v7;
    auto builder = tc::request_builder::make(*ep, *auth, opts);
    if(!builder)
        return std::fputs("httplib-client: bad options\n", stderr), 2;
    std::vector<tc::credential_id> ids;
    for(int i = 2; i < argc; ++i)
    {
        auto id = tc::credential_id::parse(argv[i]);
        if(!id)
            return std::fprintf(stderr, "httplib-client: %s: bad id\n", argv[i]), 2;
        ids.push_back(*id);
    }

    // The client is ours: origin, TLS verification, CA, timeouts, proxy.
    std::string const host(ep->hostname());
    httplib::Client client((ep->secure() ? "https://" : "http://") +
                           (host.find(':') != std::string::npos ? "[" + host + "]" : host) + ":" +
                           std::to_string(ep->port()));
    client.enable_server_certificate_verification(true);
    if(char const* ca = std::getenv("TE_CA_FILE"))
        client.set_ca_cert_path(ca);
    client.set_connection_timeout(std::chrono::seconds(10));
    client.set_read_timeout(std::chrono::seconds(20));

    tc::batch batch(ids.size());
    auto const last = tc::adapters::httplib_delete_batch(
        client, *builder, ids, batch, now_s, sleep_ms,
        [](tc::credential_id const& id, tc::deletion const& del, tc::batch_step const&) {
            tc::step const end = del.next();
            std::printf("%lld: %d attempt(s), %s %s\n", static_cast<long long>(id.value()),
                        del.attempts(), tc::to_string(end.kind).data(),
                        tc::to_string(*end.outcome).data());
        });
    if(last.stop != tc::batch_stop::none)
        std::printf("stopped: %s\n", tc::to_string(last.stop).data());
    return batch.all_gone() ? 0 : 1;
}
