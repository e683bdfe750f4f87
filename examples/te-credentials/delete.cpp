// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// te-credentials delete: the library's deletion and batch, carried by
// libcurl. One CURL handle serves every attempt, so a batch reuses one
// connection. What it prints follows one convention: the results on stdout
// (a line, or a summary; with --json, JSON lines), progress and
// diagnostics on stderr (--quiet: no progress).
#include "cli.hpp"
#include "curl_exchange.hpp"
#include "inputs.hpp"
#include "interrupt.hpp"
#include "output.hpp"

#include <algorithm>
#include <chrono>
#include <cstdarg>
#include <cstdio>
#include <string>
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

struct settings
{
    tc::retry_policy policy;
    long timeout_ms = 20000;
    long connect_timeout_ms = 0; // libcurl's default
    char const* cacert = nullptr;
    char const* capath = nullptr;
    char const* proxy = nullptr;
    bool verbose = false;
    bool quiet = false; // no progress on stderr
    bool json = false;  // results as JSON lines on stdout
};

// Text built with printf's formats.
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void
appendf(std::string& out, char const* format, ...)
{
    char buf[512];
    va_list args;
    va_start(args, format);
    int const n = std::vsnprintf(buf, sizeof(buf), format, args);
    va_end(args);
    if(n > 0)
        out.append(buf, std::min(static_cast<std::size_t>(n), sizeof(buf) - 1));
}

// Progress (attempts, waits): a line on stderr, unless --quiet.
void
progress(settings const& s, std::string const& line)
{
    if(s.quiet)
        return;
    std::fprintf(stderr, "%s\n", line.c_str());
    std::fflush(stderr);
}

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
// "-" is standard input.
std::vector<tc::credential_id>
read_ids_file(char const* path, settings const& s)
{
    bool const is_stdin = string_view(path) == "-";
    std::string const what = is_stdin ? "--ids-file: standard input" : option_and_value("--ids-file", path);
    std::string why;
    int const fd = is_stdin ? 0 : open_input(path, false, why);
    if(fd < 0)
        fail(what, why);
    std::string text;
    text_error const r = read_text(fd, max_ids_file, text);
    if(!is_stdin)
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
        progress(s, "--ids-file: " + std::to_string(repeated) + " repeated id" +
                        (repeated == 1 ? "" : "s") + " skipped");
    return ids;
}

// The text for an attempt: what came back, and what the library decided.
std::string
describe_attempt(tc::deletion const& del, tc::adapters::attempt const& a, exchange const& x)
{
    std::string out;
    tc::decision const& d = del.last_decision();
    if(a.writes == 0)
        appendf(out, "not sent (%s)", a.error ? a.error.message().c_str() : "no connection");
    else if(!a.head && a.head.error() == tc::error::response_incomplete && a.error)
        appendf(out, "no response (%s)", a.error.message().c_str());
    else if(!a.head)
    {
        char scratch[1];
        appendf(out, "no readable response (%s)", a.head.error().message(scratch, sizeof(scratch)));
    }
    else
    {
        appendf(out, "%d %s; rate limit %s/%s left", a.head->status, tc::to_string(d.outcome).data(),
                number_text(a.head->organization.remaining, "-").c_str(),
                number_text(a.head->organization.limit, "-").c_str());
        auto const m = tc::error_message::read(x.text());
        if(d.action == tc::action::fail && !m.text().empty())
            out += "; \"" + for_terminal(m.text()) + "\""; // the server's words
        if(a.error) // the head is the answer; what became of the body is told
            appendf(out, " (body: %s)", a.error.message().c_str());
    }
    return out;
}

// What became of one id.
struct id_result
{
    std::string id;
    tc::step end;               // done or failed; else the run was interrupted
    int attempts = 0;
    int requests = 0;           // requests that left (curl's silent resend is two)
    std::optional<int> status;  // the last answer's
    bool uncertain = false;     // an attempt may have deleted it
    std::string message;        // the server's words on a failure
    std::optional<tc::outcome> outcome; // what it came to, or the last attempt's
    bool finished() const noexcept { return end.finished(); }
};

// Drives one deletion to its end, the adapter's canonical loop written out
// so that an interrupt starts no new attempt and cuts a wait short. A line
// per attempt on stderr; the last one is returned open for the caller.
id_result
delete_one(CURL* curl, tc::request const& req, tc::deletion& del, settings const& s,
           std::string const& label, std::string& last_line)
{
    exchange x(s.verbose); // one attempt's body, emptied for each
    id_result r;
    for(tc::step st = del.next(); !st.finished() && !interrupted_by; st = del.next())
    {
        if(st.kind == tc::step_kind::wait)
        {
            interruptible_sleep(st.wait_ms);
            if(interrupted_by)
                break;
            del.waited();
            continue;
        }
        tc::adapters::attempt const a = perform(curl, req, tc::response_options(epoch_now()), x);
        tc::adapters::report(del, a, epoch_now());
        r.requests += a.writes;
        r.status = a.head ? std::optional<int>(a.head->status) : std::nullopt;
        auto const m = tc::error_message::read(x.text());
        r.message = a.head && del.last_decision().action == tc::action::fail ? std::string(m.text()) : "";
        last_line = label + " attempt " + std::to_string(del.attempts()) + ": " + describe_attempt(del, a, x);
        tc::step const next = del.next();
        if(next.kind == tc::step_kind::wait)
        {
            appendf(last_line, "; retry in %lld ms (%s)", static_cast<long long>(next.wait_ms),
                    tc::to_string(next.source).data());
            progress(s, last_line);
            last_line.clear();
        }
    }
    r.end = del.next();
    r.attempts = del.attempts();
    r.uncertain = del.uncertain();
    if(r.end.outcome)
        r.outcome = r.end.outcome;
    else if(r.attempts > 0)
        r.outcome = del.last_decision().outcome;
    if(r.end.kind == tc::step_kind::failed && r.end.wait_ms > 0)
        appendf(last_line, "; a wait of %lld ms (%s) is beyond the %lld ms allowed",
                static_cast<long long>(r.end.wait_ms), tc::to_string(r.end.source).data(),
                static_cast<long long>(del.policy().max_delay_ms));
    if(r.finished())
        appendf(last_line, "; %s", tc::to_string(r.end.kind).data());
    return r;
}

// ---- results -----------------------------------------------------------------

// What a run counts, for its summary.
struct tally
{
    std::vector<std::string> absent, failed, not_attempted;
    std::optional<id_result> interrupted; // the id a signal left unfinished
    std::string stopped, stopped_code;    // why the batch stopped early
    int requests = 0;
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
};

void
put_json_text_or_null(char const* key, std::optional<string_view> v)
{
    std::printf("\"%s\":", key);
    if(v)
        put_json_string(*v);
    else
        std::fputs("null", stdout);
}

// --json: one object per id, as soon as it ends.
void
put_json_result(id_result const& r)
{
    std::printf("{\"id\":\"%s\",\"result\":\"%s\",", r.id.c_str(),
                r.finished() ? tc::to_string(r.end.kind).data() : "interrupted");
    put_json_text_or_null("outcome", r.outcome ? std::optional<string_view>(tc::to_string(*r.outcome))
                                               : std::nullopt);
    std::printf(",\"attempts\":%d,\"requests\":%d,", r.attempts, r.requests);
    put_json_number("status", r.status);
    std::printf("\"uncertain\":%s,", r.uncertain ? "true" : "false");
    put_json_text_or_null("message", r.message.empty() ? std::nullopt
                                                       : std::optional<string_view>(r.message));
    std::printf("}\n");
    std::fflush(stdout);
}

void
put_json_list(char const* key, std::vector<std::string> const& v)
{
    std::printf("\"%s\":[", key);
    for(std::size_t k = 0; k < v.size(); ++k)
        std::printf("%s\"%s\"", k ? "," : "", v[k].c_str()); // ids: digits only
    std::printf("],");
}

void
put_json_summary(tc::batch const& b, tally const& t, double seconds)
{
    std::printf("{\"summary\":{\"total\":%zu,\"deleted\":%zu,\"already_absent\":%zu,\"failed\":%zu,"
                "\"interrupted\":%d,\"not_attempted\":%zu,",
                b.total(), b.deleted(), b.already_absent(), b.failed(), t.interrupted ? 1 : 0,
                t.not_attempted.size());
    put_json_list("not_attempted_ids", t.not_attempted);
    put_json_text_or_null("stopped", t.stopped_code.empty() ? std::nullopt
                                                            : std::optional<string_view>(t.stopped_code));
    std::printf(",\"requests\":%d,\"seconds\":%.3f}}\n", t.requests, seconds);
}

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

// What an interrupted deletion came to, in words.
std::string
interrupted_text(id_result const& r)
{
    std::string out = "interrupted after " + std::to_string(r.attempts) + " attempt" +
                      (r.attempts == 1 ? "" : "s");
    if(r.outcome)
        out += " (" + std::string(tc::to_string(*r.outcome)) + ")";
    return out + (r.uncertain ? "; it may have been deleted" : "; not deleted");
}

// The results on stdout: the one credential's line, or the batch's summary.
void
summarize(tc::batch const& b, tally const& t, id_result const& last, settings const& s)
{
    double const seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t.start).count();
    if(s.json)
        return put_json_summary(b, t, seconds);
    if(b.total() == 1)
    {
        if(t.interrupted)
            std::printf("credential %s: %s\n", last.id.c_str(), interrupted_text(last).c_str());
        else if(!t.not_attempted.empty())
            std::printf("credential %s: not attempted (interrupted)\n", t.not_attempted[0].c_str());
        else
            std::printf("credential %s: %s\n", last.id.c_str(), tc::to_string(*last.outcome).data());
        return;
    }
    std::printf("summary: %zu deleted, %zu already absent, %zu failed", b.deleted(),
                b.already_absent(), b.failed());
    if(t.interrupted)
        std::printf(", 1 interrupted");
    if(!t.not_attempted.empty())
        std::printf(", %zu not attempted", t.not_attempted.size());
    std::printf("; %d requests in %.1f s (%.1f a minute)\n", t.requests, seconds,
                seconds > 0 ? t.requests * 60.0 / seconds : 0.0);
    put_list("already absent", t.absent);
    put_list("failed", t.failed);
    if(t.interrupted)
        std::printf("interrupted: %s, %s\n", t.interrupted->id.c_str(),
                    interrupted_text(*t.interrupted).c_str());
    put_list("not attempted", t.not_attempted);
    if(!t.stopped.empty())
        std::printf("stopped: %s\n", t.stopped.c_str());
}

// After one finished id: record it, then go on (after the pacing wait,
// explained) or say why not. `line` is the id's last attempt line, open.
bool
go_on(tc::batch& batch, tc::deletion& del, settings const& s, tally& t, std::string& line)
{
    auto const after = batch.finished(del);
    if(after && after->stop == tc::batch_stop::unauthorized)
        t.stopped = "401 unauthorized", t.stopped_code = "unauthorized";
    else if(after && after->stop == tc::batch_stop::wait_too_long)
    {
        t.stopped_code = "wait_too_long";
        appendf(t.stopped, "the rate limit asks to wait %lld ms before the next id, beyond the "
                           "%lld ms allowed", static_cast<long long>(after->pace.wait_ms),
                static_cast<long long>(s.policy.max_delay_ms));
    }
    bool const next = after && after->next;
    // Pacing: what is left of the quota spread over what is left of the
    // window, so that the batch never meets a 429.
    if(next && after->pace.wait_ms > 0)
        appendf(line, "; next in %lld ms: %s", static_cast<long long>(after->pace.wait_ms),
                explain_pace(after->pace).c_str());
    progress(s, line);
    if(next)
        interruptible_sleep(after->pace.wait_ms);
    return next;
}

// The exit status: 128 + the signal after an interrupt; 0 when every id is
// gone; else 1.
int
run_batch(CURL* curl, std::vector<tc::credential_id> const& ids,
          std::optional<tc::account_group_id> const& aid, tc::request_builder const& builder,
          settings const& s)
{
    tally t;
    std::size_t const total = ids.size();
    tc::batch batch(total, s.policy);
    id_result last;
    std::size_t next = 0; // the first id not attempted
    while(next < total && !interrupted_by)
    {
        std::string const id = std::to_string(ids[next].value());
        std::string const label = "[" + std::to_string(next + 1) + "/" + std::to_string(total) +
                                  "] credential " + id;
        tc::request const req = *builder.delete_credential(ids[next], aid); // typed ids: never fails
        tc::deletion del(s.policy);
        std::string line;
        id_result r = delete_one(curl, req, del, s, label, line);
        r.id = id;
        t.requests += r.requests;
        if(r.attempts == 0 && !r.finished())
            break; // interrupted before its first attempt: not attempted
        ++next;
        last = r;
        if(s.json)
            put_json_result(r);
        if(!r.finished())
        {
            t.interrupted = r;
            progress(s, label + ": " + interrupted_text(r));
            break;
        }
        if(r.outcome == tc::outcome::already_absent)
            t.absent.push_back(id);
        else if(r.end.kind == tc::step_kind::failed)
            t.failed.push_back(id + " (" + tc::to_string(*r.outcome).data() + ")");
        if(!go_on(batch, del, s, t, line))
            break;
    }
    for(std::size_t k = next; k < total; ++k)
        t.not_attempted.push_back(std::to_string(ids[k].value()));
    if(interrupted_by)
        t.stopped = interrupted_by == SIGINT ? "interrupted (SIGINT)" : "interrupted (SIGTERM)",
        t.stopped_code = interrupted_by == SIGINT ? "SIGINT" : "SIGTERM";
    summarize(batch, t, last, s);
    if(interrupted_by)
        return interrupted_status();
    return batch.all_gone() && t.not_attempted.empty() ? 0 : 1;
}

// --id (repeatable) or --ids-file: exactly one of them. An id repeated on
// the command line is deleted once, as in a file.
std::vector<tc::credential_id>
ids_of(arguments const& a, settings const& s)
{
    if(a.flag("--id") == a.flag("--ids-file"))
        fail("--id/--ids-file", "give exactly one");
    if(a.flag("--ids-file"))
        return read_ids_file(a.value("--ids-file"), s);
    std::vector<tc::credential_id> ids;
    for(char const* text : a.repeated())
    {
        auto const id = tc::credential_id::parse(text);
        if(!id)
            fail("--id", id.error());
        if(std::none_of(ids.begin(), ids.end(),
                        [&](tc::credential_id const& seen) { return seen.value() == id->value(); }))
            ids.push_back(*id);
    }
    return ids;
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

settings
settings_of(arguments const& a)
{
    settings s;
    s.verbose = a.flag("--verbose");
    s.quiet = a.flag("--quiet");
    s.json = a.flag("--json");
    if(s.quiet && s.verbose)
        fail("--quiet/--verbose", "give at most one");
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
    return s;
}

} // namespace

int
run_delete(int argc, char** argv)
{
    arguments const a(delete_command, argc, argv);
    settings const s = settings_of(a);
    std::vector<tc::credential_id> const ids = ids_of(a, s);
    auto const aid = parse_aid(a);
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
    catch_interrupts();
    int const status = run_batch(curl, ids, aid, builder, s);
    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return status;
}

} // namespace cli
