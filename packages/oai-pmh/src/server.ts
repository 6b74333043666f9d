// `@bibwire/oai-pmh/server`: the data provider (Fetch-standard handler), repositories and formats.
export {
  type CustomMarcFormat,
  formatsFromKohaConfig,
  kohaDefaultFormats,
  MARCXML_NAMESPACE,
  MARCXML_SCHEMA,
  type MarcFormatOptions,
  marcFormat,
  marcXmlFormat,
  marcXmlRecord,
  OAI_DC_NAMESPACE,
  OAI_DC_SCHEMA,
  type OaiDcFormatOptions,
  oaiDcFormat,
} from './marc/formats.js';
export {
  createMarcRepository,
  datestampFrom005,
  type MarcEntry,
  type MarcRepositoryOptions,
  type MarcSetMapping,
  marcRepositoryFromBytes,
  parseMarcBytes,
} from './marc/repository.js';
export { createOaiHandler, type OaiHandler, type OaiProviderOptions } from './server/handler.js';
export { type MemoryItemInput, MemoryRepository, type MemoryRepositoryOptions } from './server/memory.js';
export {
  type OaiArguments,
  type OaiVerb,
  type ParsedRequest,
  type ProtocolError,
  parseOaiArguments,
  VERBS,
} from './server/request.js';
export type { ContentCoding } from './server/stream.js';
