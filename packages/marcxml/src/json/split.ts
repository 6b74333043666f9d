// Incremental splitter for a stream of JSON values: one object, an array of objects, or objects one
// after another (NDJSON). Emits the text of each record object without parsing it, so memory stays
// bounded by the largest record, and flags raw control characters inside strings for repair.
import { MarcError } from '../errors.js';

export interface JsonPiece {
  text: string;
  /** Raw control characters inside strings (illegal JSON, common in the wild). */
  needsRepair: boolean;
  /** Character offset of the piece in the whole input. */
  offset: number;
}

export interface JsonSplitter {
  push(chunk: string): JsonPiece[];
  end(): JsonPiece[];
}

export function createJsonSplitter(maxChars = 64 * 1024 * 1024): JsonSplitter {
  let buf = '';
  let consumed = 0; // characters dropped from the front of buf
  let pos = 0; // scan position in buf
  let depth = 0;
  let inString = false;
  let escaped = false;
  let arrayMode: boolean | undefined;
  let start = -1;
  let repair = false;

  function scan(): JsonPiece[] {
    const out: JsonPiece[] = [];
    for (; pos < buf.length; pos++) {
      const c = buf.charCodeAt(pos);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 0x5c) escaped = true;
        else if (c === 0x22) inString = false;
        else if (c < 0x20) repair = true;
        continue;
      }
      const recordDepth = arrayMode ? 1 : 0;
      if (c === 0x22) {
        inString = true;
      } else if (c === 0x7b || c === 0x5b) {
        if (depth === 0 && arrayMode === undefined && c === 0x5b) {
          arrayMode = true;
          depth = 1;
          continue;
        }
        if (depth === recordDepth) {
          if (c !== 0x7b)
            throw new MarcError('JSON_STRUCTURE', 'expected a record object', { offset: consumed + pos });
          start = pos;
          repair = false;
        }
        depth++;
      } else if (c === 0x7d || c === 0x5d) {
        depth--;
        if (depth < 0)
          throw new MarcError('JSON_SYNTAX', `unbalanced '${String.fromCharCode(c)}'`, {
            offset: consumed + pos,
          });
        if (depth === recordDepth && start >= 0) {
          if (c !== 0x7d)
            throw new MarcError('JSON_SYNTAX', "']' closes an object", { offset: consumed + pos });
          out.push({ text: buf.slice(start, pos + 1), needsRepair: repair, offset: consumed + start });
          start = -1;
        } else if (arrayMode && depth === 0) {
          arrayMode = undefined; // another array or object may follow
        }
      } else if (depth === recordDepth && start < 0 && c > 0x20 && c !== 0x2c) {
        throw new MarcError(
          'JSON_SYNTAX',
          `unexpected ${JSON.stringify(String.fromCharCode(c))} between records`,
          {
            offset: consumed + pos,
          },
        );
      }
    }
    return out;
  }

  function compact(): void {
    const keep = start >= 0 ? start : pos;
    if (keep > 0) {
      buf = buf.slice(keep);
      consumed += keep;
      pos -= keep;
      if (start >= 0) start = 0;
    }
    if (buf.length > maxChars) {
      throw new MarcError('LIMIT_EXCEEDED', `a JSON record exceeds ${maxChars} characters`, {
        offset: consumed,
      });
    }
  }

  return {
    push(chunk: string): JsonPiece[] {
      buf += chunk;
      const out = scan();
      compact();
      return out;
    },
    end(): JsonPiece[] {
      const out = scan();
      if (inString || depth !== 0 || start >= 0) {
        throw new MarcError('JSON_SYNTAX', 'unexpected end of JSON input', { offset: consumed + buf.length });
      }
      return out;
    },
  };
}

/** Escape raw control characters inside JSON strings. */
export function repairJson(text: string): string {
  let out = '';
  let inString = false;
  let escaped = false;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!inString) {
      if (c === 0x22) inString = true;
      continue;
    }
    if (escaped) escaped = false;
    else if (c === 0x5c) escaped = true;
    else if (c === 0x22) inString = false;
    else if (c < 0x20) {
      out += `${text.slice(last, i)}\\u${c.toString(16).padStart(4, '0')}`;
      last = i + 1;
    }
  }
  return out + text.slice(last);
}
