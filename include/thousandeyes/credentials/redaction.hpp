// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_REDACTION_HPP
#define THOUSANDEYES_CREDENTIALS_REDACTION_HPP

// What outputs for people show of a secret: the one rule every log line,
// review dump and verbose print of this project follows.

#include <thousandeyes/credentials/request.hpp>
#include <thousandeyes/credentials/string_view.hpp>
#include <thousandeyes/credentials/detail/text.hpp>

#include <cstddef>

namespace thousandeyes {
namespace credentials {

/// Whether an output shows the Authorization value.
enum class secrets
{
    redact, ///< "Basic <redacted>": for logs, reviews, terminals
    reveal  ///< the real value: for sending
};

/// What a redacted output keeps of a credential: its scheme ("Basic",
/// "Bearer"), the part before the first SP, which is not secret and tells a
/// reviewer which one is used. A value without SP has no scheme to keep:
/// the result is empty, never the value.
inline constexpr string_view
credential_scheme(string_view value) noexcept
{
    std::size_t const sp = value.find(' ');
    return sp == string_view::npos ? string_view() : string_view(value.data(), sp);
}

/// What stands for the rest of a redacted credential.
inline constexpr string_view redaction_marker = " <redacted>";

/// A value as shown: `text` then `marker` (empty unless redacted). Two
/// views into the value and a constant: nothing is copied, and an empty
/// part still points into one of them (safe for memcpy and `%.*s`).
struct shown_value
{
    string_view text;   ///< the value, or only its scheme when redacted
    string_view marker; ///< `redaction_marker` when redacted, else empty

    /// Bytes shown in all.
    constexpr std::size_t size() const noexcept { return text.size() + marker.size(); }
};

/// `value` as an output for people shows it: all of it, unless it is
/// `secret` and `s` is `secrets::redact`: then its scheme and the marker.
inline constexpr shown_value
show(string_view value, bool secret, secrets s = secrets::redact) noexcept
{
    string_view const none = detail::slice(redaction_marker, 0, 0); // empty, not null
    if(!secret || s == secrets::reveal)
        return {value, none};
    string_view const scheme = credential_scheme(value);
    if(scheme.empty()) // nothing to keep: the marker alone, without its SP
        return {none, detail::slice(redaction_marker, 1)};
    return {scheme, redaction_marker};
}

/// A request field's value as shown (`field::secret` says which to hide).
inline constexpr shown_value
show(field const& f, secrets s = secrets::redact) noexcept
{
    return show(f.value, f.secret, s);
}

} // namespace credentials
} // namespace thousandeyes

#endif
