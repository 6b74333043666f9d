// `@bibwire/oai-pmh/client`: the harvester.
export {
  type FetchLike,
  type HarvesterOptions,
  type ListOptions,
  OaiHarvester,
  type PageInfo,
  parseRetryAfter,
} from './client/harvester.js';
export {
  type HarvestState,
  type IncrementalHarvestOptions,
  incrementalHarvest,
} from './client/incremental.js';
export { OaiResponseParser, type ResponseEnvelope, type ResponseItem } from './client/parse.js';
export type {
  HarvestedHeader,
  HarvestedRecord,
  HarvestedSet,
  IdentifyInfo,
  MetadataFormatInfo,
  ProtocolErrorInfo,
  ResumptionTokenInfo,
} from './client/types.js';
