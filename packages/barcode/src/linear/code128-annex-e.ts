// Code 128 code-set choice by the block rules of ISO/IEC 15417 Annex E as zint 2.11 applies them, so that our
// modules equal zint's. Not always shortest: code128.ts uses this only when it is no longer than its optimum.
// ISO 8859-1 high characters (128–255) follow zint's FNC4 plan (see extendedPlan): runs of 5+, or 3+ ending
// the data, latch extended mode with FNC4 FNC4; others take a single FNC4 each. zint 2.11 misencodes a few
// inputs this way (it "unlatches" inside set C, or puts a single FNC4 before a high character while latched),
// so the sequence comes with a `faithful` flag and code128.ts uses only faithful ones.

/** An input item: a character code 0–255, or FNC1_ITEM. */
export const FNC1_ITEM = -1;

/** Character classes: digit, A only (control), B only (lowercase etc.), A or B. */
type CharClass = 'digit' | 'onlyA' | 'onlyB' | 'either';
/** Per-character code set: latched 'A' | 'B' | 'C', or shifted 'a' | 'b' (one character from the other set). */
type SetChoice = 'A' | 'B' | 'C' | 'a' | 'b';

interface Block {
  readonly cls: CharClass;
  readonly start: number;
  readonly length: number;
  /** Length the rules see: a GS1-128 leading FNC1 is not counted (zint encodes it with the start). */
  readonly ruleLength: number;
  mode: SetChoice;
}

/** High characters take the class of their low 7 bits (176–185 are not digits). */
const classOf = (c: number): CharClass => {
  if (c >= 48 && c <= 57) return 'digit';
  const low = c & 127;
  if (low < 32) return 'onlyA';
  if (low >= 96) return 'onlyB';
  return 'either';
};
/** GS1-128 (items start with FNC1): FNC1 joins digit runs, everything else is set B. */
const gs1ClassOf = (c: number): CharClass => (c === FNC1_ITEM || (c >= 48 && c <= 57) ? 'digit' : 'onlyB');

function blocksOf(items: readonly number[], gs1: boolean): Block[] {
  const classOfItem = gs1 ? gs1ClassOf : classOf;
  const blocks: Block[] = [];
  let i = 0;
  while (i < items.length) {
    const cls = classOfItem(items[i] as number);
    let j = i + 1;
    while (j < items.length && classOfItem(items[j] as number) === cls) j++;
    blocks.push({ cls, start: i, length: j - i, ruleLength: gs1 && i === 0 ? j - 1 : j - i, mode: 'B' });
    i = j;
  }
  return blocks;
}

/** Annex E rules 1, 3, 4 and 5 on blocks, keeping the current set where a rule leaves a choice. */
function chooseModes(blocks: Block[]): void {
  blocks.forEach((block, i) => {
    const next = blocks[i + 1]?.cls;
    const last = blocks[i - 1]?.mode;
    let cls = block.cls;
    if (cls === 'digit') {
      const wholeTwo = i === 0 && blocks.length === 1 && block.ruleLength === 2;
      if (wholeTwo || block.ruleLength >= 4) {
        block.mode = 'C';
        return;
      }
      cls = 'either';
    }
    if (last === undefined) {
      block.mode = cls === 'onlyA' || (cls === 'either' && next === 'onlyA') ? 'A' : 'B';
      return;
    }
    const keepsA = last === 'A' || last === 'b';
    const keepsB = last === 'B' || last === 'a';
    if (cls === 'either') block.mode = keepsA ? 'A' : keepsB ? 'B' : next === 'onlyA' ? 'A' : 'B';
    else if (cls === 'onlyA') block.mode = block.ruleLength > 1 || !keepsB ? 'A' : 'a';
    else block.mode = block.ruleLength > 1 || !keepsA ? 'B' : 'b';
  });
}

/**
 * Per-character sets. A digit run of odd length in C gives one digit to the set around it: its first digit to the
 * set before it, or at the very start its last digit to the set after it. In GS1-128, FNC1 splits the runs; an
 * odd run gives its last digit to B when it starts the data, else its first digit.
 */
function setsOf(items: readonly number[], blocks: readonly Block[], gs1: boolean): SetChoice[] {
  const sets: SetChoice[] = [];
  for (const b of blocks) for (let k = 0; k < b.length; k++) sets.push(b.mode);
  const inC = (k: number) => sets[k] === 'C' && items[k] !== FNC1_ITEM;
  let i = 0;
  while (i < sets.length) {
    if (!inC(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < sets.length && inC(j)) j++;
    if ((j - i) % 2 === 1) {
      if (gs1) {
        const lastToB = i <= 1;
        sets[lastToB ? j - 1 : i] = 'B';
      } else if (i > 0) {
        sets[i] = sets[i - 1] === 'C' ? 'B' : (sets[i - 1] as SetChoice);
      } else {
        sets[j - 1] = j < sets.length && sets[j] !== 'C' ? (sets[j] as SetChoice) : 'B';
      }
    }
    i = j;
  }
  return sets;
}

const valueIn = (set: 'A' | 'B', c: number) => {
  const low = c & 127;
  return set === 'A' && low < 32 ? low + 64 : low - 32;
};

function annexESets(items: readonly number[], gs1: boolean): SetChoice[] {
  const blocks = blocksOf(items, gs1);
  chooseModes(blocks);
  return setsOf(items, blocks, gs1);
}

type Mark = ' ' | 'f' | 'F' | 'n';

/**
 * zint's per-character FNC4 plan: ' ' ASCII, 'f' high by single FNC4, 'F' high inside a latched run, 'n' ASCII
 * inside a latched stretch by single FNC4 (a short ASCII gap that does not pay for unlatching and relatching).
 */
function extendedPlan(items: readonly number[]): Mark[] {
  const n = items.length;
  const plan = items.map((c): Mark => (c > 127 ? 'f' : ' '));
  let run = 0;
  for (let i = 0; i < n; i++) {
    run = plan[i] === ' ' ? 0 : run + 1;
    if (run >= 5) plan.fill('F', i - 4, i + 1);
    if (run >= 3 && i === n - 1) plan.fill('F', i - 2, i + 1);
  }
  for (let i = 1; i < n; i++) {
    if (plan[i - 1] !== 'F' || plan[i] !== ' ') continue;
    let gap = 0;
    while (i + gap < n && plan[i + gap] === ' ') gap++;
    let highAfter = 0;
    if (i + gap < n) {
      highAfter = 1;
      while (i + gap + highAfter < n && plan[i + gap + highAfter] !== ' ') highAfter++;
    }
    if (gap < 3 || (gap < 5 && highAfter > 2)) plan.fill('n', i, i + gap);
  }
  return plan;
}

/** A symbol value sequence as zint 2.11 builds it; `faithful` is false where it does not encode the items. */
export interface ZintCode128 {
  readonly values: number[];
  readonly faithful: boolean;
}

/**
 * Symbol values (start first) exactly as zint 2.11 chooses them, or undefined where our port does not apply.
 * `setB`: zint's Code 128 "set B" symbology (barcode 60), for data that set B holds entirely.
 */
export function zintCode128Values(items: readonly number[], setB = false): ZintCode128 | undefined {
  const gs1 = items[0] === FNC1_ITEM;
  if (items.length === 0 || items.some((c) => (c > 127 && gs1) || (c === FNC1_ITEM && !gs1)))
    return undefined;
  if (setB && items.some((c) => c === FNC1_ITEM || (c & 127) < 32)) return undefined;
  const sets = setB ? items.map((): SetChoice => 'B') : annexESets(items, gs1);
  const plan = extendedPlan(items);
  const first = sets[0] as SetChoice;
  let current: 'A' | 'B' | 'C' = first === 'a' ? 'A' : first === 'b' ? 'B' : first;
  const values = [current === 'A' ? 103 : current === 'B' ? 104 : 105];
  // zint's idea of extended mode, and what a reader would actually be in (they part where zint errs).
  let zintLatched = false;
  let readerLatched = false;
  let pendingFnc4 = false;
  let faithful = true;
  // zint writes FNC4s in the current set only: in set C it writes nothing (but still flips its own state).
  const fnc4 = (count: number) => {
    if (current === 'C') return;
    for (let k = 0; k < count; k++) values.push(current === 'A' ? 101 : 100);
    if (count === 2) readerLatched = !readerLatched;
    else pendingFnc4 = true;
  };
  const dataChar = (c: number) => {
    if ((readerLatched !== pendingFnc4) !== c > 127) faithful = false;
    pendingFnc4 = false;
  };
  if (plan[0] === 'F') {
    fnc4(2);
    zintLatched = true;
  }
  let i = 0;
  while (i < items.length) {
    const set = sets[i] as SetChoice;
    const c = items[i] as number;
    const mark = plan[i];
    const shifted = set === 'a' || set === 'b';
    // zint's order: code set latch, extended-mode latch or unlatch, single FNC4, Shift, the character.
    // FNC1 inside a C run stays in the current set unless the digits after it are in C.
    const fnc1Stays = c === FNC1_ITEM && sets[i + 1] !== 'C';
    if (!shifted && set !== current && !fnc1Stays) {
      values.push(set === 'C' ? 99 : set === 'B' ? 100 : 101);
      current = set;
    }
    if (i > 0 && (mark === 'F' || mark === ' ') && zintLatched !== (mark === 'F')) {
      fnc4(2);
      zintLatched = mark === 'F';
    }
    // zint's FNC4 for a digit pair in set C is not written (see fnc4).
    if (mark === 'f' || mark === 'n') fnc4(1);
    if (shifted) {
      const other = set === 'a' ? 'A' : 'B';
      if (current === 'C') return undefined;
      if (current !== other) values.push(98);
      values.push(c === FNC1_ITEM ? 102 : valueIn(other, c));
      dataChar(c);
      i++;
      continue;
    }
    if (c === FNC1_ITEM) {
      values.push(102);
      i++;
    } else if (current === 'C') {
      const d = items[i + 1];
      if (d === undefined || d < 48 || d > 57) return undefined;
      values.push((c - 48) * 10 + (d - 48));
      i += 2;
    } else {
      const low = c & 127;
      if ((current === 'A' && low >= 96) || (current === 'B' && low < 32)) return undefined;
      values.push(valueIn(current, c));
      dataChar(c);
      i++;
    }
  }
  return { values, faithful: faithful && !pendingFnc4 };
}

/** zint 2.11's symbol values (start first) where they encode the items correctly, else undefined. */
export function annexEValues(items: readonly number[], setB = false): number[] | undefined {
  const zint = zintCode128Values(items, setB);
  return zint?.faithful ? zint.values : undefined;
}
