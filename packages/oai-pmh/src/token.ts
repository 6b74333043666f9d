// Stateless resumption tokens: the whole position of a list request travels in the token, signed
// with HMAC-SHA256 (Web Crypto, so any runtime works). Layout: base64url(JSON) "." base64url(mac).
import { OaiError } from './errors.js';

export type ListVerb = 'ListRecords' | 'ListIdentifiers' | 'ListSets';

/** Keyset position: the last item already sent, in the repository's (datestamp, identifier) order. */
export interface ItemPosition {
  readonly datestamp: number;
  readonly identifier: string;
}

export interface ResumptionState {
  readonly verb: ListVerb;
  /** The original request's arguments (absent for ListSets). */
  readonly metadataPrefix?: string;
  readonly from?: string;
  readonly until?: string;
  readonly set?: string;
  /** Last item sent (ListRecords/ListIdentifiers) or last setSpec sent (ListSets). */
  readonly after: ItemPosition | string;
  /** Items sent before the page this token asks for. */
  readonly cursor: number;
  readonly completeListSize?: number;
  /** Epoch milliseconds after which the token is refused. */
  readonly expires: number;
}

export interface TokenCodec {
  encode(state: ResumptionState): Promise<string>;
  /** Verifies and decodes; throws OaiError BAD_RESUMPTION_TOKEN when tampered, malformed or expired. */
  decode(token: string, now?: number): Promise<ResumptionState>;
}

const MAC_BYTES = 16;
const MAX_TOKEN_CHARS = 8192;
const VERBS: readonly ListVerb[] = ['ListRecords', 'ListIdentifiers', 'ListSets'];

/** A codec for tokens signed with `secret` (at least 16 bytes of key material recommended). */
export function createTokenCodec(secret: string | Uint8Array): TokenCodec {
  const raw = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  if (raw.length === 0)
    throw new OaiError('INVALID_ARGUMENT', 'token secret must not be empty', { field: 'secret' });
  const key = globalThis.crypto.subtle.importKey('raw', copy(raw), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = async (payload: string): Promise<Uint8Array> => {
    const sig = await globalThis.crypto.subtle.sign('HMAC', await key, new TextEncoder().encode(payload));
    return new Uint8Array(sig, 0, MAC_BYTES);
  };
  return {
    async encode(state) {
      const payload = toBase64Url(new TextEncoder().encode(JSON.stringify(pack(state))));
      return `${payload}.${toBase64Url(await mac(payload))}`;
    },
    async decode(token, now = Date.now()) {
      const dot = token.indexOf('.');
      if (token.length > MAX_TOKEN_CHARS || dot < 0) throw bad('malformed resumptionToken');
      const payload = token.slice(0, dot);
      const given = fromBase64Url(token.slice(dot + 1));
      if (given === undefined || !sameBytes(given, await mac(payload))) {
        throw bad('resumptionToken signature does not match');
      }
      const bytes = fromBase64Url(payload);
      let state: ResumptionState | undefined;
      try {
        state = bytes && unpack(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
      } catch {
        state = undefined;
      }
      if (!state) throw bad('malformed resumptionToken');
      if (state.expires <= now) throw bad('resumptionToken has expired');
      return state;
    },
  };
}

function bad(message: string): OaiError {
  return new OaiError('BAD_RESUMPTION_TOKEN', message, { field: 'resumptionToken' });
}

// Short keys keep tokens small; harvesters send them back on every page.
function pack(s: ResumptionState): Record<string, unknown> {
  const o: Record<string, unknown> = { v: VERBS.indexOf(s.verb), c: s.cursor, e: s.expires };
  o.a = typeof s.after === 'string' ? s.after : [s.after.datestamp, s.after.identifier];
  if (s.metadataPrefix !== undefined) o.p = s.metadataPrefix;
  if (s.from !== undefined) o.f = s.from;
  if (s.until !== undefined) o.u = s.until;
  if (s.set !== undefined) o.s = s.set;
  if (s.completeListSize !== undefined) o.n = s.completeListSize;
  return o;
}

function unpack(o: unknown): ResumptionState | undefined {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return undefined;
  const r = o as Record<string, unknown>;
  const verb = typeof r.v === 'number' ? VERBS[r.v] : undefined;
  if (!verb || !isCount(r.c) || !isCount(r.e)) return undefined;
  let after: ResumptionState['after'];
  if (typeof r.a === 'string') after = r.a;
  else if (Array.isArray(r.a) && r.a.length === 2 && Number.isFinite(r.a[0]) && typeof r.a[1] === 'string') {
    after = { datestamp: r.a[0] as number, identifier: r.a[1] };
  } else return undefined;
  const state: { -readonly [K in keyof ResumptionState]: ResumptionState[K] } = {
    verb,
    after,
    cursor: r.c,
    expires: r.e,
  };
  for (const [k, name] of [
    ['p', 'metadataPrefix'],
    ['f', 'from'],
    ['u', 'until'],
    ['s', 'set'],
  ] as const) {
    const v = r[k];
    if (v === undefined) continue;
    if (typeof v !== 'string') return undefined;
    state[name] = v;
  }
  if (r.n !== undefined) {
    if (!isCount(r.n)) return undefined;
    state.completeListSize = r.n;
  }
  return state;
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes.length);
  out.set(bytes);
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

/** Strict base64url (no padding); undefined for any other text, so a token has one spelling only. */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? LOOKUP[c]! : -1;
    if (v < 0) return undefined;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
    }
  }
  // Leftover bits must be zero, else two texts would decode to the same bytes.
  if ((acc & ((1 << bits) - 1)) !== 0) return undefined;
  return out;
}
