// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// Misuse cannot go unseen: an event out of order is a precondition
// violation, checked with BOOST_ASSERT (as Boost.URL and Beast check
// theirs). This program installs an assertion handler that counts
// violations instead of stopping, so each one is seen, and checks that the
// event changed nothing. Its own program: the handler changes what every
// BOOST_ASSERT in it expands to.
#define BOOST_ENABLE_ASSERT_HANDLER
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "doctest_config.hpp"

#include <thousandeyes/credentials.hpp>

#include <cstring>

namespace tc = thousandeyes::credentials;

namespace {

int violations = 0;
char const* last_function = "";

tc::response
status(int s)
{
    tc::response r;
    r.status = s;
    return r;
}

// Runs `event` on `d`: true when it was a violation and changed nothing.
template<class Event>
bool
refused(tc::deletion& d, Event event)
{
    tc::step const before = d.next();
    int const attempts = d.attempts();
    bool const uncertain = d.uncertain();
    int const seen = violations;
    event(d);
    tc::step const after = d.next();
    return violations == seen + 1 && after.kind == before.kind &&
           after.wait_ms == before.wait_ms && after.outcome == before.outcome &&
           d.attempts() == attempts && d.uncertain() == uncertain;
}

} // namespace

namespace boost {
void
assertion_failed(char const*, char const* function, char const*, long)
{
    ++violations;
    last_function = function;
}
void
assertion_failed_msg(char const*, char const*, char const* function, char const*, long)
{
    ++violations;
    last_function = function;
}
} // namespace boost

TEST_CASE("waited() at a send step is a violation and changes nothing")
{
    tc::deletion d;
    CHECK(refused(d, [](tc::deletion& x) { x.waited(); }));
    CHECK(std::strstr(last_function, "expect") != nullptr);
}

TEST_CASE("an attempt reported at a wait step is a violation and changes nothing")
{
    tc::deletion d;
    d.received(status(503));
    REQUIRE(d.next().kind == tc::step_kind::wait);
    int const before = violations;
    CHECK(refused(d, [](tc::deletion& x) { x.received(status(204)); }));
    CHECK(refused(d, [](tc::deletion& x) { x.no_response(tc::transport::maybe_sent); }));
    CHECK(refused(d, [](tc::deletion& x) { x.resent(); }));
    CHECK(refused(d, [](tc::deletion& x) {
        x.report(tc::make_error_code(tc::error::response_incomplete), tc::transport::maybe_sent);
    }));
    CHECK(violations == before + 4);
}

TEST_CASE("every event after done or failed is a violation and changes nothing")
{
    tc::deletion done;
    done.received(status(204));
    tc::deletion failed;
    failed.received(status(401));
    for(tc::deletion* d : {&done, &failed})
    {
        CHECK(refused(*d, [](tc::deletion& x) { x.received(status(204)); }));
        CHECK(refused(*d, [](tc::deletion& x) { x.no_response(tc::transport::never_sent); }));
        CHECK(refused(*d, [](tc::deletion& x) { x.resent(); }));
        CHECK(refused(*d, [](tc::deletion& x) { x.waited(); }));
    }
    CHECK(done.next().outcome == tc::outcome::deleted);
    CHECK(failed.next().outcome == tc::outcome::unauthorized);
}

TEST_CASE("the canonical loop commits no violation")
{
    int const before = violations;
    tc::deletion d;
    int answers[] = {503, 500, 404};
    int i = 0;
    for(tc::step s = d.next(); !s.finished(); s = d.next())
    {
        if(s.kind == tc::step_kind::wait)
        {
            d.waited();
            continue;
        }
        if(i == 1)
            d.resent();
        d.received(status(answers[i++]));
    }
    CHECK(violations == before);
    CHECK(d.next().outcome == tc::outcome::already_absent);
}

TEST_CASE("a batch refuses a deletion recorded twice, with an error, not a violation")
{
    int const before = violations;
    tc::batch b(3);
    tc::deletion d;
    d.received(status(204));
    REQUIRE(b.finished(d).has_value());
    CHECK(b.finished(d).error() == tc::error::deletion_out_of_order);
    CHECK(b.deleted() == 1);
    CHECK(violations == before);
}
