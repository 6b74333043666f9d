// MARC-in-JSON (Ross Singer's shape, as yaz, pymarc, MARC::File::MiJ and marc4j write it).
import { MarcError, type MarcProblem, type ProblemHandler, problemToError } from '../errors.js';
import { isRecord } from '../iso2709/write.js';
import { type Field, isControlField, type MarcRecord, type Subfield } from '../record.js';
import { createJsonSplitter, type JsonPiece, repairJson } from './split.js';

export interface MarcJsonReadOptions {
  strict?: boolean;
  onProblem?: ProblemHandler;
}

export interface MarcJsonWriteOptions {
  /** One record per line instead of an array. Default false. */
  ndjson?: boolean;
  /** Pretty-print with this many spaces (not with ndjson). */
  space?: number;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Turn one parsed MiJ object into a record; damaged fields are reported and skipped. */
export function recordFromMarcJson(
  value: unknown,
  recordNumber: number,
  options: MarcJsonReadOptions = {},
): MarcRecord {
  const report = (message: string, tag?: string): void => {
    const p: MarcProblem =
      tag === undefined
        ? { code: 'JSON_STRUCTURE', message, record: recordNumber }
        : { code: 'JSON_STRUCTURE', message, record: recordNumber, tag };
    if (options.strict) throw problemToError(p);
    options.onProblem?.(p);
  };
  const v = value as Json;
  if (!isObject(v))
    throw new MarcError('JSON_STRUCTURE', `record ${recordNumber}: not a JSON object`, {
      record: recordNumber,
    });
  const leader = v.leader;
  if (typeof leader !== 'string')
    throw new MarcError('JSON_STRUCTURE', `record ${recordNumber}: no leader string`, {
      record: recordNumber,
    });
  const fields: Field[] = [];
  const list = v.fields;
  if (!Array.isArray(list)) report('no fields array');
  else {
    for (const entry of list) {
      const keys = isObject(entry) ? Object.keys(entry) : [];
      if (!isObject(entry) || keys.length !== 1) {
        report('field entry is not an object with one key');
        continue;
      }
      const tag = keys[0] as string;
      const body = entry[tag];
      if (typeof body === 'string') {
        fields.push({ tag, value: body });
        continue;
      }
      if (!isObject(body) || !Array.isArray(body.subfields)) {
        report(`field ${tag}: neither a string nor an object with subfields`, tag);
        continue;
      }
      const subfields: Subfield[] = [];
      for (const s of body.subfields) {
        const codes = isObject(s) ? Object.keys(s) : [];
        const val = isObject(s) && codes.length === 1 ? s[codes[0] as string] : undefined;
        if (typeof val !== 'string') {
          report(`field ${tag}: subfield is not an object with one string value`, tag);
          continue;
        }
        subfields.push({ code: codes[0] as string, value: val });
      }
      fields.push({ tag, ind1: indicator(body.ind1), ind2: indicator(body.ind2), subfields });
    }
  }
  return { leader, fields };
}

function indicator(v: Json | undefined): string {
  return typeof v === 'string' && v.length === 1 ? v : ' ';
}

export function parsePiece(piece: JsonPiece, recordNumber: number, options: MarcJsonReadOptions): MarcRecord {
  let text = piece.text;
  if (piece.needsRepair) {
    const p: MarcProblem = {
      code: 'JSON_SYNTAX',
      message: 'raw control characters in JSON strings escaped',
      record: recordNumber,
      offset: piece.offset,
    };
    if (options.strict) throw problemToError(p);
    options.onProblem?.(p);
    text = repairJson(text);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new MarcError('JSON_SYNTAX', `record ${recordNumber}: ${(e as Error).message}`, {
      record: recordNumber,
      offset: piece.offset,
    });
  }
  return recordFromMarcJson(value, recordNumber, options);
}

/** Records from one object, an array of objects, or newline-delimited objects. */
export function parseMarcJson(text: string, options: MarcJsonReadOptions = {}): MarcRecord[] {
  const splitter = createJsonSplitter(Number.MAX_SAFE_INTEGER);
  const pieces = splitter.push(text);
  for (const p of splitter.end()) pieces.push(p);
  return pieces.map((p, i) => parsePiece(p, i + 1, options));
}

/** One record as a MiJ object (fields in record order). */
export function marcJsonRecord(record: MarcRecord): string {
  let out = `{"leader":${JSON.stringify(record.leader)},"fields":[`;
  let first = true;
  for (const f of record.fields) {
    out += first ? '' : ',';
    first = false;
    if (isControlField(f)) {
      out += `{${JSON.stringify(f.tag)}:${JSON.stringify(f.value)}}`;
      continue;
    }
    out += `{${JSON.stringify(f.tag)}:{"ind1":${JSON.stringify(f.ind1)},"ind2":${JSON.stringify(f.ind2)},"subfields":[`;
    let firstSub = true;
    for (const s of f.subfields) {
      out += `${firstSub ? '' : ','}{${JSON.stringify(s.code)}:${JSON.stringify(s.value)}}`;
      firstSub = false;
    }
    out += ']}}';
  }
  return `${out}]}`;
}

/** One record as an object; several as an array (or NDJSON lines). */
export function writeMarcJson(
  records: MarcRecord | Iterable<MarcRecord>,
  options: MarcJsonWriteOptions = {},
): string {
  const pretty = (s: string): string =>
    options.space ? JSON.stringify(JSON.parse(s), null, options.space) : s;
  if (isRecord(records))
    return options.ndjson ? `${marcJsonRecord(records)}\n` : pretty(marcJsonRecord(records));
  if (options.ndjson) {
    let out = '';
    for (const r of records) out += `${marcJsonRecord(r)}\n`;
    return out;
  }
  const parts: string[] = [];
  for (const r of records) parts.push(pretty(marcJsonRecord(r)));
  return `[${parts.join(',')}]`;
}
