// The ILS back end the ACS server calls: one async method per SIP2 transaction, mirroring the
// portability layer of the Perl SIP servers (Koha/Evergreen `ILS.pm`). The server decodes and
// encodes; the ILS decides. Methods other than findPatron/findItem/checkout/checkin are optional:
// the server answers a request whose method is missing with a refusal and reports it as
// unsupported in the 98's BX field.
import type { Sip2PatronStatus } from '../codec/values.js';

/** Who is asking: the logged-in account's institution, login and location. */
export interface IlsContext {
  readonly institutionId: string;
  readonly loginId: string;
  readonly locationCode: string | undefined;
  /** The transaction date the SC sent (its clock), when the message has one. */
  readonly transactionDate?: Date | undefined;
}

/** What every transaction result may carry to the terminal. */
export interface IlsMessages {
  /** AF lines shown on the terminal's screen. */
  readonly screenMessage?: readonly string[];
  /** AG lines printed on the receipt. */
  readonly printLine?: readonly string[];
}

/** SIP2 circulation status (18's first fixed field), two digits. */
export type CirculationStatus =
  | '01' // other
  | '02' // on order
  | '03' // available
  | '04' // charged
  | '05' // charged; not to be recalled until earliest recall date
  | '06' // in process
  | '07' // recalled
  | '08' // waiting on hold shelf
  | '09' // waiting to be re-shelved
  | '10' // in transit between library locations
  | '11' // claimed returned
  | '12' // lost
  | '13'; // missing

export interface IlsFee {
  readonly id: string;
  readonly amount: number;
  /** SIP2 fee type, two digits (01 other/unknown, 04 overdue, 05 replacement ...). */
  readonly type: string;
  readonly description?: string;
  readonly itemId?: string;
}

export interface IlsPatron {
  readonly id: string;
  readonly name: string;
  /** false when the id is known but the patron may not use the terminal (expired, deleted ...). */
  readonly valid: boolean;
  readonly status: Partial<Sip2PatronStatus>;
  /** Three digits (000 unknown, 001 English ...). */
  readonly language?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly address?: string;
  readonly homeLibrary?: string;
  readonly birthDate?: string;
  readonly patronClass?: string;
  readonly currency?: string;
  /** Outstanding fees (positive amount owed). */
  readonly feeAmount?: number;
  readonly feeLimit?: number;
  readonly holdItemsLimit?: number;
  readonly overdueItemsLimit?: number;
  readonly chargedItemsLimit?: number;
  readonly holdItems: readonly string[];
  readonly overdueItems: readonly string[];
  readonly chargedItems: readonly string[];
  readonly fineItems: readonly string[];
  readonly recallItems: readonly string[];
  readonly unavailableHoldItems: readonly string[];
  readonly screenMessage?: readonly string[];
}

export interface IlsItem {
  readonly id: string;
  readonly title: string;
  readonly circulationStatus: CirculationStatus;
  /** 00 other, 01 none, 02 3M Tattle-Tape, 03 3M Whisper Tape. */
  readonly securityMarker?: string;
  readonly feeType?: string;
  readonly feeAmount?: number;
  readonly currency?: string;
  readonly mediaType?: string;
  readonly magneticMedia?: boolean;
  readonly owner?: string;
  readonly permanentLocation?: string;
  readonly currentLocation?: string;
  readonly callNumber?: string;
  readonly collectionCode?: string;
  readonly properties?: string;
  readonly dueDate?: Date;
  readonly recallDate?: Date;
  readonly holdPickupDate?: Date;
  readonly holdQueueLength?: number;
  /** The patron who has it on loan. */
  readonly borrowerId?: string;
  readonly destinationLocation?: string;
  readonly holdPatronId?: string;
  readonly holdPatronName?: string;
}

export interface CheckoutRequest {
  readonly patronId: string;
  readonly itemId: string;
  readonly patronPassword?: string | undefined;
  /** The SC allows renewal by checkout (scRenewalPolicy). */
  readonly scRenewal: boolean;
  /** The SC already did this offline; the ILS must record it (with nbDueDate). */
  readonly noBlock: boolean;
  readonly nbDueDate?: Date | undefined;
  readonly feeAcknowledged: boolean;
  readonly cancel: boolean;
  readonly itemProperties?: string | undefined;
}

export interface CheckoutResult extends IlsMessages {
  readonly ok: boolean;
  /** It was already out to this patron: a renewal. */
  readonly renewal?: boolean;
  readonly desensitize?: boolean | 'unknown';
  readonly magneticMedia?: boolean | 'unknown';
  readonly securityInhibit?: boolean;
  readonly dueDate?: Date;
  readonly feeAmount?: number;
  readonly currency?: string;
  readonly feeType?: string;
  readonly transactionId?: string;
  readonly title?: string;
  readonly mediaType?: string;
  readonly itemProperties?: string;
}

export interface CheckinRequest {
  readonly itemId: string;
  readonly returnDate: Date;
  readonly currentLocation: string;
  readonly itemProperties?: string | undefined;
  readonly cancel: boolean;
  readonly noBlock: boolean;
}

export interface CheckinResult extends IlsMessages {
  readonly ok: boolean;
  readonly resensitize?: boolean;
  readonly magneticMedia?: boolean | 'unknown';
  readonly alert?: boolean;
  /** 3M alert type: 00 unknown, 01 hold at this library, 02 hold at other library, 03 hold for this library? (see spec) 04 send to other library, 99 other. */
  readonly alertType?: string;
  readonly sortBin?: string;
  readonly title?: string;
  readonly permanentLocation?: string;
  readonly patronId?: string;
  readonly mediaType?: string;
  readonly destinationLocation?: string;
  readonly holdPatronId?: string;
  readonly holdPatronName?: string;
  readonly callNumber?: string;
  readonly collectionCode?: string;
}

export interface RenewRequest {
  readonly patronId: string;
  readonly patronPassword?: string | undefined;
  readonly itemId?: string | undefined;
  readonly titleId?: string | undefined;
  readonly thirdPartyAllowed: boolean;
  readonly noBlock: boolean;
  readonly nbDueDate?: Date | undefined;
  readonly feeAcknowledged: boolean;
  readonly itemProperties?: string | undefined;
}

export type RenewResult = CheckoutResult;

export interface RenewAllRequest {
  readonly patronId: string;
  readonly patronPassword?: string | undefined;
  readonly feeAcknowledged: boolean;
}

export interface RenewAllResult extends IlsMessages {
  readonly ok: boolean;
  readonly renewed: readonly string[];
  readonly unrenewed: readonly string[];
}

export type HoldMode = 'add' | 'delete' | 'change';

export interface HoldRequest {
  readonly mode: HoldMode;
  readonly patronId: string;
  readonly patronPassword?: string | undefined;
  readonly itemId?: string | undefined;
  readonly titleId?: string | undefined;
  readonly expirationDate?: Date | undefined;
  readonly pickupLocation?: string | undefined;
  /** 1 other, 2 any copy of a title, 3 a specific copy, 4 any copy at a single branch. */
  readonly holdType?: string | undefined;
  readonly feeAcknowledged: boolean;
}

export interface HoldResult extends IlsMessages {
  readonly ok: boolean;
  readonly available?: boolean;
  readonly expirationDate?: Date;
  readonly queuePosition?: number;
  readonly pickupLocation?: string;
  readonly itemId?: string;
  readonly titleId?: string;
}

export interface FeePaidRequest {
  readonly patronId: string;
  readonly patronPassword?: string | undefined;
  readonly amount: number;
  readonly currency: string;
  readonly feeType: string;
  /** 00 cash, 01 VISA, 02 credit card. */
  readonly paymentType: string;
  readonly feeId?: string | undefined;
  readonly transactionId?: string | undefined;
}

export interface FeePaidResult extends IlsMessages {
  readonly ok: boolean;
  readonly transactionId?: string;
}

export interface EndSessionResult extends IlsMessages {
  readonly ok: boolean;
}

export interface BlockPatronRequest {
  readonly patronId: string;
  readonly cardRetained: boolean;
  readonly message: string;
}

export interface ItemStatusUpdateResult extends IlsMessages {
  readonly ok: boolean;
}

/** The back end. All methods are async so an ILS can be a REST client, a database or memory. */
export interface SipIls {
  findPatron(ctx: IlsContext, patronId: string): Promise<IlsPatron | undefined>;
  /** true when the password is right (or the ILS does not use patron passwords). */
  checkPatronPassword?(ctx: IlsContext, patronId: string, password: string): Promise<boolean>;
  findItem(ctx: IlsContext, itemId: string): Promise<IlsItem | undefined>;
  checkout(ctx: IlsContext, request: CheckoutRequest): Promise<CheckoutResult>;
  checkin(ctx: IlsContext, request: CheckinRequest): Promise<CheckinResult>;
  endPatronSession?(ctx: IlsContext, patronId: string): Promise<EndSessionResult>;
  payFee?(ctx: IlsContext, request: FeePaidRequest): Promise<FeePaidResult>;
  hold?(ctx: IlsContext, request: HoldRequest): Promise<HoldResult>;
  renew?(ctx: IlsContext, request: RenewRequest): Promise<RenewResult>;
  renewAll?(ctx: IlsContext, request: RenewAllRequest): Promise<RenewAllResult>;
  blockPatron?(ctx: IlsContext, request: BlockPatronRequest): Promise<void>;
  enablePatron?(ctx: IlsContext, patronId: string): Promise<IlsMessages>;
  itemStatusUpdate?(ctx: IlsContext, itemId: string, itemProperties: string): Promise<ItemStatusUpdateResult>;
}
