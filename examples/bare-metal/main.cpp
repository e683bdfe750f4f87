// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The library on a bare-metal Cortex-M: no OS, no heap, no exceptions, no
// RTTI. It writes the seed request's head (API v6, credential 405, the
// docs' example email and token) straight from the builder, then drives the
// deletion state machine with the canonical loop through five scripted
// exchanges with an in-memory transport: 204; 429 then 204; 503 then 404; a
// lost response then 404; a 401 head with its body cut short. The clock is a counter the
// transport advances. Everything goes to the semihosting console; QEMU runs
// it (tests/bare_metal/test_qemu.py):
//
//   qemu-system-arm -M mps2-an385 -nographic -semihosting -kernel bare-metal-example.elf

#include "board.hpp"

#include <thousandeyes/credentials.hpp>
#include <thousandeyes/credentials/adapters/attempt.hpp>

#include <charconv>
#include <cstddef>
#include <cstdint>

namespace tc = thousandeyes::credentials;

namespace {

void
put(tc::string_view s)
{
    board::write(s.data(), s.size());
}

void
put(std::int64_t v)
{
    char text[24];
    auto const end = std::to_chars(text, text + sizeof(text), v).ptr;
    board::write(text, static_cast<std::size_t>(end - text));
}

// The docs' example response head ("Deleting a credential", API v6), the
// bytes of tests/data/seed-response.http.
#include "seed_response.hpp"
constexpr char const* seed_204 = seed_response_bytes;

// The same head as a 429: the window resets 27 s after its Date.
constexpr char seed_429[] =
    "HTTP/1.1 429 Too Many Requests\r\n"
    "Date: Fri, 15 Nov 2019 20:24:33 GMT\r\n"
    "X-Organization-Rate-Limit-Limit: 240\r\n"
    "X-Organization-Rate-Limit-Remaining: 0\r\n"
    "X-Organization-Rate-Limit-Reset: 1573849500\r\n"
    "\r\n";

constexpr char unavailable_503[] =
    "HTTP/1.1 503 Service Unavailable\r\n"
    "Retry-After: 2\r\n"
    "Content-Length: 0\r\n"
    "\r\n";

constexpr char not_found_404[] =
    "HTTP/1.1 404 Not Found\r\n"
    "Content-Type: application/json\r\n"
    "Content-Length: 36\r\n"
    "\r\n"
    "{\"errorMessage\":\"Credential not found\"}";

// A complete 401 head, then a body cut short (50 bytes announced, 12 sent):
// the head is the answer, whatever became of the body.
constexpr char unauthorized_cut[] =
    "HTTP/1.1 401 Unauthorized\r\n"
    "Content-Type: application/json\r\n"
    "Content-Length: 50\r\n"
    "\r\n"
    "{\"errorMessa";

/// One scripted exchange: the answer's bytes, or none (sent, then lost).
struct exchange
{
    char const* answer;
};

struct scenario
{
    char const* name;
    exchange exchanges[2];
    tc::outcome expected;
};

/// An in-memory transport: it "sends" the head, answers from the script in
/// 7-byte pieces (as a UART or a TLS record layer might hand them over),
/// and advances the clock by a round trip.
class scripted_transport
{
    scenario const* s_ = nullptr;
    int next_ = 0;

public:
    std::int64_t now_ms = 1573849473000; // the seed's Date
    std::size_t bytes_sent = 0;

    void
    start(scenario const& s) noexcept
    {
        s_ = &s;
        next_ = 0;
        now_ms = 1573849473000;
        bytes_sent = 0;
    }

    // One attempt; an exchange without an answer was sent, then lost.
    void
    exchange_once(tc::string_view head, tc::response_parser& parser, tc::deletion& del)
    {
        bytes_sent += head.size();
        now_ms += 120; // a round trip
        parser.reset(tc::response_options(now_ms / 1000));
        char const* const answer = s_->exchanges[next_++].answer;
        tc::string_view bytes(answer ? answer : "");
        while(!bytes.empty() && !parser.done())
        {
            tc::string_view const piece = bytes.substr(0, 7);
            if(!parser.feed(piece))
                break;
            bytes.remove_prefix(piece.size());
        }
        tc::adapters::attempt a; // the head went out whole on this link
        a.writes = 1;
        a.head = parser.get();
        tc::adapters::report(del, a, now_ms / 1000);
    }
};

void
put_attempt(tc::deletion const& del)
{
    put("  attempt ");
    put(static_cast<std::int64_t>(del.attempts()));
    put(": ");
    if(del.last_answer())
    {
        put(static_cast<std::int64_t>(del.last_answer()->status));
        put(" ");
    }
    else
        put("no response, ");
    put(tc::to_string(del.last_decision().outcome));
    put("\n");
}

// Drives one deletion to its end with the canonical loop; true when it
// ends as the scenario expects. Large objects live in static storage
// (.bss), not on the stack, and are reset for each scenario.
bool
run(scenario const& s, tc::string_view head, int number)
{
    put("scenario ");
    put(number);
    put(": ");
    put(s.name);
    put("\n");
    static scripted_transport t;
    static tc::static_response_parser<512> parser;
    static tc::deletion del;
    t.start(s);
    del = tc::deletion();
    for(tc::step st = del.next(); !st.finished(); st = del.next())
    {
        if(st.kind == tc::step_kind::wait)
        {
            put("  wait ");
            put(st.wait_ms);
            put(" ms (");
            put(tc::to_string(st.source));
            put(")\n");
            t.now_ms += st.wait_ms;
            del.waited();
            continue;
        }
        t.exchange_once(head, parser, del);
        put_attempt(del);
    }
    tc::step const end = del.next();
    put("  ");
    put(tc::to_string(end.kind));
    put(": ");
    put(tc::to_string(*end.outcome));
    put(" after ");
    put(static_cast<std::int64_t>(del.attempts()));
    put(" attempts, ");
    put(static_cast<std::int64_t>(t.bytes_sent));
    put(" bytes sent\n");
    return end.outcome == s.expected;
}

} // namespace

int
main()
{
    // The docs' example credentials: published, so printing them is safe.
    // Configured once, the builder in static storage (.bss), as firmware
    // would, sized for the seed's 82-byte Basic value (builder_capacity).
    constexpr std::size_t auth_size = tc::authorization::basic_size(24, 32);
    using builder_type = tc::basic_request_builder<tc::builder_capacity(auth_size)>;
    static auto const builder = [] {
        auto const auth = tc::basic_authorization<auth_size>::basic(
            "noreply@thousandeyes.com", "g351mw5xqhvkmh1vq6zfm51c62wyzib2");
        return auth ? builder_type::make(tc::endpoint{}, *auth)
                    : tc::result<builder_type>(auth.error());
    }();
    auto const id = tc::credential_id::make(405);
    if(!builder || !id)
        return put("the seed request was refused\n"), 1;
    // The head straight from the builder into the buffer: no request object.
    static char head[builder_type::head_buffer_size];
    tc::write_result const w = tc::write_head(*builder, *id, head, sizeof(head));
    if(!w)
        return put("the head does not fit\n"), 1;
    put("--- the seed request head ---\n");
    put(tc::string_view(head, w.size));
    put("--- end ---\n");

    static scenario const scenarios[] = {
        {"204", {{seed_204}, {nullptr}}, tc::outcome::deleted},
        {"429 then 204", {{seed_429}, {seed_204}}, tc::outcome::deleted},
        {"503 then 404", {{unavailable_503}, {not_found_404}}, tc::outcome::already_absent},
        {"a lost response then 404", {{nullptr}, {not_found_404}}, tc::outcome::already_absent},
        {"a 401 head, its body cut short", {{unauthorized_cut}, {nullptr}}, tc::outcome::unauthorized},
    };
    bool all = true;
    int number = 0;
    for(scenario const& s : scenarios)
        all = run(s, tc::string_view(head, w.size), ++number) && all;

    put("heap: none (no allocation was attempted)\n");
    put(all ? "all scenarios ended as expected\n" : "a scenario did not end as expected\n");
    return all ? 0 : 1;
}
