// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The Boost.Beast peer: its parser reads the head and its writer writes the
// seed request; and the floor (memcpy and to_chars) and snprintf writers.
#include "peer_common.hpp"

#include <boost/beast/http.hpp>

#include <cstdio>
#include <cstring>

namespace bench {

using namespace peer;

bool
read_beast(string_view head, extract& out)
{
    namespace http = boost::beast::http;
    http::response_parser<http::empty_body> p;
    p.header_limit(64 * 1024);
    p.eager(false);
    boost::beast::error_code ec;
    p.put(boost::asio::buffer(head.data(), head.size()), ec);
    if(ec || !p.is_header_done())
        return false;
    auto const& res = p.get();
    out.status = res.result_int();
    static constexpr char const* names[] = {"X-Organization-Rate-Limit-Limit",
                                            "X-Organization-Rate-Limit-Remaining",
                                            "X-Organization-Rate-Limit-Reset"};
    for(int i = 0; i < 3; ++i)
    {
        auto const it = res.find(names[i]);
        if(it != res.end())
            store(out, i + 1, it->value().data(), it->value().size());
    }
    return true;
}

// ---- building ---------------------------------------------------------------

namespace {

constexpr char authorization[] =
    "Basic bm9yZXBseUB0aG91c2FuZGV5ZXMuY29tOmczNTFtdzV4cWh2a21oMXZxNnpmbTUxYzYyd3l6aWIy";

} // namespace

std::size_t
write_hand_rolled(std::int64_t id, char* out, std::size_t cap)
{
    static constexpr char a[] = "POST /v6/credentials/";
    static constexpr char b[] =
        "/delete.json HTTP/1.1\r\n"
        "Host: api.thousandeyes.com\r\n"
        "Authorization: Basic bm9yZXBseUB0aG91c2FuZGV5ZXMuY29tOmczNTFtdzV4cWh2a21oMXZxNnpmbTUxYzYyd3l6aWIy\r\n"
        "User-Agent: thousandeyes-credentials/" THOUSANDEYES_CREDENTIALS_VERSION_STRING "\r\n"
        "Accept: application/json\r\n"
        "Content-Type: application/json\r\n"
        "Content-Length: 0\r\n"
        "\r\n";
    if(cap < sizeof(a) + sizeof(b) + 20)
        return 0;
    char* p = out;
    std::memcpy(p, a, sizeof(a) - 1);
    p += sizeof(a) - 1;
    p = std::to_chars(p, p + 20, id).ptr;
    std::memcpy(p, b, sizeof(b) - 1);
    return static_cast<std::size_t>(p + sizeof(b) - 1 - out);
}

std::size_t
write_snprintf(std::int64_t id, char* out, std::size_t cap)
{
    int const n = std::snprintf(out, cap,
                                "POST /v6/credentials/%lld/delete.json HTTP/1.1\r\n"
                                "Host: %s\r\n"
                                "Authorization: %s\r\n"
                                "User-Agent: %s\r\n"
                                "Accept: %s\r\n"
                                "Content-Type: %s\r\n"
                                "Content-Length: 0\r\n"
                                "\r\n",
                                static_cast<long long>(id), "api.thousandeyes.com", authorization,
                                "thousandeyes-credentials/" THOUSANDEYES_CREDENTIALS_VERSION_STRING,
                                "application/json", "application/json");
    return n > 0 && static_cast<std::size_t>(n) < cap ? static_cast<std::size_t>(n) : 0;
}

std::size_t
write_beast(std::int64_t id, char* out, std::size_t cap)
{
    namespace http = boost::beast::http;
    char target[64];
    int const t = std::snprintf(target, sizeof(target), "/v6/credentials/%lld/delete.json",
                                static_cast<long long>(id));
    http::request<http::empty_body> req{http::verb::post,
                                        boost::beast::string_view(target, static_cast<std::size_t>(t)),
                                        11};
    req.set(http::field::host, "api.thousandeyes.com");
    req.set(http::field::authorization, authorization);
    req.set(http::field::user_agent,
            "thousandeyes-credentials/" THOUSANDEYES_CREDENTIALS_VERSION_STRING);
    req.set(http::field::accept, "application/json");
    req.set(http::field::content_type, "application/json");
    req.set(http::field::content_length, "0");
    http::request_serializer<http::empty_body> sr{req};
    std::size_t n = 0;
    boost::beast::error_code ec;
    while(!sr.is_done() && !ec)
        sr.next(ec, [&](boost::beast::error_code& e, auto const& buffers) {
            for(auto const b : boost::beast::buffers_range_ref(buffers))
            {
                if(n + b.size() > cap)
                {
                    e = http::error::buffer_overflow;
                    return;
                }
                std::memcpy(out + n, b.data(), b.size());
                n += b.size();
            }
            sr.consume(boost::beast::buffer_bytes(buffers));
        });
    return ec ? 0 : n;
}

} // namespace bench
