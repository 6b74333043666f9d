export const RT = 0x1d; // record terminator
export const FT = 0x1e; // field terminator
export const US = 0x1f; // subfield delimiter
export const MAX_RECORD_LENGTH = 99_999;
export const MAX_FIELD_LENGTH = 9_999;

/** `decodeMarc8` from src/charset/marc8.ts has this shape. */
export type Marc8Decoder = (
  bytes: Uint8Array,
  warn?: (w: { offset: number; message: string }) => void,
) => string;
