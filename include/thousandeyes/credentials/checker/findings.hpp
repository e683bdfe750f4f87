// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_CHECKER_FINDINGS_HPP
#define THOUSANDEYES_CREDENTIALS_CHECKER_FINDINGS_HPP

#include <thousandeyes/credentials/check_rules.hpp>

#include <cstddef>

namespace thousandeyes {
namespace credentials {

/** The findings of one check, in the order the bytes raised them, in a
    fixed array: at most `capacity` are kept, the rest counted in
    `dropped()`. No heap.
*/
class finding_list
{
public:
    /// Findings kept; a request with more has bigger problems than a list shows.
    static constexpr std::size_t capacity = 32;

    /// The first finding kept, in the order found.
    finding const* begin() const noexcept { return items_; }
    /// One past the last finding kept.
    finding const* end() const noexcept { return items_ + size_; }
    /// Findings kept (at most `capacity`).
    std::size_t size() const noexcept { return size_; }
    /// True when nothing was found.
    bool empty() const noexcept { return size_ == 0; }
    /// The i-th finding kept; `i < size()`.
    finding const& operator[](std::size_t i) const noexcept { return items_[i]; }

    /// Findings past `capacity`, not kept.
    std::size_t dropped() const noexcept { return dropped_; }

    /// Kept findings of severity `s`.
    std::size_t
    count(check_severity s) const noexcept
    {
        std::size_t n = 0;
        for(finding const& f : *this)
            // cppcheck-suppress useStlAlgorithm ; a plain loop keeps <algorithm> out of the headers
            n += f.severity() == s;
        return n;
    }

    /// True when a kept or dropped finding is an error.
    bool
    has_errors() const noexcept
    {
        return errors_ != 0;
    }

    /// True when `r` was found (among the kept findings).
    bool
    contains(check_rule r) const noexcept
    {
        for(finding const& f : *this)
            // cppcheck-suppress useStlAlgorithm ; a plain loop keeps <algorithm> out of the headers
            if(f.rule == r)
                return true;
        return false;
    }

    /// Forgets every finding (the checker's `reset`).
    void
    clear() noexcept
    {
        size_ = 0;
        dropped_ = 0;
        errors_ = 0;
    }

    /// Records a finding; past `capacity` it is only counted.
    void
    add(check_rule r, std::size_t offset, std::size_t length, string_view field = {}) noexcept
    {
        errors_ += info(r).severity == check_severity::error;
        if(size_ == capacity)
        {
            ++dropped_;
            return;
        }
        finding& f = items_[size_++];
        f.rule = r;
        f.offset = offset;
        f.length = length;
        f.field = field.empty() ? info(r).field : field;
    }

private:
    finding items_[capacity];
    std::size_t size_ = 0;
    std::size_t dropped_ = 0;
    std::size_t errors_ = 0;
};

} // namespace credentials
} // namespace thousandeyes

#endif
