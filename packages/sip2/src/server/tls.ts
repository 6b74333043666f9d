// TLS for the ACS: server options, and what the server tells about a client certificate.
// Only public, non-secret facts of the certificate are kept (no key material, no raw DER).
import type { TLSSocket } from 'node:tls';

/** The client certificate of a TLS connection, as logs and hooks see it. */
export interface SipPeerCertificate {
  /** Subject as `CN=kiosk1, O=Library` (RFC 4514 order of the certificate). */
  readonly subject: string;
  /** The subject's common name, when it has one. */
  readonly commonName: string | undefined;
  readonly issuer: string;
  readonly serialNumber: string;
  /** SHA-256 fingerprint, `AB:CD:…`; stable id for allow lists. */
  readonly fingerprint256: string;
  readonly validFrom: string;
  readonly validTo: string;
  /** The certificate chains to a trusted CA and is in date (false only with rejectUnauthorized off). */
  readonly authorized: boolean;
}

/**
 * What a connection presenting `peer` may do: `false` refuses the connection, `true` allows any
 * account, a list allows logging in as those accounts only (others get 94 ok 0).
 */
export type SipCertificatePolicy = boolean | readonly string[];

export interface SipTlsOptions {
  /** The server's certificate chain and key (PEM). */
  readonly cert: string | Buffer;
  readonly key: string | Buffer;
  readonly passphrase?: string;
  /** CA(s) that sign client certificates; implies `requestCert` unless it is set to false. */
  readonly ca?: string | Buffer | readonly (string | Buffer)[];
  /** Ask clients for a certificate (default: true when `ca` is given). */
  readonly requestCert?: boolean;
  /**
   * Refuse the handshake when the client's certificate is missing, expired or not signed by `ca`
   * (default true whenever certificates are requested). With false, `authorizeCertificate` decides.
   */
  readonly rejectUnauthorized?: boolean;
  /**
   * Maps the client certificate (undefined when none was sent) to what the connection may do;
   * called once per connection after the handshake.
   */
  readonly authorizeCertificate?: (peer: SipPeerCertificate | undefined) => SipCertificatePolicy;
  /** Handshake must finish within this time (default 10 s). */
  readonly handshakeTimeoutMs?: number;
}

const nameText = (name: unknown): string => {
  if (!name || typeof name !== 'object') return '';
  return Object.entries(name as Record<string, string | string[]>)
    .map(([k, v]) => (Array.isArray(v) ? v.map((x) => `${k}=${x}`).join(', ') : `${k}=${v}`))
    .join(', ');
};

/** The client certificate of `socket`, or undefined when it sent none. */
export function peerCertificateOf(socket: TLSSocket): SipPeerCertificate | undefined {
  const cert = socket.getPeerCertificate();
  if (!cert || Object.keys(cert).length === 0 || !cert.subject) return undefined;
  const cn = (cert.subject as unknown as Record<string, string | string[] | undefined>).CN;
  return {
    subject: nameText(cert.subject),
    commonName: Array.isArray(cn) ? cn[0] : cn,
    issuer: nameText(cert.issuer),
    serialNumber: cert.serialNumber,
    fingerprint256: cert.fingerprint256,
    validFrom: cert.valid_from,
    validTo: cert.valid_to,
    authorized: socket.authorized,
  };
}
