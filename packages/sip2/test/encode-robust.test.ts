// Encoding anything a caller can pass (wrong shapes, wrong types, odd options) gives bytes or a
// Sip2Error, never another exception; fast and general paths agree on it.
import {
  encode,
  encodeInto,
  encodeToString,
  MESSAGE_SPECS,
  messageText,
  SIP2_CODES,
  Sip2Error,
  type Sip2Message,
} from '@bibwire/sip2';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { encodeGeneral } from '../src/codec/encode.js';
import { anyMessage } from './arbitraries.js';

function typedOrResult(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    expect(Sip2Error.is(error), String(error)).toBe(true);
    return error;
  }
}

/** Messages with any part replaced by arbitrary values. */
const misshapen = fc
  .tuple(
    anyMessage(),
    fc.constantFrom('code', 'fixed', 'fields', 'field', 'id', 'value', 'fixedValue', 'sequence', 'whole'),
    fc.anything({ withBigInt: true, withNullPrototype: true, withObjectString: true }),
  )
  .map(([m, part, junk]): unknown => {
    const copy: Record<string, unknown> = { ...m, fields: m.fields.map((f) => [...f]) };
    const fields = copy.fields as unknown[][];
    switch (part) {
      case 'field':
        if (fields.length > 0) fields[0] = junk as unknown[];
        else copy.fields = [junk];
        break;
      case 'id':
      case 'value':
        if (fields.length > 0) fields[0]![part === 'id' ? 0 : 1] = junk;
        break;
      case 'fixedValue': {
        const names = MESSAGE_SPECS[m.code].fixed.map((f) => f[0]);
        if (names.length > 0) copy.fixed = { ...m.fixed, [names[0]!]: junk };
        break;
      }
      case 'whole':
        return junk;
      default:
        copy[part] = junk;
    }
    return copy;
  });

const options = fc.record(
  {
    charset: fc.oneof(
      fc.constantFrom('utf-8', 'ascii', 'cp850', 'iso-8859-1', 'utf8', 'latin2'),
      fc.anything(),
    ),
    terminator: fc.oneof(fc.constantFrom('\r', '\n', '\r\n', '\n\r'), fc.anything()),
    fieldDelimiter: fc.oneof(fc.constantFrom('|', '^', 'A'), fc.anything()),
  },
  { requiredKeys: [] },
);

describe('encoding arbitrary input', () => {
  test.prop([misshapen, options])('gives bytes or a Sip2Error, the same on both paths', (input, opts) => {
    const m = input as Sip2Message;
    const o = opts as Parameters<typeof encode>[1];
    const fast = typedOrResult(() => encode(m, o));
    expect(fast).toStrictEqual(typedOrResult(() => encodeGeneral(m, o)));
    const target = new Uint8Array(4096);
    const into = typedOrResult(() => target.slice(0, encodeInto(m, target, 0, o)));
    expect(into).toStrictEqual(fast);
    typedOrResult(() => encodeToString(m, o));
    typedOrResult(() => messageText(m, o));
  });

  test.prop([fc.constantFrom(...SIP2_CODES), fc.anything()])('any value as fixed or fields', (code, junk) => {
    typedOrResult(() => encode({ code, fixed: junk, fields: [] } as unknown as Sip2Message));
    typedOrResult(() => encode({ code, fixed: {}, fields: junk } as unknown as Sip2Message));
  });
});
