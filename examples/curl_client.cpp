// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// Deleting credentials with libcurl's easy API (API v6, a Bearer token).
// libcurl hands each response header line to a callback: that is the
// library's header-line input form. The library builds the request and
// owns the protocol (tc::deletion, tc::batch); libcurl only moves bytes.
//
//   TE_TOKEN=... curl-client https://api.thousandeyes.com 405 406 ...
//
// Exit status: 0 every credential deleted or already absent, 1 otherwise,
// 2 bad arguments.

#include <thousandeyes/credentials.hpp>

#include "curl_transport.hpp"

#include <curl/curl.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

namespace tc = thousandeyes::credentials;

static std::int64_t
now_s()
{
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

// CURLOPT_HEADERFUNCTION: each line, status line included, goes to the reader.
static std::size_t
on_header(char* p, std::size_t size, std::size_t n, void* reader)
{
    static_cast<tc::header_line_reader*>(reader)->line({p, size * n});
    return size * n;
}

// The body (an error message, if any) is not needed here: the transfer
// stops at its first byte. The head read before it is the answer.
static std::size_t
on_body(char*, std::size_t, std::size_t, void*)
{
    return 0;
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
    tc::batch batch(static_cast<std::size_t>(argc - 2));
    tc::header_line_reader reader; // reset for each attempt
    for(int i = 2; i < argc; ++i)
    {
        auto req = builder->delete_credential(argv[i]);
        if(!req)
            return std::fprintf(stderr, "curl-client: %s: bad id\n", argv[i]), 2;
        // Host comes from the URL, Content-Length from POSTFIELDS.
        curl_slist* headers = nullptr;
        for(tc::field const& f : req->fields())
            if(!f.derived)
                headers = curl_slist_append(
                    headers, (std::string(f.name) + ": " + std::string(f.value)).c_str());
        std::string const url(req->url());

        // The library owns the protocol; this loop only moves bytes.
        tc::deletion del;
        for(tc::step s = del.next(); !s.finished(); s = del.next())
        {
            if(s.kind == tc::step_kind::wait)
            {
                std::printf(", retry in %lld ms\n", static_cast<long long>(s.wait_ms));
                std::this_thread::sleep_for(std::chrono::milliseconds(s.wait_ms));
                del.waited();
                continue;
            }
            reader.reset(tc::response_options(now_s()));
            curl_easy_reset(curl);
            curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
            curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
            curl_easy_setopt(curl, CURLOPT_POSTFIELDS, ""); // v6: an empty body
            curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
            curl_easy_setopt(curl, CURLOPT_HEADERDATA, &reader);
            // a proxy's answer to CONNECT is not the API's: keep it from the reader
            curl_easy_setopt(curl, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
            curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
            curl_easy_setopt(curl, CURLOPT_TIMEOUT, 20L);
            // A fresh connection per attempt: curl silently resends a request
            // whose reused connection closed, which would hide a lost response.
            curl_easy_setopt(curl, CURLOPT_FRESH_CONNECT, 1L);
            CURLcode const rc = curl_easy_perform(curl);
            // A final head read is the answer, whatever became of the body;
            // without one, the result code says whether the request left.
            del.report(reader.get(), examples::transport_of(rc), now_s());
            std::printf("%s: attempt %d: %s", argv[i], del.attempts(),
                        tc::to_string(del.last_decision().outcome).data());
        }
        std::printf(", %s\n", tc::to_string(del.current()).data());
        curl_slist_free_all(headers);
        // Pacing: spread the quota left over the window left; no 429.
        auto const after = batch.finished(del);
        if(!after || !after->next)
        {
            if(after && after->stop != tc::batch_stop::none)
                std::printf("stopped: %s\n", tc::to_string(after->stop).data());
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(after->pace.wait_ms));
    }
    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return batch.all_gone() ? 0 : 1;
}
