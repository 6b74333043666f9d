// Turns XML element events into MARC records. Shared by the fast MARCXML tokenizer and the saxes
// path so both give the same records and problems for the same document.
import { MarcError, type MarcProblem, problemToError } from '../errors.js';
import type { DataField, MarcRecord } from '../record.js';
import type { MarcXmlReadOptions } from './read.js';

/** Namespaces whose `record` elements are envelopes, not MARC records. */
const ENVELOPE_NS = new Set([
  'http://www.openarchives.org/OAI/2.0/',
  'http://www.loc.gov/zing/srw/',
  'http://docs.oasis-open.org/ns/search-ws/sruResponse',
]);

const DEFAULT_XML_LEADER = '00000nam a2200000   4500';

const T_NONE = 0;
const T_LEADER = 1;
const T_CONTROL = 2;
const T_SUBFIELD = 3;

export type Attributes = Record<string, string>;

export const LEAF_SUBFIELD = 0;
export const LEAF_CONTROL = 1;
export const LEAF_LEADER = 2;
export type LeafKind = typeof LEAF_SUBFIELD | typeof LEAF_CONTROL | typeof LEAF_LEADER;
const LEAF_NAMES = ['subfield', 'controlfield', 'leader'] as const;
const LEAF_ATTRIBUTES = ['code', 'tag', ''] as const;

export interface RecordBuilder {
  open(name: string, attrs: Attributes): void;
  text(t: string): void;
  close(): void;
  /**
   * A whole `subfield`, `controlfield` or `leader` element (attribute `code`/`tag` = attr) with its
   * text: the same as open, text, close, without building the element's name and attributes.
   */
  leaf(kind: LeafKind, prefix: string, attr: string, text: string): void;
  /** Records completed since the last call. */
  take(): MarcRecord[];
  /** True while text would be kept (inside a leader, control field or subfield). */
  wantsText(): boolean;
  recordNumber(): number;
  /** True once the first element has been opened. */
  started(): boolean;
}

export function createRecordBuilder(options: MarcXmlReadOptions, position: () => number): RecordBuilder {
  let done: MarcRecord[] = [];
  // Namespace scopes, pushed only by elements that declare namespaces.
  const scopes: Array<{ depth: number; map: Map<string, string> }> = [];
  let depth = 0;
  let started = false;
  let recordNumber = 0;
  let record: MarcRecord | undefined;
  let recordDepth = -1;
  let field: DataField | undefined;
  let target = T_NONE;
  let text = '';
  let code = '';
  let tag = '';
  let skipDepth = -1;
  const maxValue = options.maxValueChars ?? 16 * 1024 * 1024;

  const report = (c: MarcProblem['code'], message: string, t?: string): void => {
    const offset = position();
    const p: MarcProblem =
      t === undefined
        ? { code: c, message, record: recordNumber, offset }
        : { code: c, message, record: recordNumber, offset, tag: t };
    if (options.strict) throw problemToError(p);
    options.onProblem?.(p);
  };

  const resolve = (prefix: string): string => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const uri = scopes[i]?.map.get(prefix);
      if (uri !== undefined) return uri;
    }
    return '';
  };

  function indicator(value: string | undefined, t: string): string {
    if (value !== undefined && value.length === 1) return value;
    report(
      'INVALID_INDICATOR',
      `field ${t}: indicator ${JSON.stringify(value ?? null)} is not one character; set to blank`,
      t,
    );
    return ' ';
  }

  function open(name: string, attrs: Attributes): void {
    depth++;
    started = true;
    // Namespaces only decide which `record` elements are MARC; inside a record they do not matter.
    if (record === undefined) {
      let declared: Map<string, string> | undefined;
      for (const a in attrs) {
        if (a === 'xmlns' || a.startsWith('xmlns:')) {
          declared ??= new Map();
          declared.set(a === 'xmlns' ? '' : a.slice(6), attrs[a] as string);
        }
      }
      if (declared) scopes.push({ depth, map: declared });
    }
    if (skipDepth >= 0) return;
    const colon = name.indexOf(':');
    const local = colon < 0 ? name : name.slice(colon + 1);
    if (record === undefined) {
      if (local === 'record' && !ENVELOPE_NS.has(resolve(colon < 0 ? '' : name.slice(0, colon)))) {
        recordNumber++;
        record = { leader: '', fields: [] };
        recordDepth = depth;
      }
      return;
    }
    switch (local) {
      case 'subfield': {
        const c = attrs.code;
        if (field === undefined) {
          report('XML_STRUCTURE', 'subfield outside a datafield; skipped');
          skipDepth = depth;
          return;
        }
        if (c === undefined || c === '') {
          report(
            'XML_STRUCTURE',
            `field ${field.tag}: subfield without a code attribute; skipped`,
            field.tag,
          );
          skipDepth = depth;
          return;
        }
        code = c;
        target = T_SUBFIELD;
        text = '';
        return;
      }
      case 'datafield': {
        const t = attrs.tag;
        if (t === undefined || t === '') {
          report('XML_STRUCTURE', 'datafield without a tag attribute; skipped');
          skipDepth = depth;
          return;
        }
        field = { tag: t, ind1: indicator(attrs.ind1, t), ind2: indicator(attrs.ind2, t), subfields: [] };
        record.fields.push(field);
        return;
      }
      case 'controlfield': {
        const t = attrs.tag;
        if (t === undefined || t === '') {
          report('XML_STRUCTURE', 'controlfield without a tag attribute; skipped');
          skipDepth = depth;
          return;
        }
        tag = t;
        target = T_CONTROL;
        text = '';
        return;
      }
      case 'leader':
        target = T_LEADER;
        text = '';
        return;
      default:
        report('XML_STRUCTURE', `unexpected element <${name}> in a record; skipped`);
        skipDepth = depth;
    }
  }

  function onText(t: string): void {
    if (target === T_NONE || skipDepth >= 0) return;
    text = text === '' ? t : text + t;
    if (text.length > maxValue) {
      throw new MarcError('LIMIT_EXCEEDED', `a value exceeds ${maxValue} characters`, {
        record: recordNumber,
      });
    }
  }

  function close(): void {
    if (skipDepth === depth) skipDepth = -1;
    else if (skipDepth < 0 && record !== undefined) {
      if (depth === recordDepth) {
        if (record.leader === '') {
          report('XML_STRUCTURE', 'record without a leader');
          record.leader = DEFAULT_XML_LEADER;
        }
        done.push(record);
        record = undefined;
        field = undefined;
      } else if (target === T_SUBFIELD) {
        if (field !== undefined) field.subfields.push({ code, value: text });
      } else if (target === T_CONTROL) {
        record.fields.push({ tag, value: text });
      } else if (target === T_LEADER) {
        if (text.length !== 24) report('INVALID_LEADER', `leader is ${text.length} characters, not 24`);
        record.leader = text;
      } else if (field !== undefined) {
        field = undefined;
      }
      target = T_NONE;
      text = '';
    }
    const top = scopes[scopes.length - 1];
    if (top !== undefined && top.depth === depth) scopes.pop();
    depth--;
  }

  function leaf(kind: LeafKind, prefix: string, attr: string, value: string): void {
    const direct =
      record !== undefined &&
      skipDepth < 0 &&
      value.length <= maxValue &&
      (kind === LEAF_LEADER || (attr !== '' && (kind === LEAF_CONTROL || field !== undefined)));
    if (!direct) {
      const name = LEAF_ATTRIBUTES[kind];
      open(prefix + LEAF_NAMES[kind], name === '' ? {} : { [name]: attr });
      if (value !== '') onText(value);
      close();
      return;
    }
    if (kind === LEAF_SUBFIELD) (field as DataField).subfields.push({ code: attr, value });
    else if (kind === LEAF_CONTROL) (record as MarcRecord).fields.push({ tag: attr, value });
    else {
      depth++; // a problem reported here carries the same position as through open/close
      if (value.length !== 24) report('INVALID_LEADER', `leader is ${value.length} characters, not 24`);
      depth--;
      (record as MarcRecord).leader = value;
    }
    target = T_NONE;
    text = '';
  }

  return {
    open,
    leaf,
    text: onText,
    close,
    take() {
      if (done.length === 0) return [];
      const out = done;
      done = [];
      return out;
    },
    wantsText: () => target !== T_NONE && skipDepth < 0,
    recordNumber: () => recordNumber,
    started: () => started,
  };
}
