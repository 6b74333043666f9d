import { isControlField, isDataField, type MarcRecord } from '@bibwire/marcxml';
import { describe, expect, it } from 'vitest';

describe('record model', () => {
  it('tells control fields from data fields', () => {
    const r: MarcRecord = {
      leader: '00000nam a2200000 a 4500',
      fields: [
        { tag: '001', value: 'x1' },
        { tag: '245', ind1: '1', ind2: '0', subfields: [{ code: 'a', value: 'Title' }] },
      ],
    };
    expect(r.fields.map((f) => [isControlField(f), isDataField(f)])).toEqual([
      [true, false],
      [false, true],
    ]);
  });
});
