// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_REQUEST_CHECKER_HPP
#define THOUSANDEYES_CREDENTIALS_REQUEST_CHECKER_HPP

#include <thousandeyes/credentials/check_rules.hpp>
#include <thousandeyes/credentials/checker/findings.hpp>
#include <thousandeyes/credentials/checker/head_judge.hpp>

#include <cstdint>

namespace thousandeyes {
namespace credentials {

/** Judges a credential deletion request that anyone's client sends: reads
    the request head and its body framing and reports each rule it breaks
    (`check_rules.hpp`), with the byte offset. Sans-I/O and without heap.

    Two input forms, one judge:
    - bytes, in chunks of any size (`feed`, then `finish`): the same
      findings whatever the chunking;
    - a request view (`start`, `field` per field, `finish`), for stacks that
      never show bytes; offsets are then those of the canonical head
      `method SP target SP HTTP/1.1 CRLF` and `name ": " value CRLF` lines.

    @code
    request_checker c({api_version::v7, "", "api.thousandeyes.com", "405"});
    c.feed(captured);
    c.finish();
    for(finding const& f : c.findings())
        std::printf("%zu: %s [%s]\n", f.offset,
                    info(f.rule).message.data(), info(f.rule).id.data());
    @endcode

    Findings carry no byte of the request, so printing them cannot leak a
    credential. `check_expectations` views must outlive the checker.
*/
class request_checker
{
public:
    /// The longest line read whole; a longer one is `line_too_long`.
    static constexpr std::size_t max_line = 8192;

    /// Starts judging a request against the expectations `x`.
    // cppcheck-suppress uninitMemberVar ; line_ is written before it is read
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-member-init): line_ is written before it is read
    explicit request_checker(check_expectations const& x = {}) noexcept : judge_(found_, x) {}

    request_checker(request_checker const&) = delete;
    request_checker& operator=(request_checker const&) = delete;
    ~request_checker() = default;

    /// Back to a new checker's state, under `x`.
    void
    reset(check_expectations const& x = {}) noexcept
    {
        found_.clear();
        judge_.reset(x);
        state_ = state::request_line;
        at_ = line_at_ = 0;
        len_ = 0;
        overlong_ = false;
        cr_ = false;
        view_ = false;
        head_done_ = false;
        body_left_ = 0;
    }

    /// Form 1: the next bytes of the request. Bytes after a head that frames
    /// no more body are `trailing_bytes`.
    void
    feed(string_view data) noexcept
    {
        for(char const c : data)
        {
            if(state_ == state::body)
            {
                if(body_left_ > 0)
                    --body_left_;
                else
                {
                    found_.add(check_rule::trailing_bytes, at_, 1);
                    state_ = state::ignored;
                }
            }
            else if(state_ != state::ignored)
                byte(c);
            ++at_;
        }
    }

    /// Form 2: the request line's method and target; HTTP/1.1 assumed.
    void
    start(string_view method, string_view target) noexcept
    {
        judge_.start(method, target, "HTTP/1.1", 0);
        at_ = method.size() + target.size() + 12;
        state_ = state::fields;
        view_ = true;
    }

    /// Form 2: one field as the stack holds it (name, value without OWS).
    void
    field(string_view name, string_view value) noexcept
    {
        std::size_t const v_at = at_ + name.size() + 2;
        char const* const e = value.data() + value.size();
        char const* const q = detail::find_control(value.data(), e);
        string_view const trimmed = detail::trim_ows(value);
        if(name.empty() || !detail::all_tchar(name.data(), name.size()))
            found_.add(check_rule::field_syntax, at_, name.size());
        else
        {
            if(q != e) // CR or LF here would split the line: request smuggling
                found_.add(check_rule::control_byte,
                           v_at + static_cast<std::size_t>(q - value.data()), 1);
            judge_.field(name, at_, trimmed,
                         v_at + static_cast<std::size_t>(trimmed.data() - value.data()));
        }
        at_ = v_at + value.size() + 2;
    }

    /// The input ends: a head not ended is `head_incomplete`; otherwise the
    /// checks of the head as a whole are made (form 2).
    void
    finish() noexcept
    {
        if(view_ && state_ == state::fields)
            end_of_head(at_);
        else if(state_ == state::request_line || state_ == state::fields)
            found_.add(check_rule::head_incomplete, at_, 0);
        state_ = state::ignored;
    }

    /// True once the empty line that ends the head was read (or `finish`
    /// was called on a view).
    bool
    head_done() const noexcept
    {
        return head_done_;
    }

    /// What was found so far, in input order.
    finding_list const&
    findings() const noexcept
    {
        return found_;
    }

private:
    enum class state : unsigned char
    {
        request_line, fields, body, ignored
    };

    finding_list found_;
    detail::head_judge judge_;
    state state_ = state::request_line;
    bool overlong_ = false;
    bool cr_ = false; // the last byte of the line was CR
    bool view_ = false; // form 2 is in use
    bool head_done_ = false;
    std::size_t at_ = 0;      // offset of the next byte
    std::size_t line_at_ = 0; // offset of the line being read
    std::size_t len_ = 0;
    std::int64_t body_left_ = 0;
    // written before it is read: a checker per request stays cheap
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-member-init)
    char line_[max_line + 1]; // +1: its CR

    void
    byte(char c) noexcept
    {
        if(c != '\n')
        {
            if(len_ < sizeof(line_))
                line_[len_++] = c;
            else
                overlong_ = true;
            cr_ = c == '\r';
            return;
        }
        // line terminator: CRLF, or a lone LF (RFC 9112 section 2.2)
        std::size_t n = len_;
        if(cr_)
            n -= n != 0;
        else
            found_.add(check_rule::bare_lf, at_, 1);
        cr_ = false;
        if(overlong_ || n > max_line)
            found_.add(check_rule::line_too_long, line_at_, at_ - line_at_);
        else
            line(string_view(line_, n));
        if(state_ == state::request_line && n != 0)
            state_ = state::fields;
        len_ = 0;
        overlong_ = false;
        line_at_ = at_ + 1;
    }

    // One line without its terminator, no longer than max_line.
    void
    line(string_view s) noexcept
    {
        for(std::size_t i = 0; i < s.size(); ++i)
        {
            auto const c = static_cast<unsigned char>(s[i]);
            if(c == '\r')
                found_.add(check_rule::bare_cr, line_at_ + i, 1);
            else if(detail::is_control(c) && c != '\t')
                found_.add(check_rule::control_byte, line_at_ + i, 1);
        }
        if(state_ == state::request_line)
        {
            // a server SHOULD ignore empty lines before the request-line
            // (RFC 9112 section 2.2)
            if(!s.empty())
                judge_.request_line(s, line_at_);
            return;
        }
        if(s.empty())
            return end_of_head(line_at_);
        // obs-fold = OWS CRLF RWS (RFC 9112 section 5.2)
        if(detail::is_ows(s[0]))
            return found_.add(check_rule::obs_fold, line_at_, s.size());
        // field-line = field-name ":" OWS field-value OWS (RFC 9112 section 5.1)
        std::size_t const colon = s.find(':');
        string_view const name = detail::slice(s, 0, colon);
        if(colon == string_view::npos || name.empty() ||
           !detail::all_tchar(name.data(), name.size()))
            return found_.add(check_rule::field_syntax, line_at_,
                              colon == string_view::npos ? s.size() : colon);
        string_view const raw = detail::slice(s, colon + 1);
        string_view const value = detail::trim_ows(raw);
        std::size_t const v_at = line_at_ + colon + 1 + static_cast<std::size_t>(value.data() - raw.data());
        judge_.field(name, line_at_, value, v_at);
    }

    void
    end_of_head(std::size_t at) noexcept
    {
        judge_.end(at);
        head_done_ = true;
        std::int64_t const body = judge_.body_length();
        if(body < 0)
            state_ = state::ignored; // framing it cannot follow: already an error
        else
        {
            state_ = state::body;
            body_left_ = body;
        }
    }
};

} // namespace credentials
} // namespace thousandeyes

#endif
