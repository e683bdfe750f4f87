// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_URL_SRC_HPP
#define THOUSANDEYES_CREDENTIALS_URL_SRC_HPP

/** @file
    The parts of Boost.URL the library uses, compiled: include this in
    exactly one translation unit instead of linking `libboost_url`, on a
    hosted system or on bare metal alike (Boost 1.81 and 1.82; from 1.83 on
    Boost.URL is a compiled library, and a bare-metal build must build it for
    its target).

    Unlike `<boost/url/src.hpp>` (see `src.hpp`) it leaves out what the
    library never calls and what cannot build or costs most on a small
    target: the mutable URL containers (`url_base.ipp`, which includes
    `<iostream>`, `url.ipp`, `static_url.ipp`, and the `params_ref` and
    `segments_ref` views that edit them), so it links without
    `--gc-sections`. A program that uses those
    itself includes `<boost/url/src.hpp>` instead, not both.

    With `THOUSANDEYES_CREDENTIALS_URL_SRC_NO_PARSER` defined, only the error
    category the library's error codes refer to is compiled: enough for the
    built-in endpoint (`endpoint{}`); `endpoint::parse` then does not link.

    Boost.URL's grammar keeps a recycling pool guarded by a `std::mutex`
    (`grammar/recycled.hpp`). A libstdc++ built without threads (Debian's
    arm-none-eabi toolchain, for one) has no `std::mutex`; for that case
    alone this translation unit supplies a lock that does nothing, which is
    right where there is one thread of execution and no interrupt handler
    parses URLs. On Windows (mingw-w64's win32 thread model) a program may have
    threads: there this header refuses to build and names the fix. (Declaring it in `std` is an extension the toolchain does
    not otherwise fill.) The pool is only used by rules larger than the ones
    the library parses with; it would allocate from the heap.
*/

#include <boost/version.hpp>
#include <cstddef> // the standard library's configuration macros

#if BOOST_VERSION >= 108300
#error "Boost.URL 1.83 and later must be linked (libboost_url); do not include <thousandeyes/credentials/url_src.hpp>"
#elif defined(THOUSANDEYES_CREDENTIALS_URL_SRC_NO_PARSER)
#include <boost/url/grammar/impl/error.ipp>
#elif defined(__GLIBCXX__) && !defined(_GLIBCXX_HAS_GTHREADS) && defined(_WIN32)
// mingw-w64's win32 thread model: a Windows program may well have threads.
#error "this libstdc++ has no std::mutex, which Boost.URL needs: use mingw-w64's posix thread model (x86_64-w64-mingw32-g++-posix) or link libboost_url"
#else

#include <mutex>

#if defined(__GLIBCXX__) && !defined(_GLIBCXX_HAS_GTHREADS)
namespace std {
// One thread of execution: nothing to exclude (see above).
class mutex
{
public:
    constexpr mutex() noexcept = default;
    mutex(mutex const&) = delete;
    mutex& operator=(mutex const&) = delete;
    void lock() noexcept {}
    bool try_lock() noexcept { return true; }
    void unlock() noexcept {}
};
} // namespace std
#endif

#include <boost/url.hpp>
#include <boost/url/detail/impl/any_params_iter.ipp>
#include <boost/url/detail/impl/any_segments_iter.ipp>
#include <boost/url/detail/impl/decode.ipp>
#include <boost/url/detail/impl/except.ipp>
#include <boost/url/detail/impl/normalize.ipp>
#include <boost/url/detail/impl/params_iter_impl.ipp>
#include <boost/url/detail/impl/path.ipp>
#include <boost/url/detail/impl/segments_iter_impl.ipp>
#include <boost/url/detail/impl/url_impl.ipp>
#include <boost/url/impl/authority_view.ipp>
#include <boost/url/impl/decode_view.ipp>
#include <boost/url/impl/error.ipp>
#include <boost/url/impl/ipv4_address.ipp>
#include <boost/url/impl/ipv6_address.ipp>
#include <boost/url/impl/params_base.ipp>
#include <boost/url/impl/params_encoded_base.ipp>
#include <boost/url/impl/params_encoded_view.ipp>
#include <boost/url/impl/params_view.ipp>
#include <boost/url/impl/parse.ipp>
#include <boost/url/impl/parse_path.ipp>
#include <boost/url/impl/parse_query.ipp>
#include <boost/url/impl/pct_string_view.ipp>
#include <boost/url/impl/scheme.ipp>
#include <boost/url/impl/segments_base.ipp>
#include <boost/url/impl/segments_encoded_base.ipp>
#include <boost/url/impl/segments_encoded_view.ipp>
#include <boost/url/impl/segments_view.ipp>
#include <boost/url/impl/url_view.ipp>
#include <boost/url/impl/url_view_base.ipp>
#include <boost/url/grammar/detail/impl/recycled.ipp>
#include <boost/url/grammar/impl/ci_string.ipp>
#include <boost/url/grammar/impl/dec_octet_rule.ipp>
#include <boost/url/grammar/impl/delim_rule.ipp>
#include <boost/url/grammar/impl/error.ipp>
#include <boost/url/grammar/impl/literal_rule.ipp>
#include <boost/url/grammar/impl/string_view_base.ipp>
#include <boost/url/rfc/detail/impl/h16_rule.ipp>
#include <boost/url/rfc/detail/impl/hier_part_rule.ipp>
#include <boost/url/rfc/detail/impl/host_rule.ipp>
#include <boost/url/rfc/detail/impl/ip_literal_rule.ipp>
#include <boost/url/rfc/detail/impl/ipvfuture_rule.ipp>
#include <boost/url/rfc/detail/impl/port_rule.ipp>
#include <boost/url/rfc/detail/impl/relative_part_rule.ipp>
#include <boost/url/rfc/detail/impl/scheme_rule.ipp>
#include <boost/url/rfc/detail/impl/userinfo_rule.ipp>
#include <boost/url/rfc/impl/absolute_uri_rule.ipp>
#include <boost/url/rfc/impl/authority_rule.ipp>
#include <boost/url/rfc/impl/ipv4_address_rule.ipp>
#include <boost/url/rfc/impl/ipv6_address_rule.ipp>
#include <boost/url/rfc/impl/origin_form_rule.ipp>
#include <boost/url/rfc/impl/query_rule.ipp>
#include <boost/url/rfc/impl/relative_ref_rule.ipp>
#include <boost/url/rfc/impl/uri_rule.ipp>
#include <boost/url/rfc/impl/uri_reference_rule.ipp>

#endif

#endif
