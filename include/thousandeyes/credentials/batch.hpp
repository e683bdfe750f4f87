// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_BATCH_HPP
#define THOUSANDEYES_CREDENTIALS_BATCH_HPP

// Many deletions on one quota, sans-I/O: after each credential the batch
// says how long to wait before the next one, or why to stop, and counts.

#include <thousandeyes/credentials/deletion.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>

namespace thousandeyes {
namespace credentials {

/// Why a batch stops before its last id.
enum class batch_stop : unsigned char
{
    none,          ///< it goes on, or every id was attempted
    unauthorized,  ///< a 401: the same credentials would fail for every id
    wait_too_long  ///< the pacing wait exceeds max_delay_ms: not slept
};

inline constexpr string_view
to_string(batch_stop s) noexcept
{
    switch(s)
    {
    case batch_stop::none: return "none";
    case batch_stop::unauthorized: return "unauthorized";
    case batch_stop::wait_too_long: return "wait_too_long";
    }
    return "none";
}

/// What comes after a credential: the next one after `pace.wait_ms`, or a stop.
struct batch_step
{
    bool next = false;                  ///< another id is to be deleted
    /// The pacing the last answer asks for: next: wait `pace.wait_ms`
    /// first; wait_too_long: the wait refused. All zero without an answer.
    credentials::pace pace{};
    batch_stop stop = batch_stop::none; ///< !next: why, before the last id
};

/** The ids of one run, on one organization's quota.

    After each deletion finishes, `finished` paces the batch: the wait is
    the last answer's pace (`pace_of`: the quota left spread over the
    window left, measured when the answer was read), so the batch does not
    meet a 429. A wait beyond the policy's `max_delay_ms` stops the batch
    instead of sleeping, and so does a 401.
*/
class batch
{
public:
    /// A batch of `total` ids, paced under `p`.
    explicit batch(std::size_t total, retry_policy const& p = {}) noexcept
        : total_(total)
        , policy_(p)
    {
    }

    /// Records a finished deletion, once. Errors: deletion_out_of_order
    /// (the deletion is not finished or was recorded already, or the batch
    /// has stopped or holds no more ids).
    [[nodiscard]] result<batch_step>
    finished(deletion& d) noexcept
    {
        bool const done = d.current() == step_kind::done;
        if((!done && d.current() != step_kind::failed) || d.counted_ || stopped_ ||
           seen_ == total_)
            return error::deletion_out_of_order;
        d.counted_ = true;
        ++seen_;
        outcome const o = d.last_decision().outcome;
        if(!done)
            ++failed_;
        else if(o == outcome::already_absent)
            ++already_absent_;
        else
            ++deleted_;
        batch_step s;
        if(d.last_answer())
            s.pace = d.last_answer()->pace;
        if(seen_ == total_)
            return s;
        if(!done && o == outcome::unauthorized)
            return stop(s, batch_stop::unauthorized);
        if(s.pace.wait_ms > policy_.max_delay_ms)
            return stop(s, batch_stop::wait_too_long);
        s.next = true;
        return s;
    }

    /// The ids the batch was made for.
    std::size_t total() const noexcept { return total_; }
    /// Deletions finished `deleted`.
    std::size_t deleted() const noexcept { return deleted_; }
    /// Deletions finished `already_absent` (a 404 after an uncertain attempt).
    std::size_t already_absent() const noexcept { return already_absent_; }
    /// Deletions finished `failed`.
    std::size_t failed() const noexcept { return failed_; }

    /// Ids never attempted because the batch stopped.
    std::size_t not_attempted() const noexcept { return stopped_ ? total_ - seen_ : 0; }

    /// True when every attempted id is gone and none was left out.
    bool
    all_gone() const noexcept
    {
        return failed_ == 0 && seen_ == total_;
    }

private:
    std::size_t total_;
    retry_policy policy_;
    std::size_t seen_ = 0;
    std::size_t deleted_ = 0;
    std::size_t already_absent_ = 0;
    std::size_t failed_ = 0;
    bool stopped_ = false;

    batch_step
    stop(batch_step s, batch_stop why) noexcept
    {
        stopped_ = true;
        s.next = false;
        s.stop = why;
        return s;
    }
};

} // namespace credentials
} // namespace thousandeyes

#endif
