// The message table: fixed-field layouts (name, width, kind, builder default) and the variable
// fields each builder knows (parameter name, two-letter id, kind, presence). Decoding uses only the
// fixed layouts; every variable field is kept by id whether listed here or not.

/** How a fixed field is validated and how a builder turns a parameter into its characters. */
export type FixedKind =
  | 'flag' // Y / N
  | 'triState' // Y / N / U
  | 'ok' // 1 / 0
  | 'date' // 18-character SIP date
  | 'count' // 4 digits, or 4 spaces = not supported
  | 'digits' // n digits
  | 'text' // n characters, any
  | 'patronStatus' // 14 × Y / space
  | 'summary' // 10 × Y / space
  | 'holdMode'; // + - *

/** How a variable field parameter is written by a builder. */
export type FieldKind =
  | 'text'
  | 'list' // repeatable: one field per array element, in order
  | 'flag' // Y / N
  | 'date' // 18-character SIP date
  | 'int' // integer, written as is
  | 'int4' // integer, zero-padded to 4 digits (limits BZ CA CB)
  | 'amount' // decimal amount, written with '.' and no grouping
  | 'supportedMessages'; // BX

/** R: the builder requires it; E: always written (empty by default); O: written only when given. */
export type FieldPresence = 'R' | 'E' | 'O';

/** `now` is the current local time; any other default is the raw fixed-field text. */
export type FixedSpec =
  | readonly [name: string, width: number, kind: FixedKind]
  | readonly [name: string, width: number, kind: FixedKind, defaultValue: string];
export type FieldSpec = readonly [name: string, id: string, kind: FieldKind, presence: FieldPresence];

export interface MessageSpec {
  readonly name: string;
  readonly fixed: readonly FixedSpec[];
  readonly fields: readonly FieldSpec[];
}

const NOW = 'now';
const BLANK_DATE = ' '.repeat(18);
const date = <N extends string>(name: N, dflt: string = NOW) => [name, 18, 'date', dflt] as const;
const screen = [
  ['screenMessage', 'AF', 'list', 'O'],
  ['printLine', 'AG', 'list', 'O'],
] as const;

const patronStatusResponseFixed = [
  ['patronStatus', 14, 'patronStatus', ' '.repeat(14)],
  ['language', 3, 'digits', '000'],
  date('transactionDate'),
] as const;

const checkoutLikeResponse = {
  fixed: [
    ['ok', 1, 'ok'],
    ['renewalOk', 1, 'flag', 'N'],
    ['magneticMedia', 1, 'triState', 'N'],
    ['desensitize', 1, 'triState', 'N'],
    date('transactionDate'),
  ],
  fields: [
    ['institutionId', 'AO', 'text', 'R'],
    ['patronIdentifier', 'AA', 'text', 'R'],
    ['itemIdentifier', 'AB', 'text', 'R'],
    ['titleIdentifier', 'AJ', 'text', 'E'],
    ['dueDate', 'AH', 'date', 'E'],
    ['feeType', 'BT', 'text', 'O'],
    ['securityInhibit', 'CI', 'flag', 'O'],
    ['currencyType', 'BH', 'text', 'O'],
    ['feeAmount', 'BV', 'amount', 'O'],
    ['mediaType', 'CK', 'text', 'O'],
    ['itemProperties', 'CH', 'text', 'O'],
    ['transactionId', 'BK', 'text', 'O'],
    ['validPatron', 'BL', 'flag', 'O'],
    ['validPatronPassword', 'CQ', 'flag', 'O'],
    ...screen,
  ],
} as const;

export const MESSAGE_SPECS = {
  '93': {
    name: 'login',
    fixed: [
      ['uidAlgorithm', 1, 'digits', '0'],
      ['pwdAlgorithm', 1, 'digits', '0'],
    ],
    fields: [
      ['loginUserId', 'CN', 'text', 'R'],
      ['loginPassword', 'CO', 'text', 'R'],
      ['locationCode', 'CP', 'text', 'O'],
    ],
  },
  '94': { name: 'loginResponse', fixed: [['ok', 1, 'ok']], fields: [] },
  '99': {
    name: 'scStatus',
    fixed: [
      ['statusCode', 1, 'digits', '0'],
      ['maxPrintWidth', 3, 'digits', '000'],
      ['protocolVersion', 4, 'text', '2.00'],
    ],
    fields: [],
  },
  '98': {
    name: 'acsStatus',
    fixed: [
      ['onlineStatus', 1, 'flag', 'Y'],
      ['checkinOk', 1, 'flag', 'Y'],
      ['checkoutOk', 1, 'flag', 'Y'],
      ['acsRenewalPolicy', 1, 'flag', 'Y'],
      ['statusUpdateOk', 1, 'flag', 'N'],
      ['offlineOk', 1, 'flag', 'N'],
      ['timeoutPeriod', 3, 'digits', '999'],
      ['retriesAllowed', 3, 'digits', '999'],
      date('dateTimeSync'),
      ['protocolVersion', 4, 'text', '2.00'],
    ],
    fields: [
      ['institutionId', 'AO', 'text', 'R'],
      ['libraryName', 'AM', 'text', 'O'],
      ['supportedMessages', 'BX', 'supportedMessages', 'E'],
      ['terminalLocation', 'AN', 'text', 'O'],
      ...screen,
    ],
  },
  '23': {
    name: 'patronStatusRequest',
    fixed: [['language', 3, 'digits', '000'], date('transactionDate')],
    fields: [
      ['institutionId', 'AO', 'text', 'R'],
      ['patronIdentifier', 'AA', 'text', 'R'],
      ['terminalPassword', 'AC', 'text', 'E'],
      ['patronPassword', 'AD', 'text', 'E'],
    ],
  },
  '24': {
    name: 'patronStatusResponse',
    fixed: patronStatusResponseFixed,
    fields: [
      ['institutionId', 'AO', 'text', 'R'],
      ['patronIdentifier', 'AA', 'text', 'R'],
      ['personalName', 'AE', 'text', 'E'],
      ['validPatron', 'BL', 'flag', 'O'],
      ['validPatronPassword', 'CQ', 'flag', 'O'],
      ['currencyType', 'BH', 'text', 'O'],
      ['feeAmount', 'BV', 'amount', 'O'],
      ['homeAddress', 'BD', 'text', 'O'],
      ['emailAddress', 'BE', 'text', 'O'],
      ['homePhoneNumber', 'BF', 'text', 'O'],
      ...screen,
    ],
  },
  '01': {
    name: 'blockPatron',
    fixed: [['cardRetained', 1, 'flag', 'N'], date('transactionDate')],
    fields: [
      ['institutionId', 'AO', 'text', 'R'],
      ['blockedCardMessage', 'AL', 'text', 'E'],
      ['patronIdentifier', 'AA', 'text', 'R'],
      ['terminalPassword', 'AC', 'text', 'E'],
    ],
  },
  '25': {
    name: 'patronEnable',
    fixed: [date('transactionDate')],
    fields: [
      ['institutionId', 'AO', 'text', 'R'],
      ['patronIdentifier', 'AA', 'text', 'R'],
      ['terminalPassword', 'AC', 'text', 'O'],
      ['patronPassword', 'AD', 'text', 'O'],
    ],
  },
  '26': {
    name: 'patronEnableResponse',
    fixed: patronStatusResponseFixed,
    fields: [
      ['institutionId', 'AO', 'text', 'R'],
      ['patronIdentifier', 'AA', 'text', 'R'],
      ['personalName', 'AE', 'text', 'E'],
      ['validPatron', 'BL', 'flag', 'O'],
      ['validPatronPassword', 'CQ', 'flag', 'O'],
      ...screen,
    ],
  },
  '63': {
    name: 'patronInformation',
    fixed: [
      ['language', 3, 'digits', '000'],
      date('transactionDate'),
      ['summary', 10, 'summary', ' '.repeat(10)],
    ],
    fields: [
      ['institutionId', 'AO', 'text', 'R'],
      ['patronIdentifier', 'AA', 'text', 'R'],
      ['terminalPassword', 'AC', 'text', 'O'],
      ['patronPassword', 'AD', 'text', 'O'],
      ['startItem', 'BP', 'int', 'O'],
      ['endItem', 'BQ', 'int', 'O'],
    ],
  },
  '64': {
    name: 'patronInformationResponse',
    fixed: [
      ...patronStatusResponseFixed,
      ['holdItemsCount', 4, 'count', '0000'],
      ['overdueItemsCount', 4, 'count', '0000'],
      ['chargedItemsCount', 4, 'count', '0000'],
      ['fineItemsCount', 4, 'count', '0000'],
      ['recallItemsCount', 4, 'count', '0000'],
      ['unavailableHoldsCount', 4, 'count', '0000'],
    ],
    fields: [
      ['institutionId', 'AO', 'text', 'R'],
      ['patronIdentifier', 'AA', 'text', 'R'],
      ['personalName', 'AE', 'text', 'E'],
      ['holdItemsLimit', 'BZ', 'int4', 'O'],
      ['overdueItemsLimit', 'CA', 'int4', 'O'],
      ['chargedItemsLimit', 'CB', 'int4', 'O'],
      ['validPatron', 'BL', 'flag', 'O'],
      ['validPatronPassword', 'CQ', 'flag', 'O'],
      ['currencyType', 'BH', 'text', 'O'],
      ['feeAmount', 'BV', 'amount', 'O'],
      ['feeLimit', 'CC', 'amount', 'O'],
      ['holdItems', 'AS', 'list', 'O'],
      ['overdueItems', 'AT', 'list', 'O'],
      ['chargedItems', 'AU', 'list', 'O'],
      ['fineItems', 'AV', 'list', 'O'],
      ['recallItems', 'BU', 'list', 'O'],
      ['unavailableHoldItems', 'CD', 'list', 'O'],
      ['homeAddress', 'BD', 'text', 'O'],
      ['emailAddress', 'BE', 'text', 'O'],
      ['homePhoneNumber', 'BF', 'text', 'O'],
      // Extensions (spec notes §6.2/6.3): Koha, Evergreen, Envisionware, FOLIO.
      ['homeLibrary', 'AQ', 'text', 'O'],
      ['patronBirthDate', 'PB', 'text', 'O'],
      ['patronClass', 'PC', 'text', 'O'],
      ['patronInternetProfile', 'PI', 'text', 'O'],
      ['patronInternalId', 'XI', 'text', 'O'],
      ['borrowerType', 'FU', 'text', 'O'],
      ['borrowerTypeDescription', 'FV', 'text', 'O'],
      ...screen,
    ],
  },
  '11': {
    name: 'checkout',
    fixed: [
      ['scRenewalPolicy', 1, 'flag', 'N'],
      ['noBlock', 1, 'flag', 'N'],
      date('transactionDate'),
      date('nbDueDate', BLANK_DATE),
    ],
    fields: [
      ['institutionId', 'AO', 'text', 'R'],
      ['patronIdentifier', 'AA', 'text', 'R'],
      ['itemIdentifier', 'AB', 'text', 'R'],
      ['terminalPassword', 'AC', 'text', 'E'],
      ['itemProperties', 'CH', 'text', 'O'],
      ['patronPassword', 'AD', 'text', 'O'],
      ['feeAcknowledged', 'BO', 'flag', 'O'],
      ['cancel', 'BI', 'flag', 'O'],
    ],
  },
  '12': { name: 'checkoutResponse', ...checkoutLikeResponse },
  '09': {
    name: 'checkin',
    fixed: [['noBlock', 1, 'flag', 'N'], date('transactionDate'), date('returnDate')],
    fields: [
      ['currentLocation', 'AP', 'text', 'E'],
      ['institutionId', 'AO', 'text', 'R'],
      ['itemIdentifier', 'AB', 'text', 'R'],
      ['terminalPassword', 'AC', 'text', 'E'],
      ['itemProperties', 'CH', 'text', 'O'],
      ['cancel', 'BI', 'flag', 'O'],
    ],
  },
  '10': {
    name: 'checkinResponse',
    fixed: [
      ['ok', 1, 'ok'],
      ['resensitize', 1, 'flag', 'Y'],
      ['magneticMedia', 1, 'triState', 'N'],
      ['alert', 1, 'flag', 'N'],
      date('transactionDate'),
    ],
    fields: [
      ['institutionId', 'AO', 'text', 'R'],
      ['itemIdentifier', 'AB', 'text', 'R'],
      ['permanentLocation', 'AQ', 'text', 'E'],
      ['titleIdentifier', 'AJ', 'text', 'O'],
      ['sortBin', 'CL', 'text', 'O'],
      ['patronIdentifier', 'AA', 'text', 'O'],
      ['mediaType', 'CK', 'text', 'O'],
      ['itemProperties', 'CH', 'text', 'O'],
      // 3M extensions for sorters / AMH (Koha, Evergreen, FOLIO).
      ['alertType', 'CV', 'text', 'O'],
      ['destinationLocation', 'CT', 'text', 'O'],
      ['holdPatronId', 'CY', 'text', 'O'],
      ['holdPatronName', 'DA', 'text', 'O'],
      ['callNumber', 'CS', 'text', 'O'],
      ['collectionCode', 'CR', 'text', 'O'],
      ...screen,
    ],
  },
  '29': {
    name: 'renew',
    fixed: [
      ['thirdPartyAllowed', 1, 'flag', 'N'],
      ['noBlock', 1, 'flag', 'N'],
      date('transactionDate'),
      date('nbDueDate', BLANK_DATE),
    ],
    fields: [
      ['institutionId', 'AO', 'text', 'R'],
      ['patronIdentifier', 'AA', 'text', 'R'],
      ['patronPassword', 'AD', 'text', 'O'],
      ['itemIdentifier', 'AB', 'text', 'O'],
      ['titleIdentifier', 'AJ', 'text', 'O'],
      ['terminalPassword', 'AC', 'text', 'O'],
      ['itemProperties', 'CH', 'text', 'O'],
      ['feeAcknowledged', 'BO', 'flag', 'O'],
    ],
  },
  '30': { name: 'renewResponse', ...checkoutLikeResponse },
  '65': {
    name: 'renewAll',
    fixed: [date('transactionDate')],
    fields: [
      ['institutionId', 'AO', 'text', 'R'],
      ['patronIdentifier', 'AA', 'text', 'R'],
      ['patronPassword', 'AD', 'text', 'O'],
      ['terminalPassword', 'AC', 'text', 'O'],
      ['feeAcknowledged', 'BO', 'flag', 'O'],
    ],
  },
  '66': {
    name: 'renewAllResponse',
    fixed: [
      ['ok', 1, 'ok'],
      ['renewedCount', 4, 'count', '0000'],
      ['unrenewedCount', 4, 'count', '0000'],
      date('transactionDate'),
    ],
    fields: [
      ['institutionId', 'AO', 'text', 'R'],
      ['renewedItems', 'BM', 'list', 'O'],
      ['unrenewedItems', 'BN', 'list', 'O'],
      ...screen,
    ],
  },
  '17': {
    name: 'itemInformation',
    fixed: [date('transactionDate')],
    fields: [
      ['institutionId', 'AO', 'text', 'R'],
      ['itemIdentifier', 'AB', 'text', 'R'],
      ['terminalPassword', 'AC', 'text', 'O'],
    ],
  },
  '18': {
    name: 'itemInformationResponse',
    fixed: [
      ['circulationStatus', 2, 'digits', '01'],
      ['securityMarker', 2, 'digits', '01'],
      ['feeType', 2, 'digits', '01'],
      date('transactionDate'),
    ],
    fields: [
      ['holdQueueLength', 'CF', 'int', 'O'],
      ['dueDate', 'AH', 'date', 'O'],
      ['recallDate', 'CJ', 'date', 'O'],
      ['holdPickupDate', 'CM', 'date', 'O'],
      ['itemIdentifier', 'AB', 'text', 'R'],
      ['titleIdentifier', 'AJ', 'text', 'E'],
      ['owner', 'BG', 'text', 'O'],
      ['currencyType', 'BH', 'text', 'O'],
      ['feeAmount', 'BV', 'amount', 'O'],
      ['mediaType', 'CK', 'text', 'O'],
      ['permanentLocation', 'AQ', 'text', 'O'],
      ['currentLocation', 'AP', 'text', 'O'],
      ['itemProperties', 'CH', 'text', 'O'],
      ['destinationLocation', 'CT', 'text', 'O'],
      ['holdPatronId', 'CY', 'text', 'O'],
      ['holdPatronName', 'DA', 'text', 'O'],
      ['callNumber', 'CS', 'text', 'O'],
      ['collectionCode', 'CR', 'text', 'O'],
      ...screen,
    ],
  },
  '19': {
    name: 'itemStatusUpdate',
    fixed: [date('transactionDate')],
    fields: [
      ['institutionId', 'AO', 'text', 'R'],
      ['itemIdentifier', 'AB', 'text', 'R'],
      ['terminalPassword', 'AC', 'text', 'O'],
      ['itemProperties', 'CH', 'text', 'E'],
    ],
  },
  '20': {
    name: 'itemStatusUpdateResponse',
    fixed: [['itemPropertiesOk', 1, 'ok'], date('transactionDate')],
    fields: [
      ['itemIdentifier', 'AB', 'text', 'R'],
      ['titleIdentifier', 'AJ', 'text', 'O'],
      ['itemProperties', 'CH', 'text', 'O'],
      ...screen,
    ],
  },
  '15': {
    name: 'hold',
    fixed: [['holdMode', 1, 'holdMode'], date('transactionDate')],
    fields: [
      ['expirationDate', 'BW', 'date', 'O'],
      ['pickupLocation', 'BS', 'text', 'O'],
      ['holdType', 'BY', 'text', 'O'],
      ['institutionId', 'AO', 'text', 'R'],
      ['patronIdentifier', 'AA', 'text', 'R'],
      ['patronPassword', 'AD', 'text', 'O'],
      ['itemIdentifier', 'AB', 'text', 'O'],
      ['titleIdentifier', 'AJ', 'text', 'O'],
      ['terminalPassword', 'AC', 'text', 'O'],
      ['feeAcknowledged', 'BO', 'flag', 'O'],
    ],
  },
  '16': {
    name: 'holdResponse',
    fixed: [['ok', 1, 'ok'], ['available', 1, 'flag', 'N'], date('transactionDate')],
    fields: [
      ['expirationDate', 'BW', 'date', 'O'],
      ['queuePosition', 'BR', 'int', 'O'],
      ['pickupLocation', 'BS', 'text', 'O'],
      ['institutionId', 'AO', 'text', 'R'],
      ['patronIdentifier', 'AA', 'text', 'R'],
      ['itemIdentifier', 'AB', 'text', 'O'],
      ['titleIdentifier', 'AJ', 'text', 'O'],
      ...screen,
    ],
  },
  '37': {
    name: 'feePaid',
    fixed: [
      date('transactionDate'),
      ['feeType', 2, 'digits', '01'],
      ['paymentType', 2, 'digits', '00'],
      ['currencyType', 3, 'text'],
    ],
    fields: [
      ['feeAmount', 'BV', 'amount', 'R'],
      ['institutionId', 'AO', 'text', 'R'],
      ['patronIdentifier', 'AA', 'text', 'R'],
      ['terminalPassword', 'AC', 'text', 'O'],
      ['patronPassword', 'AD', 'text', 'O'],
      ['feeIdentifier', 'CG', 'text', 'O'],
      ['transactionId', 'BK', 'text', 'O'],
    ],
  },
  '38': {
    name: 'feePaidResponse',
    fixed: [['paymentAccepted', 1, 'flag'], date('transactionDate')],
    fields: [
      ['institutionId', 'AO', 'text', 'R'],
      ['patronIdentifier', 'AA', 'text', 'R'],
      ['transactionId', 'BK', 'text', 'O'],
      ...screen,
    ],
  },
  '35': {
    name: 'endPatronSession',
    fixed: [date('transactionDate')],
    fields: [
      ['institutionId', 'AO', 'text', 'R'],
      ['patronIdentifier', 'AA', 'text', 'R'],
      ['terminalPassword', 'AC', 'text', 'O'],
      ['patronPassword', 'AD', 'text', 'O'],
    ],
  },
  '36': {
    name: 'endSessionResponse',
    fixed: [['endSession', 1, 'flag', 'Y'], date('transactionDate')],
    fields: [['institutionId', 'AO', 'text', 'R'], ['patronIdentifier', 'AA', 'text', 'R'], ...screen],
  },
  '97': { name: 'requestAcsResend', fixed: [], fields: [] },
  '96': { name: 'requestScResend', fixed: [], fields: [] },
} as const satisfies Record<string, MessageSpec>;

export type MessageSpecs = typeof MESSAGE_SPECS;
/** Every message code this codec knows. */
export type Sip2Code = keyof MessageSpecs;
/** camelCase message names, e.g. `checkout` for 11. */
export type Sip2MessageName = MessageSpecs[Sip2Code]['name'];

export const SIP2_CODES = Object.keys(MESSAGE_SPECS) as Sip2Code[];

/** Total width of the fixed part after the code, per message. */
export const FIXED_WIDTH: Readonly<Record<Sip2Code, number>> = Object.fromEntries(
  SIP2_CODES.map((code) => [code, MESSAGE_SPECS[code].fixed.reduce((n, f: FixedSpec) => n + f[1], 0)]),
) as Record<Sip2Code, number>;

const CODE_BY_NAME = new Map<string, Sip2Code>(SIP2_CODES.map((c) => [MESSAGE_SPECS[c].name, c]));

export function isSip2Code(code: string): code is Sip2Code {
  return Object.hasOwn(MESSAGE_SPECS, code);
}

/** The code of a message name (`checkout` → `11`), or undefined. */
export function codeOfName(name: string): Sip2Code | undefined {
  return CODE_BY_NAME.get(name);
}

export function messageName<C extends Sip2Code>(code: C): MessageSpecs[C]['name'] {
  return MESSAGE_SPECS[code].name;
}
