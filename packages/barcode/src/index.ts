export { BarcodeError, type BarcodeErrorCode } from './errors.js';
export type { BarcodeSymbol, LinearSymbol, MatrixSymbol } from './symbol.js';
