export { KohaError, type KohaErrorCode } from './errors.js';
