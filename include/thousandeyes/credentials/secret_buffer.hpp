// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_SECRET_BUFFER_HPP
#define THOUSANDEYES_CREDENTIALS_SECRET_BUFFER_HPP

#include <thousandeyes/credentials/wipe.hpp>

#include <cstddef>

namespace thousandeyes {
namespace credentials {

/** Fixed storage for bytes that contain a secret (a serialized head, a token
    read from a file), wiped when it goes away. Not copyable, so the secret
    is never duplicated by accident.
*/
template<std::size_t N>
class secret_buffer
{
    char buf_[N];

public:
    // cppcheck-suppress uninitMemberVar ; the caller's buffer: it writes before it reads
    secret_buffer() noexcept = default;
    secret_buffer(secret_buffer const&) = delete;
    secret_buffer& operator=(secret_buffer const&) = delete;

    ~secret_buffer() { secure_wipe(buf_, N); }

    /// The storage, to write into.
    char* data() noexcept { return buf_; }
    /// The storage, to read.
    char const* data() const noexcept { return buf_; }
    /// N: the bytes it holds.
    static constexpr std::size_t size() noexcept { return N; }
};

} // namespace credentials
} // namespace thousandeyes

#endif
