// The 18-character SIP2 timestamp YYYYMMDDZZZZHHMMSS. ZZZZ is four spaces (sender's local time),
// `   Z` (UTC), or a military zone letter in the last position (FOLIO edge-sip2 writes those).

/** A SIP2 timestamp as its parts. */
export interface Sip2DateTime {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Minutes east of UTC (0 for `Z`); absent when the timestamp is in the sender's local time. */
  readonly offsetMinutes?: number;
}

/** 18 spaces: "no date" (e.g. the no-block due date of an ordinary checkout). */
export const SIP2_BLANK_DATE = '                  ';

// A–M without J are UTC+1…+12, N–Y are UTC−1…−12, Z is UTC.
const EAST = 'ABCDEFGHIKLM';
const WEST = 'NOPQRSTUVWXY';

function zoneOffset(zone: string): number | undefined | null {
  if (zone === '    ' || zone === '0000') return undefined; // '0000': Sierra, treated as local
  if (zone === '   Z') return 0;
  if (zone.slice(0, 3) !== '   ') return null;
  const letter = zone[3]!;
  if (letter === 'Z') return 0;
  const east = EAST.indexOf(letter);
  if (east >= 0) return (east + 1) * 60;
  const west = WEST.indexOf(letter);
  if (west >= 0) return -(west + 1) * 60;
  return null;
}

function digits(text: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Parses an 18-character SIP2 date; undefined for blank or invalid text (never throws). */
export function parseSip2Date(text: string): Sip2DateTime | undefined {
  if (text.length !== 18) return undefined;
  const offset = zoneOffset(text.slice(8, 12));
  if (offset === null) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 4, 2);
  const day = digits(text, 6, 2);
  const hour = digits(text, 12, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 16, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  const parts = { year, month, day, hour, minute, second };
  return offset === undefined ? parts : { ...parts, offsetMinutes: offset };
}

/** True for a valid SIP2 date or the blank date. */
export function isValidSip2Date(text: string): boolean {
  if (text === SIP2_BLANK_DATE) return true;
  if (text.length !== 18 || zoneOffset(text.slice(8, 12)) === null) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 4, 2);
  const day = digits(text, 6, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  const hour = digits(text, 12, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 16, 2);
  return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
}

/** Two digits at `at` as a number, or -1. */
function two(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * `isValidSip2Date(text.slice(at, at + 18))` without the slice, for the decoder's fast path
 * (the caller guarantees 18 characters from `at`).
 */
export function isValidSip2DateAt(text: string, at: number): boolean {
  const z0 = text.charCodeAt(at + 8);
  const z3 = text.charCodeAt(at + 11);
  if (z0 === 0x20) {
    if (text.charCodeAt(at + 9) !== 0x20 || text.charCodeAt(at + 10) !== 0x20) return false;
    // `    ` (local) or a zone letter A–Z without J.
    if (z3 === 0x20) {
      if (text.charCodeAt(at) === 0x20 && text.startsWith(SIP2_BLANK_DATE, at)) return true;
    } else if (z3 < 0x41 || z3 > 0x5a || z3 === 0x4a) return false;
  } else if (!(z0 === 0x30 && text.startsWith('000', at + 9))) return false;
  const century = two(text, at);
  const yy = two(text, at + 2);
  const month = two(text, at + 4);
  const day = two(text, at + 6);
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1) return false;
  if (day > 28 && day > daysIn(century * 100 + yy, month)) return false;
  const hour = two(text, at + 12);
  const minute = two(text, at + 14);
  const second = two(text, at + 16);
  return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export interface FormatSip2DateOptions {
  /** For a `Date`: write it in UTC with `   Z` instead of local time with four spaces. */
  readonly utc?: boolean;
}

/**
 * Formats a `Date` (local time with four spaces, or UTC with `   Z`) or date parts as the 18-char
 * SIP2 form. Offsets that are whole hours within ±12 use the military zone letter; others are
 * converted to UTC. Throws a RangeError for an invalid Date or out-of-range parts.
 */
export function formatSip2Date(value: Date | Sip2DateTime, options: FormatSip2DateOptions = {}): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError('invalid Date');
    return options.utc
      ? stamp(
          value.getUTCFullYear(),
          value.getUTCMonth() + 1,
          value.getUTCDate(),
          '   Z',
          value.getUTCHours(),
          value.getUTCMinutes(),
          value.getUTCSeconds(),
        )
      : stamp(
          value.getFullYear(),
          value.getMonth() + 1,
          value.getDate(),
          '    ',
          value.getHours(),
          value.getMinutes(),
          value.getSeconds(),
        );
  }
  const { year, month, day, hour, minute, second, offsetMinutes } = value;
  const text = (zone: string) => stamp(year, month, day, zone, hour, minute, second);
  if (offsetMinutes === undefined) return checked(text('    '));
  if (offsetMinutes === 0) return checked(text('   Z'));
  const hours = offsetMinutes / 60;
  if (Number.isInteger(hours) && hours >= -12 && hours <= 12) {
    return checked(text(`   ${hours > 0 ? EAST[hours - 1] : WEST[-hours - 1]}`));
  }
  return formatSip2Date(sip2DateToDate(value), { utc: true });
}

function stamp(y: number, mo: number, d: number, zone: string, h: number, mi: number, s: number): string {
  return `${pad(y, 4)}${pad(mo, 2)}${pad(d, 2)}${zone}${pad(h, 2)}${pad(mi, 2)}${pad(s, 2)}`;
}

function checked(text: string): string {
  if (parseSip2Date(text) === undefined)
    throw new RangeError(`not a valid SIP2 date: ${JSON.stringify(text)}`);
  return text;
}

/**
 * The instant a SIP2 date stands for. Local-time dates are read in this runtime's time zone
 * (the sender's zone is unknown), the others with their offset.
 */
export function sip2DateToDate(value: Sip2DateTime): Date {
  const { year, month, day, hour, minute, second, offsetMinutes } = value;
  if (offsetMinutes === undefined) {
    const d = new Date(2000, 0, 1, hour, minute, second);
    d.setFullYear(year, month - 1, day);
    return d;
  }
  // setUTCFullYear keeps years 0–99 as written (Date.UTC would map them to 1900–1999).
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, 0);
  return new Date(utc.getTime() - offsetMinutes * 60_000);
}
