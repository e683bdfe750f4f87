// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// Deleting credentials with libcurl's easy API (API v6, a Bearer token),
// through the libcurl adapter: the library builds the request and owns the
// protocol (tc::deletion, tc::batch); the adapter carries each attempt on
// our CURL handle and says, from what libcurl reports, whether the request
// left and which head came back.
//
//   TE_TOKEN=... curl-client https://api.thousandeyes.com 405 406 ...
//
// Exit status: 0 every credential deleted or already absent, 1 otherwise,
// 2 bad arguments.

#include <thousandeyes/credentials.hpp>

#include <thousandeyes/credentials/adapters/libcurl.hpp>

#include <curl/curl.h>

#include <chrono>
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
    char const* token = std::getenv("TE_TOKEN");
    if(argc < 3 || !token)
        return std::fputs("usage: TE_TOKEN=... curl-client BASE_URL ID...\n", stderr), 2;
    // http:// is accepted for the API double on loopback only.
    bool const loopback = std::string(argv[1]).rfind("http://127.0.0.1:", 0) == 0;
    auto ep = tc::endpoint::parse(argv[1], {/*allow_insecure_http=*/loopback});
    auto auth = tc::authorization::bearer(token);
    if(!ep || !auth)
        return std::fputs("curl-client: bad base URL or token\n", stderr), 2;
    auto builder = tc::request_builder::make(*ep, *auth);
    if(!builder)
        return std::fputs("curl-client: bad options\n", stderr), 2;

    CURL* curl = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? curl_easy_init() : nullptr;
    if(!curl)
        return std::fputs("curl-client: libcurl does not start\n", stderr), 1;
    // The handle's options are ours to choose (proxy, CA, timeouts); the
    // adapter sets only what makes the request, and reads the facts.
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 20L);
    std::vector<tc::credential_id> ids;
    for(int i = 2; i < argc; ++i)
    {
        auto id = tc::credential_id::parse(argv[i]);
        if(!id)
            return std::fprintf(stderr, "curl-client: %s: bad id\n", argv[i]), 2;
        ids.push_back(*id);
    }
    // Each id's deletion runs the canonical loop over one libcurl attempt
    // at a time; the batch paces the ids so that none meets a 429.
    tc::batch batch(ids.size());
    auto const last = tc::adapters::curl_delete_batch(
        curl, *builder, ids, batch, now_s, sleep_ms,
        [](tc::credential_id const& id, tc::deletion const& del, tc::batch_step const&) {
            tc::step const end = del.next();
            std::printf("%lld: %d attempt(s), %s %s\n", static_cast<long long>(id.value()),
                        del.attempts(), tc::to_string(end.kind).data(),
                        tc::to_string(*end.outcome).data());
        });
    if(last.stop != tc::batch_stop::none)
        std::printf("stopped: %s\n", tc::to_string(last.stop).data());
    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return batch.all_gone() ? 0 : 1;
}
