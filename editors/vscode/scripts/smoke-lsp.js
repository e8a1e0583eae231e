#!/usr/bin/env node
// Smoke test: starts the server command the extension is configured with by default
// (package.json: bregman.server.command) and completes an LSP initialize/shutdown handshake.
// Usage: node scripts/smoke-lsp.js [--bregman PATH]   (PATH replaces the program `bregman`)
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');
const rpc = require('vscode-jsonrpc/node');

const pkg = require(path.join(__dirname, '..', 'package.json'));
const command = pkg.contributes.configuration.properties['bregman.server.command'].default;
let [program, ...args] = command.trim().split(/\s+/);
const at = process.argv.indexOf('--bregman');
if (at > 0 && program === 'bregman') program = path.resolve(process.argv[at + 1]);

const started = Date.now();
const server = spawn(program, args, { stdio: ['pipe', 'pipe', 'inherit'] });
const timer = setTimeout(() => fail('no answer to initialize within 180 s'), 180000);
function fail(message) {
  console.error(`smoke-lsp: FAILED: ${message}`);
  server.kill();
  process.exit(1);
}
server.on('error', (e) => fail(`cannot start '${command}': ${e.message}`));

const connection = rpc.createMessageConnection(
  new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
connection.listen();
(async () => {
  const result = await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  const caps = result && result.capabilities;
  if (!caps || !caps.hoverProvider || !caps.documentFormattingProvider || !caps.definitionProvider) {
    fail(`unexpected capabilities: ${JSON.stringify(caps)}`);
  }
  connection.sendNotification('initialized', {});
  await connection.sendRequest('shutdown');
  connection.sendNotification('exit');
  clearTimeout(timer);
  console.log(`smoke-lsp: '${program} ${args.join(' ')}' answered initialize in ${Date.now() - started} ms ` +
    `(hover, definition, formatting${caps.codeActionProvider ? ', code actions' : ''}${caps.renameProvider ? ', rename' : ''})`);
  setTimeout(() => process.exit(0), 200);
})().catch((e) => fail(e.message));
