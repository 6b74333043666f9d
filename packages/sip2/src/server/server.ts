// The ACS on node:net or node:tls: framing, limits, timeouts, lockout, counters, then SipSession.
import { type AddressInfo, createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import { createFramer } from '../codec/framer.js';
import type { Sip2FramedItem } from '../codec/types.js';
import type { SipIls } from '../ils/types.js';
import { DEFAULT_LIMITS, type SipAccount, type SipInstitution, type SipServerLimits } from './config.js';
import { newStats, type SipServerLogger, type SipServerStats } from './events.js';
import { LoginLockout } from './lockout.js';
import { SipSession } from './session.js';

export interface SipTlsOptions {
  readonly cert: string | Buffer;
  readonly key: string | Buffer;
  /** CA for client certificates; with requestCert, clients must present one it signed. */
  readonly ca?: string | Buffer;
  readonly requestCert?: boolean;
}

export interface SipServerOptions {
  readonly ils: SipIls;
  readonly accounts: readonly SipAccount[];
  readonly institutions: readonly SipInstitution[];
  readonly tls?: SipTlsOptions;
  readonly limits?: Partial<SipServerLimits>;
  /** Answer 99 before login (default true) and refuse everything else before login (default true). */
  readonly allowStatusBeforeLogin?: boolean;
  readonly requireLogin?: boolean;
  /** List entries a 64 sends when the SC gives no BP/BQ window (default 50). */
  readonly maxSummaryItems?: number;
  readonly logger?: SipServerLogger;
}

export interface SipServer {
  /** Binds 127.0.0.1 unless told otherwise; port 0 picks a free port. */
  listen(port?: number, host?: string): Promise<AddressInfo>;
  close(): Promise<void>;
  readonly stats: SipServerStats;
  /** The underlying node server (for integrations). */
  readonly server: Server;
}

export function createSipServer(options: SipServerOptions): SipServer {
  const limits: SipServerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const stats = newStats();
  const log: SipServerLogger = options.logger ?? (() => {});
  const lockout = new LoginLockout(limits);
  const settings = {
    ils: options.ils,
    accounts: new Map(options.accounts.map((a) => [a.loginId, a])),
    institutions: new Map(options.institutions.map((i) => [i.id, i])),
    allowStatusBeforeLogin: options.allowStatusBeforeLogin ?? true,
    requireLogin: options.requireLogin ?? true,
    maxSummaryItems: options.maxSummaryItems ?? 50,
  };
  for (const a of options.accounts) {
    if (!settings.institutions.has(a.institutionId)) {
      throw new TypeError(`account ${a.loginId}: institution ${a.institutionId} is not configured`);
    }
    if (a.delimiter !== undefined && a.delimiter !== '|') {
      throw new TypeError(`account ${a.loginId}: only the | field delimiter is supported`);
    }
  }
  const sockets = new Set<Socket>();

  const onConnection = (socket: Socket | TLSSocket) => {
    const remote = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    const address = socket.remoteAddress ?? '?';
    if (sockets.size >= limits.maxConnections) {
      stats.connectionsRefused++;
      log({ type: 'refused', remote, reason: 'max-connections' });
      socket.destroy();
      return;
    }
    sockets.add(socket);
    stats.connectionsOpen++;
    stats.connectionsTotal++;
    log({ type: 'connection', remote });
    socket.setNoDelay(true);

    const session = new SipSession(settings, {
      loginAllowed: () => {
        const ok = lockout.allowed(address);
        if (!ok) log({ type: 'refused', remote, reason: 'locked-out' });
        return ok;
      },
      loginResult: (loginId, ok) => {
        log({ type: 'login', remote, loginId, ok });
        if (ok) {
          lockout.success(address);
          clearTimeout(loginTimer);
        } else {
          stats.loginFailures++;
          const until = lockout.failure(address);
          if (until) log({ type: 'lockout', remote, untilMs: until });
        }
      },
      ilsError: (code, error) => {
        stats.ilsErrors++;
        log({
          type: 'ils-error',
          remote,
          code,
          error: error instanceof Error ? error.message : String(error),
        });
      },
    });
    let framer = createFramer({ maxMessageBytes: limits.maxMessageBytes, charset: session.charset });
    let framerCharset = session.charset;
    const queue: Sip2FramedItem[] = [];
    let busy = false;
    let closed = false;
    let consecutiveErrors = 0;

    const close = (reason: string) => {
      if (closed) return;
      closed = true;
      clearTimeout(idleTimer);
      clearTimeout(loginTimer);
      log({ type: 'close', remote, reason });
      socket.end();
      socket.destroySoon?.();
      setTimeout(() => socket.destroy(), 1000).unref();
    };
    let idleTimer = setTimeout(() => close('idle timeout'), limits.idleTimeoutMs);
    const loginTimer = setTimeout(() => {
      if (!session.loggedIn) close('login timeout');
    }, limits.loginTimeoutMs);

    const pump = async () => {
      if (busy) return;
      busy = true;
      while (queue.length > 0 && !closed) {
        const item = queue.shift()!;
        if (socket.isPaused() && queue.length < limits.maxPipelined) socket.resume();
        const started = performance.now();
        const outcome = await session.handle(item);
        if (outcome.kind === 'close') {
          stats.connectionsRefused++;
          log({ type: 'refused', remote, reason: 'not-logged-in' });
          close(outcome.reason);
          break;
        }
        if (outcome.kind === 'reply') {
          const code = item.kind === 'message' ? item.decoded.message.code : 'invalid';
          if (outcome.responseCode === '96') {
            stats.errors[code] = (stats.errors[code] ?? 0) + 1;
            if (item.kind === 'error')
              log({ type: 'protocol-error', remote, error: item.error.code, detail: item.error.message });
            if (++consecutiveErrors >= limits.maxConsecutiveErrors) {
              socket.write(outcome.bytes);
              close('too many unusable messages');
              break;
            }
          } else {
            consecutiveErrors = 0;
            stats.messages[code] = (stats.messages[code] ?? 0) + 1;
          }
          // One write per message: some SCs break when a response is split.
          socket.write(outcome.bytes);
          const ms = performance.now() - started;
          stats.latency.record(ms);
          log({ type: 'message', remote, code, responseCode: outcome.responseCode, ms });
        }
      }
      busy = false;
    };

    socket.on('data', (chunk: Buffer) => {
      if (closed) return;
      // After login, bytes are read in the account's charset (switched between messages only).
      if (session.charset !== framerCharset && framer.bufferedBytes === 0) {
        framerCharset = session.charset;
        framer = createFramer({ maxMessageBytes: limits.maxMessageBytes, charset: framerCharset });
      }
      for (const item of framer.push(chunk)) {
        clearTimeout(idleTimer);
        idleTimer = setTimeout(() => close('idle timeout'), limits.idleTimeoutMs);
        queue.push(item);
      }
      // A client that pipelines faster than we answer is read no further until we catch up.
      if (queue.length >= limits.maxPipelined) socket.pause();
      void pump();
    });
    socket.on('error', () => close('socket error'));
    socket.on('end', () => close('peer closed'));
    socket.on('close', () => {
      closed = true;
      clearTimeout(idleTimer);
      clearTimeout(loginTimer);
      if (sockets.delete(socket)) stats.connectionsOpen--;
    });
  };

  const server: Server = options.tls
    ? createTlsServer(
        {
          cert: options.tls.cert,
          key: options.tls.key,
          ...(options.tls.ca ? { ca: options.tls.ca } : {}),
          requestCert: !!options.tls.requestCert,
          rejectUnauthorized: !!options.tls.requestCert,
          handshakeTimeout: 10_000,
        },
        onConnection,
      )
    : createTcpServer(onConnection);
  server.on('tlsClientError', () => {
    stats.errors.tls = (stats.errors.tls ?? 0) + 1;
  });

  return {
    stats,
    server,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      });
    },
  };
}
