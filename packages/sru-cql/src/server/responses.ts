// SRU response documents, written as strings in schema order for each version.
import type { CqlQuery } from '../cql/ast.js';
import { toXcql } from '../cql/xcql.js';
import type { SruDiagnostic } from '../diagnostics.js';
import { escapeXml } from '../xml/escape.js';
import type { ScanTerm, SearchRecord } from './backend.js';
import { type SruVersion, vocabulary } from './namespaces.js';

export type XmlEscaping = 'xml' | 'string';

function el(p: string, name: string, text: string | number): string {
  return `<${p}:${name}>${escapeXml(String(text))}</${p}:${name}>`;
}

function prolog(stylesheet: string | undefined): string {
  const pi =
    stylesheet === undefined ? '' : `<?xml-stylesheet type="text/xsl" href="${escapeXml(stylesheet)}"?>\n`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${pi}`;
}

export function diagnosticsXml(version: SruVersion, diagnostics: readonly SruDiagnostic[]): string {
  if (diagnostics.length === 0) return '';
  const v = vocabulary(version);
  let out = `<${v.prefix}:diagnostics>`;
  for (const d of diagnostics) out += diagnosticXml(version, d);
  return `${out}</${v.prefix}:diagnostics>`;
}

function diagnosticXml(version: SruVersion, d: SruDiagnostic): string {
  const v = vocabulary(version);
  return (
    `<diag:diagnostic xmlns:diag="${v.diagNs}">${el('diag', 'uri', d.uri)}` +
    `${d.details === undefined ? '' : el('diag', 'details', d.details)}` +
    `${d.message === undefined ? '' : el('diag', 'message', d.message)}</diag:diagnostic>`
  );
}

function recordXml(
  version: SruVersion,
  schema: string,
  escaping: XmlEscaping,
  data: string,
  position: number | undefined,
): string {
  const p = vocabulary(version).prefix;
  let out = `<${p}:record>${el(p, 'recordSchema', schema)}`;
  out +=
    version === '2.0'
      ? `${el(p, 'recordPacking', 'packed')}${el(p, 'recordXMLEscaping', escaping)}`
      : el(p, 'recordPacking', escaping);
  out += `<${p}:recordData>${escaping === 'xml' ? data : escapeXml(data)}</${p}:recordData>`;
  if (position !== undefined) out += el(p, 'recordPosition', position);
  return `${out}</${p}:record>`;
}

export interface EchoedSearch {
  readonly query?: string;
  readonly parsed?: CqlQuery;
  readonly queryType?: string;
  readonly startRecord?: string;
  readonly maximumRecords?: string;
  readonly recordPacking?: string;
  readonly recordXMLEscaping?: string;
  readonly recordSchema?: string;
  readonly resultSetTTL?: string;
  readonly sortKeys?: string;
  readonly stylesheet?: string;
}

export interface SearchResponseInput {
  readonly version: SruVersion;
  readonly numberOfRecords: number;
  readonly records: readonly SearchRecord[];
  readonly startRecord: number;
  readonly schemaIdentifier: string;
  readonly escaping: XmlEscaping;
  readonly diagnostics: readonly SruDiagnostic[];
  readonly echo?: EchoedSearch;
  readonly stylesheet?: string;
}

function echoSearch(version: SruVersion, echo: EchoedSearch): string {
  const v = vocabulary(version);
  const p = v.prefix;
  const opt = (name: string, value: string | undefined) => (value === undefined ? '' : el(p, name, value));
  let out = `<${p}:echoedSearchRetrieveRequest>${el(p, 'version', version)}`;
  if (version === '2.0') out += opt('queryType', echo.queryType);
  out += opt('query', echo.query);
  if (echo.parsed) {
    const inner = toXcql(echo.parsed, { version, namespace: false, fragment: true });
    out += `<${p}:xQuery xmlns="${v.xcqlNs}">${inner}</${p}:xQuery>`;
  }
  // Echo only well-formed values: a rejected one (the diagnostic names it) would make the echo invalid.
  const count = (v: string | undefined, min: number) =>
    v !== undefined && /^\d+$/.test(v) && Number(v) >= min ? v : undefined;
  out +=
    opt('startRecord', count(echo.startRecord, 1)) + opt('maximumRecords', count(echo.maximumRecords, 0));
  const esc = echo.recordXMLEscaping;
  if (version === '2.0') out += opt('recordXMLEscaping', esc === 'xml' || esc === 'string' ? esc : undefined);
  out += opt('recordPacking', echo.recordPacking) + opt('recordSchema', echo.recordSchema);
  out += opt('resultSetTTL', count(echo.resultSetTTL, 0));
  if (version !== '1.2') out += opt('sortKeys', echo.sortKeys);
  out += opt('stylesheet', echo.stylesheet);
  return `${out}</${p}:echoedSearchRetrieveRequest>`;
}

export function searchRetrieveResponse(input: SearchResponseInput): string {
  const { version } = input;
  const v = vocabulary(version);
  const p = v.prefix;
  let out = `${prolog(input.stylesheet)}<${p}:searchRetrieveResponse xmlns:${p}="${v.ns}">`;
  out += el(p, 'version', version) + el(p, 'numberOfRecords', input.numberOfRecords);
  const surrogates: SruDiagnostic[] = [];
  if (input.records.length > 0) {
    out += `<${p}:records>`;
    input.records.forEach((r, i) => {
      const position = input.startRecord + i;
      if ('diagnostic' in r) {
        surrogates.push(r.diagnostic);
        const data = diagnosticXml(version, r.diagnostic);
        out += recordXml(version, v.diagnosticSchema, 'xml', data, position);
      } else out += recordXml(version, input.schemaIdentifier, input.escaping, r.xml, position);
    });
    out += `</${p}:records>`;
  }
  const next = input.startRecord + input.records.length;
  if (input.records.length > 0 && next <= input.numberOfRecords) out += el(p, 'nextRecordPosition', next);
  if (input.echo) out += echoSearch(version, input.echo);
  out += diagnosticsXml(version, input.diagnostics);
  if (version === '2.0' && input.diagnostics.length === 0) {
    out += el(p, 'resultCountPrecision', 'info:srw/vocabulary/resultCountPrecision/1/exact');
  }
  return `${out}</${p}:searchRetrieveResponse>`;
}

export interface ExplainResponseInput {
  readonly version: SruVersion;
  readonly zeerex: string;
  readonly escaping: XmlEscaping;
  readonly diagnostics: readonly SruDiagnostic[];
  readonly stylesheet?: string;
}

export function explainResponse(input: ExplainResponseInput): string {
  const { version } = input;
  const v = vocabulary(version);
  const p = v.prefix;
  let out = `${prolog(input.stylesheet)}<${p}:explainResponse xmlns:${p}="${v.ns}">${el(p, 'version', version)}`;
  out += recordXml(version, 'http://explain.z3950.org/dtd/2.0/', input.escaping, input.zeerex, undefined);
  out += `<${p}:echoedExplainRequest>${el(p, 'version', version)}`;
  if (input.stylesheet !== undefined) out += el(p, 'stylesheet', input.stylesheet);
  out += `</${p}:echoedExplainRequest>`;
  out += diagnosticsXml(version, input.diagnostics);
  return `${out}</${p}:explainResponse>`;
}

export interface ScanResponseInput {
  readonly version: SruVersion;
  readonly terms: readonly ScanTerm[];
  readonly diagnostics: readonly SruDiagnostic[];
  readonly scanClause?: string;
  readonly responsePosition?: string;
  readonly maximumTerms?: string;
  readonly stylesheet?: string;
}

export function scanResponse(input: ScanResponseInput): string {
  const { version } = input;
  const v = vocabulary(version);
  // 2.0 scan lives in its own namespace; 1.x shares the SRW one.
  const p = version === '2.0' ? 'scan' : v.prefix;
  const ns = version === '2.0' ? v.scanNs : v.ns;
  let out = `${prolog(input.stylesheet)}<${p}:scanResponse xmlns:${p}="${ns}">`;
  if (version !== '2.0') out += el(p, 'version', version);
  if (input.terms.length > 0) {
    out += `<${p}:terms>`;
    const n = input.terms.length;
    input.terms.forEach((t, i) => {
      out += `<${p}:term>${el(p, 'value', t.value)}`;
      if (t.numberOfRecords !== undefined) out += el(p, 'numberOfRecords', t.numberOfRecords);
      if (t.displayTerm !== undefined) out += el(p, 'displayTerm', t.displayTerm);
      out += el(p, 'whereInList', n === 1 ? 'only' : i === 0 ? 'first' : i === n - 1 ? 'last' : 'inner');
      out += `</${p}:term>`;
    });
    out += `</${p}:terms>`;
  }
  if (input.scanClause !== undefined) {
    out += `<${p}:echoedScanRequest>`;
    if (version !== '2.0') out += el(p, 'version', version);
    out += el(p, 'scanClause', input.scanClause);
    if (input.responsePosition !== undefined) out += el(p, 'responsePosition', input.responsePosition);
    if (input.maximumTerms !== undefined) out += el(p, 'maximumTerms', input.maximumTerms);
    if (input.stylesheet !== undefined) out += el(p, 'stylesheet', input.stylesheet);
    out += `</${p}:echoedScanRequest>`;
  }
  if (input.diagnostics.length > 0) {
    out += `<${p}:diagnostics>`;
    for (const d of input.diagnostics) out += diagnosticXml(version, d);
    out += `</${p}:diagnostics>`;
  }
  return `${out}</${p}:scanResponse>`;
}
