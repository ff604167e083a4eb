// Lints every cable of a corpus folder and prints, per rule, how many cables it fires on.
// With --rule ID it also prints sample findings with the lines around them, for judging.
//
// Usage (after `npm run build`):
//   node scripts/corpus-rules.mjs [--dir ../shared/corpus] [--rule ID] [--samples 20] [--context 2] [--skip 0] [--list]
//
// Each cable is checked as a user's copy would be: its text and its file name (given to the
// core, which dates an archived cable by its own evidence), nothing else: no manifest.
// --list prints the ids of the cables the rule fires on. Samples are spread evenly over the
// cables the rule fires on (a stable choice, so two runs show the same findings); --skip
// shifts them to see another set.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { parse } = require('../out/server/src/parse/index.js');
const { lint } = require('../out/server/src/rules/engine.js');
const { positionAt } = require('../out/server/src/positions.js');

const opts = { dir: '../shared/corpus', rule: undefined, samples: 20, context: 2, skip: 0, list: false };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--dir') opts.dir = argv[++i];
  else if (a === '--rule') opts.rule = argv[++i];
  else if (a === '--samples') opts.samples = Number(argv[++i]);
  else if (a === '--context') opts.context = Number(argv[++i]);
  else if (a === '--skip') opts.skip = Number(argv[++i]);
  else if (a === '--list') opts.list = true;
  else {
    console.error(`unknown argument ${a}`);
    process.exit(2);
  }
}

const files = readdirSync(opts.dir)
  .filter((f) => f.endsWith('.txt') && f !== 'README.txt')
  .sort();
const perRule = new Map(); // rule -> {severity, cables, findings, hits: [{file, finding, cable}]}
for (const f of files) {
  const path = join(opts.dir, f);
  const cable = parse(readFileSync(path, 'utf8'));
  const findings = lint(cable, { fileName: path });
  const seen = new Set();
  for (const fd of findings) {
    let r = perRule.get(fd.rule);
    if (!r) perRule.set(fd.rule, (r = { severity: fd.severity, cables: 0, findings: 0, hits: [] }));
    r.findings++;
    if (!seen.has(fd.rule)) {
      seen.add(fd.rule);
      r.cables++;
      if (fd.rule === opts.rule) r.hits.push({ file: f, finding: fd, lines: cable.lines });
    }
  }
}

console.log(`${files.length} cables\n`);
console.log('| rule | severity | cables | findings |');
console.log('| --- | --- | --- | --- |');
for (const [rule, r] of [...perRule].sort((a, b) => a[0].localeCompare(b[0])))
  console.log(`| ${rule} | ${r.severity} | ${r.cables} | ${r.findings} |`);

if (opts.rule) {
  const r = perRule.get(opts.rule);
  const hits = r ? r.hits : [];
  console.log(`\n${opts.rule}: fires on ${hits.length} cables`);
  if (opts.list) console.log(hits.map((h) => h.file.replace(/\.txt$/, '')).join(' '));
  const n = Math.min(opts.samples, hits.length);
  for (let k = 0; k < n; k++) {
    const h = hits[(Math.floor((k * hits.length) / n) + opts.skip) % hits.length];
    const pos = positionAt(h.lines, h.finding.start);
    console.log(`\n--- ${h.file}:${pos.line + 1}:${pos.character + 1} ${h.finding.severity} ${h.finding.message}`);
    for (const fx of h.finding.fixes ?? []) console.log(`    fix: ${fx.title} ${JSON.stringify(fx.edits.map((e) => e.newText))}`);
    const from = Math.max(0, pos.line - opts.context);
    const to = Math.min(h.lines.length - 1, pos.line + opts.context);
    for (let i = from; i <= to; i++)
      console.log(`${i === pos.line ? '>' : ' '}${String(i + 1).padStart(5)}| ${h.lines[i].text.slice(0, 200)}`);
  }
}
