// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_CHECKER_TARGET_RULES_HPP
#define THOUSANDEYES_CREDENTIALS_CHECKER_TARGET_RULES_HPP

// The request-target of a credential deletion, judged: its form, the path
// of the endpoint under the caller's base prefix, the ids and the query.

#include <thousandeyes/credentials/checker/findings.hpp>
#include <thousandeyes/credentials/ids.hpp>
#include <thousandeyes/credentials/detail/charsets.hpp>
#include <thousandeyes/credentials/detail/text.hpp>

namespace thousandeyes {
namespace credentials {
namespace detail {

// What the rest of the head is judged against.
struct target_facts
{
    int version = 0;     // 6 or 7 from the path; 0 when it named neither
    char suffix = 0;     // v6 path suffix: 'j' .json, 'x' .xml, 0 none
    char format = 0;     // v6 format=: 'j', 'x', '?' another value, 0 none
    bool absolute = false;
};

// pchar = unreserved / pct-encoded / sub-delims / ":" / "@", and "/" and
// "?" in the query (RFC 3986 section 3.3 and 3.4). Returns the length of a
// valid character at `s[i]` (3 for a percent-escape), 0 for none.
inline std::size_t
target_char(string_view s, std::size_t i) noexcept
{
    auto const c = static_cast<unsigned char>(s[i]);
    if(is_alpha(c) || is_digit(c))
        return 1;
    switch(c)
    {
    case '-': case '.': case '_': case '~':                      // unreserved
    case '!': case '$': case '&': case '\'': case '(': case ')': // sub-delims
    case '*': case '+': case ',': case ';': case '=':
    case ':': case '@': case '/': case '?':
        return 1;
    case '%':
        return i + 2 < s.size() && is_hexdig(static_cast<unsigned char>(s[i + 1])) &&
                       is_hexdig(static_cast<unsigned char>(s[i + 2]))
                   ? 3
                   : 0;
    default:
        return 0;
    }
}

inline bool
starts_with_nocase(string_view s, string_view lower) noexcept
{
    if(s.size() < lower.size())
        return false;
    for(std::size_t i = 0; i < lower.size(); ++i)
        if((static_cast<unsigned char>(s[i]) | 0x20) != static_cast<unsigned char>(lower[i]))
            return false;
    return true;
}

class target_judge
{
    finding_list& out_;
    std::size_t at_; // offset of the target in the head

public:
    target_judge(finding_list& out, std::size_t at) noexcept : out_(out), at_(at) {}

    // The path of the target, its query after '?', judged; `base` is ""
    // or "/prefix", `expect_id` "" or the credential id expected.
    target_facts
    judge(string_view t, string_view base, int expect_version, string_view expect_id) noexcept
    {
        target_facts f;
        for(std::size_t i = 0; i < t.size();)
        {
            std::size_t const n = target_char(t, i);
            if(n == 0) // '#', a space, a control or non-ASCII byte, a bad escape
                return out_.add(check_rule::target_form, at_ + i, 1), f;
            i += n;
        }
        std::size_t path_at = 0;
        // absolute-form = absolute-URI (RFC 9112 section 3.2.2)
        if(starts_with_nocase(t, "http://") || starts_with_nocase(t, "https://"))
        {
            f.absolute = true;
            out_.add(check_rule::absolute_form, at_, t.size());
            std::size_t const auth = t.find("//") + 2;
            path_at = t.find('/', auth);
            if(path_at == string_view::npos)
                return out_.add(check_rule::target_path, at_, t.size()), f;
        }
        else if(t.empty() || t[0] != '/') // origin-form = absolute-path [ "?" query ]
            return out_.add(check_rule::target_form, at_, t.size()), f;
        std::size_t const q = t.find('?', path_at);
        string_view const path = slice(t, path_at, q - path_at);
        path_judge(f, path, at_ + path_at, base, expect_version, expect_id);
        if(q != string_view::npos)
            query_judge(f, slice(t, q + 1), at_ + q + 1);
        return f;
    }

private:
    void
    path_judge(target_facts& f, string_view path, std::size_t at, string_view base,
               int expect_version, string_view expect_id) noexcept
    {
        std::size_t const all = path.size();
        if(!base.empty())
        {
            if(slice(path, 0, base.size()) != base || slice(path, base.size(), 1) != "/")
                return out_.add(check_rule::target_path, at, all);
            path = slice(path, base.size());
            at += base.size();
        }
        std::size_t const whole = path.size();
        if(slice(path, 0, 16) == "/v6/credentials/")
            f.version = 6;
        else if(slice(path, 0, 16) == "/v7/credentials/")
            f.version = 7;
        else
            return out_.add(check_rule::target_path, at, whole);
        if(expect_version && expect_version != f.version)
            out_.add(check_rule::api_version, at, 3);
        string_view rest = slice(path, 16);
        std::size_t const slash = rest.find('/');
        string_view const id = slice(rest, 0, slash);
        string_view const tail = slash == string_view::npos ? string_view() : slice(rest, slash);
        if(f.version == 6)
        {
            if(tail == "/delete.json")
                f.suffix = 'j';
            else if(tail == "/delete.xml")
                f.suffix = 'x';
            else if(tail != "/delete")
                return out_.add(check_rule::target_path, at, whole);
        }
        else if(!tail.empty())
            return out_.add(check_rule::target_path, at, whole);
        if(!parse_id(id, credential_id_errors))
            return out_.add(check_rule::credential_id, at + 16, id.size());
        if(!expect_id.empty() && id != expect_id)
            out_.add(check_rule::expected_id, at + 16, id.size());
    }

    // query = *( pchar / "/" / "?" ) (RFC 3986 section 3.4), read as
    // '&'-separated name=value pairs; empty items are skipped.
    void
    query_judge(target_facts& f, string_view query, std::size_t at) noexcept
    {
        bool aid = false;
        std::size_t i = 0;
        while(i <= query.size())
        {
            std::size_t amp = query.find('&', i);
            if(amp == string_view::npos)
                amp = query.size();
            string_view const item = slice(query, i, amp - i);
            std::size_t const item_at = at + i;
            i = amp + 1;
            if(item.empty())
                continue;
            std::size_t const eq = item.find('=');
            string_view const name = slice(item, 0, eq);
            string_view const value = eq == string_view::npos ? string_view() : slice(item, eq + 1);
            if(name == "aid")
            {
                if(aid)
                    out_.add(check_rule::query_repeated, item_at, item.size());
                else if(!parse_id(value, aid_errors))
                    out_.add(check_rule::aid, item_at, item.size());
                aid = true;
            }
            else if(name == "format" && f.version == 6)
            {
                if(f.format)
                    out_.add(check_rule::query_repeated, item_at, item.size());
                else if(value == "json" || value == "xml")
                    f.format = value[0] == 'j' ? 'j' : 'x';
                else
                    out_.add(check_rule::format_value, item_at, item.size());
                if(!f.format)
                    f.format = '?';
            }
            else
                out_.add(check_rule::query_unknown, item_at, item.size());
        }
    }
};

} // namespace detail
} // namespace credentials
} // namespace thousandeyes

#endif
