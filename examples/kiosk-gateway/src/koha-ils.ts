// A SIP2 back end (SipIls) over Koha's REST API: SIP patron ids are Koha card numbers, SIP item ids are
// item barcodes (Koha's external_id). Everything goes through @bibwire/koha-client, so the OAuth2
// token, paging, retries and Koha's error bodies are handled there. Screen messages follow Koha's own
// SIP server (see messages.ts).
//
// Check-in uses `POST /checkins` (Koha bug 24401, not in a Koha release yet: koha-checkin.ts);
// renewal `POST /checkouts/{id}/renewal` (koha-renewals.ts); PINs `POST /auth/password/validation`
// unless a `verifyPassword` hook replaces it.
import { type Checkout, type Item, type KohaClient, KohaError, kq } from '@bibwire/koha-client';
import type {
  CheckinResult,
  CheckoutResult,
  CirculationStatus,
  HoldResult,
  IlsItem,
  IlsPatron,
  SipIls,
} from '@bibwire/sip2/server';
import { checkinItem } from './koha-checkin.js';
import { fullName, kohaLookups, kohaPasswordCheck, type PasswordCheck } from './koha-lookup.js';
import { renewAllLoans, renewLoan, renewOne } from './koha-renewals.js';
import { SCREEN } from './messages.js';

export interface KohaIlsOptions {
  /** Pickup library for holds placed at the kiosk (default: the patron's home library). */
  readonly pickupLibrary?: string;
  /** PIN check against your own service; replaces Koha's `POST /auth/password/validation`. */
  readonly verifyPassword?: PasswordCheck;
  /**
   * `'rest'` (default): returns through `POST /checkins` (Koha bug 24401; a Koha without the route
   * gets "use the returns desk"). `'off'`: the ACS announces check-in as not allowed.
   */
  readonly checkin?: 'rest' | 'off';
  /** Koha SIP's `checked_in_ok`: returning an item that was not on loan answers ok=1. */
  readonly checkedInOk?: boolean;
  /** Clock (tests). */
  readonly now?: () => Date;
}

const MAX_LIST = 50;

function refusal(message: string): { ok: false; screenMessage: string[] } {
  return { ok: false, screenMessage: [message] };
}

/** A PIN the terminal sent (empty means none). */
const sentPin = (pin: string | undefined): pin is string => pin !== undefined && pin !== '';

export function createKohaIls(koha: KohaClient, options: KohaIlsOptions = {}): SipIls {
  const now = options.now ?? (() => new Date());
  const find = kohaLookups(koha, now);
  const { patronByCard, itemByBarcode, activeCheckout, barcodeOf, titleOf } = find;
  const checkPassword = options.verifyPassword ?? kohaPasswordCheck(koha, find);
  const renewals = { koha, find, checkPassword };

  function status(item: Item, checkout: Checkout | undefined): CirculationStatus {
    if (checkout) return '04';
    if ((item.lost_status ?? 0) !== 0) return '12';
    if ((item.withdrawn ?? 0) !== 0) return '13';
    return '03';
  }

  const ils: SipIls = {
    async findPatron(_ctx, cardnumber) {
      const patron = await patronByCard(cardnumber);
      if (!patron || patron.patron_id === undefined) return undefined;
      const expired = find.expired(patron);
      const checkouts = (
        await koha.call('listCheckouts', { query: { patron_id: patron.patron_id, _per_page: MAX_LIST } })
      ).filter((c) => !c.checkin_date);
      const holds = await koha.call(
        'listHolds',
        { query: { _per_page: MAX_LIST } },
        { filter: kq.where({ patron_id: patron.patron_id }) },
      );
      const charged: string[] = [];
      const overdue: string[] = [];
      for (const c of checkouts) {
        const barcode = (await barcodeOf(c.item_id)) ?? `item ${c.item_id ?? '?'}`;
        charged.push(barcode);
        if (c.due_date && new Date(c.due_date) < now()) overdue.push(barcode);
      }
      const holdItems = holds.map((h) => (h.item_id ? `item ${h.item_id}` : `biblio ${h.biblio_id ?? '?'}`));
      const result: IlsPatron = {
        id: cardnumber,
        name: fullName(patron),
        valid: !expired,
        status: expired
          ? { chargePrivilegesDenied: true, renewalPrivilegesDenied: true, holdPrivilegesDenied: true }
          : {},
        homeLibrary: patron.library_id,
        ...(patron.email ? { email: patron.email } : {}),
        ...(patron.phone ? { phone: patron.phone } : {}),
        holdItems,
        overdueItems: overdue,
        chargedItems: charged,
        fineItems: [],
        recallItems: [],
        unavailableHoldItems: [],
        ...(expired ? { screenMessage: ['Your card has expired; please see staff.'] } : {}),
      };
      return result;
    },

    async findItem(_ctx, barcode) {
      const item = await itemByBarcode(barcode);
      if (!item || item.item_id === undefined) return undefined;
      const checkout = await activeCheckout(item.item_id);
      const result: IlsItem = {
        id: barcode,
        title: await titleOf(item.biblio_id),
        circulationStatus: status(item, checkout),
        ...(item.callnumber ? { callNumber: item.callnumber } : {}),
        ...(item.home_library_id
          ? { permanentLocation: item.home_library_id, owner: item.home_library_id }
          : {}),
        ...(item.holding_library_id ? { currentLocation: item.holding_library_id } : {}),
        ...(checkout?.due_date ? { dueDate: new Date(checkout.due_date) } : {}),
        ...(item.holds_count ? { holdQueueLength: item.holds_count } : {}),
      };
      return result;
    },

    async checkout(ctx, request): Promise<CheckoutResult> {
      if (request.cancel) return refusal('Cancelling a checkout is not possible through Koha’s REST API.');
      const patron = await patronByCard(request.patronId);
      if (patron?.patron_id === undefined) return refusal(SCREEN.invalidPatron);
      if (find.expired(patron)) return refusal(SCREEN.patronBlocked);
      // Stricter than Koha's SIP server, which ignores a PIN sent with a checkout.
      if (
        sentPin(request.patronPassword) &&
        !(await checkPassword(request.patronId, request.patronPassword))
      ) {
        return refusal(SCREEN.invalidPatronPassword);
      }
      const item = await itemByBarcode(request.itemId);
      if (item?.item_id === undefined) return refusal(SCREEN.invalidItem);
      const title = await titleOf(item.biblio_id);
      const loan = await activeCheckout(item.item_id);
      if (loan && loan.patron_id !== patron.patron_id)
        return { ...refusal(SCREEN.checkedOutToAnother), title };
      // Checking out what the patron already has is a renewal, as in Koha's SIP server.
      if (loan) {
        const renewed = await renewLoan(koha, loan, title);
        return { ...renewed, screenMessage: [SCREEN.alreadyYoursRenewing, ...(renewed.screenMessage ?? [])] };
      }
      const availability = await koha.checkouts.availability(patron.patron_id, item.item_id);
      const blockers = Object.keys(availability.blockers ?? {});
      const confirms = Object.keys(availability.confirms ?? {});
      // A kiosk has nobody to confirm a warning, so anything that needs confirmation is refused too.
      if (blockers.length > 0 || confirms.length > 0) {
        return {
          ...refusal(`Cannot check out here (${[...blockers, ...confirms].join(', ')}); ${SCREEN.seeStaff}.`),
          title,
        };
      }
      try {
        const made = await koha.checkouts.create({
          patron_id: patron.patron_id,
          item_id: item.item_id,
          library_id: ctx.institutionId,
        });
        return {
          ok: true,
          title,
          desensitize: true,
          ...(made.due_date ? { dueDate: new Date(made.due_date) } : {}),
          ...(made.checkout_id !== undefined ? { transactionId: String(made.checkout_id) } : {}),
        };
      } catch (error) {
        // Koha refuses with 403/409/412 and an error body; show its reason, not a stack.
        if (KohaError.is(error) && error.status !== undefined && error.status < 500) {
          return { ...refusal(`Koha refused the checkout: ${error.kohaError ?? error.message}`), title };
        }
        throw error;
      }
    },

    async checkin(ctx, request): Promise<CheckinResult> {
      if (options.checkin === 'off') return refusal(SCREEN.returnsElsewhere);
      return checkinItem({ koha, find, checkedInOk: options.checkedInOk ?? false }, ctx, request);
    },

    renew: (_ctx, request) => renewOne(renewals, request),

    renewAll: (_ctx, request) => renewAllLoans(renewals, request),

    async hold(_ctx, request): Promise<HoldResult> {
      if (request.mode === 'change') return refusal('Changing holds is not possible at this kiosk.');
      const patron = await patronByCard(request.patronId);
      if (patron?.patron_id === undefined) {
        return refusal(request.mode === 'add' ? SCREEN.invalidPatronHold : SCREEN.invalidPatronBarcode);
      }
      if (
        sentPin(request.patronPassword) &&
        !(await checkPassword(request.patronId, request.patronPassword))
      ) {
        return refusal(request.mode === 'add' ? SCREEN.invalidPatronHold : SCREEN.invalidPatronPassword);
      }
      const item = request.itemId ? await itemByBarcode(request.itemId) : undefined;
      if (item?.biblio_id === undefined) return refusal(SCREEN.noSuchItem);
      if (request.mode === 'delete') {
        return cancelHold(patron.patron_id, item.biblio_id, item.item_id, request.itemId ?? '');
      }
      const pickup = request.pickupLocation ?? options.pickupLibrary ?? patron.library_id;
      try {
        const hold = await koha.holds.create({
          patron_id: patron.patron_id,
          biblio_id: item.biblio_id,
          pickup_library_id: pickup,
        });
        return {
          ok: true,
          available: false,
          pickupLocation: pickup,
          itemId: request.itemId ?? '',
          ...(hold.priority ? { queuePosition: hold.priority } : {}),
          ...(hold.expiration_date ? { expirationDate: new Date(hold.expiration_date) } : {}),
        };
      } catch (error) {
        if (KohaError.is(error) && error.status !== undefined && error.status < 500) {
          return refusal(`Koha refused the hold: ${error.kohaError ?? error.message}`);
        }
        throw error;
      }
    },

    // 23/63 with AD: Koha's password validation, or the hook that replaces it.
    checkPatronPassword: (_ctx, cardnumber, password) => checkPassword(cardnumber, password),
  };

  /** 15 with mode `-`: the patron's hold on the item's record, cancelled with `DELETE /holds/{id}`. */
  async function cancelHold(
    patronId: number,
    biblioId: number,
    itemId: number | undefined,
    barcode: string,
  ): Promise<HoldResult> {
    const holds = await koha.holds.list(
      { _per_page: MAX_LIST },
      { filter: kq.where({ patron_id: patronId, biblio_id: biblioId }) },
    );
    const hold = holds.find((h) => h.item_id === itemId) ?? holds[0];
    if (hold?.hold_id === undefined) return refusal(SCREEN.noSuchHold);
    try {
      const outcome = await koha.holds.cancel(hold.hold_id);
      return {
        ok: true,
        itemId: barcode,
        screenMessage: [outcome === 'requested' ? SCREEN.holdCancellationRequested : SCREEN.holdCancelled],
      };
    } catch (error) {
      if (KohaError.is(error) && error.status === 404) return refusal(SCREEN.noSuchHold);
      throw error;
    }
  }

  return ils;
}
