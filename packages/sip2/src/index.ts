export { computeChecksum } from './checksum.js';
export { Sip2Error, type Sip2ErrorCode } from './errors.js';
