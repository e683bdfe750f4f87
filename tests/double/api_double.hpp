// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The API double's answers: what te-api-double (te_api_double.cpp) says to
// each request it has read, and what it records. No sockets here: the
// server and the fuzz target (tests/fuzz/fuzz_double.cpp) share this code.
//
// Its answers never share code with the library it tests: it reads
// requests with Boost.Beast, not with this library. The one exception is
// asked for: each recorded request carries the findings of the library's
// request checker (data beside the answer), and with --strict a request the
// checker finds an error in is answered 400 with those findings, so that an
// integration test against the double fails with the reason. Behaviour the
// documentation leaves open is marked "double's choice".
#ifndef TE_API_DOUBLE_HPP
#define TE_API_DOUBLE_HPP

#include <thousandeyes/credentials/request_checker.hpp>

#include <boost/beast/core/detail/base64.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <deque>
#include <memory>
#include <set>
#include <string>

namespace te_double {

namespace beast = boost::beast;
namespace http = beast::http;
using string_view = beast::string_view;

inline bool
parse_u64(string_view s, std::uint64_t& out)
{
    if(s.empty() || s.size() > 19)
        return false;
    std::uint64_t v = 0;
    for(char c : s)
    {
        if(c < '0' || c > '9')
            return false;
        v = v * 10 + static_cast<std::uint64_t>(c - '0');
    }
    out = v;
    return true;
}

// "405,1000-1499" into `out`.
inline bool
parse_id_list(string_view s, std::set<std::uint64_t>& out)
{
    while(!s.empty())
    {
        auto const comma = s.find(',');
        string_view item = s.substr(0, comma);
        s = comma == string_view::npos ? string_view() : s.substr(comma + 1);
        auto const dash = item.find('-');
        std::uint64_t lo = 0, hi = 0;
        if(!parse_u64(item.substr(0, dash), lo))
            return false;
        hi = lo;
        if(dash != string_view::npos && !parse_u64(item.substr(dash + 1), hi))
            return false;
        if(hi < lo || hi - lo > 10000000)
            return false;
        for(std::uint64_t v = lo; v <= hi; ++v)
            out.insert(v);
    }
    return true;
}

enum class fault_kind
{
    none, status_429, status_500, status_502, status_504, status_503, drop_before, drop_after,
    status_500_after, malformed, body_cut, body_bad_chunks, body_endless
};

struct fault
{
    fault_kind kind;
    long retry_after = -1; // 503:SECONDS
    std::string name;
};

struct config
{
    unsigned short port = 0;
    char const* port_file = nullptr;
    char const* listen = "127.0.0.1"; // IPv4; another address only inside a test's own network namespace
    char const* record = nullptr;
    std::set<std::uint64_t> ids;
    std::set<std::uint64_t> account_groups; // empty: any aid
    std::string basic_user, basic_token, bearer_token;
    std::string tls_cert, tls_key; // both, or neither (plain HTTP)
    long rate_limit = 240;
    long window_seconds = 60;
    long lockout_after = 0;    // 0: no lockout
    long lockout_seconds = 3600;
    long idle_timeout_seconds = 30;
    long max_connections = 256;           // beyond it the longest idle one is closed
    std::size_t record_limit = 1000;      // requests kept for /_double/requests
    std::size_t record_bytes = 16u << 20; // ... and their bytes at most
    bool strict = false;                  // 400 to a request the checker finds an error in
    std::deque<fault> faults;
};

inline std::string
json_string(string_view s)
{
    std::string out = "\"";
    for(char ch : s)
    {
        auto const c = static_cast<unsigned char>(ch);
        if(c == '"' || c == '\\')
            out += '\\', out += ch;
        else if(c < 0x20 || c >= 0x7f)
        {
            char u[8];
            std::snprintf(u, sizeof(u), "\\u%04x", c);
            out += u;
        }
        else
            out += ch;
    }
    return out + "\"";
}

inline std::string
http_date(std::time_t t)
{
    // IMF-fixdate (RFC 9110 section 5.6.7), written by hand: no locale.
    static char const* const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static char const* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::tm tm{};
    gmtime_r(&t, &tm);
    char b[40];
    std::snprintf(b, sizeof(b), "%s, %02d %s %04d %02d:%02d:%02d GMT", days[tm.tm_wday],
                  tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                  tm.tm_sec);
    return b;
}

using request_t = http::request<http::string_body>;
using response_t = http::response<http::string_body>;

// What to do with one request.
struct reply
{
    response_t res;
    bool drop = false;       // close the connection instead of answering
    std::string raw;         // bytes to send instead of a response, then close
    bool endless = false;    // after `raw`, chunks until the client goes away
    fault_kind body_fault = fault_kind::none; // what becomes of the usual answer's body
    std::string fault;       // the fault applied, for the record
};

// The head of `res` as bytes, for the faults that send it by hand.
inline std::string
head_bytes(response_t const& res)
{
    std::string h = "HTTP/1.1 " + std::to_string(res.result_int()) + " " +
                    std::string(res.reason()) + "\r\n";
    for(auto const& f : res)
        h += std::string(f.name_string()) + ": " + std::string(f.value()) + "\r\n";
    return h + "\r\n";
}

// The usual answer, its body broken as `fault` says; the connection is
// closed after it.
inline void
break_body(reply& r)
{
    response_t& res = r.res;
    std::string const body = res.body();
    res.erase(http::field::content_length);
    switch(r.body_fault)
    {
    case fault_kind::body_cut: // a length the body never reaches
        res.set(http::field::content_length, std::to_string(body.size() + 100));
        r.raw = head_bytes(res) + body;
        break;
    case fault_kind::body_bad_chunks: // a chunk-size that is not hex
        res.set(http::field::transfer_encoding, "chunked");
        r.raw = head_bytes(res) + "zz\r\n" + body + "\r\n0\r\n\r\n";
        break;
    default: // body_endless
        res.set(http::field::transfer_encoding, "chunked");
        r.raw = head_bytes(res);
        r.endless = true;
        break;
    }
    r.drop = true;
}

/// The double's state: the credentials present, the rate-limit window, the
/// faults to come and the record of requests.
class api_double
{
    config cfg_;
    std::FILE* record_ = nullptr;
    // The last API requests, oldest first, bounded by count and bytes; the
    // oldest are dropped (and counted) to make room.
    std::deque<std::string> records_;
    std::size_t record_bytes_ = 0;
    std::uint64_t seq_ = 0;
    std::uint64_t dropped_ = 0;
    // The organization's window (rate limits page): it starts with the first
    // request and rolls over window_seconds later. Whole seconds, so that the
    // Reset header is exact.
    std::int64_t window_end_ = 0;
    long used_ = 0;
    std::deque<std::int64_t> failed_auth_; // times of 401s in the last hour
    std::int64_t locked_until_ = 0;

    static std::int64_t
    now()
    {
        return std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    }

    void
    put_rate_limit(response_t& res, long remaining, std::int64_t reset)
    {
        res.set("X-Organization-Rate-Limit-Limit", std::to_string(cfg_.rate_limit));
        res.set("X-Organization-Rate-Limit-Remaining", std::to_string(remaining));
        res.set("X-Organization-Rate-Limit-Reset", std::to_string(reset));
    }

    // An error body: v6 {"errorMessage"} (XML for .xml), v7 problem details.
    static void
    error_body(response_t& res, bool v7, bool xml, string_view target, string_view message)
    {
        if(v7 && res.result_int() == 401)
        {
            res.set(http::field::content_type, "application/json");
            res.body() = "{\"error\":\"invalid_token\",\"error_description\":" +
                         json_string(message) + "}";
        }
        else if(v7)
        {
            res.set(http::field::content_type, "application/problem+json");
            res.body() = "{\"type\":\"about:blank\",\"title\":" +
                         json_string(std::string(res.reason())) +
                         ",\"status\":" + std::to_string(res.result_int()) +
                         ",\"detail\":" + json_string(message) +
                         ",\"instance\":" + json_string(target) + "}";
        }
        else if(xml)
        {
            res.set(http::field::content_type, "text/xml;charset=UTF-8");
            res.body() = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><error><errorMessage>" +
                         std::string(message) + "</errorMessage></error>";
        }
        else
        {
            res.set(http::field::content_type, "application/json;charset=UTF-8");
            res.body() = "{\"errorMessage\":" + json_string(message) + "}";
        }
    }

    bool
    authenticated(request_t const& req, bool v7) const
    {
        string_view const v = req[http::field::authorization];
        if(v.starts_with("Bearer ") && !cfg_.bearer_token.empty())
            return v.substr(7) == cfg_.bearer_token;
        // Basic is not accepted by v7 (OAuth bearer tokens only).
        if(v.starts_with("Basic ") && !v7 && !cfg_.basic_user.empty())
        {
            std::string const expected = cfg_.basic_user + ":" + cfg_.basic_token;
            std::string enc(beast::detail::base64::encoded_size(expected.size()), '\0');
            enc.resize(beast::detail::base64::encode(&enc[0], expected.data(), expected.size()));
            return v.substr(6) == enc;
        }
        return false;
    }

    reply
    route(request_t const& req, std::int64_t t)
    {
        reply r;
        response_t& res = r.res;
        res.version(11);
        res.keep_alive(req.keep_alive());
        res.set(http::field::date, http_date(static_cast<std::time_t>(t)));
        res.set(http::field::cache_control, "no-store");
        string_view const target = req.target();
        auto const q = target.find('?');
        string_view path = target.substr(0, q);
        string_view query = q == string_view::npos ? string_view() : target.substr(q + 1);
        bool const v6 = path.starts_with("/v6/");
        bool const v7 = path.starts_with("/v7/");
        bool const xml = v6 && path.ends_with(".xml");

        auto fail = [&](http::status s, string_view message) -> reply& {
            res.result(s);
            error_body(res, v7, xml, path, message);
            return r;
        };

        // Double's choice, off unless --lockout-after is given: after that
        // many failed authentications in an hour the account is locked for
        // --lockout-seconds. The docs give no threshold; their only words are
        // "401: invalid credentials provided or account is locked".
        if(t < locked_until_)
            return fail(http::status::unauthorized, "Account is locked");

        bool fail_after = false;
        if(!cfg_.faults.empty() && (v6 || v7))
        {
            fault const f = cfg_.faults.front();
            cfg_.faults.pop_front();
            r.fault = f.name;
            switch(f.kind)
            {
            case fault_kind::none:
                r.fault.clear();
                break; // this request is answered as usual
            case fault_kind::drop_before:
                r.drop = true;
                return r;
            case fault_kind::malformed:
                // A field name with a space (RFC 9112 section 5.1 asks for a
                // 400 from a server; a strict client refuses it), then close.
                r.drop = true;
                r.raw = "HTTP/1.1 204 No Content\r\nBad Name: 1\r\n\r\n";
                return r;
            case fault_kind::status_429:
                // As if the quota ran out one second before the window resets.
                put_rate_limit(res, 0, t + 1);
                return fail(http::status::too_many_requests, "Rate limit exceeded");
            case fault_kind::status_500:
                return fail(http::status::internal_server_error, "Internal server error");
            case fault_kind::status_502:
                return fail(http::status::bad_gateway, "Bad gateway");
            case fault_kind::status_504:
                return fail(http::status::gateway_timeout, "Gateway timeout");
            case fault_kind::status_503:
                if(f.retry_after >= 0)
                    res.set(http::field::retry_after, std::to_string(f.retry_after));
                return fail(http::status::service_unavailable, "The API is in maintenance mode");
            case fault_kind::drop_after:
                r.drop = true; // carried out below; the answer is lost
                break;
            case fault_kind::status_500_after:
                fail_after = true; // carried out below; the answer is a 500
                break;
            case fault_kind::body_cut:
            case fault_kind::body_bad_chunks:
            case fault_kind::body_endless:
                r.body_fault = f.kind; // answered as usual, its body broken
                break;
            }
        }

        if(!v6 && !v7)
            return fail(http::status::not_found, "No such endpoint");

        if(!authenticated(req, v7))
        {
            failed_auth_.push_back(t);
            while(!failed_auth_.empty() && failed_auth_.front() <= t - 3600)
                failed_auth_.pop_front();
            if(cfg_.lockout_after > 0 && static_cast<long>(failed_auth_.size()) >= cfg_.lockout_after)
                locked_until_ = t + cfg_.lockout_seconds;
            bool const basic_on_v7 =
                v7 && string_view(req[http::field::authorization]).starts_with("Basic ");
            return fail(http::status::unauthorized,
                        basic_on_v7 ? "Basic authentication is not accepted; use a bearer token"
                                    : "Invalid credentials");
        }

        // The organization's rate limit counts every authenticated request.
        if(t >= window_end_)
        {
            window_end_ = t + cfg_.window_seconds;
            used_ = 0;
        }
        ++used_;
        long const remaining = used_ <= cfg_.rate_limit ? cfg_.rate_limit - used_ : 0;
        put_rate_limit(res, remaining, window_end_);
        if(used_ > cfg_.rate_limit)
            return fail(http::status::too_many_requests, "Rate limit exceeded");

        // The path: /v6/credentials/{id}/delete[.json|.xml], /v7/credentials/{id}
        string_view rest = path.substr(4);
        if(!rest.starts_with("credentials/"))
            return fail(http::status::not_found, "No such endpoint");
        rest.remove_prefix(12);
        auto const slash = rest.find('/');
        string_view const id_text = rest.substr(0, slash);
        string_view const tail = slash == string_view::npos ? string_view() : rest.substr(slash);
        if(v6 && tail != "/delete" && tail != "/delete.json" && tail != "/delete.xml")
            return fail(http::status::not_found, "No such endpoint");
        if(v7 && slash != string_view::npos)
            return fail(http::status::not_found, "No such endpoint");
        if(req.method() != (v6 ? http::verb::post : http::verb::delete_))
            return fail(http::status::method_not_allowed,
                        v6 ? "Use POST for this endpoint" : "Use DELETE for this endpoint");

        // The query: aid, and (v6) format; anything else is ignored.
        string_view aid_text;
        string_view format;
        bool has_aid = false;
        bool two_aids = false;
        while(!query.empty())
        {
            auto const amp = query.find('&');
            string_view const item = query.substr(0, amp);
            query = amp == string_view::npos ? string_view() : query.substr(amp + 1);
            if(item.starts_with("aid="))
            {
                two_aids = has_aid;
                has_aid = true;
                aid_text = item.substr(4);
            }
            else if(item.starts_with("format="))
                format = item.substr(7);
        }

        // v6 format: the suffix wins, then Accept, then format= (v6 "Request
        // and response formats"); none matching is 406. v7 speaks JSON.
        if(v6 && tail == "/delete")
        {
            string_view const accept = req[http::field::accept];
            bool const ok = accept.empty() || accept.find("application/json") != string_view::npos ||
                            accept.find("text/xml") != string_view::npos ||
                            accept.find("application/xml") != string_view::npos ||
                            accept.find("*/*") != string_view::npos ||
                            format == "json" || format == "xml";
            if(!ok)
                return fail(http::status::not_acceptable, "Use Accept: application/json or text/xml");
        }

        // The body "must be provided, but should be empty". Double's choice:
        // a body that is not empty is 400; POST data of another type is 415.
        if(v6)
        {
            string_view const type = req[http::field::content_type];
            if(!type.empty() && !type.starts_with("application/json"))
                return fail(http::status::unsupported_media_type,
                            "The request body must be application/json");
        }
        if(!req.body().empty())
            return fail(http::status::bad_request, "The request body must be empty");

        // aid: an invalid one is 400, a group the user is not in is 403
        // (v6 "Account context").
        std::uint64_t aid = 0;
        if(two_aids || (has_aid && (!parse_u64(aid_text, aid) || aid == 0)))
            return fail(http::status::bad_request, "Invalid aid");
        if(has_aid && !cfg_.account_groups.empty() && !cfg_.account_groups.count(aid))
            return fail(http::status::forbidden, "You are not assigned to this account group");

        std::uint64_t id = 0;
        if(!parse_u64(id_text, id) || !cfg_.ids.count(id))
            return fail(http::status::not_found, "Credential not found");
        cfg_.ids.erase(id);
        if(fail_after)
            return fail(http::status::internal_server_error, "Internal server error");
        res.result(http::status::no_content);
        // The seed response's Content-Type, and no body.
        res.set(http::field::content_type, "application/json;charset=UTF-8");
        return r;
    }

    // The scheme of a credential, when it is one of the registered ones
    // (IANA's HTTP Authentication Scheme Registry, and NTLM): a client may
    // send anything, and the word before the first space may be the secret.
    static string_view
    known_scheme(string_view v)
    {
        static char const* const schemes[] = {"Basic",  "Bearer",    "Digest",      "HOBA",
                                              "Mutual", "Negotiate", "NTLM",        "OAuth",
                                              "vapid",  "SCRAM-SHA-1", "SCRAM-SHA-256"};
        string_view const word = v.substr(0, v.find(' '));
        for(char const* s : schemes)
            if(word.size() < v.size() && beast::iequals(word, s))
                return word;
        return {};
    }

    // An Authorization value as the CLI's review shows it: the scheme, then
    // the marker; never the credentials, right or wrong.
    static std::string
    redacted(string_view v)
    {
        string_view const scheme = known_scheme(v);
        return scheme.empty() ? "<redacted>" : std::string(scheme) + " <redacted>";
    }

    // The path of a target, in origin form or in the absolute form a client
    // sends to a proxy ("http://host/v6/..."): what tells an API request.
    static string_view
    api_path(string_view target)
    {
        auto const scheme = target.find("://");
        if(scheme == string_view::npos || target.starts_with("/"))
            return target;
        auto const slash = target.find('/', scheme + 3);
        return slash == string_view::npos ? string_view() : target.substr(slash);
    }

    static bool
    is_secret_field(string_view name)
    {
        return beast::iequals(name, "Authorization") || beast::iequals(name, "Proxy-Authorization");
    }

    // The request checker's findings, judging the request as Beast read it
    // (a request view: method, target, fields in order).
    static void
    check(request_t const& req, thousandeyes::credentials::request_checker& c)
    {
        c.start(req.method_string(), req.target());
        for(auto const& f : req)
            c.field(f.name_string(), f.value());
        c.finish();
    }

    // Findings as a JSON array: static text of the checker's rules and
    // offsets, never a byte of the request.
    static std::string
    findings_json(thousandeyes::credentials::finding_list const& found)
    {
        namespace tc = thousandeyes::credentials;
        std::string out = "[";
        for(tc::finding const& f : found)
        {
            tc::rule_info const& r = tc::info(f.rule);
            out += (out.size() > 1 ? ",{\"rule\":" : "{\"rule\":") + json_string(r.id) +
                   ",\"severity\":" + json_string(tc::to_string(f.severity())) +
                   ",\"offset\":" + std::to_string(f.offset) +
                   ",\"length\":" + std::to_string(f.length) +
                   ",\"field\":" + json_string(f.field) +
                   ",\"message\":" + json_string(r.message) + "}";
        }
        return out + "]";
    }

    // --strict: a request with an error is answered 400, the findings in the
    // body (beside the version's error message members).
    reply
    refuse(request_t const& req, thousandeyes::credentials::finding_list const& found, bool v7)
    {
        namespace tc = thousandeyes::credentials;
        reply r;
        r.res.version(11);
        r.res.keep_alive(req.keep_alive());
        r.res.result(http::status::bad_request);
        r.res.set(http::field::date, http_date(static_cast<std::time_t>(now())));
        std::string ids;
        for(tc::finding const& f : found)
            if(f.severity() == tc::check_severity::error)
                ids += (ids.empty() ? "" : ", ") + std::string(tc::info(f.rule).id);
        std::string const message = "The request breaks the checker's rules: " + ids;
        r.res.set(http::field::content_type, v7 ? "application/problem+json" : "application/json");
        r.res.body() = (v7 ? "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                             "\"detail\":" + json_string(message)
                           : "{\"errorMessage\":" + json_string(message)) +
                       ",\"findings\":" + findings_json(found) + "}";
        return r;
    }

    // One API request as a JSON line: the credentials redacted (their scheme,
    // their length and whether they were accepted stay), a body cut to 1 KiB.
    std::string
    record_line(request_t const& req, reply const& r, bool accepted, std::string const& findings)
    {
        std::string line = "{\"seq\":" + std::to_string(seq_) +
                           ",\"method\":" + json_string(req.method_string()) +
                           ",\"target\":" + json_string(req.target()) +
                           ",\"version\":\"" + std::to_string(req.version() / 10) + "." +
                           std::to_string(req.version() % 10) + "\",\"headers\":[";
        bool first = true;
        std::string auth = "null";
        for(auto const& f : req)
        {
            line += first ? "[" : ",[";
            first = false;
            bool const secret = is_secret_field(f.name_string());
            line += json_string(f.name_string()) + "," +
                    json_string(secret ? redacted(f.value()) : std::string(f.value())) + "]";
            if(secret && auth == "null" && beast::iequals(f.name_string(), "Authorization"))
                auth = "{\"scheme\":" +
                       (known_scheme(f.value()).empty() ? std::string("null")
                                                        : json_string(known_scheme(f.value()))) +
                       ",\"bytes\":" + std::to_string(f.value().size()) +
                       ",\"accepted\":" + (accepted ? "true" : "false") + "}";
        }
        string_view const body = req.body();
        line += "],\"authorization\":" + auth + ",\"body\":" +
                json_string(body.substr(0, 1024)) + ",\"body_bytes\":" +
                std::to_string(body.size()) + ",\"status\":" +
                (r.drop ? std::string("null") : std::to_string(r.res.result_int())) +
                ",\"fault\":" + (r.fault.empty() ? std::string("null") : json_string(r.fault)) +
                ",\"findings\":" + findings + "}";
        return line;
    }

    void
    record(request_t const& req, reply const& r, bool accepted, std::string const& findings)
    {
        ++seq_;
        std::string line = record_line(req, r, accepted, findings);
        if(record_)
        {
            std::fprintf(record_, "%s\n", line.c_str());
            std::fflush(record_);
        }
        record_bytes_ += line.size();
        records_.push_back(std::move(line));
        while(records_.size() > cfg_.record_limit ||
              (records_.size() > 1 && record_bytes_ > cfg_.record_bytes))
        {
            record_bytes_ -= records_.front().size();
            records_.pop_front();
            ++dropped_;
        }
    }

    reply
    control(request_t const& req)
    {
        reply r;
        r.res.version(11);
        r.res.keep_alive(req.keep_alive());
        r.res.set(http::field::content_type, "application/json");
        // what the bounded record no longer holds
        r.res.set("X-Double-Records-Dropped", std::to_string(dropped_));
        std::string& body = r.res.body(); // written in place: the record may be 16 MiB
        body = "[";
        if(req.target() == "/_double/requests")
        {
            body.reserve(record_bytes_ + records_.size() + 2);
            for(std::size_t i = 0; i < records_.size(); ++i)
                body.append(i ? "," : "").append(records_[i]);
        }
        else if(req.target() == "/_double/ids")
        {
            bool first = true;
            for(auto id : cfg_.ids)
                body += (first ? "" : ",") + std::to_string(id), first = false;
        }
        else
        {
            r.res.result(http::status::not_found);
            r.res.body() = "{}";
            r.res.prepare_payload();
            return r;
        }
        r.res.result(http::status::ok);
        body += "]";
        r.res.prepare_payload(); // a kept-alive client needs the length
        return r;
    }

public:
    /// `record`: where each API request is appended as a JSON line, or null.
    api_double(config c, std::FILE* record) : cfg_(std::move(c)), record_(record)
    {
    }

    /// Requests recorded since the start, and dropped from the record.
    std::uint64_t
    seen() const
    {
        return seq_;
    }

    std::uint64_t
    dropped() const
    {
        return dropped_;
    }

    /// The record's lines, oldest first, as /_double/requests serves them.
    std::deque<std::string> const&
    records() const
    {
        return records_;
    }

    /// The credentials the double accepts, for a test to check nothing leaks.
    config const&
    settings() const
    {
        return cfg_;
    }

    /// The answer to one request (one thread at a time). API requests, those
    /// under /v6/ and /v7/, are recorded; others are answered only.
    reply
    handle(request_t const& req)
    {
        if(string_view(req.target()).starts_with("/_double/"))
            return control(req);
        string_view const path = api_path(req.target());
        bool const api = path.starts_with("/v6/") || path.starts_with("/v7/");
        auto checker = std::make_unique<thousandeyes::credentials::request_checker>();
        if(api)
            check(req, *checker);
        reply r = api && cfg_.strict && checker->findings().has_errors()
                      ? refuse(req, checker->findings(), path.starts_with("/v7/"))
                      : route(req, now());
        if(api)
            record(req, r, authenticated(req, path.starts_with("/v7/")),
                   findings_json(checker->findings()));
        if(!r.drop)
            r.res.prepare_payload();
        // A 204 carries no Content-Length (RFC 9110 section 8.6).
        if(r.res.result() == http::status::no_content)
            r.res.erase(http::field::content_length);
        else if(r.body_fault != fault_kind::none && !r.drop)
            break_body(r);
        return r;
    }
};

} // namespace te_double

#endif
