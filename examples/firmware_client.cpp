// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// Deleting credentials the way a firmware build would: POSIX sockets, no
// heap at all, no exceptions, no RTTI, no stdio streams. The request head is
// written into a fixed buffer and sent as is; the answer's bytes go to the
// incremental parser as they arrive (the raw-bytes input form). API v6,
// a Bearer token, plain TCP to an IPv4 address (the API double on loopback;
// a device would put its TLS stack where send() and recv() are).
//
//   TE_TOKEN=... firmware-client http://127.0.0.1:8080 405 406 ...
//
// Exit status: 0 all deleted or already absent, 1 otherwise, 2 bad arguments.

#include <thousandeyes/credentials.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace tc = thousandeyes::credentials;

// Without exceptions, Boost reports what it cannot throw here. The library
// never gets here: it returns error codes.
namespace boost {
void throw_exception(std::exception const&) { std::abort(); }
void throw_exception(std::exception const&, source_location const&) { std::abort(); }
} // namespace boost

// printf into a stack buffer, then write(2): stdio's stream buffers would
// come from the heap.
static void
say(char const* format, ...)
{
    char line[256];
    va_list args;
    va_start(args, format);
    int const n = std::vsnprintf(line, sizeof(line), format, args);
    va_end(args);
    if(n > 0)
        (void)!write(1, line, n < int(sizeof(line)) ? std::size_t(n) : sizeof(line) - 1);
}

static std::int64_t
now_s()
{
    timespec t{};
    clock_gettime(CLOCK_REALTIME, &t);
    return t.tv_sec;
}

static void
sleep_ms(std::int64_t ms)
{
    timespec t{static_cast<time_t>(ms / 1000), static_cast<long>(ms % 1000) * 1000000L};
    while(nanosleep(&t, &t) != 0) {}
}

// What one attempt got: a response, or nothing (and whether it was sent).
struct exchange
{
    bool answered = false;
    bool sent = false;
    tc::response res;
};

static exchange
attempt(sockaddr_in const& to, tc::string_view head)
{
    exchange x;
    int const s = socket(AF_INET, SOCK_STREAM, 0);
    if(s < 0)
        return x;
    timeval const timeout{20, 0};
    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
    setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof(timeout));
    if(connect(s, reinterpret_cast<sockaddr const*>(&to), sizeof(to)) == 0)
    {
        x.sent = true; // from here on, the server may have carried it out
        std::size_t off = 0;
        while(off < head.size())
        {
            ssize_t const n = send(s, head.data() + off, head.size() - off, MSG_NOSIGNAL);
            if(n <= 0)
                break;
            off += std::size_t(n);
        }
        // Bytes in, a response out; the parser keeps at most one line.
        tc::response_options opts;
        opts.now = now_s();
        tc::static_response_parser<1024> parser(opts);
        char chunk[512];
        ssize_t n = 0;
        while(off == head.size() && !parser.done() && (n = recv(s, chunk, sizeof(chunk), 0)) > 0)
            if(!parser.feed({chunk, std::size_t(n)}))
                break;
        if(auto r = parser.get())
        {
            x.answered = true;
            x.res = *r;
        }
    }
    close(s); // the body, if any, is not needed: one connection per attempt
    return x;
}

int
main(int argc, char** argv)
{
    char const* token = std::getenv("TE_TOKEN");
    if(argc < 3 || !token)
        return say("usage: TE_TOKEN=... firmware-client http://IPv4:PORT ID...\n"), 2;
    auto ep = tc::endpoint::parse(argv[1], {/*allow_insecure_http=*/true});
    auto auth = tc::authorization::bearer(token);
    if(!ep || ep->is_secure() || !auth)
        return say("firmware-client: bad token, or base URL not http://IPv4:PORT\n"), 2;
    auto builder = tc::request_builder::make(*ep, *auth);
    if(!builder)
        return say("firmware-client: bad options\n"), 2;

    // "127.0.0.1:8080" into a socket address.
    tc::string_view const host = ep->host();
    std::size_t const colon = host.rfind(':');
    char ip[16] = {};
    if(colon == tc::string_view::npos || colon >= sizeof(ip))
        return say("firmware-client: give the port\n"), 2;
    host.copy(ip, colon);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<std::uint16_t>(std::atoi(host.data() + colon + 1)));
    if(inet_pton(AF_INET, ip, &to.sin_addr) != 1)
        return say("firmware-client: the host must be an IPv4 address\n"), 2;

    static tc::secret_buffer<1024> head; // wiped when the program ends
    int failures = 0;
    for(int i = 2; i < argc; ++i)
    {
        auto req = builder->delete_credential(argv[i]);
        if(!req)
            return say("firmware-client: %s: bad id\n", argv[i]), 2;
        tc::write_result const w = tc::write_head(*req, head.data(), head.size());
        if(!w)
            return say("firmware-client: the head does not fit\n"), 2;

        tc::attempt_context ctx;
        tc::decision d;
        tc::response last;
        for(;; ++ctx.attempt)
        {
            exchange const x = attempt(to, {head.data(), w.size});
            ctx.now = now_s();
            if(x.answered)
            {
                last = x.res;
                d = tc::decide(x.res, ctx);
                say("%s: attempt %d: %d %s", argv[i], ctx.attempt, x.res.status,
                    tc::to_string(d.result).data());
            }
            else
            {
                ctx.earlier_attempt_uncertain |= x.sent;
                d = tc::decide_no_response(ctx);
                say("%s: attempt %d: no response", argv[i], ctx.attempt);
            }
            if(d.what != tc::action::retry)
                break;
            say(", retry in %lld ms\n", static_cast<long long>(d.delay_ms));
            sleep_ms(d.delay_ms);
        }
        say(", %s\n", tc::to_string(d.what).data());
        failures += d.what != tc::action::done;
        if(i + 1 < argc) // pacing: no 429 in a batch
            sleep_ms(tc::pace_ms(last, now_s()));
    }
    return failures ? 1 : 0;
}
