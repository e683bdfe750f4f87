// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// te-credentials delete: the library's deletion and batch, carried by
// libcurl. One CURL handle serves every attempt, so a batch reuses one
// connection.
#include "cli.hpp"
#include "curl_exchange.hpp"
#include "output.hpp"
#include "inputs.hpp"

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

namespace cli {

namespace {

std::int64_t
epoch_now()
{
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void
sleep_ms(std::int64_t ms)
{
    if(ms > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

struct settings
{
    tc::retry_policy policy;
    long timeout_ms = 20000;
    long connect_timeout_ms = 0; // libcurl's default
    char const* cacert = nullptr;
    char const* capath = nullptr;
    char const* proxy = nullptr;
    bool verbose = false;
};

// --cacert FILE and --capath DIR are checked before any request: a typo
// is invalid input (exit 2), not a TLS failure at every attempt.
void
check_trust(settings const& s)
{
    std::string why;
    if(s.cacert)
    {
        int const fd = open_input(s.cacert, true, why);
        if(fd < 0)
            fail(option_and_value("--cacert", s.cacert), why);
        ::close(fd);
    }
    struct stat st;
    if(s.capath && (::stat(s.capath, &st) != 0 || !S_ISDIR(st.st_mode)))
        fail(option_and_value("--capath", s.capath), "not a directory");
    if(s.proxy && (!*s.proxy || string_view(s.proxy).find_first_of(" \t\r\n") != string_view::npos))
        fail("--proxy", "must be a proxy URL, such as http://proxy.example:3128");
}

// The handle's options: ours to choose, kept by the adapter at every attempt.
void
configure(CURL* curl, settings const& s)
{
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, s.timeout_ms);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    if(s.connect_timeout_ms)
        curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, s.connect_timeout_ms);
    if(s.cacert)
        curl_easy_setopt(curl, CURLOPT_CAINFO, s.cacert);
    if(s.capath)
        curl_easy_setopt(curl, CURLOPT_CAPATH, s.capath);
    if(s.proxy)
        curl_easy_setopt(curl, CURLOPT_PROXY, s.proxy);
}

// One id per line; blank lines and lines starting with '#' are skipped, and
// so is an id already listed (it is deleted once). Lines are read whole: a
// line is one id or one comment, never split, and a NUL byte is refused.
std::vector<tc::credential_id>
read_ids_file(char const* path)
{
    std::string const what = option_and_value("--ids-file", path);
    std::string why;
    int const fd = open_input(path, false, why);
    if(fd < 0)
        fail(what, why);
    std::string text;
    text_error const r = read_text(fd, max_ids_file, text);
    ::close(fd);
    if(r.why)
        fail(what, describe(r));
    std::vector<tc::credential_id> ids;
    long repeated = 0;
    ids_error const e = ids_from_text(text, ids, repeated);
    if(e.id && (!e.text.why || e.line < e.text.line)) // the first error in the file
        fail(what + ": line " + std::to_string(e.line), e.id);
    if(e.text.why)
        fail(what, describe(e.text));
    if(ids.empty())
        fail(what, "holds no credential id");
    if(repeated)
        std::printf("--ids-file: %ld repeated id%s skipped\n", repeated, repeated == 1 ? "" : "s");
    return ids;
}

// The line for an attempt: what came back, and what the library decided.
void
report_attempt(char const* label, tc::deletion const& del, tc::adapters::attempt const& a,
               exchange const& x)
{
    tc::decision const& d = del.last_decision();
    std::printf("%s attempt %d: ", label, del.attempts());
    if(a.writes == 0)
    {
        std::printf("not sent (%s)", a.error ? a.error.message().c_str() : "no connection");
        return;
    }
    if(!a.head && a.head.error() == tc::error::response_incomplete && a.error)
    {
        std::printf("no response (%s)", a.error.message().c_str());
        return;
    }
    if(!a.head)
    {
        char scratch[1];
        std::printf("no readable response (%s)", a.head.error().message(scratch, sizeof(scratch)));
        return;
    }
    std::printf("%d %s; rate limit ", a.head->status, tc::to_string(d.outcome).data());
    put_number(a.head->organization.remaining, "-");
    std::fputc('/', stdout);
    put_number(a.head->organization.limit, "-");
    std::fputs(" left", stdout);
    auto const m = tc::error_message::read(x.text());
    if(d.action == tc::action::fail && !m.text().empty())
        std::printf("; \"%s\"", for_terminal(m.text()).c_str()); // the server's words
    if(a.error) // the head is the answer; what became of the body is told
        std::printf(" (body: %s)", a.error.message().c_str());
}

// Drives one deletion to its end with the adapter's canonical loop. Prints
// a line per attempt (the last one left open for the caller); returns the
// requests that left (a proxy's CONNECT is none; curl's silent resend is
// two).
int
delete_one(CURL* curl, tc::request const& req, tc::deletion& del, settings const& s,
           char const* label)
{
    exchange x(s.verbose); // one attempt's body, emptied for each
    int requests = 0;
    tc::adapters::run_deletion(
        del, [&](tc::response_options const& o) { return perform(curl, req, o, x); }, epoch_now,
        sleep_ms, [&](tc::deletion const& d, tc::adapters::attempt const& a) {
            requests += a.writes;
            report_attempt(label, d, a, x);
            tc::step const st = d.next();
            if(st.kind != tc::step_kind::wait)
                return;
            std::printf("; retry in %lld ms (%s)\n", static_cast<long long>(st.wait_ms),
                        tc::to_string(st.source).data());
            std::fflush(stdout);
        });
    tc::step const end = del.next();
    if(end.kind == tc::step_kind::failed && end.wait_ms > 0)
        std::printf("; a wait of %lld ms (%s) is beyond the %lld ms allowed",
                    static_cast<long long>(end.wait_ms), tc::to_string(end.source).data(),
                    static_cast<long long>(del.policy().max_delay_ms));
    std::printf("; %s", tc::to_string(end.kind).data()); // the caller ends the line
    return requests;
}

// What a batch run counts, for its summary.
struct tally
{
    std::vector<std::string> absent, failed;
    int requests = 0;
    tc::outcome last = tc::outcome::no_response;
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
};

void
put_list(char const* what, std::vector<std::string> const& v)
{
    if(v.empty())
        return;
    std::printf("%s:", what);
    for(auto const& s : v)
        std::printf(" %s", s.c_str());
    std::printf("\n");
}

int
summarize(tc::batch const& batch, tally const& t, char const* last_id)
{
    double const seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t.start).count();
    if(batch.total() == 1)
    {
        // One credential: its outcome is the last line.
        std::printf("\ncredential %s: %s\n", last_id, tc::to_string(t.last).data());
        return batch.all_gone() ? 0 : 1;
    }
    if(batch.not_attempted() == 0)
        std::printf("\n");
    std::printf("summary: %zu deleted, %zu already absent, %zu failed", batch.deleted(),
                batch.already_absent(), batch.failed());
    if(batch.not_attempted())
        std::printf(", %zu not attempted", batch.not_attempted());
    std::printf("; %d requests in %.1f s (%.1f a minute)\n", t.requests, seconds,
                seconds > 0 ? t.requests * 60.0 / seconds : 0.0);
    put_list("already absent", t.absent);
    put_list("failed", t.failed);
    return batch.all_gone() ? 0 : 1;
}

// After one id: go on (after the pacing wait, explained), or say why not.
bool
go_on(tc::batch& batch, tc::deletion& del, settings const& s)
{
    auto const after = batch.finished(del);
    if(after && after->stop == tc::batch_stop::unauthorized)
        std::printf("\nstopped: 401 unauthorized; the other %zu ids are not attempted\n",
                    batch.not_attempted());
    else if(after && after->stop == tc::batch_stop::wait_too_long)
        std::printf("\nstopped: the rate limit asks to wait %lld ms before the next id, "
                    "beyond the %lld ms allowed; the other %zu ids are not attempted\n",
                    static_cast<long long>(after->pace.wait_ms),
                    static_cast<long long>(s.policy.max_delay_ms), batch.not_attempted());
    if(!after || !after->next)
        return false;
    // Pacing: what is left of the quota spread over what is left of the
    // window, so that the batch never meets a 429.
    if(after->pace.wait_ms > 0)
        std::printf("; next in %lld ms: %s", static_cast<long long>(after->pace.wait_ms),
                    explain_pace(after->pace).c_str());
    std::printf("\n");
    std::fflush(stdout);
    sleep_ms(after->pace.wait_ms);
    return true;
}

int
run_batch(CURL* curl, std::vector<tc::credential_id> const& ids,
          std::optional<tc::account_group_id> const& aid, tc::request_builder const& builder,
          settings const& s)
{
    tally t;
    char id_text[24] = {};
    std::size_t const total = ids.size();
    tc::batch batch(total, s.policy);
    for(std::size_t i = 0; i < total; ++i)
    {
        std::snprintf(id_text, sizeof(id_text), "%lld", static_cast<long long>(ids[i].value()));
        char label[80];
        std::snprintf(label, sizeof(label), "[%zu/%zu] credential %s", i + 1, total, id_text);
        tc::request const req = *builder.delete_credential(ids[i], aid); // typed ids: never fails
        tc::deletion del(s.policy);
        t.requests += delete_one(curl, req, del, s, label);
        tc::step const end = del.next();
        t.last = *end.outcome;
        if(end.outcome == tc::outcome::already_absent)
            t.absent.push_back(id_text);
        else if(end.kind == tc::step_kind::failed)
            t.failed.push_back(std::string(id_text) + " (" + tc::to_string(*end.outcome).data() + ")");
        if(!go_on(batch, del, s))
            break;
    }
    return summarize(batch, t, id_text);
}

std::vector<tc::credential_id>
ids_of(arguments const& a)
{
    if(a.flag("--id") == a.flag("--ids-file"))
        fail("--id/--ids-file", "give exactly one");
    if(a.flag("--ids-file"))
        return read_ids_file(a.value("--ids-file"));
    auto const id = tc::credential_id::parse(a.value("--id"));
    if(!id)
        fail("--id", id.error());
    return {*id};
}

// The seed page is v6, so v6 stays the default; someone calling the live
// API with it is told, once.
void
warn_if_deprecated(arguments const& a, tc::request const& first)
{
    if(!is_v7(a) && first.host() == "api.thousandeyes.com")
        notice("API v6 was deprecated by ThousandEyes on 2024-05-27; the live API serves v7 "
               "(--api v7 with a Bearer token)");
}

} // namespace

int
run_delete(int argc, char** argv)
{
    arguments const a(delete_command, argc, argv);
    std::vector<tc::credential_id> const ids = ids_of(a);
    auto const aid = parse_aid(a);
    settings s;
    s.verbose = a.flag("--verbose");
    s.policy.max_attempts = static_cast<int>(
        number_option(a, "--max-attempts", 1, 100, 3, "must be a number from 1 to 100"));
    s.timeout_ms = static_cast<long>(
        number_option(a, "--timeout", 1, 3600, 20, "must be seconds, from 1 to 3600") * 1000);
    if(a.flag("--connect-timeout"))
        s.connect_timeout_ms = static_cast<long>(
            number_option(a, "--connect-timeout", 1, 3600, 0, "must be seconds, from 1 to 3600") *
            1000);
    s.cacert = a.value("--cacert");
    s.capath = a.value("--capath");
    s.proxy = a.value("--proxy");
    check_trust(s);
    tc::request_builder const builder = make_builder(a);
    warn_if_deprecated(a, *builder.delete_credential(ids.front(), aid));

    if(curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
    {
        std::fputs("te-credentials: libcurl: cannot initialize\n", stderr);
        return 1;
    }
    CURL* curl = curl_easy_init();
    if(!curl)
    {
        std::fputs("te-credentials: libcurl: cannot initialize\n", stderr);
        return 1;
    }
    configure(curl, s);
    int const status = run_batch(curl, ids, aid, builder, s);
    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return status;
}

} // namespace cli
