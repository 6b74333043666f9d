export { SruError, type SruErrorCode } from './errors.js';
