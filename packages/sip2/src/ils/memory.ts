// An in-memory ILS with real circulation rules: loans with due dates, one borrower per item,
// hold queues (item- and title-level) trapped at check-in, overdue fines, blocks, fee and renewal
// limits, transit between locations. Tests, the CLI and the demo run on it; it is also the
// reference for what an ILS adapter is expected to answer.

import { opt } from '../util/opt.js';
import { assignDefined } from './assign.js';
import {
  DEFAULT_RULES,
  type IlsData,
  type IlsItemData,
  type IlsPatronData,
  type IlsRules,
  validateIlsData,
} from './data.js';
import type {
  BlockPatronRequest,
  CheckinRequest,
  CheckinResult,
  CheckoutRequest,
  CheckoutResult,
  CirculationStatus,
  EndSessionResult,
  FeePaidRequest,
  FeePaidResult,
  HoldRequest,
  HoldResult,
  IlsContext,
  IlsItem,
  IlsMessages,
  IlsPatron,
  ItemStatusUpdateResult,
  RenewAllRequest,
  RenewAllResult,
  RenewRequest,
  RenewResult,
  SipIls,
} from './types.js';

const DAY = 86_400_000;
const cents = (n: number) => Math.round(n * 100) / 100;

interface Loan {
  itemId: string;
  patronId: string;
  dueDate: Date;
  renewals: number;
}

interface Hold {
  id: number;
  patronId: string;
  itemId: string | undefined;
  titleId: string;
  pickupLocation: string | undefined;
  expirationDate: Date | undefined;
  /** The copy set aside for this hold (waiting on the hold shelf). */
  trappedItemId: string | undefined;
}

interface Fee {
  id: string;
  patronId: string;
  amount: number;
  type: string;
  description: string | undefined;
  itemId: string | undefined;
}

interface PatronState {
  data: IlsPatronData;
  blocked: boolean;
  blockMessage: string | undefined;
}

interface ItemState {
  data: IlsItemData;
  properties: string | undefined;
  inTransitTo: string | undefined;
}

export interface MemoryIlsOptions {
  /** The clock (tests pin it). */
  readonly now?: () => Date;
}

const refuse = (message: string): { ok: false; screenMessage: string[] } => ({
  ok: false,
  screenMessage: [message],
});

export class MemoryIls implements SipIls {
  readonly rules: IlsRules;
  readonly institutionId: string | undefined;
  private readonly now: () => Date;
  private readonly patrons = new Map<string, PatronState>();
  private readonly items = new Map<string, ItemState>();
  private readonly loans = new Map<string, Loan>();
  private holds: Hold[] = [];
  private fees: Fee[] = [];
  private holdSeq = 0;
  private txSeq = 0;
  private feeSeq = 0;

  constructor(data: IlsData, options: MemoryIlsOptions = {}) {
    const valid = validateIlsData(data);
    this.rules = { ...DEFAULT_RULES, ...valid.rules };
    this.institutionId = valid.institutionId;
    this.now = options.now ?? (() => new Date());
    for (const p of valid.patrons)
      this.patrons.set(p.id, { data: p, blocked: !!p.blocked, blockMessage: p.blockMessage });
    for (const i of valid.items)
      this.items.set(i.id, { data: i, properties: i.properties, inTransitTo: undefined });
    for (const l of valid.loans ?? [])
      this.loans.set(l.itemId, {
        itemId: l.itemId,
        patronId: l.patronId,
        dueDate: new Date(l.dueDate),
        renewals: l.renewals ?? 0,
      });
    for (const h of valid.holds ?? []) {
      const titleId = h.titleId ?? this.titleOf(h.itemId!) ?? h.itemId!;
      this.holds.push({
        id: ++this.holdSeq,
        patronId: h.patronId,
        itemId: h.itemId,
        titleId,
        pickupLocation: h.pickupLocation,
        expirationDate: h.expirationDate ? new Date(h.expirationDate) : undefined,
        trappedItemId: undefined,
      });
    }
    for (const f of valid.fees ?? [])
      this.fees.push({
        id: f.id,
        patronId: f.patronId,
        amount: f.amount,
        type: f.type ?? '01',
        description: f.description,
        itemId: f.itemId,
      });
  }

  /** Reads a data file's JSON text (see the README for the format). */
  static fromJson(text: string, options?: MemoryIlsOptions): MemoryIls {
    return new MemoryIls(JSON.parse(text) as IlsData, options);
  }

  // ---- queries -----------------------------------------------------------------------------

  async findPatron(_ctx: IlsContext, patronId: string): Promise<IlsPatron | undefined> {
    return this.patronView(patronId);
  }

  async checkPatronPassword(_ctx: IlsContext, patronId: string, password: string): Promise<boolean> {
    const p = this.patrons.get(patronId);
    return !!p && (p.data.password === undefined || p.data.password === password);
  }

  async findItem(_ctx: IlsContext, itemId: string): Promise<IlsItem | undefined> {
    return this.itemView(itemId);
  }

  // ---- transactions ------------------------------------------------------------------------

  async checkout(_ctx: IlsContext, r: CheckoutRequest): Promise<CheckoutResult> {
    const patron = this.patrons.get(r.patronId);
    if (!patron) return refuse('Invalid patron');
    if (!this.passwordOk(patron, r.patronPassword)) return refuse('Invalid patron password');
    const item = this.items.get(r.itemId);
    if (!item) return refuse('Invalid item');
    const loan = this.loans.get(r.itemId);
    if (r.cancel) {
      // Undo a checkout the SC could not complete (e.g. the item could not be desensitized).
      if (loan?.patronId !== r.patronId) return refuse('Item is not checked out to this patron');
      this.loans.delete(r.itemId);
      return { ok: true, title: item.data.title, screenMessage: ['Checkout cancelled'] };
    }
    if (r.noBlock) {
      // Done offline by the SC: record it whatever the rules say; the SC already promised it.
      if (loan && loan.patronId !== r.patronId) this.loans.delete(r.itemId);
      const due = r.nbDueDate ?? this.dueFromNow();
      this.loans.set(r.itemId, {
        itemId: r.itemId,
        patronId: r.patronId,
        dueDate: due,
        renewals: loan?.renewals ?? 0,
      });
      this.fulfilHold(r.patronId, item);
      return this.loanResult(item, due, loan?.patronId === r.patronId);
    }
    if (loan) {
      if (loan.patronId !== r.patronId) return refuse('Item is checked out to another patron');
      if (!r.scRenewal) return refuse('Item is already checked out to you');
      return this.renewLoan(patron, loan, item, false);
    }
    const unavailable = this.unavailableReason(item);
    if (unavailable) return refuse(unavailable);
    const blocked = this.borrowBlock(patron);
    if (blocked) return refuse(blocked);
    const trapped = this.holds.find((h) => h.trappedItemId === item.data.id);
    if (trapped && trapped.patronId !== r.patronId) return refuse('Item is on hold for another patron');
    const due = this.dueFromNow();
    this.loans.set(r.itemId, { itemId: r.itemId, patronId: r.patronId, dueDate: due, renewals: 0 });
    item.inTransitTo = undefined;
    this.fulfilHold(r.patronId, item);
    return this.loanResult(item, due, false);
  }

  async checkin(_ctx: IlsContext, r: CheckinRequest): Promise<CheckinResult> {
    const item = this.items.get(r.itemId);
    if (!item) return { ...refuse('Invalid item'), alert: true, alertType: '99' };
    if (r.itemProperties !== undefined) item.properties = r.itemProperties;
    const base = {
      title: item.data.title,
      resensitize: !item.data.magneticMedia,
      magneticMedia: item.data.magneticMedia ?? false,
      ...opt('permanentLocation', item.data.permanentLocation),
      ...opt('mediaType', item.data.mediaType),
      ...opt('callNumber', item.data.callNumber),
      ...opt('collectionCode', item.data.collectionCode),
    };
    if (r.cancel) return { ok: true, ...base, screenMessage: ['Check-in cancelled'] };
    const loan = this.loans.get(r.itemId);
    const screen: string[] = [];
    let patronId: string | undefined;
    if (loan) {
      patronId = loan.patronId;
      this.loans.delete(r.itemId);
      const fine = this.overdueFine(loan, r.returnDate);
      if (fine > 0) {
        this.fees.push({
          id: `F${++this.feeSeq}`,
          patronId: loan.patronId,
          amount: fine,
          type: '04',
          description: `Overdue: ${item.data.title}`,
          itemId: item.data.id,
        });
        screen.push(`Overdue fine ${fine.toFixed(2)} ${this.rules.currency}`);
      }
    } else {
      screen.push('Item was not checked out');
    }
    const hold = this.nextHoldFor(item);
    if (hold) {
      hold.trappedItemId = item.data.id;
      hold.expirationDate = new Date(this.now().getTime() + this.rules.holdShelfDays * DAY);
      const holder = this.patrons.get(hold.patronId);
      const here = !hold.pickupLocation || hold.pickupLocation === r.currentLocation;
      item.inTransitTo = here ? undefined : hold.pickupLocation;
      return {
        ok: true,
        ...base,
        ...opt('patronId', patronId),
        alert: true,
        alertType: here ? '01' : '02',
        sortBin: 'HOLDS',
        holdPatronId: hold.patronId,
        ...opt('holdPatronName', holder?.data.name),
        ...opt('destinationLocation', hold.pickupLocation),
        screenMessage: [...screen, 'Item is on hold: put it on the hold shelf'],
      };
    }
    const home = item.data.permanentLocation;
    if (home && r.currentLocation && home !== r.currentLocation) {
      item.inTransitTo = home;
      return {
        ok: true,
        ...base,
        ...opt('patronId', patronId),
        alert: true,
        alertType: '04',
        sortBin: 'TRANSIT',
        destinationLocation: home,
        screenMessage: [...screen, `Send to ${home}`],
      };
    }
    item.inTransitTo = undefined;
    return {
      ok: true,
      ...base,
      ...opt('patronId', patronId),
      alert: false,
      ...(screen.length ? { screenMessage: screen } : {}),
    };
  }

  async renew(_ctx: IlsContext, r: RenewRequest): Promise<RenewResult> {
    const patron = this.patrons.get(r.patronId);
    if (!patron) return refuse('Invalid patron');
    if (!this.passwordOk(patron, r.patronPassword)) return refuse('Invalid patron password');
    const loan =
      r.itemId !== undefined
        ? this.loans.get(r.itemId)
        : [...this.loans.values()].find(
            (l) => l.patronId === r.patronId && this.titleOf(l.itemId) === r.titleId,
          );
    if (!loan) return refuse('Item is not checked out');
    if (loan.patronId !== r.patronId && !r.thirdPartyAllowed)
      return refuse('Item is checked out to another patron');
    const item = this.items.get(loan.itemId)!;
    if (r.noBlock) {
      loan.dueDate = r.nbDueDate ?? this.dueFromNow();
      loan.renewals++;
      return this.loanResult(item, loan.dueDate, true);
    }
    return this.renewLoan(this.patrons.get(loan.patronId)!, loan, item, loan.patronId !== r.patronId);
  }

  async renewAll(_ctx: IlsContext, r: RenewAllRequest): Promise<RenewAllResult> {
    const patron = this.patrons.get(r.patronId);
    if (!patron) return { ...refuse('Invalid patron'), renewed: [], unrenewed: [] };
    if (!this.passwordOk(patron, r.patronPassword))
      return { ...refuse('Invalid patron password'), renewed: [], unrenewed: [] };
    const renewed: string[] = [];
    const unrenewed: string[] = [];
    for (const loan of this.loansOf(r.patronId)) {
      const result = this.renewLoan(patron, loan, this.items.get(loan.itemId)!, false);
      (result.ok ? renewed : unrenewed).push(loan.itemId);
    }
    return { ok: true, renewed, unrenewed };
  }

  async hold(_ctx: IlsContext, r: HoldRequest): Promise<HoldResult> {
    const patron = this.patrons.get(r.patronId);
    if (!patron) return refuse('Invalid patron');
    if (!this.passwordOk(patron, r.patronPassword)) return refuse('Invalid patron password');
    const titleId = r.titleId ?? (r.itemId !== undefined ? this.titleOf(r.itemId) : undefined);
    if (
      titleId === undefined ||
      ![...this.items.values()].some((i) => (i.data.titleId ?? i.data.id) === titleId)
    )
      return refuse('Invalid item or title');
    const mine = (h: Hold) =>
      h.patronId === r.patronId &&
      h.titleId === titleId &&
      (r.itemId === undefined || h.itemId === undefined || h.itemId === r.itemId);
    if (r.mode === 'delete') {
      const hold = this.holds.find(mine);
      if (!hold) return refuse('No such hold');
      this.holds = this.holds.filter((h) => h !== hold);
      return { ok: true, titleId, ...opt('itemId', hold.itemId), screenMessage: ['Hold cancelled'] };
    }
    if (r.mode === 'change') {
      const hold = this.holds.find(mine);
      if (!hold) return refuse('No such hold');
      if (r.pickupLocation !== undefined) hold.pickupLocation = r.pickupLocation;
      if (r.expirationDate !== undefined) hold.expirationDate = r.expirationDate;
      return this.holdResult(hold);
    }
    const reason = this.holdBlock(patron);
    if (reason) return refuse(reason);
    if (this.holds.some(mine)) return refuse('You already have a hold on this title');
    if (r.itemId !== undefined && this.loans.get(r.itemId)?.patronId === r.patronId)
      return refuse('You have this item checked out');
    const hold: Hold = {
      id: ++this.holdSeq,
      patronId: r.patronId,
      itemId: r.itemId,
      titleId,
      pickupLocation: r.pickupLocation ?? patron.data.homeLibrary,
      expirationDate: r.expirationDate,
      trappedItemId: undefined,
    };
    this.holds.push(hold);
    return this.holdResult(hold);
  }

  async payFee(_ctx: IlsContext, r: FeePaidRequest): Promise<FeePaidResult> {
    const patron = this.patrons.get(r.patronId);
    if (!patron) return refuse('Invalid patron');
    if (!(r.amount > 0)) return refuse('Invalid amount');
    if (r.currency && r.currency !== this.rules.currency)
      return refuse(`Currency must be ${this.rules.currency}`);
    const owed =
      r.feeId !== undefined
        ? this.fees.filter((f) => f.patronId === r.patronId && f.id === r.feeId)
        : this.fees.filter((f) => f.patronId === r.patronId);
    if (r.feeId !== undefined && owed.length === 0) return refuse('No such fee');
    const total = cents(owed.reduce((s, f) => s + f.amount, 0));
    if (cents(r.amount) > total) return refuse(`Payment exceeds the amount owed (${total.toFixed(2)})`);
    let left = cents(r.amount);
    for (const fee of owed) {
      const paid = Math.min(fee.amount, left);
      fee.amount = cents(fee.amount - paid);
      left = cents(left - paid);
    }
    this.fees = this.fees.filter((f) => f.amount > 0);
    return {
      ok: true,
      transactionId: r.transactionId ?? `TX${++this.txSeq}`,
      screenMessage: ['Payment accepted'],
    };
  }

  async endPatronSession(_ctx: IlsContext, patronId: string): Promise<EndSessionResult> {
    return this.patrons.has(patronId) ? { ok: true, screenMessage: ['Thank you'] } : refuse('Invalid patron');
  }

  async blockPatron(_ctx: IlsContext, r: BlockPatronRequest): Promise<void> {
    const p = this.patrons.get(r.patronId);
    if (!p) return;
    p.blocked = true;
    p.blockMessage = r.message || (r.cardRetained ? 'Card retained by self-check' : 'Blocked by self-check');
  }

  async enablePatron(_ctx: IlsContext, patronId: string): Promise<IlsMessages> {
    const p = this.patrons.get(patronId);
    if (!p) return { screenMessage: ['Invalid patron'] };
    p.blocked = false;
    p.blockMessage = undefined;
    return { screenMessage: ['Patron enabled'] };
  }

  async itemStatusUpdate(
    _ctx: IlsContext,
    itemId: string,
    itemProperties: string,
  ): Promise<ItemStatusUpdateResult> {
    const item = this.items.get(itemId);
    if (!item) return refuse('Invalid item');
    item.properties = itemProperties;
    return { ok: true };
  }

  // ---- state -------------------------------------------------------------------------------

  /** The current state as a data file (loans, holds and fees included). */
  snapshot(): IlsData {
    return {
      ...(this.institutionId ? { institutionId: this.institutionId } : {}),
      rules: this.rules,
      patrons: [...this.patrons.values()].map((p) => ({
        ...p.data,
        blocked: p.blocked,
        ...opt('blockMessage', p.blockMessage),
      })),
      items: [...this.items.values()].map((i) => ({ ...i.data, ...opt('properties', i.properties) })),
      loans: [...this.loans.values()].map((l) => ({
        itemId: l.itemId,
        patronId: l.patronId,
        dueDate: l.dueDate.toISOString(),
        renewals: l.renewals,
      })),
      holds: this.holds.map((h) => ({
        patronId: h.patronId,
        titleId: h.titleId,
        ...opt('itemId', h.itemId),
        ...opt('pickupLocation', h.pickupLocation),
        ...opt('expirationDate', h.expirationDate?.toISOString()),
      })),
      fees: this.fees.map((f) => ({
        id: f.id,
        patronId: f.patronId,
        amount: f.amount,
        type: f.type,
        ...opt('description', f.description),
        ...opt('itemId', f.itemId),
      })),
    };
  }

  // ---- rules -------------------------------------------------------------------------------

  private passwordOk(p: PatronState, password: string | undefined): boolean {
    // A terminal that sends no password (or an empty AD) is not checking one.
    return (
      password === undefined ||
      password === '' ||
      p.data.password === undefined ||
      p.data.password === password
    );
  }

  private expired(p: PatronState): boolean {
    return p.data.expires !== undefined && Date.parse(p.data.expires) + DAY <= this.now().getTime();
  }

  private owed(patronId: string): number {
    return cents(this.fees.filter((f) => f.patronId === patronId).reduce((s, f) => s + f.amount, 0));
  }

  private loansOf(patronId: string): Loan[] {
    return [...this.loans.values()].filter((l) => l.patronId === patronId);
  }

  private borrowBlock(p: PatronState): string | undefined {
    if (p.blocked) return p.blockMessage ?? 'Your account is blocked';
    if (p.data.cardLost) return 'Card reported lost';
    if (this.expired(p)) return 'Your card has expired';
    if (this.owed(p.data.id) > this.rules.feeLimit) return 'Fees owed exceed the limit';
    if (this.loansOf(p.data.id).length >= this.rules.chargedItemsLimit) return 'Too many items checked out';
    return undefined;
  }

  private holdBlock(p: PatronState): string | undefined {
    if (p.blocked) return p.blockMessage ?? 'Your account is blocked';
    if (this.expired(p)) return 'Your card has expired';
    if (this.holds.filter((h) => h.patronId === p.data.id).length >= this.rules.holdItemsLimit)
      return 'Too many holds';
    return undefined;
  }

  private unavailableReason(item: ItemState): string | undefined {
    const s = item.data.status;
    return s && s !== 'available' ? `Item is ${s}` : undefined;
  }

  private titleOf(itemId: string): string | undefined {
    const item = this.items.get(itemId);
    return item ? (item.data.titleId ?? item.data.id) : undefined;
  }

  private dueFromNow(): Date {
    return new Date(this.now().getTime() + this.rules.loanDays * DAY);
  }

  private overdueFine(loan: Loan, returned: Date): number {
    const late = Math.ceil((returned.getTime() - loan.dueDate.getTime()) / DAY);
    return late > 0 ? cents(Math.min(late * this.rules.finePerDay, this.rules.maxFine)) : 0;
  }

  /** Untrapped holds that this copy can fill, oldest first. */
  private nextHoldFor(item: ItemState): Hold | undefined {
    const titleId = item.data.titleId ?? item.data.id;
    return this.holds.find(
      (h) =>
        h.trappedItemId === undefined &&
        h.titleId === titleId &&
        (h.itemId === undefined || h.itemId === item.data.id),
    );
  }

  private fulfilHold(patronId: string, item: ItemState): void {
    const titleId = item.data.titleId ?? item.data.id;
    const i = this.holds.findIndex((h) => h.patronId === patronId && h.titleId === titleId);
    if (i >= 0) this.holds.splice(i, 1);
  }

  private renewLoan(patron: PatronState, loan: Loan, item: ItemState, thirdParty: boolean): CheckoutResult {
    if (loan.renewals >= this.rules.maxRenewals) return { ...refuse('Renewal limit reached'), renewal: true };
    if (patron.blocked || this.expired(patron) || this.owed(patron.data.id) > this.rules.feeLimit)
      return { ...refuse('Renewal not allowed: account blocked, expired or fees owed'), renewal: true };
    if (this.nextHoldFor(item) && this.nextHoldFor(item)?.patronId !== loan.patronId)
      return { ...refuse('Item is on hold for another patron'), renewal: true };
    loan.renewals++;
    loan.dueDate = new Date(
      Math.max(this.now().getTime(), loan.dueDate.getTime()) + this.rules.loanDays * DAY,
    );
    return {
      ...this.loanResult(item, loan.dueDate, true),
      ...(thirdParty ? { screenMessage: ['Renewed for the borrower'] } : {}),
    };
  }

  private loanResult(item: ItemState, due: Date, renewal: boolean): CheckoutResult {
    const magnetic = item.data.magneticMedia ?? false;
    return {
      ok: true,
      renewal,
      desensitize: !magnetic,
      magneticMedia: magnetic,
      dueDate: due,
      title: item.data.title,
      ...opt('mediaType', item.data.mediaType),
      ...opt('itemProperties', item.properties),
      screenMessage: [renewal ? 'Renewed' : 'Checked out'],
    };
  }

  private holdResult(hold: Hold): HoldResult {
    const queue = this.holds.filter((h) => h.titleId === hold.titleId);
    const available = [...this.items.values()].some(
      (i) =>
        (i.data.titleId ?? i.data.id) === hold.titleId &&
        !this.loans.has(i.data.id) &&
        !this.unavailableReason(i),
    );
    return {
      ok: true,
      available: available || hold.trappedItemId !== undefined,
      queuePosition: queue.indexOf(hold) + 1,
      titleId: hold.titleId,
      ...opt('itemId', hold.itemId),
      ...opt('pickupLocation', hold.pickupLocation),
      ...opt('expirationDate', hold.expirationDate),
    };
  }

  private patronView(patronId: string): IlsPatron | undefined {
    const p = this.patrons.get(patronId);
    if (!p) return undefined;
    const now = this.now().getTime();
    const loans = this.loansOf(patronId);
    const holds = this.holds.filter((h) => h.patronId === patronId);
    const fees = this.fees.filter((f) => f.patronId === patronId);
    const owed = this.owed(patronId);
    const overdue = loans.filter((l) => l.dueDate.getTime() < now);
    const expired = this.expired(p);
    const tooMany = loans.length >= this.rules.chargedItemsLimit;
    const overFees = owed > this.rules.feeLimit;
    const d = p.data;
    return {
      id: d.id,
      name: d.name,
      valid: !expired,
      status: {
        chargePrivilegesDenied: p.blocked || expired || tooMany || overFees || !!d.cardLost,
        renewalPrivilegesDenied: p.blocked || expired || overFees,
        recallPrivilegesDenied: p.blocked,
        holdPrivilegesDenied: p.blocked || expired || holds.length >= this.rules.holdItemsLimit,
        cardReportedLost: !!d.cardLost,
        tooManyItemsCharged: tooMany,
        tooManyItemsOverdue:
          overdue.length > 0 && overdue.length >= Math.max(1, Math.ceil(this.rules.chargedItemsLimit / 4)),
        excessiveOutstandingFines: overFees,
      },
      ...opt('language', d.language),
      ...opt('email', d.email),
      ...opt('phone', d.phone),
      ...opt('address', d.address),
      ...opt('homeLibrary', d.homeLibrary),
      ...opt('birthDate', d.birthDate),
      ...opt('patronClass', d.patronClass),
      currency: this.rules.currency,
      feeAmount: owed,
      feeLimit: this.rules.feeLimit,
      holdItemsLimit: this.rules.holdItemsLimit,
      chargedItemsLimit: this.rules.chargedItemsLimit,
      holdItems: holds.filter((h) => h.trappedItemId !== undefined).map((h) => h.trappedItemId!),
      unavailableHoldItems: holds
        .filter((h) => h.trappedItemId === undefined)
        .map((h) => h.itemId ?? h.titleId),
      chargedItems: loans.map((l) => l.itemId),
      overdueItems: overdue.map((l) => l.itemId),
      fineItems: fees.map((f) => `${f.id} ${f.amount.toFixed(2)} ${f.description ?? 'Fee'}`),
      recallItems: [],
      ...(p.blocked && p.blockMessage ? { screenMessage: [p.blockMessage] } : {}),
    };
  }

  private itemView(itemId: string): IlsItem | undefined {
    const item = this.items.get(itemId);
    if (!item) return undefined;
    const d = item.data;
    const loan = this.loans.get(itemId);
    const trapped = this.holds.find((h) => h.trappedItemId === itemId);
    const titleId = d.titleId ?? d.id;
    let queue = 0; // counted, not filtered: no array per lookup
    for (const h of this.holds) if (h.titleId === titleId && h.trappedItemId === undefined) queue++;
    const holder = trapped ? this.patrons.get(trapped.patronId) : undefined;
    // Optional properties set one by one, not spread: this runs for every 17 and costs no garbage.
    const view: IlsItem = {
      id: d.id,
      title: d.title,
      circulationStatus: this.statusOf(item, loan, trapped),
      securityMarker: '02',
      feeType: '01',
      currency: this.rules.currency,
      magneticMedia: d.magneticMedia ?? false,
      holdQueueLength: queue,
    };
    return assignDefined(view, {
      mediaType: d.mediaType,
      owner: d.owner,
      permanentLocation: d.permanentLocation,
      currentLocation: item.inTransitTo ? 'IN TRANSIT' : d.permanentLocation,
      callNumber: d.callNumber,
      collectionCode: d.collectionCode,
      properties: item.properties,
      dueDate: loan?.dueDate,
      borrowerId: loan?.patronId,
      holdPickupDate: trapped?.expirationDate,
      destinationLocation: item.inTransitTo,
      holdPatronId: trapped?.patronId,
      holdPatronName: holder?.data.name,
    });
  }

  private statusOf(item: ItemState, loan: Loan | undefined, trapped: Hold | undefined): CirculationStatus {
    const map: Record<string, CirculationStatus> = {
      lost: '12',
      missing: '13',
      'in process': '06',
      'on order': '02',
      'claimed returned': '11',
    };
    const s = item.data.status;
    if (s && s !== 'available') return map[s] ?? '01';
    if (loan) return '04';
    if (trapped && !item.inTransitTo) return '08';
    if (item.inTransitTo) return '10';
    return '03';
  }
}
