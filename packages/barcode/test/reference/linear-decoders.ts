// Reference decoders (modules → text) written from the tables in shared/specs/barcode.md, independent
// of the encoders' own tables. They throw plain Errors: a failure here is a test failure.

/** Run lengths of alternating colours, starting with the first module's colour. */
export function runs(modules: Uint8Array): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < modules.length) {
    const v = modules[i];
    let j = i;
    while (j < modules.length && modules[j] === v) j++;
    out.push(j - i);
    i = j;
  }
  return out;
}

/** Narrow/wide letters for a two-width symbol: anything wider than the narrowest element is wide. */
function nw(modules: Uint8Array): string {
  const r = runs(modules);
  const narrow = Math.min(...r);
  return r.map((w) => (w > narrow ? 'W' : 'N')).join('');
}

function interleave(bars: string, spaces: string): string {
  let s = '';
  for (let i = 0; i < bars.length; i++) s += bars[i] + (spaces[i] ?? '');
  return s;
}

// ---- Code 39 (§3): char → [bars, spaces]
const C39: Record<string, [string, string]> = {
  '0': ['NNWWN', 'NWNN'],
  '1': ['WNNNW', 'NWNN'],
  '2': ['NWNNW', 'NWNN'],
  '3': ['WWNNN', 'NWNN'],
  '4': ['NNWNW', 'NWNN'],
  '5': ['WNWNN', 'NWNN'],
  '6': ['NWWNN', 'NWNN'],
  '7': ['NNNWW', 'NWNN'],
  '8': ['WNNWN', 'NWNN'],
  '9': ['NWNWN', 'NWNN'],
  A: ['WNNNW', 'NNWN'],
  B: ['NWNNW', 'NNWN'],
  C: ['WWNNN', 'NNWN'],
  D: ['NNWNW', 'NNWN'],
  E: ['WNWNN', 'NNWN'],
  F: ['NWWNN', 'NNWN'],
  G: ['NNNWW', 'NNWN'],
  H: ['WNNWN', 'NNWN'],
  I: ['NWNWN', 'NNWN'],
  J: ['NNWWN', 'NNWN'],
  K: ['WNNNW', 'NNNW'],
  L: ['NWNNW', 'NNNW'],
  M: ['WWNNN', 'NNNW'],
  N: ['NNWNW', 'NNNW'],
  O: ['WNWNN', 'NNNW'],
  P: ['NWWNN', 'NNNW'],
  Q: ['NNNWW', 'NNNW'],
  R: ['WNNWN', 'NNNW'],
  S: ['NWNWN', 'NNNW'],
  T: ['NNWWN', 'NNNW'],
  U: ['WNNNW', 'WNNN'],
  V: ['NWNNW', 'WNNN'],
  W: ['WWNNN', 'WNNN'],
  X: ['NNWNW', 'WNNN'],
  Y: ['WNWNN', 'WNNN'],
  Z: ['NWWNN', 'WNNN'],
  '-': ['NNNWW', 'WNNN'],
  '.': ['WNNWN', 'WNNN'],
  ' ': ['NWNWN', 'WNNN'],
  $: ['NNNNN', 'WWWN'],
  '/': ['NNNNN', 'WWNW'],
  '+': ['NNNNN', 'WNWW'],
  '%': ['NNNNN', 'NWWW'],
  '*': ['NNWWN', 'WNNN'],
};
const C39_BY = new Map(Object.entries(C39).map(([c, [b, s]]) => [interleave(b, s), c]));
const C39_VALUES = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%';

/** Code 39 symbol → the characters between the `*`s (check character included, pairs not expanded). */
export function decodeCode39(modules: Uint8Array): string {
  const s = nw(modules);
  let out = '';
  for (let i = 0; i < s.length; i += 10) {
    const ch = C39_BY.get(s.slice(i, i + 9));
    if (ch === undefined) throw new Error(`code39: bad character at element ${i}`);
    if (i + 9 < s.length && s[i + 9] !== 'N') throw new Error('code39: wide intercharacter gap');
    out += ch;
  }
  if (!out.startsWith('*') || !out.endsWith('*') || out.length < 3) throw new Error('code39: no start/stop');
  return out.slice(1, -1);
}

export function code39CheckOk(body: string): boolean {
  let sum = 0;
  for (const c of body.slice(0, -1)) sum += C39_VALUES.indexOf(c);
  return C39_VALUES[sum % 43] === body.at(-1);
}

/** Full ASCII: expand $X %X /X +X pairs. */
export function expandFullAscii(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    const n = s[i + 1];
    if ('$%/+'.includes(c) && n !== undefined) {
      const k = n.charCodeAt(0);
      i++;
      if (c === '$') out += String.fromCharCode(k - 64);
      else if (c === '+') out += String.fromCharCode(k + 32);
      else if (c === '/') out += n === 'O' ? '/' : n === 'Z' ? ':' : String.fromCharCode(k - 65 + 33);
      else {
        const pct: Record<string, number> = { U: 0, V: 64, W: 96, X: 127, Y: 127, Z: 127 };
        if (n in pct) out += String.fromCharCode(pct[n] as number);
        else if (k <= 69) out += String.fromCharCode(27 + k - 65);
        else if (k <= 74) out += String.fromCharCode(59 + k - 70);
        else if (k <= 79) out += String.fromCharCode(91 + k - 75);
        else out += String.fromCharCode(123 + k - 80);
      }
    } else out += c;
  }
  return out;
}

// ---- Codabar (§4)
const CB: Record<string, [string, string]> = {
  '0': ['NNNW', 'NNW'],
  '1': ['NNWN', 'NNW'],
  '2': ['NNNW', 'NWN'],
  '3': ['WNNN', 'WNN'],
  '4': ['NWNN', 'NNW'],
  '5': ['WNNN', 'NNW'],
  '6': ['NNNW', 'WNN'],
  '7': ['NNWN', 'WNN'],
  '8': ['NWNN', 'WNN'],
  '9': ['WNNN', 'NWN'],
  '-': ['NNWN', 'NWN'],
  $: ['NWNN', 'NWN'],
  ':': ['WNWW', 'NNN'],
  '/': ['WWNW', 'NNN'],
  '.': ['WWWN', 'NNN'],
  '+': ['NWWW', 'NNN'],
  A: ['NWNN', 'NWW'],
  B: ['NNNW', 'WWN'],
  C: ['NNNW', 'NWW'],
  D: ['NNWN', 'NWW'],
};
const CB_BY = new Map(Object.entries(CB).map(([c, [b, s]]) => [interleave(b, s), c]));

/** Codabar symbol → the full string with start/stop. */
export function decodeCodabar(modules: Uint8Array): string {
  const s = nw(modules);
  let out = '';
  for (let i = 0; i < s.length; i += 8) {
    const ch = CB_BY.get(s.slice(i, i + 7));
    if (ch === undefined) throw new Error(`codabar: bad character at element ${i}`);
    out += ch;
  }
  return out;
}

// ---- 2 of 5 family (§5)
const D25 = ['NNWWN', 'WNNNW', 'NWNNW', 'WWNNN', 'NNWNW', 'WNWNN', 'NWWNN', 'NNNWW', 'WNNWN', 'NWNWN'];
const COOP = ['WWNNN', 'NNNWW', 'NNWNW', 'NNWWN', 'NWNNW', 'NWNWN', 'NWWNN', 'WNNNW', 'WNNWN', 'WNWNN'];

function digitOf(table: string[], p: string, what: string): string {
  const d = table.indexOf(p);
  if (d < 0) throw new Error(`${what}: bad digit pattern ${p}`);
  return String(d);
}

/** Industrial / IATA: bars only; `start`/`stop` are bar patterns. */
export function decodeBarsOnly(modules: Uint8Array, start: string, stop: string): string {
  const s = nw(modules);
  let bars = '';
  for (let i = 0; i < s.length; i += 2) {
    bars += s[i];
    if (i + 1 < s.length && s[i + 1] !== 'N') throw new Error('bars-only 2 of 5: wide space');
  }
  if (!bars.startsWith(start) || !bars.endsWith(stop)) throw new Error('bars-only 2 of 5: start/stop');
  const body = bars.slice(start.length, bars.length - stop.length);
  if (body.length % 5 !== 0) throw new Error('bars-only 2 of 5: length');
  let out = '';
  for (let i = 0; i < body.length; i += 5) out += digitOf(D25, body.slice(i, i + 5), '2of5');
  return out;
}

/** Matrix / Data Logic / COOP: B S B S B per digit with a narrow gap. */
export function decodeDiscrete(modules: Uint8Array, coop: boolean, start: string, stop: string): string {
  const s = nw(modules);
  if (!s.startsWith(start) || !s.endsWith(stop)) throw new Error('discrete 2 of 5: start/stop');
  const body = s.slice(start.length, s.length - stop.length);
  if (body.length % 6 !== 0) throw new Error('discrete 2 of 5: length');
  let out = '';
  for (let i = 0; i < body.length; i += 6) {
    if (body[i + 5] !== 'N') throw new Error('discrete 2 of 5: wide gap');
    out += digitOf(coop ? COOP : D25, body.slice(i, i + 5), '2of5');
  }
  return out;
}

/** Interleaved 2 of 5. */
export function decodeItf(modules: Uint8Array): string {
  const s = nw(modules);
  if (!s.startsWith('NNNN') || !s.endsWith('WNN')) throw new Error('itf: start/stop');
  const body = s.slice(4, -3);
  if (body.length % 10 !== 0) throw new Error('itf: length');
  let out = '';
  for (let i = 0; i < body.length; i += 10) {
    let bars = '';
    let spaces = '';
    for (let k = 0; k < 10; k++)
      (k % 2 === 0 ? (b: string) => (bars += b) : (b: string) => (spaces += b))(body[i + k] as string);
    out += digitOf(D25, bars, 'itf') + digitOf(D25, spaces, 'itf');
  }
  return out;
}

export function gtinCheckOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length - 1; i++)
    sum += Number(digits[digits.length - 2 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10 === Number(digits.at(-1));
}

// ---- EAN/UPC (§7)
const L = [
  '0001101',
  '0011001',
  '0010011',
  '0111101',
  '0100011',
  '0110001',
  '0101111',
  '0111011',
  '0110111',
  '0001011',
];
const G = [
  '0100111',
  '0110011',
  '0011011',
  '0100001',
  '0011101',
  '0111001',
  '0000101',
  '0010001',
  '0001001',
  '0010111',
];
const R = [
  '1110010',
  '1100110',
  '1101100',
  '1000010',
  '1011100',
  '1001110',
  '1010000',
  '1000100',
  '1001000',
  '1110100',
];
const EAN13_PAR = [
  'LLLLLL',
  'LLGLGG',
  'LLGGLG',
  'LLGGGL',
  'LGLLGG',
  'LGGLLG',
  'LGGGLL',
  'LGLGLG',
  'LGLGGL',
  'LGGLGL',
];
const UPCE0 = [
  'GGGLLL',
  'GGLGLL',
  'GGLLGL',
  'GGLLLG',
  'GLGGLL',
  'GLLGGL',
  'GLLLGG',
  'GLGLGL',
  'GLGLLG',
  'GLLGLG',
];
const EAN5_PAR = ['GGLLL', 'GLGLL', 'GLLGL', 'GLLLG', 'LGGLL', 'LLGGL', 'LLLGG', 'LGLGL', 'LGLLG', 'LLGLG'];

const bitsOf = (m: Uint8Array, from: number, to: number) => Array.from(m.slice(from, to)).join('');

function leftDigit(p: string): [string, 'L' | 'G'] {
  const l = L.indexOf(p);
  if (l >= 0) return [String(l), 'L'];
  const g = G.indexOf(p);
  if (g >= 0) return [String(g), 'G'];
  throw new Error(`ean: bad left character ${p}`);
}
function rightDigit(p: string): string {
  const r = R.indexOf(p);
  if (r < 0) throw new Error(`ean: bad right character ${p}`);
  return String(r);
}

/** EAN-13 (95 modules) → 13 digits. */
export function decodeEan13(m: Uint8Array): string {
  if (bitsOf(m, 0, 3) !== '101' || bitsOf(m, 45, 50) !== '01010' || bitsOf(m, 92, 95) !== '101')
    throw new Error('ean13: guards');
  let left = '';
  let parity = '';
  for (let i = 0; i < 6; i++) {
    const [d, p] = leftDigit(bitsOf(m, 3 + 7 * i, 10 + 7 * i));
    left += d;
    parity += p;
  }
  let right = '';
  for (let i = 0; i < 6; i++) right += rightDigit(bitsOf(m, 50 + 7 * i, 57 + 7 * i));
  const first = EAN13_PAR.indexOf(parity);
  if (first < 0) throw new Error('ean13: parity');
  return String(first) + left + right;
}

export function decodeEan8(m: Uint8Array): string {
  if (bitsOf(m, 0, 3) !== '101' || bitsOf(m, 31, 36) !== '01010' || bitsOf(m, 64, 67) !== '101')
    throw new Error('ean8: guards');
  let out = '';
  for (let i = 0; i < 4; i++) {
    const [d, p] = leftDigit(bitsOf(m, 3 + 7 * i, 10 + 7 * i));
    if (p !== 'L') throw new Error('ean8: parity');
    out += d;
  }
  for (let i = 0; i < 4; i++) out += rightDigit(bitsOf(m, 36 + 7 * i, 43 + 7 * i));
  return out;
}

/** UPC-E (51 modules) → 8 digits NS + 6 + check. */
export function decodeUpce(m: Uint8Array): string {
  if (bitsOf(m, 0, 3) !== '101' || bitsOf(m, 45, 51) !== '010101') throw new Error('upce: guards');
  let six = '';
  let parity = '';
  for (let i = 0; i < 6; i++) {
    const [d, p] = leftDigit(bitsOf(m, 3 + 7 * i, 10 + 7 * i));
    six += d;
    parity += p;
  }
  let check = UPCE0.indexOf(parity);
  if (check >= 0) return `0${six}${check}`;
  check = UPCE0.indexOf(parity.replace(/[LG]/g, (c) => (c === 'L' ? 'G' : 'L')));
  if (check >= 0) return `1${six}${check}`;
  throw new Error('upce: parity');
}

/** Add-on (EAN-2/EAN-5) modules → digits, verifying the parity. */
export function decodeAddon(m: Uint8Array): string {
  if (bitsOf(m, 0, 4) !== '1011') throw new Error('addon: guard');
  const n = (m.length - 4 + 2) / 9;
  let out = '';
  let parity = '';
  for (let i = 0; i < n; i++) {
    const at = 4 + 9 * i;
    if (i > 0 && bitsOf(m, at - 2, at) !== '01') throw new Error('addon: delimiter');
    const [d, p] = leftDigit(bitsOf(m, at, at + 7));
    out += d;
    parity += p;
  }
  const ds = Array.from(out, Number);
  const expected =
    n === 2
      ? (['LL', 'LG', 'GL', 'GG'][((ds[0] ?? 0) * 10 + (ds[1] ?? 0)) % 4] as string)
      : (EAN5_PAR[
          (3 * ((ds[0] ?? 0) + (ds[2] ?? 0) + (ds[4] ?? 0)) + 9 * ((ds[1] ?? 0) + (ds[3] ?? 0))) % 10
        ] as string);
  if (parity !== expected) throw new Error('addon: parity');
  return out;
}

// ---- Code 128 (§8)
const C128 = (
  '212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 122132 122231 ' +
  '113222 123122 123221 223211 221132 221231 213212 223112 312131 311222 321122 321221 312212 322112 322211 ' +
  '212123 212321 232121 111323 131123 131321 112313 132113 132311 211313 231113 231311 112133 112331 132131 ' +
  '113123 113321 133121 313121 211331 231131 213113 213311 213131 311123 311321 331121 312113 312311 332111 ' +
  '314111 221411 431111 111224 111422 121124 121421 141122 141221 112214 112412 122114 122411 142112 142211 ' +
  '241211 221114 413111 241112 134111 111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 ' +
  '214121 412121 111143 111341 131141 114113 114311 411113 411311 113141 114131 311141 411131 211412 211214 211232'
).split(' ');

/**
 * Code 128 → text; FNC1 becomes '\x1d' except in first position (returned as `gs1: true`).
 * FNC4 per ISO/IEC 15417: a single FNC4 flips the next data character between ASCII and ISO 8859-1 high
 * (value + 128); two adjacent FNC4 latch extended mode, two more unlatch it. Set C digits and FNC1 are not
 * affected. Strict: an FNC4 must be followed by FNC4, Shift or a data character (anything else throws).
 */
export function decodeCode128(m: Uint8Array): { text: string; gs1: boolean; values: number[] } {
  const r = runs(m);
  if (r.length % 6 !== 1) throw new Error('code128: element count');
  const values: number[] = [];
  for (let i = 0; i + 7 < r.length; i += 6) {
    const v = C128.indexOf(r.slice(i, i + 6).join(''));
    if (v < 0) throw new Error(`code128: bad symbol at element ${i}`);
    values.push(v);
  }
  if (r.slice(-7).join('') !== '2331112') throw new Error('code128: stop');
  const check = values.pop() as number;
  let sum = values[0] as number;
  for (let i = 1; i < values.length; i++) sum += i * (values[i] as number);
  if (sum % 103 !== check) throw new Error('code128: check character');
  let set = (values[0] as number) - 103;
  if (set < 0 || set > 2) throw new Error('code128: start');
  let text = '';
  let gs1 = false;
  let shift = false;
  /** A single FNC4 is pending (flips the next data character, or latches/unlatches with the next FNC4). */
  let fnc4 = false;
  let extended = false;
  const notAfterFnc4 = (i: number) => {
    if (fnc4) throw new Error(`code128: FNC4 followed by value ${values[i]} at ${i}`);
  };
  for (let i = 1; i < values.length; i++) {
    const v = values[i] as number;
    const cur = shift ? 1 - set : set;
    const shifted = shift;
    shift = false;
    if (v === 102) {
      notAfterFnc4(i);
      if (i === 1) gs1 = true;
      else text += '\x1d';
      continue;
    }
    if (cur === 2) {
      notAfterFnc4(i);
      if (v < 100) text += String(v).padStart(2, '0');
      else if (v === 100) set = 1;
      else if (v === 101) set = 0;
      else throw new Error(`code128: value ${v} in set C`);
      continue;
    }
    if ((cur === 0 && v === 101) || (cur === 1 && v === 100)) {
      if (shifted) throw new Error(`code128: Shift followed by FNC4 at ${i}`);
      if (fnc4) extended = !extended;
      fnc4 = !fnc4;
      continue;
    }
    if (v === 98) {
      if (shifted) throw new Error(`code128: Shift followed by Shift at ${i}`);
      shift = true;
      continue;
    }
    if (v >= 96) {
      notAfterFnc4(i);
      if (shifted) throw new Error(`code128: Shift followed by value ${v} at ${i}`);
      if (v === 99) set = 2;
      else if (v === 100 || v === 101) set = v === 100 ? 1 : 0;
      else throw new Error(`code128: FNC2/FNC3 not expected (${v})`);
      continue;
    }
    let c = cur === 0 ? (v < 64 ? v + 32 : v - 64) : v + 32;
    if (extended !== fnc4) c += 128;
    fnc4 = false;
    text += String.fromCharCode(c);
  }
  if (fnc4 || shift) throw new Error('code128: FNC4 or Shift at the end');
  return { text, gs1, values };
}
