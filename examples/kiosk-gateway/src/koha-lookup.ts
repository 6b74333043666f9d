// The Koha look-ups every SIP transaction needs: patrons by card number, items by barcode, the open
// checkout of an item, titles, and the PIN check. SIP patron ids are Koha card numbers, SIP item ids
// are barcodes (Koha's external_id).
import { type Checkout, type Item, type KohaClient, KohaError, kq, type Patron } from '@bibwire/koha-client';

export type PasswordCheck = (cardnumber: string, password: string) => Promise<boolean>;

/** Koha compares card numbers case-insensitively (C4::SIP::ILS::_ci_cardnumber_cmp). */
export const sameCard = (a: string | null | undefined, b: string): boolean =>
  typeof a === 'string' && a.toUpperCase() === b.toUpperCase();

export function fullName(p: Patron): string {
  return [p.firstname, p.surname].filter((s) => typeof s === 'string' && s.trim() !== '').join(' ');
}

export function kohaLookups(koha: KohaClient, now: () => Date) {
  const ignore404 =
    <T>(fallback: T) =>
    (error: unknown): T => {
      if (KohaError.is(error) && error.status === 404) return fallback;
      throw error;
    };

  return {
    async patronByCard(cardnumber: string): Promise<Patron | undefined> {
      const found = await koha.patrons.list({ _per_page: 2 }, { filter: kq.where({ cardnumber }) });
      return found.find((p) => sameCard(p.cardnumber, cardnumber));
    },

    async itemByBarcode(barcode: string): Promise<Item | undefined> {
      const found = await koha.items.list({ _per_page: 2 }, { filter: kq.where({ external_id: barcode }) });
      return found.find((i) => i.external_id === barcode);
    },

    /** The item's current loan (Koha lists open checkouts unless asked for returned ones). */
    async activeCheckout(itemId: number): Promise<Checkout | undefined> {
      const found = await koha.checkouts.list({ _per_page: 2 }, { filter: kq.where({ item_id: itemId }) });
      return found.find((c) => c.item_id === itemId && !c.checkin_date);
    },

    async barcodeOf(itemId: number | null | undefined): Promise<string | undefined> {
      if (typeof itemId !== 'number') return undefined;
      return koha.items.get(itemId).then((item) => item.external_id ?? undefined, ignore404(undefined));
    },

    async cardOf(patronId: number | null | undefined): Promise<string | undefined> {
      if (typeof patronId !== 'number') return undefined;
      return koha.patrons.get(patronId).then((p) => p.cardnumber ?? undefined, ignore404(undefined));
    },

    async titleOf(biblioId: number | null | undefined): Promise<string> {
      if (typeof biblioId !== 'number') return '';
      return koha.biblios
        .get(biblioId)
        .then(
          (b) => (typeof (b as { title?: unknown }).title === 'string' ? (b as { title: string }).title : ''),
          ignore404(''),
        );
    },

    /** An expired card may not renew or borrow (Koha's SIP: charge_ok / renew_ok false). */
    expired(patron: Patron): boolean {
      return typeof patron.expiry_date === 'string' && new Date(`${patron.expiry_date}T23:59:59Z`) < now();
    },
  };
}

export type KohaLookups = ReturnType<typeof kohaLookups>;

/**
 * The PIN check through Koha's `POST /auth/password/validation`. Koha matches an `identifier` as a
 * userid before trying card numbers, so a card number that is also someone's userid would check the
 * wrong patron: we find the patron by card and validate their own userid (falling back to the card
 * number, and then requiring the answer to name the same patron).
 */
export function kohaPasswordCheck(koha: KohaClient, find: KohaLookups): PasswordCheck {
  return async (cardnumber, password) => {
    if (password === '') return false;
    const patron = await find.patronByCard(cardnumber);
    if (patron?.patron_id === undefined) return false;
    const result =
      typeof patron.userid === 'string' && patron.userid !== ''
        ? await koha.patrons.validatePassword(patron.userid, password, { by: 'userid' })
        : await koha.patrons.validatePassword(cardnumber, password);
    return result.valid && result.patronId === patron.patron_id;
  };
}
