// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
#include "beast_request_check.hpp"
#include "request_configs.hpp"

#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>

#include <cstdint>
#include <cstring>
#include <string>
#include <type_traits>

namespace http = boost::beast::http;

namespace {

// Parses `head` with Boost.Beast and checks it is `req`: method, target, and
// the same fields in the same order.
void
check_parses_back(tc::string_view head, tc::request const& req)
{
    CHECK(beast_reads_back(head, req) == "");
}

} // namespace

TEST_CASE("every serialized head parses back with Boost.Beast into the request view")
{
    for(auto const& c : configs)
    {
        CAPTURE(c.name);
        auto const b = builder_for(c);
        auto const req = request_for(b, c);
        std::string const head = write(tc::write_head, req, tc::secrets::reveal);

        check_parses_back(head, req);
    }
}

TEST_CASE("write_head from the builder is byte for byte write_head of the request, and Beast reads it back")
{
    for(auto const& c : configs)
    {
        CAPTURE(c.name);
        auto const b = builder_for(c);
        auto const req = request_for(b, c);
        std::string const expected = write(tc::write_head, req, tc::secrets::reveal);
        auto const id = *tc::credential_id::parse("405");
        char buf[4096];
        tc::write_result const w =
            c.aid ? tc::write_head(b, id, *tc::account_group_id::parse(c.aid), buf, sizeof(buf))
                  : tc::write_head(b, id, buf, sizeof(buf));
        REQUIRE(w);
        CHECK(tc::string_view(buf, w.size) == expected);
        check_parses_back(tc::string_view(buf, w.size), req);
        // too small: nothing written, the size needed told
        char small[8] = {'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x'};
        tc::write_result const t = tc::write_head(b, id, small, sizeof(small));
        CHECK(t.ec == tc::error::buffer_too_small);
        CHECK(t.size == (c.aid ? expected.size() - 5 - std::strlen(c.aid) : expected.size()));
        CHECK(std::string(small, sizeof(small)) == "xxxxxxxx");
        CHECK(tc::write_head(b, id, nullptr, 0).size == t.size);
    }
}


TEST_CASE("a builder sized with builder_capacity writes heads Beast reads back as its requests")
{
    // sized exactly for each value: the seed's Basic one (v6) and a Bearer one (v7)
    constexpr std::size_t basic_size = tc::authorization::basic_size(24, 32);
    using v6_builder = tc::basic_request_builder<tc::builder_capacity(basic_size)>;
    auto const basic = tc::basic_authorization<basic_size>::basic("noreply@thousandeyes.com",
                                                                  "g351mw5xqhvkmh1vq6zfm51c62wyzib2");
    auto const v6 = v6_builder::make(tc::endpoint{}, *basic);
    constexpr std::size_t bearer_size = tc::authorization::bearer_size(36);
    using v7_builder = tc::basic_request_builder<tc::builder_capacity(bearer_size)>;
    auto const bearer = tc::basic_authorization<bearer_size>::bearer("0a1b2c3d-4e5f-6789-abcd-ef0123456789");
    auto const v7 = v7_builder::make(tc::endpoint{}, *bearer, {tc::api_version::v7});
    REQUIRE(v6.has_value());
    REQUIRE(v7.has_value());
    auto check = [](auto const& b, char const* id, char const* aid) {
        CAPTURE(id);
        CAPTURE(aid);
        auto const req = aid ? b.delete_credential(id, aid) : b.delete_credential(id);
        REQUIRE(req.has_value());
        char buf[std::remove_reference_t<decltype(b)>::head_buffer_size];
        auto const i = *tc::credential_id::parse(id);
        tc::write_result const w =
            aid ? tc::write_head(b, i, *tc::account_group_id::parse(aid), buf, sizeof(buf))
                : tc::write_head(b, i, buf, sizeof(buf));
        REQUIRE(w);
        CHECK(beast_reads_back(tc::string_view(buf, w.size), *req) == "");
    };
    for(char const* id : {"1", "405", "9223372036854775807"})
        for(char const* aid : {static_cast<char const*>(nullptr), "17", "9223372036854775807"})
        {
            check(*v6, id, aid);
            check(*v7, id, aid);
        }
}

namespace {

// A deterministic generator of hostile strings: every byte class that can
// break a head (controls, CR, LF, NUL, DEL, spaces, quotes, delimiters,
// obs-text) next to the ones that are fine.
class hostile_strings
{
    std::uint64_t state_;

    std::uint64_t
    next() noexcept
    {
        // splitmix64
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

public:
    explicit hostile_strings(std::uint64_t seed) noexcept : state_(seed) {}

    std::size_t below(std::size_t n) noexcept { return static_cast<std::size_t>(next() % n); }

    std::string
    make(tc::string_view pool, std::size_t max_len, std::size_t special_one_in = 64)
    {
        static constexpr char specials[] = {'\0', '\r', '\n', '\t', ' ', '\x7f', '\x01',
                                            '"', '\'', ':', '/', '?', '#', '%', '@',
                                            '\x80', '\xff', '\xc3', '\xa9', '=', '.', '+'};
        std::string s;
        std::size_t const len = below(max_len + 1);
        for(std::size_t i = 0; i < len; ++i)
        {
            if(below(special_one_in) == 0)
                s += specials[below(sizeof(specials))];
            else
                s += pool[below(pool.size())];
        }
        return s;
    }
};

} // namespace

TEST_CASE("whatever the inputs, an accepted request parses back identically and a refused one names its field")
{
    hostile_strings gen(20261128);
    constexpr tc::string_view alnum =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~";
    constexpr tc::string_view digits = "0123456789";
    std::size_t accepted = 0, refused = 0;
    for(int round = 0; round < 3000; ++round)
    {
        std::string const ua = gen.make(alnum, 24);
        std::string const id = gen.make(digits, 20, 16);
        std::string const aid = gen.make(digits, 4, 16);
        std::string const path = "/" + gen.make(alnum, 12);
        std::string const user = gen.make(alnum, 12) + "@x.com";
        std::string const token = gen.make(alnum, 40, 128);
        bool const basic = gen.below(2) == 0;
        bool const v7 = gen.below(2) == 0;
        CAPTURE(round);

        boost::system::error_code ec;
        auto agent = tc::user_agent::parse(ua);
        auto ep = tc::endpoint::parse("https://gw.example.com:8443" + path);
        auto auth = basic ? tc::authorization::basic(user, token) : tc::authorization::bearer(token);
        if(!agent)
            ec = agent.error();
        else if(!ep)
            ec = ep.error();
        else if(!auth)
            ec = auth.error();
        tc::result<tc::request_builder> b = ec;
        if(!ec)
        {
            tc::request_options o;
            o.api = v7 ? tc::api_version::v7 : tc::api_version::v6;
            o.agent = *agent;
            b = tc::request_builder::make(*ep, *auth, o);
            if(!b)
                ec = b.error();
        }
        tc::result<tc::request> req = ec;
        if(!ec)
        {
            req = aid.empty() ? b->delete_credential(id) : b->delete_credential(id, aid);
            if(!req)
                ec = req.error();
        }
        if(ec)
        {
            ++refused;
            CHECK(ec.category() == tc::error_category());
            std::string const msg = ec.message();
            CHECK(msg.find(": ") != std::string::npos); // "<field>: <rule>"
            if(token.size() >= 6)
                CHECK(msg.find(token) == std::string::npos);
            continue;
        }
        ++accepted;
        char buf[4096];
        auto w = tc::write_head(*req, buf, sizeof(buf));
        REQUIRE(w);
        tc::string_view const head(buf, w.size);
        // No control byte but the line ends.
        for(std::size_t i = 0; i < head.size(); ++i)
        {
            auto const c = static_cast<unsigned char>(head[i]);
            if(c == '\r')
                CHECK(head[i + 1] == '\n');
            else if(c == '\n')
                CHECK(head[i - 1] == '\r');
            else if(c != '\t')
                CHECK((c >= 0x20 && c != 0x7f));
        }
        check_parses_back(head, *req);
        // the direct send path writes the same bytes
        char direct[4096];
        auto const i = *tc::credential_id::parse(id);
        auto const d = aid.empty() ? tc::write_head(*b, i, direct, sizeof(direct))
                                   : tc::write_head(*b, i, *tc::account_group_id::parse(aid),
                                                    direct, sizeof(direct));
        REQUIRE(d);
        CHECK(tc::string_view(direct, d.size) == head);
    }
    // The generator reaches both sides.
    CHECK(accepted > 100);
    CHECK(refused > 100);
    MESSAGE(accepted << " accepted, " << refused << " refused");
}
