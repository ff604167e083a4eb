import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeFiles } from '../workspace/node-files';
import { FrameChecker } from './framing';
import { startServer } from './server';

// Entry point. VS Code starts the server with --node-ipc; other editors run
// `cable-language-server --stdio`. createConnection reads the transport from argv.

// The package version, set by scripts/build.mjs.
declare const CABLE_TOOLS_VERSION: string;

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];
const args = process.argv.slice(2);

if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(
    'Usage: cable-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n\nThe Cable Tools language server (Language Server Protocol).\n',
  );
  process.exit(0);
} else if (args.includes('--version')) {
  process.stdout.write(`${CABLE_TOOLS_VERSION}\n`);
  process.exit(0);
} else if (!args.some((a) => TRANSPORTS.includes(a.split('=')[0]))) {
  process.stderr.write('cable-language-server: choose a transport: --stdio (most editors), --node-ipc, --socket=PORT or --pipe=NAME\n');
  process.exit(2);
}

// Over stdio the messages pass through a FrameChecker: a Content-Length that lies costs that
// message, logged, and not every message after it (framing.ts). The library then treats the
// streams as given, so its own console redirection for --stdio is done here.
const frames = args.includes('--stdio') ? new FrameChecker() : undefined;
const connection = frames
  ? createConnection(ProposedFeatures.all, process.stdin.pipe(frames), process.stdout)
  : createConnection(ProposedFeatures.all);
if (frames) {
  frames.log = (m) => connection.console.error(m);
  // Nothing may write to stdout but the protocol.
  console.log = console.info = console.debug = (...a: unknown[]) => connection.console.log(format(...a));
  console.warn = (...a: unknown[]) => connection.console.warn(format(...a));
  console.error = (...a: unknown[]) => connection.console.error(format(...a));
}

// Whatever escapes a handler is logged; the server keeps serving the other documents.
process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e?.stack ?? String(e)}`));
process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${(e as Error)?.stack ?? String(e)}`));

const session = startServer(connection, undefined, nodeFiles);
// Diagnostics link to the docs/rules.md of this package (dist/server.js sits one folder below it);
// a client may name another copy in initializationOptions.rulesDocument.
const rules = resolve(__dirname, '..', 'docs', 'rules.md');
if (existsSync(rules)) session.rulesDocument = pathToFileURL(rules).toString();
