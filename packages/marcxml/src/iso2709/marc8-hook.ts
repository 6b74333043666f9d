// The MARC-8 decoder lives in ../charset/marc8.ts (another module); this is the one place that links it.
import { decodeMarc8 } from '../charset/marc8.js';
import type { Marc8Decoder } from './constants.js';

export const defaultMarc8Decoder: Marc8Decoder | undefined = (bytes, warn) => decodeMarc8(bytes, warn);
