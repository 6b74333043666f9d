export { BarcodeError, type BarcodeErrorCode } from './errors.js';
