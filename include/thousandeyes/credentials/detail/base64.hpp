// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_DETAIL_BASE64_HPP
#define THOUSANDEYES_CREDENTIALS_DETAIL_BASE64_HPP

#include <thousandeyes/credentials/wipe.hpp>

#include <cstddef>

namespace thousandeyes {
namespace credentials {
namespace detail {

inline constexpr std::size_t
base64_size(std::size_t n) noexcept
{
    return 4 * ((n + 2) / 3);
}

// Streaming base64 (RFC 4648 section 4, with padding), so that "user:token"
// can be encoded from its two parts without first copying them together.
class base64_encoder
{
    static constexpr char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    char* out_;
    unsigned char pending_[3] = {};
    std::size_t npending_ = 0;

    void
    emit(std::size_t n) noexcept
    {
        unsigned const v = (unsigned(pending_[0]) << 16) |
                           (unsigned(pending_[1]) << 8) | unsigned(pending_[2]);
        *out_++ = alphabet[(v >> 18) & 63];
        *out_++ = alphabet[(v >> 12) & 63];
        *out_++ = n > 1 ? alphabet[(v >> 6) & 63] : '=';
        *out_++ = n > 2 ? alphabet[v & 63] : '=';
    }

public:
    explicit base64_encoder(char* out) noexcept : out_(out) {}

    base64_encoder(base64_encoder const&) = delete;
    base64_encoder& operator=(base64_encoder const&) = delete;

    ~base64_encoder()
    {
        secure_wipe(pending_, sizeof(pending_)); // held secret bytes
    }

    void
    put(char const* p, std::size_t n) noexcept
    {
        for(std::size_t i = 0; i < n; ++i)
        {
            pending_[npending_++] = static_cast<unsigned char>(p[i]);
            if(npending_ == 3)
            {
                emit(3);
                npending_ = 0;
            }
        }
    }

    // Writes the padded tail; returns one past the last byte written.
    char*
    finish() noexcept
    {
        if(npending_ != 0)
        {
            for(std::size_t i = npending_; i < 3; ++i)
                pending_[i] = 0;
            emit(npending_);
            npending_ = 0;
        }
        return out_;
    }
};

} // namespace detail
} // namespace credentials
} // namespace thousandeyes

#endif
