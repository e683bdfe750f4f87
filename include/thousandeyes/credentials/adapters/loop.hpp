// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The canonical loop, once, for every adapter: a deletion driven to its end
// and a batch of them, with the caller's attempt, clock and sleep.
#ifndef THOUSANDEYES_CREDENTIALS_ADAPTERS_LOOP_HPP
#define THOUSANDEYES_CREDENTIALS_ADAPTERS_LOOP_HPP

#include <thousandeyes/credentials/adapters/attempt.hpp>
#include <thousandeyes/credentials/batch.hpp>
#include <thousandeyes/credentials/deletion.hpp>
#include <thousandeyes/credentials/ids.hpp>
#include <thousandeyes/credentials/request_builder.hpp>
#include <thousandeyes/credentials/response_options.hpp>

#include <cstdint>
#include <optional>

namespace thousandeyes {
namespace credentials {
namespace adapters {

/// An observer that watches nothing.
struct ignore
{
    /// Does nothing with what it is shown.
    template<class... T>
    void
    operator()(T const&... /*ignored*/) const noexcept
    {
    }
};

/** Drives `del` to its end: the canonical loop of `deletion`.

    - `try_once(response_options const&) -> attempt` carries one attempt
      (the options hold the clock, for the answer's reset times);
    - `now() -> std::int64_t` is the time in epoch seconds;
    - `sleep(std::int64_t ms)` waits;
    - `seen(deletion const&, attempt const&)` is told each attempt after
      it was reported (`del.next()` then says what comes next).

    Returns the final step (`done` or `failed`, its outcome set).
*/
template<class Attempt, class Clock, class Sleep, class Seen = ignore>
step
run_deletion(deletion& del, Attempt&& try_once, Clock&& now, Sleep&& sleep, Seen&& seen = {})
{
    for(step s = del.next(); !s.finished(); s = del.next())
    {
        if(s.kind == step_kind::wait)
        {
            sleep(s.wait_ms);
            del.waited();
            continue;
        }
        attempt const a = try_once(response_options(now()));
        report(del, a, now());
        seen(static_cast<deletion const&>(del), a);
    }
    return del.next();
}

/** Deletes each id of `ids` (a range of `credential_id`) in turn under
    `policy`, paced by `b` so that the batch meets no 429; stops early at a
    401 or a pacing wait beyond the policy's cap.

    - `try_once(request const&, response_options const&) -> attempt`;
    - `now`, `sleep` as for `run_deletion`;
    - `finished(credential_id const&, deletion const&, batch_step const&)`
      is told each id's end, before the pacing wait;
    - `seen` as for `run_deletion`.

    Returns the last `batch_step` (`stop` says why the batch stopped early).
*/
template<class Ids, class Attempt, class Clock, class Sleep, class Finished = ignore,
         class Seen = ignore>
batch_step
run_batch(batch& b, request_builder const& builder, Ids const& ids,
          std::optional<account_group_id> const& aid, retry_policy const& policy,
          Attempt&& try_once, Clock&& now, Sleep&& sleep, Finished&& finished = {},
          Seen&& seen = {})
{
    batch_step last;
    for(credential_id const& id : ids)
    {
        result<request> const req = builder.delete_credential(id, aid); // typed: never fails
        if(!req)
            break;
        deletion del(policy);
        run_deletion(
            del, [&](response_options const& o) { return try_once(*req, o); }, now, sleep, seen);
        result<batch_step> const after = b.finished(del);
        if(!after)
            break;
        last = *after;
        finished(id, static_cast<deletion const&>(del), last);
        if(!last.next)
            break;
        if(last.pace.wait_ms > 0)
            sleep(last.pace.wait_ms);
    }
    return last;
}

} // namespace adapters
} // namespace credentials
} // namespace thousandeyes

#endif
