// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// te-credentials: the library's command line, for users and reviewers.
// It only reads options and secrets and prints what the library builds;
// every rule lives in the library.

#include <thousandeyes/credentials.hpp>
#include <thousandeyes/credentials/error_message.hpp>

#include "cli_text.hpp"
#include "curl_transport.hpp"

#include <boost/optional/optional.hpp>

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace tc = thousandeyes::credentials;
using tc::string_view;

namespace {

char const usage[] =
    "usage: te-credentials request --id ID [--aid AID] [--api v6|v7]\n"
    "           [--format json|xml|none] [--base-url URL] [--allow-insecure-http]\n"
    "           [--user-agent UA] AUTH [--show-secrets] [--curl | --review | --json]\n"
    "       te-credentials delete (--id ID | --ids-file FILE) [--aid AID] [--api v6|v7]\n"
    "           [--format json|xml|none] [--base-url URL] [--allow-insecure-http]\n"
    "           [--user-agent UA] AUTH [--max-attempts N] [--timeout SECONDS] [--verbose]\n"
    "       te-credentials explain-response [FILE|-] [--now EPOCH] [--attempt N]\n"
    "           [--earlier-attempt-uncertain] [--json]\n"
    "       te-credentials --help | --version\n"
    "\n"
    "Builds the ThousandEyes \"delete a credential\" request and prints it: by\n"
    "default the exact HTTP/1.1 request head, as it would be sent.\n"
    "\n"
    "  --id ID                credential to delete: decimal, 1 to 9223372036854775807\n"
    "  --aid AID              account group context (?aid=), same rule as --id\n"
    "  --api v6|v7            v6 (default): POST /v6/credentials/ID/delete.json\n"
    "                         v7: DELETE /v7/credentials/ID (Bearer token only)\n"
    "  --format json|xml|none v6 response format: path suffix and Accept\n"
    "                         (default json; none sends no suffix; v7 is json)\n"
    "  --base-url URL         default https://api.thousandeyes.com; a path prefix\n"
    "                         (an API gateway) is kept in front of /v6 or /v7\n"
    "  --allow-insecure-http  accept an http:// base URL (loopback testing only)\n"
    "  --user-agent UA        default thousandeyes-credentials/" THOUSANDEYES_CREDENTIALS_VERSION_STRING "\n"
    "  --show-secrets         print the Authorization value instead of redacting it\n"
    "  --curl                 print an equivalent curl command instead of the head\n"
    "  --review               print a review dump: a summary and every byte shown\n"
    "  --json                 print the request view (method, target, url, fields)\n"
    "                         and the head as one JSON object\n"
    "\n"
    "AUTH (secrets are read from the environment or a file, never from argv):\n"
    "  --bearer-token-env VAR           Bearer token from environment variable VAR\n"
    "  --bearer-token-file PATH         Bearer token from a file\n"
    "  --basic-user EMAIL --token-env VAR    Basic: email and API token from VAR\n"
    "  --basic-user EMAIL --token-file PATH  Basic: email and API token from a file\n"
    "  A file's single trailing newline is ignored.\n"
    "\n"
    "explain-response reads a raw HTTP/1.1 response (the head, optionally the\n"
    "body) from FILE or standard input and prints what it means: status,\n"
    "outcome, rate limits, Retry-After, Date, the body's error message, and the\n"
    "decision (done, retry after delay_ms, or fail).\n"
    "  --now EPOCH                   the local clock, for a Retry-After date or a\n"
    "                                Reset when the response has no Date\n"
    "  --attempt N                   this response answers attempt N (default 1)\n"
    "  --earlier-attempt-uncertain   an earlier attempt's response was lost, so a\n"
    "                                404 means the credential is already absent\n"
    "  --json                        print one JSON object\n"
    "\n"
    "delete performs the request with libcurl (https://api.thousandeyes.com by\n"
    "default) and follows the library's decisions: waits and retries 429, 503\n"
    "and 500, never retries 401, repeats an attempt whose response was lost\n"
    "(a 404 then means already absent). One line per attempt: status, outcome,\n"
    "rate limit left, wait. With --ids-file (one id per line, # comments) it\n"
    "paces itself from the rate-limit headers and ends with a summary.\n"
    "  --max-attempts N       attempts per credential, 1 to 100 (default 3)\n"
    "  --timeout SECONDS      per attempt (default 20)\n"
    "  --verbose              also print the request head (redacted) and the\n"
    "                         response head of every attempt\n"
    "\n"
    "Exit status: 0 printed, or (delete) every credential deleted or already\n"
    "absent; 1 a definitive failure; 2 invalid input (one line on stderr).\n";

// Invalid input: one line on stderr, exit status 2, nothing on stdout.
[[noreturn]] void
fail(char const* what, char const* why)
{
    std::fprintf(stderr, "te-credentials: %s: %s\n", what, why);
    std::exit(2);
}

[[noreturn]] void
fail(char const* what, boost::system::error_code const& ec)
{
    char scratch[1];
    fail(what, ec.message(scratch, sizeof(scratch)));
}

// A secret read from a file or the environment, wiped on exit from main.
tc::secret_buffer<tc::authorization::capacity> secret_storage;

[[noreturn]] void
fail_line(char const* what, cli::text_error const& e)
{
    if(e.limit)
        std::fprintf(stderr, "te-credentials: %s: line %ld: longer than %zu bytes\n", what,
                     e.line, e.limit);
    else
        std::fprintf(stderr, "te-credentials: %s: line %ld: %s\n", what, e.line, e.why);
    std::exit(2);
}

// A token file: a regular file (a FIFO or device is refused before it can
// block), whose first line is the token; a UTF-8 BOM before it, and the
// line end after it, are not part of it.
string_view
read_secret_file(char const* option, char const* path)
{
    char const* why = nullptr;
    int const fd = cli::open_input(path, true, why);
    if(fd < 0)
        fail(option, why);
    bool too_large = false;
    long const n = cli::read_all(fd, secret_storage.data(), secret_storage.size(), too_large);
    ::close(fd);
    if(n < 0)
        fail(option, too_large ? "the file is larger than a token may be" : "cannot read the file");
    string_view token;
    long lines = 0;
    auto const e = cli::for_each_line(string_view(secret_storage.data(), static_cast<std::size_t>(n)),
                                      secret_storage.size(), [&](long number, string_view line) {
                                          if(number == 1)
                                              token = line;
                                          else if(!line.empty())
                                              ++lines;
                                      });
    if(e.why)
        fail_line(option, e);
    if(lines)
        fail(option, "holds more than one line; the token is the file's only line");
    return token;
}

string_view
read_secret_env(char const* option, char const* name)
{
    char const* v = std::getenv(name);
    if(!v)
        fail(option, "the environment variable is not set");
    return v;
}

struct args
{
    char const* id = nullptr;
    char const* aid = nullptr;
    char const* api = "v6";
    char const* format = nullptr;
    char const* base_url = nullptr;
    char const* user_agent = nullptr;
    char const* bearer_env = nullptr;
    char const* bearer_file = nullptr;
    char const* basic_user = nullptr;
    char const* token_env = nullptr;
    char const* token_file = nullptr;
    bool allow_insecure = false;
    bool show_secrets = false;
    bool curl = false;
    bool review = false;
    bool json = false;
    // delete only
    char const* max_attempts = nullptr;
    char const* ids_file = nullptr;
    char const* timeout = nullptr;
    bool verbose = false;
};

args
parse_args(int argc, char** argv)
{
    args a;
    struct valued
    {
        char const* name;
        char const* args::*field;
    };
    static constexpr valued valued_options[] = {
        {"--id", &args::id},
        {"--aid", &args::aid},
        {"--api", &args::api},
        {"--format", &args::format},
        {"--base-url", &args::base_url},
        {"--user-agent", &args::user_agent},
        {"--bearer-token-env", &args::bearer_env},
        {"--bearer-token-file", &args::bearer_file},
        {"--basic-user", &args::basic_user},
        {"--token-env", &args::token_env},
        {"--token-file", &args::token_file},
        {"--max-attempts", &args::max_attempts},
        {"--ids-file", &args::ids_file},
        {"--timeout", &args::timeout},
    };
    struct flag
    {
        char const* name;
        bool args::*field;
    };
    static constexpr flag flags[] = {
        {"--allow-insecure-http", &args::allow_insecure},
        {"--show-secrets", &args::show_secrets},
        {"--curl", &args::curl},
        {"--review", &args::review},
        {"--json", &args::json},
        {"--verbose", &args::verbose},
    };
    for(int i = 2; i < argc; ++i)
    {
        string_view arg = argv[i];
        if(arg == "--help" || arg == "-h")
        {
            std::fputs(usage, stdout);
            std::exit(0);
        }
        string_view name = arg.substr(0, arg.find('='));
        bool known = false;
        for(auto const& o : valued_options)
        {
            if(name != o.name)
                continue;
            known = true;
            if(name.size() < arg.size())
                a.*o.field = argv[i] + name.size() + 1;
            else if(i + 1 < argc)
                a.*o.field = argv[++i];
            else
                fail(o.name, "needs a value");
        }
        for(auto const& f : flags)
        {
            if(arg != f.name)
                continue;
            known = true;
            a.*f.field = true;
        }
        if(!known)
        {
            // Never echo the argument: it might be a secret typed by mistake.
            if(arg.starts_with("--"))
                fail("arguments", "unknown option (see --help)");
            fail("arguments", "unexpected argument; secrets are read with --*-env or --*-file (see --help)");
        }
    }
    bool const is_delete = string_view(argv[1]) == "delete";
    if(is_delete && (a.curl || a.review || a.json || a.show_secrets))
        fail("--curl/--review/--json/--show-secrets", "belong to 'request', not 'delete'");
    if(!is_delete && (a.max_attempts || a.ids_file || a.timeout || a.verbose))
        fail("--max-attempts/--ids-file/--timeout/--verbose", "belong to 'delete'");
    return a;
}

tc::authorization
make_authorization(args const& a)
{
    int const sources = (a.bearer_env != nullptr) + (a.bearer_file != nullptr) +
                        (a.basic_user != nullptr);
    if(sources != 1)
        fail("authentication",
             "give exactly one of --bearer-token-env, --bearer-token-file, --basic-user");
    if(a.basic_user)
    {
        if((a.token_env != nullptr) == (a.token_file != nullptr))
            fail("--basic-user", "needs exactly one of --token-env, --token-file");
        string_view token = a.token_env ? read_secret_env("--token-env", a.token_env)
                                        : read_secret_file("--token-file", a.token_file);
        auto auth = tc::authorization::basic(a.basic_user, token);
        if(!auth)
            fail("authentication", auth.error());
        return *auth;
    }
    if(a.token_env || a.token_file)
        fail("--token-env/--token-file", "only go with --basic-user");
    char const* option = a.bearer_env ? "--bearer-token-env" : "--bearer-token-file";
    string_view token = a.bearer_env ? read_secret_env(option, a.bearer_env)
                                     : read_secret_file(option, a.bearer_file);
    auto auth = tc::authorization::bearer(token);
    if(!auth)
        fail("authentication", auth.error());
    return *auth;
}

void put_json_string(string_view s);

// An Authorization value as the library redacts it: the scheme is not
// secret, and tells a reviewer which one is used.
std::string
redacted(string_view authorization)
{
    return std::string(tc::credential_scheme(authorization)) + std::string(tc::redaction_marker);
}

// The builder for the options shared by 'request' and 'delete'.
tc::request_builder
make_builder(args const& a)
{
    tc::request_options opts;
    if(string_view(a.api) == "v7")
        opts.api = tc::api_version::v7;
    else if(string_view(a.api) != "v6")
        fail("--api", "must be v6 or v7");
    if(a.format)
    {
        string_view f = a.format;
        if(f == "json")
            opts.format = tc::v6_format::json;
        else if(f == "xml")
            opts.format = tc::v6_format::xml;
        else if(f == "none")
            opts.format = tc::v6_format::none;
        else
            fail("--format", "must be json, xml or none");
    }
    if(a.user_agent)
    {
        auto ua = tc::user_agent::parse(a.user_agent);
        if(!ua)
            fail("--user-agent", ua.error());
        opts.agent = *ua;
    }
    tc::endpoint ep;
    if(a.base_url)
    {
        auto e = tc::endpoint::parse(a.base_url, {a.allow_insecure});
        if(!e)
            fail("--base-url", e.error());
        ep = *e;
    }
    tc::authorization const auth = make_authorization(a);
    auto builder = tc::request_builder::make(ep, auth, opts);
    if(!builder)
        fail("options", builder.error());
    return *builder;
}

boost::optional<tc::account_group_id>
parse_aid(args const& a)
{
    if(!a.aid)
        return boost::none;
    auto r = tc::account_group_id::parse(a.aid);
    if(!r)
        fail("--aid", r.error());
    return *r;
}

tc::request
build(tc::request_builder const& b, tc::credential_id id,
      boost::optional<tc::account_group_id> const& aid)
{
    return aid ? b.delete_credential(id, *aid) : b.delete_credential(id);
}

int
run_request(int argc, char** argv)
{
    args const a = parse_args(argc, argv);
    if(!a.id)
        fail("--id", "is required");
    auto id = tc::credential_id::parse(a.id);
    if(!id)
        fail("--id", id.error());
    auto const aid = parse_aid(a);
    if(a.curl + a.review + a.json > 1)
        fail("--curl/--review/--json", "give at most one");
    tc::request_builder const builder = make_builder(a);
    tc::request const req = build(builder, *id, aid);

    auto const s = a.show_secrets ? tc::secrets::reveal : tc::secrets::redact;
    static tc::secret_buffer<8192> out;
    if(a.json)
    {
        // The request view and the head, for tools that compare the two.
        tc::write_result const w = tc::write_head(req, out.data(), out.size(), s);
        if(!w)
            fail("output", w.ec);
        std::fputs("{\"method\":", stdout);
        put_json_string(req.method());
        std::fputs(",\"target\":", stdout);
        put_json_string(req.target());
        std::fputs(",\"url\":", stdout);
        put_json_string(req.url());
        std::fputs(",\"fields\":[", stdout);
        bool first = true;
        for(tc::field const& f : req.fields())
        {
            std::fputs(first ? "[" : ",[", stdout);
            first = false;
            put_json_string(f.name);
            std::fputc(',', stdout);
            if(f.secret && s == tc::secrets::redact)
                put_json_string(redacted(f.value));
            else
                put_json_string(f.value);
            std::fputc(']', stdout);
        }
        std::fputs("],\"head\":", stdout);
        put_json_string(string_view(out.data(), w.size));
        std::fputs("}\n", stdout);
        return std::fflush(stdout) == 0 ? 0 : 1;
    }
    tc::write_result w = a.curl     ? tc::write_curl(req, out.data(), out.size(), s)
                         : a.review ? tc::write_review(req, out.data(), out.size(), s)
                                    : tc::write_head(req, out.data(), out.size(), s);
    if(!w)
        fail("output", w.ec);
    std::fwrite(out.data(), 1, w.size, stdout);
    return std::fflush(stdout) == 0 ? 0 : 1;
}

// ---- explain-response ------------------------------------------------

// Decimal for --now, --attempt, --max-attempts and --timeout: the library's
// one decimal reader (1*DIGIT, up to 2^63-1).
using tc::detail::parse_decimal;

// A chunked body (RFC 9112 section 7.1) decoded in place; what cannot be
// decoded ends the body there.
string_view
dechunk(char* p, std::size_t n)
{
    std::size_t in = 0, out = 0;
    while(in < n)
    {
        std::size_t size = 0;
        std::size_t digits = 0;
        while(in < n && digits < 8)
        {
            auto const c = static_cast<unsigned char>(p[in]);
            if(!tc::detail::is_hexdig(c))
                break;
            size = size * 16 + static_cast<std::size_t>(tc::detail::hexdig_value(c));
            ++in, ++digits;
        }
        while(in < n && p[in] != '\n') // chunk extensions, CR
            ++in;
        ++in;
        if(digits == 0 || size == 0 || in > n || size > n - in)
            break;
        std::memmove(p + out, p + in, size);
        out += size;
        in += size;
        if(in < n && p[in] == '\r')
            ++in;
        if(in < n && p[in] == '\n')
            ++in;
    }
    return {p, out};
}

// A number the response may not carry, or `absent` in its place.
void
put_number(std::optional<std::int64_t> v, char const* absent)
{
    if(v)
        std::printf("%lld", static_cast<long long>(*v));
    else
        std::fputs(absent, stdout);
}

void
put_optional(char const* key, std::optional<std::int64_t> v, bool comma = true)
{
    std::printf("\"%s\":", key);
    put_number(v, "null");
    if(comma)
        std::fputc(',', stdout);
}

// A JSON string (RFC 8259) that is also safe on a terminal: controls, DEL,
// C1 controls and bytes that are not well-formed UTF-8 are written as
// \u00XX (the byte read as Latin-1), so no server text reaches it raw.
void
put_json_string(string_view s)
{
    std::fputc('"', stdout);
    for(std::size_t i = 0; i < s.size();)
    {
        auto const c = static_cast<unsigned char>(s[i]);
        std::size_t const n = cli::safe_char(s, i);
        if(n == 0)
            std::printf("\\u%04x", c);
        else if(c == '"' || c == '\\')
            std::printf("\\%c", c);
        else
            std::fwrite(s.data() + i, 1, n, stdout);
        i += n ? n : 1;
    }
    std::fputc('"', stdout);
}

void
put_rate_limit(char const* key, tc::rate_limit const& r)
{
    std::printf("\"%s\":{", key);
    put_optional("limit", r.limit);
    put_optional("remaining", r.remaining);
    put_optional("reset", r.reset, false);
    std::fputs("},", stdout);
}

int
run_explain(int argc, char** argv)
{
    char const* path = nullptr;
    std::optional<std::int64_t> now;
    std::int64_t attempt = 1;
    bool uncertain = false;
    bool json = false;
    for(int i = 2; i < argc; ++i)
    {
        string_view arg = argv[i];
        string_view name = arg.substr(0, arg.find('='));
        auto value = [&](char const* option) -> string_view {
            if(name.size() < arg.size())
                return arg.substr(name.size() + 1);
            if(i + 1 >= argc)
                fail(option, "needs a value");
            return argv[++i];
        };
        if(arg == "--help" || arg == "-h")
        {
            std::fputs(usage, stdout);
            std::exit(0);
        }
        else if(name == "--now")
        {
            std::int64_t v = 0;
            if(!parse_decimal(value("--now"), v))
                fail("--now", "must be epoch seconds: decimal digits");
            now = v;
        }
        else if(name == "--attempt")
        {
            if(!parse_decimal(value("--attempt"), attempt) || attempt < 1 || attempt > 1000000)
                fail("--attempt", "must be a number from 1 to 1000000");
        }
        else if(arg == "--earlier-attempt-uncertain")
            uncertain = true;
        else if(arg == "--json")
            json = true;
        else if(arg.starts_with("--"))
            fail("arguments", "unknown option (see --help)");
        else if(path)
            fail("arguments", "give at most one FILE");
        else
            path = argv[i];
    }

    std::FILE* f = stdin;
    if(path && string_view(path) != "-")
    {
        f = std::fopen(path, "rb");
        if(!f)
            fail("FILE", "cannot open the file");
    }
    // The head is fed to the incremental parser as it is read; what follows
    // it (the body) is kept, up to the limit an error body is read to.
    static tc::static_response_parser<> parser(tc::response_options{now});
    static char body[tc::error_message::max_body + 1];
    std::size_t body_len = 0;
    char chunk[4096];
    std::size_t n = 0;
    while((n = std::fread(chunk, 1, sizeof(chunk), f)) > 0)
    {
        std::size_t used = 0;
        if(!parser.done())
        {
            auto r = parser.feed(string_view(chunk, n));
            if(!r)
                fail("response", r.error());
            used = *r;
        }
        std::size_t const keep = std::min(n - used, sizeof(body) - body_len);
        std::memcpy(body + body_len, chunk + used, keep);
        body_len += keep;
    }
    bool const read_error = std::ferror(f) != 0;
    if(f != stdin)
        std::fclose(f);
    if(read_error)
        fail("FILE", "cannot read the input");
    auto head = parser.get();
    if(!head)
        fail("response", head.error());
    tc::response const& r = *head;

    string_view b(body, body_len);
    if(r.body == tc::body_framing::none)
        b = {};
    else if(r.body == tc::body_framing::content_length && r.content_length < b.size())
        b = b.substr(0, static_cast<std::size_t>(r.content_length));
    else if(r.body == tc::body_framing::chunked)
        b = dechunk(body, body_len);
    static tc::error_message message;
    message = tc::error_message::read(b);

    tc::attempt_context ctx;
    ctx.attempt = static_cast<int>(attempt);
    ctx.earlier_attempt_uncertain = uncertain;
    ctx.now = now;
    tc::decision const d = tc::decide(r, ctx);
    std::optional<std::int64_t> const retry = r.retry_after_seconds(now);

    if(json)
    {
        std::printf("{\"status\":%d,\"outcome\":\"%s\",", r.status, tc::to_string(d.outcome).data());
        put_rate_limit("organization_rate_limit", r.organization);
        put_rate_limit("instant_test_rate_limit", r.instant_test);
        put_rate_limit("template_deploy_rate_limit", r.template_deploy);
        std::fputs("\"ietf_rate_limit\":{", stdout);
        put_optional("limit", r.ietf.limit);
        put_optional("remaining", r.ietf.remaining);
        put_optional("reset", r.ietf.reset);
        put_optional("window", r.ietf.window, false);
        std::fputs("},", stdout);
        put_optional("retry_after_seconds", retry);
        put_optional("date", r.date);
        std::fputs("\"error_message\":", stdout);
        if(message.text().empty())
            std::fputs("null", stdout);
        else
            put_json_string(message.text());
        std::printf(",\"decision\":{\"action\":\"%s\",\"delay_ms\":%lld},",
                    tc::to_string(d.action).data(), static_cast<long long>(d.delay_ms));
        std::printf("\"pace_ms\":%lld}\n", static_cast<long long>(tc::pace_ms(r, now)));
    }
    else
    {
        std::printf("%-15s%d (%s)\n", "status:", r.status, tc::to_string(d.outcome).data());
        std::printf("%-15slimit ", "rate limit:");
        put_number(r.organization.limit, "-");
        std::fputs(", remaining ", stdout);
        put_number(r.organization.remaining, "-");
        std::fputs(", reset ", stdout);
        put_number(r.organization.reset, "-");
        std::printf("\n%-15s", "date:");
        put_number(r.date, "-");
        std::printf("\n%-15s", "retry after:");
        put_number(retry, "-");
        std::fputs(retry ? " s\n" : "\n", stdout);
        std::printf("%-15s", "error message:");
        if(message.text().empty())
            std::printf("-\n");
        else
            std::printf("%s\n", cli::for_terminal(message.text()).c_str());
        std::printf("%-15s%s", "decision:", tc::to_string(d.action).data());
        if(d.action == tc::action::retry)
            std::printf(" after %lld ms", static_cast<long long>(d.delay_ms));
        std::printf("\n");
        std::printf("%-15s%lld ms\n", "next request:", static_cast<long long>(tc::pace_ms(r, now)));
    }
    return std::fflush(stdout) == 0 ? 0 : 1;
}

// ---- delete ------------------------------------------------------------
//
// The library decides; libcurl carries the bytes. One CURL handle serves
// every attempt, so a batch reuses one connection.

// What one attempt brought back.
struct exchange
{
    tc::header_line_reader reader;
    char body[tc::error_message::max_body];
    std::size_t body_size = 0;
    int heads_sent = 0; // request heads curl sent in this attempt
    bool verbose = false;

    explicit exchange(tc::response_options const& o, bool v) noexcept : reader(o), verbose(v) {}
};

extern "C" std::size_t
on_header(char* p, std::size_t size, std::size_t n, void* user)
{
    auto& x = *static_cast<exchange*>(user);
    string_view line(p, size * n);
    x.reader.line(line);
    if(x.verbose)
    {
        // the server's bytes, escaped: its line end is ours
        while(!line.empty() && (line.back() == '\n' || line.back() == '\r'))
            line.remove_suffix(1);
        std::printf("< %s\n", cli::for_terminal(line).c_str());
    }
    return size * n;
}

extern "C" std::size_t
on_body(char* p, std::size_t size, std::size_t n, void* user)
{
    auto& x = *static_cast<exchange*>(user);
    std::size_t const keep = std::min(size * n, sizeof(x.body) - x.body_size);
    std::memcpy(x.body + x.body_size, p, keep);
    x.body_size += keep;
    return size * n;
}

// curl may send a request twice in one perform: when a reused connection
// turns out closed before any answer, it silently reconnects and resends.
// The first send may have been carried out, so it is counted.
// With --verbose, the head curl really sent is printed, its Authorization
// value redacted.
extern "C" int
on_debug(CURL*, curl_infotype type, char* p, std::size_t n, void* user)
{
    auto& x = *static_cast<exchange*>(user);
    if(type != CURLINFO_HEADER_OUT)
        return 0;
    ++x.heads_sent;
    for(string_view head(p, n); x.verbose && !head.empty();)
    {
        std::size_t const eol = std::min(head.find('\n'), head.size() - 1);
        string_view line = head.substr(0, eol + 1);
        head.remove_prefix(eol + 1);
        while(!line.empty() && (line.back() == '\n' || line.back() == '\r'))
            line.remove_suffix(1);
        // curl writes the names as given: ours, and its own for a proxy
        // configured with credentials.
        std::size_t const colon = line.find(':');
        string_view const name = line.substr(0, colon);
        if(colon != string_view::npos && (name == "Authorization" || name == "Proxy-Authorization"))
        {
            string_view value = line.substr(colon + 1);
            while(!value.empty() && value.front() == ' ')
                value.remove_prefix(1);
            std::printf("> %.*s: %s\n", static_cast<int>(name.size()), name.data(),
                        redacted(value).c_str());
        }
        else
            std::printf("> %s\n", cli::for_terminal(line).c_str());
    }
    return 0;
}

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

// The header fields as curl takes them. Host comes from the URL and
// Content-Length from CURLOPT_POSTFIELDSIZE; the rest overrides curl's own
// (User-Agent, Accept). The list holds the Authorization value: wiped.
class header_list
{
    curl_slist* list_ = nullptr;

public:
    explicit header_list(tc::request const& req)
    {
        for(auto const& f : req.fields())
        {
            if(f.derived)
                continue;
            std::string line(f.name.data(), f.name.size());
            line.append(": ").append(f.value.data(), f.value.size());
            curl_slist* const grown = curl_slist_append(list_, line.c_str());
            tc::detail::secure_wipe(&line[0], line.size());
            if(!grown)
            {
                std::fputs("te-credentials: libcurl: out of memory\n", stderr);
                std::exit(1);
            }
            list_ = grown;
        }
    }
    header_list(header_list const&) = delete;
    header_list& operator=(header_list const&) = delete;
    ~header_list()
    {
        for(curl_slist* i = list_; i; i = i->next)
            tc::detail::secure_wipe(i->data, std::strlen(i->data));
        curl_slist_free_all(list_);
    }
    curl_slist* get() const noexcept { return list_; }
};

struct delete_settings
{
    tc::retry_policy policy;
    long timeout_ms = 20000;
    bool verbose = false;
};

void
put_rate_limit_left(tc::response const& r)
{
    std::fputs("rate limit ", stdout);
    put_number(r.organization.remaining, "-");
    std::fputc('/', stdout);
    put_number(r.organization.limit, "-");
    std::fputs(" left", stdout);
}

// Drives one deletion to its end: the library says what to do, libcurl
// moves the bytes. Prints a line per attempt (the last one left open for
// the caller); returns the requests curl sent.
int
delete_one(CURL* curl, tc::deletion& del, delete_settings const& s, char const* label)
{
    tc::request const& req = del.to_send();
    std::string const url(req.url().data(), req.url().size());
    std::string const method(req.method().data(), req.method().size());
    header_list const headers(req);
    int requests = 0;
    for(tc::step st = del.next(); st.kind == tc::step_kind::send; st = del.next())
    {
        static std::optional<exchange> x;
        x.emplace(tc::response_options{epoch_now()}, s.verbose);
        curl_easy_reset(curl);
        curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
        if(req.has_body())
        {
            curl_easy_setopt(curl, CURLOPT_POSTFIELDS, "");
            curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, 0L);
        }
        else
            curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
        curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
        curl_easy_setopt(curl, CURLOPT_HEADERDATA, &*x);
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &*x);
        curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, on_debug);
        curl_easy_setopt(curl, CURLOPT_DEBUGDATA, &*x);
        curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L); // feeds on_debug only
        curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, s.timeout_ms);
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
        CURLcode const rc = curl_easy_perform(curl);
        requests += x->heads_sent > 0 ? x->heads_sent : 1;
        if(x->heads_sent > 1)
            del.resent(); // curl's silent resend: the first send may have been carried out

        // Only a transfer that succeeded brought the API's answer: after a
        // proxy's "200 Connection established", a TLS failure is no answer.
        auto const head = x->reader.get();
        if(rc != CURLE_OK)
            del.no_response(examples::transport_of(rc), epoch_now());
        else
            del.received(head, epoch_now());
        tc::decision const& d = del.last_decision();
        std::printf("%s attempt %d: ", label, del.attempts());
        if(rc != CURLE_OK)
            std::printf("no response (%s)", curl_easy_strerror(rc));
        else if(!head)
        {
            char scratch[1];
            std::printf("no readable response (%s)", head.error().message(scratch, sizeof(scratch)));
        }
        else
        {
            std::printf("%d %s; ", head->status, tc::to_string(d.outcome).data());
            put_rate_limit_left(*head);
            auto const m = tc::error_message::read(string_view(x->body, x->body_size));
            if(d.action == tc::action::fail && !m.text().empty())
                std::printf("; \"%s\"", cli::for_terminal(m.text()).c_str()); // the server's words
        }
        tc::step const next = del.next();
        if(next.kind == tc::step_kind::wait)
        {
            std::printf("; retry in %lld ms (%s)\n", static_cast<long long>(next.wait_ms),
                        tc::to_string(next.source).data());
            std::fflush(stdout);
            sleep_ms(next.wait_ms);
            del.waited();
        }
    }
    tc::step const end = del.next();
    if(end.kind == tc::step_kind::failed && end.wait_ms > 0)
        std::printf("; a wait of %lld ms (%s) is beyond the %lld ms allowed",
                    static_cast<long long>(end.wait_ms), tc::to_string(end.source).data(),
                    static_cast<long long>(del.policy().max_delay_ms));
    std::printf("; %s", end.kind == tc::step_kind::done ? "done" : "failed"); // the caller ends the line
    return requests;
}

// One id per line; blank lines and lines starting with '#' are skipped, and
// so is an id already listed (it is deleted once). Lines are read whole: a
// line is one id or one comment, never split, and a NUL byte is refused.
std::vector<tc::credential_id>
read_ids_file(char const* path)
{
    constexpr std::size_t max_line = 4096;
    std::set<std::int64_t> seen;
    long repeated = 0;
    char const* why = nullptr;
    int const fd = cli::open_input(path, false, why);
    if(fd < 0)
        fail("--ids-file", why);
    std::string text;
    bool const read = cli::read_all(fd, text);
    ::close(fd);
    if(!read)
        fail("--ids-file", "cannot read the file");
    std::vector<tc::credential_id> ids;
    auto const e = cli::for_each_line(text, max_line, [&](long n, string_view s) {
        while(!s.empty() && (s.back() == ' ' || s.back() == '\t'))
            s.remove_suffix(1);
        while(!s.empty() && (s.front() == ' ' || s.front() == '\t'))
            s.remove_prefix(1);
        if(s.empty() || s.front() == '#')
            return;
        auto id = tc::credential_id::parse(s);
        if(!id)
        {
            char scratch[1];
            std::fprintf(stderr, "te-credentials: --ids-file: line %ld: %s\n", n,
                         id.error().message(scratch, sizeof(scratch)));
            std::exit(2);
        }
        if(seen.insert(id->value()).second)
            ids.push_back(*id);
        else
            ++repeated;
    });
    if(e.why)
        fail_line("--ids-file", e);

    if(ids.empty())
        fail("--ids-file", "holds no credential id");
    if(repeated)
        std::printf("--ids-file: %ld repeated id%s skipped\n", repeated, repeated == 1 ? "" : "s");
    return ids;
}

int
run_delete(int argc, char** argv)
{
    args const a = parse_args(argc, argv);
    if((a.id != nullptr) == (a.ids_file != nullptr))
        fail("--id/--ids-file", "give exactly one");
    std::vector<tc::credential_id> ids;
    if(a.id)
    {
        auto id = tc::credential_id::parse(a.id);
        if(!id)
            fail("--id", id.error());
        ids.push_back(*id);
    }
    else
        ids = read_ids_file(a.ids_file);
    auto const aid = parse_aid(a);
    delete_settings s;
    s.verbose = a.verbose;
    std::int64_t v = 0;
    if(a.max_attempts)
    {
        if(!parse_decimal(a.max_attempts, v) || v < 1 || v > 100)
            fail("--max-attempts", "must be a number from 1 to 100");
        s.policy.max_attempts = static_cast<int>(v);
    }
    if(a.timeout)
    {
        if(!parse_decimal(a.timeout, v) || v < 1 || v > 3600)
            fail("--timeout", "must be seconds, from 1 to 3600");
        s.timeout_ms = static_cast<long>(v * 1000);
    }
    tc::request_builder const builder = make_builder(a);

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

    std::vector<std::string> absent, failed;
    int requests = 0;
    tc::outcome last = tc::outcome::no_response;
    char id_text[24] = {};
    auto const start = std::chrono::steady_clock::now();
    std::size_t const total = ids.size();
    tc::batch batch(total, s.policy);
    for(std::size_t i = 0; i < total; ++i)
    {
        std::snprintf(id_text, sizeof(id_text), "%lld", static_cast<long long>(ids[i].value()));
        char label[80];
        std::snprintf(label, sizeof(label), "[%zu/%zu] credential %s", i + 1, total, id_text);
        tc::deletion del(build(builder, ids[i], aid), s.policy);
        requests += delete_one(curl, del, s, label);
        tc::step const end = del.next();
        last = end.outcome;
        if(end.outcome == tc::outcome::already_absent)
            absent.push_back(id_text);
        else if(end.kind == tc::step_kind::failed)
            failed.push_back(std::string(id_text) + " (" + tc::to_string(end.outcome).data() + ")");
        auto const after = batch.finished(del, epoch_now());
        if(after && after->stop == tc::batch_stop::unauthorized)
            std::printf("\nstopped: 401 unauthorized; the other %zu ids are not attempted\n",
                        batch.not_attempted());
        else if(after && after->stop == tc::batch_stop::wait_too_long)
            std::printf("\nstopped: the rate limit asks to wait %lld ms before the next id, "
                        "beyond the %lld ms allowed; the other %zu ids are not attempted\n",
                        static_cast<long long>(after->wait_ms),
                        static_cast<long long>(s.policy.max_delay_ms), batch.not_attempted());
        if(!after || !after->next)
            break;
        // Pacing: what is left of the quota spread over what is left of
        // the window, so that the batch never meets a 429.
        if(after->wait_ms > 0)
            std::printf("; next in %lld ms", static_cast<long long>(after->wait_ms));
        std::printf("\n");
        std::fflush(stdout);
        sleep_ms(after->wait_ms);
    }
    curl_easy_cleanup(curl);
    curl_global_cleanup();

    double const seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if(total == 1)
    {
        // One credential: its outcome is the last line.
        std::printf("\ncredential %s: %s\n", id_text, tc::to_string(last).data());
        return batch.all_gone() ? 0 : 1;
    }
    auto list = [](char const* what, std::vector<std::string> const& v) {
        if(v.empty())
            return;
        std::printf("%s:", what);
        for(auto const& s : v)
            std::printf(" %s", s.c_str());
        std::printf("\n");
    };
    if(batch.not_attempted() == 0)
        std::printf("\n");
    std::printf("summary: %zu deleted, %zu already absent, %zu failed", batch.deleted(),
                batch.already_absent(), batch.failed());
    if(batch.not_attempted())
        std::printf(", %zu not attempted", batch.not_attempted());
    std::printf("; %d requests in %.1f s (%.1f a minute)\n", requests, seconds,
                seconds > 0 ? requests * 60.0 / seconds : 0.0);
    list("already absent", absent);
    list("failed", failed);
    return batch.all_gone() ? 0 : 1;
}

} // namespace

int
main(int argc, char** argv)
{
    if(argc < 2)
    {
        std::fputs(usage, stderr);
        return 2;
    }
    string_view cmd = argv[1];
    if(cmd == "--help" || cmd == "-h" || cmd == "help")
    {
        std::fputs(usage, stdout);
        return 0;
    }
    if(cmd == "--version")
    {
        std::printf("te-credentials %s\n", THOUSANDEYES_CREDENTIALS_VERSION_STRING);
        return 0;
    }
    if(cmd == "request")
        return run_request(argc, argv);
    if(cmd == "delete")
        return run_delete(argc, argv);
    if(cmd == "explain-response")
        return run_explain(argc, argv);
    fail("command", "unknown command; use 'request', 'delete' or 'explain-response' (see --help)");
}
