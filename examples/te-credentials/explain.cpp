// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// te-credentials explain-response: what a response means, and what to do.
#include "cli.hpp"
#include "output.hpp"
#include "inputs.hpp"

#include <thousandeyes/credentials/error_message.hpp>

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include <unistd.h>

namespace cli {

namespace {

struct explained
{
    tc::response const& r;
    tc::decision d;
    tc::error_message const& message;
    std::optional<std::int64_t> retry;
    tc::pace pace;
};

void
put_rate_limit_json(char const* key, tc::rate_limit const& r)
{
    std::printf("\"%s\":{", key);
    put_json_number("limit", r.limit);
    put_json_number("remaining", r.remaining);
    put_json_number("reset", r.reset, false);
    std::fputs("},", stdout);
}

void
put_json(explained const& e)
{
    tc::response const& r = e.r;
    std::printf("{\"status\":%d,\"outcome\":\"%s\",", r.status,
                tc::to_string(e.d.outcome).data());
    put_rate_limit_json("organization_rate_limit", r.organization);
    put_rate_limit_json("instant_test_rate_limit", r.instant_test);
    put_rate_limit_json("template_deploy_rate_limit", r.template_deploy);
    std::fputs("\"ietf_rate_limit\":{", stdout);
    put_json_number("limit", r.ietf.limit);
    put_json_number("remaining", r.ietf.remaining);
    put_json_number("reset", r.ietf.reset);
    put_json_number("window", r.ietf.window, false);
    std::fputs("},", stdout);
    put_json_number("retry_after_seconds", e.retry);
    put_json_number("date", r.date);
    put_json_date("date_utc", r.date);
    put_json_date("organization_reset_utc", r.organization.reset);
    std::fputs("\"error_message\":", stdout);
    if(e.message.text().empty())
        std::fputs("null", stdout);
    else
        put_json_string(e.message.text());
    std::printf(",\"decision\":{\"action\":\"%s\",\"delay_ms\":%lld},",
                tc::to_string(e.d.action).data(), static_cast<long long>(e.d.delay_ms));
    std::printf("\"pace_ms\":%lld,\"pace\":{\"wait_ms\":%lld,\"remaining\":%lld,"
                "\"window_ms\":%lld,\"source\":\"%s\"}}\n",
                static_cast<long long>(e.pace.wait_ms), static_cast<long long>(e.pace.wait_ms),
                static_cast<long long>(e.pace.remaining), static_cast<long long>(e.pace.window_ms),
                tc::to_string(e.pace.source).data());
}

void
put_text(explained const& e)
{
    tc::response const& r = e.r;
    std::printf("%-15s%d (%s)\n", "status:", r.status, tc::to_string(e.d.outcome).data());
    std::printf("%-15slimit ", "rate limit:");
    put_number(r.organization.limit, "-");
    std::fputs(", remaining ", stdout);
    put_number(r.organization.remaining, "-");
    std::fputs(", reset ", stdout);
    put_epoch(r.organization.reset, "-");
    std::printf("\n%-15s", "date:");
    put_epoch(r.date, "-");
    std::printf("\n%-15s", "retry after:");
    put_number(e.retry, "-");
    std::fputs(e.retry ? " s\n" : "\n", stdout);
    std::printf("%-15s%s\n", "error message:",
                e.message.text().empty() ? "-" : for_terminal(e.message.text()).c_str());
    std::printf("%-15s%s", "decision:", tc::to_string(e.d.action).data());
    if(e.d.action == tc::action::retry)
        std::printf(" after %lld ms", static_cast<long long>(e.d.delay_ms));
    if(e.pace.source == tc::delay_source::none)
        std::printf("\n%-15snow (no rate limit to pace by)\n", "next request:");
    else
        std::printf("\n%-15sin %lld ms: %s\n", "next request:",
                    static_cast<long long>(e.pace.wait_ms), explain_pace(e.pace).c_str());
}

} // namespace

int
run_explain(int argc, char** argv)
{
    arguments const a(explain_command, argc, argv);
    std::optional<std::int64_t> now;
    if(a.value("--now"))
        now = number_option(a, "--now", 0, INT64_MAX, 0, "must be epoch seconds: decimal digits");
    tc::attempt_context ctx;
    ctx.attempt = static_cast<int>(
        number_option(a, "--attempt", 1, 1000000, 1, "must be a number from 1 to 1000000"));
    ctx.earlier_attempt_uncertain = a.flag("--earlier-attempt-uncertain");
    ctx.now = now;

    std::string text = read_input(a.positional(), false);
    tc::header_line_reader reader(tc::response_options{now});
    std::size_t body_at = 0;
    if(auto const ec = read_transcript_head(reader, text, body_at))
        fail("response", ec);
    auto const head = reader.get();
    if(!head)
        fail("response", head.error());
    auto const message = std::make_unique<tc::error_message>(
        tc::error_message::read(transcript_body(*head, text, body_at)));
    explained const e{*head, tc::decide(*head, ctx), *message, head->retry_after_seconds(now),
                      tc::pace_of(*head, now)};
    if(a.flag("--json"))
        put_json(e);
    else
        put_text(e);
    return std::fflush(stdout) == 0 ? 0 : 1;
}

} // namespace cli
