// Koha answers `Accept: text/plain` with MARC::Record's `as_formatted()`, not MARCMaker (.mrk):
//   LDR 00000nam a2200000 a 4500
//   001     12345                       (tag, five spaces, data)
//   245 10 _aTitle :                    (tag, space, ind1, ind2, space, "_", code, value)
//          _bsubtitle                   (six spaces, space, "_", code, value: same field)
// Pure; the only import is the record model's types.
import type { ControlField, DataField, MarcRecord } from '@bibwire/marcxml';
import { KohaError } from './errors.js';

/** Parse `as_formatted()` text (one record) into a record. */
export function parseFormattedMarc(text: string): MarcRecord {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  const first = lines.shift();
  if (first === undefined || !first.startsWith('LDR ')) {
    throw new KohaError('MARC_PARSE', 'formatted MARC must start with "LDR "', { field: 'line 1' });
  }
  const record: MarcRecord = { leader: first.slice(4), fields: [] };
  let current: DataField | undefined;
  lines.forEach((line, i) => {
    const at = `line ${i + 2}`;
    if (line.trim() === '') return;
    if (line.startsWith('       _')) {
      if (!current)
        throw new KohaError('MARC_PARSE', `subfield continuation without a field at ${at}`, { field: at });
      current.subfields.push({ code: line.charAt(8), value: line.slice(9) });
      return;
    }
    const tag = line.slice(0, 3);
    if (line.length < 4 || line.charAt(3) !== ' ') {
      throw new KohaError('MARC_PARSE', `malformed field line at ${at}`, { field: at });
    }
    if (line.slice(6, 8) === ' _') {
      current = {
        tag,
        ind1: line.charAt(4),
        ind2: line.charAt(5),
        subfields: [{ code: line.charAt(8), value: line.slice(9) }],
      };
      record.fields.push(current);
      return;
    }
    current = undefined;
    const field: ControlField = { tag, value: line.slice(8) };
    record.fields.push(field);
  });
  return record;
}

/** The same layout as MARC::Record's `as_formatted()` (for fixtures and tests). */
export function formatMarc(record: MarcRecord): string {
  const out = [`LDR ${record.leader}`];
  for (const f of record.fields) {
    if ('value' in f) {
      out.push(`${f.tag.padStart(3, ' ')}     ${f.value}`);
      continue;
    }
    let hanger = `${f.tag.padStart(3, ' ')} ${f.ind1.slice(0, 1)}${f.ind2.slice(0, 1)}`
      .padEnd(6, ' ')
      .slice(0, 6);
    for (const s of f.subfields) {
      out.push(`${hanger} _${s.code.slice(0, 1)}${s.value}`);
      hanger = '      ';
    }
  }
  return out.join('\n');
}
