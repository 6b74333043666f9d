import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import { writeIso2709 } from '../src/index.js';
import { createIsoToXmlTranscoder } from '../src/iso2709/to-marcxml.js';
import { ByteBuffer } from '../src/iso2709/write.js';
import { recordArb } from './arbitraries.js';
import { bothPaths } from './convert-helpers.js';

// Values with what the transcoder must get right: markup, CR, controls, U+FFFE, a BOM, non-BMP.
const tricky = fc.constantFrom(
  '&',
  '<',
  '>',
  '"',
  '\r',
  '\t',
  '\n',
  '\x01',
  '\x7f',
  '\ufffe',
  '\ufeff',
  '😀',
  'é',
  '\x85',
);
const defect = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('flip', 'insert', 'delete', 'none', 'none'),
  byte: fc.constantFrom(0x1e, 0x1f, 0x1d, 0x20, 0x30, 0x61, 0xc3, 0xa9, 0xef, 0xbb, 0xbf, 0xff, 0x80, 0x00),
});

function damage(bytes: Uint8Array, d: { at: number; kind: string; byte: number }): Uint8Array {
  if (d.kind === 'none' || bytes.length === 0) return bytes;
  const at = d.at % bytes.length;
  const a = [...bytes];
  if (d.kind === 'flip') a[at] = d.byte;
  else if (d.kind === 'insert') a.splice(at, 0, d.byte);
  else a.splice(at, 1);
  return Uint8Array.from(a);
}

const recordWithTricks = fc
  .tuple(recordArb, fc.array(fc.tuple(fc.nat(), tricky), { maxLength: 4 }))
  .map(([r, tricks]) => {
    for (const [n, t] of tricks) {
      const f = r.fields[n % Math.max(r.fields.length, 1)];
      if (f === undefined) break;
      if ('value' in f) f.value = t + f.value;
      else if (f.subfields[0]) f.subfields[0].value = t + f.subfields[0].value;
    }
    return r;
  });

let fast = 0;
let total = 0;

describe('ISO 2709 → MARCXML transcoder', () => {
  test.prop([
    fc.array(recordWithTricks, { minLength: 1, maxLength: 4 }),
    fc.array(defect, { maxLength: 2 }),
    fc.boolean(),
  ])(
    'convertRecords == encodeRecords(readRecords()) on generated and damaged records',
    async (records, defects, replace) => {
      let bytes: Uint8Array = writeIso2709(records, { encoding: 'auto' });
      const t = createIsoToXmlTranscoder({}, { format: 'marcxml' } as never);
      const clean = bytes;
      for (let s = 0; s < clean.length; ) {
        const e = clean.indexOf(0x1d, s);
        total++;
        if (t?.record(clean, s, e, new ByteBuffer(16))) fast++;
        s = e + 1;
      }
      for (const d of defects) bytes = damage(bytes, d);
      const write = { format: 'marcxml' as const, ...(replace ? { invalidChars: 'replace' as const } : {}) };
      const [slow, quick] = await bothPaths(bytes, {}, write);
      expect(quick[1]).toEqual(slow[1]);
      expect(quick[0] === slow[0]).toBe(true);
    },
  );

  afterAll(() => {
    // Most clean records must take the fast path, or the property above proves little.
    expect(fast / total).toBeGreaterThan(0.5);
  });
});
