export {
  cloneRecord,
  controlField,
  createRecord,
  DEFAULT_LEADER,
  dataField,
  getControlValue,
  getDataFields,
  getField,
  getFields,
  getFirstValue,
  getSubfield,
  getSubfields,
  recordsEqual,
  type TagPattern,
} from './accessors.js';
export { decodeIso5426 } from './charset/iso5426.js';
export { decodeLatin1, encodeLatin1, type Latin1EncodeOptions } from './charset/latin1.js';
export {
  type CharsetWarning,
  type CharsetWarningHandler,
  decodeMarc8,
  encodeMarc8,
  type Marc8DecodeOptions,
  type Marc8EncodeOptions,
  type UnmappablePolicy,
} from './charset/marc8.js';
export {
  UNIMARC_CHARSET_NAMES,
  type UnimarcCharsets,
  type UnimarcDecoder,
  type UnimarcRecordKind,
  unimarcCharsets,
  unimarcCharsetsFromField100,
} from './charset/unimarc.js';
export {
  DC_ELEMENTS,
  type DcElement,
  type DcEntry,
  type DublinCore,
  type DublinCoreOptions,
  dublinCoreEntries,
  toDublinCore,
} from './dc/crosswalk.js';
export { DC_NS, OAI_DC_NS, type OaiDcXmlOptions, toOaiDcXml } from './dc/oai-dc.js';
export {
  MarcError,
  type MarcErrorCode,
  type MarcErrorDetails,
  type MarcProblem,
  type ProblemHandler,
} from './errors.js';
export {
  detectFlavour,
  flavourFromTags,
  getAuthors,
  getIsbns,
  getIssns,
  getLanguage,
  getPublicationDate,
  getPublisher,
  getSubjects,
  getTitle,
  type MarcFlavour,
} from './flavour.js';
export type { Marc8Decoder } from './iso2709/constants.js';
export {
  type DecodedRecord,
  decodeIso2709Record,
  type Iso2709Encoding,
  type Iso2709ReadOptions,
  parseIso2709,
  parseIso2709Record,
} from './iso2709/read.js';
export { type Iso2709WriteOptions, writeIso2709 } from './iso2709/write.js';
export {
  type MarcJsonReadOptions,
  type MarcJsonWriteOptions,
  marcJsonRecord,
  parseMarcJson,
  recordFromMarcJson,
  writeMarcJson,
} from './json/codec.js';
export {
  createMarcXmlParser,
  MARC21_SLIM_NS,
  type MarcXmlPushParser,
  type MarcXmlReadOptions,
  parseMarcXml,
  parseMarcXmlRecord,
} from './marcxml/read.js';
export {
  escapeXml,
  escapeXmlAttribute,
  type MarcXmlWriteOptions,
  marcXmlCollectionRecord,
  marcXmlHead,
  marcXmlTail,
  writeMarcXml,
} from './marcxml/write.js';
export { type MrkReadOptions, type MrkWriteOptions, mrkRecord, parseMrk, writeMrk } from './mrk/codec.js';
export {
  type ControlField,
  type DataField,
  type Field,
  isControlField,
  isDataField,
  type MarcRecord,
  type Subfield,
} from './record.js';
export { type ConvertHooks, convertRecords } from './stream/convert.js';
export {
  createIso2709Reader,
  type Iso2709StreamOptions,
  type RecordPushParser,
} from './stream/iso2709-reader.js';
export {
  detectFormat,
  type MarcFormat,
  type ReadOptions,
  readAllRecords,
  readRecords,
} from './stream/read.js';
export type { ByteSource, Chunk, ReadableStreamLike } from './stream/source.js';
export { encodeRecords, type WritableLike, type WriteOptions, writeRecords } from './stream/write.js';
export {
  type Finding,
  type FindingCode,
  type FindingSeverity,
  type ValidateOptions,
  validateRecord,
} from './validate/validate.js';
