// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// What 'request' and 'delete' share: the secret, the options of the
// request, and the builder they make.
#include "cli.hpp"
#include "inputs.hpp"

#include <cerrno>
#include <cstdlib>
#include <string>

#include <unistd.h>

namespace cli {

namespace {

// "--token-file PATH" or "--token-env VAR": what a message names; only the
// option when the value looks like a token typed in the wrong place.
std::string
source_name(char const* option, char const* source)
{
    return option_and_value(option, source);
}

// A token file: a regular file (a FIFO or device is refused before it can
// block), whose only line is the token; a UTF-8 BOM before it, and the line
// end after it, are not part of it. `f` is called with the token while it
// is in a buffer wiped on return.
template<class F>
tc::authorization
with_file_token(char const* option, char const* path, F&& f)
{
    std::string const what = source_name(option, path);
    std::string why;
    int const fd = open_input(path, true, why);
    if(fd < 0)
        fail(what, why);
    tc::secret_buffer<tc::authorization::capacity> storage;
    bool too_large = false;
    long const n = read_all(fd, storage.data(), storage.size(), too_large);
    int const read_errno = errno;
    ::close(fd);
    if(n < 0 && too_large)
        fail(what, "larger than a token may be (" + std::to_string(storage.size()) + " bytes)");
    if(n < 0)
        fail(what, std::string("cannot read: ") + std::strerror(read_errno));
    string_view token;
    bool more_lines = false;
    text_error const e = token_from_text(string_view(storage.data(), static_cast<std::size_t>(n)),
                                         storage.size(), token, more_lines);
    if(e.why)
        fail(what, describe(e));
    if(more_lines)
        fail(what, "holds more than one line; the token is the file's only line");
    return f(token);
}

template<class F>
tc::authorization
with_env_token(char const* option, char const* name, F&& f)
{
    if(!is_env_name(name))
        fail(option, "not a valid environment variable name (letters, digits and '_', not "
                     "starting with a digit); the value is not shown, it may be a secret");
    char const* v = std::getenv(name);
    if(!v && looks_secret(name))
        fail(option, "names an environment variable that is not set; the name is not shown, it "
                     "looks like a secret (the token belongs in the variable)");
    if(!v)
        fail(source_name(option, name), "the environment variable is not set");
    return f(string_view(v));
}

template<class F>
tc::authorization
with_token(arguments const& a, char const* env_option, char const* file_option, F&& f)
{
    if(char const* env = a.value(env_option))
        return with_env_token(env_option, env, f);
    return with_file_token(file_option, a.value(file_option), f);
}

tc::authorization
make_authorization(arguments const& a)
{
    int const sources = a.flag("--bearer-token-env") + a.flag("--bearer-token-file") +
                        a.flag("--basic-user");
    if(sources != 1)
        fail("authentication",
             "give exactly one of --bearer-token-env, --bearer-token-file, --basic-user");
    auto checked = [](tc::result<tc::authorization> r) {
        if(!r)
            fail("authentication", r.error());
        return *r;
    };
    if(char const* user = a.value("--basic-user"))
    {
        if(a.flag("--token-env") == a.flag("--token-file"))
            fail("--basic-user", "needs exactly one of --token-env, --token-file");
        return with_token(a, "--token-env", "--token-file", [&](string_view token) {
            return checked(tc::authorization::basic(user, token));
        });
    }
    if(a.flag("--token-env") || a.flag("--token-file"))
        fail(a.flag("--token-env") ? "--token-env" : "--token-file",
             "goes with --basic-user only; a Bearer token is --bearer-token-env or "
             "--bearer-token-file");
    return with_token(a, "--bearer-token-env", "--bearer-token-file", [&](string_view token) {
        return checked(tc::authorization::bearer(token));
    });
}

tc::request_options
request_options_of(arguments const& a)
{
    tc::request_options opts;
    opts.api = is_v7(a) ? tc::api_version::v7 : tc::api_version::v6;
    if(char const* format = a.value("--format"))
    {
        string_view const f = format;
        if(f == "json")
            opts.format = tc::v6_format::json;
        else if(f == "xml")
            opts.format = tc::v6_format::xml;
        else if(f == "none")
            opts.format = tc::v6_format::none;
        else
            fail("--format", "must be json, xml or none");
    }
    if(char const* agent = a.value("--user-agent"))
    {
        auto ua = tc::user_agent::parse(agent);
        if(!ua)
            fail("--user-agent", ua.error());
        opts.agent = *ua;
    }
    return opts;
}

} // namespace

bool
is_v7(arguments const& a)
{
    char const* const api = a.value("--api");
    if(!api || string_view(api) == "v6")
        return false;
    if(string_view(api) != "v7")
        fail("--api", "must be v6 or v7");
    return true;
}

tc::request_builder
make_builder(arguments const& a)
{
    tc::request_options const opts = request_options_of(a);
    tc::endpoint ep;
    if(char const* base = a.value("--base-url"))
    {
        auto e = tc::endpoint::parse(base, {a.flag("--allow-insecure-http")});
        if(!e)
            fail("--base-url", e.error());
        ep = *e;
    }
    tc::authorization const auth = make_authorization(a);
    auto builder = tc::request_builder::make(ep, auth, opts);
    if(!builder)
        fail(builder.error() == tc::error::base_url_version ? "--base-url" : "options",
             builder.error());
    return *builder;
}

std::optional<tc::account_group_id>
parse_aid(arguments const& a)
{
    char const* const aid = a.value("--aid");
    if(!aid)
        return std::nullopt;
    auto r = tc::account_group_id::parse(aid);
    if(!r)
        fail("--aid", r.error());
    return *r;
}

std::string
read_input(char const* path, bool nul_is_data)
{
    bool const is_stdin = !path || string_view(path) == "-";
    std::string const what = is_stdin ? "standard input" : option_and_value("FILE", path);
    std::string why;
    int const fd = is_stdin ? 0 : open_input(path, false, why);
    if(fd < 0)
        fail(what, why);
    std::string text;
    text_error r;
    if(nul_is_data)
    {
        bool too_large = false;
        text.resize(max_transcript);
        long const n = read_all(fd, text.data(), text.size(), too_large);
        if(too_large)
            r = {0, "larger than", max_transcript};
        else if(n < 0)
            r = {0, "cannot read", 0, errno};
        text.resize(n < 0 ? 0 : static_cast<std::size_t>(n));
    }
    else
        r = read_text(fd, max_transcript, text);
    if(!is_stdin)
        ::close(fd);
    if(r.why)
        fail(what, describe(r));
    return text;
}

} // namespace cli
