// MARC-8 data area for the ISO 2709 writer: each control field and subfield value is encoded on its
// own, since MARC-8 readers reset to ASCII/ANSEL at every subfield and the encoder returns there.
import { encodeMarc8 } from '../charset/marc8.js';
import { MarcError, type MarcProblem } from '../errors.js';
import { isControlField, type MarcRecord } from '../record.js';
import { FT, US } from './constants.js';
import type { ByteBuffer, Iso2709WriteOptions } from './write.js';

function fail(message: string, tag: string): never {
  throw new MarcError('INVALID_VALUE', message, { tag });
}

/** Indicators and subfield codes are single bytes in every MARC-8 reader. */
function structuralByte(c: string, what: string, tag: string): number {
  const b = c.charCodeAt(0);
  if (c.length !== 1 || b > 0x7f)
    fail(`field ${tag}: ${what} ${JSON.stringify(c)} is not one ASCII character`, tag);
  return b;
}

function append(buf: ByteBuffer, bytes: Uint8Array): void {
  buf.ensure(bytes.length + 1);
  buf.bytes.set(bytes, buf.length);
  buf.length += bytes.length;
}

function appendByte(buf: ByteBuffer, b: number): void {
  buf.ensure(1);
  buf.bytes[buf.length++] = b;
}

/** Writes the record's fields as MARC-8 at buf.length; the caller builds directory and leader. */
export function writeMarc8DataArea(
  record: MarcRecord,
  buf: ByteBuffer,
  options: Iso2709WriteOptions,
  recordNumber: number,
): void {
  const unmappable = options.unmappable ?? 'ncr';
  const encode = (value: string, tag: string, code?: string): Uint8Array => {
    try {
      return encodeMarc8(value, {
        unmappable,
        onWarning: (w) => {
          const where = code === undefined ? `field ${tag}` : `field ${tag}$${code}`;
          const p: MarcProblem = {
            code: 'INVALID_ENCODING',
            message: `${where}: ${w.message}; written as ${unmappable === 'ncr' ? 'a character reference' : '?'}`,
            record: recordNumber,
            offset: w.offset,
            tag,
          };
          options.onProblem?.(p);
        },
      });
    } catch (e) {
      if (MarcError.is(e) && e.code === 'INVALID_ENCODING') {
        const where = code === undefined ? `field ${tag}` : `field ${tag}$${code}`;
        const details =
          e.offset === undefined
            ? { record: recordNumber, tag }
            : { record: recordNumber, tag, offset: e.offset };
        throw new MarcError('INVALID_ENCODING', `record ${recordNumber}, ${where}: ${e.message}`, details);
      }
      throw e;
    }
  };
  for (const f of record.fields) {
    if (f.tag.length !== 3) fail(`tag ${JSON.stringify(f.tag)} is not 3 characters`, f.tag);
    if (isControlField(f)) {
      append(buf, encode(f.value, f.tag));
      appendByte(buf, FT);
      continue;
    }
    appendByte(buf, structuralByte(f.ind1, 'indicator', f.tag));
    appendByte(buf, structuralByte(f.ind2, 'indicator', f.tag));
    for (const s of f.subfields) {
      const code = structuralByte(s.code, 'subfield code', f.tag);
      if (s.value.includes('\x1f'))
        fail(`field ${f.tag}$${s.code}: value contains a subfield delimiter`, f.tag);
      appendByte(buf, US);
      appendByte(buf, code);
      append(buf, encode(s.value, f.tag, s.code));
    }
    appendByte(buf, FT);
  }
}
