// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_HPP
#define THOUSANDEYES_CREDENTIALS_HPP

// Builds and checks the ThousandEyes "delete a credential" request (API v6
// and v7), reads its response and decides what to do next, without doing
// any I/O, heap allocation or exception. The body's error message
// (Boost.JSON) is in <thousandeyes/credentials/error_message.hpp>, apart.

#include <thousandeyes/credentials/api_version.hpp>
#include <thousandeyes/credentials/authorization.hpp>
#include <thousandeyes/credentials/base_url.hpp>
#include <thousandeyes/credentials/batch.hpp>
#include <thousandeyes/credentials/check_rules.hpp>
#include <thousandeyes/credentials/chunked_decoder.hpp>
#include <thousandeyes/credentials/decision.hpp>
#include <thousandeyes/credentials/deletion.hpp>
#include <thousandeyes/credentials/endpoint.hpp>
#include <thousandeyes/credentials/error.hpp>
#include <thousandeyes/credentials/field_reader.hpp>
#include <thousandeyes/credentials/header_line_reader.hpp>
#include <thousandeyes/credentials/http_date.hpp>
#include <thousandeyes/credentials/ids.hpp>
#include <thousandeyes/credentials/redaction.hpp>
#include <thousandeyes/credentials/request.hpp>
#include <thousandeyes/credentials/request_builder.hpp>
#include <thousandeyes/credentials/request_checker.hpp>
#include <thousandeyes/credentials/response.hpp>
#include <thousandeyes/credentials/response_options.hpp>
#include <thousandeyes/credentials/response_parser.hpp>
#include <thousandeyes/credentials/secret_buffer.hpp>
#include <thousandeyes/credentials/serialize.hpp>
#include <thousandeyes/credentials/string_view.hpp>
#include <thousandeyes/credentials/user_agent.hpp>
#include <thousandeyes/credentials/version.hpp>
#include <thousandeyes/credentials/wipe.hpp>

#endif
