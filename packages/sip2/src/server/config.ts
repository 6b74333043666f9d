// Server configuration: accounts (terminal logins), institutions with their policy, limits.
// A typed object; `parseSipConfigXml` turns Koha's / Evergreen's SIPconfig.xml into the same shape.
import type { Sip2Charset } from '../codec/charset.js';
import type { Sip2Terminator } from '../codec/types.js';
import type { SipIls } from '../ils/types.js';

/** on: AY/AZ required and stamped; off: ignored and never stamped; auto: per message, as Koha does. */
export type ErrorDetectionMode = 'on' | 'off' | 'auto';

export interface SipAccount {
  readonly loginId: string;
  /** Terminal password; compared in constant time, never logged. */
  readonly password: string;
  readonly institutionId: string;
  /** Default `\r`; Koha's default is CRLF for some devices. */
  readonly terminator?: Sip2Terminator;
  /** Default `utf-8`. */
  readonly charset?: Sip2Charset;
  /** Default `auto`. */
  readonly errorDetection?: ErrorDetectionMode;
  /** Field delimiter; only `|` is supported by the codec today (see README). */
  readonly delimiter?: string;
  /** Location code reported as terminal location (AN) when the login gives none. */
  readonly location?: string;
}

export interface SipPolicy {
  readonly checkin: boolean;
  readonly checkout: boolean;
  readonly renewal: boolean;
  readonly statusUpdate: boolean;
  readonly offline: boolean;
  /** Tenths of a second the SC should wait for a response (000–999). */
  readonly timeout: number;
  readonly retries: number;
}

export interface SipInstitution {
  readonly id: string;
  readonly name?: string;
  readonly policy?: Partial<SipPolicy>;
  /** A back end for this institution only; default: the server's `ils`. */
  readonly ils?: SipIls;
  readonly screenMessage?: string;
}

export interface SipServerLimits {
  /** Largest message accepted (bytes, terminator excluded). Default 16 KiB. */
  readonly maxMessageBytes: number;
  /** Open connections at once; more are closed on accept. Default 256. */
  readonly maxConnections: number;
  /** A connection that completes no message for this long is closed. Default 10 min (Koha client_timeout). */
  readonly idleTimeoutMs: number;
  /** A connection that has not logged in after this long is closed. Default 30 s (Koha timeout). */
  readonly loginTimeoutMs: number;
  /** Failed logins from one address before it is locked out. Default 5. */
  readonly maxFailedLogins: number;
  /** First lockout; each further failure while locked doubles it, up to lockoutMaxMs. Defaults 2 s / 15 min. */
  readonly lockoutMs: number;
  readonly lockoutMaxMs: number;
  /** Consecutive unusable messages (bad checksum, garbage) before the connection is closed. Default 20. */
  readonly maxConsecutiveErrors: number;
  /** Requests buffered behind the one being handled before reading pauses. Default 16. */
  readonly maxPipelined: number;
}

export const DEFAULT_POLICY: SipPolicy = {
  checkin: true,
  checkout: true,
  renewal: true,
  statusUpdate: false,
  offline: false,
  timeout: 100,
  retries: 3,
};

export const DEFAULT_LIMITS: SipServerLimits = {
  maxMessageBytes: 16 * 1024,
  maxConnections: 256,
  idleTimeoutMs: 600_000,
  loginTimeoutMs: 30_000,
  maxFailedLogins: 5,
  lockoutMs: 2_000,
  lockoutMaxMs: 900_000,
  maxConsecutiveErrors: 20,
  maxPipelined: 16,
};
