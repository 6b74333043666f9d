// Outgoing messages encoded back to back into a shared slab (encodeInto), each handed to the
// socket as a Buffer view: no backing store and no Uint8Array→Buffer conversion per message.
// Bytes once handed out are never written again — a write the kernel has not taken yet, or a
// response kept for a 97, stays intact — and a full slab is replaced, not reused. Slabs are small
// (as Node's own Buffer pool) so a view kept by an idle connection pins little memory.
import { encode, encodeInto } from '../codec/encode.js';
import type { Sip2EncodeOptions, Sip2Message } from '../codec/types.js';
import { Sip2Error } from '../errors.js';

const SLAB_BYTES = 8 * 1024;
/** Below this much room a new slab is started. */
const MIN_ROOM = 512;

let slab = Buffer.allocUnsafe(SLAB_BYTES);
let used = 0;

const tooLong = (error: unknown) => Sip2Error.is(error) && error.field === 'target';

/** The encoded message as a Buffer that nothing will overwrite; throws what `encode` throws. */
export function encodeToSlab(message: Sip2Message, options: Sip2EncodeOptions): Buffer {
  if (SLAB_BYTES - used < MIN_ROOM) {
    slab = Buffer.allocUnsafe(SLAB_BYTES);
    used = 0;
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    const start = used;
    try {
      const length = encodeInto(message, slab, start, options);
      used = start + length;
      return slab.subarray(start, used);
    } catch (error) {
      if (!tooLong(error)) throw error;
      if (start === 0) break; // longer than a whole slab
      slab = Buffer.allocUnsafe(SLAB_BYTES);
      used = 0;
    }
  }
  const bytes = encode(message, options);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
