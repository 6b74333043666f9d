// MARCXML reader on saxes. Accepts MARC21/slim and MarcXchange with any prefix or none, a
// `collection` or bare `record`, and records inside other XML (OAI-PMH `metadata`, SRU `recordData`):
// a `record` element counts as MARC unless it sits in a known envelope namespace.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { MarcError, type MarcProblem, type ProblemHandler, problemToError } from '../errors.js';
import type { DataField, MarcRecord } from '../record.js';

export const MARC21_SLIM_NS = 'http://www.loc.gov/MARC21/slim';

export interface MarcXmlReadOptions {
  /** Throw on the first structural problem instead of skipping the damaged part. */
  strict?: boolean;
  onProblem?: ProblemHandler;
  /** Longest text of one leader, control field or subfield, in characters. Default 16 Mi. */
  maxValueChars?: number;
}

/** Namespaces whose `record` elements are envelopes, not MARC records. */
const ENVELOPE_NS = new Set([
  'http://www.openarchives.org/OAI/2.0/',
  'http://www.loc.gov/zing/srw/',
  'http://docs.oasis-open.org/ns/search-ws/sruResponse',
]);

const DEFAULT_XML_LEADER = '00000nam a2200000   4500';

type Target = 'none' | 'leader' | 'control' | 'subfield';

export interface MarcXmlPushParser {
  /** Feed text; returns the records completed by it. */
  push(text: string): MarcRecord[];
  /** End of input; throws XML_SYNTAX when the document is incomplete. */
  end(): MarcRecord[];
}

export function createMarcXmlParser(options: MarcXmlReadOptions = {}): MarcXmlPushParser {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const done: MarcRecord[] = [];
  // Namespace scopes, pushed only by elements that declare namespaces.
  const scopes: Array<{ depth: number; map: Map<string, string> }> = [];
  let depth = 0;
  let recordNumber = 0;
  let record: MarcRecord | undefined;
  let recordDepth = -1;
  let field: DataField | undefined;
  let target: Target = 'none';
  let text = '';
  let code = '';
  let tag = '';
  let skipDepth = -1;
  const maxValue = options.maxValueChars ?? 16 * 1024 * 1024;
  let fed = 0; // characters written to saxes
  let lastEvent = 0; // saxes position at its last event

  const report = (c: MarcProblem['code'], message: string, t?: string): void => {
    const p: MarcProblem =
      t === undefined
        ? { code: c, message, record: recordNumber, offset: parser.position }
        : { code: c, message, record: recordNumber, offset: parser.position, tag: t };
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

  parser.on('error', (err) => {
    throw new MarcError('XML_SYNTAX', `MARCXML is not well-formed: ${err.message}`, {
      record: recordNumber,
      offset: parser.position,
    });
  });

  parser.on('opentag', (node: SaxesTagPlain) => {
    lastEvent = parser.position;
    depth++;
    const attrs = node.attributes;
    // Namespaces only decide which `record` elements are MARC; inside a record they do not matter.
    if (record === undefined) {
      let declared: Map<string, string> | undefined;
      for (const name in attrs) {
        if (name === 'xmlns' || name.startsWith('xmlns:')) {
          declared ??= new Map();
          declared.set(name === 'xmlns' ? '' : name.slice(6), attrs[name] as string);
        }
      }
      if (declared) scopes.push({ depth, map: declared });
    }
    if (skipDepth >= 0) return;
    const name = node.name;
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
      case 'leader':
        target = 'leader';
        text = '';
        return;
      case 'controlfield': {
        const t = attrs.tag;
        if (t === undefined || t === '') {
          report('XML_STRUCTURE', 'controlfield without a tag attribute; skipped');
          skipDepth = depth;
          return;
        }
        tag = t;
        target = 'control';
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
        target = 'subfield';
        text = '';
        return;
      }
      default:
        report('XML_STRUCTURE', `unexpected element <${name}> in a record; skipped`);
        skipDepth = depth;
    }
  });

  function indicator(value: string | undefined, t: string): string {
    if (value !== undefined && value.length === 1) return value;
    report(
      'INVALID_INDICATOR',
      `field ${t}: indicator ${JSON.stringify(value ?? null)} is not one character; set to blank`,
      t,
    );
    return ' ';
  }

  const onText = (t: string): void => {
    lastEvent = parser.position;
    if (target === 'none' || skipDepth >= 0) return;
    text += t;
    if (text.length > maxValue) {
      throw new MarcError('LIMIT_EXCEEDED', `a value exceeds ${maxValue} characters`, {
        record: recordNumber,
      });
    }
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  parser.on('closetag', () => {
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
      } else if (target === 'leader') {
        if (text.length !== 24) report('INVALID_LEADER', `leader is ${text.length} characters, not 24`);
        record.leader = text;
      } else if (target === 'control') {
        record.fields.push({ tag, value: text });
      } else if (target === 'subfield' && field !== undefined) {
        field.subfields.push({ code, value: text });
      } else if (field !== undefined && target === 'none') {
        field = undefined;
      }
      target = 'none';
    }
    const top = scopes[scopes.length - 1];
    if (top !== undefined && top.depth === depth) scopes.pop();
    depth--;
  });

  return {
    push(chunk: string): MarcRecord[] {
      fed += chunk.length;
      parser.write(chunk);
      // saxes holds a text node until its end: bound what it may hold between two events.
      if (fed - lastEvent > maxValue) {
        throw new MarcError('LIMIT_EXCEEDED', `more than ${maxValue} characters without markup`, {
          record: recordNumber,
        });
      }
      return done.splice(0, done.length);
    },
    end(): MarcRecord[] {
      parser.close();
      return done.splice(0, done.length);
    },
  };
}

/** Every MARC record in an XML document. */
export function parseMarcXml(xml: string | Uint8Array, options: MarcXmlReadOptions = {}): MarcRecord[] {
  const p = createMarcXmlParser(options);
  const text = typeof xml === 'string' ? xml : new TextDecoder('utf-8').decode(xml);
  const out = p.push(text);
  for (const r of p.end()) out.push(r);
  return out;
}

/** Exactly one MARC record (a bare `record`, a one-record collection, or a record inside an envelope). */
export function parseMarcXmlRecord(xml: string | Uint8Array, options: MarcXmlReadOptions = {}): MarcRecord {
  const records = parseMarcXml(xml, options);
  if (records.length !== 1)
    throw new MarcError('INVALID_ARGUMENT', `expected one MARCXML record, found ${records.length}`);
  return records[0] as MarcRecord;
}
