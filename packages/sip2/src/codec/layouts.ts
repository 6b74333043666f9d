// Precomputed per-code fixed-field layouts for the fast paths: flat arrays (no tuple reads), numeric
// kinds, and a lookup by the two code characters so a message code needs no string to be found.
import { type FixedKind, type FixedSpec, MESSAGE_SPECS, type Sip2Code } from './specs.js';

export const KIND_FLAG = 0;
export const KIND_TRI_STATE = 1;
export const KIND_OK = 2;
export const KIND_HOLD_MODE = 3;
export const KIND_DIGITS = 4;
export const KIND_COUNT = 5;
export const KIND_Y_OR_SPACE = 6;
export const KIND_DATE = 7;
export const KIND_TEXT = 8;

export const KIND_NUMBER: Readonly<Record<FixedKind, number>> = {
  flag: KIND_FLAG,
  triState: KIND_TRI_STATE,
  ok: KIND_OK,
  holdMode: KIND_HOLD_MODE,
  digits: KIND_DIGITS,
  count: KIND_COUNT,
  patronStatus: KIND_Y_OR_SPACE,
  summary: KIND_Y_OR_SPACE,
  date: KIND_DATE,
  text: KIND_TEXT,
};

export interface Layout {
  readonly code: Sip2Code;
  readonly names: readonly string[];
  readonly widths: readonly number[];
  readonly kinds: readonly number[];
  /** Offset of the first variable field: 2 + the fixed part's width. */
  readonly fixedEnd: number;
  /**
   * An object with the fixed fields' keys in layout order: cloning it (`{ ...template }`) gives
   * every decoded `fixed` object the same hidden class in one step.
   */
  readonly template: Readonly<Record<string, string>>;
}

const LAYOUTS: (Layout | undefined)[] = new Array(128 * 128);
for (const code of Object.keys(MESSAGE_SPECS) as Sip2Code[]) {
  const fixed = MESSAGE_SPECS[code].fixed as readonly FixedSpec[];
  const template: Record<string, string> = {};
  for (const f of fixed) template[f[0]] = '';
  LAYOUTS[(code.charCodeAt(0) << 7) | code.charCodeAt(1)] = {
    code,
    names: fixed.map((f) => f[0]),
    widths: fixed.map((f) => f[1]),
    kinds: fixed.map((f) => KIND_NUMBER[f[2]]),
    fixedEnd: 2 + fixed.reduce((n, f) => n + f[1], 0),
    template,
  };
}

/** The layout of the message whose code is the characters `a`, `b`; undefined for no SIP2 code. */
export function layoutOf(a: number, b: number): Layout | undefined {
  return a < 128 && b < 128 ? LAYOUTS[(a << 7) | b] : undefined;
}
