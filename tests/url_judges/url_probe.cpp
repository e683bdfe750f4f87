// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// Reads base URLs, one per line in hex (so any byte can be given), and
// writes for each one line: "0 <error code>" when endpoint::parse refuses
// it, or "1" and, in hex, the request URL, the Host value and the
// request-target of a v6 request built on it (with ?aid=), and the prefix.
// test_url_property.py holds these against Node's WHATWG URL and Python's
// urllib.parse.
#include "../hex_text.hpp"

#include <thousandeyes/credentials.hpp>

#include <cstdio>
#include <string>

namespace tc = thousandeyes::credentials;

namespace {

void
put_hex(tc::string_view s)
{
    std::putchar(' ');
    for(unsigned char c : s)
        std::printf("%02x", c);
}

} // namespace

int
main()
{
    auto const auth = tc::authorization::bearer("token");
    if(!auth)
        return 2;
    char line[8192];
    while(std::fgets(line, sizeof(line), stdin))
    {
        std::string hex(line);
        while(!hex.empty() && (hex.back() == '\n' || hex.back() == '\r'))
            hex.pop_back();
        tc::endpoint_options opts;
        opts.allow_insecure_http = true;
        auto const ep = tc::endpoint::parse(from_hex(hex), opts);
        if(!ep)
        {
            std::printf("0 %d\n", ep.error().value());
            continue;
        }
        // a base URL ending in /v7 is built for v7 (its version is not repeated)
        tc::request_options ropts;
        if(ep->named_version() == "v7")
            ropts.api = tc::api_version::v7;
        auto const b = tc::request_builder::make(*ep, *auth, ropts);
        if(!b)
            return 2;
        auto const req = b->delete_credential("405", "17");
        if(!req)
            return 2;
        std::putchar('1');
        put_hex(req->url());
        put_hex(req->host());
        put_hex(req->target());
        // the path as written: the prefix, then the version it named
        std::string path(ep->path_prefix());
        if(!ep->named_version().empty())
            path.append("/").append(ep->named_version());
        put_hex(path);
        std::putchar('\n');
    }
    return 0;
}
