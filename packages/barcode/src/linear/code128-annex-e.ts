// Code 128 code-set choice by the block rules of ISO/IEC 15417 Annex E as zint 2.11 applies them, so that our
// modules equal zint's. Not always shortest: code128.ts uses this only when it is no longer than its optimum.

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

const classOf = (c: number): CharClass => {
  if (c >= 48 && c <= 57) return 'digit';
  if (c < 32) return 'onlyA';
  if (c >= 96) return 'onlyB';
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

const valueIn = (set: 'A' | 'B', c: number) => (set === 'A' && c < 32 ? c + 64 : c - 32);

/** Symbol values (start first) by the Annex E rules, or undefined for input outside ASCII. */
export function annexEValues(items: readonly number[]): number[] | undefined {
  const gs1 = items[0] === FNC1_ITEM;
  if (items.length === 0 || items.some((c) => c > 127 || (c === FNC1_ITEM && !gs1))) return undefined;
  const blocks = blocksOf(items, gs1);
  chooseModes(blocks);
  const sets = setsOf(items, blocks, gs1);
  const first = sets[0] as SetChoice;
  let current: 'A' | 'B' | 'C' = first === 'a' ? 'A' : first === 'b' ? 'B' : first;
  const values = [current === 'A' ? 103 : current === 'B' ? 104 : 105];
  let i = 0;
  while (i < items.length) {
    const set = sets[i] as SetChoice;
    const c = items[i] as number;
    if (set === 'a' || set === 'b') {
      const other = set === 'a' ? 'A' : 'B';
      if (current === 'C') return undefined;
      if (current !== other) values.push(98);
      values.push(c === FNC1_ITEM ? 102 : valueIn(other, c));
      i++;
      continue;
    }
    // FNC1 inside a C run stays in the current set unless the digits after it are in C.
    const fnc1Stays = c === FNC1_ITEM && sets[i + 1] !== 'C';
    if (set !== current && !fnc1Stays) {
      values.push(set === 'C' ? 99 : set === 'B' ? 100 : 101);
      current = set;
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
      if ((current === 'A' && c >= 96) || (current === 'B' && c < 32)) return undefined;
      values.push(valueIn(current, c));
      i++;
    }
  }
  return values;
}
