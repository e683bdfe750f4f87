// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// The library on the stacks firmware uses: lwIP for TCP/IP (its netconn API,
// an Ethernet tap interface as the link) and mbedTLS for TLS, the server's
// certificate verified against a CA and the host name. It deletes each id
// given with the canonical loop (tc::deletion), one TLS connection per
// attempt, feeding the parser each piece of plaintext as mbedTLS hands it
// over from lwIP's buffers; the attempt's facts (bytes written to the origin,
// a complete final head) go to tc::adapters::report.
//
//   lwip-tls-client TAP LOCAL_IP GATEWAY_IP SERVER_IP BASE_URL CA_PEM ID...
//
// The Basic credentials come from TE_EMAIL and TE_TOKEN. BASE_URL names the
// host the certificate must carry (the Host field and the name checked);
// SERVER_IP is where it is, as DNS would say on a real network. lwIP's unix
// port attaches to the tap device TAP, which must exist and be up (the test,
// tests/lwip/test_lwip.py, makes one in a network namespace of its own).
// Exit status 0 when every deletion ended deleted or already absent.

#include <thousandeyes/credentials.hpp>
#include <thousandeyes/credentials/adapters/attempt.hpp>

extern "C" {
#include <lwip/api.h>
#include <lwip/ip_addr.h>
#include <lwip/netif.h>
#include <lwip/sys.h>
#include <lwip/tcpip.h>
#include <netif/tapif.h>
}

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/entropy.h>
#include <mbedtls/error.h>
#include <mbedtls/net_sockets.h>
#include <mbedtls/ssl.h>
#include <mbedtls/x509_crt.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>

namespace tc = thousandeyes::credentials;

namespace {

// Sized for this program's need: a Basic value of up to 128 bytes, this
// library's user agent, a base URL "https://" host[:port] of up to 64 bytes.
using builder_type = tc::basic_request_builder<tc::builder_capacity(
    128, sizeof(tc::default_user_agent) - 1, 64, 56)>;

void
put(tc::string_view s)
{
    std::fwrite(s.data(), 1, s.size(), stdout);
}

std::int64_t
now_ms()
{
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

// ---- lwIP: the network interface on the tap device -------------------------

struct network
{
    netif nif{};
    ip4_addr_t local{}, mask{}, gateway{};
    sys_sem_t ready{};
};

// Runs in lwIP's tcpip thread, which owns the stack (LWIP_TCPIP_CORE_LOCKING).
void
bring_up(void* arg)
{
    auto* n = static_cast<network*>(arg);
    netif_add(&n->nif, &n->local, &n->mask, &n->gateway, nullptr, tapif_init, tcpip_input);
    netif_set_default(&n->nif);
    netif_set_up(&n->nif);
    sys_sem_signal(&n->ready);
}

// ---- mbedTLS over a netconn ---------------------------------------------------

/// One TCP connection (lwIP netconn) and what it has handed over.
struct link
{
    netconn* conn = nullptr;
    netbuf* pending = nullptr; // a buffer lwIP gave, not yet all read
    std::uint16_t offset = 0;
    int netbufs = 0;           // buffers lwIP handed over
};

int
link_send(void* ctx, unsigned char const* buf, std::size_t len)
{
    auto* l = static_cast<link*>(ctx);
    std::size_t written = 0;
    err_t const e = netconn_write_partly(l->conn, buf, len, NETCONN_COPY, &written);
    if(e != ERR_OK)
        return MBEDTLS_ERR_NET_SEND_FAILED;
    return static_cast<int>(written);
}

int
link_recv(void* ctx, unsigned char* buf, std::size_t len)
{
    auto* l = static_cast<link*>(ctx);
    if(!l->pending)
    {
        err_t const e = netconn_recv(l->conn, &l->pending);
        if(e == ERR_CLSD)
            return 0; // the peer closed: end of stream
        if(e == ERR_TIMEOUT)
            return MBEDTLS_ERR_SSL_TIMEOUT;
        if(e != ERR_OK)
            return MBEDTLS_ERR_NET_RECV_FAILED;
        l->offset = 0;
        ++l->netbufs;
    }
    std::uint16_t const total = netbuf_len(l->pending);
    std::uint16_t const n = static_cast<std::uint16_t>(
        len < static_cast<std::size_t>(total - l->offset) ? len : total - l->offset);
    netbuf_copy_partial(l->pending, buf, n, l->offset);
    l->offset = static_cast<std::uint16_t>(l->offset + n);
    if(l->offset == total)
    {
        netbuf_delete(l->pending);
        l->pending = nullptr;
    }
    return n;
}

/// What mbedTLS needs for every connection: the CA, the random source.
struct tls_setup
{
    mbedtls_x509_crt ca;
    mbedtls_entropy_context entropy;
    mbedtls_ctr_drbg_context drbg;
    mbedtls_ssl_config conf;

    tls_setup()
    {
        mbedtls_x509_crt_init(&ca);
        mbedtls_entropy_init(&entropy);
        mbedtls_ctr_drbg_init(&drbg);
        mbedtls_ssl_config_init(&conf);
    }
    tls_setup(tls_setup const&) = delete;
    tls_setup& operator=(tls_setup const&) = delete;
    ~tls_setup()
    {
        mbedtls_ssl_config_free(&conf);
        mbedtls_ctr_drbg_free(&drbg);
        mbedtls_entropy_free(&entropy);
        mbedtls_x509_crt_free(&ca);
    }

    bool
    load(char const* ca_path)
    {
        static constexpr unsigned char personal[] = "te-credentials lwip";
        if(mbedtls_x509_crt_parse_file(&ca, ca_path) != 0 ||
           mbedtls_ctr_drbg_seed(&drbg, mbedtls_entropy_func, &entropy, personal,
                                 sizeof(personal) - 1) != 0 ||
           mbedtls_ssl_config_defaults(&conf, MBEDTLS_SSL_IS_CLIENT, MBEDTLS_SSL_TRANSPORT_STREAM,
                                       MBEDTLS_SSL_PRESET_DEFAULT) != 0)
            return false;
        // the server's certificate must chain to the CA and name the host
        mbedtls_ssl_conf_authmode(&conf, MBEDTLS_SSL_VERIFY_REQUIRED);
        mbedtls_ssl_conf_ca_chain(&conf, &ca, nullptr);
        mbedtls_ssl_conf_rng(&conf, mbedtls_ctr_drbg_random, &drbg);
        return true;
    }
};

void
say_tls_error(char const* what, int code)
{
    char text[128];
    mbedtls_strerror(code, text, sizeof(text));
    std::printf("  %s: %s (-0x%04x)\n", what, text, static_cast<unsigned>(-code));
}

/// Where to connect, and how the certificate must name the server.
struct origin
{
    ip_addr_t address{};
    std::uint16_t port = 443;
    std::string host; // for SNI and the certificate check
};

/** One attempt over a fresh TLS connection: the facts the transport saw.
    `writes` is 1 once mbedTLS accepted the whole head for the origin (after
    a verified handshake); `head` is set once a final head was read whole. */
tc::adapters::attempt
exchange(tls_setup& tls, origin const& o, tc::string_view head, tc::response_parser& parser,
         int& pieces, int& netbufs)
{
    tc::adapters::attempt a;
    link l;
    mbedtls_ssl_context ssl;
    mbedtls_ssl_init(&ssl);
    l.conn = netconn_new(NETCONN_TCP);
    auto finish = [&]() {
        mbedtls_ssl_free(&ssl);
        if(l.pending)
            netbuf_delete(l.pending);
        netconn_close(l.conn);
        netconn_delete(l.conn);
        netbufs = l.netbufs;
        return a;
    };
    netconn_set_recvtimeout(l.conn, 10000);
    err_t const e = netconn_connect(l.conn, &o.address, o.port);
    if(e != ERR_OK)
    {
        std::printf("  connect: %s\n", lwip_strerr(e));
        return finish();
    }
    int r = mbedtls_ssl_setup(&ssl, &tls.conf);
    if(r == 0)
        r = mbedtls_ssl_set_hostname(&ssl, o.host.c_str());
    mbedtls_ssl_set_bio(&ssl, &l, link_send, link_recv, nullptr);
    while(r == 0 && (r = mbedtls_ssl_handshake(&ssl)) != 0)
        if(r != MBEDTLS_ERR_SSL_WANT_READ && r != MBEDTLS_ERR_SSL_WANT_WRITE)
            break;
    if(r != 0)
    {
        say_tls_error("handshake", r); // the request never left
        return finish();
    }
    std::size_t sent = 0;
    while(sent < head.size())
    {
        r = mbedtls_ssl_write(&ssl, reinterpret_cast<unsigned char const*>(head.data()) + sent,
                              head.size() - sent);
        if(r == MBEDTLS_ERR_SSL_WANT_WRITE)
            continue;
        if(r <= 0)
            break;
        a.writes = 1; // bytes of the request went to the origin
        sent += static_cast<std::size_t>(r);
    }
    if(sent < head.size())
    {
        say_tls_error("write", r);
        return finish();
    }
    // The answer, in the pieces mbedTLS gives from lwIP's buffers.
    unsigned char piece[256];
    while(!parser.done())
    {
        r = mbedtls_ssl_read(&ssl, piece, sizeof(piece));
        if(r == MBEDTLS_ERR_SSL_WANT_READ)
            continue;
        if(r <= 0)
            break;
        ++pieces;
        if(!parser.feed(tc::string_view(reinterpret_cast<char const*>(piece),
                                        static_cast<std::size_t>(r))))
            break;
    }
    a.head = parser.get();
    return finish();
}

struct options
{
    network net;
    origin where;
    char const* base_url = nullptr;
    char const* ca = nullptr;
};

bool
parse_args(int argc, char** argv, options& o)
{
    if(argc < 8)
        return false;
    setenv("PRECONFIGURED_TAPIF", argv[1], 1); // lwIP's tapif attaches to it
    ip_addr_t server{};
    if(!ip4addr_aton(argv[2], &o.net.local) || !ip4addr_aton(argv[3], &o.net.gateway) ||
       !ipaddr_aton(argv[4], &server))
        return false;
    IP4_ADDR(&o.net.mask, 255, 255, 255, 0);
    o.where.address = server;
    o.base_url = argv[5];
    o.ca = argv[6];
    return true;
}

} // namespace

int
main(int argc, char** argv)
{
    options o;
    if(!parse_args(argc, argv, o))
    {
        std::fprintf(stderr, "usage: lwip-tls-client TAP LOCAL_IP GATEWAY_IP SERVER_IP "
                             "BASE_URL CA_PEM ID...\n");
        return 2;
    }
    char const* email = std::getenv("TE_EMAIL");
    char const* token = std::getenv("TE_TOKEN");
    auto const ep = tc::endpoint::parse(o.base_url);
    auto const auth = tc::basic_authorization<128>::basic(email ? email : "", token ? token : "");
    if(!ep || !auth)
    {
        std::fprintf(stderr, "configuration: %s\n",
                     (!ep ? ep.error() : auth.error()).message().c_str());
        return 2;
    }
    auto const builder = builder_type::make(*ep, *auth);
    if(!builder)
    {
        std::fprintf(stderr, "configuration: %s\n", builder.error().message().c_str());
        return 2;
    }
    o.where.port = ep->port();
    o.where.host = std::string(ep->hostname());

    tls_setup tls;
    if(!tls.load(o.ca))
    {
        std::fprintf(stderr, "TLS: cannot load the CA file %s\n", o.ca);
        return 2;
    }
    if(sys_sem_new(&o.net.ready, 0) != ERR_OK)
        return 2;
    tcpip_init(bring_up, &o.net);
    sys_sem_wait(&o.net.ready);
    std::printf("lwIP %s up on %s, server %s:%u\n", argv[1], argv[2], argv[4],
                static_cast<unsigned>(o.where.port));

    static tc::static_response_parser<1024> parser;
    bool all = true;
    for(int i = 7; i < argc; ++i)
    {
        auto const id = tc::credential_id::parse(argv[i]);
        if(!id)
            return std::fprintf(stderr, "id %s: %s\n", argv[i], id.error().message().c_str()), 2;
        char head[builder_type::head_buffer_size];
        tc::write_result const w = tc::write_head(*builder, *id, head, sizeof(head));
        if(!w)
            return 2;
        std::printf("credential %s\n", argv[i]);
        tc::deletion del;
        for(tc::step st = del.next(); !st.finished(); st = del.next())
        {
            if(st.kind == tc::step_kind::wait)
            {
                std::printf("  wait %lld ms (", static_cast<long long>(st.wait_ms));
                put(tc::to_string(st.source));
                put(")\n");
                sys_msleep(static_cast<u32_t>(st.wait_ms));
                del.waited();
                continue;
            }
            parser.reset(tc::response_options(now_ms() / 1000));
            int pieces = 0, netbufs = 0;
            tc::adapters::attempt const a =
                exchange(tls, o.where, tc::string_view(head, w.size), parser, pieces, netbufs);
            tc::adapters::report(del, a, now_ms() / 1000);
            std::printf("  attempt %d: ", del.attempts());
            if(a.head)
                std::printf("%d, the head read from %d pieces (%d lwIP buffers), ",
                            a.head->status, pieces, netbufs);
            else
                std::printf("%s, ", a.writes ? "no answer" : "not sent");
            put(tc::to_string(del.last_decision().outcome));
            put("\n");
        }
        tc::step const end = del.next();
        put("  ");
        put(tc::to_string(end.kind));
        put(": ");
        put(tc::to_string(*end.outcome));
        std::printf(" after %d attempts\n", del.attempts());
        all = all && (*end.outcome == tc::outcome::deleted ||
                      *end.outcome == tc::outcome::already_absent);
    }
    std::fflush(stdout);
    // lwIP's threads keep running; the process ends them.
    std::_Exit(all ? 0 : 1);
}
