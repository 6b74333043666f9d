// Thin, typed helpers per resource over `client.call`: they name the common calls and turn
// `embed` / `filter` options into Koha's headers and `q`.
import type { CallOptions, KohaClient, OperationRequest, PageOptions } from './client.js';
import { KohaError } from './errors.js';
import type {
  Checkin,
  Checkout,
  CheckoutAvailability,
  ExtendedAttributeType,
  Hold,
  Item,
  KohaOperationId,
  Library,
  Patron,
  Vendor,
  VendorIssue,
  VendorsConfig,
} from './generated/koha-api.js';
import {
  type FindVendorOptions,
  findVendorByName,
  type SyncVendorOptions,
  type SyncVendorResult,
  syncVendor,
} from './vendor-sync.js';

type Part<Id extends KohaOperationId, K extends string> = K extends keyof OperationRequest<Id>
  ? NonNullable<OperationRequest<Id>[K]>
  : never;
/** Query parameters of an operation. */
export type QueryOf<Id extends KohaOperationId> = Part<Id, 'query'>;
/** Body of an operation. */
export type BodyOf<Id extends KohaOperationId> = Part<Id, 'body'>;
/** Allowed `x-koha-embed` values of an operation. */
export type EmbedOf<Id extends KohaOperationId> =
  Part<Id, 'headers'> extends { 'x-koha-embed'?: infer E } ? NonNullable<E> : never;

export type WithEmbed<Id extends KohaOperationId, O = CallOptions> = O & { embed?: EmbedOf<Id> };

/** `x-koha-embed` (and other header parameters) only when given. */
type Defined<H> = { [K in keyof H]?: Exclude<H[K], undefined> };
function headers<H extends Record<string, unknown>>(values: H): { headers?: Defined<H> } {
  const present = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Defined<H>;
  return Object.keys(present).length > 0 ? { headers: present } : {};
}

function embedded<E>(embed: E | undefined): { headers?: { 'x-koha-embed': E } } {
  return embed !== undefined ? { headers: { 'x-koha-embed': embed } } : {};
}

/** A list request: the query (when given) and the embed header (when given). */
function list<Q, E>(query: Q | undefined, embed?: E): { query?: Q; headers?: { 'x-koha-embed': E } } {
  return { ...(query !== undefined ? { query } : {}), ...embedded(embed) };
}

export function vendorsApi(client: KohaClient) {
  return {
    /** `GET /acquisitions/vendors` (one page; see `all`). */
    list(query?: QueryOf<'listVendors'>, options: WithEmbed<'listVendors'> = {}): Promise<Vendor[]> {
      return client.call('listVendors', list(query, options.embed), options);
    },
    /** Every vendor matching `query`, across all pages. */
    all(
      query?: QueryOf<'listVendors'>,
      options: WithEmbed<'listVendors', PageOptions> = {},
    ): AsyncGenerator<Vendor> {
      return client.all('listVendors', list(query, options.embed), options);
    },
    get(vendorId: number, options: WithEmbed<'getVendor'> = {}): Promise<Vendor> {
      return client.call('getVendor', { path: { vendor_id: vendorId }, ...embedded(options.embed) }, options);
    },
    create(vendor: BodyOf<'addVendor'>, options: CallOptions = {}): Promise<Vendor> {
      return client.call('addVendor', { body: vendor }, options);
    },
    /** PUT replaces the vendor: send every field you want to keep. */
    update(vendorId: number, vendor: BodyOf<'updateVendor'>, options: CallOptions = {}): Promise<Vendor> {
      return client.call('updateVendor', { path: { vendor_id: vendorId }, body: vendor }, options);
    },
    async delete(vendorId: number, options: CallOptions = {}): Promise<void> {
      await client.call('deleteVendor', { path: { vendor_id: vendorId } }, options);
    },
    issues(
      vendorId: number,
      query?: QueryOf<'listVendorIssues'>,
      options: WithEmbed<'listVendorIssues'> = {},
    ): Promise<VendorIssue[]> {
      return client.call(
        'listVendorIssues',
        { path: { vendor_id: vendorId }, ...list(query, options.embed) },
        options,
      );
    },
    /** The vendor named `name` (trimmed, case-insensitive), searching every page. */
    findByName(name: string, options?: FindVendorOptions): Promise<Vendor | undefined> {
      return findVendorByName(client, name, options);
    },
    /** Find by name, create when absent, read back by id. */
    sync(name: string, options?: SyncVendorOptions): Promise<SyncVendorResult> {
      return syncVendor(client, name, options);
    },
    config(options: CallOptions = {}): Promise<VendorsConfig> {
      return client.call('getVendorsconfig', {}, options);
    },
    extendedAttributeTypes(
      query?: QueryOf<'listAcquisitionVendorsAdditionalFields'>,
      options: CallOptions = {},
    ): Promise<ExtendedAttributeType[]> {
      return client.call('listAcquisitionVendorsAdditionalFields', list(query), options);
    },
  };
}

export function patronsApi(client: KohaClient) {
  return {
    list(query?: QueryOf<'listPatrons'>, options: WithEmbed<'listPatrons'> = {}): Promise<Patron[]> {
      return client.call('listPatrons', list(query, options.embed), options);
    },
    all(
      query?: QueryOf<'listPatrons'>,
      options: WithEmbed<'listPatrons', PageOptions> = {},
    ): AsyncGenerator<Patron> {
      return client.all('listPatrons', list(query, options.embed), options);
    },
    get(patronId: number, options: WithEmbed<'getPatron'> = {}): Promise<Patron> {
      return client.call('getPatron', { path: { patron_id: patronId }, ...embedded(options.embed) }, options);
    },
    create(
      patron: BodyOf<'addPatron'>,
      options: CallOptions & {
        confirmNotDuplicate?: boolean;
        overrides?: Part<'addPatron', 'headers'>['x-koha-override'];
      } = {},
    ): Promise<Patron> {
      const extra = {
        'x-confirm-not-duplicate': options.confirmNotDuplicate ? 1 : undefined,
        'x-koha-override': options.overrides,
      };
      // The spec's 201 schema is `{items: patron}` without a type (so: unknown); Koha sends the patron.
      return client.call('addPatron', { body: patron, ...headers(extra) }, options) as Promise<Patron>;
    },
    /**
     * `POST /auth/password/validation`: is `password` right for the patron? `identifier` is matched
     * as Koha does (userid first, then card number; `by: 'userid'` matches the userid only). Koha's
     * 400 ("Validation failed", or a password-policy message) is `{ valid: false }`; other failures
     * throw. The password is sent only in the request body and never appears in errors or logs.
     */
    async validatePassword(
      identifier: string,
      password: string,
      options: CallOptions & { by?: 'identifier' | 'userid' } = {},
    ): Promise<PasswordValidation> {
      if (typeof identifier !== 'string' || identifier === '') {
        throw new KohaError('INVALID_ARGUMENT', 'validatePassword needs a non-empty identifier', {
          field: 'identifier',
        });
      }
      if (typeof password !== 'string') {
        throw new KohaError('INVALID_ARGUMENT', 'validatePassword needs a password string', {
          field: 'password',
        });
      }
      const who = options.by === 'userid' ? { userid: identifier } : { identifier };
      try {
        const ok = await client.call('validateUserAndPassword', { body: { ...who, password } }, options);
        if (typeof ok !== 'object' || ok === null || typeof ok.patron_id !== 'number') {
          throw new KohaError('INVALID_RESPONSE', 'password validation answered without patron_id', {
            status: 201,
          });
        }
        return {
          valid: true,
          patronId: ok.patron_id,
          ...(ok.cardnumber !== undefined ? { cardnumber: ok.cardnumber } : {}),
          ...(ok.userid !== undefined ? { userid: ok.userid } : {}),
        };
      } catch (error) {
        if (KohaError.is(error) && error.code === 'HTTP_STATUS' && error.status === 400) {
          return { valid: false, reason: error.kohaError ?? 'Validation failed' };
        }
        throw error;
      }
    },
  };
}

/** The answer of `patrons.validatePassword`. */
export type PasswordValidation =
  | { valid: true; patronId: number; cardnumber?: string; userid?: string }
  | { valid: false; reason: string };

export function holdsApi(client: KohaClient) {
  return {
    list(query?: QueryOf<'listHolds'>, options: WithEmbed<'listHolds'> = {}): Promise<Hold[]> {
      return client.call('listHolds', list(query, options.embed), options);
    },
    all(
      query?: QueryOf<'listHolds'>,
      options: WithEmbed<'listHolds', PageOptions> = {},
    ): AsyncGenerator<Hold> {
      return client.all('listHolds', list(query, options.embed), options);
    },
    create(
      hold: BodyOf<'addHold'>,
      options: CallOptions & { overrides?: Part<'addHold', 'headers'>['x-koha-override'] } = {},
    ): Promise<Hold> {
      return client.call(
        'addHold',
        { body: hold, ...headers({ 'x-koha-override': options.overrides }) },
        options,
      );
    },
    /** PATCH: change only the given fields. */
    edit(holdId: number, changes: BodyOf<'editHold'>, options: CallOptions = {}): Promise<Hold> {
      return client.call('editHold', { path: { hold_id: holdId }, body: changes }, options);
    },
    /** PUT (deprecated by Koha in favour of `edit`). */
    overwrite(holdId: number, hold: BodyOf<'overwriteHold'>, options: CallOptions = {}): Promise<Hold> {
      return client.call('overwriteHold', { path: { hold_id: holdId }, body: hold }, options);
    },
    /**
     * `DELETE /holds/{hold_id}`: `'cancelled'` (204), or `'requested'` (202) when Koha only recorded
     * a cancellation request (`cancellationRequest: true` on a waiting hold). Unknown hold: HTTP_STATUS 404.
     */
    async cancel(
      holdId: number,
      options: CallOptions & { cancellationRequest?: boolean } = {},
    ): Promise<HoldCancellation> {
      const flow = options.cancellationRequest ? ['cancellation-request-flow' as const] : undefined;
      const res = await client.callWithResponse(
        'deleteHold',
        { path: { hold_id: holdId }, ...headers({ 'x-koha-override': flow }) },
        options,
      );
      return res.status === 202 ? 'requested' : 'cancelled';
    },
  };
}

/** What `holds.cancel` achieved. */
export type HoldCancellation = 'cancelled' | 'requested';

export function checkoutsApi(client: KohaClient) {
  return {
    list(query?: QueryOf<'listCheckouts'>, options: WithEmbed<'listCheckouts'> = {}): Promise<Checkout[]> {
      return client.call('listCheckouts', list(query, options.embed), options);
    },
    all(
      query?: QueryOf<'listCheckouts'>,
      options: WithEmbed<'listCheckouts', PageOptions> = {},
    ): AsyncGenerator<Checkout> {
      return client.all('listCheckouts', list(query, options.embed), options);
    },
    get(checkoutId: number, options: WithEmbed<'getCheckout'> = {}): Promise<Checkout> {
      return client.call(
        'getCheckout',
        { path: { checkout_id: checkoutId }, ...embedded(options.embed) },
        options,
      );
    },
    /** `confirmation` is the JWT Koha hands back with a 412 when the checkout needs confirming. */
    create(
      checkout: BodyOf<'addCheckout'>,
      options: CallOptions & { confirmation?: string } = {},
    ): Promise<Checkout> {
      const query =
        options.confirmation !== undefined ? { query: { confirmation: options.confirmation } } : {};
      return client.call('addCheckout', { body: checkout, ...query }, options);
    },
    /**
     * `POST /checkouts/{checkout_id}/renewal` (Koha's `renewCheckout`; `/renewals` is the same
     * controller under its newer name). Resolves to the renewed checkout (new `due_date`). A refusal
     * is HTTP_STATUS 403 whose `kohaError` is `Renewal not authorized (<reason>)`: read the reason
     * with `renewalRefusalReason`. `seen: false` records an unseen renewal.
     */
    renew(checkoutId: number, options: CallOptions & { seen?: boolean } = {}): Promise<Checkout> {
      const query = options.seen !== undefined ? { query: { seen: options.seen ? 1 : 0 } } : {};
      return client.call('renewCheckout', { path: { checkout_id: checkoutId }, ...query }, options);
    },
    availability(patronId: number, itemId: number, options: CallOptions = {}): Promise<CheckoutAvailability> {
      return client.call(
        'availabilityCheckouts',
        { query: { patron_id: patronId, item_id: itemId } },
        options,
      );
    },
    ofBiblio(
      biblioId: number,
      query?: QueryOf<'listBiblioCheckouts'>,
      options: WithEmbed<'listBiblioCheckouts'> = {},
    ): Promise<Checkout[]> {
      return client.call(
        'listBiblioCheckouts',
        { path: { biblio_id: biblioId }, ...list(query, options.embed) },
        options,
      );
    },
  };
}

/** What to check in: the item by barcode (`external_id`) or by internal id, and where. */
export interface CheckinRequest {
  barcode?: string;
  itemId?: number;
  /** Library where the return takes place (Koha defaults to the API user's library). */
  libraryId?: string;
  /** Backdate the return (Koha's `return_date`). */
  returnDate?: Date | string;
  /** Forgive the overdue fine (needs `updatecharges: writeoff`). */
  exemptFine?: boolean;
  /** Book drop mode: the return date becomes the last open day. */
  dropboxMode?: boolean;
}

/**
 * `POST /checkins` — Koha bug 24401's route. It is not in a Koha release as far as we could verify
 * (see spec/koha-api-v1.additions.json); a Koha without it answers 404 with no `error` field, which
 * `isMissingRoute` recognises.
 */
export function checkinsApi(client: KohaClient) {
  return {
    /**
     * Check an item in. 403 `checkin_blocked` (see the error body's `blockers`), 412
     * `confirmation_required` (pass the token back as `confirmation`), 404 unknown item.
     */
    async create(
      request: CheckinRequest,
      options: WithEmbed<'addCheckin'> & { confirmation?: string } = {},
    ): Promise<Checkin> {
      if ((request.barcode === undefined) === (request.itemId === undefined)) {
        throw new KohaError('INVALID_ARGUMENT', 'give exactly one of barcode and itemId', {
          field: request.barcode === undefined ? 'barcode' : 'itemId',
        });
      }
      const returnDate =
        request.returnDate instanceof Date ? request.returnDate.toISOString() : request.returnDate;
      const body = {
        ...(request.barcode !== undefined ? { external_id: request.barcode } : {}),
        ...(request.itemId !== undefined ? { item_id: request.itemId } : {}),
        ...(request.libraryId !== undefined ? { library_id: request.libraryId } : {}),
        ...(returnDate !== undefined ? { return_date: returnDate } : {}),
        ...(request.exemptFine !== undefined ? { exempt_fine: request.exemptFine } : {}),
        ...(request.dropboxMode !== undefined ? { dropbox_mode: request.dropboxMode } : {}),
      };
      const query =
        options.confirmation !== undefined ? { query: { confirmation: options.confirmation } } : {};
      return client.call('addCheckin', { body, ...query, ...embedded(options.embed) }, options);
    },
  };
}

/** The reason code in Koha's renewal refusal (`Renewal not authorized (too_many)` → `too_many`). */
export function renewalRefusalReason(error: unknown): string | undefined {
  if (!KohaError.is(error) || error.status !== 403) return undefined;
  return /^Renewal not authorized \(([^)]*)\)/.exec(error.kohaError ?? '')?.[1];
}

/**
 * True when Koha answered 404 because the route does not exist (Mojolicious's `{"errors": […]}`
 * body), as opposed to a resource it could not find (`{"error": "… not found"}`).
 */
export function isMissingRoute(error: unknown): boolean {
  if (!KohaError.is(error) || error.code !== 'HTTP_STATUS' || error.status !== 404) return false;
  const body = error.body;
  return !(
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { error?: unknown }).error === 'string'
  );
}

export function itemsApi(client: KohaClient) {
  return {
    list(query?: QueryOf<'listItems'>, options: WithEmbed<'listItems'> = {}): Promise<Item[]> {
      return client.call('listItems', list(query, options.embed), options);
    },
    all(
      query?: QueryOf<'listItems'>,
      options: WithEmbed<'listItems', PageOptions> = {},
    ): AsyncGenerator<Item> {
      return client.all('listItems', list(query, options.embed), options);
    },
    get(itemId: number, options: WithEmbed<'getItem'> = {}): Promise<Item> {
      return client.call('getItem', { path: { item_id: itemId }, ...embedded(options.embed) }, options);
    },
    ofBiblio(
      biblioId: number,
      query?: QueryOf<'getBiblioItems'>,
      options: WithEmbed<'getBiblioItems'> = {},
    ): Promise<Item[]> {
      return client.call(
        'getBiblioItems',
        { path: { biblio_id: biblioId }, ...list(query, options.embed) },
        options,
      );
    },
  };
}

export function librariesApi(client: KohaClient) {
  return {
    list(query?: QueryOf<'listLibraries'>, options: WithEmbed<'listLibraries'> = {}): Promise<Library[]> {
      return client.call('listLibraries', list(query, options.embed), options);
    },
    all(
      query?: QueryOf<'listLibraries'>,
      options: WithEmbed<'listLibraries', PageOptions> = {},
    ): AsyncGenerator<Library> {
      return client.all('listLibraries', list(query, options.embed), options);
    },
  };
}
