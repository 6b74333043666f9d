// Circulation behaviour of the mock for the operations in spec/koha-api-v1.additions.json, the way
// Koha's controllers answer: renewal (Checkouts#renew), password validation (Auth::Password#validate),
// hold cancellation (Holds#delete) and check-in (bug 24401's Checkins#add).
import type { ValidRequest } from './validate.js';

type Row = Record<string, unknown>;

export interface MockAnswer {
  status: number;
  body?: unknown;
}

/** The part of the mock's store these handlers read and change. */
export interface CirculationStore {
  patrons: Row[];
  holds: Row[];
  checkouts: Row[];
  /** Returned checkouts (Koha's old_issues). */
  oldCheckouts: Row[];
  items: Row[];
  checkins: Row[];
  transfers: Row[];
  /** Patron passwords by patron_id (Koha keeps hashes; the mock compares plain text). */
  passwords: Map<number, string>;
  /** The circulation rule `renewalsallowed` for every checkout. */
  renewalsAllowed: number;
  /** Checkout ids with a forced CanBookBeRenewed reason (e.g. `restriction`, `too_soon`). */
  renewalBlocks: Map<number, string>;
  /** Koha's BlockReturnOfLostItems / BlockReturnOfWithdrawnItems system preferences. */
  blockReturnOfLostItems: boolean;
  blockReturnOfWithdrawnItems: boolean;
  nextId: number;
}

const DAY_MS = 86_400_000;
const LOAN_DAYS = 14;

const notFound = (what: string): MockAnswer => ({
  status: 404,
  body: { error: `${what} not found`, error_code: 'not_found' },
});

export const isActive = (checkout: Row): boolean => checkout.checkin_date == null;

const isoNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');
const isoIn = (from: number, days: number) =>
  new Date(from + days * DAY_MS).toISOString().replace(/\.\d{3}Z$/, '+00:00');

/** What a fresh checkout looks like in Koha (due in 14 days, no renewals yet). */
export function newCheckout(body: Row, id: number): Row {
  return {
    checkout_date: isoNow(),
    due_date: isoIn(Date.now(), LOAN_DAYS),
    renewals_count: 0,
    unseen_renewals: 0,
    auto_renew: false,
    onsite_checkout: false,
    checkin_date: null,
    ...body,
    checkout_id: id,
  };
}

/** CanBookBeRenewed, reduced to the two rules a kiosk meets most: holds and the renewal limit. */
function renewalRefusal(store: CirculationStore, checkout: Row): string | undefined {
  const forced = store.renewalBlocks.get(checkout.checkout_id as number);
  if (forced) return forced;
  const item = store.items.find((i) => i.item_id === checkout.item_id);
  const onHold = store.holds.some(
    (h) =>
      h.patron_id !== checkout.patron_id &&
      (h.item_id === checkout.item_id || (item !== undefined && h.biblio_id === item.biblio_id)),
  );
  if (onHold) return 'on_reserve';
  if (((checkout.renewals_count as number | null) ?? 0) >= store.renewalsAllowed) return 'too_many';
  return undefined;
}

export function renew(store: CirculationStore, req: ValidRequest): MockAnswer {
  const checkout = store.checkouts.find((c) => c.checkout_id === req.path.checkout_id && isActive(c));
  if (!checkout) return notFound('Checkout');
  const reason = renewalRefusal(store, checkout);
  if (reason) return { status: 403, body: { error: `Renewal not authorized (${reason})` } };
  // Koha: `seen` defaults to 1; an unseen renewal (seen=0) counts towards unseen_renewals.
  const seen = (req.query.seen as number | undefined) ?? 1;
  const due = Date.parse(String(checkout.due_date ?? '')) || Date.now();
  checkout.renewals_count = ((checkout.renewals_count as number | null) ?? 0) + 1;
  checkout.unseen_renewals = seen === 0 ? ((checkout.unseen_renewals as number | null) ?? 0) + 1 : 0;
  checkout.last_renewed_date = isoNow();
  checkout.due_date = isoIn(Math.max(due, Date.now()), LOAN_DAYS);
  return { status: 201, body: checkout };
}

export function validatePassword(store: CirculationStore, req: ValidRequest): MockAnswer {
  const body = req.body as { identifier?: string; userid?: string; password: string };
  const failed: MockAnswer = { status: 400, body: { error: 'Validation failed' } };
  if (body.identifier === undefined && body.userid === undefined) return failed;
  if (body.identifier !== undefined && body.userid !== undefined) {
    return { status: 400, body: { error: 'Bad request. Only one identifier attribute can be passed.' } };
  }
  const id = String(body.identifier ?? body.userid).toLowerCase();
  // Koha's checkpw matches the userid first, then (for `identifier`) the card number; the database
  // compares case-insensitively.
  const same = (v: unknown) => typeof v === 'string' && v.toLowerCase() === id;
  const patron =
    store.patrons.find((p) => same(p.userid)) ??
    (body.identifier !== undefined ? store.patrons.find((p) => same(p.cardnumber)) : undefined);
  if (!patron || store.passwords.get(patron.patron_id as number) !== body.password) return failed;
  return {
    status: 201,
    body: {
      patron_id: patron.patron_id,
      ...(typeof patron.cardnumber === 'string' ? { cardnumber: patron.cardnumber } : {}),
      ...(typeof patron.userid === 'string' ? { userid: patron.userid } : {}),
    },
  };
}

export function cancelHold(store: CirculationStore, req: ValidRequest): MockAnswer {
  const i = store.holds.findIndex((h) => h.hold_id === req.path.hold_id);
  if (i < 0) return notFound('Hold');
  const overrides = (req.headers['x-koha-override'] as string[] | undefined) ?? [];
  const hold = store.holds[i] as Row;
  // A waiting hold under the cancellation-request flow is only flagged, not deleted.
  if (overrides.includes('cancellation-request-flow') && hold.status === 'W') {
    hold.cancellation_requested = true;
    return { status: 202 };
  }
  store.holds.splice(i, 1);
  return { status: 204 };
}

export function checkin(store: CirculationStore, req: ValidRequest): MockAnswer {
  const body = req.body as { item_id?: number; external_id?: string; library_id?: string };
  if (body.item_id === undefined && body.external_id === undefined) {
    return {
      status: 400,
      body: { error: 'Missing item_id or external_id', error_code: 'missing_item_identifier' },
    };
  }
  if (body.item_id !== undefined && body.external_id !== undefined) {
    return {
      status: 400,
      body: {
        error: 'item_id and external_id are mutually exclusive',
        error_code: 'mutually_exclusive_parameters',
      },
    };
  }
  const item = store.items.find((i) =>
    body.item_id !== undefined ? i.item_id === body.item_id : i.external_id === body.external_id,
  );
  if (!item) return notFound('Item');
  const blockers: Record<string, unknown> = {};
  if (store.blockReturnOfWithdrawnItems && Number(item.withdrawn ?? 0) !== 0) blockers.withdrawn = 1;
  if (store.blockReturnOfLostItems && Number(item.lost_status ?? 0) !== 0) blockers.lost = 1;
  if (Object.keys(blockers).length > 0) {
    return { status: 403, body: { error: 'Checkin blocked', error_code: 'checkin_blocked', blockers } };
  }
  const library = body.library_id ?? 'CPL';
  const at = store.checkouts.findIndex((c) => c.item_id === item.item_id && isActive(c));
  let checkout: Row | undefined;
  if (at >= 0) {
    checkout = { ...store.checkouts[at], checkin_date: isoNow(), checkin_library_id: library };
    store.checkouts.splice(at, 1);
    store.oldCheckouts.push(checkout);
  }
  // AddReturn traps the first hold on the record (waiting here, or in transit to its pickup library);
  // without one, an item returned away from home goes back there.
  const hold = store.holds.find(
    (h) => h.status == null && (h.item_id === item.item_id || h.biblio_id === item.biblio_id),
  );
  let transfer: Row | undefined;
  if (hold) {
    hold.item_id = item.item_id;
    hold.status = hold.pickup_library_id === library ? 'W' : 'T';
    if (hold.status === 'T') transfer = addTransfer(store, item, library, String(hold.pickup_library_id));
  } else if (typeof item.home_library_id === 'string' && item.home_library_id !== library) {
    transfer = addTransfer(store, item, library, item.home_library_id);
  }
  item.holding_library_id = library;
  const row: Row = {
    checkin_id: store.nextId++,
    item_id: item.item_id,
    user_id: null,
    library_id: library,
    desk_id: null,
    timestamp: isoNow(),
    exempt_fine: false,
    local_use: checkout === undefined,
    checkout_id: checkout?.checkout_id ?? null,
    transfer_id: transfer?.transfer_id ?? null,
    hold_id: hold?.hold_id ?? null,
    recall_id: null,
    restriction_id: null,
    claim_id: null,
  };
  store.checkins.push(row);
  const embed = (req.headers['x-koha-embed'] as string[] | undefined) ?? [];
  const embedded: Row = {};
  if (embed.includes('checkout')) embedded.checkout = checkout ?? null;
  if (embed.includes('hold')) embedded.hold = hold ?? null;
  if (embed.includes('transfer')) embedded.transfer = transfer ?? null;
  if (embed.includes('item')) embedded.item = item;
  return { status: 200, body: { ...row, ...embedded } };
}

function addTransfer(store: CirculationStore, item: Row, from: string, to: string): Row {
  const transfer = {
    transfer_id: store.nextId++,
    item_id: item.item_id,
    from_library_id: from,
    to_library_id: to,
    sent_date: isoNow(),
  };
  store.transfers.push(transfer);
  return transfer;
}
