// oai_dc XML serializer: one record → <oai_dc:dc>, several → <oai_dc:dcCollection> (as Koha's
// stylesheets do for a <collection>). Pure string building; XML-illegal characters are dropped.
import { MarcError } from '../errors.js';
import type { MarcRecord } from '../record.js';
import { type DcEntry, type DublinCoreOptions, dublinCoreEntries } from './crosswalk.js';

export const OAI_DC_NS = 'http://www.openarchives.org/OAI/2.0/oai_dc/';
export const DC_NS = 'http://purl.org/dc/elements/1.1/';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const SCHEMA_LOCATION = `${OAI_DC_NS} http://www.openarchives.org/OAI/2.0/oai_dc.xsd`;

export interface OaiDcXmlOptions extends DublinCoreOptions {
  /** `<?xml version="1.0" encoding="UTF-8"?>` first. Default false (OAI-PMH embeds the element). */
  declaration?: boolean;
  /** Two-space indentation and newlines. Default true. */
  indent?: boolean;
  /** Wrap in `<oai_dc:dcCollection>`. Default: true for an array/iterable, false for one record. */
  collection?: boolean;
}

/** MARC record(s) → oai_dc XML. */
export function toOaiDcXml(
  records: MarcRecord | Iterable<MarcRecord>,
  options: OaiDcXmlOptions = {},
): string {
  const single = isRecord(records);
  const list = single ? [records] : [...records];
  const collection = options.collection ?? !single;
  const indent = options.indent ?? true;
  const nl = indent ? '\n' : '';
  const pad = (depth: number): string => (indent ? '  '.repeat(depth) : '');
  const rootAttrs = `xmlns:oai_dc="${OAI_DC_NS}" xmlns:dc="${DC_NS}" xmlns:xsi="${XSI_NS}" xsi:schemaLocation="${SCHEMA_LOCATION}"`;
  let xml = options.declaration ? `<?xml version="1.0" encoding="UTF-8"?>${nl}` : '';
  if (collection) {
    xml += `<oai_dc:dcCollection ${rootAttrs}>${nl}`;
    for (const r of list) xml += dcElement(dublinCoreEntries(r, options), '', 1, pad, nl);
    xml += `</oai_dc:dcCollection>${nl}`;
  } else {
    if (list.length !== 1)
      throw new MarcError('INVALID_ARGUMENT', 'toOaiDcXml: collection: false needs exactly one record');
    xml += dcElement(dublinCoreEntries(list[0]!, options), ` ${rootAttrs}`, 0, pad, nl);
  }
  return xml;
}

function dcElement(
  entries: DcEntry[],
  attrs: string,
  depth: number,
  pad: (d: number) => string,
  nl: string,
): string {
  if (entries.length === 0) return `${pad(depth)}<oai_dc:dc${attrs}/>${nl}`;
  let xml = `${pad(depth)}<oai_dc:dc${attrs}>${nl}`;
  for (const e of entries) {
    const extra = Object.entries(e.attributes ?? {})
      .map(([k, v]) => ` ${k}="${escapeText(v)}"`)
      .join('');
    xml +=
      e.value === ''
        ? `${pad(depth + 1)}<dc:${e.element}${extra}/>${nl}`
        : `${pad(depth + 1)}<dc:${e.element}${extra}>${escapeText(e.value)}</dc:${e.element}>${nl}`;
  }
  return `${xml}${pad(depth)}</oai_dc:dc>${nl}`;
}

function isRecord(value: MarcRecord | Iterable<MarcRecord>): value is MarcRecord {
  return typeof value === 'object' && value !== null && 'leader' in value && 'fields' in value;
}

// Characters XML 1.0 cannot carry (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF).
const XML_ILLEGAL =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escapeText(s: string): string {
  return s
    .replace(XML_ILLEGAL, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;'); // a raw CR would be read back as LF
}
