// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_HPP
#define THOUSANDEYES_CREDENTIALS_HPP

// Builds and checks the ThousandEyes "delete a credential" request (API v6
// and v7) without doing any I/O, heap allocation or exception.

#include <thousandeyes/credentials/authorization.hpp>
#include <thousandeyes/credentials/endpoint.hpp>
#include <thousandeyes/credentials/error.hpp>
#include <thousandeyes/credentials/ids.hpp>
#include <thousandeyes/credentials/request.hpp>
#include <thousandeyes/credentials/secret_buffer.hpp>
#include <thousandeyes/credentials/serialize.hpp>
#include <thousandeyes/credentials/user_agent.hpp>
#include <thousandeyes/credentials/version.hpp>

#endif
