// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#ifndef THOUSANDEYES_CREDENTIALS_CHECKER_HEAD_JUDGE_HPP
#define THOUSANDEYES_CREDENTIALS_CHECKER_HEAD_JUDGE_HPP

// The one place a request head is judged: the request line's parts, each
// field, and what the head as a whole lacks. Both input forms (bytes, and
// a request view) find these parts and hand them here, so they agree.

#include <thousandeyes/credentials/api_version.hpp>
#include <thousandeyes/credentials/checker/findings.hpp>
#include <thousandeyes/credentials/checker/target_rules.hpp>
#include <thousandeyes/credentials/checker/value_rules.hpp>
#include <thousandeyes/credentials/reader/line_scan.hpp>
#include <thousandeyes/credentials/detail/numbers.hpp>

#include <cstdint>
#include <optional>

namespace thousandeyes {
namespace credentials {

/** What a request is expected to be; every part optional. The views must
    outlive the checker that holds them.
*/
struct check_expectations
{
    /// The API version expected; none takes the version the path names.
    std::optional<credentials::api_version> api;
    /// The base URL's path prefix, "" or "/prefix" without a trailing '/'.
    string_view base_path;
    /// The authority expected in Host, "host[:port]"; empty accepts any.
    string_view host;
    /// The credential id expected in the path; empty accepts any.
    string_view credential_id;
};

namespace detail {

class head_judge
{
    // the fields a credential deletion is judged by, and their names as
    // findings give them
    enum known : unsigned char
    {
        k_host, k_authorization, k_content_length, k_transfer_encoding, k_expect,
        k_accept, k_content_type, k_user_agent, k_count, k_other = k_count
    };
    static constexpr string_view names[k_count] = {
        "Host", "Authorization", "Content-Length", "Transfer-Encoding",
        "Expect", "Accept", "Content-Type", "User-Agent"};

    finding_list& out_;
    check_expectations x_;
    target_facts t_;
    bool post_ = false;
    unsigned seen_[k_count] = {};
    std::int64_t length_ = -1; // Content-Length; -1 none, -2 invalid
    accept_verdict accept_;
    int version_; // the expected version as the path spells it: 6, 7, or 0 for any

    static int
    number(check_expectations const& x) noexcept
    {
        return !x.api ? 0 : *x.api == api_version::v7 ? 7 : 6;
    }

    static known
    lookup(string_view name) noexcept
    {
        for(unsigned k = 0; k < k_count; ++k)
            if(equals_nocase(name, names[k]))
                return static_cast<known>(k);
        return k_other;
    }

public:
    head_judge(finding_list& out, check_expectations const& x) noexcept
        : out_(out), x_(x), version_(number(x))
    {
    }

    void
    reset(check_expectations const& x) noexcept
    {
        x_ = x;
        version_ = number(x);
        t_ = {};
        post_ = false;
        for(unsigned& n : seen_)
            // cppcheck-suppress useStlAlgorithm ; a plain loop keeps <algorithm> out of the headers
            n = 0;
        length_ = -1;
        accept_ = {};
    }

    // request-line = method SP request-target SP HTTP-version  (RFC 9112 section 3)
    void
    request_line(string_view line, std::size_t at) noexcept
    {
        std::size_t const sp1 = line.find(' ');
        std::size_t const sp2 = sp1 == string_view::npos ? sp1 : line.find(' ', sp1 + 1);
        if(sp2 == string_view::npos || line.find(' ', sp2 + 1) != string_view::npos)
            return out_.add(check_rule::request_line, at, line.size());
        start(slice(line, 0, sp1), slice(line, sp1 + 1, sp2 - sp1 - 1), slice(line, sp2 + 1),
              at);
    }

    // The three parts; the target starts at at + method.size() + 1.
    void
    start(string_view method, string_view target, string_view version, std::size_t at) noexcept
    {
        if(method.empty() || !all_tchar(method.data(), method.size()) || target.empty())
            return out_.add(check_rule::request_line, at,
                            method.size() + target.size() + version.size() + 2);
        std::size_t const v_at = at + method.size() + target.size() + 2;
        // HTTP-version = HTTP-name "/" DIGIT "." DIGIT     (RFC 9112 section 2.3)
        if(version.size() != 8 || slice(version, 0, 5) != "HTTP/" ||
           !is_digit(static_cast<unsigned char>(version[5])) || version[6] != '.' ||
           !is_digit(static_cast<unsigned char>(version[7])))
            return out_.add(check_rule::request_line, v_at, version.size());
        if(version != "HTTP/1.1")
            out_.add(check_rule::http_version, v_at, version.size());
        t_ = target_judge(out_, at + method.size() + 1)
                 .judge(target, x_.base_path, version_, x_.credential_id);
        int const v = t_.version ? t_.version : version_;
        // methods are case-sensitive (RFC 9110 section 9.1)
        post_ = method == "POST";
        if((v == 6 && !post_) || (v == 7 && method != "DELETE"))
            out_.add(check_rule::method, at, method.size());
    }

    // One field: `value` without its OWS, at `v_at`; the name at `n_at`.
    void
    field(string_view name, std::size_t n_at, string_view value, std::size_t v_at) noexcept
    {
        known const k = lookup(name);
        if(k == k_other)
            return;
        unsigned const n = ++seen_[k];
        switch(k)
        {
        case k_host:
            if(n > 1)
                return out_.add(check_rule::host_repeated, n_at, name.size());
            if(!is_host_value(value))
                return out_.add(check_rule::host_invalid, v_at, value.size());
            if(!x_.host.empty() && !same_authority(value, x_.host))
                out_.add(check_rule::host_mismatch, v_at, value.size());
            return;
        case k_authorization:
            if(n > 1)
                return out_.add(check_rule::authorization_repeated, n_at, name.size());
            return judge_authorization(value, v_at);
        case k_content_length:
            return content_length(value, n_at, v_at, n);
        case k_transfer_encoding:
            return out_.add(check_rule::transfer_encoding, n_at, name.size());
        case k_expect:
            return out_.add(check_rule::expect, n_at, name.size());
        case k_accept: // a list field: its lines add up (RFC 9110 section 5.3)
            return judge_accept(value, accept_);
        case k_content_type:
            if(n > 1)
                return out_.add(check_rule::duplicate_field, n_at, name.size(), names[k]);
            // media-type = type "/" subtype parameters: the type without case
            if(t_.version == 6 &&
               !equals_nocase(trim_ows(slice(value, 0, value.find(';'))), "application/json"))
                out_.add(check_rule::content_type, v_at, value.size());
            return;
        default: // User-Agent
            if(n > 1)
                out_.add(check_rule::duplicate_field, n_at, name.size(), names[k]);
            return;
        }
    }

    // The end of the head, at `at`: what it lacks, and how Accept and the
    // path suffix agree.
    void
    end(std::size_t at) noexcept
    {
        if(!seen_[k_host])
            out_.add(check_rule::host_missing, at, 0);
        if(!seen_[k_authorization])
            out_.add(check_rule::authorization_missing, at, 0);
        if(!seen_[k_user_agent])
            out_.add(check_rule::user_agent_missing, at, 0);
        bool const te = seen_[k_transfer_encoding] != 0;
        if(t_.version == 6 && post_ && length_ == -1 && !te)
            out_.add(check_rule::content_length_missing, at, 0);
        if(t_.version == 7 && length_ == 0)
            out_.add(check_rule::content_length_on_delete, at, 0);
        if(t_.version == 6 && !seen_[k_content_type])
            out_.add(check_rule::content_type_missing, at, 0);
        formats(at);
    }

    // Bytes of body the head frames: -1 when it cannot tell
    // (Transfer-Encoding, or an invalid Content-Length).
    std::int64_t
    body_length() const noexcept
    {
        if(seen_[k_transfer_encoding] || length_ == -2)
            return -1;
        return length_ < 0 ? 0 : length_;
    }

private:
    void
    formats(std::size_t at) noexcept
    {
        bool const accept = accept_.any; // an empty Accept is read as none
        if(t_.version == 7)
        {
            if(accept && !accept_.json && !accept_.problem)
                out_.add(check_rule::accept, at, 0);
            return;
        }
        if(t_.version != 6)
            return;
        // the format each source asks for: 'j', 'x', or 0 for either
        char const by_accept = !accept || (accept_.json && accept_.xml) ? '\0'
                               : accept_.json                            ? 'j'
                               : accept_.xml                             ? 'x'
                                                                         : '-';
        char const by_format = t_.format == '?' ? '\0' : t_.format;
        if(by_accept == '-' && !t_.suffix && !by_format)
            return out_.add(check_rule::accept, at, 0);
        char const chosen = t_.suffix ? t_.suffix : by_accept ? by_accept : by_format;
        bool const conflict = (by_accept && by_accept != chosen) ||
                              (by_format && by_format != chosen);
        if(conflict)
            out_.add(check_rule::format_conflict, at, 0);
    }

    void
    judge_authorization(string_view value, std::size_t at) noexcept
    {
        // credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
        // (RFC 9110 section 11.4); the scheme is case-insensitive
        std::size_t const sp = value.find(' ');
        string_view const scheme = slice(value, 0, sp);
        string_view const rest = sp == string_view::npos ? string_view() : trim_ows(slice(value, sp));
        bool const redacted = rest == "<redacted>" || value == "<redacted>";
        bool const basic = equals_nocase(scheme, "Basic");
        bool const bearer = equals_nocase(scheme, "Bearer");
        if(redacted)
            out_.add(check_rule::credentials_not_shown, at, value.size());
        int const v = t_.version ? t_.version : version_;
        if(value == "<redacted>")
            return;
        if((!basic && !bearer) || (basic && v == 7))
            return out_.add(check_rule::authorization_scheme, at, scheme.size());
        if(redacted)
            return;
        std::size_t const c_at = at + (value.size() - rest.size());
        if(bearer)
        {
            if(!is_b64token(rest))
                out_.add(check_rule::bearer_token, c_at, rest.size());
            return;
        }
        basic_verdict const b = judge_basic(rest);
        if(!b.valid)
            out_.add(check_rule::basic_credentials, c_at, rest.size());
        else if(!b.email)
            out_.add(check_rule::basic_user, c_at, rest.size());
    }

    // Content-Length = 1*DIGIT (RFC 9110 section 8.6); repeated lines must
    // agree (RFC 9112 section 6.3).
    void
    content_length(string_view value, std::size_t n_at, std::size_t v_at, unsigned n) noexcept
    {
        std::int64_t v = 0;
        if(length_ == -2)
            return;
        if(!parse_decimal(value, v))
        {
            length_ = -2;
            return out_.add(check_rule::content_length, v_at, value.size());
        }
        if(n > 1)
        {
            if(v != length_)
            {
                length_ = -2;
                return out_.add(check_rule::content_length, v_at, value.size());
            }
            return out_.add(check_rule::duplicate_field, n_at, 14,
                            names[k_content_length]);
        }
        length_ = v;
        if(v > 0)
            out_.add(check_rule::request_body, v_at, value.size());
    }
};

} // namespace detail
} // namespace credentials
} // namespace thousandeyes

#endif
