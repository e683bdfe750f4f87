// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// te-api-double: a local stand-in for the ThousandEyes API's "delete a
// credential" endpoints, for tests, the demo, and users' own offline
// integration tests. It listens on 127.0.0.1 only.
//
// It is written on Boost.Beast/Asio, already a dependency of the tests: an
// HTTP/1.1 server whose parser is strict (it refuses what RFC 9112 refuses),
// with no second HTTP library to install. It never shares code with the
// library it tests: it reads requests with Beast, not with this library.
//
// What it does is described by --help and by the README section "The API
// double". Behaviour the documentation leaves open is marked "double's
// choice" below.

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/core/detail/base64.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/error.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
namespace ssl = asio::ssl;
using string_view = beast::string_view;

namespace {

char const usage[] =
    "usage: te-api-double [--version] [--port N] [--port-file FILE] [--record FILE]\n"
    "           [--ids LIST] [--account-groups LIST]\n"
    "           [--basic-user EMAIL --basic-token-env VAR] [--bearer-token-env VAR]\n"
    "           [--rate-limit N] [--window-seconds N]\n"
    "           [--lockout-after N [--lockout-seconds N]] [--idle-timeout SECONDS]\n"
    "           [--fault KIND[,KIND...]]... [--tls-cert FILE --tls-key FILE]\n"
    "\n"
    "A local double of the ThousandEyes API's credential delete, on 127.0.0.1:\n"
    "  v6: POST /v6/credentials/{id}/delete[.json|.xml][?aid=AID]\n"
    "  v7: DELETE /v7/credentials/{id}[?aid=AID]   (Bearer only)\n"
    "  GET /_double/requests   every request received, as a JSON array\n"
    "  GET /_double/ids        the credential ids still present\n"
    "\n"
    "  --port N              port to listen on; 0 (default) picks a free one\n"
    "  --port-file FILE      write the port there once listening\n"
    "  --record FILE         append each request received as one JSON line\n"
    "  --tls-cert FILE       serve HTTPS with this certificate chain (PEM) ...\n"
    "  --tls-key FILE          ... and this private key (PEM)\n"
    "  --ids LIST            credential ids present, e.g. 405,1000-1499\n"
    "  --account-groups LIST aid values the user may use (default: any)\n"
    "  --basic-user EMAIL    Basic credentials: this email, and the API token\n"
    "  --basic-token-env VAR   read from environment variable VAR\n"
    "  --bearer-token-env VAR  a Bearer token, read from VAR\n"
    "  --rate-limit N        requests per window per organization (default 240)\n"
    "  --window-seconds N    window length (default 60)\n"
    "  --lockout-after N     the double's choice, off by default: after N failed\n"
    "                        authentications in an hour, every request gets 401\n"
    "                        (\"account is locked\") for --lockout-seconds (3600)\n"
    "  --idle-timeout N      close a connection idle, or stalled inside a\n"
    "                        request, for N seconds (default 30)\n"
    "  --fault KIND          answer the next API request with a fault, in order\n"
    "                        (none answers one request as usual):\n"
    "                        429, 500, 502, 503, 503:SECONDS (with Retry-After), 504,\n"
    "                        500-after (delete, then answer 500),\n"
    "                        drop-before (close without deleting),\n"
    "                        drop-after (delete, then close without answering),\n"
    "                        malformed (a field name with a space, then close),\n"
    "                        body-cut (the usual answer, its body cut short, then close),\n"
    "                        body-bad-chunks (the usual head, chunked, then bad framing),\n"
    "                        body-endless (the usual head, then a chunked body that\n"
    "                        never ends: chunks until the client goes away)\n";

[[noreturn]] void
die(char const* what, char const* why)
{
    std::fprintf(stderr, "te-api-double: %s: %s\n", what, why);
    std::exit(2);
}

bool
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
bool
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
    std::deque<fault> faults;
};

std::string
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

std::string
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
std::string
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
void
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

class api_double
{
    config cfg_;
    std::mutex m_;
    std::FILE* record_ = nullptr;
    std::vector<std::string> records_;
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

    void
    record(request_t const& req, reply const& r)
    {
        std::string line = "{\"seq\":" + std::to_string(records_.size() + 1) +
                           ",\"method\":" + json_string(req.method_string()) +
                           ",\"target\":" + json_string(req.target()) +
                           ",\"version\":\"" + std::to_string(req.version() / 10) + "." +
                           std::to_string(req.version() % 10) + "\",\"headers\":[";
        bool first = true;
        for(auto const& f : req)
        {
            line += first ? "[" : ",[";
            first = false;
            line += json_string(f.name_string()) + "," + json_string(f.value()) + "]";
        }
        line += "],\"body\":" + json_string(req.body()) + ",\"status\":" +
                (r.drop ? std::string("null") : std::to_string(r.res.result_int())) +
                ",\"fault\":" + (r.fault.empty() ? std::string("null") : json_string(r.fault)) +
                "}";
        if(record_)
        {
            std::fprintf(record_, "%s\n", line.c_str());
            std::fflush(record_);
        }
        records_.push_back(std::move(line));
    }

    reply
    control(request_t const& req)
    {
        reply r;
        r.res.version(11);
        r.res.keep_alive(req.keep_alive());
        r.res.set(http::field::content_type, "application/json");
        std::string body = "[";
        if(req.target() == "/_double/requests")
            for(std::size_t i = 0; i < records_.size(); ++i)
                body += (i ? "," : "") + records_[i];
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
        r.res.body() = body + "]";
        r.res.prepare_payload(); // a kept-alive client needs the length
        return r;
    }

public:
    explicit api_double(config c) : cfg_(std::move(c))
    {
        if(cfg_.record && !(record_ = std::fopen(cfg_.record, "a")))
            die("--record", "cannot open the file");
    }

    reply
    handle(request_t const& req)
    {
        std::lock_guard<std::mutex> lock(m_);
        if(string_view(req.target()).starts_with("/_double/"))
            return control(req);
        reply r = route(req, now());
        record(req, r);
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

// One chunk of a body that never ends: 1024 bytes of data.
std::string const endless_chunk = "400\r\n" + std::string(1024, 'x') + "\r\n";

// One connection's requests and answers, over a plain or TLS stream. Every
// read and write has a deadline: a connection idle (or stalled inside a
// request) for --idle-timeout seconds is closed, so no client holds a
// thread forever.
template<class Stream>
void
serve(Stream& stream, asio::io_context& ioc, api_double& api, std::chrono::seconds idle)
{
    boost::system::error_code ec;
    beast::flat_buffer buf;
    // Runs one operation to its end, or to the deadline (then ec is timeout).
    auto run = [&](auto start) {
        beast::get_lowest_layer(stream).expires_after(idle);
        ec = {};
        start([&](boost::system::error_code e, std::size_t) { ec = e; });
        ioc.restart();
        ioc.run();
    };
    for(;;)
    {
        http::request_parser<http::string_body> p;
        p.header_limit(16 * 1024);
        p.body_limit(64 * 1024);
        run([&](auto done) { http::async_read(stream, buf, p, done); });
        if(ec == http::error::end_of_stream || ec == asio::error::eof ||
           ec == asio::error::connection_reset || ec == beast::error::timeout ||
           ec == asio::ssl::error::stream_truncated)
            break;
        if(ec)
        {
            // A request Beast's strict parser refuses: 400, then close.
            response_t res{http::status::bad_request, 11};
            res.set(http::field::connection, "close");
            res.set(http::field::content_type, "application/json;charset=UTF-8");
            res.body() = "{\"errorMessage\":\"Malformed request\"}";
            res.prepare_payload();
            run([&](auto done) { http::async_write(stream, res, done); });
            break;
        }
        reply r = api.handle(p.get());
        if(!r.raw.empty())
            run([&](auto done) { asio::async_write(stream, asio::buffer(r.raw), done); });
        // A body that never ends: chunks for as long as the client reads.
        while(r.endless && !ec)
            run([&](auto done) { asio::async_write(stream, asio::buffer(endless_chunk), done); });
        if(r.drop)
            break; // the lost response: close without a word
        run([&](auto done) { http::async_write(stream, r.res, done); });
        if(ec || !r.res.keep_alive())
            break;
    }
}

// One connection, on its own thread and io_context; with `tls`, the
// handshake first (a client that refuses the certificate sends nothing).
void
session(tcp::socket accepted, api_double& api, std::chrono::seconds idle, ssl::context* tls)
{
    asio::io_context ioc;
    boost::system::error_code ec;
    tcp::socket own(ioc);
    own.assign(tcp::v4(), accepted.release(ec), ec);
    if(ec)
        return;
    beast::tcp_stream plain(std::move(own));
    if(!tls)
        serve(plain, ioc, api, idle);
    else
    {
        beast::ssl_stream<beast::tcp_stream> stream(std::move(plain), *tls);
        plain.expires_after(idle);
        beast::get_lowest_layer(stream).expires_after(idle);
        stream.async_handshake(ssl::stream_base::server,
                               [&](boost::system::error_code e) { ec = e; });
        ioc.run();
        if(!ec)
            serve(stream, ioc, api, idle);
        beast::get_lowest_layer(stream).socket().shutdown(tcp::socket::shutdown_both, ec);
        beast::get_lowest_layer(stream).socket().close(ec);
        return;
    }
    plain.socket().shutdown(tcp::socket::shutdown_both, ec);
    plain.socket().close(ec);
}

config
parse_args(int argc, char** argv)
{
    config c;
    for(int i = 1; i < argc; ++i)
    {
        string_view const a = argv[i];
        if(a == "--help" || a == "-h")
        {
            std::fputs(usage, stdout);
            std::exit(0);
        }
        if(a == "--version")
        {
            std::printf("te-api-double %s\n", THOUSANDEYES_CREDENTIALS_VERSION_TEXT);
            std::exit(0);
        }
        if(i + 1 >= argc)
            die(argv[i], "unknown option, or it needs a value (see --help)");
        char const* v = argv[++i];
        std::uint64_t n = 0;
        auto number = [&](long max) -> long {
            if(!parse_u64(v, n) || n > static_cast<std::uint64_t>(max))
                die(argv[i - 1], "must be a number in range");
            return static_cast<long>(n);
        };
        auto env = [&]() -> std::string {
            char const* s = std::getenv(v);
            if(!s || !*s)
                die(argv[i - 1], "the environment variable is not set");
            return s;
        };
        if(a == "--port")
            c.port = static_cast<unsigned short>(number(65535));
        else if(a == "--tls-cert")
            c.tls_cert = v;
        else if(a == "--tls-key")
            c.tls_key = v;
        else if(a == "--port-file")
            c.port_file = v;
        else if(a == "--record")
            c.record = v;
        else if(a == "--ids")
        {
            if(!parse_id_list(v, c.ids))
                die("--ids", "must be ids and ranges: 405,1000-1499");
        }
        else if(a == "--account-groups")
        {
            if(!parse_id_list(v, c.account_groups))
                die("--account-groups", "must be ids and ranges: 1234,5678");
        }
        else if(a == "--basic-user")
            c.basic_user = v;
        else if(a == "--basic-token-env")
            c.basic_token = env();
        else if(a == "--bearer-token-env")
            c.bearer_token = env();
        else if(a == "--rate-limit")
            c.rate_limit = number(1000000);
        else if(a == "--window-seconds")
            c.window_seconds = number(86400);
        else if(a == "--lockout-after")
            c.lockout_after = number(1000000);
        else if(a == "--lockout-seconds")
            c.lockout_seconds = number(86400);
        else if(a == "--idle-timeout")
            c.idle_timeout_seconds = number(86400);
        else if(a == "--fault")
        {
            string_view s = v;
            while(!s.empty())
            {
                auto const comma = s.find(',');
                string_view const k = s.substr(0, comma);
                s = comma == string_view::npos ? string_view() : s.substr(comma + 1);
                fault f{fault_kind::status_503, -1, std::string(k)};
                std::uint64_t secs = 0;
                if(k == "none")
                    f.kind = fault_kind::none;
                else if(k == "429")
                    f.kind = fault_kind::status_429;
                else if(k == "500")
                    f.kind = fault_kind::status_500;
                else if(k == "500-after")
                    f.kind = fault_kind::status_500_after;
                else if(k == "502")
                    f.kind = fault_kind::status_502;
                else if(k == "504")
                    f.kind = fault_kind::status_504;
                else if(k == "503")
                    f.kind = fault_kind::status_503;
                else if(k.starts_with("503:") && parse_u64(k.substr(4), secs) && secs < 86400)
                    f.retry_after = static_cast<long>(secs);
                else if(k == "drop-before")
                    f.kind = fault_kind::drop_before;
                else if(k == "drop-after")
                    f.kind = fault_kind::drop_after;
                else if(k == "malformed")
                    f.kind = fault_kind::malformed;
                else if(k == "body-cut")
                    f.kind = fault_kind::body_cut;
                else if(k == "body-bad-chunks")
                    f.kind = fault_kind::body_bad_chunks;
                else if(k == "body-endless")
                    f.kind = fault_kind::body_endless;
                else
                    die("--fault", "must be none, 429, 500, 500-after, 502, 503, 503:SECONDS, 504, "
                                   "drop-before, drop-after, malformed, body-cut, "
                                   "body-bad-chunks or body-endless");
                c.faults.push_back(f);
            }
        }
        else
            die(argv[i - 1], "unknown option (see --help)");
    }
    if(c.basic_user.empty() != c.basic_token.empty())
        die("--basic-user", "goes with --basic-token-env");
    if(c.basic_user.empty() && c.bearer_token.empty())
        die("credentials", "give --basic-user/--basic-token-env or --bearer-token-env");
    if(c.tls_cert.empty() != c.tls_key.empty())
        die("--tls-cert", "goes with --tls-key");
    if(c.idle_timeout_seconds < 1)
        die("--idle-timeout", "must be at least 1 second");
    if(c.rate_limit < 1 || c.window_seconds < 1 || c.lockout_seconds < 1)
        die("limits", "--rate-limit, --window-seconds and --lockout-seconds must be at least 1");
    return c;
}

} // namespace

int
main(int argc, char** argv)
{
    config cfg = parse_args(argc, argv);
    asio::io_context io;
    boost::system::error_code ec;
    tcp::acceptor acceptor(io);
    tcp::endpoint const at(asio::ip::make_address_v4("127.0.0.1"), cfg.port);
    acceptor.open(at.protocol(), ec);
    if(!ec)
        acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if(!ec)
        acceptor.bind(at, ec);
    if(!ec)
        acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if(ec)
        die("listen", "cannot listen on 127.0.0.1 at that port");
    unsigned short const port = acceptor.local_endpoint().port();
    if(cfg.port_file)
    {
        // Written whole, then renamed, so a reader never sees half a port.
        std::string const tmp = std::string(cfg.port_file) + ".tmp";
        std::FILE* f = std::fopen(tmp.c_str(), "w");
        if(!f || std::fprintf(f, "%u\n", port) < 0 || std::fclose(f) != 0 ||
           std::rename(tmp.c_str(), cfg.port_file) != 0)
            die("--port-file", "cannot write the file");
    }
    std::optional<ssl::context> tls;
    if(!cfg.tls_cert.empty())
    {
        tls.emplace(ssl::context::tls_server);
        tls->use_certificate_chain_file(cfg.tls_cert, ec);
        if(ec)
            die("--tls-cert", "cannot read the certificate chain (PEM)");
        tls->use_private_key_file(cfg.tls_key, ssl::context::pem, ec);
        if(ec)
            die("--tls-key", "cannot read the private key (PEM), or it does not match");
    }
    std::printf("te-api-double: listening on %s://127.0.0.1:%u\n", tls ? "https" : "http", port);
    std::fflush(stdout);

    std::chrono::seconds const idle(cfg.idle_timeout_seconds);
    api_double api(std::move(cfg));
    for(;;)
    {
        tcp::socket sock(io);
        acceptor.accept(sock, ec);
        if(ec)
            continue;
        std::thread(session, std::move(sock), std::ref(api), idle, tls ? &*tls : nullptr).detach();
    }
}
