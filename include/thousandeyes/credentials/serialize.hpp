// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_SERIALIZE_HPP
#define THOUSANDEYES_CREDENTIALS_SERIALIZE_HPP

#include <thousandeyes/credentials/error.hpp>
#include <thousandeyes/credentials/redaction.hpp>
#include <thousandeyes/credentials/request_builder.hpp>
#include <thousandeyes/credentials/detail/sink.hpp>
#include <thousandeyes/credentials/detail/text.hpp>

#include <charconv>
#include <cstring>

namespace thousandeyes {
namespace credentials {

/** What a `write_*` function did, like `std::to_chars_result`.

    On success `ec` is clear and `size` is the number of bytes written. When
    the buffer is too small, `ec` is `error::buffer_too_small`, `size` is the
    number of bytes needed, and nothing was written.
*/
struct [[nodiscard]] write_result
{
    std::size_t size = 0;          ///< bytes written, or needed when `ec` is buffer_too_small
    boost::system::error_code ec;  ///< clear on success

    /// True when the bytes were written.
    explicit operator bool() const noexcept { return !ec; }
};

namespace detail {

template<class Sink, std::size_t N>
void
put_authorization(Sink& out, basic_request<N> const& req, secrets s)
{
    shown_value const v = show(req.authorization(), true, s);
    out.put(v.text);
    out.put(v.marker);
}

// HTTP-message = start-line CRLF *( field-line CRLF ) CRLF [ message-body ]
// request-line = method SP request-target SP HTTP-version  (RFC 9112 sections 2.1, 3)
//
// The builder wrote everything after the request-target once (the field
// lines and the empty line); here only the request-line's start is added,
// and the Authorization value swapped for a marker when redacting. The Beast
// round-trip test checks that this head and request::fields() agree.
template<class Sink, std::size_t N>
void
put_head(Sink& out, basic_request<N> const& req, secrets s)
{
    string_view const rest = head_access::rest(req);
    string_view const auth = req.authorization();
    std::size_t const auth_off = static_cast<std::size_t>(auth.data() - rest.data());
    out.put(req.method());
    out.put(' ');
    out.put(req.target());
    out.put(detail::slice(rest, 0, auth_off));
    put_authorization(out, req, s);
    out.put(detail::slice(rest, auth_off + auth.size()));
}

template<class Sink, std::size_t N>
void
put_curl(Sink& out, basic_request<N> const& req, secrets s)
{
    // --http1.1: the head this library serializes, not an HTTP/2 one.
    // --globoff: the '[' of an IPv6 host is not a curl URL pattern.
    // --fail-with-body (curl 7.76+): a 4xx or 5xx answer exits 22, its body
    // (the API's error message) still printed, so a script sees the failure.
    out.put("curl --http1.1 --globoff --fail-with-body");
    if(req.api() == api_version::v7)
        out.put(" --request DELETE");
    out.put(" \\\n  --url '");
    shell_quote_sink<Sink> q(out);
    q.put(req.url());
    out.put('\'');
    for(field const& f : req.fields())
    {
        // curl writes Host from the URL and Content-Length from the data.
        if(f.derived)
            continue;
        out.put(" \\\n  --header '");
        q.put(f.name);
        q.put(": ");
        if(f.secret)
            put_authorization(q, req, s);
        else
            q.put(f.value);
        out.put('\'');
    }
    // -d '' as in the seed: a present, empty body (Content-Length: 0)
    if(req.has_body())
        out.put(" \\\n  --data-binary ''");
    out.put('\n');
}

template<class Sink>
void
put_decimal(Sink& out, std::size_t n)
{
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof(buf), n);
    out.put(string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
}

template<class Sink, std::size_t N>
void
put_review(Sink& out, basic_request<N> const& req, secrets s)
{
    counting_sink head;
    put_head(head, req, secrets::reveal);
    out.put("# thousandeyes-credentials: API ");
    out.put(req.api() == api_version::v6 ? "v6" : "v7");
    out.put(" delete-credential request\n# URL: ");
    out.put(req.url());
    out.put("\n# Sent: a head of ");
    put_decimal(out, head.size());
    out.put(req.has_body() ? " bytes, then an empty body (Content-Length: 0)\n"
                           : " bytes, and no body\n");
    if(s == secrets::redact)
    {
        out.put("# Authorization is redacted here; its value is ");
        put_decimal(out, req.authorization().size());
        out.put(" bytes long when sent\n");
    }
    else
        out.put("# Authorization is shown: this text contains a secret\n");
    out.put("# Each byte is shown as sent; \\r and \\n are the line ends.\n");
    escape_sink<Sink> e(out);
    put_head(e, req, s);
    out.put("# end of request\n");
}

template<class Put>
write_result
write_with(char* buf, std::size_t size, Put const& put)
{
    counting_sink n;
    put(n);
    if(n.size() > size || buf == nullptr) // (nullptr, 0) asks for the size
        return {n.size(), make_error_code(error::buffer_too_small)};
    buffer_sink w(buf);
    put(w);
    return {w.size(), {}};
}

} // namespace detail

/// The size of the HTTP/1.1 head that `write_head(req, ..., s)` writes.
template<std::size_t N>
std::size_t
head_size(basic_request<N> const& req, secrets s = secrets::reveal) noexcept
{
    detail::counting_sink n;
    detail::put_head(n, req, s);
    return n.size();
}

/** Writes the HTTP/1.1 request head, CRLF line ends, ready for a socket.

    The body that follows is empty (v6 sends `Content-Length: 0`), so the head
    is the whole request. Sent heads need the secret: `secrets::reveal` is
    the default here, unlike the human-facing outputs.
*/
template<std::size_t N>
write_result
write_head(basic_request<N> const& req, char* buf, std::size_t size,
           secrets s = secrets::reveal) noexcept
{
    if(s == secrets::redact)
        return detail::write_with(buf, size,
                                  [&](auto& out) { detail::put_head(out, req, s); });
    // The hot path: three copies, the same bytes as put_head.
    string_view const method = req.method();
    string_view const target = req.target();
    string_view const rest = detail::head_access::rest(req);
    std::size_t const need = method.size() + 1 + target.size() + rest.size();
    if(need > size || buf == nullptr) // (nullptr, 0) asks for the size
        return {need, make_error_code(error::buffer_too_small)};
    std::memcpy(buf, method.data(), method.size());
    buf += method.size();
    *buf++ = ' ';
    std::memcpy(buf, target.data(), target.size());
    std::memcpy(buf + target.size(), rest.data(), rest.size());
    return {need, {}};
}

namespace detail {

// The head for `id` straight from the builder into `buf`: the same bytes
// as `write_head(*b.delete_credential(id, aid), ...)`, with no request in
// between, in one pass. The short constant pieces (method, path, suffix,
// "?aid=") and the ids are copied with fixed-size moves from padded
// storage; the bytes a move writes past its piece lie inside the head and
// are overwritten by the pieces after it (the rest of the head alone is
// longer than any such overshoot).
template<std::size_t N>
write_result
write_head_direct(basic_request_builder<N> const& b, credential_id const& id,
                  account_group_id const* aid, char* buf, std::size_t size) noexcept
{
    target_pieces const& t = head_access::pieces(b);
    string_view const prefix = head_access::prefix(b);
    string_view const rest = head_access::rest(b);
    string_view const digits = id.str();
    std::size_t need = t.method_size + 1u + prefix.size() + 16u + digits.size() +
                       t.suffix_size + rest.size();
    if(aid)
        need += 5 + aid->str().size();
    if(need > size || buf == nullptr) // (nullptr, 0) asks for the size
        return {need, make_error_code(error::buffer_too_small)};
    char* out = buf;
    std::memcpy(out, t.method_sp, 8); // "POST " / "DELETE "
    out += t.method_size + 1u;
    if(!prefix.empty())
        std::memcpy(out, prefix.data(), prefix.size());
    out += prefix.size();
    std::memcpy(out, t.path_text, 16);
    out += 16;
    std::memcpy(out, digits.data(), max_id_digits); // the id's whole digit storage
    out += digits.size();
    std::memcpy(out, t.suffix_text, sizeof(t.suffix_text));
    out += t.suffix_size;
    if(aid)
    {
        static constexpr char aid_key[5] = {'?', 'a', 'i', 'd', '='}; // query = "aid=" aid
        std::memcpy(out, aid_key, sizeof(aid_key));
        std::memcpy(out + 5, aid->str().data(), max_id_digits);
        out += 5 + aid->str().size();
    }
    std::memcpy(out, rest.data(), rest.size());
    return {need, {}};
}

} // namespace detail

/** Writes the head of the request for `id` straight into `buf`, without
    building a `request`: the send path for a stack that takes bytes. Byte
    for byte what `write_head(*b.delete_credential(id), buf, size)` writes;
    the secret is written only into `buf`.
*/
template<std::size_t N>
write_result
write_head(basic_request_builder<N> const& b, credential_id const& id, char* buf,
           std::size_t size) noexcept
{
    return detail::write_head_direct(b, id, nullptr, buf, size);
}

/// As above, for `id` in account group `aid` (`?aid=`).
template<std::size_t N>
write_result
write_head(basic_request_builder<N> const& b, credential_id const& id,
           account_group_id const& aid, char* buf, std::size_t size) noexcept
{
    return detail::write_head_direct(b, id, &aid, buf, size);
}

/// Writes an equivalent `curl` command, shell-quoted, ending in a newline.
/// The Authorization value is redacted unless `secrets::reveal` is given.
template<std::size_t N>
write_result
write_curl(basic_request<N> const& req, char* buf, std::size_t size,
           secrets s = secrets::redact) noexcept
{
    return detail::write_with(buf, size,
                              [&](auto& out) { detail::put_curl(out, req, s); });
}

/// Writes a dump for human review: a summary, then every byte of the head
/// with the line ends made visible. Redacted unless `secrets::reveal`.
template<std::size_t N>
write_result
write_review(basic_request<N> const& req, char* buf, std::size_t size,
             secrets s = secrets::redact) noexcept
{
    return detail::write_with(buf, size,
                              [&](auto& out) { detail::put_review(out, req, s); });
}

} // namespace credentials
} // namespace thousandeyes

#endif
