// MARCMaker / MarcEdit mnemonic text (.mrk, .mrk8): `=LDR  …`, `=245  10$aTitle`, blank records
// separator. `\` means blank in the leader, indicators and control fields only; in subfield data it is
// a literal backslash (MarcEdit practice; MARC::File::MARCMaker turns it into a blank, which loses data).
import { MarcError, type MarcProblem, type ProblemHandler, problemToError } from '../errors.js';
import { isRecord } from '../iso2709/write.js';
import { type Field, isControlField, type MarcRecord, type Subfield } from '../record.js';
import { ASCII_MNEMONICS, MARC8_MNEMONICS, MARC8_NAMES } from './mnemonics.js';

export interface MrkReadOptions {
  strict?: boolean;
  onProblem?: ProblemHandler;
}

export interface MrkWriteOptions {
  /** Default '\r\n' (what MARCMaker and MarcEdit write). */
  lineEnding?: '\n' | '\r\n';
}

const MNEMONIC = /\{([A-Za-z]+|x[0-9A-Fa-f]{2})\}/g;

function isMarc8(leader: string): boolean {
  return leader[9] !== 'a';
}

function decodeMnemonics(text: string, marc8: boolean): string {
  if (!text.includes('{')) return text;
  return text.replace(MNEMONIC, (whole, name: string) => {
    const ascii = ASCII_MNEMONICS[name];
    if (ascii !== undefined) return ascii;
    if (!marc8) return whole;
    const byte = MARC8_MNEMONICS[name];
    if (byte !== undefined) return String.fromCharCode(byte);
    if (name[0] === 'x' && name.length === 3) return String.fromCharCode(Number.parseInt(name.slice(1), 16));
    return whole;
  });
}

function isControlTag(tag: string): boolean {
  return (
    tag.length === 3 &&
    tag[0] === '0' &&
    tag[1] === '0' &&
    tag[2] !== undefined &&
    tag[2] >= '0' &&
    tag[2] <= '9'
  );
}

/** Parse the lines of one record (without the blank separator line). */
export function parseMrkRecord(
  lines: readonly string[],
  recordNumber: number,
  options: MrkReadOptions = {},
): MarcRecord {
  const report = (message: string, tag?: string): void => {
    const p: MarcProblem =
      tag === undefined
        ? { code: 'MRK_SYNTAX', message, record: recordNumber }
        : { code: 'MRK_SYNTAX', message, record: recordNumber, tag };
    if (options.strict) throw problemToError(p);
    options.onProblem?.(p);
  };
  let leader: string | undefined;
  const fields: Field[] = [];
  let marc8 = true;
  for (const line of lines) {
    if (line.length < 4 || line[0] !== '=') {
      report(`line does not start with =TAG: ${JSON.stringify(line.slice(0, 20))}`);
      continue;
    }
    const tag = line.slice(1, 4);
    // Two spaces after the tag by convention; tolerate one or none.
    let body = line.slice(4);
    if (body.startsWith('  ')) body = body.slice(2);
    else if (body.startsWith(' ')) body = body.slice(1);
    if (tag === 'LDR' || tag === '000') {
      leader = body.replaceAll('\\', ' ');
      marc8 = isMarc8(leader);
      continue;
    }
    if (isControlTag(tag)) {
      fields.push({ tag, value: decodeMnemonics(body.replaceAll('\\', ' '), marc8) });
      continue;
    }
    const dollar = body.indexOf('$');
    if (dollar !== 2) report(`field ${tag}: expected two indicators then $`, tag);
    const ind = body
      .slice(0, Math.min(2, dollar < 0 ? body.length : dollar))
      .replaceAll('\\', ' ')
      .padEnd(2, ' ');
    const subfields: Subfield[] = [];
    if (dollar >= 0) {
      for (const piece of body.slice(dollar + 1).split('$')) {
        if (piece === '') {
          report(`field ${tag}: empty subfield dropped`, tag);
          continue;
        }
        subfields.push({ code: piece[0] as string, value: decodeMnemonics(piece.slice(1), marc8) });
      }
    }
    fields.push({ tag, ind1: ind[0] as string, ind2: ind[1] as string, subfields });
  }
  if (leader === undefined)
    throw new MarcError('MRK_SYNTAX', `record ${recordNumber}: no =LDR line`, { record: recordNumber });
  return { leader, fields };
}

/** Incremental line splitter: records are runs of non-blank lines. */
export function createMrkSplitter(
  maxLines = 100_000,
  maxLineChars = 16 * 1024 * 1024,
): {
  push(chunk: string): string[][];
  end(): string[][];
} {
  let partial = '';
  let lines: string[] = [];
  const take = (line: string, out: string[][]): void => {
    if (line.trim() === '') {
      if (lines.length > 0) out.push(lines);
      lines = [];
      return;
    }
    lines.push(line);
    if (lines.length > maxLines)
      throw new MarcError('LIMIT_EXCEEDED', `a mnemonic record exceeds ${maxLines} lines`);
  };
  return {
    push(chunk: string): string[][] {
      const out: string[][] = [];
      const text = partial + chunk;
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        take(text.slice(start, nl > start && text[nl - 1] === '\r' ? nl - 1 : nl), out);
        start = nl + 1;
      }
      partial = text.slice(start);
      if (partial.length > maxLineChars) {
        throw new MarcError('LIMIT_EXCEEDED', `a mnemonic line exceeds ${maxLineChars} characters`);
      }
      return out;
    },
    end(): string[][] {
      const out: string[][] = [];
      if (partial !== '') take(partial.endsWith('\r') ? partial.slice(0, -1) : partial, out);
      partial = '';
      take('', out);
      return out;
    },
  };
}

export function parseMrk(text: string, options: MrkReadOptions = {}): MarcRecord[] {
  const s = createMrkSplitter(Number.MAX_SAFE_INTEGER);
  const groups = s.push(text.startsWith('\ufeff') ? text.slice(1) : text);
  for (const g of s.end()) groups.push(g);
  return groups.map((g, i) => parseMrkRecord(g, i + 1, options));
}

const NEEDS_MNEMONIC = /[${\\\x80-\xff]/;

function escapeData(text: string, marc8: boolean, blanks: boolean): string {
  if (!NEEDS_MNEMONIC.test(text) && !(blanks && text.includes(' '))) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const c = ch.charCodeAt(0);
    if (ch === '$') out += '{dollar}';
    else if (ch === '\\' && blanks) out += '{bsol}';
    else if (ch === ' ' && blanks) out += '\\';
    else if (ch === '{') {
      // Only a brace that would read back as a mnemonic needs escaping.
      const m = /^\{([A-Za-z]+|x[0-9A-Fa-f]{2})\}/.exec(text.slice(i, i + 12));
      out += m && decodeMnemonics(m[0], marc8) !== m[0] ? '{lcub}' : '{';
    } else if (marc8 && c >= 0x80 && c <= 0xff) {
      out += `{${MARC8_NAMES.get(c) ?? `x${c.toString(16).padStart(2, '0')}`}}`;
    } else if (marc8 && c === 0x1b) out += '{esc}';
    else out += ch;
  }
  return out;
}

/** One record as mnemonic lines (no trailing blank line). */
export function mrkRecord(record: MarcRecord, options: MrkWriteOptions = {}): string {
  const eol = options.lineEnding ?? '\r\n';
  const marc8 = isMarc8(record.leader);
  let out = `=LDR  ${record.leader.replaceAll(' ', '\\')}${eol}`;
  for (const f of record.fields) {
    if (isControlField(f)) {
      out += `=${f.tag}  ${escapeData(f.value, marc8, true)}${eol}`;
      continue;
    }
    out += `=${f.tag}  ${f.ind1 === ' ' ? '\\' : f.ind1}${f.ind2 === ' ' ? '\\' : f.ind2}`;
    for (const s of f.subfields) out += `$${s.code}${escapeData(s.value, marc8, false)}`;
    out += eol;
  }
  return out;
}

export function writeMrk(records: MarcRecord | Iterable<MarcRecord>, options: MrkWriteOptions = {}): string {
  const eol = options.lineEnding ?? '\r\n';
  const list = isRecord(records) ? [records] : records;
  let out = '';
  for (const r of list) out += mrkRecord(r, options) + eol;
  return out;
}
