// Structured log events and counters. Events never carry passwords, PINs or raw message bytes
// (a raw 93 holds the terminal password, a 23/63 may hold a patron PIN). A client certificate is
// described by its public facts only (subject, issuer, serial, fingerprint, validity).
import type { SipPeerCertificate } from './tls.js';

export type SipServerEvent =
  | { readonly type: 'connection'; readonly remote: string; readonly peer?: SipPeerCertificate }
  | {
      readonly type: 'refused';
      readonly remote: string;
      /**
       * tls-handshake: no, an untrusted or an expired client certificate (or not TLS at all);
       * certificate: `authorizeCertificate` said no.
       */
      readonly reason: 'max-connections' | 'locked-out' | 'not-logged-in' | 'tls-handshake' | 'certificate';
      /** The TLS error code or the certificate subject, for tls-handshake and certificate. */
      readonly detail?: string;
    }
  | {
      readonly type: 'login';
      readonly remote: string;
      readonly loginId: string;
      readonly ok: boolean;
      /** Set when the account is not one the client certificate may use. */
      readonly reason?: 'certificate';
      readonly peer?: SipPeerCertificate;
    }
  | { readonly type: 'lockout'; readonly remote: string; readonly untilMs: number }
  | {
      readonly type: 'message';
      readonly remote: string;
      readonly code: string;
      readonly responseCode: string;
      readonly ms: number;
    }
  | {
      readonly type: 'protocol-error';
      readonly remote: string;
      readonly error: string;
      readonly detail: string;
    }
  | { readonly type: 'ils-error'; readonly remote: string; readonly code: string; readonly error: string }
  | { readonly type: 'close'; readonly remote: string; readonly reason: string };

export type SipServerLogger = (event: SipServerEvent) => void;

/** One open connection, as `server.connections()` lists it. */
export interface SipConnectionInfo {
  readonly remote: string;
  /** Epoch ms. */
  readonly connectedAt: number;
  /** The account logged in, once a 93 succeeded. */
  readonly loginId: string | undefined;
  /** The client certificate on TLS connections that sent one. */
  readonly peer: SipPeerCertificate | undefined;
  /** Requests answered on this connection. */
  readonly messages: number;
}

/** Counters a monitoring endpoint can read at any time. */
export interface SipServerStats {
  connectionsOpen: number;
  connectionsTotal: number;
  connectionsRefused: number;
  loginFailures: number;
  /** Requests handled, by message code. */
  messages: Record<string, number>;
  /** Unusable requests: bad checksum, garbage, too large, unknown code. */
  errors: Record<string, number>;
  ilsErrors: number;
  /** Latency of handled requests (decode → response written), milliseconds. */
  latency: LatencyStats;
}

export class LatencyStats {
  count = 0;
  totalMs = 0;
  maxMs = 0;
  // Log-scale buckets from 0.05 ms to ~100 s: small, fixed memory for percentiles.
  private readonly buckets = new Uint32Array(64);

  record(ms: number): void {
    this.count++;
    this.totalMs += ms;
    if (ms > this.maxMs) this.maxMs = ms;
    this.buckets[LatencyStats.bucket(ms)]!++;
  }

  /** Upper bound of the bucket holding the p-th percentile (0 < p ≤ 100). */
  percentile(p: number): number {
    if (this.count === 0) return 0;
    let rank = Math.ceil((p / 100) * this.count);
    for (let i = 0; i < this.buckets.length; i++) {
      rank -= this.buckets[i]!;
      if (rank <= 0) return LatencyStats.upper(i);
    }
    return this.maxMs;
  }

  private static bucket(ms: number): number {
    return Math.max(0, Math.min(63, Math.ceil(Math.log2(Math.max(ms, 0.05) / 0.05) * 3)));
  }

  private static upper(i: number): number {
    return 0.05 * 2 ** (i / 3);
  }
}

export function newStats(): SipServerStats {
  return {
    connectionsOpen: 0,
    connectionsTotal: 0,
    connectionsRefused: 0,
    loginFailures: 0,
    messages: {},
    errors: {},
    ilsErrors: 0,
    latency: new LatencyStats(),
  };
}
