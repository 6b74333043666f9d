// What goes on each label: one per Koha item (952 $p barcode, $o call number), or one per record
// keyed by its 001 when the record carries no items.
import { getControlValue, getDataFields, getSubfield, getTitle, type MarcRecord } from '@bibwire/marcxml';

export interface SpineLabel {
  readonly barcode: string;
  readonly callNumber: string;
  readonly title: string;
}

const TITLE_MAX = 40;

/** 245 $a without its trailing ISBD punctuation, cut at a word boundary to fit a label. */
export function shortTitle(record: MarcRecord): string {
  const full =
    (getTitle(record) ?? '')
      .split(/\s[:/;=]\s?/)[0]
      ?.replace(/[\s:/;,.=]+$/, '')
      .trim() ?? '';
  if (full.length <= TITLE_MAX) return full;
  const cut = full.slice(0, TITLE_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The record's classification when an item has none: 050 (LC), 090 (local LC), 082 (Dewey). */
export function recordCallNumber(record: MarcRecord): string {
  for (const tag of ['050', '090', '082']) {
    const field = getDataFields(record, tag)[0];
    if (!field) continue;
    const parts = field.subfields.filter((s) => s.code === 'a' || s.code === 'b').map((s) => s.value.trim());
    if (parts.length > 0) return parts.join(' ').replace(/\s*\/\s*/g, '');
  }
  return '';
}

export function labelsOf(record: MarcRecord): SpineLabel[] {
  const title = shortTitle(record);
  const items = getDataFields(record, '952').filter((f) => (getSubfield(f, 'p') ?? '').trim() !== '');
  if (items.length > 0) {
    return items.map((item) => ({
      barcode: (getSubfield(item, 'p') ?? '').trim(),
      callNumber: (getSubfield(item, 'o') ?? '').trim() || recordCallNumber(record),
      title,
    }));
  }
  const id = getControlValue(record, '001')?.trim();
  return id ? [{ barcode: id, callNumber: recordCallNumber(record), title }] : [];
}

export function labelsOfAll(records: Iterable<MarcRecord>): SpineLabel[] {
  const out: SpineLabel[] = [];
  for (const record of records) out.push(...labelsOf(record));
  return out;
}
