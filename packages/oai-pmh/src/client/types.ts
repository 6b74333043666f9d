// What the harvester returns: plain data mirroring the protocol's elements.
import type { MarcRecord } from '@bibwire/marcxml';
import type { Granularity } from '../dates.js';
import type { OaiProtocolErrorCode } from '../errors.js';
import type { DeletedRecordPolicy } from '../types.js';

export interface HarvestedHeader {
  readonly identifier: string;
  /** As the provider wrote it (its granularity). */
  readonly datestamp: string;
  readonly setSpecs: readonly string[];
  readonly deleted: boolean;
}

export interface HarvestedRecord {
  readonly header: HarvestedHeader;
  /** The metadata element as XML (namespaces declared on its root); absent for deleted records. */
  readonly metadata?: string;
  /** The metadata parsed as a MARC record, when it is MARCXML (`http://www.loc.gov/MARC21/slim`). */
  readonly marc?: MarcRecord;
  /** `about` payloads as XML. */
  readonly about: readonly string[];
}

export interface HarvestedSet {
  readonly setSpec: string;
  readonly setName: string;
  readonly descriptions: readonly string[];
}

export interface MetadataFormatInfo {
  readonly metadataPrefix: string;
  readonly schema: string;
  readonly metadataNamespace: string;
}

export interface IdentifyInfo {
  readonly repositoryName: string;
  readonly baseUrl: string;
  readonly protocolVersion: string;
  readonly adminEmails: readonly string[];
  readonly earliestDatestamp: string;
  readonly deletedRecord: DeletedRecordPolicy;
  readonly granularity: Granularity;
  readonly compression: readonly string[];
  /** Description payloads as XML. */
  readonly descriptions: readonly string[];
}

export interface ResumptionTokenInfo {
  readonly value: string;
  readonly cursor?: number;
  readonly completeListSize?: number;
  readonly expirationDate?: string;
}

export interface ProtocolErrorInfo {
  readonly code: OaiProtocolErrorCode | string;
  readonly message: string;
}
