// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// te-credentials: the library's command line, for users and reviewers.
// It only reads options and secrets and prints what the library builds;
// every rule lives in the library.

#include <thousandeyes/credentials.hpp>
#include <thousandeyes/credentials/error_message.hpp>

#include <boost/optional/optional.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>

namespace tc = thousandeyes::credentials;
using tc::string_view;

namespace {

char const usage[] =
    "usage: te-credentials request --id ID [--aid AID] [--api v6|v7]\n"
    "           [--format json|xml|none] [--base-url URL] [--allow-insecure-http]\n"
    "           [--user-agent UA] AUTH [--show-secrets] [--curl | --review]\n"
    "       te-credentials explain-response [FILE|-] [--now EPOCH] [--attempt N]\n"
    "           [--earlier-attempt-uncertain] [--json]\n"
    "       te-credentials --help\n"
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
    "Exit status: 0 printed, 2 invalid input (one line on stderr, nothing on stdout).\n";

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

string_view
read_secret_file(char const* option, char const* path)
{
    std::FILE* f = std::fopen(path, "rb");
    if(!f)
        fail(option, "cannot open the file");
    std::size_t n = std::fread(secret_storage.data(), 1, secret_storage.size(), f);
    bool const more = n == secret_storage.size() && std::fgetc(f) != EOF;
    bool const bad = std::ferror(f) != 0;
    std::fclose(f);
    if(bad)
        fail(option, "cannot read the file");
    if(more)
        fail(option, "the file is larger than a token may be");
    string_view s(secret_storage.data(), n);
    if(!s.empty() && s.back() == '\n')
        s.remove_suffix(1);
    if(!s.empty() && s.back() == '\r')
        s.remove_suffix(1);
    return s;
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

int
run_request(int argc, char** argv)
{
    args const a = parse_args(argc, argv);

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
    if(!a.id)
        fail("--id", "is required");
    auto id = tc::credential_id::parse(a.id);
    if(!id)
        fail("--id", id.error());
    boost::optional<tc::account_group_id> aid;
    if(a.aid)
    {
        auto r = tc::account_group_id::parse(a.aid);
        if(!r)
            fail("--aid", r.error());
        aid = *r;
    }
    if(a.curl && a.review)
        fail("--curl/--review", "give at most one");

    tc::authorization const auth = make_authorization(a);
    auto builder = tc::request_builder::make(ep, auth, opts);
    if(!builder)
        fail("options", builder.error());
    tc::request const req =
        aid ? builder->delete_credential(*id, *aid) : builder->delete_credential(*id);

    auto const s = a.show_secrets ? tc::secrets::reveal : tc::secrets::redact;
    static tc::secret_buffer<8192> out;
    tc::write_result w = a.curl     ? tc::write_curl(req, out.data(), out.size(), s)
                         : a.review ? tc::write_review(req, out.data(), out.size(), s)
                                    : tc::write_head(req, out.data(), out.size(), s);
    if(!w)
        fail("output", w.ec);
    std::fwrite(out.data(), 1, w.size, stdout);
    return std::fflush(stdout) == 0 ? 0 : 1;
}

// ---- explain-response ------------------------------------------------

// Decimal into int64 for --now and --attempt; false if not 1*DIGIT or too large.
bool
parse_int(string_view s, std::int64_t& out)
{
    if(s.empty() || s.size() > 18)
        return false;
    std::int64_t v = 0;
    for(char c : s)
    {
        if(c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

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
            char const c = p[in];
            int const v = c >= '0' && c <= '9' ? c - '0'
                        : c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if(v < 0)
                break;
            size = size * 16 + static_cast<std::size_t>(v);
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

void
put_json_string(string_view s)
{
    std::fputc('"', stdout);
    for(char ch : s)
    {
        auto const c = static_cast<unsigned char>(ch);
        if(c == '"' || c == '\\')
            std::printf("\\%c", c);
        else if(c < 0x20)
            std::printf("\\u%04x", c);
        else
            std::fputc(c, stdout);
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
            if(!parse_int(value("--now"), v))
                fail("--now", "must be epoch seconds: decimal digits");
            now = v;
        }
        else if(name == "--attempt")
        {
            if(!parse_int(value("--attempt"), attempt) || attempt < 1 || attempt > 1000000)
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
    static tc::static_response_parser<> parser(tc::response_options{16 * 1024, now});
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
    message = tc::error_message::parse(b);

    tc::attempt_context ctx;
    ctx.attempt = static_cast<int>(attempt);
    ctx.earlier_attempt_uncertain = uncertain;
    ctx.now = now;
    tc::decision const d = tc::decide(r, ctx);
    std::optional<std::int64_t> const retry = r.retry_after_seconds(now);

    if(json)
    {
        std::printf("{\"status\":%d,\"outcome\":\"%s\",", r.status, tc::to_string(d.result).data());
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
                    tc::to_string(d.what).data(), static_cast<long long>(d.delay_ms));
        std::printf("\"pace_ms\":%lld}\n", static_cast<long long>(tc::pace_ms(r, now)));
    }
    else
    {
        std::printf("%-15s%d (%s)\n", "status:", r.status, tc::to_string(d.result).data());
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
            std::printf("%.*s\n", static_cast<int>(message.text().size()), message.text().data());
        std::printf("%-15s%s", "decision:", tc::to_string(d.what).data());
        if(d.what == tc::action::retry)
            std::printf(" after %lld ms", static_cast<long long>(d.delay_ms));
        std::printf("\n");
        std::printf("%-15s%lld ms\n", "next request:", static_cast<long long>(tc::pace_ms(r, now)));
    }
    return std::fflush(stdout) == 0 ? 0 : 1;
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
    if(cmd == "request")
        return run_request(argc, argv);
    if(cmd == "explain-response")
        return run_explain(argc, argv);
    fail("command", "unknown command; use 'request' or 'explain-response' (see --help)");
}
