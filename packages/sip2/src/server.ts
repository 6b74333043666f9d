// @bibwire/sip2/server: the ACS (node:net / node:tls), the ILS interface, the in-memory ILS and
// SIPconfig.xml support.
export { parseSipConfigXml, type SipConfigFile } from './config/sipconfig-xml.js';
export {
  DEFAULT_RULES,
  type IlsData,
  type IlsFeeData,
  type IlsHoldData,
  type IlsItemData,
  type IlsLoanData,
  type IlsPatronData,
  type IlsRules,
  validateIlsData,
} from './ils/data.js';
export { MemoryIls, type MemoryIlsOptions } from './ils/memory.js';
export type * from './ils/types.js';
export {
  DEFAULT_LIMITS,
  DEFAULT_POLICY,
  type ErrorDetectionMode,
  type SipAccount,
  type SipInstitution,
  type SipPolicy,
  type SipServerLimits,
} from './server/config.js';
export {
  LatencyStats,
  type SipConnectionInfo,
  type SipServerEvent,
  type SipServerLogger,
  type SipServerStats,
} from './server/events.js';
export { createSipServer, type SipServer, type SipServerOptions } from './server/server.js';
export { type SessionOutcome, SipSession } from './server/session.js';
export type { SipCertificatePolicy, SipPeerCertificate, SipTlsOptions } from './server/tls.js';
