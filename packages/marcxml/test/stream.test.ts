import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  createIso2709Reader,
  detectFormat,
  encodeRecords,
  MarcError,
  type MarcRecord,
  parseIso2709,
  readAllRecords,
  readRecords,
  writeMarcXml,
  writeRecords,
} from '../src/index.js';
import { collector, sample } from './helpers.js';

const utf8File = sample('iso2709-marc21', 'yaz-marccol1.u8.marc');
const expected = parseIso2709(utf8File);

function pieces(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

describe('readRecords', () => {
  it('a Node Readable with tiny chunks: no character damaged at a boundary', async () => {
    for (const size of [1, 3, 64, 4096]) {
      expect(await readAllRecords(Readable.from(pieces(utf8File, size)))).toEqual(expected);
    }
  });

  it('a web ReadableStream', async () => {
    const chunks = pieces(utf8File, 100);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(c);
        controller.close();
      },
    });
    expect(await readAllRecords(stream)).toEqual(expected);
  });

  it('MARCXML split inside multi-byte characters', async () => {
    const xml = new TextEncoder().encode(writeMarcXml(expected));
    expect(await readAllRecords(pieces(xml, 7))).toEqual(expected);
  });

  it('detects the format from the first bytes (BOM and whitespace skipped)', async () => {
    expect(detectFormat('\ufeff  <collection')).toBe('marcxml');
    expect(detectFormat('[{"leader"')).toBe('json');
    expect(detectFormat('=LDR  ')).toBe('mrk');
    expect(detectFormat(utf8File.subarray(0, 10))).toBe('iso2709');
    for (const [dir, file] of [
      ['marcxml', 'perl-xml-batch-ns.xml'],
      ['json', 'perl-mij-test.ndj'],
      ['mnemonic', 'marc4j-brkrtest.mrk8'],
    ] as const) {
      expect((await readAllRecords(pieces(sample(dir, file), 5))).length).toBeGreaterThan(0);
    }
  });

  it('yields records as they complete (streaming, not buffering)', async () => {
    let fed = 0;
    async function* source() {
      for (const c of pieces(utf8File, 512)) {
        fed += c.length;
        yield c;
      }
    }
    const it = readRecords(source())[Symbol.asyncIterator]();
    await it.next();
    expect(fed).toBeLessThan(utf8File.length);
    await it.return?.(undefined);
  });

  it('problems carry the byte offset in the whole stream', async () => {
    const bad = sample('broken', 'perl-badind.usmarc');
    const both = new Uint8Array([...utf8File, ...bad]);
    const c = collector();
    await readAllRecords(pieces(both, 1000), { onProblem: c.onProblem });
    expect(c.problems[0]).toMatchObject({ code: 'INVALID_INDICATOR', record: 20 });
    expect(c.problems[0]?.offset).toBeGreaterThan(utf8File.length);
    expect(both[c.problems[0]?.offset as number]).toBe(0x2d); // the '-' indicator
  });

  it('a record without terminator beyond maxRecordBytes is LIMIT_EXCEEDED', () => {
    const reader = createIso2709Reader({ maxRecordBytes: 100 });
    expect(() => reader.push(new Uint8Array(200).fill(0x30))).toThrow(
      expect.objectContaining({ code: 'LIMIT_EXCEEDED' }),
    );
  });

  it('string input for a binary format is UTF-8 encoded; unknown options are typed errors', async () => {
    expect(await readAllRecords(new TextDecoder().decode(utf8File), { format: 'iso2709' })).toEqual(expected);
    await expect(readAllRecords([42 as unknown as Uint8Array])).rejects.toThrow(TypeError);
    await expect(readAllRecords('<record>', { format: 'marcxml' })).rejects.toThrow(MarcError);
  });
});

describe('encodeRecords / writeRecords', () => {
  it('writes every format to a Node Writable with backpressure', async () => {
    for (const format of ['iso2709', 'marcxml', 'json', 'mrk'] as const) {
      const parts: Buffer[] = [];
      const sink = new Writable({
        highWaterMark: 16,
        write(chunk, _enc, cb) {
          parts.push(chunk as Buffer);
          setImmediate(cb);
        },
      });
      const n = await writeRecords(expected, sink, { format, chunkSize: 1024 });
      expect(n).toBe(expected.length);
      expect(await readAllRecords(Buffer.concat(parts), { format })).toEqual(expected);
    }
  });

  it('writes to a web WritableStream', async () => {
    const parts: Uint8Array[] = [];
    const sink = new WritableStream<Uint8Array>({ write: (c) => void parts.push(c) });
    await writeRecords(expected, sink, { format: 'json', ndjson: true });
    const text = Buffer.concat(parts).toString('utf8');
    expect(text.trimEnd().split('\n')).toHaveLength(expected.length);
  });

  it('encodes from an async iterable and yields bounded chunks', async () => {
    async function* gen(): AsyncGenerator<MarcRecord> {
      for (let i = 0; i < 20; i++) yield* expected;
    }
    let max = 0;
    let total = 0;
    for await (const c of encodeRecords(gen(), { format: 'iso2709', chunkSize: 8192 })) {
      max = Math.max(max, c.length);
      total += c.length;
    }
    expect(total).toBe(utf8File.length * 20);
    expect(max).toBeLessThan(8192 + 20_000);
  });
});

describe('bounded memory on hostile text input', () => {
  it('a line or value without end is LIMIT_EXCEEDED in every text format', async () => {
    const long = 'x'.repeat(5000);
    await expect(
      readAllRecords([`=LDR  ${long}`, long], { format: 'mrk', maxRecordBytes: 4096 }),
    ).rejects.toThrow(expect.objectContaining({ code: 'LIMIT_EXCEEDED' }));
    await expect(
      readAllRecords(['<record><leader>', long, long], { format: 'marcxml', maxRecordBytes: 4096 }),
    ).rejects.toThrow(expect.objectContaining({ code: 'LIMIT_EXCEEDED' }));
    await expect(
      readAllRecords(['{"leader":"', long, long], { format: 'json', maxRecordBytes: 4096 }),
    ).rejects.toThrow(expect.objectContaining({ code: 'LIMIT_EXCEEDED' }));
  });
});
