import { fc } from '@fast-check/vitest';
import type { ControlField, DataField, Field, MarcRecord } from '../src/index.js';

const lowerDigitSpace = 'abcdefghijklmnopqrstuvwxyz0123456789 ';
const pick = (chars: string) => fc.constantFrom(...chars.split(''));

/** Text every format can carry: no C0 controls (XML 1.0 cannot), no U+FFFE/U+FFFF. */
export const safeText = (latin1Only: boolean) =>
  fc
    .string({
      unit: latin1Only ? fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)) : 'binary',
      maxLength: 30,
    })
    .filter((s) => !/[\x00-\x1f\x7f\ufffe\uffff]/.test(s));

const leaderArb = (ld09: string) =>
  fc.array(pick(lowerDigitSpace), { minLength: 24, maxLength: 24 }).map((a) => {
    a[9] = ld09;
    return a.join('');
  });

const controlTag = fc.integer({ min: 1, max: 9 }).map((n) => `00${n}`);
const dataTag = fc.integer({ min: 10, max: 999 }).map((n) => String(n).padStart(3, '0'));

function fieldArb(latin1Only: boolean): fc.Arbitrary<Field> {
  const control: fc.Arbitrary<ControlField> = fc.record({ tag: controlTag, value: safeText(latin1Only) });
  const data: fc.Arbitrary<DataField> = fc.record({
    tag: dataTag,
    ind1: pick(lowerDigitSpace),
    ind2: pick(lowerDigitSpace),
    subfields: fc.array(
      fc.record({ code: pick('abcdefghijklmnopqrstuvwxyz0123456789'), value: safeText(latin1Only) }),
      {
        minLength: 1,
        maxLength: 5,
      },
    ),
  });
  return fc.oneof({ arbitrary: control, weight: 1 }, { arbitrary: data, weight: 3 });
}

/** Records whose text matches leader/09: Unicode with 'a', the byte-transparent MARC-8 form with ' '. */
export const recordArb: fc.Arbitrary<MarcRecord> = fc.boolean().chain((utf8) =>
  fc.record({
    leader: leaderArb(utf8 ? 'a' : ' '),
    fields: fc.array(fieldArb(!utf8), { maxLength: 8 }),
  }),
);

/** What the ISO 2709 writer does to a leader: lengths, base address and entry map recomputed. */
export function isoLeaderShape(leader: string): string {
  return `${leader.slice(5, 10)}22${leader.slice(17, 20)}450${leader[23]}`;
}

export function isoShape(r: MarcRecord): MarcRecord {
  return { leader: isoLeaderShape(r.leader), fields: r.fields };
}
