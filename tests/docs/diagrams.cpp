// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// Writes the two diagrams of doc/embedding.md from the library's own
// behaviour, so that they cannot drift from it:
//   diagrams states    the deletion's transitions (doc/diagrams/deletion-states.dot):
//                      every event a `deletion` accepts in each state, driven
//                      with the answers that lead to each next state
//   diagrams timeline  one deletion through a 429, a 503 and a lost answer,
//                      then a 404 (doc/diagrams/retry-timeline.dot)
// The `doc-figures` test compares the output with the files.
#include "../response_forms.hpp" // status(s): a response of that status alone

#include <thousandeyes/credentials.hpp>

#include <cstdio>
#include <cstring>
#include <set>
#include <string>
#include <tuple>


namespace {

// A deletion in its send step after `history` (statuses; 0: no answer, maybe sent).
tc::deletion
after(std::initializer_list<int> history, tc::retry_policy const& p)
{
    tc::deletion d(p);
    for(int s : history)
    {
        if(s == 0)
            d.no_response(tc::transport::maybe_sent);
        else
            d.received(status(s));
        d.waited();
    }
    return d;
}

using edge = std::tuple<std::string, std::string, std::string>; // from, event, to

void
states()
{
    // Histories reach a send step fresh, after an uncertain attempt, and on
    // the last attempt; each event is then tried in each.
    tc::retry_policy const p;
    std::set<edge> edges;
    auto const record = [&](tc::deletion const& before, tc::deletion const& d, char const* event) {
        edges.insert({std::string(to_string(before.current())), event, std::string(to_string(d.current()))});
    };
    for(auto history : {std::initializer_list<int>{}, {503}, {503, 503}})
    {
        tc::deletion const start = after(history, p);
        for(int code : {204, 400, 401, 404, 429, 500, 503})
        {
            tc::deletion d = start;
            d.received(status(code));
            record(start, d, "received");
            if(d.current() == tc::step_kind::wait)
            {
                tc::deletion w = d;
                w.waited();
                record(d, w, "waited");
            }
        }
        for(tc::transport t : {tc::transport::never_sent, tc::transport::maybe_sent})
        {
            tc::deletion d = start;
            d.no_response(t);
            record(start, d, "no_response");
        }
        tc::deletion d = start;
        d.resent();
        record(start, d, "resent");
    }
    std::printf("// The deletion's transitions: tests/docs/diagrams.cpp writes this file\n"
                "// from the library's behaviour; the doc-figures test compares them.\n"
                "digraph deletion {\n"
                "    rankdir=LR;\n"
                "    node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=11];\n"
                "    edge [fontname=\"Helvetica\", fontsize=10];\n"
                "    send [label=\"send\\nwrite the head,\\nread the answer\"];\n"
                "    wait [label=\"wait\\nsleep wait_ms\"];\n"
                "    done [label=\"done\\ndeleted, already_absent\", peripheries=2];\n"
                "    failed [label=\"failed\\nthe outcome says why\", peripheries=2];\n");
    // What each event means on each edge, in words a reader needs.
    auto const label = [](edge const& e) -> std::string {
        auto const& [from, event, to] = e;
        if(event == "resent")
            return "resent()\\nnow uncertain";
        if(event == "waited")
            return "waited()";
        if(event == "received" && to == "done")
            return "received: 204\\n(a 404 after an uncertain attempt)";
        if(event == "received" && to == "wait")
            return "received: 429, 5xx\\n(a 5xx: uncertain)";
        if(event == "received")
            return "received: 4xx, or\\nattempts spent, wait too long";
        if(to == "wait")
            return "no_response\\n(maybe_sent: uncertain)";
        return "no_response,\\nattempts spent";
    };
    for(edge const& e : edges)
        std::printf("    %s -> %s [label=\"%s\"];\n", std::get<0>(e).c_str(), std::get<2>(e).c_str(),
                    label(e).c_str());
    std::printf("}\n");
}

void
timeline()
{
    // The docs' example response's clock: Date 20:24:33, Reset 27 s later.
    std::int64_t const date = 1573849473;
    tc::retry_policy p;
    p.max_attempts = 4;
    tc::deletion d(p);
    struct event
    {
        char const* what;
        int status; // 0: no answer
    };
    event const script[] = {
        {"429 Too Many Requests\\nReset in 27 s (server's Date)", 429},
        {"503 Service Unavailable\\nno Retry-After", 503},
        {"no answer: connection reset\\nafter the request left", 0},
        {"404 Not Found", 404},
    };
    std::printf("// One deletion, max_attempts 4: tests/docs/diagrams.cpp writes this file\n"
                "// by driving the library's `deletion`; the doc-figures test compares them.\n"
                "digraph timeline {\n"
                "    rankdir=TB;\n"
                "    node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=11];\n"
                "    edge [fontname=\"Helvetica\", fontsize=10];\n");
    int n = 0;
    for(event const& e : script)
    {
        ++n;
        if(e.status != 0)
        {
            tc::response r = status(e.status);
            r.date = date;
            r.organization.limit = 240;
            r.organization.remaining = e.status == 429 ? 0 : 235;
            r.organization.reset = date + 27;
            d.received(r);
        }
        else
            d.no_response(tc::transport::maybe_sent);
        tc::step const s = d.next();
        std::printf("    a%d [label=\"attempt %d\\n%s\\n%s%s\"];\n", n, n, e.what,
                    d.uncertain() ? "uncertain; " : "", to_string(s.kind).data());
        if(s.kind == tc::step_kind::wait)
        {
            std::printf("    a%d -> a%d [label=\"wait %lld ms\\n(%s)\"];\n", n, n + 1,
                        static_cast<long long>(s.wait_ms), to_string(s.source).data());
            d.waited();
        }
        else
        {
            std::printf("    end [label=\"%s: %s\", peripheries=2];\n    a%d -> end;\n",
                        to_string(s.kind).data(), to_string(*s.outcome).data(), n);
            break;
        }
    }
    std::printf("}\n");
}

} // namespace

int
main(int argc, char** argv)
{
    if(argc == 2 && std::strcmp(argv[1], "states") == 0)
        return states(), 0;
    if(argc == 2 && std::strcmp(argv[1], "timeline") == 0)
        return timeline(), 0;
    std::fprintf(stderr, "usage: diagrams states|timeline\n");
    return 2;
}
