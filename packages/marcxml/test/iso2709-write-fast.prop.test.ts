import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { MarcError, type MarcRecord, writeIso2709 } from '../src/index.js';
import { recordArb } from './arbitraries.js';

/** ISO 2709 with a UTF-8 data area, written the plain way: the reference for the writer's fast path. */
function reference(r: MarcRecord): Uint8Array {
  const fields = r.fields.map((f) =>
    Buffer.from(
      `${'value' in f ? f.value : f.ind1 + f.ind2 + f.subfields.map((s) => `\x1f${s.code}${s.value}`).join('')}\x1e`,
    ),
  );
  let dir = '';
  let off = 0;
  for (const [i, b] of fields.entries()) {
    dir += `${r.fields[i]?.tag}${String(b.length).padStart(4, '0')}${String(off).padStart(5, '0')}`;
    off += b.length;
  }
  const base = 24 + dir.length + 1;
  const total = base + off + 1;
  const leader = `${String(total).padStart(5, '0')}${r.leader.slice(5, 10)}22${String(base).padStart(5, '0')}${r.leader.slice(17, 20)}450${r.leader[23]}`;
  return Buffer.concat([Buffer.from(`${leader}${dir}\x1e`), ...fields, Buffer.from('\x1d')]);
}

const utf8Record = recordArb.map((r) => ({ ...r, leader: `${r.leader.slice(0, 9)}a${r.leader.slice(10)}` }));
const special = fc.constantFrom('\x1d', '\x1e', '\x1f', '\ud800', '😀', 'é', 'ab');

describe('ISO 2709 writer fast path (UTF-8)', () => {
  test.prop([utf8Record])('writes what the plain construction gives', (r) => {
    expect(Buffer.from(writeIso2709(r)).equals(Buffer.from(reference(r)))).toBe(true);
  });

  test.prop([utf8Record, special, fc.nat()])(
    'a terminator (or a delimiter in a subfield) is refused with INVALID_VALUE, other text is written',
    (r, s, n) => {
      const f = r.fields[n % Math.max(1, r.fields.length)];
      if (f === undefined) return;
      if ('value' in f) f.value += s;
      else if (f.subfields[0]) f.subfields[0].value += s;
      try {
        const bytes = writeIso2709(r);
        // A subfield delimiter is accepted in a control field only (it cannot shift the directory).
        expect(s === '\x1d' || s === '\x1e' || (s === '\x1f' && !('value' in f))).toBe(false);
        expect(Buffer.from(bytes).equals(Buffer.from(reference(r)))).toBe(true);
      } catch (e) {
        expect(MarcError.is(e) && e.code).toBe('INVALID_VALUE');
        expect(/[\x1d-\x1f]/.test(s)).toBe(true);
      }
    },
  );
});
