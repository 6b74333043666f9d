// SipClient: a self-check terminal's side of SIP2 over TCP, TLS or any injected Duplex.
// One request at a time (SIP2 is strictly alternating), sequence numbers 0–9 checked on replies,
// checksums verified (97 asks the ACS to resend), 96 answered by resending, timeouts with retries,
// AbortSignal per call, a 99 heartbeat when idle, and reconnect with backoff (re-login included).
// The per-request path is direct calls: no promise chain, no timer per request (one timer wakes
// for the earliest deadline and re-arms itself), the 97 encoded only when it is needed.
import type { Duplex } from 'node:stream';
import type { ConnectionOptions } from 'node:tls';
import { build, type Sip2BuildParams } from '../codec/build.js';
import type { Sip2Charset } from '../codec/charset.js';
import { delimiterCode } from '../codec/delimiter.js';
import { encode } from '../codec/encode.js';
import { createFramer } from '../codec/framer.js';
import type { Sip2Code } from '../codec/specs.js';
import type { Sip2Decoded, Sip2Framer, Sip2Message, Sip2MessageOf, Sip2Terminator } from '../codec/types.js';
import { Sip2Error } from '../errors.js';
import { openSocket } from '../transport/node.js';
import { encodeToSlab } from '../transport/slab.js';

export interface SipClientOptions {
  readonly host?: string;
  readonly port?: number;
  /** true (system CAs), or TLS options: `ca` for a private CA, `cert` + `key` for a client certificate. */
  readonly tls?: boolean | SipClientTlsOptions;
  /** Injected transport (tests, proxies, serial bridges); replaces host/port/tls. */
  readonly connect?: () => Promise<Duplex> | Duplex;
  /** AO of every request (default ''). */
  readonly institutionId?: string;
  /** AC of every request that has one (default ''). Never logged. */
  readonly terminalPassword?: string;
  readonly charset?: Sip2Charset;
  readonly terminator?: Sip2Terminator;
  /**
   * Field delimiter (default `|`; Koha's / Evergreen's `delimiter`). Used for every message unless
   * `loginFieldDelimiter` is given, which then applies until a login succeeds (the 93 and a 99
   * before it), as on an ACS whose accounts have their own delimiter but whose listener has `|`.
   */
  readonly fieldDelimiter?: string;
  readonly loginFieldDelimiter?: string;
  /** Send AY/AZ and check them on replies (default true). */
  readonly errorDetection?: boolean;
  /** Per attempt (default 10 s). */
  readonly timeoutMs?: number;
  /** Resends after a timeout, a 96 or a bad checksum (default 3; an ACS's 98 says how many it allows). */
  readonly retries?: number;
  /** Send 99 after this long without traffic (default off). */
  readonly heartbeatMs?: number;
  /** Reconnect (and log in again) when the connection drops (default off). */
  readonly reconnect?:
    | boolean
    | { readonly initialDelayMs?: number; readonly maxDelayMs?: number; readonly maxAttempts?: number };
  /** Largest reply accepted (default 64 KiB). */
  readonly maxMessageBytes?: number;
  /** Notified of connection events; never given passwords. */
  readonly onEvent?: (event: SipClientEvent) => void;
}

/** node:tls connect options; the ones a SIP2 terminal usually needs are listed. */
export interface SipClientTlsOptions extends ConnectionOptions {
  /** CA(s) that signed the ACS's certificate (PEM), for a private CA. */
  readonly ca?: ConnectionOptions['ca'];
  /** Client certificate and key (PEM) for an ACS that requires one. */
  readonly cert?: ConnectionOptions['cert'];
  readonly key?: ConnectionOptions['key'];
  readonly passphrase?: string;
  /** Name the ACS's certificate must carry (default: the host, unless it is an IP address). */
  readonly servername?: string;
  /** Default true; false skips verifying the ACS (tests only). */
  readonly rejectUnauthorized?: boolean;
}

export type SipClientEvent =
  | { readonly type: 'connected' }
  | { readonly type: 'disconnected'; readonly reason: string }
  | { readonly type: 'retry'; readonly code: string; readonly reason: 'timeout' | '96' | 'checksum' }
  | { readonly type: 'reconnect'; readonly attempt: number; readonly delayMs: number };

export interface CallOptions {
  readonly signal?: AbortSignal;
}

/** Builder parameters of a request, with institution and terminal password filled in by the client. */
export type RequestParams<C extends Sip2Code> = Omit<
  Sip2BuildParams<C>,
  'institutionId' | 'terminalPassword' | 'sequence' | 'checksum'
> & {
  readonly institutionId?: string;
  readonly terminalPassword?: string;
};

const RESPONSE_OF: Partial<Record<Sip2Code, Sip2Code>> = {
  '93': '94',
  '99': '98',
  '23': '24',
  '01': '24',
  '25': '26',
  '63': '64',
  '11': '12',
  '09': '10',
  '29': '30',
  '65': '66',
  '17': '18',
  '19': '20',
  '15': '16',
  '37': '38',
  '35': '36',
};

/** One request from the call until its reply (or failure). */
interface Pending {
  readonly message: Sip2Message;
  readonly signal: AbortSignal | undefined;
  readonly resolve: (decoded: Sip2Decoded) => void;
  readonly reject: (error: Error) => void;
  /** The encoded request (set when first sent) and its AY (undefined without error detection). */
  bytes: Uint8Array | undefined;
  sequence: number | undefined;
  attempt: number;
  deadline: number;
  onAbort: (() => void) | undefined;
}

const noop = () => {};

export class SipClient {
  private socket: Duplex | undefined;
  private connecting: Promise<void> | undefined;
  private framer: Sip2Framer;
  private framerDelimiter: string;
  private current: Pending | undefined;
  private readonly queue: Pending[] = [];
  private sequence = 0;
  private closedByUser = false;
  private loggedIn = false;
  private credentials: { user: string; password: string; location?: string } | undefined;
  /** One timer for the current request's deadline and the heartbeat; wakes at `timerAt`. */
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  private lastActivity = 0;
  private resendBytes: Uint8Array | undefined;
  private relogging: Promise<void> | undefined;
  private readonly options: SipClientOptions;
  private readonly detect: boolean;
  private readonly encodeOptions: {
    charset: Sip2Charset;
    terminator: Sip2Terminator;
    fieldDelimiter: string;
  };

  constructor(options: SipClientOptions) {
    if (!options.connect && (options.host === undefined || options.port === undefined)) {
      throw new Sip2Error('INVALID_ARGUMENT', 'SipClient needs host and port, or connect');
    }
    delimiterCode(options.fieldDelimiter);
    delimiterCode(options.loginFieldDelimiter);
    this.options = options;
    this.detect = options.errorDetection ?? true;
    this.encodeOptions = {
      charset: options.charset ?? 'utf-8',
      terminator: options.terminator ?? '\r',
      fieldDelimiter: this.delimiter,
    };
    this.framerDelimiter = this.delimiter;
    this.framer = this.newFramer();
  }

  get connected(): boolean {
    return this.socket !== undefined;
  }

  async connect(): Promise<void> {
    this.closedByUser = false;
    if (this.socket) return;
    this.connecting ??= this.open().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  /** 93: throws LOGIN_FAILED when the ACS answers ok 0. The credentials are kept for reconnects. */
  async login(
    credentials: { user: string; password: string; location?: string },
    call: CallOptions = {},
  ): Promise<Sip2MessageOf<'94'>> {
    const reply = await this.request(
      build.login({
        loginUserId: credentials.user,
        loginPassword: credentials.password,
        ...(credentials.location !== undefined ? { locationCode: credentials.location } : {}),
      }),
      call,
    );
    const m = reply.message as Sip2MessageOf<'94'>;
    if (m.fixed.ok !== '1') throw new Sip2Error('LOGIN_FAILED', `login refused for ${credentials.user}`);
    this.credentials = credentials;
    return m;
  }

  scStatus(params: Sip2BuildParams<'99'> = {}, call?: CallOptions): Promise<Sip2MessageOf<'98'>> {
    return this.typed(build.scStatus(params), call);
  }
  patronStatus(params: RequestParams<'23'>, call?: CallOptions): Promise<Sip2MessageOf<'24'>> {
    return this.typed(build.patronStatusRequest(this.fill<'23'>(params)), call);
  }
  patronInformation(params: RequestParams<'63'>, call?: CallOptions): Promise<Sip2MessageOf<'64'>> {
    return this.typed(build.patronInformation(this.fill<'63'>(params)), call);
  }
  checkout(params: RequestParams<'11'>, call?: CallOptions): Promise<Sip2MessageOf<'12'>> {
    return this.typed(build.checkout(this.fill<'11'>(params)), call);
  }
  checkin(params: RequestParams<'09'>, call?: CallOptions): Promise<Sip2MessageOf<'10'>> {
    return this.typed(build.checkin(this.fill<'09'>(params)), call);
  }
  renew(params: RequestParams<'29'>, call?: CallOptions): Promise<Sip2MessageOf<'30'>> {
    return this.typed(build.renew(this.fill<'29'>(params)), call);
  }
  renewAll(params: RequestParams<'65'>, call?: CallOptions): Promise<Sip2MessageOf<'66'>> {
    return this.typed(build.renewAll(this.fill<'65'>(params)), call);
  }
  itemInformation(params: RequestParams<'17'>, call?: CallOptions): Promise<Sip2MessageOf<'18'>> {
    return this.typed(build.itemInformation(this.fill<'17'>(params)), call);
  }
  itemStatusUpdate(params: RequestParams<'19'>, call?: CallOptions): Promise<Sip2MessageOf<'20'>> {
    return this.typed(build.itemStatusUpdate(this.fill<'19'>(params)), call);
  }
  hold(params: RequestParams<'15'>, call?: CallOptions): Promise<Sip2MessageOf<'16'>> {
    return this.typed(build.hold(this.fill<'15'>(params)), call);
  }
  feePaid(params: RequestParams<'37'>, call?: CallOptions): Promise<Sip2MessageOf<'38'>> {
    return this.typed(build.feePaid(this.fill<'37'>(params)), call);
  }
  endPatronSession(params: RequestParams<'35'>, call?: CallOptions): Promise<Sip2MessageOf<'36'>> {
    return this.typed(build.endPatronSession(this.fill<'35'>(params)), call);
  }
  blockPatron(params: RequestParams<'01'>, call?: CallOptions): Promise<Sip2MessageOf<'24'>> {
    return this.typed(build.blockPatron(this.fill<'01'>(params)), call);
  }
  patronEnable(params: RequestParams<'25'>, call?: CallOptions): Promise<Sip2MessageOf<'26'>> {
    return this.typed(build.patronEnable(this.fill<'25'>(params)), call);
  }

  /**
   * Sends any message and returns the decoded reply (the untyped escape hatch; the CLI uses it).
   * The sequence number and checksum are set by the client. Requests queue and go one at a time.
   */
  request(message: Sip2Message, call: CallOptions = {}): Promise<Sip2Decoded> {
    return this.enqueue(message, call.signal, false);
  }

  async close(): Promise<void> {
    this.closedByUser = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
    const socket = this.socket;
    this.socket = undefined;
    this.loggedIn = false;
    this.failAll(new Sip2Error('CONNECTION_FAILED', 'client closed'));
    if (socket) {
      await new Promise<void>((resolve) => {
        socket.once('close', () => resolve());
        socket.end();
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 500).unref?.();
      });
    }
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  // ---- internals ---------------------------------------------------------------------------

  private get timeout(): number {
    return this.options.timeoutMs ?? 10_000;
  }

  /** The delimiter messages are written and read with now. */
  private get delimiter(): string {
    const o = this.options;
    return (this.loggedIn ? undefined : o.loginFieldDelimiter) ?? o.fieldDelimiter ?? '|';
  }

  private newFramer(): Sip2Framer {
    return createFramer({
      charset: this.options.charset ?? 'utf-8',
      maxMessageBytes: this.options.maxMessageBytes ?? 65_536,
      fieldDelimiter: this.framerDelimiter,
    });
  }

  private fill<C extends Sip2Code>(params: RequestParams<C>): Sip2BuildParams<C> {
    return {
      institutionId: this.options.institutionId ?? '',
      terminalPassword: this.options.terminalPassword ?? '',
      ...params,
    } as unknown as Sip2BuildParams<C>;
  }

  private async typed<R extends Sip2Message>(message: Sip2Message, call?: CallOptions): Promise<R> {
    return (await this.request(message, call)).message as R;
  }

  private enqueue(
    message: Sip2Message,
    signal: AbortSignal | undefined,
    first: boolean,
  ): Promise<Sip2Decoded> {
    return new Promise<Sip2Decoded>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new Sip2Error('ABORTED', 'aborted before sending', { cause: signal.reason }));
        return;
      }
      const p: Pending = {
        message,
        signal,
        resolve,
        reject,
        bytes: undefined,
        sequence: undefined,
        attempt: 0,
        deadline: 0,
        onAbort: undefined,
      };
      if (signal) {
        p.onAbort = () => this.abort(p);
        signal.addEventListener('abort', p.onAbort, { once: true });
      }
      if (first) this.queue.unshift(p);
      else this.queue.push(p);
      if (this.current === undefined) this.next();
    });
  }

  /**
   * Logs in again with the kept credentials, ahead of everything queued (after a reconnect, or
   * when a call finds the connection gone). Queued calls wait for it; a refusal fails them.
   */
  private relogin(): Promise<void> {
    if (this.relogging) return this.relogging;
    const c = this.credentials!;
    const login = build.login({
      loginUserId: c.user,
      loginPassword: c.password,
      ...(c.location !== undefined ? { locationCode: c.location } : {}),
    });
    const attempt = this.enqueue(login, undefined, true).then((reply) => {
      if ((reply.message as Sip2MessageOf<'94'>).fixed.ok !== '1')
        throw new Sip2Error('LOGIN_FAILED', `login refused for ${c.user}`);
    });
    this.relogging = attempt.then(
      () => {
        this.relogging = undefined;
        if (this.current === undefined) this.next();
      },
      (error: Error) => {
        this.relogging = undefined;
        this.failAll(error);
        throw error;
      },
    );
    return this.relogging;
  }

  private event(e: SipClientEvent): void {
    this.options.onEvent?.(e);
  }

  private async open(): Promise<void> {
    let socket: Duplex;
    try {
      socket = this.options.connect
        ? await this.options.connect()
        : await openSocket(
            {
              host: this.options.host!,
              port: this.options.port!,
              ...(this.options.tls ? { tls: this.options.tls } : {}),
            },
            this.timeout,
          );
    } catch (cause) {
      throw new Sip2Error('CONNECTION_FAILED', `cannot connect: ${(cause as Error).message}`, { cause });
    }
    if (this.closedByUser) {
      // close() was called while connecting: do not keep a socket nobody will close.
      socket.destroy();
      throw new Sip2Error('CONNECTION_FAILED', 'client closed');
    }
    this.socket = socket;
    this.loggedIn = false;
    this.encodeOptions.fieldDelimiter = this.delimiter;
    this.framerDelimiter = this.delimiter;
    this.framer = this.newFramer();
    socket.on('data', (chunk: Uint8Array) => this.onData(chunk));
    socket.on('error', (error: Error & { code?: string }) =>
      this.onClose(`socket error${error.code ? ` ${error.code}` : ''}`),
    );
    socket.on('close', () => this.onClose('closed'));
    socket.on('end', () => this.onClose('peer ended'));
    this.event({ type: 'connected' });
    this.lastActivity = performance.now();
    if (this.options.heartbeatMs) this.wakeAt(this.lastActivity + this.options.heartbeatMs);
  }

  /** Starts the next queued request, connecting first when needed. */
  private next(): void {
    const head = this.queue[0];
    if (head === undefined) return;
    const code = head.message.code;
    if (code !== '93' && code !== '99' && this.credentials && !this.loggedIn) {
      // Never send a transaction on a connection that has not logged in (the ACS would drop it).
      if (!this.relogging) this.relogin().catch(noop);
      return;
    }
    const p = this.queue.shift()!;
    this.current = p;
    if (this.socket) {
      this.send(p);
      return;
    }
    this.connect().then(
      () => {
        if (this.current === p) this.send(p);
      },
      (error: Error) => this.settle(p, error),
    );
  }

  private send(p: Pending): void {
    if (!this.socket) {
      this.settle(p, new Sip2Error('CONNECTION_FAILED', 'not connected'));
      return;
    }
    if (p.bytes === undefined) {
      const message = p.message;
      const sequence = this.detect ? this.sequence : undefined;
      // Read replies with the delimiter this request is written with (switches after login).
      const delimiter = this.encodeOptions.fieldDelimiter;
      if (delimiter !== this.framerDelimiter && this.framer.bufferedBytes === 0) {
        this.framerDelimiter = delimiter;
        this.framer = this.newFramer();
      }
      const outgoing = {
        code: message.code,
        fixed: message.fixed,
        fields: message.fields,
        sequence,
        checksum: this.detect,
      } as Sip2Message;
      try {
        p.bytes = encodeToSlab(outgoing, this.encodeOptions);
      } catch (error) {
        // A message the codec refuses (bad fixed field ...) fails alone; the queue moves on.
        this.settle(p, error as Error);
        return;
      }
      p.sequence = sequence;
      if (sequence !== undefined) this.sequence = (sequence + 1) % 10;
    }
    this.write(p.bytes);
    this.armDeadline(p);
  }

  private write(bytes: Uint8Array): void {
    // One write per message: some ACSs break when a message arrives in pieces.
    this.socket?.write(bytes);
  }

  private armDeadline(p: Pending): void {
    const now = performance.now();
    this.lastActivity = now;
    p.deadline = now + this.timeout;
    this.wakeAt(p.deadline);
  }

  /** Makes sure the timer fires no later than `at`; an earlier armed timer re-arms when it fires. */
  private wakeAt(at: number): void {
    if (this.timer !== undefined && this.timerAt <= at) return;
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(this.onTimer, Math.max(0, at - performance.now()));
    this.timer.unref?.();
  }

  private readonly onTimer = (): void => {
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
    const now = performance.now();
    const p = this.current;
    if (p?.bytes !== undefined) {
      if (now >= p.deadline) this.retry(p, 'timeout', p.bytes);
      if (this.current === p) this.wakeAt(p.deadline);
    }
    const every = this.options.heartbeatMs;
    if (every && this.socket) {
      if (this.current === undefined && this.queue.length === 0 && now - this.lastActivity >= every) {
        this.request(build.scStatus({})).catch(noop);
      } else this.wakeAt(this.lastActivity + every);
    }
  };

  private retry(p: Pending, reason: 'timeout' | '96' | 'checksum', bytes: Uint8Array): void {
    const retries = this.options.retries ?? 3;
    if (p.attempt >= retries) {
      const what =
        reason === 'timeout'
          ? 'no response'
          : reason === '96'
            ? 'the ACS kept asking for a resend'
            : 'replies kept failing their checksum';
      this.settle(
        p,
        new Sip2Error(
          reason === 'timeout' ? 'TIMEOUT' : 'UNEXPECTED_RESPONSE',
          `${p.message.code}: ${what} after ${retries + 1} attempts`,
        ),
      );
      return;
    }
    p.attempt++;
    this.event({ type: 'retry', code: p.message.code, reason });
    this.write(bytes);
    this.armDeadline(p);
  }

  private onData(chunk: Uint8Array): void {
    const items = this.framer.push(chunk);
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      // An undecodable reply is treated like a failed checksum: ask for it again.
      this.onReply(
        item.kind === 'message'
          ? item.decoded
          : {
              message: build.requestScResend({}),
              checksum: { present: false, valid: false, value: undefined },
              warnings: [],
            },
      );
    }
  }

  private onReply(reply: Sip2Decoded): void {
    const p = this.current;
    if (p?.bytes === undefined) return; // unsolicited, or the answer to an abandoned request
    const m = reply.message;
    // A late reply to an earlier, timed-out attempt: keep waiting for ours.
    if (
      p.sequence !== undefined &&
      m.sequence !== undefined &&
      m.sequence !== p.sequence &&
      reply.checksum.valid
    )
      return;
    this.lastActivity = performance.now();
    if (m.code === '96') {
      this.retry(p, '96', p.bytes);
      return;
    }
    if (this.detect && reply.checksum.present && !reply.checksum.valid) {
      this.resendBytes ??= encode(build.requestAcsResend({ checksum: true }), this.encodeOptions);
      this.retry(p, 'checksum', this.resendBytes);
      return;
    }
    const expected = RESPONSE_OF[p.message.code];
    if (expected && m.code !== expected) {
      this.settle(
        p,
        new Sip2Error(
          'UNEXPECTED_RESPONSE',
          `${p.message.code} was answered with ${m.code}, expected ${expected}`,
        ),
      );
      return;
    }
    if (m.code === '94' && (m as Sip2MessageOf<'94'>).fixed.ok === '1') {
      // Before the caller's continuation runs: a request queued behind the login already needs it.
      this.loggedIn = true;
      this.encodeOptions.fieldDelimiter = this.delimiter;
    }
    this.settle(p, reply);
  }

  /** Ends `p` with its reply or an error and starts the next request. */
  private settle(p: Pending, result: Sip2Decoded | Error): void {
    if (p.onAbort) p.signal?.removeEventListener('abort', p.onAbort);
    if (this.current === p) this.current = undefined;
    if (result instanceof Error) p.reject(result);
    else p.resolve(result);
    if (this.current === undefined) this.next();
    const every = this.options.heartbeatMs;
    if (every && this.current === undefined && this.socket) this.wakeAt(this.lastActivity + every);
  }

  private abort(p: Pending): void {
    const error = new Sip2Error(
      'ABORTED',
      p === this.current ? 'aborted while waiting for the reply' : 'aborted before sending',
      { cause: p.signal?.reason },
    );
    if (p === this.current) {
      this.settle(p, error);
      return;
    }
    const at = this.queue.indexOf(p);
    if (at >= 0) {
      this.queue.splice(at, 1);
      p.reject(error);
    }
  }

  private failAll(error: Error): void {
    const p = this.current;
    this.current = undefined;
    const queued = this.queue.splice(0);
    for (const q of p ? [p, ...queued] : queued) {
      if (q.onAbort) q.signal?.removeEventListener('abort', q.onAbort);
      q.reject(error);
    }
  }

  private onClose(reason: string): void {
    if (!this.socket) return;
    this.socket.destroy();
    this.socket = undefined;
    this.loggedIn = false;
    this.encodeOptions.fieldDelimiter = this.delimiter;
    const p = this.current;
    if (p) this.settle(p, new Sip2Error('CONNECTION_FAILED', `connection lost (${reason})`));
    this.event({ type: 'disconnected', reason });
    if (!this.closedByUser && this.options.reconnect) void this.reconnectLoop();
  }

  private async reconnectLoop(): Promise<void> {
    const r = typeof this.options.reconnect === 'object' ? this.options.reconnect : {};
    let delay = r.initialDelayMs ?? 500;
    for (
      let attempt = 1;
      attempt <= (r.maxAttempts ?? Number.POSITIVE_INFINITY) && !this.closedByUser;
      attempt++
    ) {
      this.event({ type: 'reconnect', attempt, delayMs: delay });
      await new Promise((res) => setTimeout(res, delay));
      if (this.closedByUser) return;
      try {
        await this.connect();
        if (this.credentials && !this.loggedIn) await this.relogin();
        return;
      } catch {
        delay = Math.min(delay * 2, r.maxDelayMs ?? 30_000);
      }
    }
  }
}
