// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// Boost.Beast as a judge of a serialized request head: it must read back
// the request view (method, target, the same fields in the same order, no
// body beyond what the view says). Shared by the beast-roundtrip test and
// the request fuzzer.
#ifndef THOUSANDEYES_CREDENTIALS_TESTS_BEAST_REQUEST_CHECK_HPP
#define THOUSANDEYES_CREDENTIALS_TESTS_BEAST_REQUEST_CHECK_HPP

#include <thousandeyes/credentials/request.hpp>

#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>

#include <string>

/// The first way Beast's reading of `head` differs from `req`, or "".
template<std::size_t N>
std::string
beast_reads_back(thousandeyes::credentials::string_view head,
                 thousandeyes::credentials::basic_request<N> const& req)
{
    namespace http = boost::beast::http;
    http::request_parser<http::empty_body> p;
    p.eager(true);
    boost::system::error_code ec;
    std::size_t const used = p.put(boost::asio::buffer(head.data(), head.size()), ec);
    if(ec)
        return "Beast refuses the head: " + ec.message();
    if(used != head.size())
        return "Beast stops before the end of the head";
    if(!p.is_done())
    {
        // A head without Content-Length announces no body: the message
        // ends with the head.
        p.put_eof(ec);
        if(ec || !p.is_done())
            return "Beast expects a body";
    }
    auto const& m = p.get();
    if(m.version() != 11)
        return "version";
    if(m.method_string() != req.method())
        return "method";
    if(m.target() != req.target())
        return "target";
    auto const fields = req.fields();
    std::size_t i = 0;
    for(auto const& f : m)
    {
        if(i >= fields.size())
            return "Beast reads more fields";
        if(f.name_string() != fields[i].name || f.value() != fields[i].value)
            return "field " + std::to_string(i) + " differs";
        ++i;
    }
    if(i != fields.size())
        return "Beast reads fewer fields";
    if(p.content_length().value_or(0) != 0 || m.has_content_length() != req.has_body())
        return "body framing";
    return {};
}

#endif
