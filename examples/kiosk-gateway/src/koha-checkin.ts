// Check-in (09/10) through `POST /checkins`, Koha bug 24401's route (not in a Koha release yet; a
// Koha without it is detected and the kiosk is told to use the returns desk). Outcomes follow Koha's
// SIP server (C4::SIP::ILS::checkin): unknown item → alert 99 "Invalid Item"; blocked lost/withdrawn
// item → its message; an item that was not on loan is returned but answered ok=0 "Item not checked
// out" unless checked_in_ok; a trapped hold or a transfer raises the alert with its type.
import { type Checkin, isMissingRoute, type KohaClient, KohaError } from '@bibwire/koha-client';
import type { CheckinRequest, CheckinResult, IlsContext } from '@bibwire/sip2/server';
import type { KohaLookups } from './koha-lookup.js';
import { SCREEN } from './messages.js';

export interface CheckinDeps {
  readonly koha: KohaClient;
  readonly find: KohaLookups;
  /** Koha SIP's `checked_in_ok`: returning an item that was not on loan counts as success. */
  readonly checkedInOk: boolean;
}

type Embedded = { pickup_library_id?: unknown; to_library_id?: unknown };

/** SIP alert type: 01 hold at this library, 02 hold for another library, 04 send to another library. */
function alertFor(
  checkin: Checkin,
  library: string,
): Pick<CheckinResult, 'alert' | 'alertType' | 'destinationLocation'> {
  const hold = checkin.hold as Embedded | null | undefined;
  const transfer = checkin.transfer as Embedded | null | undefined;
  if (checkin.hold_id != null) {
    const pickup = typeof hold?.pickup_library_id === 'string' ? hold.pickup_library_id : undefined;
    return {
      alert: true,
      alertType: pickup === undefined || pickup === library ? '01' : '02',
      ...(pickup !== undefined ? { destinationLocation: pickup } : {}),
    };
  }
  if (checkin.transfer_id != null) {
    const to = typeof transfer?.to_library_id === 'string' ? transfer.to_library_id : undefined;
    return { alert: true, alertType: '04', ...(to !== undefined ? { destinationLocation: to } : {}) };
  }
  return {};
}

/** A 403 `checkin_blocked` body's blockers as Koha's SIP screen message. */
function blockedText(body: unknown): string {
  const blockers = (body as { blockers?: Record<string, unknown> } | undefined)?.blockers ?? {};
  if ('withdrawn' in blockers) return SCREEN.withdrawnNoReturn;
  if ('lost' in blockers) return SCREEN.lostNoReturn;
  if (Object.keys(blockers).some((k) => /hold|reserve/i.test(k))) return SCREEN.onHoldReturnToDesk;
  return SCREEN.checkinFailed;
}

export async function checkinItem(
  deps: CheckinDeps,
  ctx: IlsContext,
  request: CheckinRequest,
): Promise<CheckinResult> {
  const { find } = deps;
  const item = await find.itemByBarcode(request.itemId);
  if (item?.item_id === undefined) {
    return { ok: false, alert: true, alertType: '99', screenMessage: [SCREEN.invalidItem] };
  }
  const title = await find.titleOf(item.biblio_id);
  const about = {
    title,
    ...(item.home_library_id ? { permanentLocation: item.home_library_id } : {}),
    ...(item.callnumber ? { callNumber: item.callnumber } : {}),
  };
  const loan = await find.activeCheckout(item.item_id);
  let checkin: Checkin;
  try {
    checkin = await deps.koha.checkins.create(
      { barcode: request.itemId, libraryId: ctx.institutionId, returnDate: request.returnDate },
      { embed: ['hold', 'transfer'] },
    );
  } catch (error) {
    if (isMissingRoute(error)) return { ok: false, ...about, screenMessage: [SCREEN.returnsElsewhere] };
    if (KohaError.is(error) && error.status === 403) {
      return { ok: false, ...about, screenMessage: [blockedText(error.body)] };
    }
    // 412: Koha wants a confirmation, and nobody at a kiosk can give one.
    if (KohaError.is(error) && error.status === 412) {
      return { ok: false, alert: true, ...about, screenMessage: [SCREEN.checkinFailed, SCREEN.seeStaff] };
    }
    if (KohaError.is(error) && error.status === 404) {
      return { ok: false, alert: true, alertType: '99', screenMessage: [SCREEN.invalidItem] };
    }
    throw error;
  }
  const patronCard = loan ? await find.cardOf(loan.patron_id) : undefined;
  const ok = loan !== undefined || deps.checkedInOk;
  return {
    ok,
    ...about,
    ...alertFor(checkin, ctx.institutionId),
    ...(patronCard !== undefined ? { patronId: patronCard } : {}),
    ...(ok ? {} : { screenMessage: [SCREEN.notCheckedOut] }),
  };
}
