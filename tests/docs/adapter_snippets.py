#!/usr/bin/env python3
# Copyright (c) 2026 The thousandeyes-credentials authors.
# Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
"""Writes the three adapter snippets of doc/embedding.md (each after an
`<!-- adapter-snippet: NAME -->` line) into one C++ file, each as the body
of a function given the names the README's example defines, so that the
build compiles and links them as written. Usage: adapter_snippets.py PAGE OUT"""
import re
import sys

page, out = sys.argv[1], sys.argv[2]
text = open(page, encoding="utf-8").read()
snippets = dict(re.findall(r"<!-- adapter-snippet: (\w+) -->\n```cpp\n(.*?)```", text, re.S))
if sorted(snippets) != ["beast", "httplib", "libcurl"]:
    sys.exit(f"adapter_snippets.py: expected three snippets, found {sorted(snippets)}")
for name, body in snippets.items():
    if len(body.strip().splitlines()) > 15:
        sys.exit(f"adapter_snippets.py: the {name} snippet is longer than 15 lines")

includes, bodies = [], {}
for name, body in snippets.items():
    lines = body.splitlines()
    includes += [l for l in lines if l.startswith("#include")]
    bodies[name] = "\n".join("    " + l for l in lines if not l.startswith("#include"))

params = {
    "libcurl": "tc::result<tc::request_builder> const& builder, tc::result<tc::request> const& req, "
               "std::vector<tc::credential_id> const& ids",
    "beast": "boost::asio::io_context& io, ssl::context& tls, "
             "boost::asio::ip::tcp::resolver::results_type const& endpoints, "
             "tc::result<tc::request> const& req",
    "httplib": "tc::result<tc::request> const& req",
}
with open(out, "w") as f:
    f.write("// Generated from doc/embedding.md by tests/docs/adapter_snippets.py\n")
    f.write("#include <thousandeyes/credentials.hpp>\n")
    f.write("\n".join(sorted(set(includes))) + "\n")
    f.write("#include <boost/asio/ip/tcp.hpp>\n#include <boost/asio/ssl.hpp>\n"
            "#include <boost/beast/core/tcp_stream.hpp>\n#include <boost/beast/ssl/ssl_stream.hpp>\n"
            "#include <csignal>\n#include <cstdint>\n#include <optional>\n#include <vector>\n\n"
            "namespace tc = thousandeyes::credentials;\nnamespace beast = boost::beast;\n"
            "namespace ssl = boost::asio::ssl;\n\n"
            "static std::int64_t now_s() { return 0; }\nstatic void sleep_ms(std::int64_t) {}\n\n")
    for name, body in sorted(bodies.items()):
        f.write(f"void {name}_snippet({params[name]})\n{{\n{body}\n    (void)end;\n}}\n\n")
    f.write("int main() { return 0; } // built and linked: the snippets compile as written\n")
