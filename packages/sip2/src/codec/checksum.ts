/**
 * SIP2 error-detection checksum (the AZ field): the 16-bit two's complement of the sum of every
 * byte of the message up to and including "AZ", as four upper-case hex digits.
 */
export function computeChecksum(bytes: Uint8Array, start = 0, end: number = bytes.length): string {
  return checksumHex(checksumValue(bytes, start, end));
}

/** The checksum as a number: -(sum of bytes[start..end)) mod 2^16. */
export function checksumValue(bytes: Uint8Array, start: number, end: number): number {
  return -byteSum(bytes, start, end) & 0xffff;
}

/**
 * Sum of the bytes, four at a time where the buffer is 4-byte aligned: each 32-bit word adds its
 * bytes 0+2 and 1+3 in two 16-bit lanes, which are folded before they can overflow.
 */
function byteSum(bytes: Uint8Array, start: number, end: number): number {
  let sum = 0;
  let i = start;
  if (end - start < 64) {
    for (; i < end; i++) sum += bytes[i]!;
    return sum;
  }
  const misaligned = (bytes.byteOffset + i) & 3;
  if (misaligned !== 0) {
    for (const stop = i + 4 - misaligned; i < stop; i++) sum += bytes[i]!;
  }
  const words = (end - i) >> 2;
  const view = new Uint32Array(bytes.buffer, bytes.byteOffset + i, words);
  for (let w = 0; w < words; ) {
    let lanes = 0;
    const stop = Math.min(words, w + 128); // 128 × 2 × 255 < 2^16: a lane cannot carry into the next
    for (; w < stop; w++) {
      const word = view[w]!;
      lanes += (word & 0x00ff00ff) + ((word >>> 8) & 0x00ff00ff);
    }
    sum += (lanes & 0xffff) + Math.floor(lanes / 0x10000);
  }
  for (i += words * 4; i < end; i++) sum += bytes[i]!;
  return sum;
}

const HEX = '0123456789ABCDEF';

export function checksumHex(value: number): string {
  return HEX[(value >> 12) & 15]! + HEX[(value >> 8) & 15]! + HEX[(value >> 4) & 15]! + HEX[value & 15]!;
}
