// One connection's protocol state, without sockets: framed requests in, encoded responses out.
// Login, SC status, error detection (96 on a bad checksum, 97 answered with the last response,
// sequence numbers echoed), dispatch to the ILS, per-account charset, terminator and field delimiter.
// Messages that need no back end are answered synchronously; only ILS calls return a promise.
import { build } from '../codec/build.js';
import type { Sip2Charset } from '../codec/charset.js';
import { parseSip2Date, sip2DateToDate } from '../codec/dates.js';
import { readFields } from '../codec/fields.js';
import { messageName } from '../codec/specs.js';
import type {
  Sip2Decoded,
  Sip2EncodeOptions,
  Sip2FramedItem,
  Sip2Message,
  Sip2MessageOf,
} from '../codec/types.js';
import type { Sip2RequestCode } from '../codec/values.js';
import type { IlsContext, SipIls } from '../ils/types.js';
import { encodeToSlab } from '../transport/slab.js';
import {
  DEFAULT_POLICY,
  type ErrorDetectionMode,
  type SipAccount,
  type SipInstitution,
  type SipPolicy,
} from './config.js';
import * as tx from './transactions.js';

export interface SessionSettings {
  readonly ils: SipIls;
  readonly accounts: ReadonlyMap<string, SipAccount>;
  readonly institutions: ReadonlyMap<string, SipInstitution>;
  /** Answer 99 before 93 (some SCs send it first). Default true. */
  readonly allowStatusBeforeLogin: boolean;
  /** Refuse every other message before a successful login. Default true. */
  readonly requireLogin: boolean;
  readonly maxSummaryItems: number;
  /** Field delimiter before login (the 93 and an early 99; default `|`); an account's own applies after it. */
  readonly delimiter?: string;
}

/** What the session wants the transport to do. */
export type SessionOutcome =
  | {
      readonly kind: 'reply';
      readonly bytes: Uint8Array;
      readonly code: string;
      readonly responseCode: string;
    }
  | { readonly kind: 'close'; readonly reason: string; readonly bytes?: Uint8Array }
  | { readonly kind: 'ignore' };

export interface SessionHooks {
  /** Called for each login attempt; returns false when the address is locked out (answer 94 ok=0). */
  loginAllowed(): boolean;
  /**
   * Whether this connection may log in as `loginId` (a client certificate mapped to accounts);
   * undefined: any account.
   */
  readonly accountAllowed?: (loginId: string) => boolean;
  loginResult(loginId: string, ok: boolean): void;
  ilsError(code: string, error: unknown): void;
}

const enc = new TextEncoder();

/** Compares two strings in time independent of where they differ (password checks). */
function safeEqual(a: string, b: string): boolean {
  const x = enc.encode(a);
  const y = enc.encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

export class SipSession {
  account: SipAccount | undefined;
  private institution: SipInstitution | undefined;
  private location: string | undefined;
  private lastResponse: Uint8Array | undefined;
  private lastContext: { readonly raw: string | undefined; readonly t: tx.TransactionContext } | undefined;
  /** Encode options of the connection now; rebuilt at login, not per message. */
  private encodeOptions: Sip2EncodeOptions;

  constructor(
    private readonly settings: SessionSettings,
    private readonly hooks: SessionHooks,
  ) {
    this.encodeOptions = this.currentEncodeOptions();
  }

  private currentEncodeOptions(): Sip2EncodeOptions {
    return {
      charset: this.charset,
      terminator: this.account?.terminator ?? '\r',
      fieldDelimiter: this.delimiter,
    };
  }

  get charset(): Sip2Charset {
    return this.account?.charset ?? 'utf-8';
  }

  get loggedIn(): boolean {
    return this.account !== undefined;
  }

  private get errorDetection(): ErrorDetectionMode {
    return this.account?.errorDetection ?? 'auto';
  }

  /** The logged-in institution's policy over the defaults; set at login, not rebuilt per message. */
  private policy: SipPolicy = DEFAULT_POLICY;

  private get ils(): SipIls {
    return this.institution?.ils ?? this.settings.ils;
  }

  /** Field delimiter of the connection now: the account's after login, the listener's before. */
  get delimiter(): string {
    return this.account?.delimiter ?? this.settings.delimiter ?? '|';
  }

  /**
   * The outcome, synchronously unless the back end is asked (then a promise). Back-end failures
   * become refusals; it throws (or rejects) only when a response cannot be encoded.
   */
  handle(item: Sip2FramedItem): SessionOutcome | Promise<SessionOutcome> {
    if (item.kind === 'error') {
      // Too large, or not a message at all: ask for a resend rather than guess.
      return this.reply(build.requestScResend({}), '??', false);
    }
    const { message, checksum } = item.decoded;
    const mode = this.errorDetection;
    if (mode !== 'off' && checksum.present && !checksum.valid)
      return this.reply(build.requestScResend({}), message.code, false);
    if (mode === 'on' && !checksum.present && message.code !== '97')
      return this.reply(build.requestScResend({}), message.code, false);
    if (message.code === '97') {
      if (!this.lastResponse) return this.reply(build.requestScResend({}), '97', false);
      return { kind: 'reply', bytes: this.lastResponse, code: '97', responseCode: 'resend' };
    }
    const stamp = mode === 'on' || (mode === 'auto' && checksum.present);
    const sequence = message.sequence;
    if (message.code === '93') return this.login(message, stamp, sequence);
    if (!this.loggedIn && this.settings.requireLogin) {
      if (message.code === '99' && this.settings.allowStatusBeforeLogin) return this.status(stamp, sequence);
      return { kind: 'close', reason: `${message.code} before login` };
    }
    if (message.code === '99') return this.status(stamp, sequence);
    return this.transaction(item.decoded).then((response) =>
      response
        ? this.reply(response, message.code, stamp, sequence)
        : this.reply(build.requestScResend({}), message.code, false),
    );
  }

  private reply(message: Sip2Message, code: string, stamp: boolean, sequence?: number): SessionOutcome {
    // A fresh object of fixed shape (builders never set sequence/terminator): no rest/spread copies.
    const out = {
      code: message.code,
      fixed: message.fixed,
      fields: message.fields,
      sequence: message.code !== '96' && stamp ? (sequence ?? 0) : undefined, // 96 never carries AY
      checksum: message.code === '96' ? this.errorDetection !== 'off' : stamp,
    } as Sip2Message;
    const bytes = encodeToSlab(out, this.encodeOptions);
    if (message.code !== '96') this.lastResponse = bytes;
    return { kind: 'reply', bytes, code, responseCode: message.code };
  }

  private login(message: Sip2MessageOf<'93'>, stamp: boolean, sequence: number | undefined): SessionOutcome {
    const f = readFields(message);
    const loginId = f.loginUserId ?? '';
    if (!this.hooks.loginAllowed())
      return this.reply(build.loginResponse({ ok: false }), '93', stamp, sequence);
    const account = this.settings.accounts.get(loginId);
    const ok =
      !!account &&
      safeEqual(account.password, f.loginPassword ?? '') &&
      this.settings.institutions.has(account.institutionId) &&
      (this.hooks.accountAllowed?.(loginId) ?? true);
    this.hooks.loginResult(loginId, ok);
    if (ok) {
      this.account = account;
      this.institution = this.settings.institutions.get(account.institutionId);
      this.policy = { ...DEFAULT_POLICY, ...this.institution?.policy };
      this.location = f.locationCode || account.location;
      this.encodeOptions = this.currentEncodeOptions();
      this.lastContext = undefined;
    }
    // Stamp with the new account's mode when login switched it on.
    const on = ok && account?.errorDetection === 'on';
    return this.reply(build.loginResponse({ ok }), '93', stamp || on, sequence);
  }

  private status(stamp: boolean, sequence: number | undefined): SessionOutcome {
    const policy = this.policy;
    const institution = this.institution ?? this.settings.institutions.values().next().value;
    const supported = tx.supportedRequests(this.ils, policy) as Sip2RequestCode[];
    const response = build.acsStatus({
      onlineStatus: true,
      checkinOk: policy.checkin,
      checkoutOk: policy.checkout,
      acsRenewalPolicy: policy.renewal,
      statusUpdateOk: policy.statusUpdate,
      offlineOk: policy.offline,
      timeoutPeriod: Math.max(0, Math.min(999, Math.round(policy.timeout))),
      retriesAllowed: Math.max(0, Math.min(999, Math.round(policy.retries))),
      protocolVersion: '2.00',
      institutionId: institution?.id ?? '',
      ...(institution?.name ? { libraryName: institution.name } : {}),
      supportedMessages: supported,
      ...(this.location ? { terminalLocation: this.location } : {}),
      ...(institution?.screenMessage ? { screenMessage: [institution.screenMessage] } : {}),
    });
    return this.reply(response, '99', stamp, sequence);
  }

  /** Never rejects: a throwing back end becomes a refusal of the right type. */
  private async transaction(decoded: Sip2Decoded): Promise<Sip2Message | undefined> {
    const m = decoded.message;
    const t = this.transactionContext(this.account!, m);
    try {
      switch (m.code) {
        case '23':
          return await tx.patronStatus(t, m);
        case '63':
          return await tx.patronInformation(t, m);
        case '11':
          return await tx.checkout(t, m);
        case '09':
          return await tx.checkin(t, m);
        case '29':
          return await tx.renew(t, m);
        case '65':
          return await tx.renewAll(t, m);
        case '17':
          return await tx.itemInformation(t, m);
        case '19':
          return await tx.itemStatusUpdate(t, m);
        case '15':
          return await tx.hold(t, m);
        case '37':
          return await tx.feePaid(t, m);
        case '35':
          return await tx.endPatronSession(t, m);
        case '01':
          return await tx.blockPatron(t, m);
        case '25':
          return await tx.patronEnable(t, m);
        default:
          // A response code sent as a request, or 96 from the SC: nothing to dispatch.
          return undefined;
      }
    } catch (error) {
      this.hooks.ilsError(m.code, error);
      return refusalFor(m, t.ctx.institutionId, `${messageName(m.code)} failed; please ask staff`);
    }
  }

  /**
   * The context handed to the back end. It changes only with the login and the request's date (to
   * the second), so a busy terminal's requests share one frozen object instead of building one each.
   */
  private transactionContext(account: SipAccount, m: Sip2Message): tx.TransactionContext {
    const raw = (m.fixed as Readonly<Record<string, string | undefined>>).transactionDate;
    const last = this.lastContext;
    if (last !== undefined && raw !== undefined && last.raw === raw) return last.t;
    const parsed = raw ? parseSip2Date(raw) : undefined;
    const ctx: IlsContext = Object.freeze({
      institutionId: this.institution?.id ?? account.institutionId,
      loginId: account.loginId,
      locationCode: this.location,
      transactionDate: parsed ? sip2DateToDate(parsed) : undefined,
    });
    const t: tx.TransactionContext = {
      ils: this.ils,
      ctx,
      policy: this.policy,
      maxSummaryItems: this.settings.maxSummaryItems,
    };
    this.lastContext = { raw, t };
    return t;
  }
}

/** A negative response of the right type when the back end threw. */
function refusalFor(m: Sip2Message, institutionId: string, text: string): Sip2Message | undefined {
  const fields = new Map(m.fields);
  const patronIdentifier = fields.get('AA') ?? '';
  const itemIdentifier = fields.get('AB') ?? '';
  const screenMessage = [text];
  switch (m.code) {
    case '11':
      return build.checkoutResponse({
        ok: false,
        institutionId,
        patronIdentifier,
        itemIdentifier,
        screenMessage,
      });
    case '29':
      return build.renewResponse({
        ok: false,
        institutionId,
        patronIdentifier,
        itemIdentifier,
        screenMessage,
      });
    case '09':
      return build.checkinResponse({ ok: false, institutionId, itemIdentifier, screenMessage });
    case '65':
      return build.renewAllResponse({ ok: false, institutionId, screenMessage });
    case '15':
      return build.holdResponse({ ok: false, institutionId, patronIdentifier, screenMessage });
    case '37':
      return build.feePaidResponse({
        paymentAccepted: false,
        institutionId,
        patronIdentifier,
        screenMessage,
      });
    case '35':
      return build.endSessionResponse({ endSession: false, institutionId, patronIdentifier, screenMessage });
    case '17':
      return build.itemInformationResponse({ itemIdentifier, titleIdentifier: '', screenMessage });
    case '19':
      return build.itemStatusUpdateResponse({ itemPropertiesOk: false, itemIdentifier, screenMessage });
    case '25':
      return build.patronEnableResponse({ institutionId, patronIdentifier, screenMessage });
    case '23':
    case '01':
      return build.patronStatusResponse({ institutionId, patronIdentifier, screenMessage });
    case '63':
      return build.patronInformationResponse({ institutionId, patronIdentifier, screenMessage });
    default:
      return undefined;
  }
}
