// Field ids: the standard set, the 3M extensions and the vendor extensions of the spec notes, with
// the names the codec uses, and a typed by-name view of a message's fields.
import type { FieldSpec, MessageSpecs, Sip2Code } from './specs.js';
import { MESSAGE_SPECS } from './specs.js';
import type { Sip2MessageOf } from './types.js';

export interface Sip2FieldInfo {
  /** camelCase name. */
  readonly name: string;
  /** Who defines or sends it: `3M` (the standard), `3M extension`, or vendors. */
  readonly source: string;
  /** May repeat. */
  readonly repeatable?: true;
  /** What else the id means elsewhere (ids that vendors use differently). */
  readonly conflicts?: string;
}

const std = (name: string, repeatable = false): Sip2FieldInfo =>
  repeatable ? { name, source: '3M', repeatable: true } : { name, source: '3M' };
const ext = (name: string, source: string, conflicts?: string): Sip2FieldInfo =>
  conflicts === undefined ? { name, source } : { name, source, conflicts };

/** Every field id the spec notes list (§6), by id. Unknown ids are still decoded and kept. */
export const SIP2_FIELDS: Readonly<Record<string, Sip2FieldInfo>> = {
  AA: std('patronIdentifier'),
  AB: std('itemIdentifier'),
  AC: std('terminalPassword'),
  AD: std('patronPassword'),
  AE: std('personalName'),
  AF: std('screenMessage', true),
  AG: std('printLine', true),
  AH: std('dueDate'),
  AJ: std('titleIdentifier'),
  AL: std('blockedCardMessage'),
  AM: std('libraryName'),
  AN: std('terminalLocation'),
  AO: std('institutionId'),
  AP: std('currentLocation'),
  AQ: ext('permanentLocation', '3M', 'patron home library in 64 (Evergreen, Koha)'),
  AS: std('holdItems', true),
  AT: std('overdueItems', true),
  AU: std('chargedItems', true),
  AV: std('fineItems', true),
  AY: std('sequenceNumber'),
  AZ: std('checksum'),
  BD: std('homeAddress'),
  BE: std('emailAddress'),
  BF: ext('homePhoneNumber', '3M', 'hold patron phone in 10 (Evergreen phone_ext_to_msg10)'),
  BG: std('owner'),
  BH: std('currencyType'),
  BI: std('cancel'),
  BK: std('transactionId'),
  BL: std('validPatron'),
  BM: std('renewedItems', true),
  BN: std('unrenewedItems', true),
  BO: std('feeAcknowledged'),
  BP: std('startItem'),
  BQ: std('endItem'),
  BR: std('queuePosition'),
  BS: std('pickupLocation'),
  BT: std('feeType'),
  BU: std('recallItems', true),
  BV: std('feeAmount'),
  BW: std('expirationDate'),
  BX: std('supportedMessages'),
  BY: std('holdType'),
  BZ: std('holdItemsLimit'),
  CA: std('overdueItemsLimit'),
  CB: std('chargedItemsLimit'),
  CC: std('feeLimit'),
  CD: std('unavailableHoldItems', true),
  CF: std('holdQueueLength'),
  CG: ext('feeIdentifier', '3M', 'account identifier repeated per fee in 64 (FOLIO)'),
  CH: std('itemProperties'),
  CI: std('securityInhibit'),
  CJ: std('recallDate'),
  CK: std('mediaType'),
  CL: std('sortBin'),
  CM: std('holdPickupDate'),
  CN: std('loginUserId'),
  CO: std('loginPassword'),
  CP: std('locationCode'),
  CQ: std('validPatronPassword'),
  // 3M "SIP2 extensions" (sorters / AMH).
  CR: ext('collectionCode', '3M extension; Koha, Evergreen, Polaris'),
  CS: ext('callNumber', '3M extension; Koha, Evergreen, FOLIO, Polaris'),
  CT: ext('destinationLocation', '3M extension; Koha, Evergreen, FOLIO'),
  CV: ext('alertType', '3M extension; Koha, Evergreen, FOLIO'),
  CY: ext('holdPatronId', '3M extension; Koha, Evergreen'),
  DA: ext('holdPatronName', '3M extension; Koha, Evergreen'),
  ZY: ext('patronType', '3M extension (jsip2)'),
  // Vendor extensions.
  PA: ext(
    'patronExpirationDate',
    'Evergreen, Envisionware',
    'PAC access type (3M extension, Koha); Polaris sends a flag; FOLIO-DE: proxy for',
  ),
  PB: ext('patronBirthDate', 'Koha, Evergreen, Envisionware', 'proxy patron id in FOLIO-DE requests'),
  PC: ext('patronClass', 'Koha, Evergreen, Envisionware, Polaris'),
  PI: ext('patronInternetProfile', 'Evergreen, Koha'),
  XI: ext('patronInternalId', 'Evergreen'),
  OR: ext('registerLogin', 'Envisionware'),
  RN: ext('checkNumber', 'Envisionware'),
  FU: ext('borrowerType', 'FOLIO'),
  FV: ext('borrowerTypeDescription', 'FOLIO'),
  FA: ext('feeRemainingAmount', 'FOLIO Gossip; Polaris'),
  FB: ext('feeItemBarcode', 'FOLIO Gossip'),
  FC: ext('feeCreationDate', 'FOLIO Gossip (dd.MM.yyyy)'),
  FD: ext('feeItemTitle', 'FOLIO Gossip'),
  FE: ext('feeId', 'FOLIO Gossip'),
  FF: ext('feeTypeName', 'FOLIO Gossip'),
  FG: ext('feePaidAmount', 'FOLIO Gossip'),
  BC: ext('birthDate', 'Polaris (18-character date)'),
  PE: ext('polarisPE', 'Polaris (opaque)'),
  PS: ext('polarisPS', 'Polaris (opaque)'),
  PX: ext('patronExpirationDateTime', 'Polaris (18-character date)'),
  PY: ext('polarisFlag', 'Polaris (Y/N)'),
  PZ: ext('postalCode', 'Polaris'),
  U1: ext('userDefined1', 'Polaris'),
  U2: ext('userDefined2', 'Polaris'),
  U3: ext('userDefined3', 'Polaris'),
  U4: ext('userDefined4', 'Polaris'),
  U5: ext('userDefined5', 'Polaris'),
  PD: ext('birthDateMdy', 'a French ILS (MM/DD/YYYY)'),
  PT: ext('patronGroup', 'Voyager ESIP'),
  MA: ext('bibId', 'Voyager ESIP'),
  MB: ext('isbn', 'Voyager ESIP'),
  MC: ext('lccn', 'Voyager ESIP'),
  KP: ext('vendorLocationP', 'dp2'),
  KQ: ext('vendorLocationQ', 'dp2'),
};

type FieldsOf<C extends Sip2Code> = MessageSpecs[C]['fields'][number];

/**
 * The fields a message's builder knows, by parameter name: list fields as arrays (empty when
 * absent), others as the first value (undefined when absent). Everything else stays in `fields`.
 */
export type Sip2NamedFields<C extends Sip2Code> = {
  readonly [F in FieldsOf<C> as F[0]]: F[2] extends 'list' ? readonly string[] : string | undefined;
};

/** Reads a message's known fields by name: `readFields(m).patronIdentifier`, `.chargedItems`. */
export function readFields<C extends Sip2Code>(message: Sip2MessageOf<C>): Sip2NamedFields<C> {
  const specs = MESSAGE_SPECS[message.code].fields as readonly FieldSpec[];
  const out: Record<string, string | string[] | undefined> = {};
  for (const [name, , kind] of specs) out[name] = kind === 'list' ? [] : undefined;
  for (const [id, value] of message.fields) {
    for (const [name, fid, kind] of specs) {
      if (fid !== id) continue;
      const current = out[name];
      if (kind === 'list') (current as string[]).push(value);
      else if (current === undefined) out[name] = value;
    }
  }
  return out as Sip2NamedFields<C>;
}
