// `@bibwire/sru-cql/client`: the SRU client and its response types.
export {
  type CallOptions,
  createSruClient,
  type RecordsOptions,
  type ScanOptions,
  type SearchOptions,
  SruClient,
  type SruClientOptions,
  type SruClientVersion,
} from './client/client.js';
export {
  type ExplainResponse,
  parseExplainResponse,
  parseScanResponse,
  parseSearchRetrieveResponse,
  type ScanResponse,
  type ScanResponseTerm,
  type SearchRetrieveResponse,
  type SruRecord,
} from './client/parse.js';
