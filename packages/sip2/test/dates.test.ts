import {
  formatSip2Date,
  isValidSip2Date,
  parseSip2Date,
  SIP2_BLANK_DATE,
  sip2DateToDate,
} from '@bibwire/sip2';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

describe('SIP2 dates', () => {
  it('reads local, UTC, military-zone and Sierra 0000 forms', () => {
    expect(parseSip2Date('20261123    101112')).toEqual({
      year: 2026,
      month: 11,
      day: 23,
      hour: 10,
      minute: 11,
      second: 12,
    });
    expect(parseSip2Date('20261123   Z101112')).toMatchObject({ offsetMinutes: 0 });
    expect(parseSip2Date('20261123   A101112')).toMatchObject({ offsetMinutes: 60 });
    expect(parseSip2Date('20261123   M101112')).toMatchObject({ offsetMinutes: 720 });
    expect(parseSip2Date('20261123   N101112')).toMatchObject({ offsetMinutes: -60 });
    expect(parseSip2Date('20261123   Y101112')).toMatchObject({ offsetMinutes: -720 });
    expect(parseSip2Date('201610210000142637')).toEqual({
      year: 2016,
      month: 10,
      day: 21,
      hour: 14,
      minute: 26,
      second: 37,
    });
  });

  it.each([
    SIP2_BLANK_DATE,
    '',
    '2023-08-31 23:59:00',
    '20230231    101112',
    '20231301    101112',
    '20231231    241112',
    '20231231   J101112',
    '2023123     101112',
    '20231231  ZZ101112',
  ])('%j is not a date (undefined, no exception)', (text) => {
    expect(parseSip2Date(text)).toBeUndefined();
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseSip2Date('20240229    000000')).toBeDefined();
    expect(parseSip2Date('19000229    000000')).toBeUndefined();
    expect(parseSip2Date('20000229    000000')).toBeDefined();
  });

  it('writes Date objects in local time or UTC', () => {
    const d = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    expect(formatSip2Date(d, { utc: true })).toBe('20260102   Z030405');
    const local = new Date(2026, 0, 2, 3, 4, 5);
    expect(formatSip2Date(local)).toBe('20260102    030405');
    expect(() => formatSip2Date(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('writes offsets as zone letters, and odd offsets in UTC', () => {
    const parts = { year: 2026, month: 1, day: 2, hour: 3, minute: 4, second: 5 };
    expect(formatSip2Date({ ...parts, offsetMinutes: 120 })).toBe('20260102   B030405');
    expect(formatSip2Date({ ...parts, offsetMinutes: -300 })).toBe('20260102   R030405');
    expect(formatSip2Date({ ...parts, offsetMinutes: 330 })).toBe('20260101   Z213405');
    expect(() => formatSip2Date({ ...parts, month: 13 })).toThrow(RangeError);
  });

  it('turns a zoned date into the right instant', () => {
    const parsed = parseSip2Date('20260102   B030405');
    expect(parsed && sip2DateToDate(parsed).toISOString()).toBe('2026-01-02T01:04:05.000Z');
    const local = parseSip2Date('20260102    030405');
    expect(local && sip2DateToDate(local).getHours()).toBe(3);
  });

  const parts = fc.record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
  });
  const zone = fc.option(
    fc.integer({ min: -12, max: 12 }).map((h) => h * 60),
    { nil: undefined },
  );

  test.prop([parts, zone])('parse(format(d)) gives d back', (p, offsetMinutes) => {
    const d = offsetMinutes === undefined ? p : { ...p, offsetMinutes };
    const text = formatSip2Date(d);
    expect(text).toHaveLength(18);
    expect(parseSip2Date(text)).toEqual(d);
    expect(isValidSip2Date(text)).toBe(true);
  });

  test.prop([fc.string({ maxLength: 20 })])('arbitrary text never throws', (text) => {
    const parsed = parseSip2Date(text);
    if (parsed) expect(formatSip2Date(parsed).slice(0, 8)).toBe(text.slice(0, 8));
  });

  test.prop([parts, fc.integer({ min: -12, max: 12 })])('zoned dates keep their instant', (p, hours) => {
    fc.pre(p.year >= 1000);
    const d = { ...p, offsetMinutes: hours * 60 };
    const instant = sip2DateToDate(d);
    expect(sip2DateToDate(parseSip2Date(formatSip2Date(instant, { utc: true }))!).getTime()).toBe(
      instant.getTime(),
    );
  });
});
