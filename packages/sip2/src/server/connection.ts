// One client connection of the ACS: bytes → framer → SipSession → one write per response.
// The per-message path allocates little: the idle timeout is a timestamp checked by one timer
// that re-arms itself only when it fires, a promise exists only while the ILS is asked, and log
// events are built only when a logger is attached.
import type { Socket } from 'node:net';
import { decodeFrame } from '../codec/decode.js';
import { createFramer } from '../codec/framer.js';
import type { Sip2FramedItem, Sip2Framer } from '../codec/types.js';
import { Sip2Error } from '../errors.js';
import type { SipServerLimits } from './config.js';
import type { SipConnectionInfo, SipServerLogger, SipServerStats } from './events.js';
import type { LoginLockout } from './lockout.js';
import { type SessionOutcome, type SessionSettings, SipSession } from './session.js';
import type { SipCertificatePolicy, SipPeerCertificate } from './tls.js';

export interface ConnectionContext {
  readonly limits: SipServerLimits;
  readonly stats: SipServerStats;
  readonly logger: SipServerLogger | undefined;
  readonly lockout: LoginLockout;
  readonly settings: SessionSettings;
  readonly closed: (connection: SipConnection) => void;
}

export class SipConnection implements SipConnectionInfo {
  readonly connectedAt = Date.now();
  messages = 0;
  private readonly session: SipSession;
  private framer: Sip2Framer;
  private framerCharset: string;
  private framerDelimiter: string;
  private readonly queue: Sip2FramedItem[] = [];
  /** The item whose ILS call is under way, and when it started. */
  private pending: Sip2FramedItem | undefined;
  private pendingStarted = 0;
  private paused = false;
  private isClosed = false;
  private consecutiveErrors = 0;
  private lastMessageAt = Date.now();
  private idleTimer: ReturnType<typeof setTimeout>;
  private readonly loginTimer: ReturnType<typeof setTimeout>;

  constructor(
    private readonly socket: Socket,
    private readonly ctx: ConnectionContext,
    readonly remote: string,
    readonly peer: SipPeerCertificate | undefined,
    allowed: SipCertificatePolicy,
  ) {
    const address = socket.remoteAddress ?? '?';
    const { lockout, stats } = ctx;
    this.session = new SipSession(ctx.settings, {
      loginAllowed: () => {
        const ok = lockout.allowed(address);
        if (!ok) this.log({ type: 'refused', remote, reason: 'locked-out' });
        return ok;
      },
      ...(Array.isArray(allowed) ? { accountAllowed: (id: string) => allowed.includes(id) } : {}),
      loginResult: (loginId, ok) => {
        const refusedByCertificate = !ok && Array.isArray(allowed) && !allowed.includes(loginId);
        this.log({
          type: 'login',
          remote,
          loginId,
          ok,
          ...(refusedByCertificate ? { reason: 'certificate' as const } : {}),
          ...(peer ? { peer } : {}),
        });
        if (ok) {
          lockout.success(address);
          clearTimeout(this.loginTimer);
        } else {
          stats.loginFailures++;
          const until = lockout.failure(address);
          if (until) this.log({ type: 'lockout', remote, untilMs: until });
        }
      },
      ilsError: (code, error) => {
        stats.ilsErrors++;
        this.log({
          type: 'ils-error',
          remote,
          code,
          error: error instanceof Error ? error.message : String(error),
        });
      },
    });
    this.framerCharset = this.session.charset;
    this.framerDelimiter = this.session.delimiter;
    this.framer = this.newFramer();
    this.idleTimer = setTimeout(this.checkIdle, ctx.limits.idleTimeoutMs);
    this.loginTimer = setTimeout(() => {
      if (!this.session.loggedIn) this.close('login timeout');
    }, ctx.limits.loginTimeoutMs);
    socket.setNoDelay(true);
    socket.on('data', this.onData);
    socket.on('error', () => this.close('socket error'));
    socket.on('end', () => this.close('peer closed'));
    socket.on('close', () => {
      this.isClosed = true;
      clearTimeout(this.idleTimer);
      clearTimeout(this.loginTimer);
      ctx.closed(this);
    });
    this.log({ type: 'connection', remote, ...(peer ? { peer } : {}) });
  }

  get loginId(): string | undefined {
    return this.session.account?.loginId;
  }

  destroy(): void {
    this.socket.destroy();
  }

  close(reason: string): void {
    if (this.isClosed) return;
    this.isClosed = true;
    clearTimeout(this.idleTimer);
    clearTimeout(this.loginTimer);
    this.log({ type: 'close', remote: this.remote, reason });
    this.socket.end();
    this.socket.destroySoon?.();
    setTimeout(() => this.socket.destroy(), 1000).unref();
  }

  private log(event: Parameters<SipServerLogger>[0]): void {
    this.ctx.logger?.(event);
  }

  private newFramer(): Sip2Framer {
    return createFramer({
      maxMessageBytes: this.ctx.limits.maxMessageBytes,
      charset: this.session.charset,
      fieldDelimiter: this.session.delimiter,
    });
  }

  /** After login the account's charset and delimiter apply; switch framers between messages only. */
  private framerIsStale(): boolean {
    return this.session.charset !== this.framerCharset || this.session.delimiter !== this.framerDelimiter;
  }

  private renewFramerIfIdle(): void {
    if (this.queue.length === 0 && this.pending === undefined && this.framer.bufferedBytes === 0) {
      this.framerCharset = this.session.charset;
      this.framerDelimiter = this.session.delimiter;
      this.framer = this.newFramer();
    }
  }

  private readonly checkIdle = (): void => {
    const idle = Date.now() - this.lastMessageAt;
    const limit = this.ctx.limits.idleTimeoutMs;
    if (idle >= limit) this.close('idle timeout');
    else this.idleTimer = setTimeout(this.checkIdle, limit - idle);
  };

  private readonly onData = (chunk: Buffer): void => {
    if (this.isClosed) return;
    if (this.framerIsStale()) this.renewFramerIfIdle();
    const items = this.framer.push(chunk);
    if (items.length === 0) return;
    this.lastMessageAt = Date.now();
    for (let i = 0; i < items.length; i++) this.queue.push(items[i]!);
    // A client that pipelines faster than we answer is read no further until we catch up.
    if (this.queue.length >= this.ctx.limits.maxPipelined && !this.paused) {
      this.paused = true;
      this.socket.pause();
    }
    this.drain();
  };

  /** Items decoded before login switched charset or delimiter are decoded again from their bytes. */
  private current(item: Sip2FramedItem): Sip2FramedItem {
    if (!this.framerIsStale()) return item;
    if (item.kind === 'error' && item.error.code === 'MESSAGE_TOO_LARGE') return item;
    const terminator = item.kind === 'message' ? item.decoded.message.terminator : '\r';
    try {
      const options = { charset: this.session.charset, fieldDelimiter: this.session.delimiter };
      return { kind: 'message', raw: item.raw, decoded: decodeFrame(item.raw, terminator, options) };
    } catch (error) {
      if (!Sip2Error.is(error)) throw error;
      return { kind: 'error', raw: item.raw, error };
    }
  }

  private drain(): void {
    const queue = this.queue;
    // Several answers at once (a pipelining client) leave in one writev.
    const corked = queue.length > 1;
    if (corked) this.socket.cork();
    while (this.pending === undefined && !this.isClosed && queue.length > 0) {
      const item = this.current(queue.shift()!);
      if (this.paused && queue.length < this.ctx.limits.maxPipelined) {
        this.paused = false;
        this.socket.resume();
      }
      const started = performance.now();
      let outcome: SessionOutcome | Promise<SessionOutcome>;
      try {
        outcome = this.session.handle(item);
      } catch {
        // A response that cannot be encoded: drop this connection, never the server.
        this.close('internal error');
        break;
      }
      if (outcome instanceof Promise) {
        this.pending = item;
        this.pendingStarted = started;
        outcome.then(this.onAsyncOutcome, this.onAsyncFailure);
        break;
      }
      this.finish(item, outcome, started);
    }
    if (corked) this.socket.uncork();
    if (this.pending === undefined && this.framerIsStale()) this.renewFramerIfIdle();
  }

  private readonly onAsyncOutcome = (outcome: SessionOutcome): void => {
    const item = this.pending!;
    this.pending = undefined;
    if (this.isClosed) return;
    this.finish(item, outcome, this.pendingStarted);
    this.drain();
  };

  /** The session rejects only when a response cannot be encoded: close rather than hang. */
  private readonly onAsyncFailure = (): void => {
    this.pending = undefined;
    this.close('internal error');
  };

  private finish(item: Sip2FramedItem, outcome: SessionOutcome, started: number): void {
    const { stats, limits } = this.ctx;
    if (outcome.kind === 'close') {
      stats.connectionsRefused++;
      this.log({ type: 'refused', remote: this.remote, reason: 'not-logged-in' });
      this.close(outcome.reason);
      return;
    }
    if (outcome.kind !== 'reply') return;
    const code = item.kind === 'message' ? item.decoded.message.code : 'invalid';
    if (outcome.responseCode === '96') {
      stats.errors[code] = (stats.errors[code] ?? 0) + 1;
      if (item.kind === 'error')
        this.log({
          type: 'protocol-error',
          remote: this.remote,
          error: item.error.code,
          detail: item.error.message,
        });
      if (++this.consecutiveErrors >= limits.maxConsecutiveErrors) {
        this.socket.write(outcome.bytes);
        this.close('too many unusable messages');
        return;
      }
    } else {
      this.consecutiveErrors = 0;
      stats.messages[code] = (stats.messages[code] ?? 0) + 1;
    }
    // One write per message: some SCs break when a response is split.
    this.socket.write(outcome.bytes);
    this.messages++;
    const ms = performance.now() - started;
    stats.latency.record(ms);
    if (this.ctx.logger)
      this.ctx.logger({ type: 'message', remote: this.remote, code, responseCode: outcome.responseCode, ms });
  }
}
