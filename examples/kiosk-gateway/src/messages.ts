// Screen messages (AF) as Koha's own SIP server words them (C4/SIP/ILS.pm and
// C4/SIP/ILS/Transaction/*.pm), so kiosks configured for Koha's SIP server see the same texts.
export const SCREEN = {
  invalidPatron: 'Invalid Patron',
  invalidPatronBarcode: 'Invalid patron barcode.',
  invalidPatronHold: 'Invalid Patron.',
  invalidPatronPassword: 'Invalid patron password.',
  patronBlocked: 'Patron Blocked',
  renewalsNotAllowed: 'Renewals not allowed.',
  invalidItem: 'Invalid Item',
  noSuchItem: 'No such item.',
  checkedOutToAnother: 'Item checked out to another patron',
  alreadyYoursRenewing: 'Item already checked out to you: renewing item.',
  notCheckedOut: 'Item not checked out',
  notCheckedOutTo: (name: string) => `Item not checked out to ${name}`,
  onHoldReturnToDesk: 'Item is on hold, please return to circulation desk',
  withdrawnNoReturn: 'Item withdrawn, return not allowed',
  lostNoReturn: 'Item lost, return not allowed',
  checkinFailed: 'Checkin failed',
  holdCancelled: 'Hold Cancelled.',
  noSuchHold: 'No such hold on patron record.',
  // Not Koha's: what this gateway adds where Koha's SIP server has no equivalent.
  returnsElsewhere: 'Returns are not possible at this kiosk; please use the returns desk.',
  seeStaff: 'please see staff',
  holdCancellationRequested: 'Hold cancellation requested.',
} as const;

/**
 * A renewal refusal reason (CanBookBeRenewed's code, from Koha's 403) as screen text. Koha's SIP
 * server rewrites on_reserve and too_many and shows other codes as they are; we also word the
 * codes a patron meets most, and keep the code itself for anything else.
 */
export function renewalRefusalText(reason: string): string {
  return RENEWAL_TEXT[reason] ?? reason;
}

const RENEWAL_TEXT: Readonly<Record<string, string>> = {
  on_reserve: 'Item unavailable due to outstanding holds',
  too_many: 'Item has reached maximum renewals',
  too_unseen: 'Item must be seen by staff before it can be renewed again',
  too_soon: 'Item cannot be renewed yet',
  overdue: 'Overdue items cannot be renewed',
  restriction: 'Renewals are blocked by a restriction on your account',
  onsite_checkout: 'On-site checkouts cannot be renewed',
  item_denied_renewal: 'This item cannot be renewed',
  item_issued_to_other_patron: 'Item checked out to another patron',
  card_expired: 'Your card has expired; please see staff.',
};
