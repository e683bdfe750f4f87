// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_JSON_SRC_HPP
#define THOUSANDEYES_CREDENTIALS_JSON_SRC_HPP

// Include this in exactly one translation unit of a program that uses
// <thousandeyes/credentials/error_message.hpp> and does not link
// libboost_json. It compiles only the parts of Boost.JSON the SAX parser
// needs, which (unlike <boost/json/src.hpp> in 1.81) build without
// exceptions.

#include <boost/version.hpp>

#ifndef BOOST_JSON_SOURCE
#define BOOST_JSON_SOURCE
#endif

#if BOOST_VERSION < 108300
#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/impl/error.ipp>
#include <boost/json/detail/impl/except.ipp>
#include <boost/json/detail/impl/stack.ipp>
#include <boost/json/detail/impl/default_resource.ipp>
#include <boost/json/detail/impl/shared_resource.ipp>
#else
#include <boost/json/src.hpp>
#endif

#endif
