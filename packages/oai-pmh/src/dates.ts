// OAI-PMH UTCdatetime: `YYYY-MM-DD` (day) or `YYYY-MM-DDThh:mm:ssZ` (seconds), always UTC.
import { OaiError } from './errors.js';

export type Granularity = 'YYYY-MM-DD' | 'YYYY-MM-DDThh:mm:ssZ';

export interface ParsedUtcDate {
  /** Milliseconds since the epoch of the first instant the value names. */
  readonly start: number;
  /** Milliseconds since the epoch just after the last instant it names (a day or a second later). */
  readonly end: number;
  readonly granularity: Granularity;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SECONDS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** Parses a UTCdatetime; returns undefined when the text is not one (wrong shape or impossible date). */
export function parseUtcDate(text: string): ParsedUtcDate | undefined {
  const day = DAY.exec(text);
  if (day) {
    const start = checked(+day[1]!, +day[2]!, +day[3]!, 0, 0, 0);
    return start === undefined ? undefined : { start, end: start + 86_400_000, granularity: 'YYYY-MM-DD' };
  }
  const sec = SECONDS.exec(text);
  if (sec) {
    const start = checked(+sec[1]!, +sec[2]!, +sec[3]!, +sec[4]!, +sec[5]!, +sec[6]!);
    return start === undefined
      ? undefined
      : { start, end: start + 1000, granularity: 'YYYY-MM-DDThh:mm:ssZ' };
  }
  return undefined;
}

function checked(y: number, mo: number, d: number, h: number, mi: number, s: number): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(t);
  // Date.UTC rolls 2023-02-30 over to March; reject instead. Years below 100 are mapped to 19xx by Date.UTC.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return undefined;
  return t;
}

/** Formats a time (Date or epoch milliseconds) in the given granularity; seconds are truncated. */
export function formatUtcDate(
  time: Date | number,
  granularity: Granularity = 'YYYY-MM-DDThh:mm:ssZ',
): string {
  const ms = typeof time === 'number' ? time : time.getTime();
  if (!Number.isFinite(ms)) throw new OaiError('INVALID_ARGUMENT', 'not a valid time');
  const iso = new Date(ms).toISOString();
  return granularity === 'YYYY-MM-DD' ? iso.slice(0, 10) : `${iso.slice(0, 19)}Z`;
}
