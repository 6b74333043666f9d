// Automatic Code 128 (zint -b 20) and GS1-128 (zint -b 16 --gs1) modules against zint 2.11.1 `--dump`.
// zint picks code sets by the ISO/IEC 15417 Annex E block rules and, for ISO 8859-1 characters 128–255, FNC4
// by its own run rules (FNC4 FNC4 latches runs of 5+, or 3+ ending the data). Neither is always shortest, and
// a few high-character inputs zint 2.11 misencodes. Our port of zint (zintCode128Values) reproduces zint's
// modules exactly, right or wrong; the encoder emits zint's sequence whenever it is correct and no longer
// than the minimum, and the minimum otherwise. So for every input exactly one of:
//   1. ours equals zint's modules;
//   2. zint's symbol is correct but longer, ours is strictly shorter (the minimum: see the exhaustive search
//      in linear.prop.test.ts). The class, precisely:
//      - ASCII without control characters: never (zint is minimal there; code128-annex-e.test.ts checks it);
//      - ASCII with control characters: zint places set C optimally, and loses only in choosing A, B or Shift
//        from the adjacent block alone ("0A\x01" starts B and shifts; "a\x011\x01" shifts twice where one
//        latch serves both), checked in code128-annex-e.test.ts;
//      - ISO 8859-1 high characters: zint picks code sets (Annex E on the low 7 bits, ignoring FNC4 costs)
//        and FNC4 (its run rules, ignoring code sets) separately, where the minimum weighs them together.
//        Pure FNC4 examples: exactly 4 high characters ending the data are shifted then latched ("éééé");
//        runs under 5 joined by short ASCII gaps are never latched ("ééaéé"); zint unlatches before 5+
//        ASCII characters even when most are digit pairs in set C ("ééééé12345").
//   3. zint's symbol does not encode the data (its unlatch falls in set C, where it writes nothing, or it
//      gives a latched high character a single FNC4 that turns it into ASCII); ours decodes back.
// zint reads Latin-1 here from `--binary --esc` with \xNN escapes; UTF-8 input without --binary is converted
// to ISO 8859-1 by zint and gives the same symbols (checked below).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeCode128, encodeGs1128 } from '@bibwire/barcode';
import { renderPngSync } from '@bibwire/barcode/node';
import { fc, test } from '@fast-check/vitest';
import { afterAll, expect, it } from 'vitest';
import { commandPeer, describeWithPeers, runPeer } from '../../../../testing/peers.js';
import { code128Items, code128Modules, FNC1_ITEM } from '../../src/linear/code128.js';
import { zintCode128Values } from '../../src/linear/code128-annex-e.js';
import { toZintHex } from '../helpers.js';
import { decodeCode128 } from '../reference/linear-decoders.js';

/** zint's --esc form: control characters, backslash and 128–255 as \xNN so argv carries any byte. */
const escaped = (data: string) =>
  data.replace(/[\x00-\x1f\\\x80-\xff]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);

const zintHex = (args: readonly string[]) =>
  runPeer('zint', [...args, '--dump'])
    .toString('utf8')
    .replace(/\s+/g, '');

const decodesTo = (modules: Uint8Array, data: string) => {
  try {
    return decodeCode128(modules).text === data;
  } catch {
    return false;
  }
};

/** Which of the three outcomes above an input has (asserting our port reproduces zint exactly). */
type Outcome = 'equal' | 'ours shorter' | 'zint wrong';
function expectZintRule(
  ours: Uint8Array,
  items: readonly number[],
  theirs: string,
  data: string,
  setB = false,
): Outcome {
  const zint = zintCode128Values(items, setB);
  expect(zint).toBeDefined();
  const zintModules = code128Modules(zint?.values ?? []);
  expect(toZintHex(zintModules)).toBe(theirs);
  expect(decodesTo(zintModules, data)).toBe(zint?.faithful);
  expect(decodesTo(ours, data)).toBe(true);
  if (!zint?.faithful) return 'zint wrong';
  if (ours.length === zintModules.length) {
    expect(toZintHex(ours)).toBe(theirs);
    return 'equal';
  }
  expect(ours.length).toBeLessThan(zintModules.length);
  return 'ours shorter';
}

/** Automatic Code 128 (zint barcode 20), or with `setB` set B only (zint barcode 60). */
function checkCode128(data: string, setB = false): Outcome {
  const ours = encodeCode128(data, { codeSet: setB ? 'B' : 'auto' }).modules;
  const theirs = zintHex([`--barcode=${setB ? 60 : 20}`, '--binary', '--esc', `--data=${escaped(data)}`]);
  return expectZintRule(ours, code128Items('code128', data), theirs, data, setB);
}

/** Our GS1-128 items for `[AI]data...` (FNC1 first and after each variable-length field but the last). */
function gs1Items(elements: readonly (readonly [string, string, boolean])[]): number[] {
  const items = [FNC1_ITEM];
  elements.forEach(([ai, data, variable], k) => {
    for (const ch of ai + data) items.push(ch.charCodeAt(0));
    if (variable && k < elements.length - 1) items.push(FNC1_ITEM);
  });
  return items;
}

function checkGs1(elements: readonly (readonly [string, string, boolean])[]) {
  const data = elements.map(([ai, d]) => `[${ai}]${d}`).join('');
  const ours = encodeGs1128(data).modules;
  const theirs = zintHex(['--barcode=16', '--gs1', `--data=${data}`]);
  expect(expectZintRule(ours, gs1Items(elements), theirs, decodeCode128(ours).text)).not.toBe('zint wrong');
}

const CODE128_CORPUS = [
  '1',
  '12',
  '123',
  '1234',
  '12345',
  '1234567',
  '12a',
  '123a',
  'a12',
  'a123',
  'a12345',
  'ab1234',
  '1234ab',
  '12345ab',
  'a123456b',
  'ab123cd',
  'ab1234cd',
  'AB12345CD',
  '12345678a',
  '123456789a',
  '\x01a',
  'a\x01b',
  '\x01ab',
  'ab\x01',
  '\x01b\x01',
  'a\x01\x02b',
  '\x01\x02a\x03',
  '\x0112345',
  '12345\x01',
  'A1234\x01',
  'a1234\x01',
  'a\x0112345b',
  '2C2\x01',
  '\x00\x00ab',
  'a`b\\',
  'HELLO world 2026',
];

const GS1_CORPUS: (readonly [string, string, boolean])[][] = [
  [
    ['01', '09501101530003', false],
    ['10', 'ABC', true],
  ],
  [['10', 'ABC', true]],
  [['10', '1234', true]],
  [['10', '1234567', true]],
  [['240', '12345', true]],
  [
    ['10', '123', true],
    ['21', 'abc', true],
  ],
  [
    ['10', '1', true],
    ['21', '1', true],
  ],
  [
    ['10', '1', true],
    ['21', '12', true],
  ],
  [
    ['10', 'A12345', true],
    ['21', 'B', true],
  ],
  [
    ['10', 'A1234', true],
    ['21', '12345', true],
  ],
  [
    ['10', 'abc123', true],
    ['21', 'x', true],
  ],
  [
    ['10', 'A', true],
    ['21', '123456A', true],
  ],
  [
    ['21', 'A1', true],
    ['10', '12345', true],
  ],
];

const CHARS = [...'0123456789012345678901234567890123456789ABCxyz ~`_\\', '\x00', '\x01', '\x1f', '\x7f'];
const CSET82 = [...'0123456789012345678901234567890123456789ABCxyz!%&*+-./:;<=>?_'];
/** A GS1 element string: an optional (01) GTIN-14 with its check digit, then variable-length AIs. */
const gs1Elements = fc
  .tuple(
    fc.option(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 13, maxLength: 13 })),
    fc.array(
      fc.tuple(
        fc.constantFrom('10', '21', '240', '90', '400'),
        fc.string({ unit: fc.constantFrom(...CSET82), minLength: 1, maxLength: 20 }),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([gtin, vars]) => {
    const out: (readonly [string, string, boolean])[] = [];
    if (gtin !== null) {
      let sum = 0;
      for (let i = 0; i < 13; i++) sum += Number(gtin[i]) * (i % 2 === 0 ? 3 : 1);
      out.push(['01', gtin + String((10 - (sum % 10)) % 10), false]);
    }
    for (const [ai, d] of vars) out.push([ai, d, true]);
    return out;
  });

/** Runs of high characters (lengths 1–7) at the start, middle and end, beside digits, lowercase, controls. */
const HIGH_RUNS = ['\xe9', '\xc0\xe9\xff', '\x81\xe9\xb1\xe0', '\xb1\xb2\xb3\xb4\xb5'];
const EXTENDED_CORPUS = [1, 2, 3, 4, 5, 6, 7].flatMap((n) =>
  HIGH_RUNS.map((run) => run.repeat(n).slice(0, n)).flatMap((r) => [
    r,
    `a${r}`,
    `${r}a`,
    `ab${r}cd`,
    `ab${r}cdefg`,
    `12${r}`,
    `${r}1234`,
    `${r}12345`,
    `${r}1234abcde`,
    `${r}12${r}`,
    `\x01${r}`,
    `${r}\x01`,
    `${r}\x01\x02\x03`,
    `A${r}b\x01${r}`,
  ]),
);

/** Latin-1 text: ASCII of every class, any character 128–255, and é often enough to make runs. */
const latin1Text = fc.string({
  unit: fc.oneof(
    { arbitrary: fc.constantFrom(...CHARS), weight: 3 },
    { arbitrary: fc.integer({ min: 128, max: 255 }).map((c) => String.fromCharCode(c)), weight: 2 },
    { arbitrary: fc.constant('\xe9'), weight: 2 },
  ),
  minLength: 1,
  // zint 2.11 refuses more than 60 symbol characters; 3 per character at most keeps 16 under it.
  maxLength: 16,
});

describeWithPeers('automatic Code 128 and GS1-128 modules equal zint --dump', [commandPeer('zint')], () => {
  it('Code 128 fixed corpus (digit runs, set A controls, set B lowercase, Shift)', () => {
    for (const d of CODE128_CORPUS) expect(checkCode128(d)).not.toBe('zint wrong');
  });
  it('Code 128 ISO 8859-1 fixed corpus (FNC4 and FNC4 FNC4 runs in every position)', () => {
    const outcomes = new Set(EXTENDED_CORPUS.map((d) => checkCode128(d)));
    expect([...outcomes].sort()).toEqual(['equal', 'ours shorter', 'zint wrong']);
  });
  it.each([
    ['2C2\x01', 'ours shorter'],
    ['0A\x01', 'ours shorter'],
    ['697B6B\x01', 'ours shorter'],
    ['_323\x1f0700', 'ours shorter'],
    ['a\x011\x01', 'ours shorter'],
    ['a\x0112345b', 'ours shorter'],
    ['\xe9\xe9\xe9\xe9', 'ours shorter'],
    ['\xe9\xe9a\xe9\xe9', 'ours shorter'],
    ['\xe9\xe9\xe9\xe9\xe912345', 'ours shorter'],
    ['\xe9\xe9\xe9\xe9\xe91234abcde', 'zint wrong'],
    ['\xe9\xe9\xe9\xe9\xe912\xe9', 'zint wrong'],
    ['ab\xe9\xe9\xe9\xe9\xe9cd', 'equal'],
    ['\x01\x01\xe9\x01', 'equal'],
  ])('Code 128 %j: %s', (data, outcome) => {
    expect(checkCode128(data)).toBe(outcome);
  });
  it('zint takes UTF-8 input (converted to ISO 8859-1) and --binary Latin-1 bytes alike', () => {
    for (const d of ['Gr\xfc\xdfe', '\xe9\xe9\xe9\xe9\xe9', 'Bj\xf6rk \xc5str\xf6m 1234', '\xb1\xb2\xb3']) {
      const utf8 = zintHex(['--barcode=20', `--data=${d}`]);
      expect(utf8).toBe(zintHex(['--barcode=20', '--binary', '--esc', `--data=${escaped(d)}`]));
      expect(toZintHex(encodeCode128(d).modules)).toBe(utf8);
    }
  });
  test.prop([fc.string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 24 })], {
    numRuns: 300,
    seed: 128,
  })('Code 128 ASCII generated (300)', (d) => {
    expect(checkCode128(d)).not.toBe('zint wrong');
  });
  it('Code 128 ISO 8859-1 generated (300, fixed seed): every input equal, shorter, or zint wrong', () => {
    const tally = { equal: 0, 'ours shorter': 0, 'zint wrong': 0 };
    for (const d of fc.sample(latin1Text, { numRuns: 300, seed: 8859 })) tally[checkCode128(d)]++;
    expect(tally.equal).toBeGreaterThan(tally['ours shorter'] + tally['zint wrong']);
    expect(tally['ours shorter']).toBeGreaterThan(0);
  });
  it('Code 128 set B only (60) with ISO 8859-1: the same FNC4 rules, the same three outcomes', () => {
    const inB = (d: string) => Array.from(d).every((c) => (c.charCodeAt(0) & 127) >= 32);
    const corpus = EXTENDED_CORPUS.filter(inB);
    const outcomes = new Set(corpus.map((d) => checkCode128(d, true)));
    expect([...outcomes].sort()).toEqual(['equal', 'ours shorter']);
    expect(checkCode128('\xe9\xe9\xe9\xe9\xe912345', true)).toBe('equal'); // no set C: unlatching pays
    expect(checkCode128('\xe9\xe9\xe9\xe9\xe912\xe9', true)).toBe('zint wrong');
  });
  it('GS1-128 fixed corpus (FNC1 inside digit runs, odd runs)', () => {
    for (const e of GS1_CORPUS) checkGs1(e);
  });
  test.prop([gs1Elements], { numRuns: 300, seed: 16 })('GS1-128 generated (300)', (e) => {
    checkGs1(e);
  });
});

/** ZXingReader's "Bytes:" for each file (hex pairs), in file order. */
function zxingBytes(files: readonly string[]): string[] {
  const out = runPeer('ZXingReader', ['-format', 'Code128', ...files]).toString('utf8');
  const bytes = new Map<string, string>();
  let file = '';
  for (const line of out.split('\n')) {
    if (line.startsWith('File:')) file = line.slice(5).trim();
    if (line.startsWith('Bytes:')) bytes.set(file, line.slice(6).trim());
  }
  return files.map((f) => bytes.get(f) ?? `<no read: ${f}>`);
}

const latin1Hex = (data: string) =>
  Array.from(data, (c) => c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')).join(' ');

describeWithPeers('Code 128 extended mode read by ZXingReader', [commandPeer('ZXingReader')], () => {
  const dir = mkdtempSync(join(tmpdir(), 'bibwire-code128-fnc4-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('our FNC4, FNC4 FNC4 latch/unlatch and FNC4 + Shift symbols read back byte for byte', () => {
    const texts = [
      ...EXTENDED_CORPUS.filter((_, k) => k % 5 === 0),
      '\xe9\xe9\xe9\xe9\xe91234abcde',
      '\xe9\xe9\xe9\xe9\xe912\xe9',
      '\xe9\xe9\xe9\xe9\xe912345',
      'Bj\xf6rk \xc5str\xf6m',
    ];
    const files = texts.map((t, k) => {
      const file = join(dir, `c${k}.png`);
      writeFileSync(file, renderPngSync(encodeCode128(t), { scale: 2 }));
      return file;
    });
    expect(zxingBytes(files)).toEqual(texts.map(latin1Hex));
  });
});
