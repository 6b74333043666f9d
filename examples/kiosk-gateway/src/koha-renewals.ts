// Renew (29/30) and renew all (65/66) through Koha's `POST /checkouts/{checkout_id}/renewal`, with
// the checks and screen messages of Koha's SIP server (C4::SIP::ILS::renew / renew_all): unknown
// card, card that may not renew, wrong PIN, item not on the patron's loans, Koha's refusal reason.
import {
  type Checkout,
  type KohaClient,
  KohaError,
  type Patron,
  renewalRefusalReason,
} from '@bibwire/koha-client';
import type { RenewAllResult, RenewResult } from '@bibwire/sip2/server';
import { fullName, type KohaLookups, type PasswordCheck } from './koha-lookup.js';
import { renewalRefusalText, SCREEN } from './messages.js';

const refusal = (text: string) => ({ ok: false as const, screenMessage: [text] });

/** The Koha side of one renewal: the renewed loan, or Koha's reason as screen text. */
export async function renewLoan(koha: KohaClient, checkout: Checkout, title: string): Promise<RenewResult> {
  try {
    const renewed = await koha.checkouts.renew(checkout.checkout_id as number);
    return {
      ok: true,
      renewal: true,
      title,
      // Koha's SIP server: a renewed item stays sensitised (it is already with the patron).
      desensitize: false,
      ...(renewed.due_date ? { dueDate: new Date(renewed.due_date) } : {}),
      transactionId: String(checkout.checkout_id),
    };
  } catch (error) {
    const reason = renewalRefusalReason(error);
    if (reason !== undefined) return { ...refusal(renewalRefusalText(reason)), title };
    // The loan ended between our look-up and the renewal.
    if (KohaError.is(error) && error.status === 404) return { ...refusal(SCREEN.notCheckedOut), title };
    throw error;
  }
}

interface RenewalDeps {
  readonly koha: KohaClient;
  readonly find: KohaLookups;
  readonly checkPassword: PasswordCheck;
}

/** Koha's gate before any renewal: a known card that may renew, and the right PIN when one is sent. */
async function renewingPatron(
  deps: RenewalDeps,
  cardnumber: string,
  password: string | undefined,
): Promise<(Patron & { patron_id: number }) | { ok: false; screenMessage: string[] }> {
  const patron = await deps.find.patronByCard(cardnumber);
  if (patron === undefined || typeof patron.patron_id !== 'number')
    return refusal(SCREEN.invalidPatronBarcode);
  if (deps.find.expired(patron)) return refusal(SCREEN.renewalsNotAllowed);
  if (password !== undefined && password !== '' && !(await deps.checkPassword(cardnumber, password))) {
    return refusal(SCREEN.invalidPatronPassword);
  }
  return { ...patron, patron_id: patron.patron_id };
}

export async function renewOne(
  deps: RenewalDeps,
  request: { patronId: string; patronPassword?: string | undefined; itemId?: string | undefined },
): Promise<RenewResult> {
  const patron = await renewingPatron(deps, request.patronId, request.patronPassword);
  if ('ok' in patron) return patron;
  const item = request.itemId ? await deps.find.itemByBarcode(request.itemId) : undefined;
  const checkout = item?.item_id !== undefined ? await deps.find.activeCheckout(item.item_id) : undefined;
  // Koha renews only what is on this patron's loans (third-party renewal is not supported).
  if (!item || !checkout || checkout.patron_id !== patron.patron_id) {
    return refusal(SCREEN.notCheckedOutTo(fullName(patron)));
  }
  return renewLoan(deps.koha, checkout, await deps.find.titleOf(item.biblio_id));
}

export async function renewAllLoans(
  deps: RenewalDeps,
  request: { patronId: string; patronPassword?: string | undefined },
): Promise<RenewAllResult> {
  const patron = await renewingPatron(deps, request.patronId, request.patronPassword);
  if ('ok' in patron) return { ...patron, renewed: [], unrenewed: [] };
  const renewed: string[] = [];
  const unrenewed: string[] = [];
  for await (const checkout of deps.koha.checkouts.all({ patron_id: patron.patron_id })) {
    if (checkout.checkin_date) continue;
    const barcode = (await deps.find.barcodeOf(checkout.item_id)) ?? `item ${checkout.item_id ?? '?'}`;
    const result = await renewLoan(deps.koha, checkout, '');
    (result.ok ? renewed : unrenewed).push(barcode);
  }
  // Koha's SIP server answers ok=1 whatever the single renewals did; the lists tell them apart.
  return { ok: true, renewed, unrenewed };
}
