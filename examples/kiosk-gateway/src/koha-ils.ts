// A SIP2 back end (SipIls) over Koha's REST API: SIP patron ids are Koha card numbers, SIP item ids are
// item barcodes (Koha's external_id). Everything goes through @bibwire/koha-client, so the OAuth2
// token, paging, retries and Koha's error bodies are handled there.
//
// What Koha's REST API (the shared 25.x specification) cannot do is refused, not faked: it has no
// check-in, renewal or PIN-validation operation, so checkin answers "not possible here" and renew is
// left out (the ACS then reports it unsupported in its status message); PINs are checked only when a
// `verifyPassword` hook is given.
import { type Checkout, type Item, type KohaClient, KohaError, kq, type Patron } from '@bibwire/koha-client';
import type {
  CheckinResult,
  CheckoutResult,
  CirculationStatus,
  HoldResult,
  IlsItem,
  IlsPatron,
  SipIls,
} from '@bibwire/sip2/server';

export interface KohaIlsOptions {
  /** Pickup library for holds placed at the kiosk (default: the patron's home library). */
  readonly pickupLibrary?: string;
  /** PIN check against your own service; without it the gateway does not validate PINs. */
  readonly verifyPassword?: (cardnumber: string, password: string) => Promise<boolean>;
  /** Clock (tests). */
  readonly now?: () => Date;
}

const MAX_LIST = 50;

function fullName(p: Patron): string {
  return [p.firstname, p.surname].filter((s) => typeof s === 'string' && s.trim() !== '').join(' ');
}

function refusal(message: string): { ok: false; screenMessage: string[] } {
  return { ok: false, screenMessage: [message] };
}

export function createKohaIls(koha: KohaClient, options: KohaIlsOptions = {}): SipIls {
  const now = options.now ?? (() => new Date());

  async function patronByCard(cardnumber: string): Promise<Patron | undefined> {
    const found = await koha.call(
      'listPatrons',
      { query: { _per_page: 2 } },
      { filter: kq.where({ cardnumber }) },
    );
    return found.find((p) => p.cardnumber === cardnumber);
  }

  async function itemByBarcode(barcode: string): Promise<Item | undefined> {
    const found = await koha.call(
      'listItems',
      { query: { _per_page: 2 } },
      { filter: kq.where({ external_id: barcode }) },
    );
    return found.find((i) => i.external_id === barcode);
  }

  async function activeCheckout(itemId: number): Promise<Checkout | undefined> {
    const found = await koha.call(
      'listCheckouts',
      { query: { _per_page: 2 } },
      { filter: kq.where({ item_id: itemId }) },
    );
    return found.find((c) => c.item_id === itemId && !c.checkin_date);
  }

  async function barcodeOf(itemId: number | null | undefined): Promise<string | undefined> {
    if (typeof itemId !== 'number') return undefined;
    try {
      const item = await koha.call('getItem', { path: { item_id: itemId } });
      return item.external_id ?? undefined;
    } catch (error) {
      if (KohaError.is(error) && error.status === 404) return undefined;
      throw error;
    }
  }

  async function titleOf(biblioId: number | undefined): Promise<string> {
    if (biblioId === undefined) return '';
    try {
      const biblio = (await koha.call('getBiblio', { path: { biblio_id: biblioId } })) as { title?: unknown };
      return typeof biblio.title === 'string' ? biblio.title : '';
    } catch (error) {
      if (KohaError.is(error) && error.status === 404) return '';
      throw error;
    }
  }

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
      const expired =
        typeof patron.expiry_date === 'string' && new Date(`${patron.expiry_date}T23:59:59Z`) < now();
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
      if (patron?.patron_id === undefined) return refusal('Unknown card.');
      const item = await itemByBarcode(request.itemId);
      if (item?.item_id === undefined) return refusal('Unknown item.');
      const title = await titleOf(item.biblio_id);
      const availability = await koha.call('availabilityCheckouts', {
        query: { patron_id: patron.patron_id, item_id: item.item_id },
      });
      const blockers = Object.keys(availability.blockers ?? {});
      const confirms = Object.keys(availability.confirms ?? {});
      // A kiosk has nobody to confirm a warning, so anything that needs confirmation is refused too.
      if (blockers.length > 0 || confirms.length > 0) {
        return {
          ...refusal(`Cannot check out here (${[...blockers, ...confirms].join(', ')}); please see staff.`),
          title,
        };
      }
      try {
        const made = await koha.call('addCheckout', {
          body: { patron_id: patron.patron_id, item_id: item.item_id, library_id: ctx.institutionId },
        });
        return {
          ok: true,
          title,
          desensitize: true,
          ...(made.due_date ? { dueDate: new Date(made.due_date) } : {}),
          ...(made.checkout_id !== undefined ? { transactionId: String(made.checkout_id) } : {}),
        };
      } catch (error) {
        // Koha refuses with 409/412 and an error body; show its reason, not a stack.
        if (KohaError.is(error) && error.status !== undefined && error.status < 500) {
          return { ...refusal(`Koha refused the checkout: ${error.message}`), title };
        }
        throw error;
      }
    },

    async checkin(_ctx, request): Promise<CheckinResult> {
      const item = await itemByBarcode(request.itemId);
      if (item?.item_id === undefined) return refusal('Unknown item.');
      const checkout = await activeCheckout(item.item_id);
      const title = await titleOf(item.biblio_id);
      // No REST operation returns an item; the kiosk shows where to take it instead.
      return {
        ...refusal('Returns are not possible at this kiosk; please use the returns desk.'),
        title,
        ...(checkout?.patron_id !== undefined ? { patronId: String(checkout.patron_id) } : {}),
        ...(item.home_library_id ? { permanentLocation: item.home_library_id } : {}),
      };
    },

    async hold(_ctx, request): Promise<HoldResult> {
      if (request.mode !== 'add') return refusal('Only placing holds is possible at this kiosk.');
      const patron = await patronByCard(request.patronId);
      if (patron?.patron_id === undefined) return refusal('Unknown card.');
      const item = request.itemId ? await itemByBarcode(request.itemId) : undefined;
      if (item?.biblio_id === undefined) return refusal('Unknown item.');
      const pickup = request.pickupLocation ?? options.pickupLibrary ?? patron.library_id;
      try {
        const hold = await koha.call('addHold', {
          body: { patron_id: patron.patron_id, biblio_id: item.biblio_id, pickup_library_id: pickup },
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
          return refusal(`Koha refused the hold: ${error.message}`);
        }
        throw error;
      }
    },
  };
  const verify = options.verifyPassword;
  if (verify) ils.checkPatronPassword = (_ctx, cardnumber, password) => verify(cardnumber, password);
  return ils;
}
