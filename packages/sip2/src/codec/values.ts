// Typed readings of the coded fixed fields and variable fields (patron status, summary, supported
// messages, flags, counts, amounts). Readers never throw; writers throw Sip2Error INVALID_ARGUMENT.
import { Sip2Error } from '../errors.js';
import type { Sip2Code } from './specs.js';
import type { Sip2Message } from './types.js';

/** The 14 positions of patron status (24, 26, 64); `true` = `Y`. */
export const PATRON_STATUS_FLAGS = [
  'chargePrivilegesDenied',
  'renewalPrivilegesDenied',
  'recallPrivilegesDenied',
  'holdPrivilegesDenied',
  'cardReportedLost',
  'tooManyItemsCharged',
  'tooManyItemsOverdue',
  'tooManyRenewals',
  'tooManyClaimsOfItemsReturned',
  'tooManyItemsLost',
  'excessiveOutstandingFines',
  'excessiveOutstandingFees',
  'recallOverdue',
  'tooManyItemsBilled',
] as const;
export type Sip2PatronStatusFlag = (typeof PATRON_STATUS_FLAGS)[number];
export type Sip2PatronStatus = Readonly<Record<Sip2PatronStatusFlag, boolean>>;

export function parsePatronStatus(text: string): Sip2PatronStatus {
  const out = {} as Record<Sip2PatronStatusFlag, boolean>;
  PATRON_STATUS_FLAGS.forEach((name, i) => {
    out[name] = text[i] === 'Y';
  });
  return out;
}

/** 14 characters: `Y` for each flag set, space otherwise. */
export function formatPatronStatus(flags: Partial<Sip2PatronStatus>): string {
  return PATRON_STATUS_FLAGS.map((name) => (flags[name] ? 'Y' : ' ')).join('');
}

/** Which list a 63 asks for (summary position 0–6; 6 is the non-standard "fee items"). */
export const SUMMARY_LISTS = [
  'holdItems',
  'overdueItems',
  'chargedItems',
  'fineItems',
  'recallItems',
  'unavailableHoldItems',
  'feeItems',
] as const;
export type Sip2SummaryList = (typeof SUMMARY_LISTS)[number];

/** The list requested by a 63 summary (the first `Y`), or undefined for counts only. */
export function parseSummary(text: string): Sip2SummaryList | undefined {
  const at = text.indexOf('Y');
  return at >= 0 && at < SUMMARY_LISTS.length ? SUMMARY_LISTS[at] : undefined;
}

export function formatSummary(list: Sip2SummaryList | undefined): string {
  const at = list === undefined ? -1 : SUMMARY_LISTS.indexOf(list);
  if (list !== undefined && at < 0) throw new Sip2Error('INVALID_ARGUMENT', `unknown summary list ${list}`);
  return Array.from({ length: 10 }, (_, i) => (i === at ? 'Y' : ' ')).join('');
}

/** BX positions 0–15: the request codes a 98 says the ACS supports. */
export const SUPPORTED_MESSAGE_ORDER = [
  '23',
  '11',
  '09',
  '01',
  '99',
  '97',
  '93',
  '63',
  '35',
  '37',
  '17',
  '19',
  '25',
  '15',
  '29',
  '65',
] as const satisfies readonly Sip2Code[];
export type Sip2RequestCode = (typeof SUPPORTED_MESSAGE_ORDER)[number];

/** Request codes marked `Y` in a BX value (shorter or longer strings are tolerated). */
export function parseSupportedMessages(text: string): Sip2RequestCode[] {
  return SUPPORTED_MESSAGE_ORDER.filter((_, i) => text[i] === 'Y');
}

export function formatSupportedMessages(codes: Iterable<Sip2RequestCode>): string {
  const set = new Set<string>(codes);
  for (const c of set) {
    if (!(SUPPORTED_MESSAGE_ORDER as readonly string[]).includes(c)) {
      throw new Sip2Error('INVALID_ARGUMENT', `${c} is not a request code listed in BX`);
    }
  }
  return SUPPORTED_MESSAGE_ORDER.map((c) => (set.has(c) ? 'Y' : 'N')).join('');
}

/** `Y` → true, `N` → false, anything else (U, blank, garbage) → undefined. */
export function readFlag(value: string | undefined): boolean | undefined {
  return value === 'Y' || value === '1' ? true : value === 'N' || value === '0' ? false : undefined;
}

/** A count or limit (`0012`, `12`); undefined for blanks (`    ` = not supported) and non-numbers. */
export function readCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = value.trim();
  return /^\d+$/.test(t) ? Number(t) : undefined;
}

/**
 * An amount (`BV`, `CC`, FOLIO `FA` …) read leniently: `12.50`, `12,50`, `1,234.56`, `-3`.
 * undefined when the text is not an amount or is ambiguous (`1,234` could be either).
 */
export function readAmount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  let t = value.trim().replace(/^[$€£]\s*/, '');
  if (/^-?\d{1,3}(,\d{3})+\.\d+$/.test(t)) t = t.replace(/,/g, '');
  else if (/^-?\d{1,3}(\.\d{3})+,\d+$/.test(t)) t = t.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+,\d{1,2}$/.test(t)) t = t.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
}

/** Amount as SIP2 writes it: `.` decimals, no grouping, two decimals for non-integers. */
export function formatAmount(amount: number): string {
  if (!Number.isFinite(amount))
    throw new Sip2Error('INVALID_ARGUMENT', `amount must be finite, got ${amount}`);
  return amount.toFixed(2);
}

/** First value of a field (duplicate singletons: the first wins, as Perl servers do). */
export function getField(message: Pick<Sip2Message, 'fields'>, id: string): string | undefined {
  for (const [fid, value] of message.fields) if (fid === id) return value;
  return undefined;
}

/** Every value of a field, in wire order (AU, AF … repeat). */
export function getFields(message: Pick<Sip2Message, 'fields'>, id: string): string[] {
  const out: string[] = [];
  for (const [fid, value] of message.fields) if (fid === id) out.push(value);
  return out;
}
