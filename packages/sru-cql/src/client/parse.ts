// SRU response documents (1.1, 1.2, 2.0; any prefix) → typed results. Namespaces are not checked
// beyond local names, so servers with odd prefixes or the 2.0 scan namespace all read alike.
import { diagnosticNumber, type SruDiagnostic } from '../diagnostics.js';
import { SruError } from '../errors.js';
import { child, childText, outerXml, parseXml, type XmlElement } from '../xml/dom.js';

export interface SruRecord {
  /** recordSchema as sent (URI or short name). */
  readonly schema: string;
  /** `xml` or `string` (1.x recordPacking, 2.0 recordXMLEscaping). */
  readonly escaping: string;
  /** The record as a standalone XML document string (unescaped when it came as a string). */
  readonly data: string;
  readonly position?: number;
  readonly identifier?: string;
  /** Set when the server put a surrogate diagnostic in place of this record. */
  readonly diagnostic?: SruDiagnostic;
}

export interface SearchRetrieveResponse {
  readonly version?: string;
  readonly numberOfRecords: number;
  readonly resultSetId?: string;
  readonly records: readonly SruRecord[];
  readonly nextRecordPosition?: number;
  /** Non-fatal diagnostics (fatal ones are thrown as SruError 'SRU_DIAGNOSTIC'). */
  readonly diagnostics: readonly SruDiagnostic[];
}

export interface ExplainResponse {
  readonly version?: string;
  /** The ZeeRex record as XML text. */
  readonly record: string;
  readonly diagnostics: readonly SruDiagnostic[];
}

export interface ScanResponseTerm {
  readonly value: string;
  readonly numberOfRecords?: number;
  readonly displayTerm?: string;
  readonly whereInList?: string;
}

export interface ScanResponse {
  readonly version?: string;
  readonly terms: readonly ScanResponseTerm[];
  readonly diagnostics: readonly SruDiagnostic[];
}

function badResponse(message: string, cause?: unknown): SruError {
  return new SruError(
    'BAD_RESPONSE',
    `Bad SRU response: ${message}`,
    {},
    cause === undefined ? undefined : { cause },
  );
}

function readDiagnostic(el: XmlElement): SruDiagnostic {
  const uri = childText(el, 'uri')?.trim() ?? '';
  const details = childText(el, 'details');
  const message = childText(el, 'message');
  return {
    uri,
    ...(details === undefined ? {} : { details }),
    ...(message === undefined ? {} : { message }),
  };
}

function readDiagnostics(root: XmlElement): SruDiagnostic[] {
  const list = child(root, 'diagnostics');
  return list ? list.children.filter((d) => d.name === 'diagnostic').map(readDiagnostic) : [];
}

export function diagnosticError(d: SruDiagnostic): SruError {
  const n = diagnosticNumber(d.uri);
  const text = d.message ?? (n === undefined ? d.uri : `diagnostic ${n}`);
  return new SruError(
    'SRU_DIAGNOSTIC',
    `SRU diagnostic ${n ?? d.uri}: ${text}${d.details ? ` (${d.details})` : ''}`,
    {
      ...(n === undefined ? {} : { diagnostic: n }),
      ...(d.details === undefined ? {} : { details: d.details }),
    },
  );
}

function int(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text.trim());
  return Number.isFinite(n) ? n : undefined;
}

function document(xml: string, expected: string): XmlElement {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    throw badResponse((e as Error).message, e);
  }
  if (root.name !== expected) {
    // Some servers answer any failure with a searchRetrieveResponse or a bare diagnostics document.
    const diagnostics = readDiagnostics(root);
    if (root.name === 'diagnostic') diagnostics.push(readDiagnostic(root));
    const first = diagnostics[0];
    if (first) throw diagnosticError(first);
    throw badResponse(`expected <${expected}>, got <${root.name}>`);
  }
  return root;
}

function recordData(record: XmlElement, source: string): { data: string; escaping: string } {
  const escaping = (
    childText(record, 'recordXMLEscaping') ??
    childText(record, 'recordPacking') ??
    'xml'
  ).trim();
  const data = child(record, 'recordData');
  if (!data) throw badResponse('record without recordData');
  const inner = data.children[0];
  if (inner) return { data: outerXml(inner, source), escaping: escaping === 'string' ? 'xml' : escaping };
  return { data: data.text.trim(), escaping: 'string' };
}

function readRecord(el: XmlElement, source: string): SruRecord {
  const schema = childText(el, 'recordSchema')?.trim() ?? '';
  const { data, escaping } = recordData(el, source);
  const position = int(childText(el, 'recordPosition'));
  const identifier = childText(el, 'recordIdentifier');
  let surrogate: SruDiagnostic | undefined;
  if (schema.includes('diagnostic')) {
    const d = child(el, 'recordData')?.children[0];
    if (d?.name === 'diagnostic') surrogate = readDiagnostic(d);
  }
  return {
    schema,
    escaping,
    data,
    ...(position === undefined ? {} : { position }),
    ...(identifier === undefined ? {} : { identifier }),
    ...(surrogate === undefined ? {} : { diagnostic: surrogate }),
  };
}

/** Fatal when nothing came back but diagnostics (SRU: fatal diagnostics come with numberOfRecords 0). */
function throwIfFatal(diagnostics: readonly SruDiagnostic[], hasResults: boolean): void {
  const first = diagnostics[0];
  if (first && !hasResults) throw diagnosticError(first);
}

export function parseSearchRetrieveResponse(xml: string): SearchRetrieveResponse {
  const root = document(xml, 'searchRetrieveResponse');
  const records = (child(root, 'records')?.children ?? [])
    .filter((r) => r.name === 'record')
    .map((r) => readRecord(r, xml));
  const numberOfRecords = int(childText(root, 'numberOfRecords')) ?? 0;
  const diagnostics = readDiagnostics(root);
  throwIfFatal(diagnostics, numberOfRecords > 0 || records.length > 0);
  const version = childText(root, 'version')?.trim();
  const resultSetId = childText(root, 'resultSetId')?.trim();
  const next = int(childText(root, 'nextRecordPosition'));
  return {
    ...(version === undefined ? {} : { version }),
    numberOfRecords,
    ...(resultSetId === undefined ? {} : { resultSetId }),
    records,
    ...(next === undefined ? {} : { nextRecordPosition: next }),
    diagnostics,
  };
}

export function parseExplainResponse(xml: string): ExplainResponse {
  const root = document(xml, 'explainResponse');
  const diagnostics = readDiagnostics(root);
  const record = child(root, 'record');
  throwIfFatal(diagnostics, record !== undefined);
  if (!record) throw badResponse('explainResponse without record');
  const version = childText(root, 'version')?.trim();
  return { ...(version === undefined ? {} : { version }), record: recordData(record, xml).data, diagnostics };
}

export function parseScanResponse(xml: string): ScanResponse {
  const root = document(xml, 'scanResponse');
  const terms = (child(root, 'terms')?.children ?? [])
    .filter((t) => t.name === 'term')
    .map((t) => {
      const n = int(childText(t, 'numberOfRecords'));
      const display = childText(t, 'displayTerm');
      const where = childText(t, 'whereInList');
      return {
        value: childText(t, 'value') ?? '',
        ...(n === undefined ? {} : { numberOfRecords: n }),
        ...(display === undefined ? {} : { displayTerm: display }),
        ...(where === undefined ? {} : { whereInList: where.trim() }),
      };
    });
  const diagnostics = readDiagnostics(root);
  throwIfFatal(diagnostics, terms.length > 0);
  const version = childText(root, 'version')?.trim();
  return { ...(version === undefined ? {} : { version }), terms, diagnostics };
}
