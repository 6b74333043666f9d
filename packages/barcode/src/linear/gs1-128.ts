// GS1-128: Code 128 with FNC1 first, element strings `(01)09501101530003(10)ABC` or `[01]...`.
import { BarcodeError } from '../errors.js';
import type { LinearSymbol } from '../symbol.js';
import { code128Modules, code128Values, FNC1_ITEM } from './code128.js';
import { assertNotEmpty, linearSymbol, mod10Weight31 } from './common.js';

/** Total length (AI + data) of the GS1 "predefined length" AIs by their first two digits. */
const PREDEFINED: Record<string, number> = {
  '00': 20,
  '01': 16,
  '02': 16,
  '03': 16,
  '04': 18,
  '11': 8,
  '12': 8,
  '13': 8,
  '14': 8,
  '15': 8,
  '16': 8,
  '17': 8,
  '18': 8,
  '19': 8,
  '20': 4,
  '31': 10,
  '32': 10,
  '33': 10,
  '34': 10,
  '35': 10,
  '36': 10,
  '41': 16,
};
/** GS1 character set 82 (what AI data may contain). */
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/;

export interface Gs1Element {
  readonly ai: string;
  readonly data: string;
}

/** Parse `(AI)data(AI)data` or `[AI]data[AI]data` into elements, validating AIs and fixed lengths. */
export function parseGs1(input: string): Gs1Element[] {
  const symbology = 'gs1-128';
  assertNotEmpty(symbology, input);
  const open = input.charAt(0);
  const close = open === '(' ? ')' : open === '[' ? ']' : '';
  if (!close) {
    throw new BarcodeError('INVALID_GS1', `${symbology}: data must start with (AI) or [AI]`, {
      position: 0,
      character: open,
      symbology,
    });
  }
  const out: Gs1Element[] = [];
  let i = 0;
  while (i < input.length) {
    const end = input.indexOf(close, i + 1);
    const ai = end < 0 ? '' : input.slice(i + 1, end);
    if (!/^\d{2,4}$/.test(ai)) {
      throw new BarcodeError('INVALID_GS1', `${symbology}: bad application identifier at position ${i}`, {
        position: i,
        symbology,
      });
    }
    let next = input.indexOf(open, end + 1);
    if (next < 0) next = input.length;
    const data = input.slice(end + 1, next);
    const fixed = PREDEFINED[ai.slice(0, 2)];
    if (data.length === 0 || data.length > 90 || !CSET82.test(data)) {
      throw new BarcodeError(
        'INVALID_GS1',
        `${symbology}: AI (${ai}) data at position ${end + 1} is empty or invalid`,
        {
          position: end + 1,
          symbology,
        },
      );
    }
    if (fixed !== undefined && ai.length + data.length !== fixed) {
      throw new BarcodeError(
        'INVALID_GS1',
        `${symbology}: AI (${ai}) needs ${fixed - ai.length} characters of data, got ${data.length}`,
        { position: end + 1, symbology },
      );
    }
    if ((ai === '00' || ai === '01' || ai === '02') && /^\d+$/.test(data)) {
      const expected = mod10Weight31(data.slice(0, -1));
      if (String(expected) !== data.charAt(data.length - 1)) {
        throw new BarcodeError(
          'INVALID_CHECK_DIGIT',
          `${symbology}: AI (${ai}) check digit should be ${expected}`,
          {
            position: next - 1,
            character: data.charAt(data.length - 1),
            symbology,
          },
        );
      }
    } else if (fixed !== undefined && !/^\d+$/.test(data)) {
      throw new BarcodeError('INVALID_GS1', `${symbology}: AI (${ai}) data must be digits`, {
        position: end + 1,
        symbology,
      });
    }
    out.push({ ai, data });
    i = next;
  }
  return out;
}

/**
 * Encode GS1-128: FNC1 first, FNC1 after every variable-length field that is not last.
 * @example encodeGs1128('(01)09501101530003(10)ABC').text // '(01)09501101530003(10)ABC'
 */
export function encodeGs1128(data: string): LinearSymbol {
  const elements = parseGs1(data);
  const items: number[] = [FNC1_ITEM];
  let text = '';
  elements.forEach((el, k) => {
    for (const ch of el.ai + el.data) items.push(ch.charCodeAt(0));
    if (PREDEFINED[el.ai.slice(0, 2)] === undefined && k < elements.length - 1) items.push(FNC1_ITEM);
    text += `(${el.ai})${el.data}`;
  });
  return linearSymbol('gs1-128', code128Modules(code128Values(items)), text, { left: 10, right: 10 });
}
