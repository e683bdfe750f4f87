// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The llhttp 8.1 peer (Node.js's parser), compiled from Debian's node-llhttp
// sources with the library's flags: it reads the head, the four numbers are
// taken from its callbacks.
#include "peer_common.hpp"

extern "C" {
#include <llhttp.h>
}

namespace bench {

using namespace peer;

namespace {

template<int (*Which)(char const*, std::size_t)>
bool
read(string_view head, extract& out)
{
    static llhttp_settings_t const settings = [] {
        llhttp_settings_t s;
        llhttp_settings_init(&s);
        s.on_header_field = on_field<llhttp_t, Which>;
        s.on_header_value = on_value<llhttp_t>;
        return s;
    }();
    llhttp_t p;
    llhttp_init(&p, HTTP_RESPONSE, &settings);
    c_state s{&out};
    p.data = &s;
    if(llhttp_execute(&p, head.data(), head.size()) != HPE_OK)
        return false;
    out.status = p.status_code;
    return true;
}

} // namespace

bool read_llhttp(string_view h, extract& x) { return read<which_locale>(h, x); }
bool read_llhttp_careful(string_view h, extract& x) { return read<which_careful>(h, x); }

} // namespace bench
