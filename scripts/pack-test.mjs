// The package test (CI runs it after npm test): packs cable-lint as npm would publish it, installs the
// tarball into a fresh temporary prefix and npm cache (offline: the package has no dependencies, so
// nothing may need fetching), and checks that both commands work from there, outside the repository:
// cable-lint lints the seed cable, cable-language-server answers `initialize` over stdio, and
// `npx <tarball>` runs cable-lint. Prints each check; exits 1 on the first failure.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'cable-pack-'));
// What the package holds: the same list as test/cli/package.test.ts checks with `npm pack --dry-run`.
const EXPECTED = JSON.parse(readFileSync(join(root, 'test/cli/package-files.json'), 'utf8'));
let passed = 0;

function check(what, ok, detail = '') {
  if (!ok) {
    console.error(`not ok - ${what}${detail ? `\n${detail}` : ''}`);
    console.log(`${passed} passed, 1 failed`);
    process.exit(1);
  }
  passed++;
  console.log(`ok - ${what}`);
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    cwd: tmp,
    timeout: 120_000,
    ...options,
    env: { ...process.env, npm_config_cache: join(tmp, 'cache'), npm_config_update_notifier: 'false', NO_COLOR: '1', ...options.env },
  });
  return { status: r.status, out: r.stdout ?? '', err: (r.stderr ?? '') + (r.error ? String(r.error) : '') };
}

try {
  // 1. Pack (npm runs `prepare`, the build).
  const pack = run('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: root });
  check('npm pack', pack.status === 0, pack.err);
  const [info] = JSON.parse(pack.out.slice(pack.out.indexOf('[')));
  const files = info.files.map((f) => f.path).sort();
  check(
    `the tarball holds only the bundles, the bins, README, LICENSE, docs and schema (${files.length} files, ${(info.size / 1024).toFixed(0)} KB)`,
    JSON.stringify(files) === JSON.stringify(EXPECTED),
    files.join('\n'),
  );
  const tarball = join(tmp, info.filename);
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

  // 2. Install globally into an empty prefix, offline, from an empty cache.
  const prefix = join(tmp, 'prefix');
  const inst = run('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball]);
  check('npm install -g <tarball> into an empty prefix, offline', inst.status === 0, inst.err);
  const pkgDir = join(prefix, 'lib', 'node_modules', info.name);
  check('no dependencies were installed with it', existsSync(pkgDir) && !existsSync(join(pkgDir, 'node_modules')));
  const bin = (name) => join(prefix, 'bin', name);

  // 3. cable-lint: the version, and the seed cable (a copy outside the repository).
  const v = run(bin('cable-lint'), ['--version']);
  check(`cable-lint --version prints ${version}`, v.status === 0 && v.out.trim() === version, v.out + v.err);
  const lint = run(bin('cable-lint'), ['--format', 'json', join(root, 'examples', 'seed.cable')]);
  let findings;
  try {
    findings = JSON.parse(lint.out);
  } catch {
    findings = undefined;
  }
  check(
    'cable-lint lints the seed cable (JSON findings, exit status 0 or 1)',
    Array.isArray(findings) && findings.length > 0 && (lint.status === 0 || lint.status === 1),
    lint.out + lint.err,
  );
  const text = run(bin('cable-lint'), [join(root, 'examples', 'seed.cable')]);
  check('cable-lint text output names the seed', text.out.includes('seed.cable') && /file checked/.test(text.err), text.out + text.err);

  // 4. cable-language-server answers initialize over stdio.
  const reply = await initialize(bin('cable-language-server'));
  check(
    'cable-language-server --stdio answers initialize with its capabilities',
    reply?.result?.capabilities?.textDocumentSync !== undefined,
    JSON.stringify(reply),
  );

  // 5. npx <tarball> runs cable-lint (the bin named like the package); npx -p <tarball> cable-language-server
  // the server. (npx takes a bare name or file:PATH for a tarball; a path with a slash is run as a command.)
  const npx = run('npx', ['--yes', '--offline', info.filename, '--version']);
  check('npx <tarball> --version runs cable-lint', npx.status === 0 && npx.out.trim() === version, npx.out + npx.err);
  const npxServer = run('npx', ['--yes', '--offline', '-p', `file:${tarball}`, 'cable-language-server', '--help']);
  check(
    'npx -p <tarball> cable-language-server --help',
    npxServer.status === 0 && /cable-language-server/.test(npxServer.out),
    npxServer.out + npxServer.err,
  );
  console.log(`${passed} passed, 0 failed`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

/** Starts the server, sends initialize, resolves with the reply (or undefined after 20 s). */
function initialize(command) {
  return new Promise((done) => {
    const child = spawn(command, ['--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const timer = setTimeout(() => finish(undefined), 20_000);
    let buf = Buffer.alloc(0);
    function finish(reply) {
      clearTimeout(timer);
      child.kill();
      done(reply);
    }
    child.on('error', () => finish(undefined));
    child.stdout.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      const head = buf.indexOf('\r\n\r\n');
      if (head < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, head).toString())?.[1]);
      if (buf.length < head + 4 + len) return;
      const msg = JSON.parse(buf.subarray(head + 4, head + 4 + len).toString());
      if (msg.id === 1) finish(msg);
      else buf = buf.subarray(head + 4 + len);
    });
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { processId: process.pid, rootUri: null, capabilities: {} },
    });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
}
