export { formatUtcDate, type Granularity, type ParsedUtcDate, parseUtcDate } from './dates.js';
export { OaiError, type OaiErrorCode, type OaiErrorDetails, type OaiProtocolErrorCode } from './errors.js';
export {
  type KohaFormatConfig,
  type KohaOaiConfig,
  parseKohaOaiConfig,
} from './koha-config.js';
export {
  createTokenCodec,
  type ItemPosition,
  type ListVerb,
  type ResumptionState,
  type TokenCodec,
} from './token.js';
export type {
  DeletedRecordPolicy,
  ListQuery,
  MetadataFormat,
  OaiHeader,
  OaiItem,
  OaiRepository,
  OaiSet,
} from './types.js';
export { escapeAttr, escapeText } from './xml.js';
