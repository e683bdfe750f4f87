// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_DETAIL_SINK_HPP
#define THOUSANDEYES_CREDENTIALS_DETAIL_SINK_HPP

#include <thousandeyes/credentials/detail/charsets.hpp>
#include <thousandeyes/credentials/detail/text.hpp>

#include <cstring>

namespace thousandeyes {
namespace credentials {
namespace detail {

// Every output is written twice by the same code: once into a counting_sink
// to learn the size, then, when it fits, into a buffer_sink. So the size
// reported and the bytes written cannot disagree, and a buffer that is too
// small is never half written.

class counting_sink
{
    std::size_t n_ = 0;

public:
    void put(string_view s) noexcept { n_ += s.size(); }
    void put(char /*c*/) noexcept { ++n_; }
    std::size_t size() const noexcept { return n_; }
};

// Writes without bounds checks: only used after a counting pass.
class buffer_sink
{
    char* p_;
    char* const begin_;

public:
    explicit buffer_sink(char* p) noexcept : p_(p), begin_(p) {}

    void
    put(string_view s) noexcept
    {
        if(s.empty()) // an empty view may hold no pointer: memcpy must not see it
            return;
        std::memcpy(p_, s.data(), s.size());
        p_ += s.size();
    }

    void put(char c) noexcept { *p_++ = c; }

    std::size_t size() const noexcept { return static_cast<std::size_t>(p_ - begin_); }
};

// Inside POSIX shell single quotes everything is literal except "'",
// which is written '\'' (close, escaped quote, reopen).
template<class Sink>
class shell_quote_sink
{
    Sink& out_;

public:
    explicit shell_quote_sink(Sink& out) noexcept : out_(out) {}

    void
    put(char c)
    {
        if(c == '\'')
            out_.put("'\\''");
        else
            out_.put(c);
    }

    void
    put(string_view s)
    {
        for(;;)
        {
            auto const q = s.find('\'');
            out_.put(slice(s, 0, q));
            if(q == string_view::npos)
                return;
            out_.put("'\\''");
            s.remove_prefix(q + 1);
        }
    }
};

// Shows bytes unambiguously for a human: printable ASCII as is, '\' as "\\",
// CR, LF and TAB as "\r", "\n", "\t" (LF then also ends the shown line), any
// other byte as "\xHH".
template<class Sink>
class escape_sink
{
    Sink& out_;

public:
    explicit escape_sink(Sink& out) noexcept : out_(out) {}

    void
    put(char ch)
    {
        auto const c = static_cast<unsigned char>(ch);
        switch(c)
        {
        case '\\': out_.put("\\\\"); return;
        case '\r': out_.put("\\r"); return;
        case '\n': out_.put("\\n\n"); return;
        case '\t': out_.put("\\t"); return;
        default: break;
        }
        if(c >= 0x20 && c < 0x7F)
            return out_.put(ch);
        static constexpr char hex[] = "0123456789ABCDEF";
        char const esc[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]};
        out_.put(string_view(esc, 4));
    }

    void
    put(string_view s)
    {
        for(char c : s)
            put(c);
    }
};

} // namespace detail
} // namespace credentials
} // namespace thousandeyes

#endif
