// Node sockets for the client: TCP or TLS, or any Duplex a caller injects (tests, proxies).
import { isIP, connect as netConnect } from 'node:net';
import type { Duplex } from 'node:stream';
import { type ConnectionOptions, connect as tlsConnect } from 'node:tls';

export interface SipEndpoint {
  readonly host: string;
  readonly port: number;
  /** true, or node:tls options (ca, cert, key, servername, rejectUnauthorized …). */
  readonly tls?: boolean | ConnectionOptions;
}

/** Opens a connection and resolves once it is ready for writing. */
export function openSocket(endpoint: SipEndpoint, timeoutMs: number): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const tlsOptions = typeof endpoint.tls === 'object' ? endpoint.tls : {};
    const socket = endpoint.tls
      ? tlsConnect({
          host: endpoint.host,
          port: endpoint.port,
          // SNI takes names only; for an IP the certificate is checked against its IP SANs.
          ...(isIP(endpoint.host) ? {} : { servername: endpoint.host }),
          ...tlsOptions,
        })
      : netConnect({ host: endpoint.host, port: endpoint.port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`connect to ${endpoint.host}:${endpoint.port} timed out`));
    }, timeoutMs);
    socket.once(endpoint.tls ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      socket.setNoDelay?.(true);
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
