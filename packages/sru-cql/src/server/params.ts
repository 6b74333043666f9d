// Request decoding and checking shared by the three operations: which parameters exist in which
// version, numeric ranges, and the version negotiation rule ("V or lower").
import { diagnostic, type SruDiagnostic } from '../diagnostics.js';
import { readBoundedText } from '../xml/read-bounded.js';
import type { SruVersion } from './namespaces.js';

export type SruOperation = 'explain' | 'searchRetrieve' | 'scan';

/** A diagnostic that ends the request (thrown inside the handler, answered as XML). */
export class FatalDiagnostic extends Error {
  constructor(readonly diagnostic: SruDiagnostic) {
    super(diagnostic.message ?? diagnostic.uri);
  }
}

export function fatal(n: number, details?: string): FatalDiagnostic {
  return new FatalDiagnostic(diagnostic(n, details));
}

const COMMON = ['operation', 'version', 'stylesheet', 'extraRequestData'];
const COMMON_2 = ['httpAccept', 'responseType', 'renderedBy'];
const BY_OPERATION: Readonly<Record<SruOperation, Readonly<Record<SruVersion, readonly string[]>>>> = {
  searchRetrieve: {
    '1.1': [
      'query',
      'startRecord',
      'maximumRecords',
      'recordPacking',
      'recordSchema',
      'recordXPath',
      'resultSetTTL',
      'sortKeys',
    ],
    '1.2': ['query', 'startRecord', 'maximumRecords', 'recordPacking', 'recordSchema', 'resultSetTTL'],
    '2.0': [
      'query',
      'queryType',
      'startRecord',
      'maximumRecords',
      'recordPacking',
      'recordXMLEscaping',
      'recordSchema',
      'resultSetTTL',
      'sortKeys',
      'facetLimit',
      'facetStart',
      'facetSort',
      'facetRangeField',
      'facetLowValue',
      'facetHighValue',
      'facetCount',
    ],
  },
  explain: {
    '1.1': ['recordPacking'],
    '1.2': ['recordPacking'],
    '2.0': ['recordPacking', 'recordXMLEscaping'],
  },
  scan: {
    '1.1': ['scanClause', 'responsePosition', 'maximumTerms'],
    '1.2': ['scanClause', 'responsePosition', 'maximumTerms'],
    '2.0': ['scanClause', 'responsePosition', 'maximumTerms'],
  },
};

/** First parameter not defined for this operation and version (x-… extensions are always allowed). */
export function unknownParameter(
  params: URLSearchParams,
  operation: SruOperation,
  version: SruVersion,
): string | undefined {
  const allowed = new Set([
    ...COMMON,
    ...(version === '2.0' ? COMMON_2 : []),
    ...BY_OPERATION[operation][version],
  ]);
  for (const name of params.keys()) {
    if (!allowed.has(name) && !name.startsWith('x-')) return name;
  }
  return undefined;
}

/** "Version V or lower": the highest supported version not above V; undefined when below 1.1 or not a version. */
export function negotiateVersion(requested: string): SruVersion | undefined {
  if (!/^\d+(\.\d+)?$/.test(requested)) return undefined;
  const v = Number.parseFloat(requested);
  if (v >= 2) return '2.0';
  if (v >= 1.2) return '1.2';
  if (v >= 1.1) return '1.1';
  return undefined;
}

/** A non-negative (or positive) integer parameter; diagnostic 6 otherwise. */
export function intParam(params: URLSearchParams, name: string, fallback: number, min: number): number {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\+?\d+$/.test(raw.trim())) throw fatal(6, name);
  const n = Number(raw.trim());
  if (!Number.isSafeInteger(n) || n < min) throw fatal(6, name);
  return n;
}

/** Reads GET query or POST form parameters; a POST body over `maxBodyBytes` throws BodyTooLarge. */
export async function readParams(request: Request, maxBodyBytes: number): Promise<URLSearchParams> {
  const url = new URL(request.url);
  if (request.method !== 'POST') return url.searchParams;
  const body = await readBoundedText(request.body, maxBodyBytes);
  const params = new URLSearchParams(body);
  // Parameters in the URL of a POST are honoured too, body first.
  for (const [k, v] of url.searchParams) if (!params.has(k)) params.append(k, v);
  return params;
}
