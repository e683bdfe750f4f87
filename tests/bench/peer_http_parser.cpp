// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The http-parser 2.9 peer (libhttp-parser-dev): it reads the head, the
// four numbers are taken from its callbacks. (Debian's shared library: the
// one peer not built with the library's flags.)
#include "peer_common.hpp"

extern "C" {
#include <http_parser.h>
}

namespace bench {

using namespace peer;

namespace {

template<int (*Which)(char const*, std::size_t)>
bool
read(string_view head, extract& out)
{
    static http_parser_settings const settings = [] {
        http_parser_settings s;
        http_parser_settings_init(&s);
        s.on_header_field = on_field<http_parser, Which>;
        s.on_header_value = on_value<http_parser>;
        return s;
    }();
    http_parser p;
    http_parser_init(&p, HTTP_RESPONSE);
    c_state s{&out};
    p.data = &s;
    std::size_t const n = http_parser_execute(&p, &settings, head.data(), head.size());
    if(n != head.size() || HTTP_PARSER_ERRNO(&p) != HPE_OK)
        return false;
    out.status = static_cast<int>(p.status_code);
    return true;
}

} // namespace

bool read_http_parser(string_view h, extract& x) { return read<which_locale>(h, x); }
bool read_http_parser_careful(string_view h, extract& x) { return read<which_careful>(h, x); }

} // namespace bench
