// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_DETAIL_FIXED_TEXT_HPP
#define THOUSANDEYES_CREDENTIALS_DETAIL_FIXED_TEXT_HPP

#include <thousandeyes/credentials/string_view.hpp>
#include <thousandeyes/credentials/wipe.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace thousandeyes {
namespace credentials {
namespace detail {

/** Text in fixed storage, the one kind every value type of the library
    holds its bytes in (like `boost::urls::static_url<N>`, no heap).

    Copies copy the bytes in use only, so the owners' own copies can be the
    defaulted ones; `secret_text` adds the wipe. Appending is unchecked: the
    owners check sizes once, where they validate.
*/
template<std::size_t N>
class fixed_text
{
    static_assert(N <= 65535, "sizes are 16-bit");

    char buf_[N];
    std::uint16_t size_ = 0;

public:
    static constexpr std::size_t capacity = N;

    /// Empty; the storage is not touched.
    // cppcheck-suppress uninitMemberVar ; storage is written before it is read (size_ says how far)
    fixed_text() noexcept {} // NOLINT(cppcoreguidelines-pro-type-member-init): size_ says how far buf_ is written

    /// `s`, at compile time too (the storage is zeroed first, as constant
    /// evaluation wants).
    constexpr explicit fixed_text(string_view s) noexcept
        : buf_{}
    {
        for(char c : s)
            buf_[size_++] = c;
    }

    fixed_text(fixed_text const& o) noexcept // NOLINT(cppcoreguidelines-pro-type-member-init): copies the bytes in use
        : size_(o.size_)
    {
        std::memcpy(buf_, o.buf_, size_);
    }

    ~fixed_text() = default;

    fixed_text&
    operator=(fixed_text const& o) noexcept
    {
        if(this != &o)
        {
            std::memcpy(buf_, o.buf_, o.size_);
            size_ = o.size_;
        }
        return *this;
    }

    /// Zeroes the bytes in use, in a way the optimizer keeps.
    void
    wipe() noexcept
    {
        secure_wipe(buf_, size_);
        size_ = 0;
    }

    std::size_t size() const noexcept { return size_; }
    char const* data() const noexcept { return buf_; }

    /// Where the next byte goes, for writers that fill the storage
    /// directly (then `grow`).
    char* end() noexcept { return buf_ + size_; }

    /// Bytes [off, off + n).
    string_view
    view(std::size_t off, std::size_t n) const noexcept
    {
        return {buf_ + off, n};
    }

    /// All the bytes.
    string_view
    view() const noexcept
    {
        return {buf_, size_};
    }

    void
    append(string_view s) noexcept
    {
        if(s.empty()) // an empty view may hold no pointer: memcpy must not see it
            return;
        std::memcpy(buf_ + size_, s.data(), s.size());
        size_ = static_cast<std::uint16_t>(size_ + s.size());
    }

    void
    push_back(char c) noexcept
    {
        buf_[size_++] = c;
    }

    /// Counts `n` bytes written at `end()`.
    void
    grow(std::size_t n) noexcept
    {
        size_ = static_cast<std::uint16_t>(size_ + n);
    }
};

/** A `fixed_text` that holds a secret: wiped when it goes away or is
    assigned over, so its owners' defaulted copies and destructors wipe too.
*/
template<std::size_t N>
class secret_text : public fixed_text<N>
{
public:
    secret_text() noexcept = default;
    secret_text(secret_text const&) noexcept = default;

    secret_text&
    operator=(secret_text const& o) noexcept
    {
        if(this != &o)
        {
            this->wipe();
            fixed_text<N>::operator=(o);
        }
        return *this;
    }

    ~secret_text()
    {
        this->wipe();
    }
};

} // namespace detail
} // namespace credentials
} // namespace thousandeyes

#endif
