// Copyright (c) 2026 The thousandeyes-credentials authors.
// Distributed under the Boost Software License, Version 1.0. (See LICENSE.)
//
// A Node.js `http` server (its parser is llhttp, strict by default) on
// 127.0.0.1: prints {"port": N}, then one JSON line for each request it
// accepts (answered 204) or refuses (answered 400 by Node).
'use strict';
const http = require('http');

const server = http.createServer((req, res) => {
  const body = [];
  req.on('data', (c) => body.push(c));
  req.on('end', () => {
    process.stdout.write(JSON.stringify({
      method: req.method,
      url: req.url,
      httpVersion: req.httpVersion,
      rawHeaders: req.rawHeaders,
      body: Buffer.concat(body).toString('latin1'),
    }) + '\n');
    res.writeHead(204);
    res.end();
  });
});
server.on('clientError', (err, socket) => {
  process.stdout.write(JSON.stringify({ error: err.code || String(err) }) + '\n');
  socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n');
});
