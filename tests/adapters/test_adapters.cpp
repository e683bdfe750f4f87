// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The adapters in process: the one report rule, the Beast adapter over
// Beast's test stream (the bytes it writes, the bodies it reads, where it
// stops), and the libcurl and httplib adapters against an httplib server
// on 127.0.0.1 (what the server receives, the body kept, the 204 whose head
// httplib hands to no handler). The transport truth table
// (test_transport.py) runs them against hostile servers.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "../doctest_config.hpp"

#include <thousandeyes/credentials.hpp>
#include <thousandeyes/credentials/adapters/beast.hpp>
#include <thousandeyes/credentials/adapters/httplib.hpp>
#include <thousandeyes/credentials/adapters/libcurl.hpp>
#include <thousandeyes/credentials/error_message.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/beast/_experimental/test/stream.hpp>

#include <optional>
#include <string>
#include <vector>
#include <thread>

namespace tc = thousandeyes::credentials;
namespace ad = tc::adapters;
using tc::string_view;

namespace {

tc::response
status(int s)
{
    tc::response r;
    r.status = s;
    return r;
}

tc::request
seed_request(tc::api_version api = tc::api_version::v7, string_view base = "https://api.thousandeyes.com")
{
    auto ep = tc::endpoint::parse(base, {/*allow_insecure_http=*/true});
    auto auth = tc::authorization::bearer("tok-123");
    tc::request_options o;
    o.api = api;
    auto b = tc::request_builder::make(*ep, *auth, o);
    return *b->delete_credential("405");
}

std::string
head_of(tc::request const& req)
{
    std::string s(tc::head_size(req), '\0');
    auto const w = tc::write_head(req, &s[0], s.size());
    REQUIRE(w);
    return s;
}

} // namespace

TEST_CASE("an attempt that wrote nothing is never sent, whatever came back")
{
    tc::deletion del;
    ad::attempt a;
    a.head = status(204); // an answer to no request of ours
    CHECK(a.sent() == tc::transport::never_sent);
    ad::report(del, a, 0);
    CHECK(del.attempts() == 1);
    CHECK(!del.last_answer());
    CHECK(del.next().kind == tc::step_kind::wait);
}

TEST_CASE("a request written twice is a resend: a 404 after it is already absent")
{
    tc::deletion del;
    ad::attempt a;
    a.writes = 2;
    a.head = status(404);
    ad::report(del, a, 0);
    CHECK(del.next().kind == tc::step_kind::done);
    CHECK(*del.next().outcome == tc::outcome::already_absent);
}

TEST_CASE("bytes back that are no head after a write are maybe sent")
{
    tc::deletion del;
    ad::attempt a;
    a.writes = 1;
    a.head = tc::make_error_code(tc::error::response_status_line);
    ad::report(del, a, 0);
    a.head = status(404);
    del.waited();
    ad::report(del, a, 0);
    CHECK(*del.next().outcome == tc::outcome::already_absent);
}

TEST_CASE("a body buffer keeps what fits and says when it is full")
{
    char b[4];
    ad::body_buffer buf{b, sizeof(b), 0};
    CHECK(buf.keep("ab"));
    CHECK(!buf.keep("cde"));
    CHECK(buf.full());
    CHECK(string_view(b, buf.size) == "abcd");
    CHECK(!ad::wants_body(status(204)));
    CHECK(!ad::wants_body(status(101)));
    CHECK(ad::wants_body(status(404)));
}

// ---- Beast ------------------------------------------------------------------

namespace {

struct beast_run
{
    boost::asio::io_context io;
    boost::beast::test::stream client{io};
    boost::beast::test::stream server{io};
    char body[64];
    ad::body_buffer kept{body, sizeof(body), 0};

    beast_run() { client.connect(server); }

    ad::attempt
    answer(string_view bytes, bool close = true, bool keep_body = true)
    {
        client.append(bytes); // what the client reads
        if(close)
            server.close();
        return ad::beast_attempt(client, seed_request(), tc::response_options(0),
                                 keep_body ? &kept : nullptr);
    }

    string_view text() const { return string_view(body, kept.size); }
};

} // namespace

TEST_CASE("beast: the bytes written are the request view's head, byte for byte")
{
    beast_run r;
    auto const a = r.answer("HTTP/1.1 204 No Content\r\n\r\n");
    CHECK(r.server.str() == head_of(seed_request()));
    CHECK(a.writes == 1);
    REQUIRE(a.head.has_value());
    CHECK(a.head->status == 204);
    CHECK(r.kept.size == 0);
}

TEST_CASE("beast: an error's body is read by its Content-Length")
{
    beast_run r;
    auto const a = r.answer("HTTP/1.1 404 Not Found\r\nContent-Length: 5\r\n\r\nhelloEXTRA", false);
    REQUIRE(a.head.has_value());
    CHECK(a.head->status == 404);
    CHECK(r.text() == "hello");
    CHECK(!a.error);
}

TEST_CASE("beast: a chunked error body is decoded, a bad one told in error")
{
    beast_run r;
    auto a = r.answer("HTTP/1.1 401 Unauthorized\r\nTransfer-Encoding: chunked\r\n\r\n"
                      "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n",
                      false);
    CHECK(r.text() == "abcde");
    CHECK(!a.error);
    beast_run bad;
    a = bad.answer("HTTP/1.1 401 Unauthorized\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
    REQUIRE(a.head.has_value());
    CHECK(a.head->status == 401); // the head stays the answer
    CHECK(a.error == tc::error::body_chunk_size);
}

TEST_CASE("beast: a body until close, and one longer than the buffer, stop in bounds")
{
    beast_run r;
    auto a = r.answer("HTTP/1.0 500 Oops\r\n\r\nuntil close");
    CHECK(r.text() == "until close");
    CHECK(!a.error);
    beast_run big;
    a = big.answer("HTTP/1.1 500 Oops\r\nContent-Length: 1000\r\n\r\n" + std::string(1000, 'x'),
                   false);
    CHECK(big.kept.full());
    CHECK(a.head->status == 500);
}

TEST_CASE("beast: a 101 ends the head, its bytes are not read")
{
    beast_run r;
    auto const a = r.answer("HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\nother", false);
    REQUIRE(a.head.has_value());
    CHECK(a.head->status == 101);
    CHECK(r.kept.size == 0);
}

TEST_CASE("beast: a connection closed before a head is maybe sent; none written is never")
{
    beast_run r;
    auto a = r.answer("HTTP/1.1 204");
    CHECK(a.writes == 1);
    CHECK(a.head.error() == tc::error::response_incomplete);
    CHECK(a.error);
    boost::asio::io_context io;
    boost::beast::test::stream lone(io);
    lone.close(); // no peer: the write fails
    a = ad::beast_attempt(lone, seed_request(), tc::response_options(0));
    CHECK(a.writes == 0);
    CHECK(a.sent() == tc::transport::never_sent);
}

// ---- libcurl and httplib, against an httplib server ---------------------------

namespace {

struct local_server
{
    httplib::Server server;
    std::thread thread;
    int port = 0;
    std::string last_head_fields; // Content-Length values seen, joined
    int requests = 0;

    local_server()
    {
        auto handle = [this](httplib::Request const& req, httplib::Response& res) {
            ++requests;
            last_head_fields = std::to_string(req.get_header_value_count("Content-Length"));
            if(req.path.find("/405") != std::string::npos)
                res.status = 204;
            else
            {
                res.status = 404;
                res.set_content("{\"errorMessage\":\"No credential\"}", "application/json");
            }
        };
        server.Post(R"(/v6/.*)", handle);
        server.Delete(R"(/v7/.*)", handle);
        port = server.bind_to_any_port("127.0.0.1");
        thread = std::thread([this] { server.listen_after_bind(); });
        while(!server.is_running())
            std::this_thread::yield();
    }
    ~local_server()
    {
        server.stop();
        thread.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port); }
};

tc::request
local_request(local_server const& s, tc::api_version api, string_view id)
{
    auto ep = tc::endpoint::parse(s.url(), {/*allow_insecure_http=*/true});
    auto auth = tc::authorization::bearer("tok-123");
    tc::request_options o;
    o.api = api;
    return *tc::request_builder::make(*ep, *auth, o)->delete_credential(id);
}

} // namespace

TEST_CASE("httplib: a 204 is read though httplib calls no handler; one Content-Length")
{
    local_server s;
    httplib::Client client(s.url());
    auto const a = ad::httplib_attempt(client, local_request(s, tc::api_version::v6, "405"),
                                       tc::response_options(0));
    REQUIRE(a.head.has_value());
    CHECK(a.head->status == 204);
    CHECK(a.writes == 1);
    CHECK(s.last_head_fields == "1"); // the derived field left to httplib, not sent twice
}

TEST_CASE("httplib: an error's body is kept; a refused connection is never sent")
{
    local_server s;
    httplib::Client client(s.url());
    char b[256];
    ad::body_buffer kept{b, sizeof(b), 0};
    auto a = ad::httplib_attempt(client, local_request(s, tc::api_version::v7, "406"),
                                 tc::response_options(0), &kept);
    REQUIRE(a.head.has_value());
    CHECK(a.head->status == 404);
    CHECK(tc::error_message::read(string_view(b, kept.size)).text() == "No credential");
    httplib::Client nobody("http://127.0.0.1:1");
    a = ad::httplib_attempt(nobody, local_request(s, tc::api_version::v7, "406"),
                            tc::response_options(0));
    CHECK(a.writes == 0);
    CHECK(a.error.category() == ad::httplib_category());
}

TEST_CASE("libcurl: the body kept, the heads watched, and the handle reusable")
{
    local_server s;
    CURL* curl = curl_easy_init();
    char b[256];
    ad::body_buffer kept{b, sizeof(b), 0};
    std::string sent, received;
    ad::curl_watch w;
    w.body = &kept;
    w.user = &sent;
    w.sent = [](void* u, string_view h) { static_cast<std::string*>(u)->append(h.data(), h.size()); };
    auto a = ad::curl_attempt(curl, local_request(s, tc::api_version::v7, "406"),
                              tc::response_options(0), w);
    REQUIRE(a.head.has_value());
    CHECK(a.head->status == 404);
    CHECK(a.writes == 1);
    CHECK(sent.rfind("DELETE /v7/credentials/406 HTTP/1.1\r\n", 0) == 0);
    CHECK(tc::error_message::read(string_view(b, kept.size)).text() == "No credential");
    // the same handle, another method: nothing left over from before
    a = ad::curl_attempt(curl, local_request(s, tc::api_version::v6, "405"), tc::response_options(0));
    REQUIRE(a.head.has_value());
    CHECK(a.head->status == 204);
    CHECK(s.last_head_fields == "1");
    CHECK(s.requests == 2);
    // a refused connection: nothing written, libcurl's code kept
    auto const dead = local_request(s, tc::api_version::v7, "406");
    curl_easy_setopt(curl, CURLOPT_PROXY, "http://127.0.0.1:1");
    a = ad::curl_attempt(curl, dead, tc::response_options(0));
    CHECK(a.writes == 0);
    CHECK(a.error == ad::make_error_code(CURLE_COULDNT_CONNECT));
    curl_easy_cleanup(curl);
}

// ---- the loops ------------------------------------------------------------------

TEST_CASE("run_batch: paces between ids, stops at a 401, and never overruns the batch")
{
    auto ep = tc::endpoint::parse("https://api.thousandeyes.com", {});
    auto auth = tc::authorization::bearer("tok-123");
    auto builder = tc::request_builder::make(*ep, *auth);
    std::vector<tc::credential_id> ids;
    for(int i = 1; i <= 4; ++i)
        ids.push_back(*tc::credential_id::make(i));
    std::vector<std::int64_t> slept;
    std::vector<int> answers{204, 503, 204, 401, 204};
    std::size_t next = 0;
    auto try_once = [&](tc::request const&, tc::response_options const&) {
        ad::attempt a;
        a.writes = 1;
        tc::response r = status(answers[next++]);
        r.organization.limit = 240;
        r.organization.remaining = 120;
        r.organization.reset = 30; // seconds from "now" (0): 250 ms a request
        r.date = 0;
        a.head = r;
        return a;
    };
    int finished = 0, seen = 0;
    tc::batch b(ids.size());
    auto const last = ad::run_batch(
        b, *builder, ids, std::nullopt, {}, try_once, [] { return std::int64_t{0}; },
        [&](std::int64_t ms) { slept.push_back(ms); },
        [&](tc::credential_id const&, tc::deletion const&, tc::batch_step const&) { ++finished; },
        [&](tc::deletion const&, ad::attempt const&) { ++seen; });
    CHECK(last.stop == tc::batch_stop::unauthorized);
    CHECK(finished == 3);
    CHECK(seen == 4);
    CHECK(b.deleted() == 2);
    CHECK(b.not_attempted() == 1);
    CHECK(slept.size() == 3); // a pace, the 503's backoff, a pace
    // more ids than the batch holds: it ends after its own
    tc::batch small(1);
    next = 0;
    answers = {204, 204};
    ad::run_batch(small, *builder, ids, std::nullopt, {}, try_once, [] { return std::int64_t{0}; },
                  [](std::int64_t) {});
    CHECK(next == 1);
    CHECK(small.deleted() == 1);
}

TEST_CASE("each adapter's deletion and batch: a failed connect is never sent, then the answer")
{
    auto now = [] { return std::int64_t{0}; };
    auto sleep = [](std::int64_t) {};
    // Beast: the first connect fails, the second gives a stream that answers 204
    boost::asio::io_context io;
    std::optional<boost::beast::test::stream> client, server;
    int connects = 0;
    auto connect = [&](boost::system::error_code& ec) -> boost::beast::test::stream* {
        if(connects++ == 0)
            return ec = boost::asio::error::connection_refused, nullptr;
        client.emplace(io);
        server.emplace(io);
        client->connect(*server);
        client->append("HTTP/1.1 204 No Content\r\n\r\n");
        return &*client;
    };
    tc::deletion del;
    int never = 0;
    tc::step end = ad::beast_delete(connect, seed_request(), del, now, sleep,
                                    [&](tc::deletion const&, ad::attempt const& a) {
                                        never += a.writes == 0 ? 1 : 0;
                                    });
    CHECK(never == 1);
    CHECK(*end.outcome == tc::outcome::deleted);
    auto ep = tc::endpoint::parse("https://api.thousandeyes.com", {});
    auto builder = tc::request_builder::make(*ep, *tc::authorization::bearer("tok-123"));
    std::vector<tc::credential_id> ids{*tc::credential_id::make(405)};
    connects = 0;
    tc::batch b(1);
    ad::beast_delete_batch(connect, *builder, ids, b, now, sleep);
    CHECK(b.deleted() == 1);

    // libcurl and httplib against the local server
    local_server s;
    auto local = tc::request_builder::make(*tc::endpoint::parse(s.url(), {true}),
                                           *tc::authorization::bearer("tok-123"));
    CURL* curl = curl_easy_init();
    tc::deletion d2;
    CHECK(*ad::curl_delete(curl, *local->delete_credential("405"), d2, now, sleep).outcome ==
          tc::outcome::deleted);
    tc::batch b2(1);
    ad::curl_delete_batch(curl, *local, ids, b2, now, sleep);
    CHECK(b2.deleted() == 1);
    curl_easy_cleanup(curl);
    httplib::Client client2(s.url());
    tc::deletion d3;
    CHECK(*ad::httplib_delete(client2, *local->delete_credential("406"), d3, now, sleep).outcome ==
          tc::outcome::not_found);
    tc::batch b3(1);
    ad::httplib_delete_batch(client2, *local, ids, b3, now, sleep);
    CHECK(b3.deleted() == 1);
}

TEST_CASE("httplib: its errors' table says which never sent the request")
{
    using E = httplib::Error;
    for(E e : {E::Connection, E::BindIPAddress, E::ConnectionTimeout, E::SSLConnection,
               E::SSLLoadingCerts, E::SSLServerVerification})
        CHECK(ad::httplib_never_sent(e));
    for(E e : {E::Success, E::Unknown, E::Read, E::Write, E::Canceled, E::Compression,
               E::ExceedRedirectCount})
        CHECK(!ad::httplib_never_sent(e));
    CHECK(boost::system::error_code(static_cast<int>(E::Read), ad::httplib_category()).message() ==
          httplib::to_string(E::Read));
}

TEST_CASE("libcurl: a body longer than the buffer stops the transfer, the head kept")
{
    local_server s;
    CURL* curl = curl_easy_init();
    char b[4];
    ad::body_buffer kept{b, sizeof(b), 0};
    ad::curl_watch w;
    w.body = &kept;
    auto const a = ad::curl_attempt(curl, local_request(s, tc::api_version::v7, "406"),
                                    tc::response_options(0), w);
    REQUIRE(a.head.has_value());
    CHECK(a.head->status == 404);
    CHECK(kept.full());
    curl_easy_cleanup(curl);
}
