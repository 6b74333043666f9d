import { KANJI_RUNS } from './tables/kanji.generated.js';

// Unicode code point → 13-bit kanji-mode value, built on first use from the generated runs.
let byCodePoint: Map<number, number> | undefined;

/** The 13-bit kanji-mode value of a character, or -1 when Shift JIS kanji mode cannot carry it. */
export function kanjiValue(codePoint: number): number {
  if (codePoint < 0x80) return -1;
  if (!byCodePoint) {
    byCodePoint = new Map();
    for (const [start, chars] of KANJI_RUNS) {
      let value = start;
      for (const ch of chars) byCodePoint.set(ch.codePointAt(0)!, value++);
    }
  }
  return byCodePoint.get(codePoint) ?? -1;
}

/** Inverse, for decoders and tests: the character of a 13-bit kanji-mode value, or undefined. */
let byValue: Map<number, string> | undefined;
export function kanjiCharacter(value: number): string | undefined {
  if (!byValue) {
    byValue = new Map();
    for (const [start, chars] of KANJI_RUNS) {
      let v = start;
      for (const ch of chars) byValue.set(v++, ch);
    }
  }
  return byValue.get(value);
}
