// The TextMate grammar (syntaxes/cable.tmLanguage.json, scope text.cable) and its colours.
//
//  * assertion files test/grammar/*.test.cable, run by vscode-tmgrammar-test;
//  * snapshots of 20 real cables test/fixtures/grammar/*.cable(.snap), run by vscode-tmgrammar-snap
//    (update with `npm run grammar:snap-update` after an intended change, and review the diff);
//  * tokenizing stays linear: 10 MB of cable and 100 KB lines, timed against a 4x smaller input;
//  * every regex compiles in Oniguruma and has no nested unbounded quantifier;
//  * the grammar file is what scripts/build-grammar.mjs generates;
//  * the classification colours of package.json are readable on light and dark backgrounds and make
//    the seed's banner, markings, header, tags and DECL date come out in distinct colours.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const ROOT = join(__dirname, '..', '..', '..');
const GRAMMAR_PATH = join(ROOT, 'syntaxes', 'cable.tmLanguage.json');
const BIN = join(ROOT, 'node_modules', '.bin');
const LEVELS = ['unclassified', 'sbu', 'confidential', 'secret', 'topsecret'];

function run(cmd: string, args: string[], timeoutMs = 180_000) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

// --- vscode-textmate with the real grammar -----------------------------------------------------------

let registryPromise: Promise<vsctm.Registry> | undefined;
function registry(): Promise<vsctm.Registry> {
  registryPromise ??= (async () => {
    const wasm = readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) =>
        scopeName === 'text.cable' ? vsctm.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
    });
  })();
  return registryPromise;
}

async function grammar(): Promise<vsctm.IGrammar> {
  const g = await (await registry()).loadGrammar('text.cable');
  assert.ok(g, 'grammar text.cable loads');
  return g;
}

/** Tokenizes lines like the editor does (state carried from line to line); returns CPU milliseconds. */
function tokenizeCpuMs(g: vsctm.IGrammar, lines: string[]): number {
  const start = process.cpuUsage();
  let state = vsctm.INITIAL;
  for (const line of lines) state = g.tokenizeLine2(line, state).ruleStack;
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

// --- the tools' own test runners ---------------------------------------------------------------------

test('vscode-tmgrammar-test: every assertion in test/grammar/*.test.cable holds', () => {
  const files = readdirSync(join(ROOT, 'test', 'grammar')).filter((f) => f.endsWith('.test.cable'));
  assert.ok(files.length >= 8, `${files.length} assertion files`);
  const r = run(join(BIN, 'vscode-tmgrammar-test'), ['test/grammar/*.test.cable']);
  assert.equal(r.status, 0, r.output);
  for (const f of files) assert.ok(r.output.includes(f), `${f} was run:\n${r.output}`);
});

test('vscode-tmgrammar-snap: 20 real cables tokenize as in their committed snapshots', () => {
  const dir = join(ROOT, 'test', 'fixtures', 'grammar');
  const cables = readdirSync(dir).filter((f) => f.endsWith('.cable'));
  assert.ok(cables.length >= 20, `${cables.length} fixtures`);
  // Without a .snap file the tool writes one and passes: require them all to be there first.
  for (const f of cables) assert.ok(existsSync(join(dir, `${f}.snap`)), `${f}.snap is committed (npm run grammar:snap-update)`);
  const r = run(join(BIN, 'vscode-tmgrammar-snap'), ['test/fixtures/grammar/*.cable']);
  assert.equal(r.status, 0, r.output);
  assert.ok(!/Generating snapshot|Updating snapshot/.test(r.output), r.output);
});

test('the committed grammar is what scripts/build-grammar.mjs generates', () => {
  const r = run(process.execPath, [join(ROOT, 'scripts', 'build-grammar.mjs'), '--check']);
  assert.equal(r.status, 0, r.output);
});

// --- regexes -----------------------------------------------------------------------------------------

function allRegexes(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => allRegexes(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if ((k === 'match' || k === 'begin' || k === 'end' || k === 'while') && typeof v === 'string') out.push(v);
      else allRegexes(v, out);
    }
  }
  return out;
}

/**
 * Groups quantified with *, + or {n,} that themselves contain such a quantifier: `(a+)*`, `(?:\s+X)+`.
 * These are what makes a backtracking engine exponential. Bounded repetition (`?`, `{m,n}`) is allowed.
 */
function nestedQuantifiers(re: string): string[] {
  const stack: { unbounded: boolean; start: number }[] = [{ unbounded: false, start: 0 }];
  const bad: string[] = [];
  const quantifier = (i: number): ['unbounded' | 'bounded' | null, number] => {
    const c = re[i];
    const lazy = re[i + 1] === '?' || re[i + 1] === '+' ? 1 : 0;
    if (c === '*' || c === '+') return ['unbounded', 1 + lazy];
    if (c === '?') return ['bounded', 1 + lazy];
    const m = c === '{' ? /^\{(\d*)(,?)(\d*)\}/.exec(re.slice(i)) : null;
    if (m) return [m[2] && !m[3] ? 'unbounded' : 'bounded', m[0].length];
    return [null, 0];
  };
  const top = () => stack[stack.length - 1];
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === '\\' || c === '[') {
      if (c === '\\') i++;
      else {
        i++;
        if (re[i] === '^') i++;
        if (re[i] === ']') i++;
        while (i < re.length && re[i] !== ']') i += re[i] === '\\' ? 2 : 1;
      }
    } else if (c === '(') {
      stack.push({ unbounded: false, start: i });
      continue;
    } else if (c === ')') {
      const group = stack.pop()!;
      const [kind, len] = quantifier(i + 1);
      if (kind === 'unbounded' && group.unbounded) bad.push(re.slice(group.start, i + 1 + len));
      if (group.unbounded || kind === 'unbounded') top().unbounded = true;
      i += len;
      continue;
    }
    const [kind, len] = quantifier(i + 1);
    if (kind === 'unbounded') top().unbounded = true;
    i += len;
  }
  return bad;
}

test('the nested-quantifier check finds what it should', () => {
  assert.deepEqual(nestedQuantifiers('(a+)*'), ['(a+)*']);
  assert.deepEqual(nestedQuantifiers(String.raw`x(?:\s+R[A-Z]{3,7})+`), [String.raw`(?:\s+R[A-Z]{3,7})+`]);
  assert.deepEqual(nestedQuantifiers(String.raw`(?:\s?/{1,2}\s?[^()]{0,60})?`), []);
  assert.deepEqual(nestedQuantifiers(String.raw`[(+*]*\(a\)+`), []);
});

test('every grammar regex compiles in Oniguruma and has no nested unbounded quantifier', async () => {
  await registry();
  const regexes = allRegexes(JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')));
  assert.ok(regexes.length > 50, `${regexes.length} regexes`);
  for (const re of regexes) {
    assert.doesNotThrow(() => new oniguruma.OnigScanner([re]), re);
    assert.deepEqual(nestedQuantifiers(re), [], re);
  }
});

// --- linear time -------------------------------------------------------------------------------------

const SEED = readFileSync(join(ROOT, 'examples', 'seed.cable'), 'utf8').replace(/\r\n?/g, '\n');
const SEED_LINES = SEED.split('\n');
const BODY_START = SEED_LINES.findIndex((l) => /^\[1\]\(#\)1\. /.test(l));

/** A cable of about `bytes` characters: the seed's header once, then its body paragraphs repeated. */
function bigCable(bytes: number): string[] {
  const head = SEED_LINES.slice(0, BODY_START);
  const body = SEED_LINES.slice(BODY_START);
  const lines = [...head];
  let size = head.join('\n').length;
  while (size < bytes) {
    for (const l of body) {
      lines.push(l);
      size += l.length + 1;
    }
  }
  return lines;
}

/** One line of about `bytes` characters: the body text run together, plus pathological pieces. */
const LONG_LINES: Record<string, (bytes: number) => string> = {
  'body paragraphs run together': (n) => {
    const body = SEED_LINES.slice(BODY_START).join(' ') + ' ';
    return body.repeat(Math.ceil(n / body.length)).slice(0, n);
  },
  'unclosed markings': (n) => '(S/REL TO USA, AUS '.repeat(Math.ceil(n / 19)).slice(0, n),
  'reasons without end': (n) => ('Classified By: X 1.4 ' + '(b, '.repeat(n / 4)).slice(0, n),
  spaces: (n) => ' '.repeat(n),
  'letter-spaced words': (n) => 'C O N F I D E N T I A '.repeat(Math.ceil(n / 22)).slice(0, n),
  'END END END': (n) => 'END '.repeat(n / 4),
  'open brackets': (n) => '[[[(('.repeat(n / 5),
  'TAGS line': (n) => ('TAGS: ' + 'PREL, '.repeat(n / 6)).slice(0, n),
  'header line': (n) => ('UNCLAS YEREVAN 001234 SENSITIVE SIPDIS E.O. 12958: N/A TAGS: ' + 'PGOV '.repeat(n / 5)).slice(0, n),
};

/** CPU time for the larger input divided by CPU time for the 4x smaller one (best of `runs`). */
function ratio(g: vsctm.IGrammar, small: string[], large: string[], runs = 2): { small: number; large: number; ratio: number } {
  let s = Infinity;
  let l = Infinity;
  for (let i = 0; i < runs; i++) {
    s = Math.min(s, tokenizeCpuMs(g, small));
    l = Math.min(l, tokenizeCpuMs(g, large));
  }
  return { small: s, large: l, ratio: l / Math.max(s, 1) };
}

test('tokenizing a 10 MB cable takes linear time (4x the text, < 10x the time)', async () => {
  const g = await grammar();
  const MB = 1024 * 1024;
  tokenizeCpuMs(g, bigCable(MB / 4)); // warm up (JIT, compiled scanners)
  const small = bigCable(2.5 * MB);
  const large = bigCable(10 * MB);
  const r = ratio(g, small, large, 1);
  console.log(
    `grammar: 2.5 MB cable ${r.small.toFixed(0)} ms CPU (${(r.small / 2.5).toFixed(0)} ms/MB), ` +
      `10 MB ${r.large.toFixed(0)} ms CPU (${(r.large / 10).toFixed(0)} ms/MB), ratio ${r.ratio.toFixed(2)}`,
  );
  assert.ok(r.ratio < 10, `10 MB took ${r.ratio.toFixed(1)}x the time of 2.5 MB`);
});

test('tokenizing 100 KB lines takes linear time, pathological ones included (4x the line, < 10x the time)', async () => {
  const g = await grammar();
  const KB = 1024;
  tokenizeCpuMs(g, bigCable(256 * KB)); // warm up
  for (const [name, make] of Object.entries(LONG_LINES)) {
    const small = [make(25 * KB)];
    const large = [make(100 * KB)];
    assert.ok(large[0].length >= 99 * KB, `${name}: ${large[0].length} characters`);
    const r = ratio(g, small, large);
    console.log(`grammar: 100 KB line "${name}": ${r.large.toFixed(0)} ms CPU, ratio to 25 KB ${r.ratio.toFixed(2)}`);
    // Below a few ms, timer granularity dominates the ratio: such inputs are fast enough either way.
    assert.ok(r.ratio < 10 || r.large < 50, `${name}: 100 KB took ${r.ratio.toFixed(1)}x the time of 25 KB`);
  }
});

// --- colours -----------------------------------------------------------------------------------------

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

interface Rule {
  name?: string;
  scope: string;
  settings: { foreground?: string; fontStyle?: string };
}
const RULES: Rule[] = pkg.contributes?.configurationDefaults?.['editor.tokenColorCustomizations']?.textMateRules ?? [];

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

test('package.json contributes the grammar for the cable language', () => {
  const g = pkg.contributes.grammars.find((x: { scopeName: string }) => x.scopeName === 'text.cable');
  assert.deepEqual(
    { ...g, tokenTypes: undefined },
    { language: 'cable', scopeName: 'text.cable', path: './syntaxes/cable.tmLanguage.json', tokenTypes: undefined },
  );
  // Markings count as strings for the editor, so bracket-pair colourisation leaves the ( ) of (C) in
  // the classification colour.
  assert.equal(g.tokenTypes?.['constant.language.classification'], 'string');
  // `#0146` (a station serial) is not a colour: no colour swatches in cables.
  assert.equal(pkg.contributes.configurationDefaults['[cable]']?.['editor.colorDecorators'], false);
  assert.ok(pkg.contributes.languages.some((l: { id: string }) => l.id === 'cable'));
  assert.equal(JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')).scopeName, 'text.cable');
  for (const s of ['test:grammar', 'grammar:snap-update', 'grammar:build']) assert.ok(pkg.scripts[s], `npm script ${s}`);
});

test('one default colour per classification level, readable on light and dark backgrounds', () => {
  const colours = LEVELS.map((level) => {
    const rule = RULES.find((r) => r.scope === `constant.language.classification.${level}`);
    assert.ok(rule, `a textMateRule for classification.${level}`);
    const fg = rule.settings.foreground ?? '';
    assert.match(fg, /^#[0-9A-Fa-f]{6}$/);
    assert.equal(rule.settings.fontStyle, 'bold');
    // WCAG contrast against Dark+ (#1E1E1E) and Light+ (#FFFFFF) editor backgrounds.
    for (const bg of ['#1E1E1E', '#FFFFFF']) {
      assert.ok(contrast(fg, bg) >= 3.5, `${level} ${fg} on ${bg}: ${contrast(fg, bg).toFixed(2)}`);
    }
    return fg.toUpperCase();
  });
  assert.equal(new Set(colours).size, LEVELS.length, 'five different colours');
  // The standard hues: green, blue, red, orange (SBU: teal, between green and blue).
  const hue = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    const max = Math.max(r, g, b);
    const d = max - Math.min(r, g, b);
    const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
    return (h * 60 + 360) % 360;
  };
  const [u, sbu, c, s, ts] = colours.map(hue);
  assert.ok(u > 90 && u < 150, `unclassified is green (${u})`);
  assert.ok(sbu > 160 && sbu < 200, `sbu is teal (${sbu})`);
  assert.ok(c > 200 && c < 240, `confidential is blue (${c})`);
  assert.ok(s < 15 || s > 345, `secret is red (${s})`);
  assert.ok(ts > 20 && ts < 45, `top secret is orange (${ts})`);
});

/** A plain theme of the usual TextMate scopes, in the spirit of VS Code's Dark+ and Light+. */
const THEMES: Record<string, { settings: Rule[] }> = {
  dark: {
    settings: [
      { settings: { foreground: '#D4D4D4', background: '#1E1E1E' } } as unknown as Rule,
      { scope: 'comment', settings: { foreground: '#6A9955' } },
      { scope: 'keyword', settings: { foreground: '#569CD6' } },
      { scope: 'keyword.control', settings: { foreground: '#C586C0' } },
      { scope: 'constant.language', settings: { foreground: '#569CD6' } },
      { scope: 'constant.numeric', settings: { foreground: '#B5CEA8' } },
      { scope: 'string', settings: { foreground: '#CE9178' } },
      { scope: 'storage', settings: { foreground: '#569CD6' } },
      { scope: 'entity.name.type', settings: { foreground: '#4EC9B0' } },
      { scope: 'entity.name.function', settings: { foreground: '#DCDCAA' } },
    ],
  },
  light: {
    settings: [
      { settings: { foreground: '#000000', background: '#FFFFFF' } } as unknown as Rule,
      { scope: 'comment', settings: { foreground: '#008000' } },
      { scope: 'keyword', settings: { foreground: '#0000FF' } },
      { scope: 'keyword.control', settings: { foreground: '#AF00DB' } },
      { scope: 'constant.language', settings: { foreground: '#0000FF' } },
      { scope: 'constant.numeric', settings: { foreground: '#098658' } },
      { scope: 'string', settings: { foreground: '#A31515' } },
      { scope: 'storage', settings: { foreground: '#0000FF' } },
      { scope: 'entity.name.type', settings: { foreground: '#267F99' } },
      { scope: 'entity.name.function', settings: { foreground: '#795E26' } },
    ],
  },
};

test('with the default colours the seed shows banner, markings, header, tags and DECL date in distinct colours', async () => {
  const reg = await registry();
  for (const [name, theme] of Object.entries(THEMES)) {
    // User-level tokenColorCustomizations come after the theme's rules, as in VS Code.
    reg.setTheme({ name, settings: [...theme.settings, ...RULES] } as vsctm.IRawTheme);
    const g = await grammar();
    const colorMap = reg.getColorMap();
    const colourOf = new Map<string, { colour: string; bold: boolean }>();
    let state = vsctm.INITIAL;
    for (const line of SEED_LINES) {
      const r = g.tokenizeLine2(line, state);
      state = r.ruleStack;
      for (let i = 0; i < r.tokens.length; i += 2) {
        const start = r.tokens[i];
        const end = i + 2 < r.tokens.length ? r.tokens[i + 2] : line.length;
        const meta = r.tokens[i + 1];
        const colour = colorMap[(meta & 0b00000000111111111000000000000000) >>> 15];
        const bold = (((meta & 0b00000000000000000111100000000000) >>> 11) & 2) !== 0;
        const text = line.slice(start, end);
        if (!colourOf.has(text)) colourOf.set(text, { colour, bold });
      }
    }
    const of = (text: string) => {
      const c = colourOf.get(text);
      assert.ok(c, `${name}: a token "${text}" in the seed`);
      return c;
    };
    const blue = RULES.find((r) => r.scope.endsWith('.confidential'))!.settings.foreground!.toUpperCase();
    for (const t of ['C O N F I D E N T I A L', 'CCCCC', '(C)']) {
      assert.equal(of(t).colour.toUpperCase(), blue, `${name}: ${t} is confidential blue`);
      assert.ok(of(t).bold, `${name}: ${t} is bold`);
    }
    const parts = { banner: 'C O N F I D E N T I A L', header: 'FM', tags: 'PREL', 'DECL date': '02/15/2018', text: 'DERSE' };
    const colours = Object.entries(parts).map(([k, t]) => [k, of(t).colour.toUpperCase()]);
    assert.equal(new Set(colours.map(([, c]) => c)).size, colours.length, `${name}: ${JSON.stringify(colours)}`);
    assert.notEqual(of('[1](#)').colour, of('DERSE').colour, `${name}: web-copy artifacts are dimmed`);
  }
});
