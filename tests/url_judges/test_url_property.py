#!/usr/bin/env python3
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""Property test: every base URL endpoint::parse accepts gives a request
that goes where its Host field says, as judged by parsers nobody here wrote:
Node.js's WHATWG URL and Python's urllib.parse.

For each generated hostile base URL that the library accepts:
  - the request URL (what libcurl and other stacks connect to), read by both
    judges, names the Host field's host and port, and its path and query are
    the request-target;
  - the base URL as the user wrote it, read by both judges, names the same
    host and port, and its path is the library's prefix (one trailing '/'
    dropped); WHATWG URL must not refuse it.
Refusing is always allowed. Usage: test_url_property.py PROBE [COUNT] [SEED]
"""
import ipaddress
import json
import random
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

PROBE = sys.argv[1]
COUNT = int(sys.argv[2]) if len(sys.argv) > 2 else 12000
SEED = int(sys.argv[3]) if len(sys.argv) > 3 else 20261129
NODE_JUDGE = Path(__file__).with_name("node_url_judge.js")

SCHEMES = ["https://", "http://", "HTTPS://", "HtTp://", "https:/", "https:", "https:///",
           "ftp://", "ws://", " https://", "https:\\\\", "https://\t"]
HOSTS = ["api.thousandeyes.com", "API.ThousandEyes.COM", "127.0.0.1", "0x7f.1", "127.1",
         "1.2.3.04", "010.0.0.1", "0x7f000001", "2130706433", "[::1]", "[0:0:0:0:0:0:0:1]",
         "[::ffff:127.0.0.1]", "[2001:DB8::1]", "[2001:db8:0:0:1:0:0:1]", "[1:0:0:2::3]",
         "[fe80::1%25eth0]", "[v1.x]", "[::1", "::1", "a..b", "a.", ".a", "example.com.",
         "a_b.example", "xn--abc.example", "xn--nxasmq6b.com", "ex%41mple.com",
         "ex\u00e4mple.com", "a b", "a\tb", "localhost", "-a.com", "a-.com", "1e100",
         "a.0x1g", "a.123", "a.1b", "a.0x", "gw.example.com", "x" * 64 + ".com",
         "a$b.com", "a;b.com", "a!b", "a'b", "a(b)", "a*b", "a+b", "a,b", "a=b", "a&b",
         "api.thousandeyes.com.evil.example", "evil.example\\.api.thousandeyes.com",
         "\u0430pi.thousandeyes.com", "api.thousandeyes.com\u3002evil", "%2e", "",
         "1.2.3.4.5", "256.1.1.1", "[::1]]", "[[::1]]", "a%00b", "\u00df.com"]
USERINFO = ["", "", "", "", "u@", "u:p@", "@", ":@", "api.thousandeyes.com@", "a\\@",
            "a%40b@", "a:b:c@"]
PORTS = ["", "", "", ":", ":443", ":80", ":0", ":8443", ":08443", ":65535", ":65536",
         ":443.evil.example", ":+1", ":1e3", ": 1", ":443:444", ":99999999999", ":-1",
         ":0x1bb", ":\u0661"]
PATHS = ["", "", "", "/", "/gw", "/gw/", "//", "/gw//x", "/./x", "/../x", "/gw/..",
         "/%2e%2e/x", "/gw/%2E", "/.%2e/", "/%2e", "/a%2Fb", "/a%5Cb", "/a;b", "/a;/../b",
         "\\gw", "/a\\b", "/a b", "/\u00e9", "/%C3%A9", "/v6", "/gw/v7/", "/a@b", "/a:b",
         "/~u", "/a%00b", "/a%", "/a%zz", "/a?x", "/a#x", "?", "#", "/...", "/a.b",
         "/gw/.../x", "/a%3Fb", "/a%23b", "/a/./", "/a/b/c/", "/a%7e", "/%41", "/a'b",
         "/a(b)", "/a*b", "/a!", "/a$", "/a&b=c", "/a+b", "/a,b", "/a=b", "/a|b",
         "/a^b", "/a`b", "/a{b}", "/a\"b", "/a<b>", "/a[b]", "/.", "/..", "/.../"]
SUFFIXES = ["", "", "", "", " ", "\t", "\n", "\r\n", "?", "#", "\\", "%", "/", "\x00",
            "?aid=1", "#frag", "\u200b"]
HOSTILE = list(" \t\n\r\x00\x7f@:/\\?#[]%;.,'\"<>^`{}|~!$&()*+=-_") + \
    ["%2e", "%2E", "%2f", "%00", "%25", "..", "\u00e9", "\uff0e", "\u3002", "0x", "::"]


# Plain parts, so that most URLs are accepted and the property is exercised.
PLAIN_SCHEMES = ["https://", "http://", "HTTPS://"]
PLAIN_HOSTS = ["api.thousandeyes.com", "API.ThousandEyes.COM", "127.0.0.1", "[::1]",
               "[0:0:0:0:0:0:0:1]", "[::ffff:127.0.0.1]", "[2001:DB8::1]", "[1:0:0:2::3]",
               "[2001:db8:0:0:1:0:0:1]", "[::]", "[1::]", "gw.example.com", "a_b.example",
               "localhost", "a-1.b-2.c3", "x.y1", "10.1.2.3"]
PLAIN_PORTS = ["", ":", ":443", ":80", ":8443", ":08443", ":65535", ":1"]
PLAIN_PATHS = ["", "/", "/gw", "/gw/", "/a/b/c/", "/a;b", "/%C3%A9", "/a@b", "/a:b",
               "/~u", "/...", "/a.b", "/%41", "/a'b", "/a(b)", "/a*b", "/a!", "/a$",
               "/a&b=c", "/a+b", "/a,b", "/a=b", "/te/api", "/a%7e", "/gw/v6x"]


def pick(rng, plain, hostile):
    return rng.choice(plain if rng.random() < 0.7 else hostile)


def generate(rng, n):
    out = []
    for i in range(n):
        url = (pick(rng, PLAIN_SCHEMES, SCHEMES) + pick(rng, [""], USERINFO) +
               pick(rng, PLAIN_HOSTS, HOSTS) + pick(rng, PLAIN_PORTS, PORTS) +
               pick(rng, PLAIN_PATHS, PATHS) + pick(rng, [""], SUFFIXES))
        # every fourth one mutated: a hostile piece inserted or a byte replaced
        if i % 4 == 0:
            for _ in range(rng.randint(1, 3)):
                pos = rng.randint(0, len(url))
                piece = rng.choice(HOSTILE)
                if rng.random() < 0.5:
                    url = url[:pos] + piece + url[pos:]
                else:
                    url = url[:pos] + piece + url[pos + 1:]
        out.append(url)
    return out


def probe(urls):
    data = "".join(u.encode("utf-8").hex() + "\n" for u in urls)
    res = subprocess.run([PROBE], input=data, capture_output=True, text=True, check=True)
    lines = res.stdout.splitlines()
    assert len(lines) == len(urls), (len(lines), len(urls))
    out = []
    for line in lines:
        f = line.split(" ")
        if f[0] == "0":
            out.append(None)
        else:
            url, host, target, prefix = (bytes.fromhex(x).decode("latin-1") for x in f[1:5])
            out.append({"url": url, "host": host, "target": target, "prefix": prefix})
    return out


def node(strings):
    res = subprocess.run(["node", str(NODE_JUDGE)], input=json.dumps(strings),
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


def split_host(host):
    """Host field value -> (host, port or None)."""
    if host.startswith("["):
        end = host.index("]")
        return host[:end + 1], (int(host[end + 2:]) if len(host) > end + 1 else None)
    if ":" in host:
        h, p = host.rsplit(":", 1)
        return h, int(p)
    return host, None


def same_host(a, b):
    """Equal host names, or equal IPv6 addresses however spelled."""
    if a == b:
        return True
    try:
        return ipaddress.ip_address(a.strip("[]")) == ipaddress.ip_address(b.strip("[]"))
    except ValueError:
        return False


def python_view(s):
    u = urlsplit(s)
    port = u.port  # raises ValueError for a bad port
    return u, port


def check(base, mine, n_out, n_in):
    """The list of what disagrees for one accepted base URL."""
    bad = []
    scheme = mine["url"].split(":", 1)[0]
    default = 443 if scheme == "https" else 80
    host, port = split_host(mine["host"])
    # the request URL, as Node reads it
    if n_out is None:
        bad.append("WHATWG URL refuses the request URL")
    else:
        if n_out["host"] != mine["host"]:
            bad.append(f"WHATWG host {n_out['host']!r} != Host field {mine['host']!r}")
        if n_out["pathname"] + n_out["search"] != mine["target"]:
            bad.append(f"WHATWG path {n_out['pathname'] + n_out['search']!r} != target")
        if n_out["username"] or n_out["password"] or n_out["hash"]:
            bad.append("WHATWG finds userinfo or a fragment in the request URL")
    # the request URL, as Python reads it
    try:
        u, p = python_view(mine["url"])
        if u.netloc != mine["host"] or not same_host(u.hostname, host) or p != port:
            bad.append(f"urllib netloc {u.netloc!r} port {p} != Host field {mine['host']!r}")
        if u.path + "?" + u.query != mine["target"] or u.fragment:
            bad.append(f"urllib path {u.path + '?' + u.query!r} != target")
    except ValueError as e:
        bad.append(f"urllib refuses the request URL: {e}")
    # the base URL as written, as Node reads it
    if n_in is None:
        bad.append("WHATWG URL refuses the base URL the library accepted")
    else:
        n_host, n_port = n_in["hostname"], int(n_in["port"]) if n_in["port"] else None
        if not same_host(n_host, host) or n_port != port:
            bad.append(f"WHATWG reads the base URL's host as {n_in['host']!r}")
        path = n_in["pathname"]
        if path.endswith("/"):
            path = path[:-1]
        if path != mine["prefix"] or n_in["search"] or n_in["hash"] or n_in["username"]:
            bad.append(f"WHATWG reads the base URL's path as {n_in['pathname']!r}")
    # the base URL as written, as Python reads it
    try:
        u, p = python_view(base)
        if p == default:
            p = None
        if not same_host(u.hostname or "", host) or p != port:
            bad.append(f"urllib reads the base URL's host as {u.netloc!r}")
        path = u.path[:-1] if u.path.endswith("/") else u.path
        if path != mine["prefix"] or u.query or u.fragment:
            bad.append(f"urllib reads the base URL's path as {u.path!r}")
    except ValueError as e:
        bad.append(f"urllib refuses the base URL: {e}")
    return bad


def main():
    rng = random.Random(SEED)
    # the examples first, then generated ones
    urls = dict.fromkeys(["https://api.thousandeyes.com:443.evil.example", "https://h/gw/../x",
                          "https://h/%2e%2e/x", "https://h/gw/%2E"])
    while len(urls) < COUNT:
        urls.update(dict.fromkeys(generate(rng, COUNT - len(urls))))
    urls = list(urls)
    mine = probe(urls)
    accepted = [(u, m) for u, m in zip(urls, mine) if m is not None]
    judged = node([m["url"] for _, m in accepted] + [u for u, _ in accepted])
    n_out, n_in = judged[:len(accepted)], judged[len(accepted):]
    failures = []
    for (base, m), o, i in zip(accepted, n_out, n_in):
        bad = check(base, m, o, i)
        if bad:
            failures.append((base, m, bad))
    for base, m, bad in failures[:20]:
        print(f"FAIL {base!r} -> Host {m['host']!r} target {m['target']!r}: {'; '.join(bad)}")
    for bad in ("https://api.thousandeyes.com:443.evil.example", "https://h/gw/../x",
                "https://h/%2e%2e/x", "https://h/gw/%2E"):
        if mine[urls.index(bad)] is not None:
            failures.append((bad, None, ["accepted"]))
            print(f"FAIL {bad!r} is accepted")
    print(f"{len(urls)} distinct base URLs (seed {SEED}): {len(accepted)} accepted, "
          f"{len(urls) - len(accepted)} refused; {len(failures)} disagree with a judge")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
