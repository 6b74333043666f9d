import { Sip2Error } from '../errors.js';
import { checkedCharset } from './charset.js';
import { decodeFrame } from './decode.js';
import { delimiterCode } from './delimiter.js';
import type { Sip2DecodeOptions, Sip2FramedItem, Sip2Framer, Sip2FramerOptions } from './types.js';

const CR = 0x0d;
const LF = 0x0a;
/** Default largest message the framer buffers (terminator excluded). */
export const SIP2_DEFAULT_MAX_MESSAGE_BYTES = 65_536;

const isBlank = (bytes: Uint8Array) => bytes.every((b) => b === 0x20 || b === 0x09);

/**
 * A stateful splitter for a SIP2 byte stream. A message ends at CR or LF (so CRLF yields one
 * message: the empty line between CR and LF is skipped, as are whitespace-only lines). How the
 * bytes are split into chunks never changes the result. A message longer than `maxMessageBytes`
 * gives one `MESSAGE_TOO_LARGE` error item and is skipped up to its terminator; memory use stays
 * below that bound whatever the peer sends.
 */
export function createFramer(options: Sip2FramerOptions = {}): Sip2Framer {
  const max = options.maxMessageBytes ?? SIP2_DEFAULT_MAX_MESSAGE_BYTES;
  if (!Number.isInteger(max) || max < 1) {
    throw new Sip2Error('INVALID_ARGUMENT', `maxMessageBytes must be a positive integer, got ${max}`);
  }
  // Refuse a bad delimiter or charset now, not on the first message.
  delimiterCode(options.fieldDelimiter);
  checkedCharset(options.charset);
  const decodeOptions: Sip2DecodeOptions = options;
  // The error item carries the start of the oversized message; this length is reached in any chunking.
  const headLength = Math.min(64, max + 1);
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let discarding = false;

  const frame = (view: Uint8Array, terminator: number | undefined, out: Sip2FramedItem[]) => {
    if (view.length === 0 || isBlank(view)) return;
    const raw = view.slice(); // the caller may reuse its chunk buffer
    try {
      if (terminator === undefined) {
        if (options.mode === 'strict') {
          throw new Sip2Error('MISSING_TERMINATOR', 'stream ended inside a message', { offset: raw.length });
        }
        const decoded = decodeFrame(raw, undefined, decodeOptions);
        const warning = {
          code: 'MISSING_TERMINATOR',
          message: 'stream ended inside a message',
          offset: raw.length,
        } as const;
        out.push({ kind: 'message', raw, decoded: { ...decoded, warnings: [...decoded.warnings, warning] } });
        return;
      }
      out.push({
        kind: 'message',
        raw,
        decoded: decodeFrame(raw, terminator === CR ? '\r' : '\n', decodeOptions),
      });
    } catch (error) {
      if (!Sip2Error.is(error)) throw error;
      out.push({ kind: 'error', raw, error });
    }
  };

  const take = (tail: Uint8Array): Uint8Array => {
    if (pending.length === 0) return tail;
    const all = new Uint8Array(pendingBytes + tail.length);
    let at = 0;
    for (const p of pending) {
      all.set(p, at);
      at += p.length;
    }
    all.set(tail, at);
    pending = [];
    pendingBytes = 0;
    return all;
  };

  /** `open`: the message has not ended yet, so skip the rest of it up to its terminator. */
  const tooLarge = (out: Sip2FramedItem[], head: Uint8Array, open: boolean) => {
    discarding = open;
    pending = [];
    pendingBytes = 0;
    out.push({
      kind: 'error',
      raw: head,
      error: new Sip2Error('MESSAGE_TOO_LARGE', `message longer than ${max} bytes discarded`, {
        offset: max,
      }),
    });
  };

  return {
    push(chunk: Uint8Array): Sip2FramedItem[] {
      const out: Sip2FramedItem[] = [];
      let start = 0;
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i]!;
        if (b !== CR && b !== LF) continue;
        if (discarding) discarding = false;
        else if (pendingBytes + (i - start) > max)
          tooLarge(out, take(chunk.subarray(start, i)).slice(0, headLength), false);
        else frame(take(chunk.subarray(start, i)), b, out);
        pending = [];
        pendingBytes = 0;
        start = i + 1;
      }
      if (start < chunk.length && !discarding) {
        const rest = chunk.subarray(start);
        if (pendingBytes + rest.length > max) {
          tooLarge(out, take(rest).slice(0, headLength), true);
        } else {
          // Copy: the caller may reuse its buffer.
          pending.push(rest.slice());
          pendingBytes += rest.length;
        }
      }
      return out;
    },
    end(): Sip2FramedItem[] {
      const out: Sip2FramedItem[] = [];
      if (!discarding && pendingBytes > 0) frame(take(new Uint8Array(0)), undefined, out);
      pending = [];
      pendingBytes = 0;
      discarding = false;
      return out;
    },
    reset(): void {
      pending = [];
      pendingBytes = 0;
      discarding = false;
    },
    get bufferedBytes(): number {
      return pendingBytes;
    },
  };
}
