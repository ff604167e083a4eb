// The extension manifest and language configuration: what VS Code reads before any code runs.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { corpus, corpusNames, ROOT, seed } from './util';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const langConfig = JSON.parse(readFileSync(join(ROOT, 'language-configuration.json'), 'utf8'));
const lang = pkg.contributes.languages.find((l: { id: string }) => l.id === 'cable');

test('the word pattern keeps S//NF, 1.4, E.O. and a DECL date whole', () => {
  const re = new RegExp(langConfig.wordPattern, 'g');
  const words = '1. (S//NF) per 1.4 (b,d). E.O. 12958: DECL: 02/15/2018 (SBU-N) C/NF'.match(re);
  assert.deepEqual(words, ['1', 'S//NF', 'per', '1.4', 'b', 'd', 'E.O.', '12958', 'DECL', '02/15/2018', 'SBU-N', 'C/NF']);
});

test('firstLine: a VZCZC line or a banner marks a file as a cable; prose does not', () => {
  const re = new RegExp(lang.firstLine);
  for (const l of [
    'VZCZCXYZ0000',
    'VZCZCXRO1124',
    'C O N F I D E N T I A L BAKU 000146',
    'S E C R E T SECTION 01 OF 04 STATE 012345',
    'UNCLAS E F T O LONDON 002363',
    'UNCLAS SECTION 01 OF 03 THE HAGUE 001695',
    'T O P  S E C R E T STATE 000001',
  ]) {
    assert.ok(re.test(l), l);
  }
  for (const l of ['Secret plans for the weekend', 'SECRET', 'UNCLASSIFIED', 'Hello world', '']) assert.ok(!re.test(l), l);
  // Real first lines: every corpus fixture that starts with VZCZC or a banner line is recognised.
  let seen = 0;
  for (const name of corpusNames()) {
    const first = corpus(name).split(/\r?\n/)[0].trimEnd();
    if (/^VZCZC/.test(first)) {
      assert.ok(re.test(first), `${name}: ${first}`);
      seen++;
    }
  }
  assert.ok(seen > 50, `${seen} VZCZC first lines`);
  assert.ok(!re.test(seed().split('\n')[0]), 'the seed starts with a blank line (it is a .cable file anyway)');
});

test('language, commands, settings and colours are declared', () => {
  assert.deepEqual(lang.extensions, ['.cable', '.tel']);
  assert.equal(lang.configuration, './language-configuration.json');
  assert.ok(pkg.activationEvents.includes('onLanguage:cable'));
  assert.ok(pkg.activationEvents.includes('onLanguage:plaintext'), 'plain text is checked for .txt cables');
  const commands = pkg.contributes.commands.map(
    (c: { command: string; title: string; category: string }) => `${c.category}: ${c.title} (${c.command})`,
  );
  assert.deepEqual(commands, [
    'Cable: New Cable (cable.newCable)',
    'Cable: Renumber Paragraphs (cable.renumberParagraphs)',
    'Cable: Open Rule Documentation (cable.openRuleDocumentation)',
    'Cable: Treat .txt files in this folder as cables (cable.treatTxtAsCable)',
    'Cable: Check All Cables in Workspace (cable.checkWorkspace)',
  ]);
  const client = readdirSync(join(ROOT, 'client/src'))
    .map((f) => readFileSync(join(ROOT, 'client/src', f), 'utf8'))
    .join('\n');
  for (const c of pkg.contributes.commands) assert.ok(client.includes(`registerCommand('${c.command}'`), `${c.command} is registered`);
  const props = pkg.contributes.configuration.properties;
  assert.deepEqual(Object.keys(props).sort(), [
    'cable.checkWorkspaceOnStartup',
    'cable.codeLens.banner',
    'cable.codeLens.citedBy',
    'cable.date',
    'cable.detect',
    'cable.extraTagsFile',
    'cable.inlayHints.declYears',
    'cable.inlayHints.dtg',
    'cable.inlayHints.postNames',
    'cable.rules',
    'cable.trace.server',
  ]);
  for (const [k, v] of Object.entries(props) as [string, { description?: string; markdownDescription?: string }][]) {
    assert.ok((v.description ?? v.markdownDescription ?? '').length > 20, `${k} has a description`);
  }
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  for (const k of Object.keys(props)) assert.ok(readme.includes('`' + k + '`'), `${k} is in the README`);
  const colors = pkg.contributes.colors.map((c: { id: string }) => c.id);
  for (const id of ['unclassified', 'confidential', 'secret', 'topSecret']) assert.ok(colors.includes(`cable.classification.${id}`));
});
