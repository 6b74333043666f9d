// Response vocabularies per SRU version.
export type SruVersion = '1.1' | '1.2' | '2.0';

export const SRU_VERSIONS: readonly SruVersion[] = ['1.1', '1.2', '2.0'];

export interface VersionVocabulary {
  /** Prefix used for response elements. */
  readonly prefix: string;
  readonly ns: string;
  readonly diagNs: string;
  readonly scanNs: string;
  readonly xcqlNs: string;
  readonly diagnosticSchema: string;
}

export const ZEEREX_NS = 'http://explain.z3950.org/dtd/2.0/';

const V1: VersionVocabulary = {
  prefix: 'zs',
  ns: 'http://www.loc.gov/zing/srw/',
  diagNs: 'http://www.loc.gov/zing/srw/diagnostic/',
  scanNs: 'http://www.loc.gov/zing/srw/',
  xcqlNs: 'http://www.loc.gov/zing/cql/xcql/',
  diagnosticSchema: 'info:srw/schema/1/diagnostics-v1.1',
};

const V2: VersionVocabulary = {
  prefix: 'sru',
  ns: 'http://docs.oasis-open.org/ns/search-ws/sruResponse',
  diagNs: 'http://docs.oasis-open.org/ns/search-ws/diagnostic',
  scanNs: 'http://docs.oasis-open.org/ns/search-ws/scan',
  xcqlNs: 'http://docs.oasis-open.org/ns/search-ws/xcql',
  diagnosticSchema: 'info:srw/schema/1/diagnostics-v1.1',
};

export function vocabulary(version: SruVersion): VersionVocabulary {
  return version === '2.0' ? V2 : V1;
}
