// One handler per transaction request: read the request's fields, ask the ILS, build the response.
// Handlers never throw for ILS refusals (those are ok=0 responses); an ILS exception is turned into
// a refusal by the session, so a broken back end cannot take the connection down.
import { build, type Sip2BuildParams } from '../codec/build.js';
import { parseSip2Date, sip2DateToDate } from '../codec/dates.js';
import { readFields } from '../codec/fields.js';
import type { Sip2Code } from '../codec/specs.js';
import type { Sip2Message, Sip2MessageOf } from '../codec/types.js';
import {
  getField,
  parseSummary,
  readFlag,
  type Sip2SummaryList,
  type SUMMARY_LISTS,
} from '../codec/values.js';
import { assignDefined } from '../ils/assign.js';
import type { CheckoutResult, IlsContext, IlsMessages, IlsPatron, SipIls } from '../ils/types.js';
import { opt } from '../util/opt.js';
import type { SipPolicy } from './config.js';

export interface TransactionContext {
  readonly ils: SipIls;
  readonly ctx: IlsContext;
  readonly policy: SipPolicy;
  /** Largest number of list entries a 64 sends when the SC gives no BP/BQ window. */
  readonly maxSummaryItems: number;
}

const dateOf = (text: string | undefined): Date | undefined => {
  if (!text?.trim()) return undefined;
  const parsed = parseSip2Date(text);
  return parsed ? sip2DateToDate(parsed) : undefined;
};
const flag = (text: string | undefined) => readFlag(text) === true;
const nonEmpty = (s: string | undefined) => (s === undefined || s === '' ? undefined : s);
const screen = (r: IlsMessages) => ({
  ...(r.screenMessage?.length ? { screenMessage: r.screenMessage } : {}),
  ...(r.printLine?.length ? { printLine: r.printLine } : {}),
});
const refused = (text: string) => ({ screenMessage: [text] });

async function patronPasswordValid(t: TransactionContext, patronId: string, password: string | undefined) {
  if (password === undefined || password === '') return undefined;
  return t.ils.checkPatronPassword ? await t.ils.checkPatronPassword(t.ctx, patronId, password) : true;
}

function statusBase(
  t: TransactionContext,
  patronId: string,
  patron: IlsPatron | undefined,
  pwOk: boolean | undefined,
  language: string,
) {
  return {
    institutionId: t.ctx.institutionId,
    patronIdentifier: patronId,
    personalName: patron?.name ?? '',
    patronStatus: patron
      ? patron.status
      : {
          chargePrivilegesDenied: true,
          renewalPrivilegesDenied: true,
          recallPrivilegesDenied: true,
          holdPrivilegesDenied: true,
        },
    language: patron?.language ?? language,
    validPatron: !!patron?.valid,
    ...opt('validPatronPassword', pwOk),
  };
}

export async function patronStatus(t: TransactionContext, m: Sip2MessageOf<'23'>): Promise<Sip2Message> {
  const f = readFields(m);
  const patron = await t.ils.findPatron(t.ctx, f.patronIdentifier ?? '');
  const pwOk = patron ? await patronPasswordValid(t, patron.id, f.patronPassword) : false;
  return build.patronStatusResponse({
    ...statusBase(t, f.patronIdentifier ?? '', patron, pwOk, m.fixed.language),
    ...(patron ? { currencyType: patron.currency ?? 'USD', feeAmount: patron.feeAmount ?? 0 } : {}),
    ...opt('homeAddress', patron?.address),
    ...opt('emailAddress', patron?.email),
    ...opt('homePhoneNumber', patron?.phone),
    ...(patron ? screen(patron) : refused('Invalid patron')),
  });
}

/** The 1-based BP/BQ window applied to one list. */
function windowOf(
  list: readonly string[],
  start: string | undefined,
  end: string | undefined,
  max: number,
): readonly string[] {
  const from = Math.max(1, Number.parseInt(start ?? '1', 10) || 1);
  const to = Math.min(list.length, Number.parseInt(end ?? '', 10) || from + max - 1, from + max - 1);
  return list.slice(from - 1, to);
}

export async function patronInformation(t: TransactionContext, m: Sip2MessageOf<'63'>): Promise<Sip2Message> {
  const f = readFields(m);
  const patron = await t.ils.findPatron(t.ctx, f.patronIdentifier ?? '');
  const pwOk = patron ? await patronPasswordValid(t, patron.id, f.patronPassword) : false;
  const requested: Sip2SummaryList | undefined = parseSummary(m.fixed.summary);
  const lists: Partial<Record<(typeof SUMMARY_LISTS)[number], readonly string[]>> = {};
  // The lists are the patron's private data: only with a right (or no) password.
  if (patron && requested && requested !== 'feeItems' && pwOk !== false) {
    lists[requested] = windowOf(patron[requested], f.startItem, f.endItem, t.maxSummaryItems);
  }
  return build.patronInformationResponse({
    ...statusBase(t, f.patronIdentifier ?? '', patron, pwOk, m.fixed.language),
    holdItemsCount: patron?.holdItems.length ?? 0,
    overdueItemsCount: patron?.overdueItems.length ?? 0,
    chargedItemsCount: patron?.chargedItems.length ?? 0,
    fineItemsCount: patron?.fineItems.length ?? 0,
    recallItemsCount: patron?.recallItems.length ?? 0,
    unavailableHoldsCount: patron?.unavailableHoldItems.length ?? 0,
    ...(patron
      ? {
          currencyType: patron.currency ?? 'USD',
          feeAmount: patron.feeAmount ?? 0,
          ...opt('feeLimit', patron.feeLimit),
          ...opt('holdItemsLimit', patron.holdItemsLimit),
          ...opt('overdueItemsLimit', patron.overdueItemsLimit),
          ...opt('chargedItemsLimit', patron.chargedItemsLimit),
          ...opt('homeAddress', patron.address),
          ...opt('emailAddress', patron.email),
          ...opt('homePhoneNumber', patron.phone),
          ...opt('homeLibrary', patron.homeLibrary),
          ...opt('patronBirthDate', patron.birthDate),
          ...opt('patronClass', patron.patronClass),
          ...screen(patron),
        }
      : refused('Invalid patron')),
    ...lists,
  });
}

function loanResponse<C extends '12' | '30'>(
  code: C,
  t: TransactionContext,
  patronId: string,
  itemId: string,
  r: CheckoutResult,
): Sip2Message {
  const params = {
    ok: r.ok,
    renewalOk: !!r.renewal,
    magneticMedia: r.magneticMedia === 'unknown' ? 'U' : !!r.magneticMedia,
    desensitize: r.desensitize === 'unknown' ? 'U' : !!r.desensitize,
    institutionId: t.ctx.institutionId,
    patronIdentifier: patronId,
    itemIdentifier: itemId,
    titleIdentifier: r.title ?? '',
    ...(r.dueDate && r.ok ? { dueDate: r.dueDate } : {}),
    ...opt('feeType', r.feeType),
    ...opt('securityInhibit', r.securityInhibit),
    ...(r.feeAmount !== undefined ? { feeAmount: r.feeAmount, currencyType: r.currency ?? 'USD' } : {}),
    ...opt('mediaType', r.mediaType),
    ...opt('itemProperties', r.itemProperties),
    ...opt('transactionId', r.transactionId),
    ...screen(r),
  };
  return code === '12' ? build.checkoutResponse(params) : build.renewResponse(params);
}

export async function checkout(t: TransactionContext, m: Sip2MessageOf<'11'>): Promise<Sip2Message> {
  const f = readFields(m);
  const patronId = f.patronIdentifier ?? '';
  const itemId = f.itemIdentifier ?? '';
  if (!t.policy.checkout)
    return loanResponse('12', t, patronId, itemId, { ok: false, ...refused('Checkout is not allowed here') });
  const r = await t.ils.checkout(t.ctx, {
    patronId,
    itemId,
    patronPassword: f.patronPassword,
    scRenewal: flag(m.fixed.scRenewalPolicy) && t.policy.renewal,
    noBlock: flag(m.fixed.noBlock),
    nbDueDate: dateOf(m.fixed.nbDueDate),
    feeAcknowledged: flag(f.feeAcknowledged),
    cancel: flag(f.cancel),
    itemProperties: f.itemProperties,
  });
  return loanResponse('12', t, patronId, itemId, r);
}

export async function renew(t: TransactionContext, m: Sip2MessageOf<'29'>): Promise<Sip2Message> {
  const f = readFields(m);
  const patronId = f.patronIdentifier ?? '';
  const itemId = f.itemIdentifier ?? '';
  if (!t.policy.renewal || !t.ils.renew)
    return loanResponse('30', t, patronId, itemId, { ok: false, ...refused('Renewal is not allowed here') });
  const r = await t.ils.renew(t.ctx, {
    patronId,
    patronPassword: f.patronPassword,
    itemId: nonEmpty(f.itemIdentifier),
    titleId: nonEmpty(f.titleIdentifier),
    thirdPartyAllowed: flag(m.fixed.thirdPartyAllowed),
    noBlock: flag(m.fixed.noBlock),
    nbDueDate: dateOf(m.fixed.nbDueDate),
    feeAcknowledged: flag(f.feeAcknowledged),
    itemProperties: f.itemProperties,
  });
  return loanResponse('30', t, patronId, itemId, r);
}

export async function checkin(t: TransactionContext, m: Sip2MessageOf<'09'>): Promise<Sip2Message> {
  const f = readFields(m);
  const itemId = f.itemIdentifier ?? '';
  const base = { institutionId: t.ctx.institutionId, itemIdentifier: itemId };
  if (!t.policy.checkin)
    return build.checkinResponse({ ok: false, ...base, ...refused('Check-in is not allowed here') });
  const r = await t.ils.checkin(t.ctx, {
    itemId,
    returnDate: dateOf(m.fixed.returnDate) ?? dateOf(m.fixed.transactionDate) ?? new Date(),
    currentLocation: f.currentLocation ?? '',
    itemProperties: f.itemProperties,
    cancel: flag(f.cancel),
    noBlock: flag(m.fixed.noBlock),
  });
  return build.checkinResponse({
    ok: r.ok,
    resensitize: r.resensitize ?? r.ok,
    magneticMedia: r.magneticMedia === 'unknown' ? 'U' : !!r.magneticMedia,
    alert: !!r.alert,
    ...base,
    permanentLocation: r.permanentLocation ?? '',
    ...opt('titleIdentifier', r.title),
    ...opt('sortBin', r.sortBin),
    ...opt('patronIdentifier', r.patronId),
    ...opt('mediaType', r.mediaType),
    ...opt('alertType', r.alertType),
    ...opt('destinationLocation', r.destinationLocation),
    ...opt('holdPatronId', r.holdPatronId),
    ...opt('holdPatronName', r.holdPatronName),
    ...opt('callNumber', r.callNumber),
    ...opt('collectionCode', r.collectionCode),
    ...screen(r),
  });
}

export async function renewAll(t: TransactionContext, m: Sip2MessageOf<'65'>): Promise<Sip2Message> {
  const f = readFields(m);
  const allowed = t.policy.renewal && t.ils.renewAll;
  const r = allowed
    ? await t.ils.renewAll!(t.ctx, {
        patronId: f.patronIdentifier ?? '',
        patronPassword: f.patronPassword,
        feeAcknowledged: flag(f.feeAcknowledged),
      })
    : { ok: false, renewed: [], unrenewed: [], ...refused('Renewal is not allowed here') };
  return build.renewAllResponse({
    ok: r.ok,
    renewedCount: r.renewed.length,
    unrenewedCount: r.unrenewed.length,
    institutionId: t.ctx.institutionId,
    renewedItems: r.renewed,
    unrenewedItems: r.unrenewed,
    ...screen(r),
  });
}

export async function itemInformation(t: TransactionContext, m: Sip2MessageOf<'17'>): Promise<Sip2Message> {
  // One field: no readFields record for the request kiosks send most.
  const itemId = getField(m, 'AB') ?? '';
  const item = await t.ils.findItem(t.ctx, itemId);
  if (!item) {
    return build.itemInformationResponse({
      circulationStatus: '01',
      securityMarker: '01',
      feeType: '01',
      itemIdentifier: itemId,
      titleIdentifier: '',
      ...refused('Invalid item'),
    });
  }
  // Optional fields set one by one, not spread: 17 is the message kiosks send most.
  const params: Sip2BuildParams<'18'> = {
    circulationStatus: item.circulationStatus,
    securityMarker: item.securityMarker ?? '01',
    feeType: item.feeType ?? '01',
    itemIdentifier: item.id,
    titleIdentifier: item.title,
  };
  return build.itemInformationResponse(
    assignDefined(params, {
      holdQueueLength: item.holdQueueLength,
      dueDate: item.dueDate,
      recallDate: item.recallDate,
      holdPickupDate: item.holdPickupDate,
      owner: item.owner,
      feeAmount: item.feeAmount,
      currencyType: item.feeAmount !== undefined ? (item.currency ?? 'USD') : undefined,
      mediaType: item.mediaType,
      permanentLocation: item.permanentLocation,
      currentLocation: item.currentLocation,
      itemProperties: item.properties,
      destinationLocation: item.destinationLocation,
      holdPatronId: item.holdPatronId,
      holdPatronName: item.holdPatronName,
      callNumber: item.callNumber,
      collectionCode: item.collectionCode,
    }),
  );
}

export async function itemStatusUpdate(t: TransactionContext, m: Sip2MessageOf<'19'>): Promise<Sip2Message> {
  const f = readFields(m);
  const itemId = f.itemIdentifier ?? '';
  if (!t.policy.statusUpdate || !t.ils.itemStatusUpdate) {
    return build.itemStatusUpdateResponse({
      itemPropertiesOk: false,
      itemIdentifier: itemId,
      ...refused('Status update is not allowed here'),
    });
  }
  const r = await t.ils.itemStatusUpdate(t.ctx, itemId, f.itemProperties ?? '');
  const item = r.ok ? await t.ils.findItem(t.ctx, itemId) : undefined;
  return build.itemStatusUpdateResponse({
    itemPropertiesOk: r.ok,
    itemIdentifier: itemId,
    ...opt('titleIdentifier', item?.title),
    ...opt('itemProperties', item?.properties),
    ...screen(r),
  });
}

export async function hold(t: TransactionContext, m: Sip2MessageOf<'15'>): Promise<Sip2Message> {
  const f = readFields(m);
  const patronId = f.patronIdentifier ?? '';
  const mode = m.fixed.holdMode === '+' ? 'add' : m.fixed.holdMode === '-' ? 'delete' : 'change';
  const base = { institutionId: t.ctx.institutionId, patronIdentifier: patronId };
  if (!t.ils.hold)
    return build.holdResponse({ ok: false, ...base, ...refused('Holds are not supported here') });
  const r = await t.ils.hold(t.ctx, {
    mode,
    patronId,
    patronPassword: f.patronPassword,
    itemId: nonEmpty(f.itemIdentifier),
    titleId: nonEmpty(f.titleIdentifier),
    expirationDate: dateOf(f.expirationDate),
    pickupLocation: nonEmpty(f.pickupLocation),
    holdType: nonEmpty(f.holdType),
    feeAcknowledged: flag(f.feeAcknowledged),
  });
  return build.holdResponse({
    ok: r.ok,
    available: !!r.available,
    ...base,
    ...opt('expirationDate', r.expirationDate),
    ...opt('queuePosition', r.queuePosition),
    ...opt('pickupLocation', r.pickupLocation),
    ...opt('itemIdentifier', r.itemId ?? nonEmpty(f.itemIdentifier)),
    ...opt('titleIdentifier', r.titleId ?? nonEmpty(f.titleIdentifier)),
    ...screen(r),
  });
}

export async function feePaid(t: TransactionContext, m: Sip2MessageOf<'37'>): Promise<Sip2Message> {
  const f = readFields(m);
  const patronId = f.patronIdentifier ?? '';
  const base = { institutionId: t.ctx.institutionId, patronIdentifier: patronId };
  const amount = Number.parseFloat(f.feeAmount ?? '');
  if (!t.ils.payFee)
    return build.feePaidResponse({
      paymentAccepted: false,
      ...base,
      ...refused('Payments are not accepted here'),
    });
  const r = Number.isFinite(amount)
    ? await t.ils.payFee(t.ctx, {
        patronId,
        patronPassword: f.patronPassword,
        amount,
        currency: m.fixed.currencyType.trim(),
        feeType: m.fixed.feeType,
        paymentType: m.fixed.paymentType,
        feeId: nonEmpty(f.feeIdentifier),
        transactionId: nonEmpty(f.transactionId),
      })
    : { ok: false, ...refused('Invalid amount') };
  return build.feePaidResponse({
    paymentAccepted: r.ok,
    ...base,
    ...opt('transactionId', 'transactionId' in r ? r.transactionId : undefined),
    ...screen(r),
  });
}

export async function endPatronSession(t: TransactionContext, m: Sip2MessageOf<'35'>): Promise<Sip2Message> {
  const f = readFields(m);
  const patronId = f.patronIdentifier ?? '';
  const r = t.ils.endPatronSession ? await t.ils.endPatronSession(t.ctx, patronId) : { ok: true };
  return build.endSessionResponse({
    endSession: r.ok,
    institutionId: t.ctx.institutionId,
    patronIdentifier: patronId,
    ...screen(r),
  });
}

export async function blockPatron(t: TransactionContext, m: Sip2MessageOf<'01'>): Promise<Sip2Message> {
  const f = readFields(m);
  const patronId = f.patronIdentifier ?? '';
  if (t.policy.statusUpdate && t.ils.blockPatron) {
    await t.ils.blockPatron(t.ctx, {
      patronId,
      cardRetained: flag(m.fixed.cardRetained),
      message: f.blockedCardMessage ?? '',
    });
  }
  // The 3M document answers a block with a patron status response.
  const patron = await t.ils.findPatron(t.ctx, patronId);
  return build.patronStatusResponse({
    ...statusBase(t, patronId, patron, undefined, '000'),
    ...(t.policy.statusUpdate && t.ils.blockPatron ? {} : refused('Blocking is not allowed here')),
  });
}

export async function patronEnable(t: TransactionContext, m: Sip2MessageOf<'25'>): Promise<Sip2Message> {
  const f = readFields(m);
  const patronId = f.patronIdentifier ?? '';
  const allowed = t.policy.statusUpdate && t.ils.enablePatron;
  const pwOk = await patronPasswordValid(t, patronId, f.patronPassword);
  const r =
    allowed && pwOk !== false
      ? await t.ils.enablePatron!(t.ctx, patronId)
      : refused('Enabling is not allowed here');
  const patron = await t.ils.findPatron(t.ctx, patronId);
  const base = statusBase(t, patronId, patron, pwOk, '000');
  return build.patronEnableResponse({ ...base, ...screen(r) });
}

/** The request codes an ILS and policy can serve (for BX), besides 93/99/97 which the session handles. */
export function supportedRequests(ils: SipIls, policy: SipPolicy): Sip2Code[] {
  const codes: Sip2Code[] = ['93', '99', '97', '23', '63', '17'];
  if (policy.checkout) codes.push('11');
  if (policy.checkin) codes.push('09');
  if (ils.endPatronSession) codes.push('35');
  if (ils.payFee) codes.push('37');
  if (ils.hold) codes.push('15');
  if (policy.renewal && ils.renew) codes.push('29');
  if (policy.renewal && ils.renewAll) codes.push('65');
  if (policy.statusUpdate && ils.itemStatusUpdate) codes.push('19');
  if (policy.statusUpdate && ils.blockPatron) codes.push('01');
  if (policy.statusUpdate && ils.enablePatron) codes.push('25');
  return codes;
}
