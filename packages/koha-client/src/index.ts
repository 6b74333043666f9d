export {
  type AuthContext,
  basicAuth,
  bearerToken,
  type ClientCredentialsOptions,
  clientCredentials,
  type KohaAuth,
} from './auth.js';
export {
  type BiblioBodyFormat,
  type BiblioFormat,
  type BiblioJson,
  type BiblioWriteOptions,
  type BiblioWriteResult,
  biblioMediaTypes,
  decodeBiblioBody,
  encodeBiblioBody,
  type MarcReadOptions,
} from './biblios.js';
export {
  type CallArgs,
  type CallOptions,
  type ItemOf,
  KohaClient,
  type KohaClientOptions,
  type KohaPage,
  type KohaResponse,
  type OperationRequest,
  type PagedOperationId,
  type PageOptions,
  type RawRequestInit,
  type RawRequestOptions,
  type SuccessBody,
} from './client.js';
export { KohaError, type KohaErrorCode, type KohaErrorDetails } from './errors.js';
export type {
  Checkin,
  Checkout,
  CheckoutAvailability,
  Checkouts,
  ErrorBody,
  ExtendedAttributeType,
  ExtendedAttributeValue,
  Hold,
  Holds,
  Item,
  KohaOperationId,
  KohaOperations,
  Library,
  OperationMeta,
  ParamFormat,
  Patron,
  PatronExtendedAttribute,
  Vendor,
  VendorAlias,
  VendorInterface,
  VendorIssue,
  VendorsConfig,
} from './generated/koha-api.js';
export { kohaOperations } from './generated/koha-api.js';
export { formatMarc, parseFormattedMarc } from './marc-text.js';
export { hasNextPage, type PageInfo, type PageLinks, parseLinkHeader, readPageInfo } from './paging.js';
export {
  type FieldCondition,
  type KohaQuery,
  type KohaQueryGroup,
  kq,
  type ListOperator,
  type OperatorCondition,
  parseKohaQuery,
  type QueryFields,
  type QueryScalar,
  type RangeOperator,
  type ScalarOperator,
  serializeKohaQuery,
} from './query.js';
export { type ReportRequest, type ReportRows, reportUrl } from './reports.js';
export {
  type BodyOf,
  type CheckinRequest,
  type EmbedOf,
  type HoldCancellation,
  isMissingRoute,
  type PasswordValidation,
  type QueryOf,
  renewalRefusalReason,
  type WithEmbed,
} from './resources.js';
export { defaultRetryPolicy, type KohaLogEvent, type RetryPolicy } from './transport.js';
export {
  type FindVendorOptions,
  findVendorByName,
  type SyncVendorOptions,
  type SyncVendorResult,
  sameVendorName,
  syncVendor,
} from './vendor-sync.js';
