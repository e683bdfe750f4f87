// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_ERROR_MESSAGE_HPP
#define THOUSANDEYES_CREDENTIALS_ERROR_MESSAGE_HPP

#include <thousandeyes/credentials/string_view.hpp>

// The error message of a response body. Kept apart from the core because
// it brings Boost.JSON: a program that does not include this header does
// not pull it in. Compiled parts: link libboost_json, or include
// <thousandeyes/credentials/json_src.hpp> in one translation unit.

#include <thousandeyes/credentials/detail/charsets.hpp>

#include <boost/json/basic_parser_impl.hpp>

#include <cstdint>
#include <cstring>
#include <optional>

namespace thousandeyes {
namespace credentials {


/** The message an error body carries, in any of the API's shapes:

    - v6: `{"errorMessage": "..."}`
    - v7 problem details (RFC 7807): `{"title", "detail", "status", ...}`
    - v7 401: `{"error": "...", "error_description": "..."}`
    - the generic error body: `{"timestamp": ..., "errors": ["..."], "path": ...}`
    - v7 validation errors: `{"errors": [{"code", "field", "message"}, ...]}`

    Of `errors`, the messages (strings, or the `message` of objects) are
    joined with "; ", up to `max_member` bytes in all.

    Only members of the top-level object count. Each is kept up to
    `max_member` bytes, cut at a UTF-8 character boundary (`truncated`).
    Anything that is not valid JSON (invalid UTF-8 included), nested
    deeper than 32, or longer than `max_body` gives no message. No heap:
    Boost.JSON's SAX parser (`basic_parser`) reads the body in place and
    only the members above are copied, into this object.
*/
class error_message // NOLINT(cppcoreguidelines-pro-type-member-init): slot_, text_, key_ are read only up to their lengths
{
public:
    /// Bytes kept of each member (cut at a UTF-8 boundary; see `truncated()`).
    static constexpr std::size_t max_member = 256;
    /// The longest body read; a longer one gives an empty message.
    static constexpr std::size_t max_body = std::size_t{64} * 1024;

    /// The members read (scoped: `member::error` names no namespace or type).
    enum class member : unsigned char
    {
        error_message,     ///< "errorMessage"
        title,             ///< "title"
        detail,            ///< "detail"
        error,             ///< "error"
        error_description, ///< "error_description"
        errors             ///< "errors": the messages, joined
    };
    /// How many `member` values there are.
    static constexpr std::size_t member_count = 6;

    /// Reads `body`; never fails (so not `parse`): a body without a message gives an empty one.
    static error_message
    read(string_view body) noexcept
    {
        error_message m;
        if(body.size() > max_body)
            return m;
        boost::json::parse_options opt; // max_depth 32, strict JSON
        boost::json::basic_parser<handler> p(opt, m);
        boost::json::error_code ec;
        std::size_t const n = p.write_some(false, body.data(), body.size(), ec);
        if(ec || n != body.size())
            return error_message{}; // nothing from a body that is not JSON
        m.compose();
        return m;
    }

    /// The message: errorMessage; else "title: detail"; else
    /// "error: error_description" (either part alone when the other is
    /// missing); else the `errors` messages. Empty when the body has none.
    string_view
    text() const noexcept
    {
        return {text_, text_len_};
    }

    /// One member as read (empty when absent).
    string_view
    get(member m) const noexcept
    {
        return {slot_[idx(m)], len_[idx(m)]};
    }

    /// A problem-details `status` member, when it is an integer.
    std::optional<std::int64_t>
    status() const noexcept
    {
        return status_;
    }

    /// Some member was longer than `max_member` and was cut.
    bool
    truncated() const noexcept
    {
        return truncated_;
    }

private:
    static constexpr int
    idx(member m) noexcept
    {
        return static_cast<int>(m);
    }

    // cppcheck-suppress uninitMemberVarPrivate ; read only up to len_
    char slot_[member_count][max_member];
    std::size_t len_[member_count] = {};
    bool full_[member_count] = {};
    // cppcheck-suppress uninitMemberVarPrivate ; read only up to text_len_
    char text_[2 * max_member + 2];
    std::size_t text_len_ = 0;
    std::optional<std::int64_t> status_;
    bool truncated_ = false;

    // parser state
    int depth_ = 0;
    int target_ = -1;      // member whose value comes next, or -1
    bool status_next_ = false;
    // cppcheck-suppress uninitMemberVarPrivate ; read only up to key_len_
    char key_[24];
    std::size_t key_len_ = 0;
    bool key_long_ = false;
    bool errors_next_ = false;   // the value of a top-level "errors" comes next
    bool in_errors_ = false;     // inside that array
    int errors_depth_ = 0;       // the array's depth
    bool sep_pending_ = false;   // "; " before the next errors message

    // One message of `errors` begins: a string element, or a "message".
    void
    start_errors_item() noexcept
    {
        target_ = idx(member::errors);
        sep_pending_ = len_[idx(member::errors)] != 0;
    }

    bool
    errors_element() const noexcept
    {
        return in_errors_ && depth_ == errors_depth_;
    }

    void
    append(int m, string_view s) noexcept
    {
        if(full_[m])
            return;
        if(m == idx(member::errors) && sep_pending_)
        {
            sep_pending_ = false;
            append(m, "; ");
            if(full_[m])
                return;
        }
        std::size_t const room = max_member - len_[m];
        std::size_t n = s.size();
        if(n > room)
        {
            truncated_ = true;
            full_[m] = true;
            n = room;
            // never cut inside a UTF-8 sequence: back off to a lead byte
            while(n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80)
                --n;
        }
        std::memcpy(slot_[m] + len_[m], s.data(), n);
        len_[m] += n;
    }

    void
    put(string_view s) noexcept
    {
        std::memcpy(text_ + text_len_, s.data(), s.size());
        text_len_ += s.size();
    }

    void
    pair(member a, member b) noexcept
    {
        put(get(a));
        if(!get(a).empty() && !get(b).empty())
            put(": ");
        put(get(b));
    }

    void
    compose() noexcept
    {
        if(len_[idx(member::error_message)])
            put(get(member::error_message));
        else if(len_[idx(member::title)] || len_[idx(member::detail)])
            pair(member::title, member::detail);
        else if(len_[idx(member::error)] || len_[idx(member::error_description)])
            pair(member::error, member::error_description);
        else
            put(get(member::errors));
    }

    void
    key_done() noexcept
    {
        target_ = -1;
        status_next_ = false;
        errors_next_ = false;
        if(key_long_)
            return;
        if(in_errors_ && depth_ == errors_depth_ + 1 && string_view(key_, key_len_) == "message")
            return start_errors_item();
        if(depth_ != 1)
            return;
        string_view const k(key_, key_len_);
        if(k == "errorMessage") target_ = idx(member::error_message);
        else if(k == "title") target_ = idx(member::title);
        else if(k == "detail") target_ = idx(member::detail);
        else if(k == "error") target_ = idx(member::error);
        else if(k == "error_description") target_ = idx(member::error_description);
        else if(k == "status") status_next_ = true;
        else if(k == "errors") errors_next_ = true;
        if(target_ >= 0)
        {
            // a repeated member: the last one counts
            len_[target_] = 0;
            full_[target_] = false;
        }
    }

    // Boost.JSON's SAX handler: its signatures are fixed, unused parameters
    // included. NOLINTBEGIN(readability-named-parameter,readability-convert-member-functions-to-static)
    struct handler
    {
        using ec_t = boost::json::error_code;
        using sv_t = boost::json::string_view;
        static constexpr std::size_t max_object_size = std::size_t(-1);
        static constexpr std::size_t max_array_size = std::size_t(-1);
        static constexpr std::size_t max_key_size = std::size_t(-1);
        static constexpr std::size_t max_string_size = std::size_t(-1);

        error_message& m;

        explicit handler(error_message& msg) noexcept : m(msg) {}

        void
        value_seen() noexcept
        {
            m.target_ = -1;
            m.status_next_ = false;
            m.errors_next_ = false;
        }

        bool on_document_begin(ec_t&) { return true; }
        bool on_document_end(ec_t&) { return true; }
        bool on_object_begin(ec_t&) { value_seen(); ++m.depth_; return true; }
        bool on_object_end(std::size_t, ec_t&) { --m.depth_; return true; }

        bool
        on_array_begin(ec_t&)
        {
            bool const is_errors = m.errors_next_;
            value_seen();
            ++m.depth_;
            if(is_errors)
            {
                // a repeated member: the last one counts
                m.in_errors_ = true;
                m.errors_depth_ = m.depth_;
                m.len_[idx(member::errors)] = 0;
                m.full_[idx(member::errors)] = false;
            }
            return true;
        }

        bool
        on_array_end(std::size_t, ec_t&)
        {
            if(m.errors_element())
                m.in_errors_ = false;
            --m.depth_;
            return true;
        }

        bool
        on_key_part(sv_t s, std::size_t, ec_t&)
        {
            if(m.key_len_ + s.size() > sizeof(m.key_))
                m.key_long_ = true;
            else
            {
                std::memcpy(m.key_ + m.key_len_, s.data(), s.size());
                m.key_len_ += s.size();
            }
            return true;
        }

        bool
        on_key(sv_t s, std::size_t n, ec_t& ec)
        {
            on_key_part(s, n, ec);
            m.key_done();
            m.key_len_ = 0;
            m.key_long_ = false;
            return true;
        }

        bool
        on_string_part(sv_t s, std::size_t, ec_t&)
        {
            if(m.target_ < 0 && m.errors_element())
                m.start_errors_item();
            if(m.target_ >= 0)
                m.append(m.target_, string_view(s.data(), s.size()));
            return true;
        }

        bool
        on_string(sv_t s, std::size_t n, ec_t& ec)
        {
            on_string_part(s, n, ec);
            value_seen();
            return true;
        }

        bool on_number_part(sv_t, ec_t&) { return true; }

        bool
        on_int64(std::int64_t v, sv_t, ec_t&)
        {
            if(m.status_next_)
                m.status_ = v;
            value_seen();
            return true;
        }

        bool
        on_uint64(std::uint64_t, sv_t, ec_t&)
        {
            value_seen();
            return true;
        }

        bool on_double(double, sv_t, ec_t&) { value_seen(); return true; }
        bool on_bool(bool, ec_t&) { value_seen(); return true; }
        bool on_null(ec_t&) { value_seen(); return true; }
        bool on_comment_part(sv_t, ec_t&) { return true; }
        bool on_comment(sv_t, ec_t&) { return true; }
    };
    // NOLINTEND(readability-named-parameter,readability-convert-member-functions-to-static)
};

} // namespace credentials
} // namespace thousandeyes

#endif
