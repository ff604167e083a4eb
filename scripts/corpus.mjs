// Parses every cable in a folder and prints what the parser found.
// Usage: npm run corpus -- DIR [--digest FILE]
// --digest writes the digest of every cable's parse (as in test/parse/digest.json)
// to FILE, and prints one digest over all of them: compare two parsers on the corpus.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { parse } = require('../out/server/src/parse/index.js');
const { canonical } = require('../out/test/parse/digest.js');
const { cableDate } = require('../out/server/src/cable-date.js');

const args = process.argv.slice(2);
const digestAt = args.indexOf('--digest');
const digestFile = digestAt >= 0 ? args[digestAt + 1] : undefined;
const dir = args.find((a, i) => !a.startsWith('--') && (digestAt < 0 || i !== digestAt + 1));
const digests = {};
if (!dir || (digestAt >= 0 && !digestFile)) {
  console.error('usage: npm run corpus -- DIR [--digest FILE]');
  process.exit(2);
}
const files = readdirSync(dir)
  .filter((f) => /\.(txt|cable|tel)$/i.test(f))
  .map((f) => join(dir, f))
  .filter((f) => statSync(f).isFile());
const count = {};
const inc = (k, n = 1) => (count[k] = (count[k] ?? 0) + n);
let failures = 0;
let bytes = 0;
let parseMs = 0;
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  bytes += text.length;
  const t0 = performance.now();
  let c;
  try {
    c = parse(text);
  } catch (e) {
    failures++;
    console.error(`${f}: ${e && e.stack}`);
    continue;
  }
  parseMs += performance.now() - t0;
  if (digestFile) digests[f.slice(dir.length).replace(/^[\\/]+/, '')] = createHash('sha256').update(canonical(c)).digest('hex');
  inc('cables');
  // As a user has it: the text and the file name (what cable-lint and the server see), never MANIFEST.
  inc(`dated by: ${cableDate(c, { fileName: f }).source}`);
  inc(`header: ${c.header ? c.header.kind : 'none'}`);
  inc(`banner: ${c.banner ? c.banner.className : 'missing'}`);
  if (c.banner?.section) inc('banner with SECTION n OF m');
  inc(`E.O. line: ${c.eo ? c.eo.decl.kind + (c.eo.decl.date ? ' ' + c.eo.decl.date.form : '') : 'missing'}`);
  inc(c.tags ? 'TAGS line' : 'TAGS line missing');
  inc('tags', c.tags ? c.tags.tags.length : 0);
  inc(c.subject ? 'SUBJECT' : 'SUBJECT missing');
  if (c.refs) {
    inc('REF block');
    inc('REF items', c.refs.items.length);
  }
  inc(c.classifiedBy ? 'Classified By' : 'Classified By missing');
  if (c.classifiedBy && c.classifiedBy.reasons.length === 0) inc('Classified By without reason letters');
  inc('paragraphs', c.paragraphs.length);
  if (c.paragraphs.length === 0) inc('cables without numbered paragraphs');
  inc('paragraphs marked', c.paragraphs.filter((p) => p.marking).length);
  inc(
    'sub-paragraphs',
    c.paragraphs.reduce((n, p) => n + p.subparagraphs.length, 0),
  );
  inc('summary blocks', c.blocks.filter((b) => b.kind === 'summary').length);
  inc('comment blocks', c.blocks.filter((b) => b.kind === 'comment').length);
  inc('page lines', c.pageLines.length);
  if (c.signature) inc('signature');
  inc('captions', c.captions.length);
  inc('passing lines', c.passing.length);
  inc('unplaced lines (preamble wrappers, odd header lines)', c.preamble.length + (c.header ? c.header.other.length : 0));
  inc('web-copy artifacts', c.artifacts.length);
}
const width = Math.max(...Object.keys(count).map((k) => k.length));
for (const k of Object.keys(count).sort()) console.log(`${k.padEnd(width)}  ${count[k]}`);
console.log(`${'exceptions'.padEnd(width)}  ${failures}`);
console.log(
  `\n${files.length} files, ${(bytes / 1e6).toFixed(1)} MB of text, parsed in ${parseMs.toFixed(0)} ms (${(bytes / 1e6 / (parseMs / 1000)).toFixed(1)} MB/s)`,
);
if (digestFile) {
  writeFileSync(digestFile, JSON.stringify(digests, null, 1) + '\n');
  const all = createHash('sha256')
    .update(
      Object.keys(digests)
        .sort()
        .map((k) => `${k} ${digests[k]}`)
        .join('\n'),
    )
    .digest('hex');
  console.log(`parse digest ${all.slice(0, 16)} (per file: ${digestFile})`);
}
process.exit(failures ? 1 : 0);
