// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The libcurl adapter: one attempt on the caller's easy handle, its facts
// read from what libcurl reports, and the deletion and batch loops over it.
// Needs libcurl only (Meson: dependency('thousandeyes-credentials-libcurl')).
#ifndef THOUSANDEYES_CREDENTIALS_ADAPTERS_LIBCURL_HPP
#define THOUSANDEYES_CREDENTIALS_ADAPTERS_LIBCURL_HPP

#include <thousandeyes/credentials/adapters/attempt.hpp>
#include <thousandeyes/credentials/adapters/loop.hpp>
#include <thousandeyes/credentials/header_line_reader.hpp>
#include <thousandeyes/credentials/request.hpp>
#include <thousandeyes/credentials/wipe.hpp>

#include <curl/curl.h>

#include <cstdio>
#include <cstring>
#include <string>

namespace thousandeyes {
namespace credentials {
namespace adapters {

namespace detail {

inline char const*
curl_message(int ev) noexcept
{
    return curl_easy_strerror(static_cast<CURLcode>(ev));
}

} // namespace detail

/// The category of libcurl's `CURLcode` (messages: `curl_easy_strerror`).
inline boost::system::error_category const&
curl_category() noexcept
{
    static constexpr credentials::detail::static_category cat{0x8f3c1d2e5a6b7ca0ULL, "libcurl",
                                                              &detail::curl_message};
    return cat;
}

/// `c` as an error code (none for CURLE_OK).
inline boost::system::error_code
make_error_code(CURLcode c) noexcept
{
    return {static_cast<int>(c), curl_category()};
}

/// What a libcurl attempt shows its caller besides the facts, all optional.
struct curl_watch
{
    body_buffer* body = nullptr; ///< keeps an error's body (its message)
    /// Each head libcurl wrote, a proxy's CONNECT included, as written: it
    /// holds the Authorization value, so redact before showing it.
    void (*sent)(void* user, string_view head) = nullptr;
    /// Each line of the answer's head (interim heads included), as read.
    void (*received)(void* user, string_view line) = nullptr;
    void* user = nullptr; ///< passed to `sent` and `received`
};

namespace detail {

// curl_easy_setopt called as a function: libcurl's type-checking macro
// (typecheck-gcc.h) would add dozens of compile-time branches to every call;
// each value here is cast to the type its option takes.
template<class T>
CURLcode
setopt(CURL* easy, CURLoption option, T value) noexcept
{
    return (curl_easy_setopt)(easy, option, value); // NOLINT(cppcoreguidelines-pro-type-vararg): libcurl's API is variadic
}

// One attempt's state, where libcurl's callbacks write.
struct curl_state
{
    header_line_reader reader;
    curl_watch watch;
    string_view method;
    int writes = 0;
};

extern "C" inline std::size_t
curl_on_header(char* p, std::size_t size, std::size_t n, void* user)
{
    auto& s = *static_cast<curl_state*>(user);
    string_view const line(p, size * n);
    (void)s.reader.line(line); // the first error sticks: read by get()
    if(s.watch.received)
        s.watch.received(s.watch.user, line);
    return size * n;
}

// The body: an error's is kept for its message; any other stops the
// transfer at its first byte (the head is the answer), so a body that
// never ends, or a 101's other protocol, costs no wait.
extern "C" inline std::size_t
curl_on_body(char* p, std::size_t size, std::size_t n, void* user)
{
    auto& s = *static_cast<curl_state*>(user);
    body_buffer* const body = s.watch.body;
    if(!body || !wants_body(s.reader.get()) || body->full())
        return 0;
    (void)body->keep(string_view(p, size * n));
    return size * n;
}

// CURLINFO_HEADER_OUT comes after libcurl wrote a head to the connection
// (after TLS, after a proxy's tunnel): the evidence that the request left.
// A head that starts with our method is ours; a CONNECT is the proxy's.
// libcurl writes a head twice when a reused connection turns out closed
// before any answer: both count.
extern "C" inline int
curl_on_debug(CURL* /*handle*/, curl_infotype type, char* p, std::size_t n, void* user)
{
    auto& s = *static_cast<curl_state*>(user);
    if(type != CURLINFO_HEADER_OUT)
        return 0;
    string_view const head(p, n);
    if(head.size() > s.method.size() && head.substr(0, s.method.size()) == s.method &&
       head[s.method.size()] == ' ')
        ++s.writes;
    if(s.watch.sent)
        s.watch.sent(s.watch.user, head);
    return 0;
}

// The header fields as libcurl takes them: Host comes from the URL and
// Content-Length from the data (the `derived` fields); the rest replaces
// libcurl's own. Every copy of the Authorization value is wiped.
class curl_headers
{
    curl_slist* list_ = nullptr;
    bool ok_ = true;

public:
    explicit curl_headers(request const& req)
    {
        for(field const& f : req.fields())
        {
            if(f.derived)
                continue;
            std::string line(f.name.data(), f.name.size());
            line.append(": ").append(f.value.data(), f.value.size());
            curl_slist* const grown = curl_slist_append(list_, line.c_str());
            secure_wipe(line.data(), line.size());
            if(!grown)
            {
                ok_ = false;
                return;
            }
            list_ = grown;
        }
    }
    curl_headers(curl_headers const&) = delete;
    curl_headers& operator=(curl_headers const&) = delete;
    ~curl_headers()
    {
        for(curl_slist* i = list_; i; i = i->next)
            secure_wipe(i->data, std::strlen(i->data));
        curl_slist_free_all(list_);
    }
    bool ok() const noexcept { return ok_; }
    curl_slist* get() const noexcept { return list_; }
};

} // namespace detail

/** One attempt of `req` on the caller's easy handle `easy`.

    Every option the caller set stays (proxy, CA, timeouts, interface,
    connection reuse), except those that make this request what it is:
    the URL, the method and body, the header list, HTTP/1.1 (the reader
    reads HTTP/1.x heads), no redirect following, the proxy's CONNECT answer
    kept from the reader, and the header, body and debug callbacks (with
    CURLOPT_VERBOSE on, which feeds the debug callback only). Afterwards the
    callbacks, the header list and VERBOSE are back to libcurl's defaults.

    The facts: `writes` counts our request heads libcurl wrote (see
    `attempt`), `head` is the head the reader read, `error` libcurl's code.
*/
inline attempt
curl_attempt(CURL* easy, request const& req, response_options const& opt,
             curl_watch const& watch = {})
{
    detail::curl_state s;
    s.reader.reset(opt);
    s.watch = watch;
    s.method = req.method();
    detail::curl_headers const headers(req);
    if(!headers.ok())
        return attempt::not_sent(make_error_code(CURLE_OUT_OF_MEMORY));
    std::string const url(req.url().data(), req.url().size());
    detail::setopt(easy, CURLOPT_URL, url.c_str());
    detail::setopt(easy, CURLOPT_HTTPGET, 1L); // no body or method left from before
    detail::setopt(easy, CURLOPT_CUSTOMREQUEST, static_cast<char const*>(nullptr));
    if(req.has_body())
    {
        detail::setopt(easy, CURLOPT_POSTFIELDS, static_cast<char const*>("")); // POST, Content-Length: 0
        detail::setopt(easy, CURLOPT_POSTFIELDSIZE, 0L);
    }
    else
        detail::setopt(easy, CURLOPT_CUSTOMREQUEST, static_cast<char const*>("DELETE"));
    detail::setopt(easy, CURLOPT_HTTPHEADER, headers.get());
    detail::setopt(easy, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_1));
    detail::setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
    detail::setopt(easy, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
    detail::setopt(easy, CURLOPT_HEADERFUNCTION, &detail::curl_on_header);
    detail::setopt(easy, CURLOPT_HEADERDATA, static_cast<void*>(&s));
    detail::setopt(easy, CURLOPT_WRITEFUNCTION, &detail::curl_on_body);
    detail::setopt(easy, CURLOPT_WRITEDATA, static_cast<void*>(&s));
    detail::setopt(easy, CURLOPT_DEBUGFUNCTION, &detail::curl_on_debug);
    detail::setopt(easy, CURLOPT_DEBUGDATA, static_cast<void*>(&s));
    detail::setopt(easy, CURLOPT_VERBOSE, 1L);
    CURLcode const rc = curl_easy_perform(easy);
    // Nothing of this attempt stays pointed at: the list is freed next.
    detail::setopt(easy, CURLOPT_HTTPHEADER, static_cast<curl_slist*>(nullptr));
    detail::setopt(easy, CURLOPT_HEADERFUNCTION, static_cast<curl_write_callback>(nullptr));
    detail::setopt(easy, CURLOPT_HEADERDATA, static_cast<void*>(nullptr));
    detail::setopt(easy, CURLOPT_WRITEFUNCTION, static_cast<curl_write_callback>(nullptr));
    detail::setopt(easy, CURLOPT_WRITEDATA, static_cast<void*>(stdout));
    detail::setopt(easy, CURLOPT_DEBUGFUNCTION, static_cast<curl_debug_callback>(nullptr));
    detail::setopt(easy, CURLOPT_DEBUGDATA, static_cast<void*>(nullptr));
    detail::setopt(easy, CURLOPT_VERBOSE, 0L);
    detail::setopt(easy, CURLOPT_URL, static_cast<char const*>(nullptr));
    attempt a;
    a.head = s.reader.get();
    a.writes = s.writes;
    if(rc != CURLE_OK)
        a.error = make_error_code(rc);
    return a;
}

/// Deletes one credential with `req` on `easy`: `run_deletion` over
/// `curl_attempt`. `now() -> epoch seconds`, `sleep(ms)`.
template<class Clock, class Sleep, class Seen = ignore>
step
curl_delete(CURL* easy, request const& req, deletion& del, Clock&& now, Sleep&& sleep,
            Seen&& seen = {}, curl_watch const& watch = {})
{
    return run_deletion(
        del, [&](response_options const& o) { return curl_attempt(easy, req, o, watch); }, now,
        sleep, seen);
}

/// Deletes each id of `ids` on `easy`: `run_batch` over `curl_attempt`.
template<class Ids, class Clock, class Sleep, class Finished = ignore>
batch_step
curl_delete_batch(CURL* easy, request_builder const& builder, Ids const& ids, batch& b,
                  Clock&& now, Sleep&& sleep, Finished&& finished = {},
                  std::optional<account_group_id> const& aid = std::nullopt,
                  retry_policy const& policy = {})
{
    return run_batch(
        b, builder, ids, aid, policy,
        [&](request const& req, response_options const& o) { return curl_attempt(easy, req, o); },
        now, sleep, finished);
}

} // namespace adapters
} // namespace credentials
} // namespace thousandeyes

#endif
