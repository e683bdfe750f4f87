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

// One attempt: the head out, the answer's bytes in, and what happened
// reported to the deletion. Not connected: the request never left.
static void
attempt(sockaddr_in const& to, tc::string_view head, tc::deletion& del)
{
    int const s = socket(AF_INET, SOCK_STREAM, 0);
    timeval const timeout{20, 0};
    if(s < 0 || setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout)) != 0 ||
       setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof(timeout)) != 0 ||
       connect(s, reinterpret_cast<sockaddr const*>(&to), sizeof(to)) != 0)
    {
        if(s >= 0)
            close(s);
        del.no_response(tc::transport::never_sent, now_s());
        return;
    }
    std::size_t off = 0;
    while(off < head.size())
    {
        ssize_t const n = send(s, head.data() + off, head.size() - off, MSG_NOSIGNAL);
        if(n <= 0)
            break;
        off += std::size_t(n);
    }
    // Bytes in, a response out; the parser keeps at most one line. An
    // answer cut short is an error, which the deletion takes as "maybe sent".
    tc::static_response_parser<1024> parser(tc::response_options{now_s()});
    char chunk[512];
    ssize_t n = 0;
    while(off == head.size() && !parser.done() && (n = recv(s, chunk, sizeof(chunk), 0)) > 0)
        if(!parser.feed({chunk, std::size_t(n)}))
            break;
    close(s); // the body, if any, is not needed: one connection per attempt
    del.received(parser.get(), now_s());
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
    // the port's digits, already checked by endpoint::parse (a view is not
    // NUL-terminated: no atoi on it)
    std::uint16_t port = 0;
    for(char c : host.substr(colon + 1))
        port = static_cast<std::uint16_t>(port * 10 + (c - '0'));
    to.sin_port = htons(port);
    if(inet_pton(AF_INET, ip, &to.sin_addr) != 1)
        return say("firmware-client: the host must be an IPv4 address\n"), 2;

    static tc::secret_buffer<1024> head; // wiped when the program ends
    tc::batch batch(static_cast<std::size_t>(argc - 2));
    for(int i = 2; i < argc; ++i)
    {
        auto req = builder->delete_credential(argv[i]);
        if(!req)
            return say("firmware-client: %s: bad id\n", argv[i]), 2;
        tc::write_result const w = tc::write_head(*req, head.data(), head.size());
        if(!w)
            return say("firmware-client: the head does not fit\n"), 2;

        // The library owns the protocol; this loop only moves bytes.
        tc::deletion del(*req);
        for(tc::step s = del.next(); s.kind == tc::step_kind::send; s = del.next())
        {
            attempt(to, {head.data(), w.size}, del);
            say("%s: attempt %d: %s", argv[i], del.attempts(),
                tc::to_string(del.last_decision().outcome).data());
            if(del.next().kind != tc::step_kind::wait)
                break;
            say(", retry in %lld ms\n", static_cast<long long>(del.next().wait_ms));
            sleep_ms(del.next().wait_ms);
            del.waited();
        }
        tc::step const end = del.next();
        say(", %s\n", tc::to_string(end.kind).data());
        auto const after = batch.finished(del, now_s()); // pacing: no 429 in a batch
        if(!after || !after->next)
        {
            if(after && after->stop != tc::batch_stop::none)
                say("stopped: %s\n", tc::to_string(after->stop).data());
            break;
        }
        sleep_ms(after->wait_ms);
    }
    return batch.all_gone() ? 0 : 1;
}
