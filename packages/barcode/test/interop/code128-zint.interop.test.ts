// Automatic Code 128 (zint -b 20) and GS1-128 (zint -b 16 --gs1) modules against zint 2.11.1 `--dump`.
// zint picks code sets by the ISO/IEC 15417 Annex E block rules, which are not always shortest. We emit zint's
// sequence whenever it is no longer than the minimum, and the minimum otherwise. So for every input:
//   - our Annex E port reproduces zint's modules exactly;
//   - our symbol equals zint's whenever it has as many symbol characters; otherwise ours is strictly shorter
//     (the one documented class of difference: zint 2.11 is longer, e.g. "2C2\x01", "[10]1[21]12").
// Not compared here: ISO 8859-1 characters 128–255. zint latches extended mode with a double FNC4 for runs of
// three or more; our encoder prefixes each with FNC4, so there zint is shorter.
import { encodeCode128, encodeGs1128 } from '@bibwire/barcode';
import { fc, test } from '@fast-check/vitest';
import { expect, it } from 'vitest';
import { commandPeer, describeWithPeers, runPeer } from '../../../../testing/peers.js';
import { code128Items, code128Modules, FNC1_ITEM } from '../../src/linear/code128.js';
import { annexEValues } from '../../src/linear/code128-annex-e.js';
import { toZintHex } from '../helpers.js';

/** zint's --esc form: every control character and backslash as \xNN so argv can carry NUL too. */
const escaped = (data: string) =>
  data.replace(/[\x00-\x1f\\]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);

const zintHex = (args: readonly string[]) =>
  runPeer('zint', [...args, '--dump'])
    .toString('utf8')
    .replace(/\s+/g, '');

/** Asserts the rules above for one input; `ours` and `items` are what our encoder saw. */
function expectZintRule(ours: Uint8Array, items: readonly number[], theirs: string) {
  const annexE = annexEValues(items);
  expect(annexE).toBeDefined();
  const annexModules = code128Modules(annexE ?? []);
  expect(toZintHex(annexModules)).toBe(theirs);
  if (ours.length === annexModules.length) expect(toZintHex(ours)).toBe(theirs);
  else expect(ours.length).toBeLessThan(annexModules.length);
}

function checkCode128(data: string) {
  const ours = encodeCode128(data).modules;
  const theirs = zintHex(['--barcode=20', '--esc', `--data=${escaped(data)}`]);
  expectZintRule(ours, code128Items('code128', data), theirs);
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
  expectZintRule(ours, gs1Items(elements), theirs);
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

describeWithPeers('automatic Code 128 and GS1-128 modules equal zint --dump', [commandPeer('zint')], () => {
  it('Code 128 fixed corpus (digit runs, set A controls, set B lowercase, Shift)', () => {
    for (const d of CODE128_CORPUS) checkCode128(d);
  });
  it('Code 128 where zint is not shortest: ours is strictly shorter', () => {
    for (const d of ['2C2\x01', '697B6B\x01', '_323\x1f0700', 'a\x0112345b']) {
      const ours = encodeCode128(d).modules;
      const zint = code128Modules(annexEValues(code128Items('code128', d)) ?? []);
      expect(ours.length).toBeLessThan(zint.length);
    }
  });
  test.prop([fc.string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 24 })], {
    numRuns: 300,
    seed: 128,
  })('Code 128 generated (300)', (d) => {
    checkCode128(d);
  });
  it('GS1-128 fixed corpus (FNC1 inside digit runs, odd runs)', () => {
    for (const e of GS1_CORPUS) checkGs1(e);
  });
  test.prop([gs1Elements], { numRuns: 300, seed: 16 })('GS1-128 generated (300)', (e) => {
    checkGs1(e);
  });
});
