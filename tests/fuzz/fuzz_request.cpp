// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// libFuzzer target for the request side: any base URL, user, token, user
// agent, API version, format and ids. Whatever the library accepts must
// give a head that
//   - Boost.Beast reads back as the request view (method, target, fields in
//     order, no body beyond the view's),
//   - holds no control byte but the CRLF line ends (and HTAB inside a
//     value, which RFC 9110 allows),
//   - has a URL that uriparser (RFC 3986, Debian's liburiparser, not the
//     library's Boost.URL) reads with the Host field's host and port and
//     the target's path and query,
//   - and, redacted, reads the same in each of the three outputs whatever
//     the credentials' bytes (a token of the same length, other bytes);
// whatever it refuses must come with a message that does not hold the
// token. Build with -Dfuzz=true and clang++.
#include "../beast_request_check.hpp"

#include <thousandeyes/credentials.hpp>

#include <fuzzer/FuzzedDataProvider.h>
#include <uriparser/Uri.h>

#include <cstdlib>
#include <cstring>
#include <string>

namespace tc = thousandeyes::credentials;

namespace {

[[noreturn]] void
fail(char const* why, tc::string_view detail = {})
{
    std::fprintf(stderr, "fuzz-request: %s %.*s\n", why, static_cast<int>(detail.size()),
                 detail.data());
    std::abort();
}

std::string
text(UriTextRangeA const& r)
{
    return r.first ? std::string(r.first, r.afterLast) : std::string();
}

// The request URL as uriparser reads it: "host[:port]" and "path[?query]".
void
judge_url(tc::request const& req)
{
    std::string const url(req.url());
    UriUriA uri;
    char const* error = nullptr;
    if(uriParseSingleUriA(&uri, url.c_str(), &error) != URI_SUCCESS)
        fail("uriparser refuses the request URL", url);
    std::string host = text(uri.hostText);
    if(uri.hostData.ip6 || uri.hostData.ipFuture.first)
        host = "[" + host + "]";
    std::string const port = text(uri.portText);
    if(!port.empty())
        host += ":" + port;
    std::string target;
    for(UriPathSegmentA const* s = uri.pathHead; s; s = s->next)
        target += "/" + text(s->text);
    if(uri.query.first)
        target += "?" + text(uri.query);
    bool const userinfo = uri.userInfo.first != nullptr, fragment = uri.fragment.first != nullptr;
    uriFreeUriMembersA(&uri);
    if(host != req.host())
        fail("uriparser's host differs from the Host field", host);
    if(target != req.target())
        fail("uriparser's path and query differ from the target", target);
    if(userinfo || fragment)
        fail("uriparser finds userinfo or a fragment", url);
}

// Only CRLF line ends, and HTAB inside a line; no other control byte.
void
judge_controls(tc::string_view head)
{
    for(std::size_t i = 0; i < head.size(); ++i)
    {
        auto const c = static_cast<unsigned char>(head[i]);
        if(c == '\r' && i + 1 < head.size() && head[i + 1] == '\n')
            ++i;
        else if((c < 0x20 && c != '\t') || c == 0x7F)
            fail("a control byte in the head");
    }
}

std::string
write(tc::write_result (*f)(tc::request const&, char*, std::size_t, tc::secrets),
      tc::request const& req, tc::secrets s)
{
    static char buf[16384];
    tc::write_result const w = f(req, buf, sizeof(buf), s);
    if(!w)
        fail("an accepted request does not fit 16 KiB");
    return {buf, w.size};
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    FuzzedDataProvider in(data, size);
    bool const basic = in.ConsumeBool();
    bool const v7 = in.ConsumeBool();
    bool const custom_base = in.ConsumeBool();
    bool const insecure = in.ConsumeBool();
    bool const with_aid = in.ConsumeBool();
    auto const format = static_cast<tc::v6_format>(in.ConsumeIntegralInRange<int>(0, 2));
    std::string const base = in.ConsumeRandomLengthString(300);
    std::string const user = in.ConsumeRandomLengthString(64);
    std::string const token = in.ConsumeRandomLengthString(200);
    std::string const agent = in.ConsumeRandomLengthString(64);
    std::string const id = in.ConsumeRandomLengthString(24);
    std::string const aid = in.ConsumeRandomLengthString(24);

    tc::endpoint ep;
    if(custom_base)
    {
        auto e = tc::endpoint::parse(base, {insecure});
        if(!e)
            return 0;
        ep = *e;
    }
    auto const auth = basic ? tc::authorization::basic(user, token) : tc::authorization::bearer(token);
    if(!auth)
    {
        // (a token of 16 bytes or more without a space cannot be a chance
        // substring of the library's texts, which are words)
        if(token.size() >= 16 && token.find(' ') == std::string::npos &&
           auth.error().message().find(token) != std::string::npos)
            fail("a refusal's message holds the token");
        return 0;
    }
    tc::request_options opts;
    opts.api = v7 ? tc::api_version::v7 : tc::api_version::v6;
    opts.format = format;
    if(!agent.empty())
    {
        auto ua = tc::user_agent::parse(agent);
        if(!ua)
            return 0;
        opts.agent = *ua;
    }
    auto const builder = tc::request_builder::make(ep, *auth, opts);
    if(!builder)
        return 0;
    auto const req = with_aid ? builder->delete_credential(id, aid) : builder->delete_credential(id);
    if(!req)
        return 0;

    std::string const head = write(tc::write_head, *req, tc::secrets::reveal);
    std::string const why = beast_reads_back(head, *req);
    if(!why.empty())
        fail("Boost.Beast does not read the request view back:", why);
    judge_controls(head);
    judge_url(*req);
    // The direct send path writes the same bytes, with no request between.
    {
        char direct[8192];
        auto const i = *tc::credential_id::parse(id);
        auto const w = with_aid ? tc::write_head(*builder, i, *tc::account_group_id::parse(aid),
                                                 direct, sizeof(direct))
                                : tc::write_head(*builder, i, direct, sizeof(direct));
        if(!w || std::string(direct, w.size) != head)
            fail("write_head from the builder differs from write_head of the request", "");
    }
    // Redacted, no output depends on the credentials' bytes: the same request
    // with a token of the same length but other bytes reads the same.
    std::string other = token;
    for(char& c : other)
        if(c != '=') // Bearer padding stays where it is
            c = c == 'A' ? 'B' : 'A';
    auto const auth2 = basic ? tc::authorization::basic(user, other) : tc::authorization::bearer(other);
    if(!auth2)
        fail("a token of letters is refused where the original was accepted");
    auto const builder2 = tc::request_builder::make(ep, *auth2, opts);
    auto const req2 =
        with_aid ? builder2->delete_credential(id, aid) : builder2->delete_credential(id);
    using writer = tc::write_result (*)(tc::request const&, char*, std::size_t, tc::secrets);
    for(writer f : {writer(tc::write_head), writer(tc::write_curl), writer(tc::write_review)})
        if(write(f, *req, tc::secrets::redact) != write(f, *req2, tc::secrets::redact))
            fail("a redacted output depends on the credentials");
    return 0;
}
