// Pure codec: no node:* imports, runs in browsers, Deno and Bun.
export {
  build,
  buildMessage,
  type FieldParam,
  type FixedParam,
  type Sip2BuildCommon,
  type Sip2BuildParams,
  type Sip2DateInput,
} from './codec/build.js';
export { charsetOf, decodeText, encodeText, SIP2_CHARSETS, type Sip2Charset } from './codec/charset.js';
export { computeChecksum } from './codec/checksum.js';
export {
  type FormatSip2DateOptions,
  formatSip2Date,
  isValidSip2Date,
  parseSip2Date,
  SIP2_BLANK_DATE,
  type Sip2DateTime,
  sip2DateToDate,
} from './codec/dates.js';
export { decode, SIP2_MAX_FIELD_LENGTH } from './codec/decode.js';
export { SIP2_DEFAULT_FIELD_DELIMITER } from './codec/delimiter.js';
export { encode, encodeInto, encodeToString, messageText } from './codec/encode.js';
export {
  type ErrorDetectionCheck as Sip2ErrorDetectionCheck,
  type StampOptions as Sip2StampOptions,
  stampErrorDetection,
  type VerifyOptions as Sip2VerifyOptions,
  verifyErrorDetection,
} from './codec/error-detection.js';
export { readFields, SIP2_FIELDS, type Sip2FieldInfo, type Sip2NamedFields } from './codec/fields.js';
export { createFramer, SIP2_DEFAULT_MAX_MESSAGE_BYTES } from './codec/framer.js';
export {
  codeOfName,
  isSip2Code,
  MESSAGE_SPECS,
  type MessageSpec,
  messageName,
  SIP2_CODES,
  type Sip2Code,
  type Sip2MessageName,
} from './codec/specs.js';
export type {
  Sip2ChecksumInfo,
  Sip2Decoded,
  Sip2DecodeOptions,
  Sip2EncodeOptions,
  Sip2Field,
  Sip2FixedFields,
  Sip2FramedItem,
  Sip2Framer,
  Sip2FramerOptions,
  Sip2IllegalCharacterPolicy,
  Sip2Message,
  Sip2MessageFor,
  Sip2MessageOf,
  Sip2Mode,
  Sip2Terminator,
  Sip2UnmappablePolicy,
  Sip2Warning,
} from './codec/types.js';
export {
  formatAmount,
  formatPatronStatus,
  formatSummary,
  formatSupportedMessages,
  getField,
  getFields,
  PATRON_STATUS_FLAGS,
  parsePatronStatus,
  parseSummary,
  parseSupportedMessages,
  readAmount,
  readCount,
  readFlag,
  type Sip2PatronStatus,
  type Sip2PatronStatusFlag,
  type Sip2RequestCode,
  type Sip2SummaryList,
  SUMMARY_LISTS,
  SUPPORTED_MESSAGE_ORDER,
} from './codec/values.js';
export { type Sip2DefectCode, Sip2Error, type Sip2ErrorCode, type Sip2ErrorDetails } from './errors.js';
