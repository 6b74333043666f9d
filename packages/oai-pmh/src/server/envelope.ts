// The OAI-PMH response envelope and the pieces every verb shares, written as string chunks.
import { formatUtcDate, type Granularity } from '../dates.js';
import type { OaiHeader, OaiSet } from '../types.js';
import { escapeAttr, escapeText } from '../xml.js';
import type { OaiArguments, OaiVerb, ProtocolError } from './request.js';

export const OAI_NS = 'http://www.openarchives.org/OAI/2.0/';

/** Opening of the document up to and including `<request>`. `request` undefined = no attributes. */
export function openEnvelope(
  now: number,
  baseUrl: string,
  request: { verb: OaiVerb; args: OaiArguments } | undefined,
): string {
  let attrs = '';
  if (request) {
    attrs = ` verb="${request.verb}"`;
    for (const [k, v] of Object.entries(request.args)) {
      if (v !== undefined) attrs += ` ${k}="${escapeAttr(v)}"`;
    }
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<OAI-PMH xmlns="${OAI_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
    `xsi:schemaLocation="${OAI_NS} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">\n` +
    `<responseDate>${formatUtcDate(now)}</responseDate>\n` +
    `<request${attrs}>${escapeText(baseUrl)}</request>\n`
  );
}

export const CLOSE_ENVELOPE = '</OAI-PMH>\n';

export function errorElements(errors: readonly ProtocolError[]): string {
  return errors.map((e) => `<error code="${e.code}">${escapeText(e.message)}</error>\n`).join('');
}

export function headerXml(header: OaiHeader, granularity: Granularity): string {
  let s = header.deleted ? '<header status="deleted">' : '<header>';
  s += `<identifier>${escapeText(header.identifier)}</identifier>`;
  s += `<datestamp>${formatUtcDate(header.datestamp, granularity)}</datestamp>`;
  for (const spec of header.setSpecs) s += `<setSpec>${escapeText(spec)}</setSpec>`;
  return `${s}</header>`;
}

export function setXml(set: OaiSet): string {
  let s = `<set><setSpec>${escapeText(set.setSpec)}</setSpec><setName>${escapeText(set.setName)}</setName>`;
  for (const d of set.descriptions ?? []) s += `<setDescription>${d}</setDescription>`;
  return `${s}</set>\n`;
}

export interface TokenAttributes {
  readonly token: string;
  readonly cursor: number;
  readonly completeListSize?: number;
  readonly expirationDate?: number;
}

export function resumptionTokenXml(t: TokenAttributes): string {
  let attrs = '';
  if (t.expirationDate !== undefined) attrs += ` expirationDate="${formatUtcDate(t.expirationDate)}"`;
  if (t.completeListSize !== undefined) attrs += ` completeListSize="${t.completeListSize}"`;
  attrs += ` cursor="${t.cursor}"`;
  return `<resumptionToken${attrs}>${escapeText(t.token)}</resumptionToken>\n`;
}
