// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_READER_HEAD_READER_HPP
#define THOUSANDEYES_CREDENTIALS_READER_HEAD_READER_HPP

// The one place a response head is interpreted: the state machine over its
// lines (or fields), and the head-size, line-length and value-length rules.
// The three public input forms (field pairs, header lines, raw bytes) only
// find lines or fields and hand them here, so they cannot disagree.

#include <thousandeyes/credentials/error.hpp>
#include <thousandeyes/credentials/response.hpp>
#include <thousandeyes/credentials/response_options.hpp>
#include <thousandeyes/credentials/reader/field_table.hpp>
#include <thousandeyes/credentials/reader/head_values.hpp>
#include <thousandeyes/credentials/reader/line_scan.hpp>
#include <thousandeyes/credentials/detail/numbers.hpp>
#include <thousandeyes/credentials/detail/text.hpp>

#include <boost/config.hpp>

#include <cstdint>
#include <cstring>

namespace thousandeyes {
namespace credentials {
namespace detail {

// The readers keep errors as `error` inside the hot loop and make an
// error_code only at the public boundary.
inline boost::system::error_code
to_code(error e) noexcept
{
    if(e == error::success)
        return {};
    return make_error_code(e);
}

class head_reader
{
public:
    enum class state : unsigned char
    {
        status_line, // before a status line (or after an interim response)
        fields,      // reading field lines
        complete     // the empty line after a final response was seen
    };


    static constexpr std::size_t max_value = 256; // longest value kept

    // cppcheck-suppress uninitMemberVar ; pending_value_ is written before pending_len_ counts it
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-member-init): f_ is set by start(), pending_value_ is written before it is counted
    explicit head_reader(response_options const& opt) noexcept
        : values_(opt.now)
        , max_head_(opt.max_head_size)
        , max_line_(opt.max_line_size)
    {
        f_.reset(0);
    }

    // Back to the state of a new reader under `opt`.
    void
    reset(response_options const& opt) noexcept
    {
        values_.restart(opt.now);
        max_head_ = opt.max_head_size;
        max_line_ = opt.max_line_size;
        f_.reset(0);
        state_ = state::status_line;
        head_ = 0;
        pending_ = field_id::other;
        pending_overflow_ = false;
        pending_len_ = 0;
    }

    // The options it reads under.
    response_options
    options() const noexcept
    {
        response_options o(values_.reference());
        o.max_head_size = max_head_;
        o.max_line_size = max_line_;
        return o;
    }

    // Parts of the state are written before they are read, not at
    // construction (a reader per response stays cheap), so a copy would
    // read unset bytes: readers are not copied.
    head_reader(head_reader const&) = delete;
    head_reader& operator=(head_reader const&) = delete;
    ~head_reader() = default;

    state
    current() const noexcept
    {
        return state_;
    }

    // The head-size rule, for the forms that have bytes: every byte of
    // every line counts, terminators, interim responses and empty lines
    // before a status line included, so that a server cannot stall a
    // reader with endless 1xx heads. The line forms check `room()` first
    // (what lies past it is an error of its own, found in byte order), then
    // count what they read: n <= room().
    void
    count(std::size_t n) noexcept
    {
        head_ += n;
    }

    /// Bytes of head still accepted.
    std::size_t
    room() const noexcept
    {
        return max_head_ - head_;
    }

    /// Bytes of head counted so far.
    std::size_t
    consumed() const noexcept
    {
        return head_;
    }

    // The line-length rule: a line's content (without its terminator), or
    // for field pairs `name ":" value`, of at most max_line bytes.
    std::size_t
    max_line() const noexcept
    {
        return max_line_;
    }

    /// True once a `101` ended the head: what follows is another protocol.
    bool
    switched() const noexcept
    {
        return state_ == state::complete && f_.status == 101;
    }

    /// Form 1: a status code without a status line.
    error
    start(int status) noexcept
    {
        if(status < 100 || status > 999)
            return error::response_status_code;
        begin_response(status);
        return error::success;
    }

    /// Form 1: one (name, value) pair, already unfolded by the caller's stack.
    error
    field(string_view name, string_view value) noexcept
    {
        if(!all_tchar(name.data(), name.size()))
            return error::response_field_line;
        char const* const e = value.data() + value.size();
        char const* const q = find_control(value.data(), e);
        if(name.size() + 1 + static_cast<std::size_t>(q - value.data()) > max_line_)
            return error::response_line_too_long;
        if(q != e)
            return error::response_control_character;
        f_.any_field = true;
        field_id const id = lookup_field(name.data(), name.size());
        if(id == field_id::other)
            return error::success;
        keep_value(id, trim_ows(value));
        return flush();
    }

    /// Forms 1 and 2: the end of the head.
    error
    end_of_head() noexcept
    {
        if(error const e = flush(); e != error::success)
            return e;
        // A 101 is final for this client, which never asks for an upgrade:
        // the bytes after it belong to another protocol (RFC 9110 section
        // 15.2.2) and are not read as HTTP.
        bool const final = f_.status >= 200 || f_.status == 101;
        state_ = final ? state::complete : state::status_line;
        return error::success;
    }

    /** Forms 2 and 3: one line, from `p` to `m.end` (its terminator not
        included), scanned by `scan_line`, which found no control byte but
        HTAB in it.
    */
    BOOST_FORCEINLINE error
    line(char const* p, line_marks const& m) noexcept
    {
        auto const n = static_cast<std::size_t>(m.end - p);
        switch(state_)
        {
        case state::status_line:
            if(n == 0)
                return error::success; // tolerate empty lines before a status line
            return status_line(p, n);
        case state::fields:
            if(n == 0)
                return end_of_head();
            if(is_ows(*p))
                return continuation(p, n);
            if(error const e = flush(); e != error::success)
                return e;
            return field_line(p, m);
        case state::complete:
            // A later status line starts a newer response (a proxy's
            // "200 Connection established", a redirect): the last final
            // response counts. Anything else (trailers) is ignored, and
            // everything after a 101.
            if(f_.status != 101 && n >= 5 && std::memcmp(p, "HTTP/", 5) == 0)
                return status_line(p, n);
            return error::success;
        }
        return error::success;
    }

    // A value waiting for a possible obs-fold is read where the caller's
    // line holds it; before that memory goes (the end of a chunk, a line
    // buffer reused) the caller calls `keep`, which copies it.
    void
    keep() noexcept
    {
        if(pending_ != field_id::other && !pending_overflow_ && pending_at_ != pending_value_)
        {
            std::memmove(pending_value_, pending_at_, pending_len_);
            pending_at_ = pending_value_;
        }
    }

    /// The response as read so far; meaningful once `complete`.
    response
    get() const noexcept
    {
        return values_.get(f_.status);
    }

    // What every reader's done() says: no error met (`ec`), and a final
    // response's head ended.
    bool
    done(boost::system::error_code const& ec) const noexcept
    {
        return !ec && state_ == state::complete;
    }

    // What every reader's get() says: the first error met (`ec`), or
    // response_incomplete before a final response's head ended, or the
    // response.
    result<response>
    get_or(boost::system::error_code const& ec) const noexcept
    {
        if(ec)
            return ec;
        if(state_ != state::complete)
            return error::response_incomplete; // a 1xx is not an answer
        return get();
    }

private:
    // Everything one response resets besides the tables; `reset` is the
    // one place that says the starting values (member by member: a
    // temporary and a copy cost more on the hot path).
    struct fields_t
    {
        int status;
        bool any_field;

        void
        reset(int s) noexcept
        {
            status = s;
            any_field = false;
        }
    };

    fields_t f_;
    head_values values_;
    state state_ = state::status_line;
    std::size_t max_head_;
    std::size_t max_line_;
    std::size_t head_ = 0; // bytes counted by `count`
    field_id pending_ = field_id::other;
    bool pending_overflow_ = false;
    std::size_t pending_len_ = 0;
    // The pending value: where the caller's line holds it, until `keep`
    // copies it into pending_value_ (read in place when the head comes whole).
    char const* pending_at_ = pending_value_;
    char pending_value_[max_value];

    void
    begin_response(int status) noexcept
    {
        f_.reset(status);
        values_.reset();
        pending_ = field_id::other;
        pending_len_ = 0;
        state_ = state::fields;
    }

    // status-line = HTTP-version SP status-code SP [ reason-phrase ]
    // HTTP-version = HTTP-name "/" DIGIT "." DIGIT   (RFC 9112 section 4)
    // Tolerated: "HTTP/2" and "HTTP/3" as libcurl reports them, and a
    // missing SP + reason ("HTTP/1.1 204").
    error
    status_line(char const* p, std::size_t n) noexcept
    {
        char const* const e = p + n;
        if(n < 5 || std::memcmp(p, "HTTP/", 5) != 0)
            return error::response_status_line;
        p += 5;
        if(p == e || !is_digit(static_cast<unsigned char>(*p)))
            return error::response_status_line;
        ++p;
        if(p != e && *p == '.')
        {
            ++p;
            if(p == e || !is_digit(static_cast<unsigned char>(*p)))
                return error::response_status_line;
            ++p;
        }
        if(e - p < 4 || *p != ' ')
            return error::response_status_line;
        ++p;
        int status = 0;
        for(int i = 0; i < 3; ++i, ++p)
        {
            if(!is_digit(static_cast<unsigned char>(*p)))
                return error::response_status_line;
            status = status * 10 + (*p - '0');
        }
        if(p != e && *p != ' ')
            return error::response_status_line;
        // reason-phrase = 1*( HTAB / SP / VCHAR / obs-text ): the caller
        // already refused every other byte.
        if(status < 100)
            return error::response_status_code;
        begin_response(status);
        return error::success;
    }

    // field-line = field-name ":" OWS field-value OWS   (RFC 9112 section 5)
    // field-name = token; no whitespace between the name and the colon.
    BOOST_FORCEINLINE error
    field_line(char const* p, line_marks const& m) noexcept
    {
        if(m.colon == m.end || m.colon == p)
            return error::response_field_line;
        auto const name_len = static_cast<std::size_t>(m.colon - p);
        field_id const id = lookup_field(p, name_len);
        // A name the lookup recognizes matched letters and '-' exactly
        // (case folded), so it is a token; only the others need checking.
        if(id == field_id::other && !name_is_token(p, name_len, m.end))
            return error::response_field_line;
        f_.any_field = true;
        if(id == field_id::other)
            return error::success;
        keep_value(id, trim_ows(string_view(m.colon + 1, static_cast<std::size_t>(m.end - m.colon - 1))));
        return error::success;
    }

    // The value-length rule, for every form: a value of a recognized field
    // is read when it is at most max_value bytes (obs-folds replaced by SP);
    // a longer one makes the field unreadable, as a malformed one does.
    void
    keep_value(field_id id, string_view v) noexcept
    {
        pending_ = id;
        pending_overflow_ = v.size() > max_value;
        pending_len_ = pending_overflow_ ? 0 : v.size();
        pending_at_ = v.data();
    }

    // obs-fold = OWS CRLF RWS: a recipient replaces it with SP
    // (RFC 9112 section 5.2).
    error
    continuation(char const* p, std::size_t n) noexcept
    {
        if(!f_.any_field)
            return error::response_field_line;
        if(pending_ == field_id::other || pending_overflow_)
            return error::success;
        string_view const v = trim_ows(string_view(p, n));
        if(v.empty())
            return error::success;
        if(pending_len_ + 1 + v.size() > max_value)
        {
            pending_overflow_ = true;
            return error::success;
        }
        keep();
        if(pending_len_ != 0)
            pending_value_[pending_len_++] = ' ';
        std::memcpy(pending_value_ + pending_len_, v.data(), v.size());
        pending_len_ += v.size();
        return error::success;
    }

    error
    flush() noexcept
    {
        if(pending_ == field_id::other)
            return error::success;
        field_id const id = pending_;
        pending_ = field_id::other;
        if(pending_overflow_)
        {
            if(id == field_id::content_length)
                return error::response_content_length;
            values_.poison(id);
            return error::success;
        }
        return values_.apply(id, string_view(pending_at_, pending_len_));
    }

};

} // namespace detail
} // namespace credentials
} // namespace thousandeyes

#endif
