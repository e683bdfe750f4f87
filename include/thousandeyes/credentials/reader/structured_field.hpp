// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_READER_STRUCTURED_FIELD_HPP
#define THOUSANDEYES_CREDENTIALS_READER_STRUCTURED_FIELD_HPP

// Just enough of RFC 8941 (Structured Field Values) to read the IETF
// RateLimit fields: a List of Items with Parameters. Inner lists and
// anything malformed fail the whole field, which the caller then ignores
// ("Malformed RateLimit fields MUST be ignored").

#include <thousandeyes/credentials/detail/charsets.hpp>

#include <cstdint>

namespace thousandeyes {
namespace credentials {
namespace detail {

struct sf_item
{
    enum kind_t : unsigned char { integer, string, token, other };
    kind_t kind = other;
    std::int64_t integer_value = 0;
    string_view text; // a string's raw content (escapes kept) or a token

    // The parameters the RateLimit drafts define with Integer values;
    // -1 means absent or not a non-negative Integer.
    std::int64_t q = -1; // quota             (draft-10 RateLimit-Policy)
    std::int64_t w = -1; // window, seconds   (draft-10 policy, draft-06 limit)
    std::int64_t r = -1; // remaining         (draft-10 RateLimit)
    std::int64_t t = -1; // reset, seconds    (draft-10 RateLimit)
};

class sf_parser
{
    char const* p_;
    char const* e_;

    bool
    at(char c) const noexcept
    {
        return p_ != e_ && *p_ == c;
    }

    void
    skip_sp() noexcept
    {
        while(p_ != e_ && *p_ == ' ')
            ++p_;
    }

    void
    skip_ows() noexcept
    {
        while(p_ != e_ && (*p_ == ' ' || *p_ == '\t'))
            ++p_;
    }

    static bool
    is_lcalpha(char c) noexcept
    {
        return c >= 'a' && c <= 'z';
    }

    // sf-integer = ["-"] 1*15DIGIT
    // sf-decimal = ["-"] 1*12DIGIT "." 1*3DIGIT
    bool
    number(sf_item& it) noexcept
    {
        bool const neg = at('-');
        if(neg)
            ++p_;
        std::int64_t v = 0;
        int n = 0;
        while(p_ != e_ && is_digit(static_cast<unsigned char>(*p_)))
        {
            if(++n > 15)
                return false;
            v = v * 10 + (*p_ - '0');
            ++p_;
        }
        if(n == 0)
            return false;
        if(at('.'))
        {
            ++p_;
            if(n > 12)
                return false;
            int f = 0;
            while(p_ != e_ && is_digit(static_cast<unsigned char>(*p_)))
            {
                if(++f > 3)
                    return false;
                ++p_;
            }
            if(f == 0)
                return false;
            it.kind = sf_item::other;
            return true;
        }
        it.kind = sf_item::integer;
        it.integer_value = neg ? -v : v;
        return true;
    }

    // bare-item = sf-integer / sf-decimal / sf-string / sf-token
    //           / sf-binary / sf-boolean
    // (clang-tidy: RFC 8941's six bare-item rules, one branch each)
    bool
    bare_item(sf_item& it) noexcept // NOLINT(readability-function-cognitive-complexity)
    {
        if(p_ == e_)
            return false;
        char const c = *p_;
        if(c == '-' || is_digit(static_cast<unsigned char>(c)))
            return number(it);
        if(c == '"')
        {
            // sf-string = DQUOTE *chr DQUOTE
            // chr = unescaped / escaped ; escaped = "\" ( DQUOTE / "\" )
            char const* const b = ++p_;
            while(p_ != e_ && *p_ != '"')
            {
                auto const u = static_cast<unsigned char>(*p_);
                if(u < 0x20 || u > 0x7E)
                    return false;
                if(*p_ == '\\')
                {
                    ++p_;
                    if(p_ == e_ || (*p_ != '"' && *p_ != '\\'))
                        return false;
                }
                ++p_;
            }
            if(p_ == e_)
                return false;
            it.kind = sf_item::string;
            it.text = string_view(b, static_cast<std::size_t>(p_ - b));
            ++p_;
            return true;
        }
        if(c == '*' || is_alpha(static_cast<unsigned char>(c)))
        {
            // sf-token = ( ALPHA / "*" ) *( tchar / ":" / "/" )
            char const* const b = p_++;
            while(p_ != e_ && (is_tchar(static_cast<unsigned char>(*p_)) || *p_ == ':' || *p_ == '/'))
                ++p_;
            it.kind = sf_item::token;
            it.text = string_view(b, static_cast<std::size_t>(p_ - b));
            return true;
        }
        if(c == '?')
        {
            // sf-boolean = "?" boolean
            ++p_;
            if(!at('0') && !at('1'))
                return false;
            ++p_;
            it.kind = sf_item::other;
            return true;
        }
        if(c == ':')
        {
            // sf-binary = ":" *(base64) ":"
            ++p_;
            while(p_ != e_ && *p_ != ':')
            {
                auto const u = static_cast<unsigned char>(*p_);
                if(!is_alpha(u) && !is_digit(u) && u != '+' && u != '/' && u != '=')
                    return false;
                ++p_;
            }
            if(p_ == e_)
                return false;
            ++p_;
            it.kind = sf_item::other;
            return true;
        }
        return false;
    }

    // parameters = *( ";" *SP parameter )
    // parameter  = param-key [ "=" param-value ]
    // key        = ( lcalpha / "*" ) *( lcalpha / DIGIT / "_" / "-" / "." / "*" )
    bool
    parameters(sf_item& it) noexcept
    {
        while(at(';'))
        {
            ++p_;
            skip_sp();
            char const* const k = p_;
            if(p_ == e_ || (!is_lcalpha(*p_) && *p_ != '*'))
                return false;
            ++p_;
            while(p_ != e_ && (is_lcalpha(*p_) || is_digit(static_cast<unsigned char>(*p_)) ||
                               *p_ == '_' || *p_ == '-' || *p_ == '.' || *p_ == '*'))
                ++p_;
            string_view const key(k, static_cast<std::size_t>(p_ - k));
            std::int64_t v = -1;
            if(at('='))
            {
                ++p_;
                sf_item value;
                if(!bare_item(value))
                    return false;
                if(value.kind == sf_item::integer && value.integer_value >= 0)
                    v = value.integer_value;
            }
            // a later duplicate key overrides an earlier one (RFC 8941 3.1.2)
            if(key == "q") it.q = v;
            else if(key == "w") it.w = v;
            else if(key == "r") it.r = v;
            else if(key == "t") it.t = v;
        }
        return true;
    }

public:
    explicit sf_parser(string_view s) noexcept
        : p_(s.data()), e_(s.data() + s.size())
    {
    }

    // sf-list = list-member *( OWS "," OWS list-member )
    // Calls f(item) for each member; false if the field is malformed.
    template<class F>
    bool
    list(F&& f) noexcept
    {
        skip_sp();
        if(p_ == e_)
            return false; // an empty list is "not present"
        while(true)
        {
            sf_item it;
            if(at('('))
                return false; // inner-list: not a RateLimit member
            if(!bare_item(it) || !parameters(it))
                return false;
            f(it);
            skip_ows();
            if(p_ == e_)
                return true;
            if(!at(','))
                return false;
            ++p_;
            skip_ows();
            if(p_ == e_)
                return false; // trailing comma
        }
    }
};

} // namespace detail
} // namespace credentials
} // namespace thousandeyes

#endif
