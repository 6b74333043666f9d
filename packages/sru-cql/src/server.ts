// `@bibwire/sru-cql/server`: the SRU handler, the back-end interface and the in-memory back ends.
export type {
  BackendDescription,
  DatabaseInfo,
  IndexInfo,
  RecordSchemaInfo,
  ScanRequest,
  ScanTerm,
  SearchRecord,
  SearchRequest,
  SearchResult,
  SruBackend,
} from './server/backend.js';
export { type ExplainSettings, zeerexRecord } from './server/explain.js';
export {
  createSruHandler,
  type SruHandler,
  type SruServerOptions,
  sortKeysFromParameter,
} from './server/handler.js';
export {
  createMarcBackend,
  DC_SCHEMA,
  MARC_INDEXES,
  MARCXML_SCHEMA,
  type MarcBackendOptions,
  marcToSrwDc,
} from './server/marc-backend.js';
export {
  createMemoryBackend,
  MemoryBackend,
  type MemoryBackendOptions,
  type MemorySchema,
} from './server/memory-backend.js';
export { SRU_VERSIONS, type SruVersion, ZEEREX_NS } from './server/namespaces.js';
export { type NodeServerOptions, type RunningServer, serveNode } from './server/node.js';
