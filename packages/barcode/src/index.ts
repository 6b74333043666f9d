export {
  type DataMatrixOptions,
  type DataMatrixShape,
  type DataMatrixSize,
  type DataMatrixSymbol,
  encodeDataMatrix,
} from './datamatrix/encode.js';
export { DATA_MATRIX_SIZES, type DataMatrixSizeInfo } from './datamatrix/sizes.js';
export {
  BARCODE_TYPES,
  type BarcodeType,
  type EncodeOptions,
  encodeBarcode,
  normalizeBarcodeType,
} from './encode.js';
export { BarcodeError, type BarcodeErrorCode, type BarcodeErrorDetails } from './errors.js';
export { type CodabarGuard, type CodabarOptions, encodeCodabar } from './linear/codabar.js';
export { type Code39Options, code39FullAsciiPair, code39Mod43, encodeCode39 } from './linear/code39.js';
export { type Code128Options, type Code128Set, encodeCode128 } from './linear/code128.js';
export { luhnCheck, mod10Weight31, type WideRatio } from './linear/common.js';
export { encodeCoop2of5 } from './linear/coop2of5.js';
export { encodeDataLogic2of5 } from './linear/datalogic2of5.js';
export { encodeEan2, encodeEan5 } from './linear/ean-addon.js';
export type { EanInputOptions } from './linear/ean-tables.js';
export { type Ean8Options, encodeEan8 } from './linear/ean8.js';
export { type Ean13Options, encodeEan13 } from './linear/ean13.js';
export { encodeGs1128, type Gs1Element, parseGs1 } from './linear/gs1-128.js';
export { encodeIata2of5 } from './linear/iata2of5.js';
export { encodeIndustrial2of5 } from './linear/industrial2of5.js';
export { encodeIsbn, type IsbnOptions, isbn10Check, toIsbn13 } from './linear/isbn.js';
export {
  type BearerStyle,
  encodeItf,
  encodeItf14,
  type Itf14Options,
  type ItfOptions,
} from './linear/itf.js';
export { encodeMatrix2of5 } from './linear/matrix2of5.js';
export type { TwoOfFiveOptions } from './linear/two-of-five.js';
export { encodeUpca, type UpcaOptions } from './linear/upca.js';
export { compressUpca, encodeUpce, expandUpce, type UpceOptions } from './linear/upce.js';
export { encodeQr, type QrLevel, type QrMode, type QrOptions, type QrSymbol } from './qr/encode.js';
export type { Layout, RenderOptions, TextItem } from './render/layout.js';
export { crc32, type PngOptions, renderPng } from './render/png.js';
export { type Raster, type RasterOptions, rasterize } from './render/raster.js';
export { escapeXml, renderSvg, type SvgOptions } from './render/svg.js';
export { renderModuleRows, renderTerminal, type TerminalOptions } from './render/text.js';
export type { BarcodeSymbol, LinearSymbol, MatrixSymbol, TextSpan } from './symbol.js';
