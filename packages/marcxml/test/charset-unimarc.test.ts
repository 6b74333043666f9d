import { describe, expect, it } from 'vitest';
import {
  UNIMARC_CHARSET_NAMES,
  unimarcCharsets,
  unimarcCharsetsFromField100,
} from '../src/charset/unimarc.js';
import type { MarcRecord } from '../src/record.js';

// 100 $a of a bibliographic record: positions 26-29 G0/G1, 30-33 additional sets.
const field100 = (sets: string): string => `20020101d1999    u  y0frey${sets}`.padEnd(36, ' ');

describe('UNIMARC 100 $a character sets', () => {
  it('reads G0, G1 and the additional sets of a bibliographic record', () => {
    expect(unimarcCharsetsFromField100(field100('50  '))).toEqual({
      g0: '50',
      g1: undefined,
      additional: [],
      decoder: 'utf-8',
    });
    expect(unimarcCharsetsFromField100(field100('0103'))).toEqual({
      g0: '01',
      g1: '03',
      additional: [],
      decoder: 'iso5426',
    });
    expect(unimarcCharsetsFromField100(field100('01  '))).toMatchObject({ decoder: 'latin1' });
    expect(unimarcCharsetsFromField100(field100('010302  '))).toEqual({
      g0: '01',
      g1: '03',
      additional: ['02'],
      decoder: undefined,
    });
  });

  it('leaves the choice to the caller when the positions are blank, short or unknown', () => {
    expect(unimarcCharsetsFromField100(field100('    ')).decoder).toBeUndefined();
    expect(unimarcCharsetsFromField100('20020101').decoder).toBeUndefined();
    expect(unimarcCharsetsFromField100(field100('0205')).decoder).toBeUndefined();
  });

  it('uses the authority (13-16) and holdings (12-15) positions', () => {
    expect(unimarcCharsetsFromField100('20020101afrey50      ba0', 'authority')).toMatchObject({ g0: '50' });
    expect(unimarcCharsetsFromField100('20020101fre 50', 'holdings')).toMatchObject({ g0: '50' });
  });

  it('reads the first 100 $a of a record', () => {
    const record: MarcRecord = {
      leader: '00000nam  2200000   450 ',
      fields: [{ tag: '100', ind1: ' ', ind2: ' ', subfields: [{ code: 'a', value: field100('50  ') }] }],
    };
    expect(unimarcCharsets(record)?.decoder).toBe('utf-8');
    expect(unimarcCharsets({ leader: record.leader, fields: [] })).toBeUndefined();
    expect(UNIMARC_CHARSET_NAMES['03']).toContain('5426');
  });
});
