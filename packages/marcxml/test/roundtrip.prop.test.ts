import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  MarcError,
  parseIso2709,
  parseMarcJson,
  parseMarcXml,
  parseMrk,
  readAllRecords,
  writeIso2709,
  writeMarcJson,
  writeMarcXml,
  writeMrk,
} from '../src/index.js';
import { isoShape, recordArb } from './arbitraries.js';

function splitAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let last = 0;
  for (const p of points) {
    out.push(bytes.subarray(last, p));
    last = p;
  }
  out.push(bytes.subarray(last));
  return out;
}

const records = fc.array(recordArb, { maxLength: 5 });

describe('write -> read is the identity', () => {
  test.prop([records])('ISO 2709 (leader lengths recomputed)', (rs) => {
    const back = parseIso2709(writeIso2709(rs), { strict: true });
    expect(back.map(isoShape)).toEqual(rs.map(isoShape));
  });
  test.prop([records])('MARCXML', (rs) => {
    expect(parseMarcXml(writeMarcXml(rs), { strict: true })).toEqual(rs);
  });
  test.prop([
    recordArb,
    fc.boolean(),
    fc.string({ unit: fc.constantFrom('a', 'm', 'r', 'c'), minLength: 1, maxLength: 4 }),
  ])('MARCXML single record, options', (r, declaration, prefix) => {
    expect(
      parseMarcXml(writeMarcXml(r, { declaration, prefix, indent: declaration }), { strict: true }),
    ).toEqual([r]);
  });
  test.prop([records, fc.boolean()])('MARC-in-JSON (array and NDJSON)', (rs, ndjson) => {
    expect(parseMarcJson(writeMarcJson(rs, { ndjson }), { strict: true })).toEqual(rs);
  });
  test.prop([records])('mnemonic .mrk', (rs) => {
    expect(parseMrk(writeMrk(rs), { strict: true })).toEqual(rs);
  });
});

describe('a byte stream split anywhere gives the same records', () => {
  const cuts = fc.array(fc.nat(), { maxLength: 6 });
  test.prop([records, cuts, fc.constantFrom('iso2709', 'marcxml', 'json', 'mrk')])(
    'every format',
    async (rs, cs, format) => {
      const bytes =
        format === 'iso2709'
          ? writeIso2709(rs)
          : new TextEncoder().encode(
              format === 'marcxml' ? writeMarcXml(rs) : format === 'json' ? writeMarcJson(rs) : writeMrk(rs),
            );
      const whole = await readAllRecords(bytes, { format });
      const pieces = await readAllRecords(splitAt(bytes, cs), { format });
      expect(pieces).toEqual(whole);
      expect(pieces.length).toBe(rs.length);
    },
  );
});

describe('arbitrary input gives records or a MarcError', () => {
  const only = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (!MarcError.is(e)) throw e;
    }
  };
  test.prop([fc.uint8Array({ maxLength: 300 }), fc.boolean()])('ISO 2709', (bytes, strict) => {
    only(() => parseIso2709(bytes, { strict }));
  });
  test.prop([
    fc.array(recordArb, { minLength: 1, maxLength: 2 }),
    fc.nat(),
    fc.integer({ min: 0, max: 255 }),
  ])('ISO 2709 with one byte damaged', (rs, at, value) => {
    const bytes = writeIso2709(rs).slice();
    bytes[at % bytes.length] = value;
    only(() => parseIso2709(bytes));
    only(() => parseIso2709(bytes, { strict: true }));
  });
  test.prop([fc.string({ maxLength: 200 })])('MARCXML, JSON, mrk', (text) => {
    only(() => parseMarcXml(text));
    only(() => parseMarcJson(text));
    only(() => parseMrk(text));
  });
  test.prop([records, fc.nat(), fc.constantFrom('<', '>', '"', '{', '}', '$', '=', '\n', '/')])(
    'damaged MARCXML, JSON and mrk',
    (rs, at, ch) => {
      for (const [text, parse] of [
        [writeMarcXml(rs), parseMarcXml],
        [writeMarcJson(rs), parseMarcJson],
        [writeMrk(rs), parseMrk],
      ] as const) {
        const i = at % (text.length + 1);
        only(() => parse(text.slice(0, i) + ch + text.slice(i)));
      }
    },
  );
  test.prop([fc.uint8Array({ maxLength: 200 })])('readRecords with format detection', async (bytes) => {
    try {
      await readAllRecords(bytes);
    } catch (e) {
      if (!MarcError.is(e)) throw e;
    }
  });
});

describe('ISO 2709 writer invariants', () => {
  test.prop([recordArb])(
    'leader length, base address and every directory entry agree with the bytes',
    (r) => {
      const bytes = writeIso2709(r);
      const ascii = (s: number, e: number) => String.fromCharCode(...bytes.subarray(s, e));
      expect(Number(ascii(0, 5))).toBe(bytes.length);
      expect(bytes[bytes.length - 1]).toBe(0x1d);
      const base = Number(ascii(12, 17));
      expect(bytes[base - 1]).toBe(0x1e);
      expect((base - 25) / 12).toBe(r.fields.length);
      for (let i = 0; i < r.fields.length; i++) {
        const at = 24 + i * 12;
        expect(ascii(at, at + 3)).toBe(r.fields[i]?.tag);
        const len = Number(ascii(at + 3, at + 7));
        const off = Number(ascii(at + 7, at + 12));
        expect(bytes[base + off + len - 1]).toBe(0x1e);
      }
    },
  );
});
