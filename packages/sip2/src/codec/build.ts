// Typed builders: one per message, with the parameter types derived from the message table.
// Fixed fields get sensible defaults (current local time, N flags, zero counts, blank no-block
// date); variable fields are written in the order of the 3M document, then `extraFields`.
import { Sip2Error } from '../errors.js';
import { formatSip2Date, SIP2_BLANK_DATE, type Sip2DateTime } from './dates.js';
import {
  type FieldKind,
  type FieldSpec,
  type FixedKind,
  type FixedSpec,
  MESSAGE_SPECS,
  type MessageSpecs,
  SIP2_CODES,
  type Sip2Code,
} from './specs.js';
import type { Sip2Field, Sip2MessageFor, Sip2MessageOf, Sip2Terminator } from './types.js';
import {
  formatAmount,
  formatPatronStatus,
  formatSummary,
  formatSupportedMessages,
  type Sip2PatronStatus,
  type Sip2RequestCode,
  type Sip2SummaryList,
  SUPPORTED_MESSAGE_ORDER,
} from './values.js';

/** A date parameter: a Date (written in local time), date parts, or the raw 18 characters. */
export type Sip2DateInput = Date | Sip2DateTime | string;

/** Parameter type of a fixed field, by kind. A string is always accepted as the raw characters. */
export type FixedParam<K extends FixedKind> = K extends 'flag' | 'ok' | 'triState'
  ? boolean | string
  : K extends 'date'
    ? Sip2DateInput | null
    : K extends 'count'
      ? number | string | null
      : K extends 'digits'
        ? number | string
        : K extends 'patronStatus'
          ? Partial<Sip2PatronStatus> | string
          : K extends 'summary'
            ? Sip2SummaryList | string | null
            : K extends 'holdMode'
              ? '+' | '-' | '*' | 'add' | 'delete' | 'change'
              : string;

/** Parameter type of a variable field, by kind. */
export type FieldParam<K extends FieldKind> = K extends 'list'
  ? readonly string[]
  : K extends 'flag'
    ? boolean | string
    : K extends 'date'
      ? Sip2DateInput
      : K extends 'int' | 'int4' | 'amount'
        ? number | string
        : K extends 'supportedMessages'
          ? Iterable<Sip2RequestCode> | string
          : string;

type FixedOf<C extends Sip2Code> = MessageSpecs[C]['fixed'][number];
type FieldsOf<C extends Sip2Code> = MessageSpecs[C]['fields'][number];

/** Options every builder takes besides the message's own fields. */
export interface Sip2BuildCommon {
  /** More fields, written after the known ones in this order (vendor extensions, repeats …). */
  readonly extraFields?: readonly Sip2Field[];
  /** AY sequence digit; setting it also turns the AZ checksum on. */
  readonly sequence?: number;
  /** Stamp AZ (default: true when `sequence` is given). */
  readonly checksum?: boolean;
  /** Default CR; `encode(message, { terminator })` overrides it per connection. */
  readonly terminator?: Sip2Terminator;
}

/** Parameters of the builder for message `C`, derived from the message table. */
export type Sip2BuildParams<C extends Sip2Code> = {
  readonly [F in FixedOf<C> as F extends readonly [string, number, FixedKind, string]
    ? F[0]
    : never]?: FixedParam<F[2]>;
} & {
  readonly [F in FixedOf<C> as F extends readonly [string, number, FixedKind, string]
    ? never
    : F[0]]: FixedParam<F[2]>;
} & {
  readonly [F in FieldsOf<C> as F[3] extends 'R' ? F[0] : never]: FieldParam<F[2]>;
} & {
  readonly [F in FieldsOf<C> as F[3] extends 'R' ? never : F[0]]?: FieldParam<F[2]>;
} & Sip2BuildCommon;

const pad = (text: string, width: number, fill: string, name: string): string => {
  if (text.length > width) {
    throw new Sip2Error('INVALID_ARGUMENT', `${name}: ${JSON.stringify(text)} is wider than ${width}`, {
      field: name,
    });
  }
  return fill === '0' ? text.padStart(width, '0') : text.padEnd(width, fill);
};

function integer(value: number | string, name: string): string {
  if (typeof value === 'string') return value;
  if (!Number.isInteger(value) || value < 0) {
    throw new Sip2Error('INVALID_ARGUMENT', `${name} must be a non-negative integer, got ${value}`, {
      field: name,
    });
  }
  return String(value);
}

function dateText(value: Sip2DateInput | null, name: string): string {
  if (value === null) return SIP2_BLANK_DATE;
  if (typeof value === 'string') return value;
  try {
    return formatSip2Date(value);
  } catch (cause) {
    throw new Sip2Error('INVALID_ARGUMENT', `${name}: ${(cause as Error).message}`, { field: name, cause });
  }
}

const HOLD_MODES: Readonly<Record<string, string>> = { add: '+', delete: '-', change: '*' };

function fixedText(kind: FixedKind, width: number, name: string, value: unknown): string {
  if (typeof value === 'string' && kind !== 'holdMode' && kind !== 'summary') {
    return kind === 'digits' ? pad(value, width, '0', name) : pad(value, width, ' ', name);
  }
  switch (kind) {
    case 'flag':
      return value ? 'Y' : 'N';
    case 'triState':
      return value ? 'Y' : 'N';
    case 'ok':
      return value ? '1' : '0';
    case 'date':
      return dateText(value as Sip2DateInput | null, name);
    case 'count':
      return value === null ? '    ' : pad(integer(value as number, name), 4, '0', name);
    case 'digits':
      return pad(integer(value as number, name), width, '0', name);
    case 'patronStatus':
      return formatPatronStatus(value as Partial<Sip2PatronStatus>);
    case 'summary':
      return value === null || (typeof value === 'string' && value.length === 10)
        ? ((value as string | null) ?? ' '.repeat(10))
        : formatSummary(value as Sip2SummaryList);
    case 'holdMode': {
      const mode = HOLD_MODES[value as string] ?? (value as string);
      if (mode !== '+' && mode !== '-' && mode !== '*') {
        throw new Sip2Error('INVALID_ARGUMENT', `holdMode must be +, - or *, got ${JSON.stringify(value)}`, {
          field: name,
        });
      }
      return mode;
    }
    case 'text':
      throw new Sip2Error('INVALID_ARGUMENT', `${name} must be a string`, { field: name });
  }
}

function fieldValues(kind: FieldKind, id: string, value: unknown): string[] {
  switch (kind) {
    case 'list':
      if (!Array.isArray(value))
        throw new Sip2Error('INVALID_ARGUMENT', `${id} takes an array`, { field: id });
      return value.map(String);
    case 'flag':
      return [typeof value === 'string' ? value : value ? 'Y' : 'N'];
    case 'date':
      return [dateText(value as Sip2DateInput, id)];
    case 'int':
      return [integer(value as number | string, id)];
    case 'int4':
      return [typeof value === 'string' ? value : pad(integer(value as number, id), 4, '0', id)];
    case 'amount':
      return [typeof value === 'string' ? value : formatAmount(value as number)];
    case 'supportedMessages':
      return [
        typeof value === 'string' ? value : formatSupportedMessages(value as Iterable<Sip2RequestCode>),
      ];
    case 'text':
      if (typeof value !== 'string')
        throw new Sip2Error('INVALID_ARGUMENT', `${id} takes a string`, { field: id });
      return [value];
  }
}

const ALL_SUPPORTED = SUPPORTED_MESSAGE_ORDER.map(() => 'Y').join('');

/** Builds any message from its code and parameters. */
export function buildMessage<C extends Sip2Code>(code: C, params: Sip2BuildParams<C>): Sip2MessageFor<C> {
  const spec = MESSAGE_SPECS[code];
  const input = params as unknown as Readonly<Record<string, unknown>>;
  const fixed: Record<string, string> = {};
  const now = new Date();
  for (const [name, width, kind, dflt] of spec.fixed as readonly FixedSpec[]) {
    const given = input[name];
    if (given !== undefined) fixed[name] = fixedText(kind, width, name, given);
    else if (dflt === 'now') fixed[name] = formatSip2Date(now);
    else if (dflt !== undefined) fixed[name] = dflt;
    else throw new Sip2Error('INVALID_ARGUMENT', `${spec.name}: ${name} is required`, { field: name });
  }
  const fields: Sip2Field[] = [];
  for (const [name, id, kind, presence] of spec.fields as readonly FieldSpec[]) {
    const given = input[name];
    if (given === undefined) {
      if (presence === 'R') {
        throw new Sip2Error('INVALID_ARGUMENT', `${spec.name}: ${name} (${id}) is required`, { field: id });
      }
      if (presence === 'E') fields.push([id, kind === 'supportedMessages' ? ALL_SUPPORTED : '']);
      continue;
    }
    for (const v of fieldValues(kind, id, given)) fields.push([id, v]);
  }
  if (params.extraFields) for (const [id, v] of params.extraFields) fields.push([id, v]);
  const message: Record<string, unknown> = { code, fixed, fields };
  if (params.sequence !== undefined) message.sequence = params.sequence;
  message.checksum = params.checksum ?? params.sequence !== undefined;
  message.terminator = params.terminator ?? '\r';
  return message as unknown as Sip2MessageFor<C>;
}

type Builders = {
  readonly [C in Sip2Code as MessageSpecs[C]['name']]: (params: Sip2BuildParams<C>) => Sip2MessageOf<C>;
};

/**
 * One builder per message, by name: `build.checkout({ institutionId, patronIdentifier, itemIdentifier })`.
 * Required fields (per the 3M document) are required parameters; see the README for defaults.
 */
export const build: Builders = Object.fromEntries(
  SIP2_CODES.map((code) => [
    MESSAGE_SPECS[code].name,
    (params: never) => buildMessage(code, params) as Sip2MessageOf<typeof code>,
  ]),
) as unknown as Builders;
