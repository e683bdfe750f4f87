// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_DETAIL_HEAD_READER_HPP
#define THOUSANDEYES_CREDENTIALS_DETAIL_HEAD_READER_HPP

// The one place a response head is interpreted. The three public input
// forms (field pairs, header lines, raw bytes) only find lines or fields
// and hand them here, so they cannot disagree.

#include <thousandeyes/credentials/error.hpp>
#include <thousandeyes/credentials/http_date.hpp>
#include <thousandeyes/credentials/response.hpp>
#include <thousandeyes/credentials/response_options.hpp>
#include <thousandeyes/credentials/detail/numbers.hpp>
#include <thousandeyes/credentials/detail/structured_field.hpp>

#include <boost/config.hpp>

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace thousandeyes {
namespace credentials {
namespace detail {

// is_tchar as a table: field names are read a byte at a time.
struct tchar_table
{
    bool t[256] = {};
    constexpr tchar_table() noexcept
    {
        for(int c = 0; c < 256; ++c)
            t[c] = is_tchar(static_cast<unsigned char>(c));
    }
};
inline constexpr tchar_table tchars{};


// Control bytes a head line may not hold: CTL except HTAB (RFC 9110
// section 5.5: CR, LF and NUL never; other CTLs are not field-vchar).
inline bool
is_head_control(unsigned char c) noexcept
{
    return (c < 0x20 && c != '\t') || c == 0x7F;
}

// The first byte in [p, e) that is a CTL or DEL (HTAB included: the
// callers skip it), 16 bytes at a time with SSE2, else 8 with SWAR.
BOOST_FORCEINLINE char const*
find_ctl_or_tab(char const* p, char const* e) noexcept
{
#if defined(__SSE2__)
    __m128i const ctl_max = _mm_set1_epi8(0x1F);
    __m128i const del = _mm_set1_epi8(0x7F);
    while(e - p >= 16)
    {
        __m128i const x = _mm_loadu_si128(reinterpret_cast<__m128i const*>(p));
        __m128i const lt = _mm_cmpeq_epi8(_mm_min_epu8(x, ctl_max), x);
        __m128i const eq = _mm_cmpeq_epi8(x, del);
        int const m = _mm_movemask_epi8(_mm_or_si128(lt, eq));
        if(m)
            return p + __builtin_ctz(static_cast<unsigned>(m));
        p += 16;
    }
#endif
    while(e - p >= 8)
    {
        std::uint64_t x;
        std::memcpy(&x, p, 8);
        std::uint64_t const lt =
            (x - 0x2020202020202020ULL) & ~x & 0x8080808080808080ULL;
        std::uint64_t const y = x ^ 0x7F7F7F7F7F7F7F7FULL;
        std::uint64_t const eq =
            (y - 0x0101010101010101ULL) & ~y & 0x8080808080808080ULL;
        if(lt | eq)
            break;
        p += 8;
    }
    for(; p != e; ++p)
    {
        auto const c = static_cast<unsigned char>(*p);
        if(c < 0x20 || c == 0x7F)
            return p;
    }
    return e;
}

// The first byte in [p, e) a head line may not hold.
inline char const*
find_control(char const* p, char const* e) noexcept
{
    while(true)
    {
        p = find_ctl_or_tab(p, e);
        if(p == e || *p != '\t')
            return p;
        ++p;
    }
}

// The first ':' in [p, e), or e.
BOOST_FORCEINLINE char const*
find_colon(char const* p, char const* e) noexcept
{
#if defined(__SSE2__)
    __m128i const colon = _mm_set1_epi8(':');
    while(e - p >= 16)
    {
        int const m = _mm_movemask_epi8(_mm_cmpeq_epi8(
            _mm_loadu_si128(reinterpret_cast<__m128i const*>(p)), colon));
        if(m)
            return p + __builtin_ctz(static_cast<unsigned>(m));
        p += 16;
    }
#endif
    for(; p != e; ++p)
        if(*p == ':')
            return p;
    return e;
}

inline bool all_tchar(char const* p, std::size_t n) noexcept;

// field-name = token: the n bytes at p, in a line that ends at `limit` and
// holds no CTL but HTAB. Common names are letters, digits and '-'; with bit
// 0x20 set, letters fold to a-z and digits and '-' stay, and no CTL that
// would fold into those ranges (CR, 0x10-0x19) is in the line. Names with
// any other byte go to the exact table.
inline bool
name_is_token(char const* p, std::size_t n, char const* limit) noexcept
{
    if(n == 0)
        return false;
#if defined(__SSE2__)
    __m128i const fold = _mm_set1_epi8(0x20);
    while(limit - p >= 16)
    {
        __m128i const f = _mm_or_si128(
            _mm_loadu_si128(reinterpret_cast<__m128i const*>(p)), fold);
        __m128i const dash = _mm_cmpeq_epi8(f, _mm_set1_epi8('-'));
        __m128i const d = _mm_sub_epi8(f, _mm_set1_epi8('0'));
        __m128i const digit = _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d);
        __m128i const a = _mm_sub_epi8(f, _mm_set1_epi8('a'));
        __m128i const alpha = _mm_cmpeq_epi8(_mm_min_epu8(a, _mm_set1_epi8(25)), a);
        unsigned const good = static_cast<unsigned>(_mm_movemask_epi8(
            _mm_or_si128(_mm_or_si128(dash, digit), alpha)));
        unsigned const want = n >= 16 ? 0xFFFFu : (1u << n) - 1;
        if((good & want) != want)
            break;
        if(n <= 16)
            return true;
        p += 16;
        n -= 16;
    }
#else
    (void)limit;
#endif
    return all_tchar(p, n);
}

// 1*tchar, without a branch per byte.
inline bool
all_tchar(char const* p, std::size_t n) noexcept
{
    bool const* const t = tchars.t;
    unsigned ok = n != 0;
    std::size_t i = 0;
    for(; i + 4 <= n; i += 4)
        ok &= t[static_cast<unsigned char>(p[i])] & t[static_cast<unsigned char>(p[i + 1])] &
              t[static_cast<unsigned char>(p[i + 2])] & t[static_cast<unsigned char>(p[i + 3])];
    for(; i < n; ++i)
        ok &= t[static_cast<unsigned char>(p[i])];
    return ok != 0;
}

// The readers keep errors as `error` (0 = none) inside the hot loop and
// make an error_code only at the public boundary.
inline boost::system::error_code
to_code(error e) noexcept
{
    if(e == error::success)
        return {};
    return make_error_code(e);
}

enum class field_id : unsigned char
{
    other,
    date,
    retry_after,
    content_length,
    transfer_encoding,
    family_limit,     // + 3 * family
    family_remaining,
    family_reset,
    ratelimit = family_limit + 9,
    ratelimit_policy,
    ratelimit_limit,
    ratelimit_remaining,
    ratelimit_reset
};

inline constexpr field_id
family_field(int family, int kind) noexcept
{
    return static_cast<field_id>(static_cast<int>(field_id::family_limit) + 3 * family + kind);
}

// Only the fields the library reads are recognized; every other name is
// dismissed after a length switch and at most one comparison.
BOOST_FORCEINLINE field_id
lookup_field(char const* p, std::size_t n) noexcept
{
    switch(n)
    {
    case 4:
        if(name_equals(p, "date", 4)) return field_id::date;
        break;
    case 9:
        if(name_equals(p, "ratelimit", 9)) return field_id::ratelimit;
        break;
    case 11:
        if(name_equals(p, "retry-after", 11)) return field_id::retry_after;
        break;
    case 14:
        if(name_equals(p, "content-length", 14)) return field_id::content_length;
        break;
    case 15:
        if(name_equals(p, "ratelimit-limit", 15)) return field_id::ratelimit_limit;
        if(name_equals(p, "ratelimit-reset", 15)) return field_id::ratelimit_reset;
        break;
    case 16:
        if(name_equals(p, "ratelimit-policy", 16)) return field_id::ratelimit_policy;
        break;
    case 17:
        if(name_equals(p, "transfer-encoding", 17)) return field_id::transfer_encoding;
        break;
    case 19:
        if(name_equals(p, "ratelimit-remaining", 19)) return field_id::ratelimit_remaining;
        break;
    // X-Organization-Rate-Limit-*, X-Instant-Test-Rate-Limit-*,
    // X-Template-Deploy-Rate-Limit-*: one byte picks the candidate, one
    // comparison (four words) confirms it.
    case 31:
    {
        bool const org = (p[2] | 0x20) == 'o';
        bool const reset = (p[26] | 0x20) == 'r';
        char const* const want = org
            ? (reset ? "x-organization-rate-limit-reset" : "x-organization-rate-limit-limit")
            : (reset ? "x-instant-test-rate-limit-reset" : "x-instant-test-rate-limit-limit");
        if(name_equals(p, want, 31))
            return family_field(org ? 0 : 1, reset ? 2 : 0);
        break;
    }
    case 35:
    {
        bool const org = (p[2] | 0x20) == 'o';
        if(name_equals(p, org ? "x-organization-rate-limit-remaining"
                              : "x-instant-test-rate-limit-remaining", 35))
            return family_field(org ? 0 : 1, 1);
        break;
    }
    case 34:
    {
        bool const reset = (p[29] | 0x20) == 'r';
        if(name_equals(p, reset ? "x-template-deploy-rate-limit-reset"
                                : "x-template-deploy-rate-limit-limit", 34))
            return family_field(2, reset ? 2 : 0);
        break;
    }
    case 38:
        if(name_equals(p, "x-template-deploy-rate-limit-remaining", 38))
            return family_field(2, 1);
        break;
    default:
        break;
    }
    return field_id::other;
}

// Numbers read from fields that may repeat. Each is absent, set, or
// poisoned (a malformed value, or a repeat that disagreed); only a set,
// unpoisoned number is ever reported. Clearing is two stores.
class number_table
{
public:
    enum index : unsigned
    {
        family = 0, // 9: limit, remaining, reset of each X-*-Rate-Limit family
        date = 9,
        retry_delay,
        retry_date,
        content_length,
        rl_limit,
        rl_window,
        rl_remaining,
        rl_reset,
        count
    };

    void
    clear() noexcept
    {
        set_ = bad_ = 0;
    }

    void
    put(unsigned i, std::int64_t x) noexcept
    {
        std::uint32_t const b = 1u << i;
        if(!(set_ & b))
        {
            v_[i] = x;
            set_ |= b;
        }
        else if(v_[i] != x)
            bad_ |= b;
    }

    void
    poison(unsigned i) noexcept
    {
        bad_ |= 1u << i;
    }

    bool
    touched(unsigned i) const noexcept
    {
        return ((set_ | bad_) >> i) & 1u;
    }

    bool
    poisoned(unsigned i) const noexcept
    {
        return (bad_ >> i) & 1u;
    }

    std::optional<std::int64_t>
    get(unsigned i) const noexcept
    {
        if(((set_ & ~bad_) >> i) & 1u)
            return v_[i];
        return std::nullopt;
    }

private:
    std::int64_t v_[count]; // read only where set_ says so
    std::uint32_t set_ = 0;
    std::uint32_t bad_ = 0;
};

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
    static constexpr std::size_t max_name = 32;   // longest policy name kept
    static constexpr int max_policies = 4;

    explicit head_reader(response_options const& opt) noexcept
        : reference_(opt.now)
        , max_head_(opt.max_head_size)
        , max_line_(opt.max_line_size)
    {
        f_.reset(0);
    }

    // Parts of the state are written before they are read, not at
    // construction (a reader per response stays cheap), so a copy would
    // read unset bytes: readers are not copied.
    head_reader(head_reader const&) = delete;
    head_reader& operator=(head_reader const&) = delete;

    state
    current() const noexcept
    {
        return state_;
    }

    // The head-size rule, for the forms that have bytes: every byte of
    // every line counts, terminators, interim responses and empty lines
    // before a status line included, so that a server cannot stall a
    // reader with endless 1xx heads. Only the line forms call it.
    error
    count(std::size_t n) noexcept
    {
        if(n > room())
            return error::response_head_too_large;
        head_ += n;
        return error::success;
    }

    /// Bytes of head still accepted.
    std::size_t
    room() const noexcept
    {
        return max_head_ - head_;
    }

    /// Bytes of head counted so far.
    std::size_t
    head_size() const noexcept
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

    /** Forms 2 and 3: one line without its terminator. The caller has
        checked it holds no control byte but HTAB (`find_control`).
    */
    BOOST_FORCEINLINE error
    line(char const* p, std::size_t n) noexcept
    {
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
            return field_line(p, n);
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

    /// The response as read so far; meaningful once `complete`.
    response
    get() const noexcept
    {
        // draft-10 first, then draft-06 for what it left absent
        ietf_rate_limit ietf;
        if(f_.rl_st == 1)
        {
            ietf.remaining = f_.rl_r;
            if(f_.rl_t >= 0)
                ietf.reset = f_.rl_t;
            if(f_.policy_st == 1)
                for(int i = 0; i < f_.policies; ++i)
                {
                    auto const& pol = policy_[i];
                    if(pol.name_len == f_.rl_name_len &&
                       std::memcmp(pol.name, rl_name_, pol.name_len) == 0)
                    {
                        ietf.limit = pol.q;
                        if(pol.w >= 0)
                            ietf.window = pol.w;
                        break;
                    }
                }
        }
        if(!ietf.limit)
        {
            ietf.limit = num_.get(number_table::rl_limit);
            if(ietf.limit)
                ietf.window = num_.get(number_table::rl_window);
        }
        if(!ietf.remaining)
            ietf.remaining = num_.get(number_table::rl_remaining);
        if(!ietf.reset)
            ietf.reset = num_.get(number_table::rl_reset);

        // RFC 9112 section 6.3: 1xx, 204 and 304 have no body; then
        // Transfer-Encoding; then Content-Length; else until close.
        body_framing body = body_framing::until_close;
        std::uint64_t length = 0;
        if(f_.status < 200 || f_.status == 204 || f_.status == 304)
            body = body_framing::none;
        else if(f_.te_seen)
            body = f_.te_chunked ? body_framing::chunked : body_framing::until_close;
        else if(auto const cl = num_.get(number_table::content_length))
        {
            body = body_framing::content_length;
            length = static_cast<std::uint64_t>(*cl);
        }

        // Every member initialized once, in place (no zeroing first).
        auto family = [this](unsigned f) {
            unsigned const i = number_table::family + 3 * f;
            return rate_limit{num_.get(i), num_.get(i + 1), num_.get(i + 2)};
        };
        return response{
            f_.status,
            family(0),
            family(1),
            family(2),
            ietf,
            num_.get(number_table::date),
            num_.get(number_table::retry_delay),
            num_.get(number_table::retry_date),
            body,
            length};
    }

private:
    struct policy_entry
    {
        char name[max_name];
        std::size_t name_len;
        std::int64_t q;
        std::int64_t w;
    };

    // Everything one response resets; `reset` is the one place that says
    // the starting values (member by member: a temporary and a copy cost
    // more on the hot path).
    struct fields_t
    {
        int status;
        unsigned char rl_st;         // RateLimit (draft-10): 0, 1 set, 2 poisoned
        std::int64_t rl_r;
        std::int64_t rl_t;
        std::size_t rl_name_len;
        unsigned char policy_st;     // RateLimit-Policy: 0, 1 set, 2 poisoned
        int policies;
        bool te_seen;
        bool te_chunked;
        bool any_field;

        void
        reset(int s) noexcept
        {
            status = s;
            rl_st = 0;
            rl_r = 0;
            rl_t = -1;
            rl_name_len = 0;
            policy_st = 0;
            policies = 0;
            te_seen = te_chunked = any_field = false;
        }
    };

    fields_t f_;
    number_table num_;
    // Written before they are read, so not reset with each response.
    char rl_name_[max_name];
    policy_entry policy_[max_policies];
    state state_ = state::status_line;
    std::optional<std::int64_t> reference_;
    std::size_t max_head_;
    std::size_t max_line_;
    std::size_t head_ = 0; // bytes counted by `count`
    field_id pending_ = field_id::other;
    bool pending_overflow_ = false;
    std::size_t pending_len_ = 0;
    char pending_value_[max_value];

    void
    begin_response(int status) noexcept
    {
        f_.reset(status);
        num_.clear();
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
    // No whitespace is allowed between the name and the colon.
    BOOST_FORCEINLINE error
    field_line(char const* p, std::size_t n) noexcept
    {
        char const* const e = p + n;
        char const* const q = find_colon(p, e);
        if(q == e)
            return error::response_field_line;
        auto const name_len = static_cast<std::size_t>(q - p);
        // A name the lookup recognizes matched letters and '-' exactly
        // (case folded), so it is a token; only the others need checking.
        field_id const id = lookup_field(p, name_len);
        if(id == field_id::other && !name_is_token(p, name_len, e))
            return error::response_field_line;
        f_.any_field = true;
        if(id == field_id::other)
            return error::success;
        keep_value(id, trim_ows(string_view(q + 1, static_cast<std::size_t>(e - q - 1))));
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
        if(!pending_overflow_)
            std::memcpy(pending_value_, v.data(), v.size());
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
            poison(id);
            return error::success;
        }
        return apply(id, string_view(pending_value_, pending_len_));
    }

    void
    poison(field_id id) noexcept
    {
        switch(id)
        {
        case field_id::date: num_.poison(number_table::date); break;
        case field_id::retry_after:
            num_.poison(number_table::retry_delay);
            num_.poison(number_table::retry_date);
            break;
        case field_id::ratelimit: f_.rl_st = 2; break;
        case field_id::ratelimit_policy: f_.policy_st = 2; break;
        case field_id::ratelimit_limit: num_.poison(number_table::rl_limit); break;
        case field_id::ratelimit_remaining: num_.poison(number_table::rl_remaining); break;
        case field_id::ratelimit_reset: num_.poison(number_table::rl_reset); break;
        default:
            if(id >= field_id::family_limit && id < field_id::ratelimit)
                num_.poison(family_index(id));
            break;
        }
    }

    static unsigned
    family_index(field_id id) noexcept
    {
        return number_table::family +
               (static_cast<unsigned>(id) - static_cast<unsigned>(field_id::family_limit));
    }

    static void
    copy_name(string_view s, char* out, std::size_t& len) noexcept
    {
        len = s.size();
        std::memcpy(out, s.data(), s.size());
    }

    error
    apply(field_id id, string_view v) noexcept
    {
        std::int64_t n = 0;
        switch(id)
        {
        case field_id::other:
            return error::success;
        case field_id::date:
            if(auto t = parse_http_date(v, reference_))
                num_.put(number_table::date, *t);
            else
                num_.poison(number_table::date);
            return error::success;
        case field_id::retry_after:
            // Retry-After = HTTP-date / delay-seconds (RFC 9110 section 10.2.3)
            if(parse_decimal(v, n))
            {
                num_.put(number_table::retry_delay, n);
                if(num_.touched(number_table::retry_date))
                    poison(id);
            }
            else if(auto t = parse_http_date(v, reference_))
            {
                num_.put(number_table::retry_date, *t);
                if(num_.touched(number_table::retry_delay))
                    poison(id);
            }
            else
                poison(id);
            return error::success;
        case field_id::content_length:
            // Content-Length = 1*DIGIT; "42, 42" may be taken as 42
            // (RFC 9112 section 6.3): anything else is an error, because the
            // body's length is then unknown.
            if(!parse_decimal_list(v, n))
                return error::response_content_length;
            num_.put(number_table::content_length, n);
            if(num_.poisoned(number_table::content_length))
                return error::response_content_length;
            return error::success;
        case field_id::transfer_encoding:
        {
            // the final coding decides (RFC 9112 section 6.3)
            f_.te_seen = true;
            std::size_t const comma = v.rfind(',');
            string_view const last = trim_ows(comma == string_view::npos ? v : slice(v, comma + 1));
            f_.te_chunked = last.size() == 7 && name_equals(last.data(), "chunked", 7);
            return error::success;
        }
        case field_id::ratelimit:
            apply_ratelimit(v);
            return error::success;
        case field_id::ratelimit_policy:
            apply_policy(v);
            return error::success;
        case field_id::ratelimit_limit:
        {
            // draft-06: RateLimit-Limit = sf-list; the first member is the
            // limit, later ones are quota policies ("10, 10;w=1").
            bool first = true;
            std::int64_t limit = -1, window = -1;
            bool const parsed = sf_parser(v).list([&](sf_item const& it) {
                if(first && it.kind == sf_item::integer)
                    limit = it.integer_value;
                if(it.kind == sf_item::integer && it.integer_value == limit &&
                   it.w >= 0 && window < 0)
                    window = it.w;
                first = false;
            });
            if(!parsed || limit < 0)
                num_.poison(number_table::rl_limit);
            else
            {
                num_.put(number_table::rl_limit, limit);
                if(window >= 0)
                    num_.put(number_table::rl_window, window);
            }
            return error::success;
        }
        case field_id::ratelimit_remaining:
        case field_id::ratelimit_reset:
        {
            unsigned const i = id == field_id::ratelimit_remaining
                ? number_table::rl_remaining : number_table::rl_reset;
            if(parse_decimal_list(v, n))
                num_.put(i, n);
            else
                num_.poison(i);
            return error::success;
        }
        default:
            // X-<Family>-Rate-Limit-Limit / -Remaining / -Reset = 1*DIGIT
            if(id >= field_id::family_limit && id < field_id::ratelimit)
            {
                if(parse_decimal_list(v, n))
                    num_.put(family_index(id), n);
                else
                    num_.poison(family_index(id));
            }
            return error::success;
        }
    }

    // draft-10: RateLimit = sf-list of "name";r=R[;t=T]; r is required.
    // The member with the fewest remaining (then the latest reset) counts.
    void
    apply_ratelimit(string_view v) noexcept
    {
        if(f_.rl_st == 2)
            return;
        bool valid = true;
        fields_t& f = f_;
        bool const parsed = sf_parser(v).list([&](sf_item const& it) {
            if(it.r < 0 || (it.kind != sf_item::string && it.kind != sf_item::token) ||
               it.text.size() > max_name)
            {
                valid = false;
                return;
            }
            if(f.rl_st == 0 || it.r < f.rl_r || (it.r == f.rl_r && it.t > f.rl_t))
            {
                f.rl_st = 1;
                f.rl_r = it.r;
                f.rl_t = it.t;
                copy_name(it.text, rl_name_, f.rl_name_len);
            }
        });
        if(!parsed || !valid)
            f_.rl_st = 2;
    }

    // draft-10: RateLimit-Policy = sf-list of "name";q=Q[;w=W]; q is required.
    void
    apply_policy(string_view v) noexcept
    {
        if(f_.policy_st == 2)
            return;
        bool valid = true;
        fields_t& f = f_;
        bool const parsed = sf_parser(v).list([&](sf_item const& it) {
            if(it.q < 0 || (it.kind != sf_item::string && it.kind != sf_item::token))
            {
                valid = false;
                return;
            }
            f.policy_st = 1;
            // Policies whose name is too long, or beyond the fourth, are not
            // kept: the limit is then absent, not guessed.
            if(it.text.size() > max_name || f.policies == max_policies)
                return;
            auto& pol = policy_[f.policies++];
            copy_name(it.text, pol.name, pol.name_len);
            pol.q = it.q;
            pol.w = it.w;
        });
        if(!parsed || !valid)
            f_.policy_st = 2;
    }
};

} // namespace detail
} // namespace credentials
} // namespace thousandeyes

#endif
