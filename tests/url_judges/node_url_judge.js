// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// Node.js's WHATWG URL parser as a judge: reads a JSON array of strings on
// stdin and writes a JSON array with, for each, null (the parser refuses
// it) or {host, port, pathname, search}.
'use strict';
let input = '';
process.stdin.setEncoding('latin1');
process.stdin.on('data', (c) => { input += c; });
process.stdin.on('end', () => {
  const out = JSON.parse(input).map((s) => {
    try {
      const u = new URL(s);
      return { protocol: u.protocol, host: u.host, hostname: u.hostname, port: u.port,
               pathname: u.pathname, search: u.search, username: u.username,
               password: u.password, hash: u.hash };
    } catch (e) {
      return null;
    }
  });
  process.stdout.write(JSON.stringify(out));
});
