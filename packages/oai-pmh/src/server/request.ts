// Turns an HTTP request's arguments into a validated OAI-PMH request, or the badVerb/badArgument
// errors the protocol prescribes (§3, §5, §6 of the spec notes).
import { type Granularity, type ParsedUtcDate, parseUtcDate } from '../dates.js';
import type { OaiProtocolErrorCode } from '../errors.js';

export const VERBS = [
  'Identify',
  'ListMetadataFormats',
  'ListSets',
  'GetRecord',
  'ListIdentifiers',
  'ListRecords',
] as const;
export type OaiVerb = (typeof VERBS)[number];

export interface ProtocolError {
  readonly code: OaiProtocolErrorCode;
  readonly message: string;
}

export interface OaiArguments {
  identifier?: string;
  metadataPrefix?: string;
  from?: string;
  until?: string;
  set?: string;
  resumptionToken?: string;
}

export type ParsedRequest =
  | { readonly ok: true; readonly verb: OaiVerb; readonly args: OaiArguments }
  | { readonly ok: false; readonly errors: readonly ProtocolError[] };

const ALLOWED: Record<OaiVerb, readonly (keyof OaiArguments)[]> = {
  Identify: [],
  ListMetadataFormats: ['identifier'],
  ListSets: ['resumptionToken'],
  GetRecord: ['identifier', 'metadataPrefix'],
  ListIdentifiers: ['metadataPrefix', 'from', 'until', 'set', 'resumptionToken'],
  ListRecords: ['metadataPrefix', 'from', 'until', 'set', 'resumptionToken'],
};

/** Validates the argument pairs of one request against the verb's rules and the repository granularity. */
export function parseOaiArguments(
  pairs: Iterable<readonly [string, string]>,
  granularity: Granularity,
): ParsedRequest {
  const seen = new Map<string, string[]>();
  for (const [k, v] of pairs) {
    const list = seen.get(k);
    if (list) list.push(v);
    else seen.set(k, [v]);
  }
  const verbs = seen.get('verb');
  if (!verbs) return fail('badVerb', 'the verb argument is missing');
  if (verbs.length > 1) return fail('badVerb', 'the verb argument is repeated');
  const verb = VERBS.find((v) => v === verbs[0]);
  if (!verb) return fail('badVerb', `"${verbs[0]}" is not an OAI-PMH verb`);

  const errors: ProtocolError[] = [];
  const args: OaiArguments = {};
  const allowed = ALLOWED[verb];
  for (const [name, values] of seen) {
    if (name === 'verb') continue;
    const key = allowed.find((a) => a === name);
    if (!key) {
      errors.push(badArgument(`"${name}" is not a legal argument of ${verb}`));
    } else if (values.length > 1) {
      errors.push(badArgument(`the ${name} argument is repeated`));
    } else if (values[0] === '') {
      errors.push(badArgument(`the ${name} argument is empty`));
    } else {
      args[key] = values[0]!;
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  if (args.resumptionToken !== undefined) {
    if (seen.size > 2) return fail('badArgument', 'resumptionToken must be the only argument besides verb');
    return { ok: true, verb, args };
  }
  if (verb === 'GetRecord' && !args.identifier) {
    errors.push(badArgument('GetRecord needs the identifier argument'));
  }
  if (
    (verb === 'GetRecord' || verb === 'ListIdentifiers' || verb === 'ListRecords') &&
    !args.metadataPrefix
  ) {
    errors.push(badArgument(`${verb} needs the metadataPrefix argument`));
  }
  errors.push(...checkDates(args.from, args.until, granularity));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, verb, args };
}

export interface DateRange {
  /** Inclusive lower bound (ms). */
  readonly from?: number;
  /** Exclusive upper bound (ms). */
  readonly until?: number;
}

/** from/until rules: legal UTCdatetime, same granularity, not finer than the repository, from ≤ until. */
export function checkDates(
  from: string | undefined,
  until: string | undefined,
  granularity: Granularity,
): ProtocolError[] {
  const errors: ProtocolError[] = [];
  const f = from === undefined ? undefined : parseUtcDate(from);
  const u = until === undefined ? undefined : parseUtcDate(until);
  if (from !== undefined && !f) errors.push(badArgument(`from "${from}" is not a UTCdatetime`));
  if (until !== undefined && !u) errors.push(badArgument(`until "${until}" is not a UTCdatetime`));
  for (const [name, d] of [
    ['from', f],
    ['until', u],
  ] as const) {
    if (d && granularity === 'YYYY-MM-DD' && d.granularity !== granularity) {
      errors.push(badArgument(`${name} has seconds but this repository's granularity is days`));
    }
  }
  if (f && u && f.granularity !== u.granularity) {
    errors.push(badArgument('from and until have different granularities'));
  } else if (f && u && f.start > u.start) {
    errors.push(badArgument('from is later than until'));
  }
  return errors;
}

/** The half-open millisecond range [from, until) that validated from/until arguments select. */
export function dateRange(from: string | undefined, until: string | undefined): DateRange {
  const f: ParsedUtcDate | undefined = from === undefined ? undefined : parseUtcDate(from);
  const u: ParsedUtcDate | undefined = until === undefined ? undefined : parseUtcDate(until);
  return { ...(f && { from: f.start }), ...(u && { until: u.end }) };
}

function badArgument(message: string): ProtocolError {
  return { code: 'badArgument', message };
}

function fail(code: OaiProtocolErrorCode, message: string): ParsedRequest {
  return { ok: false, errors: [{ code, message }] };
}
