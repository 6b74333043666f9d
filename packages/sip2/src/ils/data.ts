// The JSON data file of the in-memory ILS (documented in the package README) and its validation.
// Validation is strict and names the offending path, so a typo in a demo file is a clear error.
import { Sip2Error } from '../errors.js';

export interface IlsRules {
  /** Loan period in days (default 14). */
  readonly loanDays: number;
  /** Renewals allowed per loan (default 2). */
  readonly maxRenewals: number;
  /** Overdue fine per day late (default 0.25), capped at maxFine per loan (default 10). */
  readonly finePerDay: number;
  readonly maxFine: number;
  /** Loans a patron may have at once (default 20). */
  readonly chargedItemsLimit: number;
  /** Holds a patron may have at once (default 10). */
  readonly holdItemsLimit: number;
  /** Patron may not borrow while owing more than this (default 5). */
  readonly feeLimit: number;
  /** Days a hold waits on the shelf (default 7). */
  readonly holdShelfDays: number;
  readonly currency: string;
}

export interface IlsPatronData {
  readonly id: string;
  readonly name: string;
  /** Patron password or PIN; never logged. Absent: any password is accepted. */
  readonly password?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly address?: string;
  readonly homeLibrary?: string;
  readonly patronClass?: string;
  readonly birthDate?: string;
  readonly language?: string;
  /** YYYY-MM-DD; after it the patron is not valid. */
  readonly expires?: string;
  readonly blocked?: boolean;
  readonly blockMessage?: string;
  readonly cardLost?: boolean;
}

export interface IlsItemData {
  readonly id: string;
  readonly title: string;
  /** Groups copies of one title for title-level holds (bib id). Default: the item id. */
  readonly titleId?: string;
  readonly callNumber?: string;
  readonly permanentLocation?: string;
  readonly collectionCode?: string;
  readonly mediaType?: string;
  readonly magneticMedia?: boolean;
  readonly owner?: string;
  readonly properties?: string;
  /** Non-circulating states; loans, holds and transit decide the rest. */
  readonly status?: 'available' | 'lost' | 'missing' | 'in process' | 'on order' | 'claimed returned';
}

export interface IlsLoanData {
  readonly itemId: string;
  readonly patronId: string;
  /** ISO 8601. */
  readonly dueDate: string;
  readonly renewals?: number;
}

export interface IlsHoldData {
  readonly patronId: string;
  readonly itemId?: string;
  readonly titleId?: string;
  readonly pickupLocation?: string;
  /** ISO 8601. */
  readonly expirationDate?: string;
}

export interface IlsFeeData {
  readonly id: string;
  readonly patronId: string;
  readonly amount: number;
  readonly type?: string;
  readonly description?: string;
  readonly itemId?: string;
}

export interface IlsData {
  readonly institutionId?: string;
  readonly rules?: Partial<IlsRules>;
  readonly patrons: readonly IlsPatronData[];
  readonly items: readonly IlsItemData[];
  readonly loans?: readonly IlsLoanData[];
  readonly holds?: readonly IlsHoldData[];
  readonly fees?: readonly IlsFeeData[];
}

export const DEFAULT_RULES: IlsRules = {
  loanDays: 14,
  maxRenewals: 2,
  finePerDay: 0.25,
  maxFine: 10,
  chargedItemsLimit: 20,
  holdItemsLimit: 10,
  feeLimit: 5,
  holdShelfDays: 7,
  currency: 'USD',
};

type Json = unknown;
const fail = (path: string, what: string): never => {
  throw new Sip2Error('INVALID_ARGUMENT', `ILS data: ${path} ${what}`, { field: path });
};
const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function str(o: Record<string, Json>, key: string, path: string, required: boolean): void {
  const v = o[key];
  if (v === undefined) {
    if (required) fail(`${path}.${key}`, 'is required');
    return;
  }
  if (typeof v !== 'string' || v.length === 0) fail(`${path}.${key}`, 'must be a non-empty string');
  if (/[|\r\n\0]/.test(v as string)) fail(`${path}.${key}`, 'must not contain |, CR, LF or NUL');
}

function num(o: Record<string, Json>, key: string, path: string, required: boolean): void {
  const v = o[key];
  if (v === undefined) {
    if (required) fail(`${path}.${key}`, 'is required');
    return;
  }
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) fail(`${path}.${key}`, 'must be a number ≥ 0');
}

function date(o: Record<string, Json>, key: string, path: string, required: boolean): void {
  str(o, key, path, required);
  const v = o[key];
  if (typeof v === 'string' && Number.isNaN(Date.parse(v)))
    fail(`${path}.${key}`, 'must be an ISO 8601 date');
}

function list(data: Record<string, Json>, key: string, required: boolean): Record<string, Json>[] {
  const v = data[key];
  if (v === undefined && !required) return [];
  if (!Array.isArray(v)) return fail(key, 'must be an array');
  return v.map((entry, i) => (isObject(entry) ? entry : fail(`${key}[${i}]`, 'must be an object')));
}

/** Checks a parsed JSON value against the data-file format; returns it typed or throws Sip2Error. */
export function validateIlsData(value: unknown): IlsData {
  if (!isObject(value)) return fail('(root)', 'must be an object');
  if (value.institutionId !== undefined) str(value, 'institutionId', '(root)', false);
  if (value.rules !== undefined) {
    if (!isObject(value.rules)) fail('rules', 'must be an object');
    const rules = value.rules as Record<string, Json>;
    for (const key of Object.keys(rules)) {
      if (!(key in DEFAULT_RULES)) fail(`rules.${key}`, 'is not a known rule');
      if (key === 'currency') str(rules, key, 'rules', false);
      else num(rules, key, 'rules', false);
    }
  }
  const patronIds = new Set<string>();
  list(value, 'patrons', true).forEach((p, i) => {
    const path = `patrons[${i}]`;
    for (const k of ['id', 'name']) str(p, k, path, true);
    for (const k of [
      'password',
      'email',
      'phone',
      'address',
      'homeLibrary',
      'patronClass',
      'birthDate',
      'language',
      'blockMessage',
    ])
      str(p, k, path, false);
    date(p, 'expires', path, false);
    if (patronIds.has(p.id as string)) fail(`${path}.id`, `duplicates ${String(p.id)}`);
    patronIds.add(p.id as string);
  });
  const itemIds = new Set<string>();
  list(value, 'items', true).forEach((it, i) => {
    const path = `items[${i}]`;
    for (const k of ['id', 'title']) str(it, k, path, true);
    for (const k of [
      'titleId',
      'callNumber',
      'permanentLocation',
      'collectionCode',
      'mediaType',
      'owner',
      'properties',
    ])
      str(it, k, path, false);
    const statuses = ['available', 'lost', 'missing', 'in process', 'on order', 'claimed returned'];
    if (it.status !== undefined && !statuses.includes(it.status as string))
      fail(`${path}.status`, `must be one of ${statuses.join(', ')}`);
    if (itemIds.has(it.id as string)) fail(`${path}.id`, `duplicates ${String(it.id)}`);
    itemIds.add(it.id as string);
  });
  const onLoan = new Set<string>();
  list(value, 'loans', false).forEach((l, i) => {
    const path = `loans[${i}]`;
    str(l, 'itemId', path, true);
    str(l, 'patronId', path, true);
    date(l, 'dueDate', path, true);
    num(l, 'renewals', path, false);
    if (!itemIds.has(l.itemId as string)) fail(`${path}.itemId`, 'names no item');
    if (!patronIds.has(l.patronId as string)) fail(`${path}.patronId`, 'names no patron');
    if (onLoan.has(l.itemId as string)) fail(`${path}.itemId`, 'is already on loan (one borrower per item)');
    onLoan.add(l.itemId as string);
  });
  list(value, 'holds', false).forEach((h, i) => {
    const path = `holds[${i}]`;
    str(h, 'patronId', path, true);
    str(h, 'itemId', path, false);
    str(h, 'titleId', path, false);
    str(h, 'pickupLocation', path, false);
    date(h, 'expirationDate', path, false);
    if (!patronIds.has(h.patronId as string)) fail(`${path}.patronId`, 'names no patron');
    if (h.itemId === undefined && h.titleId === undefined) fail(path, 'needs itemId or titleId');
    if (h.itemId !== undefined && !itemIds.has(h.itemId as string)) fail(`${path}.itemId`, 'names no item');
  });
  list(value, 'fees', false).forEach((f, i) => {
    const path = `fees[${i}]`;
    str(f, 'id', path, true);
    str(f, 'patronId', path, true);
    num(f, 'amount', path, true);
    str(f, 'type', path, false);
    str(f, 'description', path, false);
    if (!patronIds.has(f.patronId as string)) fail(`${path}.patronId`, 'names no patron');
  });
  return value as unknown as IlsData;
}
