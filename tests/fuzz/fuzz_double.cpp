// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// libFuzzer target: the API double's request handling (tests/double/
// api_double.hpp), after Boost.Beast's parser with the server's limits. Any
// bytes: no crash, an answer with a status the double gives, a credential
// deleted only by a request that authenticated, and no credential, right
// or wrong, ever in the record or in /_double/requests.
// Build with -Dfuzz=true and clang++.
#include "../double/api_double.hpp"

#include <boost/beast/http/parser.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/src.hpp> // Boost.JSON, header-only in this program

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

[[noreturn]] void
finding(char const* what)
{
    std::fprintf(stderr, "fuzz-double: %s\n", what);
    std::abort();
}

te_double::config
settings()
{
    te_double::config c;
    c.basic_user = "noreply@thousandeyes.com";
    c.basic_token = "g351mw5xqhvkmh1vq6zfm51c62wyzib2";
    c.bearer_token = "g351mw5xqhvkmh1vq6zfm51c62wyzib2";
    for(std::uint64_t id = 1; id <= 1000; ++id)
        c.ids.insert(id);
    c.record_limit = 8;
    return c;
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    using namespace te_double;
    static api_double api(settings(), nullptr);
    http::request_parser<http::string_body> p;
    p.header_limit(16 * 1024);
    p.body_limit(64 * 1024);
    p.eager(true);
    boost::system::error_code ec;
    p.put(boost::asio::buffer(data, size), ec);
    if(ec || !p.is_done())
        return 0;
    request_t const& req = p.get();
    std::size_t const before = api.settings().ids.size();
    std::uint64_t const seen = api.seen();
    reply const r = api.handle(req);
    unsigned const status = r.res.result_int();
    if(!r.drop && (status < 200 || status > 599))
        finding("an answer with a status the double never gives");
    if(api.settings().ids.size() < before && status != 204 && status != 500 && !r.drop)
        finding("a credential deleted by a request that was refused");
    // What the request shows outside its credentials is recorded as sent,
    // JSON-escaped: a secret is only looked for where the request did not
    // put it itself, in the record's own spelling ("b\x8bm9y" is recorded
    // "b\u008bm9y", which holds "bm9y").
    std::string shown = json_string(req.method_string()) + json_string(req.target()) +
                        json_string(req.body());
    for(auto const& f : req)
        if(!beast::iequals(f.name_string(), "Authorization") &&
           !beast::iequals(f.name_string(), "Proxy-Authorization"))
            shown += json_string(f.name_string()) + json_string(f.value());
    // this request's record, if it was kept (and /_double/requests serves
    // the same lines)
    std::string const records = api.seen() > seen ? api.records().back() : std::string();
    request_t control{http::verb::get, "/_double/requests", 11};
    if(api.seen() > seen && api.handle(control).res.body().find(records) == std::string::npos)
        finding("a record /_double/requests does not serve");
    auto leaked = [&](string_view secret) {
        return records.find(std::string(secret)) != std::string::npos &&
               shown.find(std::string(secret)) == std::string::npos;
    };
    if(leaked("g351mw5xqhvkmh1vq6zfm51c62wyzib2") || leaked("bm9yZXBseUB0aG91c2FuZGV5ZXMuY29t"))
        finding("a credential in the record");
    // A credential of the request's own, right or wrong, is not kept
    // either: read back as JSON (Boost.JSON), every recorded Authorization
    // or Proxy-Authorization value is the marker, after a registered scheme
    // at most, and the summary holds only scheme, size and verdict.
    if(!records.empty())
    {
        boost::json::value const v = boost::json::parse(records);
        for(auto const& h : v.at("headers").as_array())
        {
            auto const& pair = h.as_array();
            string_view const name = pair.at(0).as_string();
            string_view const value = pair.at(1).as_string();
            if(!beast::iequals(name, "Authorization") && !beast::iequals(name, "Proxy-Authorization"))
                continue;
            auto const sp = value.find(' ');
            string_view const scheme = sp == string_view::npos ? string_view() : value.substr(0, sp);
            bool const registered = scheme.size() <= 13 && scheme.find_first_not_of(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-") == string_view::npos;
            if(value != "<redacted>" && !(registered && value.substr(sp + 1) == "<redacted>"))
                finding("a recorded credential that is not redacted");
        }
        auto const& auth = v.at("authorization");
        if(!auth.is_null() && auth.as_object().size() != 3)
            finding("a credential summary with more than scheme, size and verdict");
    }
    return 0;
}
