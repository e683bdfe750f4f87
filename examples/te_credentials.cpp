// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// te-credentials: the library's command line, for users and reviewers.
// It only reads options and secrets and prints what the library builds;
// every rule lives in the library.

#include <thousandeyes/credentials.hpp>

#include <boost/optional/optional.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace tc = thousandeyes::credentials;
using tc::string_view;

namespace {

char const usage[] =
    "usage: te-credentials request --id ID [--aid AID] [--api v6|v7]\n"
    "           [--format json|xml|none] [--base-url URL] [--allow-insecure-http]\n"
    "           [--user-agent UA] AUTH [--show-secrets] [--curl | --review]\n"
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
    fail("command", "unknown command; use 'request' (see --help)");
}
