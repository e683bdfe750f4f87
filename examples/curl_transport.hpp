// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// What libcurl's result code says about an attempt, in the deletion's
// words: the one rule the libcurl clients (curl-client, te-credentials)
// share.
#ifndef THOUSANDEYES_CREDENTIALS_EXAMPLES_CURL_TRANSPORT_HPP
#define THOUSANDEYES_CREDENTIALS_EXAMPLES_CURL_TRANSPORT_HPP

#include <thousandeyes/credentials/deletion.hpp>

#include <curl/curl.h>

namespace examples {

/** Failures where the request certainly never left: name resolution, the
    connection, the TLS handshake (the request is only written after it, a
    proxy's `200 Connection established` included) and a refused URL.
    Everything else (a timeout, a reset, a connection closed while waiting,
    CURLE_UNSUPPORTED_PROTOCOL for a non-HTTP answer) may follow a request
    that was carried out.
*/
inline thousandeyes::credentials::transport
transport_of(CURLcode c) noexcept
{
    using thousandeyes::credentials::transport;
    switch(c)
    {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_URL_MALFORMAT:
        return transport::never_sent;
    default:
        return transport::maybe_sent;
    }
}

} // namespace examples

#endif
