// Incremental parser for OAI-PMH responses (saxes): feed text chunks, get completed headers, records
// and sets as they close, so a page is never held as a tree.
import type { DataField, Field, MarcRecord } from '@bibwire/marcxml';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { OaiError } from '../errors.js';
import { escapeAttr, escapeText } from '../xml.js';
import type {
  HarvestedHeader,
  HarvestedRecord,
  HarvestedSet,
  MetadataFormatInfo,
  ProtocolErrorInfo,
  ResumptionTokenInfo,
} from './types.js';

const OAI_NS = 'http://www.openarchives.org/OAI/2.0/';
const MARC_NS = 'http://www.loc.gov/MARC21/slim';

export type ResponseItem =
  | { readonly kind: 'header'; readonly header: HarvestedHeader }
  | { readonly kind: 'record'; readonly record: HarvestedRecord }
  | { readonly kind: 'set'; readonly set: HarvestedSet };

/** Envelope facts collected while parsing. */
export interface ResponseEnvelope {
  responseDate?: string;
  readonly errors: ProtocolErrorInfo[];
  token?: ResumptionTokenInfo;
  readonly formats: MetadataFormatInfo[];
  /** Identify's simple fields by element name (adminEmail/compression joined by newline) and descriptions. */
  readonly identify: Map<string, string[]>;
  readonly descriptions: string[];
  /** The verb element seen (`ListRecords` ...). */
  verb?: string;
}

interface Capture {
  xml: string;
  keepXml: boolean;
  depth: number;
  /** Bindings in scope around the captured element, and the prefixes its subtree uses. */
  outer: Map<string, string>;
  used: Set<string>;
  /** Where to insert namespace declarations in `xml` (just after the root's name). */
  insertAt: number;
  marc: MarcBuilder | undefined;
  /** Where the finished XML goes. */
  target: 'metadata' | 'about' | 'description' | 'setDescription';
}

interface MarcBuilder {
  record: MarcRecord | undefined;
  field: DataField | undefined;
  control: { tag: string } | undefined;
  subfieldCode: string | undefined;
  inLeader: boolean;
  count: number;
}

export class OaiResponseParser {
  readonly envelope: ResponseEnvelope = { errors: [], formats: [], identify: new Map(), descriptions: [] };
  private readonly sax = new SaxesParser({ xmlns: true });
  private readonly path: string[] = [];
  /** Namespace bindings in scope, one map per open element outside captures. */
  private readonly scopes: Map<string, string>[] = [new Map()];
  private text = '';
  private out: ResponseItem[] = [];
  private capture: Capture | undefined;
  private header: { identifier: string; datestamp: string; setSpecs: string[]; deleted: boolean } | undefined;
  private record: { metadata?: string; marc?: MarcRecord; about: string[] } | undefined;
  private set: { setSpec: string; setName: string; descriptions: string[] } | undefined;
  private format: Record<string, string> | undefined;
  private errorCode: string | undefined;
  private tokenAttrs: Omit<ResumptionTokenInfo, 'value'> | undefined;
  private failure: Error | undefined;

  /**
   * `keepMarcXml: false` skips re-serialising MARCXML payloads (the parsed `marc` record is still
   * returned); about half the parsing cost of a MARC harvest. Other payloads are always kept as XML.
   */
  constructor(private readonly options: { readonly keepMarcXml?: boolean } = {}) {
    this.sax.on('error', (e) => {
      this.failure ??= e;
    });
    this.sax.on('opentag', (tag) => this.open(tag as SaxesTagNS));
    this.sax.on('closetag', (tag) => this.close(tag as SaxesTagNS));
    this.sax.on('text', (t) => this.onText(t));
    this.sax.on('cdata', (t) => this.onText(t));
  }

  /** Parses a chunk; returns the items completed in it. Throws OaiError BAD_RESPONSE on malformed XML. */
  write(chunk: string): ResponseItem[] {
    this.sax.write(chunk);
    return this.drain();
  }

  /** Ends the document; returns the remaining items. */
  end(): ResponseItem[] {
    this.sax.close();
    const items = this.drain();
    if (this.path.length > 0 || !this.sawRoot) throw badResponse('the response ended early');
    return items;
  }

  private sawRoot = false;

  private drain(): ResponseItem[] {
    if (this.failure) throw badResponse(`malformed XML: ${this.failure.message}`, this.failure);
    const items = this.out;
    this.out = [];
    return items;
  }

  private onText(t: string): void {
    if (this.capture) {
      if (this.capture.keepXml) this.capture.xml += escapeText(t);
      const m = this.capture.marc;
      if (m && (m.inLeader || m.control || m.subfieldCode !== undefined)) this.text += t;
      return;
    }
    this.text += t;
  }

  private open(tag: SaxesTagNS): void {
    if (this.capture) {
      this.captureOpen(tag, false);
      return;
    }
    const depth = this.path.length;
    if (depth === 0) {
      if (tag.uri !== OAI_NS || tag.local !== 'OAI-PMH') throw badResponse('the root element is not OAI-PMH');
      this.sawRoot = true;
    }
    const parent = this.path[depth - 1];
    const name = tag.local;
    this.path.push(name);
    this.scopes.push(withDeclarations(this.scopes[this.scopes.length - 1]!, tag));
    this.text = '';
    const attr = (n: string): string | undefined => tag.attributes[n]?.value;
    if (depth === 1) {
      if (name === 'error') this.errorCode = attr('code') ?? '';
      else if (name !== 'responseDate' && name !== 'request') this.envelope.verb = name;
      return;
    }
    if (
      parent === 'metadata' ||
      parent === 'about' ||
      parent === 'description' ||
      parent === 'setDescription'
    ) {
      this.startCapture(tag, parent);
      return;
    }
    switch (name) {
      case 'header':
        this.header = { identifier: '', datestamp: '', setSpecs: [], deleted: attr('status') === 'deleted' };
        break;
      case 'record':
        this.record = { about: [] };
        break;
      case 'set':
        this.set = { setSpec: '', setName: '', descriptions: [] };
        break;
      case 'metadataFormat':
        this.format = {};
        break;
      case 'resumptionToken': {
        const cursor = toCount(attr('cursor'));
        const size = toCount(attr('completeListSize'));
        const exp = attr('expirationDate');
        this.tokenAttrs = {
          ...(cursor !== undefined && { cursor }),
          ...(size !== undefined && { completeListSize: size }),
          ...(exp !== undefined && { expirationDate: exp }),
        };
        break;
      }
    }
  }

  private close(tag: SaxesTagNS): void {
    if (this.capture) {
      if (this.capture.depth > 0) {
        this.captureClose(tag);
        return;
      }
    }
    const name = this.path.pop();
    this.scopes.pop();
    const parent = this.path[this.path.length - 1];
    const text = this.text;
    this.text = '';
    if (this.path.length === 1) {
      if (name === 'responseDate') this.envelope.responseDate = text.trim();
      else if (name === 'error') {
        this.envelope.errors.push({ code: this.errorCode ?? '', message: text.trim() });
      }
      return;
    }
    if (parent === 'header' && this.header) {
      if (name === 'identifier') this.header.identifier = text.trim();
      else if (name === 'datestamp') this.header.datestamp = text.trim();
      else if (name === 'setSpec') this.header.setSpecs.push(text.trim());
      return;
    }
    if (parent === 'set' && this.set) {
      if (name === 'setSpec') this.set.setSpec = text.trim();
      else if (name === 'setName') this.set.setName = text.trim();
      return;
    }
    if (parent === 'metadataFormat' && this.format && name) {
      this.format[name] = text.trim();
      return;
    }
    if (parent === 'Identify' && name && name !== 'description') {
      const list = this.envelope.identify.get(name) ?? [];
      list.push(text.trim());
      this.envelope.identify.set(name, list);
      return;
    }
    switch (name) {
      case 'header':
        if (this.header && parent !== 'record') this.out.push({ kind: 'header', header: this.header });
        break;
      case 'record':
        if (this.header && this.record) {
          const r = this.record;
          this.out.push({
            kind: 'record',
            record: {
              header: this.header,
              ...(r.metadata !== undefined && { metadata: r.metadata }),
              ...(r.marc !== undefined && { marc: r.marc }),
              about: r.about,
            },
          });
        }
        this.header = undefined;
        this.record = undefined;
        break;
      case 'set':
        if (this.set) this.out.push({ kind: 'set', set: this.set });
        this.set = undefined;
        break;
      case 'metadataFormat':
        if (this.format) {
          this.envelope.formats.push({
            metadataPrefix: this.format.metadataPrefix ?? '',
            schema: this.format.schema ?? '',
            metadataNamespace: this.format.metadataNamespace ?? '',
          });
        }
        this.format = undefined;
        break;
      case 'resumptionToken':
        this.envelope.token = { value: text.trim(), ...this.tokenAttrs };
        break;
    }
  }

  // --- capture of foreign XML (metadata, about, descriptions) ---

  private startCapture(tag: SaxesTagNS, target: Capture['target']): void {
    const isMarc = tag.uri === MARC_NS && (tag.local === 'record' || tag.local === 'collection');
    this.capture = {
      xml: '',
      keepXml: !isMarc || this.options.keepMarcXml !== false,
      depth: 0,
      outer: this.scopes[this.scopes.length - 2] ?? new Map(),
      used: new Set(),
      insertAt: 0,
      target,
      marc: isMarc
        ? {
            record: undefined,
            field: undefined,
            control: undefined,
            subfieldCode: undefined,
            inLeader: false,
            count: 0,
          }
        : undefined,
    };
    this.path.pop();
    this.scopes.pop();
    this.captureOpen(tag, true);
  }

  private captureOpen(tag: SaxesTagNS, root: boolean): void {
    const c = this.capture!;
    c.depth++;
    if (c.marc && tag.uri === MARC_NS) this.marcOpen(c.marc, tag);
    if (!c.keepXml) return;
    let s = `<${tag.name}`;
    if (root) c.insertAt = s.length;
    c.used.add(tag.prefix ?? '');
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix !== '' && a.prefix !== 'xmlns') c.used.add(a.prefix);
      s += ` ${a.name}="${escapeAttr(a.value)}"`;
    }
    c.xml += tag.isSelfClosing ? `${s}/>` : `${s}>`;
  }

  private captureClose(tag: SaxesTagNS): void {
    const c = this.capture!;
    if (c.keepXml && !tag.isSelfClosing) c.xml += `</${tag.name}>`;
    if (c.marc && tag.uri === MARC_NS) this.marcClose(c.marc, tag);
    c.depth--;
    if (c.depth > 0) return;
    this.capture = undefined;
    if (c.keepXml) c.xml = c.xml.slice(0, c.insertAt) + declarations(c) + c.xml.slice(c.insertAt);
    switch (c.target) {
      case 'metadata':
        if (this.record) {
          if (c.keepXml) this.record.metadata = c.xml;
          if (c.marc?.record && c.marc.count === 1) this.record.marc = c.marc.record;
        }
        break;
      case 'about':
        this.record?.about.push(c.xml);
        break;
      case 'setDescription':
        this.set?.descriptions.push(c.xml);
        break;
      case 'description':
        this.envelope.descriptions.push(c.xml);
        break;
    }
  }

  private marcOpen(m: MarcBuilder, tag: SaxesTagNS): void {
    const attr = (n: string): string => tag.attributes[n]?.value ?? '';
    this.text = '';
    switch (tag.local) {
      case 'record':
        m.record = { leader: '', fields: [] };
        m.count++;
        break;
      case 'leader':
        m.inLeader = true;
        break;
      case 'controlfield':
        m.control = { tag: attr('tag') };
        break;
      case 'datafield': {
        const field: DataField = {
          tag: attr('tag'),
          ind1: attr('ind1') || ' ',
          ind2: attr('ind2') || ' ',
          subfields: [],
        };
        m.field = field;
        m.record?.fields.push(field as Field);
        break;
      }
      case 'subfield':
        m.subfieldCode = attr('code');
        break;
    }
  }

  private marcClose(m: MarcBuilder, tag: SaxesTagNS): void {
    switch (tag.local) {
      case 'leader':
        if (m.record) m.record.leader = this.text;
        m.inLeader = false;
        break;
      case 'controlfield':
        if (m.record && m.control) m.record.fields.push({ tag: m.control.tag, value: this.text });
        m.control = undefined;
        break;
      case 'datafield':
        m.field = undefined;
        break;
      case 'subfield':
        if (m.field && m.subfieldCode !== undefined)
          m.field.subfields.push({ code: m.subfieldCode, value: this.text });
        m.subfieldCode = undefined;
        break;
    }
    this.text = '';
  }
}

function withDeclarations(outer: Map<string, string>, tag: SaxesTagNS): Map<string, string> {
  let scope = outer;
  for (const a of Object.values(tag.attributes)) {
    const prefix = a.name === 'xmlns' ? '' : a.prefix === 'xmlns' ? a.local : undefined;
    if (prefix === undefined) continue;
    if (scope === outer) scope = new Map(outer);
    scope.set(prefix, a.value);
  }
  return scope;
}

/**
 * Declarations the cut-out payload needs: each prefix its subtree uses that was bound outside it
 * (e.g. `xsi` declared on the envelope), so the payload stands alone.
 */
function declarations(c: Capture): string {
  let s = '';
  const own = c.xml.slice(c.insertAt, c.xml.indexOf('>', c.insertAt));
  for (const prefix of c.used) {
    if (prefix === 'xml') continue;
    const attr = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
    if (own.includes(` ${attr}="`)) continue;
    const uri = c.outer.get(prefix);
    if (uri !== undefined) s += ` ${attr}="${escapeAttr(uri)}"`;
  }
  return s;
}

function toCount(v: string | undefined): number | undefined {
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : undefined;
}

function badResponse(message: string, cause?: unknown): OaiError {
  return new OaiError('BAD_RESPONSE', message, {}, cause === undefined ? undefined : { cause });
}
