#!/usr/bin/env node
// A real SMTP server on loopback for the e-mail tests (npm package smtp-server).
// Usage: node scripts/smtp/smtp-test-server.js --dir <folder> [--port 0] [--user U --pass P]
// Prints "listening <port>" once ready; writes each accepted message to <folder>/<n>.eml and its
// envelope to <folder>/<n>.json. Stops on SIGTERM/SIGINT or when stdin closes (so a test's
// process ending never leaves a server behind).
'use strict';
const fs = require('fs');
const path = require('path');
const { SMTPServer } = require('smtp-server');

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const dir = args.dir;
if (!dir) { console.error('--dir is required'); process.exit(2); }
fs.mkdirSync(dir, { recursive: true });
let count = 0;

const server = new SMTPServer({
  secure: false,
  disabledCommands: args.user ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
  authOptional: !args.user,
  allowInsecureAuth: true,
  logger: false,
  onAuth(auth, session, callback) {
    if (auth.username === args.user && auth.password === args.pass) return callback(null, { user: auth.username });
    return callback(new Error('Invalid username or password'));
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      const n = ++count;
      const base = path.join(dir, String(n).padStart(4, '0'));
      fs.writeFileSync(base + '.json', JSON.stringify({
        from: session.envelope.mailFrom && session.envelope.mailFrom.address,
        to: session.envelope.rcptTo.map((r) => r.address),
        user: session.user || null,
      }));
      fs.writeFileSync(base + '.eml', Buffer.concat(chunks));
      callback();
    });
  },
});

server.on('error', (err) => console.error('smtp-test-server:', err.message));
server.listen(Number(args.port || 0), '127.0.0.1', () => {
  console.log('listening ' + server.server.address().port);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
