// The ACS on node:net or node:tls: accepts connections (limits, TLS client certificates) and hands
// each to a SipConnection; holds what all connections share (ILS, accounts, lockout, counters).
import { type AddressInfo, createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import { delimiterCode, SIP2_DEFAULT_FIELD_DELIMITER } from '../codec/delimiter.js';
import type { SipIls } from '../ils/types.js';
import { DEFAULT_LIMITS, type SipAccount, type SipInstitution, type SipServerLimits } from './config.js';
import { type ConnectionContext, SipConnection } from './connection.js';
import { newStats, type SipConnectionInfo, type SipServerLogger, type SipServerStats } from './events.js';
import { LoginLockout } from './lockout.js';
import type { SessionSettings } from './session.js';
import { peerCertificateOf, type SipCertificatePolicy, type SipTlsOptions } from './tls.js';

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
  /**
   * Field delimiter before login (default `|`), as Koha's global `delimiter`: the 93 is read with it.
   * After login the account's `delimiter` applies, when it has one.
   */
  readonly delimiter?: string;
  readonly logger?: SipServerLogger;
}

export interface SipServer {
  /** Binds 127.0.0.1 unless told otherwise; port 0 picks a free port. */
  listen(port?: number, host?: string): Promise<AddressInfo>;
  close(): Promise<void>;
  readonly stats: SipServerStats;
  /** The open connections: address, account, client certificate, requests answered. */
  connections(): SipConnectionInfo[];
  /** The underlying node server (for integrations). */
  readonly server: Server;
}

export function createSipServer(options: SipServerOptions): SipServer {
  const limits: SipServerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const stats = newStats();
  const logger = options.logger;
  const delimiter = options.delimiter ?? SIP2_DEFAULT_FIELD_DELIMITER;
  delimiterCode(delimiter); // INVALID_CONFIG now rather than on the first connection
  const settings: SessionSettings = {
    ils: options.ils,
    accounts: new Map(options.accounts.map((a) => [a.loginId, a])),
    institutions: new Map(options.institutions.map((i) => [i.id, i])),
    allowStatusBeforeLogin: options.allowStatusBeforeLogin ?? true,
    requireLogin: options.requireLogin ?? true,
    maxSummaryItems: options.maxSummaryItems ?? 50,
    delimiter,
  };
  for (const a of options.accounts) {
    if (!settings.institutions.has(a.institutionId)) {
      throw new TypeError(`account ${a.loginId}: institution ${a.institutionId} is not configured`);
    }
    if (a.delimiter !== undefined) delimiterCode(a.delimiter);
  }
  const connections = new Set<SipConnection>();
  const context: ConnectionContext = {
    limits,
    stats,
    logger,
    lockout: new LoginLockout(limits),
    settings,
    closed: (c) => {
      if (connections.delete(c)) stats.connectionsOpen--;
    },
  };
  const tls = options.tls;

  const accept = (socket: Socket | TLSSocket) => {
    const remote = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    if (connections.size >= limits.maxConnections) {
      stats.connectionsRefused++;
      logger?.({ type: 'refused', remote, reason: 'max-connections' });
      socket.destroy();
      return;
    }
    let peer: ReturnType<typeof peerCertificateOf>;
    let allowed: SipCertificatePolicy = true;
    if (tls) {
      peer = peerCertificateOf(socket as TLSSocket);
      if (tls.authorizeCertificate) {
        try {
          allowed = tls.authorizeCertificate(peer);
        } catch {
          allowed = false;
        }
      }
      if (allowed === false) {
        stats.connectionsRefused++;
        logger?.({ type: 'refused', remote, reason: 'certificate', detail: peer?.subject ?? '(none)' });
        socket.destroy();
        return;
      }
    }
    stats.connectionsOpen++;
    stats.connectionsTotal++;
    connections.add(new SipConnection(socket, context, remote, peer, allowed));
  };

  const server: Server = tls ? createTlsServer(tlsServerOptions(tls), accept) : createTcpServer(accept);
  server.on('tlsClientError', (error: Error & { code?: string }, socket: TLSSocket) => {
    stats.errors.tls = (stats.errors.tls ?? 0) + 1;
    stats.connectionsRefused++;
    logger?.({
      type: 'refused',
      remote: `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`,
      reason: 'tls-handshake',
      detail: error.code ?? error.message,
    });
  });

  return {
    stats,
    server,
    connections: () =>
      [...connections].map((c) => ({
        remote: c.remote,
        connectedAt: c.connectedAt,
        loginId: c.loginId,
        peer: c.peer,
        messages: c.messages,
      })),
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
        for (const c of connections) c.destroy();
        server.close(() => resolve());
      });
    },
  };
}

function tlsServerOptions(tls: SipTlsOptions) {
  const requestCert = tls.requestCert ?? tls.ca !== undefined;
  return {
    cert: tls.cert,
    key: tls.key,
    ...(tls.passphrase !== undefined ? { passphrase: tls.passphrase } : {}),
    ...(tls.ca !== undefined ? { ca: tls.ca as string | Buffer | (string | Buffer)[] } : {}),
    requestCert,
    rejectUnauthorized: requestCert && (tls.rejectUnauthorized ?? true),
    handshakeTimeout: tls.handshakeTimeoutMs ?? 10_000,
  };
}
