// Metadata formats over MARC entries: MARCXML under Koha's two prefixes (marc21, marcxml), oai_dc
// through the marcxml package's DC crosswalks (MARC 21 and UNIMARC), and custom formats by function.
import { type DublinCoreOptions, isControlField, type MarcRecord, toOaiDcXml } from '@bibwire/marcxml';
import { OaiError } from '../errors.js';
import type { KohaOaiConfig } from '../koha-config.js';
import type { MetadataFormat, OaiHeader } from '../types.js';
import { escapeAttr, escapeText } from '../xml.js';
import type { MarcEntry } from './repository.js';

export const MARCXML_NAMESPACE = 'http://www.loc.gov/MARC21/slim';
export const MARCXML_SCHEMA = 'http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd';
export const OAI_DC_NAMESPACE = 'http://www.openarchives.org/OAI/2.0/oai_dc/';
export const OAI_DC_SCHEMA = 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd';

export interface MarcFormatOptions {
  /** Append the item fields (952/995) to the record first, as Koha's include_items does. */
  readonly includeItems?: boolean;
}

export interface CustomMarcFormat extends MarcFormatOptions {
  readonly metadataPrefix: string;
  readonly schema: string;
  readonly metadataNamespace: string;
  /** One XML element with its own namespace declaration. */
  readonly render: (record: MarcRecord, header: OaiHeader) => string;
}

/** The record as MARCXML; `metadataPrefix` is `marcxml` or `marc21` (Koha offers both). */
export function marcXmlFormat(
  metadataPrefix = 'marcxml',
  options: MarcFormatOptions & { schema?: string; metadataNamespace?: string } = {},
): MetadataFormat<MarcEntry> {
  return marcFormat({
    metadataPrefix,
    schema: options.schema ?? MARCXML_SCHEMA,
    metadataNamespace: options.metadataNamespace ?? MARCXML_NAMESPACE,
    ...(options.includeItems !== undefined && { includeItems: options.includeItems }),
    render: marcXmlRecord,
  });
}

export interface OaiDcFormatOptions extends MarcFormatOptions {
  /** `clean` (default) or `koha` (Koha's stylesheet output, quirks included); see @bibwire/marcxml. */
  readonly compat?: DublinCoreOptions['compat'];
  /** UNIMARC 090 $a becomes this URL + $a. */
  readonly opacBaseUrl?: string;
}

/** Unqualified Dublin Core through the MARC 21 or UNIMARC crosswalk (flavour detected per record). */
export function oaiDcFormat(options: OaiDcFormatOptions = {}): MetadataFormat<MarcEntry> {
  const dc = {
    indent: false,
    ...(options.compat !== undefined && { compat: options.compat }),
    ...(options.opacBaseUrl !== undefined && { opacBaseUrl: options.opacBaseUrl }),
  };
  return marcFormat({
    metadataPrefix: 'oai_dc',
    schema: OAI_DC_SCHEMA,
    metadataNamespace: OAI_DC_NAMESPACE,
    ...(options.includeItems !== undefined && { includeItems: options.includeItems }),
    render: (record) => toOaiDcXml(record, dc),
  });
}

/** A format rendered by your function from the MARC record. */
export function marcFormat(format: CustomMarcFormat): MetadataFormat<MarcEntry> {
  const include = format.includeItems === true;
  return {
    metadataPrefix: format.metadataPrefix,
    schema: format.schema,
    metadataNamespace: format.metadataNamespace,
    render: (entry, header) => format.render(include ? withItems(entry) : entry.record, header),
  };
}

/** Koha's defaults without a configuration file: oai_dc and marcxml (plus marc21, offered since Koha 17.05). */
export function kohaDefaultFormats(): MetadataFormat<MarcEntry>[] {
  return [oaiDcFormat(), marcXmlFormat('marc21'), marcXmlFormat('marcxml')];
}

/**
 * The formats a Koha OAI configuration declares. oai_dc uses the built-in crosswalk (Koha's
 * MARC21slim2OAIDC / UNIMARCslim2OAIDC stylesheets); a format with no xsl_file is raw MARCXML, as in
 * Koha; any other xsl_file needs a renderer in `renderers` (keyed by metadataPrefix) since XSLT is not run here.
 */
export function formatsFromKohaConfig(
  config: KohaOaiConfig,
  renderers: Readonly<Record<string, CustomMarcFormat['render']>> = {},
  options: {
    /** Leave out formats that need an XSLT without a renderer (default: throw BAD_CONFIG). */
    readonly skipUnsupported?: boolean;
    readonly onSkip?: (metadataPrefix: string, reason: string) => void;
  } = {},
): MetadataFormat<MarcEntry>[] {
  const formats = config.formats.flatMap((f): MetadataFormat<MarcEntry>[] => {
    const custom = renderers[f.metadataPrefix];
    const base = { includeItems: f.includeItems };
    if (custom) {
      const { metadataPrefix, schema, metadataNamespace } = f;
      return [marcFormat({ ...base, metadataPrefix, schema, metadataNamespace, render: custom })];
    }
    if (f.metadataPrefix === 'oai_dc') return [oaiDcFormat(base)];
    if (f.xslFile === undefined) {
      const declared = {
        ...(f.schema && { schema: f.schema }),
        ...(f.metadataNamespace && { metadataNamespace: f.metadataNamespace }),
      };
      return [marcXmlFormat(f.metadataPrefix, { ...base, ...declared })];
    }
    const reason = `format "${f.key}" needs the XSLT ${f.xslFile}; pass a renderer for "${f.metadataPrefix}"`;
    if (!options.skipUnsupported) throw new OaiError('BAD_CONFIG', reason, { field: f.key });
    options.onSkip?.(f.metadataPrefix, reason);
    return [];
  });
  // The protocol requires oai_dc for every item; Koha adds it when the file leaves it out.
  if (!formats.some((f) => f.metadataPrefix === 'oai_dc')) formats.unshift(oaiDcFormat());
  return formats;
}

/**
 * One record as compact MARCXML in the slim namespace. Written here rather than with writeMarcXml
 * because this is the provider's hot path: one concatenation per record, no per-call options.
 */
export function marcXmlRecord(record: MarcRecord): string {
  let s = `<record xmlns="${MARCXML_NAMESPACE}"><leader>${escapeText(record.leader)}</leader>`;
  for (const f of record.fields) {
    if (isControlField(f)) {
      s += `<controlfield tag="${escapeAttr(f.tag)}">${escapeText(f.value)}</controlfield>`;
      continue;
    }
    s += `<datafield tag="${escapeAttr(f.tag)}" ind1="${escapeAttr(f.ind1)}" ind2="${escapeAttr(f.ind2)}">`;
    for (const sf of f.subfields)
      s += `<subfield code="${escapeAttr(sf.code)}">${escapeText(sf.value)}</subfield>`;
    s += '</datafield>';
  }
  return `${s}</record>`;
}

function withItems(entry: MarcEntry): MarcRecord {
  if (entry.items.length === 0) return entry.record;
  return { leader: entry.record.leader, fields: [...entry.record.fields, ...entry.items] };
}
