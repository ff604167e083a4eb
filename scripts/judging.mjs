// The judged sample of error- and warning-level findings on real cables, per decade
// (docs/judging/<decade>.tsv), and the precision of each rule in each decade.
//
// Usage (after `npm run build`):
//   node scripts/judging.mjs findings --dir DIR [--dir DIR ...] [--only ID,ID]
//       prints every error/warning finding as a TSV row to judge:
//       cable, decade, rule, line, severity, message
//   node scripts/judging.mjs report --dir DIR [--dir DIR ...]
//       re-lints every cable named in docs/judging/*.tsv (found in the folders given),
//       prints right/artifact/wrong per rule per decade over the findings that still fire,
//       the judged findings that no longer fire (gone) and the findings nobody judged yet (new)
//
// Each cable is linted as a user's copy would be: parsed from its text, with its file
// name, and no other knowledge (no manifest): the core dates it by its own evidence.
// The decade a cable belongs to comes from the year of the reference id in its file name.
// Verdicts: right (a defect in the cable as published), artifact (true of the text, but
// made by the copy: a truncated page, lost line breaks), wrong (the rule is mistaken).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { parse } = require('../out/server/src/parse/index.js');
const { lint } = require('../out/server/src/rules/engine.js');
const { positionAt } = require('../out/server/src/positions.js');

const JUDGING = new URL('../docs/judging/', import.meta.url).pathname;
const TODAY = { year: 2026, month: 12, day: 5 };

const argv = process.argv.slice(2);
const command = argv.shift();
const dirs = [];
let only;
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--dir') dirs.push(argv[++i]);
  else if (argv[i] === '--only') only = new Set(argv[++i].split(','));
  else usage(`unknown argument ${argv[i]}`);
}
if (!['findings', 'report'].includes(command) || dirs.length === 0) usage();

function usage(msg) {
  if (msg) console.error(msg);
  console.error('usage: node scripts/judging.mjs findings|report --dir DIR [--dir DIR ...] [--only ID,ID]');
  process.exit(2);
}

/** The decade of a reference id's year: `75TEHRAN2069`, `1975STATE133602`, `7575LIBREVILLE1895` -> 1970s. */
function decadeOf(id) {
  const m = /^(19\d\d|20\d\d|\d{2})(?=\d*[A-Z])/.exec(id);
  if (!m) return 'undated';
  const y = Number(m[1]);
  const year = m[1].length === 4 ? y : y >= 50 ? 1900 + y : 2000 + y;
  return `${Math.floor(year / 10) * 10}s`;
}

// id -> path, over the folders given (the first folder that has it wins)
const files = new Map();
for (const d of dirs)
  for (const f of readdirSync(d).filter((n) => /\.(txt|cable)$/i.test(n) && n !== 'README.txt'))
    if (!files.has(f.replace(/\.\w+$/, ''))) files.set(f.replace(/\.\w+$/, ''), join(d, f));

/** Error- and warning-level findings on one cable: {rule, line (1-based), severity, message}. */
function findingsOf(id) {
  const path = files.get(id);
  const cable = parse(readFileSync(path, 'utf8'));
  return lint(cable, { fileName: path, today: TODAY })
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => ({ rule: f.rule, line: positionAt(cable.lines, f.start).line + 1, severity: f.severity, message: f.message }));
}

const clean = (s) => s.replace(/[\t\n]/g, ' ');

if (command === 'findings') {
  console.log(['cable', 'decade', 'rule', 'line', 'severity', 'message'].join('\t'));
  for (const id of [...files.keys()].sort()) {
    if (only && !only.has(id)) continue;
    for (const f of findingsOf(id)) console.log([id, decadeOf(id), f.rule, f.line, f.severity, clean(f.message)].join('\t'));
  }
  process.exit(0);
}

// report
const judged = [];
for (const f of existsSync(JUDGING)
  ? readdirSync(JUDGING)
      .filter((n) => n.endsWith('.tsv'))
      .sort()
  : []) {
  const [head, ...rows] = readFileSync(join(JUDGING, f), 'utf8')
    .split('\n')
    .filter((r) => r.trim());
  const cols = head.split('\t');
  for (const r of rows) {
    const o = Object.fromEntries(r.split('\t').map((v, i) => [cols[i], v]));
    judged.push({ ...o, line: Number(o.line) });
  }
}
const key = (id, rule, line) => `${id}\t${rule}\t${line}`;
const verdicts = new Map(judged.map((j) => [key(j.cable, j.rule, j.line), j]));
const cables = [...new Set(judged.map((j) => j.cable))].sort();
const missing = cables.filter((id) => !files.has(id));
const table = new Map(); // rule -> decade -> {right, artifact, wrong}
const fresh = [];
const firing = new Set();
for (const id of cables.filter((c) => files.has(c))) {
  for (const f of findingsOf(id)) {
    const k = key(id, f.rule, f.line);
    firing.add(k);
    const j = verdicts.get(k);
    if (!j) {
      fresh.push([id, decadeOf(id), f.rule, f.line, f.severity, clean(f.message)].join('\t'));
      continue;
    }
    const perDecade = table.get(f.rule) ?? table.set(f.rule, new Map()).get(f.rule);
    const cell = perDecade.get(decadeOf(id)) ?? perDecade.set(decadeOf(id), { right: 0, artifact: 0, wrong: 0 }).get(decadeOf(id));
    cell[j.verdict] = (cell[j.verdict] ?? 0) + 1;
  }
}
const decades = [...new Set(cables.map(decadeOf))].sort();
const pct = (c) => {
  const n = c.right + c.artifact + c.wrong;
  if (!n) return '–';
  return `${c.right + c.artifact}/${n} (${Math.round((100 * (c.right + c.artifact)) / n)}%)${c.artifact ? ` [${c.artifact} copy]` : ''}`;
};
console.log(
  `${cables.length} judged cables (${missing.length} not found: ${missing.join(' ') || 'none'}), ${judged.length} judged findings\n`,
);
console.log(`| rule | ${decades.join(' | ')} |`);
console.log(`| --- | ${decades.map(() => '---').join(' | ')} |`);
for (const [rule, perDecade] of [...table].sort((a, b) => a[0].localeCompare(b[0])))
  console.log(`| ${rule} | ${decades.map((d) => (perDecade.has(d) ? pct(perDecade.get(d)) : '–')).join(' | ')} |`);
const totals = decades.map((d) => {
  const t = { right: 0, artifact: 0, wrong: 0 };
  for (const perDecade of table.values()) for (const k of Object.keys(t)) t[k] += perDecade.get(d)?.[k] ?? 0;
  return t;
});
console.log(`| all rules | ${totals.map(pct).join(' | ')} |`);
const stillWrong = judged.filter((j) => j.verdict === 'wrong' && firing.has(key(j.cable, j.rule, j.line)));
console.log(`\njudged wrong and still firing: ${stillWrong.length}`);
for (const j of stillWrong) console.log(`  ${j.cable}\t${j.rule}\t${j.line}\t${j.why}`);
const gone = judged.filter((j) => files.has(j.cable) && !firing.has(key(j.cable, j.rule, j.line)));
console.log(`\njudged findings that no longer fire: ${gone.length}`);
for (const j of gone) console.log(`  ${j.verdict}\t${j.cable}\t${j.rule}\t${j.line}`);
console.log(`\nfindings not judged yet: ${fresh.length}`);
for (const r of fresh) console.log(`  ${r}`);
