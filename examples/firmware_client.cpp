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
#include <thousandeyes/credentials/adapters/attempt.hpp>

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
// reported to the deletion, from the facts the sockets give: whether any
// byte of the head was written, and whether a final head was read. The
// body is never read: the head is the answer, whatever follows it.
static void
attempt(sockaddr_in const& to, tc::string_view head, tc::response_parser& parser,
        tc::deletion& del)
{
    parser.reset(tc::response_options(now_s()));
    int const s = socket(AF_INET, SOCK_STREAM, 0);
    timeval const timeout{20, 0};
    std::size_t off = 0;
    if(s >= 0 && setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout)) == 0 &&
       setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof(timeout)) == 0 &&
       connect(s, reinterpret_cast<sockaddr const*>(&to), sizeof(to)) == 0)
    {
        while(off < head.size())
        {
            ssize_t const n = send(s, head.data() + off, head.size() - off, MSG_NOSIGNAL);
            if(n <= 0)
                break;
            off += std::size_t(n);
        }
        // Bytes in, a response out; the parser keeps at most one line.
        char chunk[512];
        ssize_t n = 0;
        while(off == head.size() && !parser.done() && (n = recv(s, chunk, sizeof(chunk), 0)) > 0)
            if(!parser.feed({chunk, std::size_t(n)}))
                break;
    }
    if(s >= 0)
        close(s); // one connection per attempt
    tc::adapters::attempt a; // the facts, told the way every adapter tells them
    a.writes = off > 0 ? 1 : 0;
    a.head = parser.get();
    tc::adapters::report(del, a, now_s());
}

int
main(int argc, char** argv)
{
    char const* token = std::getenv("TE_TOKEN");
    if(argc < 3 || !token)
        return say("usage: TE_TOKEN=... firmware-client http://IPv4:PORT ID...\n"), 2;
    auto ep = tc::endpoint::parse(argv[1], {/*allow_insecure_http=*/true});
    auto auth = tc::authorization::bearer(token);
    if(!ep || ep->secure() || !auth)
        return say("firmware-client: bad token, or base URL not http://IPv4:PORT\n"), 2;
    auto builder = tc::request_builder::make(*ep, *auth);
    if(!builder)
        return say("firmware-client: bad options\n"), 2;

    // The endpoint's parts into a socket address (a view is not
    // NUL-terminated: copied first).
    char ip[16] = {};
    tc::string_view const hostname = ep->hostname();
    if(hostname.size() >= sizeof(ip))
        return say("firmware-client: the host must be an IPv4 address\n"), 2;
    hostname.copy(ip, hostname.size());
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(ep->port());
    if(inet_pton(AF_INET, ip, &to.sin_addr) != 1)
        return say("firmware-client: the host must be an IPv4 address\n"), 2;

    static tc::secret_buffer<1024> head; // wiped when the program ends
    static tc::static_response_parser<1024> parser; // reset for each attempt
    tc::batch batch(static_cast<std::size_t>(argc - 2));
    for(int i = 2; i < argc; ++i)
    {
        auto const id = tc::credential_id::parse(argv[i]);
        if(!id)
            return say("firmware-client: %s: bad id\n", argv[i]), 2;
        // The head straight into the buffer: no request object in between.
        tc::write_result const w = tc::write_head(*builder, *id, head.data(), head.size());
        if(!w)
            return say("firmware-client: the head does not fit\n"), 2;

        // The library owns the protocol; this loop only moves bytes.
        tc::deletion del;
        for(tc::step s = del.next(); !s.finished(); s = del.next())
        {
            if(s.kind == tc::step_kind::wait)
            {
                say(", retry in %lld ms\n", static_cast<long long>(s.wait_ms));
                sleep_ms(s.wait_ms);
                del.waited();
                continue;
            }
            attempt(to, {head.data(), w.size}, parser, del);
            say("%s: attempt %d: %s", argv[i], del.attempts(),
                tc::to_string(del.last_decision().outcome).data());
        }
        say(", %s\n", tc::to_string(del.current()).data());
        auto const after = batch.finished(del); // pacing: no 429 in a batch
        if(!after || !after->next)
        {
            if(after && after->stop != tc::batch_stop::none)
                say("stopped: %s\n", tc::to_string(after->stop).data());
            break;
        }
        sleep_ms(after->pace.wait_ms);
    }
    return batch.all_gone() ? 0 : 1;
}
