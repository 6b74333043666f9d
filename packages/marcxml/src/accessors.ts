// Accessors and builders over the plain record model; none of them mutate their input.
import {
  type ControlField,
  type DataField,
  type Field,
  isControlField,
  isDataField,
  type MarcRecord,
  type Subfield,
} from './record.js';

/** '245', '6..' ('.' matches any character, 'X' too: '6XX'), or a RegExp tested against the tag. */
export type TagPattern = string | RegExp;

export const DEFAULT_LEADER = '00000nam a2200000 a 4500';

function tagMatcher(pattern: TagPattern): (tag: string) => boolean {
  if (typeof pattern !== 'string') return (tag) => pattern.test(tag);
  if (!/[.xX]/.test(pattern)) return (tag) => tag === pattern;
  return (tag) => {
    if (tag.length !== pattern.length) return false;
    for (let i = 0; i < tag.length; i++) {
      const p = pattern[i];
      if (p !== '.' && p !== 'x' && p !== 'X' && p !== tag[i]) return false;
    }
    return true;
  };
}

export function getFields(record: MarcRecord, pattern: TagPattern): Field[] {
  const match = tagMatcher(pattern);
  return record.fields.filter((f) => match(f.tag));
}

export function getDataFields(record: MarcRecord, pattern: TagPattern): DataField[] {
  const match = tagMatcher(pattern);
  return record.fields.filter((f): f is DataField => isDataField(f) && match(f.tag));
}

export function getField(record: MarcRecord, pattern: TagPattern): Field | undefined {
  const match = tagMatcher(pattern);
  return record.fields.find((f) => match(f.tag));
}

/** Value of the first control field with this tag. */
export function getControlValue(record: MarcRecord, tag: string): string | undefined {
  for (const f of record.fields) if (f.tag === tag && isControlField(f)) return f.value;
  return undefined;
}

/** First subfield `code` of a data field. */
export function getSubfield(field: DataField, code: string): string | undefined {
  for (const s of field.subfields) if (s.code === code) return s.value;
  return undefined;
}

/** Values of the subfields whose code is in `codes` (all when omitted), in field order. */
export function getSubfields(field: DataField, codes?: string): string[] {
  const out: string[] = [];
  for (const s of field.subfields) if (codes === undefined || codes.includes(s.code)) out.push(s.value);
  return out;
}

/** First `$code` of the first data field matching `pattern` that has one. */
export function getFirstValue(record: MarcRecord, pattern: TagPattern, code: string): string | undefined {
  for (const f of getDataFields(record, pattern)) {
    const v = getSubfield(f, code);
    if (v !== undefined) return v;
  }
  return undefined;
}

export function createRecord(leader: string = DEFAULT_LEADER, fields: Field[] = []): MarcRecord {
  return { leader, fields };
}

export function controlField(tag: string, value: string): ControlField {
  return { tag, value };
}

export function dataField(
  tag: string,
  ind1: string,
  ind2: string,
  subfields: ReadonlyArray<readonly [string, string] | Subfield>,
): DataField {
  return {
    tag,
    ind1,
    ind2,
    subfields: subfields.map((s) =>
      'code' in s ? { code: s.code, value: s.value } : { code: s[0], value: s[1] },
    ),
  };
}

export function cloneRecord(record: MarcRecord): MarcRecord {
  return {
    leader: record.leader,
    fields: record.fields.map((f) =>
      isControlField(f)
        ? { tag: f.tag, value: f.value }
        : {
            tag: f.tag,
            ind1: f.ind1,
            ind2: f.ind2,
            subfields: f.subfields.map((s) => ({ code: s.code, value: s.value })),
          },
    ),
  };
}

export function recordsEqual(a: MarcRecord, b: MarcRecord): boolean {
  if (a.leader !== b.leader || a.fields.length !== b.fields.length) return false;
  for (let i = 0; i < a.fields.length; i++) {
    const x = a.fields[i] as Field;
    const y = b.fields[i] as Field;
    if (x.tag !== y.tag) return false;
    if (isControlField(x)) {
      if (!isControlField(y) || x.value !== y.value) return false;
      continue;
    }
    if (
      !isDataField(y) ||
      x.ind1 !== y.ind1 ||
      x.ind2 !== y.ind2 ||
      x.subfields.length !== y.subfields.length
    )
      return false;
    for (let j = 0; j < x.subfields.length; j++) {
      const s = x.subfields[j] as Subfield;
      const t = y.subfields[j] as Subfield;
      if (s.code !== t.code || s.value !== t.value) return false;
    }
  }
  return true;
}
