// SipClient: a self-check terminal's side of SIP2 over TCP, TLS or any injected Duplex.
// One request at a time (SIP2 is strictly alternating), sequence numbers 0–9 checked on replies,
// checksums verified (97 asks the ACS to resend), 96 answered by resending, timeouts with retries,
// AbortSignal per call, a 99 heartbeat when idle, and reconnect with backoff (re-login included).
import type { Duplex } from 'node:stream';
import type { ConnectionOptions } from 'node:tls';
import { build, type Sip2BuildParams } from '../codec/build.js';
import type { Sip2Charset } from '../codec/charset.js';
import { encode } from '../codec/encode.js';
import { createFramer } from '../codec/framer.js';
import type { Sip2Code } from '../codec/specs.js';
import type { Sip2Decoded, Sip2Framer, Sip2Message, Sip2MessageOf, Sip2Terminator } from '../codec/types.js';
import { Sip2Error } from '../errors.js';
import { openSocket } from '../transport/node.js';

export interface SipClientOptions {
  readonly host?: string;
  readonly port?: number;
  readonly tls?: boolean | ConnectionOptions;
  /** Injected transport (tests, proxies, serial bridges); replaces host/port/tls. */
  readonly connect?: () => Promise<Duplex> | Duplex;
  /** AO of every request (default ''). */
  readonly institutionId?: string;
  /** AC of every request that has one (default ''). Never logged. */
  readonly terminalPassword?: string;
  readonly charset?: Sip2Charset;
  readonly terminator?: Sip2Terminator;
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

interface Waiter {
  resolve(decoded: Sip2Decoded): void;
  reject(error: Error): void;
}

export class SipClient {
  private socket: Duplex | undefined;
  private framer: Sip2Framer;
  private waiter: Waiter | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private sequence = 0;
  private closedByUser = false;
  private credentials: { user: string; password: string; location?: string } | undefined;
  private heartbeat: ReturnType<typeof setTimeout> | undefined;
  private readonly options: SipClientOptions;

  constructor(options: SipClientOptions) {
    if (!options.connect && (options.host === undefined || options.port === undefined)) {
      throw new Sip2Error('INVALID_ARGUMENT', 'SipClient needs host and port, or connect');
    }
    this.options = options;
    this.framer = this.newFramer();
  }

  get connected(): boolean {
    return this.socket !== undefined;
  }

  async connect(): Promise<void> {
    this.closedByUser = false;
    if (this.socket) return;
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
    this.socket = socket;
    this.framer = this.newFramer();
    socket.on('data', (chunk: Uint8Array) => this.onData(chunk));
    socket.on('error', () => this.onClose('socket error'));
    socket.on('close', () => this.onClose('closed'));
    socket.on('end', () => this.onClose('peer ended'));
    this.event({ type: 'connected' });
    this.armHeartbeat();
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
    return this.typed('99', build.scStatus(params), call);
  }
  patronStatus(params: RequestParams<'23'>, call?: CallOptions): Promise<Sip2MessageOf<'24'>> {
    return this.typed('23', build.patronStatusRequest(this.fill<'23'>(params)), call);
  }
  patronInformation(params: RequestParams<'63'>, call?: CallOptions): Promise<Sip2MessageOf<'64'>> {
    return this.typed('63', build.patronInformation(this.fill<'63'>(params)), call);
  }
  checkout(params: RequestParams<'11'>, call?: CallOptions): Promise<Sip2MessageOf<'12'>> {
    return this.typed('11', build.checkout(this.fill<'11'>(params)), call);
  }
  checkin(params: RequestParams<'09'>, call?: CallOptions): Promise<Sip2MessageOf<'10'>> {
    return this.typed('09', build.checkin(this.fill<'09'>(params)), call);
  }
  renew(params: RequestParams<'29'>, call?: CallOptions): Promise<Sip2MessageOf<'30'>> {
    return this.typed('29', build.renew(this.fill<'29'>(params)), call);
  }
  renewAll(params: RequestParams<'65'>, call?: CallOptions): Promise<Sip2MessageOf<'66'>> {
    return this.typed('65', build.renewAll(this.fill<'65'>(params)), call);
  }
  itemInformation(params: RequestParams<'17'>, call?: CallOptions): Promise<Sip2MessageOf<'18'>> {
    return this.typed('17', build.itemInformation(this.fill<'17'>(params)), call);
  }
  itemStatusUpdate(params: RequestParams<'19'>, call?: CallOptions): Promise<Sip2MessageOf<'20'>> {
    return this.typed('19', build.itemStatusUpdate(this.fill<'19'>(params)), call);
  }
  hold(params: RequestParams<'15'>, call?: CallOptions): Promise<Sip2MessageOf<'16'>> {
    return this.typed('15', build.hold(this.fill<'15'>(params)), call);
  }
  feePaid(params: RequestParams<'37'>, call?: CallOptions): Promise<Sip2MessageOf<'38'>> {
    return this.typed('37', build.feePaid(this.fill<'37'>(params)), call);
  }
  endPatronSession(params: RequestParams<'35'>, call?: CallOptions): Promise<Sip2MessageOf<'36'>> {
    return this.typed('35', build.endPatronSession(this.fill<'35'>(params)), call);
  }
  blockPatron(params: RequestParams<'01'>, call?: CallOptions): Promise<Sip2MessageOf<'24'>> {
    return this.typed('01', build.blockPatron(this.fill<'01'>(params)), call);
  }
  patronEnable(params: RequestParams<'25'>, call?: CallOptions): Promise<Sip2MessageOf<'26'>> {
    return this.typed('25', build.patronEnable(this.fill<'25'>(params)), call);
  }

  /**
   * Sends any message and returns the decoded reply (the untyped escape hatch; the CLI uses it).
   * The sequence number and checksum are set by the client.
   */
  request(message: Sip2Message, call: CallOptions = {}): Promise<Sip2Decoded> {
    const run = this.chain.then(() => this.exchange(message, call));
    this.chain = run.catch(() => {});
    return run;
  }

  async close(): Promise<void> {
    this.closedByUser = true;
    clearTimeout(this.heartbeat);
    const socket = this.socket;
    this.socket = undefined;
    this.waiter?.reject(new Sip2Error('CONNECTION_FAILED', 'client closed'));
    this.waiter = undefined;
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

  private newFramer(): Sip2Framer {
    return createFramer({
      charset: this.options.charset ?? 'utf-8',
      maxMessageBytes: this.options.maxMessageBytes ?? 65_536,
    });
  }

  private fill<C extends Sip2Code>(params: RequestParams<C>): Sip2BuildParams<C> {
    return {
      institutionId: this.options.institutionId ?? '',
      terminalPassword: this.options.terminalPassword ?? '',
      ...params,
    } as unknown as Sip2BuildParams<C>;
  }

  private async typed<C extends Sip2Code, R extends Sip2Message>(
    code: C,
    message: Sip2Message,
    call?: CallOptions,
  ): Promise<R> {
    void code;
    return (await this.request(message, call)).message as R;
  }

  private event(e: SipClientEvent): void {
    this.options.onEvent?.(e);
  }

  private armHeartbeat(): void {
    clearTimeout(this.heartbeat);
    const every = this.options.heartbeatMs;
    if (!every || !this.socket) return;
    this.heartbeat = setTimeout(() => {
      this.request(build.scStatus({})).catch(() => {});
    }, every);
    this.heartbeat.unref?.();
  }

  private async exchange(message: Sip2Message, call: CallOptions): Promise<Sip2Decoded> {
    if (call.signal?.aborted)
      throw new Sip2Error('ABORTED', 'aborted before sending', { cause: call.signal.reason });
    if (!this.socket) await this.connect();
    const detect = this.options.errorDetection ?? true;
    const sequence = this.sequence;
    this.sequence = (this.sequence + 1) % 10;
    const expected = RESPONSE_OF[message.code];
    const outgoing: Sip2Message = detect
      ? { ...message, sequence, checksum: true }
      : { ...message, checksum: false };
    const opts = {
      charset: this.options.charset ?? 'utf-8',
      terminator: this.options.terminator ?? '\r',
    } as const;
    const bytes = encode(outgoing, opts);
    const resend = encode(build.requestAcsResend({ checksum: detect }), opts);
    const retries = this.options.retries ?? 3;
    let toSend = bytes;
    for (let attempt = 0; ; attempt++) {
      this.write(toSend);
      let reply: Sip2Decoded | 'timeout';
      try {
        reply = await this.awaitReply(call.signal, detect ? sequence : undefined);
      } finally {
        this.armHeartbeat();
      }
      const retry = (reason: 'timeout' | '96' | 'checksum', next: Uint8Array) => {
        if (attempt >= retries) {
          const what =
            reason === 'timeout'
              ? 'no response'
              : reason === '96'
                ? 'the ACS kept asking for a resend'
                : 'replies kept failing their checksum';
          throw new Sip2Error(
            reason === 'timeout' ? 'TIMEOUT' : 'UNEXPECTED_RESPONSE',
            `${message.code}: ${what} after ${retries + 1} attempts`,
          );
        }
        this.event({ type: 'retry', code: message.code, reason });
        toSend = next;
      };
      if (reply === 'timeout') {
        retry('timeout', bytes);
        continue;
      }
      if (reply.message.code === '96') {
        retry('96', bytes);
        continue;
      }
      if (detect && reply.checksum.present && !reply.checksum.valid) {
        retry('checksum', resend);
        continue;
      }
      if (expected && reply.message.code !== expected) {
        throw new Sip2Error(
          'UNEXPECTED_RESPONSE',
          `${message.code} was answered with ${reply.message.code}, expected ${expected}`,
        );
      }
      return reply;
    }
  }

  private write(bytes: Uint8Array): void {
    if (!this.socket) throw new Sip2Error('CONNECTION_FAILED', 'not connected');
    // One write per message: some ACSs break when a message arrives in pieces.
    this.socket.write(bytes);
  }

  /** The next reply for `sequence` (stale replies with another AY are dropped), or 'timeout'. */
  private awaitReply(
    signal: AbortSignal | undefined,
    sequence: number | undefined,
  ): Promise<Sip2Decoded | 'timeout'> {
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.waiter = undefined;
      };
      const timer = setTimeout(() => {
        done();
        resolve('timeout');
      }, this.timeout);
      const onAbort = () => {
        done();
        reject(new Sip2Error('ABORTED', 'aborted while waiting for the reply', { cause: signal?.reason }));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiter = {
        resolve: (decoded) => {
          const seq = decoded.message.sequence;
          // A late reply to an earlier, timed-out attempt: keep waiting for ours.
          if (sequence !== undefined && seq !== undefined && seq !== sequence && decoded.checksum.valid)
            return;
          done();
          resolve(decoded);
        },
        reject: (error) => {
          done();
          reject(error);
        },
      };
    });
  }

  private onData(chunk: Uint8Array): void {
    for (const item of this.framer.push(chunk)) {
      if (item.kind === 'message') this.waiter?.resolve(item.decoded);
      // An undecodable reply is treated like a failed checksum: ask for it again.
      else
        this.waiter?.resolve({
          message: build.requestScResend({}),
          checksum: { present: false, valid: false, value: undefined },
          warnings: [],
        });
    }
  }

  private onClose(reason: string): void {
    if (!this.socket) return;
    this.socket.destroy();
    this.socket = undefined;
    clearTimeout(this.heartbeat);
    this.waiter?.reject(new Sip2Error('CONNECTION_FAILED', `connection lost (${reason})`));
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
        if (this.credentials) await this.login(this.credentials);
        return;
      } catch {
        delay = Math.min(delay * 2, r.maxDelayMs ?? 30_000);
      }
    }
  }
}
