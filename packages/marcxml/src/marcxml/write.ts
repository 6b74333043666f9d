// MARCXML writer: plain string building with a one-regex fast path for values that need no escaping.

import { isRecord } from '../iso2709/write.js';
import { isControlField, type MarcRecord } from '../record.js';
import { MARC21_SLIM_NS } from './read.js';

export interface MarcXmlWriteOptions {
  /** Wrap in `<collection>`. Default: true for several records, false for one record. */
  collection?: boolean;
  /** Element prefix, e.g. 'marc' gives `<marc:record xmlns:marc="…">`. Default: none (default namespace). */
  prefix?: string;
  /** Start with `<?xml version="1.0" encoding="UTF-8"?>`. Default false. */
  declaration?: boolean;
  /** Newlines and two-space indentation. Default true. */
  indent?: boolean;
  /** Declare the MARC21/slim namespace on the root element. Default true. */
  namespace?: boolean;
  /** Characters XML 1.0 cannot carry (C0 controls, lone surrogates, U+FFFE/U+FFFF): removed or U+FFFD. Default 'strip'. */
  invalidChars?: 'strip' | 'replace';
}

// Anything that needs work in text: markup characters, C0 controls, surrogates, U+FFFE/U+FFFF.
const TEXT_NEEDS_ESCAPE = /[&<>\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]/;
// Attributes also escape quotes, tabs and newlines (attribute-value normalisation would eat them).
const ATTR_NEEDS_ESCAPE = /[&<>"\x00-\x1f\ud800-\udfff\ufffe\uffff]/;

function escapeSlow(value: string, replace: boolean, attribute: boolean): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    let rep: string | undefined;
    if (c === 0x26) rep = '&amp;';
    else if (c === 0x3c) rep = '&lt;';
    else if (c === 0x3e) rep = '&gt;';
    else if (c === 0x22) rep = attribute ? '&quot;' : undefined;
    else if (c === 0x09) rep = attribute ? '&#9;' : undefined;
    else if (c === 0x0a) rep = attribute ? '&#10;' : undefined;
    else if (c === 0x0d)
      rep = '&#13;'; // a raw CR would be folded into LF by the reader
    else if (c < 0x20 || c === 0xfffe || c === 0xffff) rep = replace ? '\ufffd' : '';
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = value.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      rep = replace ? '\ufffd' : '';
    } else if (c >= 0xdc00 && c <= 0xdfff) rep = replace ? '\ufffd' : '';
    if (rep === undefined) continue;
    out += value.slice(last, i) + rep;
    last = i + 1;
  }
  return out + value.slice(last);
}

/** Escape element content; characters XML 1.0 cannot carry are dropped (or U+FFFD with `replaceInvalid`). */
export function escapeXml(value: string, replaceInvalid = false): string {
  return TEXT_NEEDS_ESCAPE.test(value) ? escapeSlow(value, replaceInvalid, false) : value;
}

/** Escape an attribute value (quotes, tabs and newlines too). */
export function escapeXmlAttribute(value: string, replaceInvalid = false): string {
  return ATTR_NEEDS_ESCAPE.test(value) ? escapeSlow(value, replaceInvalid, true) : value;
}

interface Shape {
  p: string;
  nl: string;
  i1: string;
  i2: string;
  i3: string;
  replace: boolean;
}

function shape(options: MarcXmlWriteOptions): Shape {
  const p = options.prefix ? `${options.prefix}:` : '';
  // Records start at column 0 inside a collection, as yaz writes them.
  const indent = options.indent !== false;
  return {
    p,
    nl: indent ? '\n' : '',
    i1: indent ? '  ' : '',
    i2: indent ? '    ' : '',
    i3: '',
    replace: options.invalidChars === 'replace',
  };
}

function nsAttr(options: MarcXmlWriteOptions): string {
  if (options.namespace === false) return '';
  return options.prefix ? ` xmlns:${options.prefix}="${MARC21_SLIM_NS}"` : ` xmlns="${MARC21_SLIM_NS}"`;
}

/** A leader keeps its 24 positions: characters XML cannot carry become blanks rather than vanish. */
function xmlLeader(leader: string): string {
  return escapeXml(leader.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]/g, ' '));
}

function recordXml(record: MarcRecord, s: Shape, rootAttrs: string): string {
  const { p, nl, i1, i2, replace } = s;
  let out = `${s.i3}<${p}record${rootAttrs}>${nl}${i1}<${p}leader>${xmlLeader(record.leader)}</${p}leader>${nl}`;
  for (const f of record.fields) {
    if (isControlField(f)) {
      out += `${i1}<${p}controlfield tag="${escapeXmlAttribute(f.tag, replace)}">${escapeXml(f.value, replace)}</${p}controlfield>${nl}`;
      continue;
    }
    out += `${i1}<${p}datafield tag="${escapeXmlAttribute(f.tag, replace)}" ind1="${escapeXmlAttribute(f.ind1, replace)}" ind2="${escapeXmlAttribute(f.ind2, replace)}">${nl}`;
    for (const sf of f.subfields) {
      out += `${i2}<${p}subfield code="${escapeXmlAttribute(sf.code, replace)}">${escapeXml(sf.value, replace)}</${p}subfield>${nl}`;
    }
    out += `${i1}</${p}datafield>${nl}`;
  }
  return `${out}${s.i3}</${p}record>${nl}`;
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** Opening text of a streamed collection (declaration and `<collection>`). */
export function marcXmlHead(options: MarcXmlWriteOptions = {}): string {
  const nl = options.indent !== false ? '\n' : '';
  const p = options.prefix ? `${options.prefix}:` : '';
  return `${options.declaration ? DECLARATION + nl : ''}<${p}collection${nsAttr(options)}>${nl}`;
}

/** One `<record>` inside a streamed collection. */
export function marcXmlCollectionRecord(record: MarcRecord, options: MarcXmlWriteOptions = {}): string {
  return recordXml(record, shape(options), '');
}

export function marcXmlTail(options: MarcXmlWriteOptions = {}): string {
  const nl = options.indent !== false ? '\n' : '';
  return `</${options.prefix ? `${options.prefix}:` : ''}collection>${nl}`;
}

/** A record or records as MARCXML text. */
export function writeMarcXml(
  records: MarcRecord | Iterable<MarcRecord>,
  options: MarcXmlWriteOptions = {},
): string {
  const single = isRecord(records);
  const collection = options.collection ?? !single;
  if (!collection) {
    const list = single ? [records] : [...records];
    if (list.length !== 1) {
      // A bare record root can hold only one record.
      return writeMarcXml(list, { ...options, collection: true });
    }
    const nl = options.indent !== false ? '\n' : '';
    return `${options.declaration ? DECLARATION + nl : ''}${recordXml(list[0] as MarcRecord, shape(options), nsAttr(options))}`;
  }
  let out = marcXmlHead(options);
  const s = shape(options);
  for (const r of single ? [records] : records) out += recordXml(r, s, '');
  return out + marcXmlTail(options);
}
