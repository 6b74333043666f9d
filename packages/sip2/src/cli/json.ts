// The JSON form of a message used by `sip2 decode` / `sip2 encode`.

import { formatSip2Date } from '../codec/dates.js';
import { codeOfName, type FixedSpec, isSip2Code, MESSAGE_SPECS, messageName } from '../codec/specs.js';
import type { Sip2Decoded, Sip2Field, Sip2Message, Sip2Terminator } from '../codec/types.js';
import { Sip2Error } from '../errors.js';

export interface MessageJson {
  code: string;
  name: string;
  fixed: Record<string, string>;
  fields: [string, string][];
  sequence: number | null;
  checksum: { present: boolean; valid: boolean; value: string | null };
  terminator: Sip2Terminator | null;
  finalDelimiter?: false;
  warnings: { code: string; message: string; offset: number; field?: string }[];
}

export function toJson(decoded: Sip2Decoded): MessageJson {
  const { message, checksum, warnings } = decoded;
  const json: MessageJson = {
    code: message.code,
    name: messageName(message.code),
    fixed: { ...(message.fixed as Record<string, string>) },
    fields: message.fields.map(([id, value]) => [id, value]),
    sequence: message.sequence ?? null,
    checksum: { present: checksum.present, valid: checksum.valid, value: checksum.value ?? null },
    terminator: message.terminator ?? null,
    warnings: warnings.map((w) => ({ ...w })),
  };
  if (message.finalDelimiter === false) json.finalDelimiter = false;
  return json;
}

const bad = (message: string) => new Sip2Error('INVALID_ARGUMENT', message);

/**
 * A message from its JSON form. `code` or `name` names the message; missing fixed fields take the
 * builders' defaults (current time for dates); `checksum` may be a boolean or `{present}`.
 */
export function fromJson(value: unknown): Sip2Message {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw bad('expected a JSON object');
  const o = value as Record<string, unknown>;
  const code =
    typeof o.code === 'string' ? o.code : typeof o.name === 'string' ? codeOfName(o.name) : undefined;
  if (code === undefined || !isSip2Code(code))
    throw bad(`unknown message ${JSON.stringify(o.code ?? o.name)}`);
  const given = (o.fixed ?? {}) as Record<string, unknown>;
  if (typeof given !== 'object' || Array.isArray(given)) throw bad('fixed must be an object');
  const fixed: Record<string, string> = {};
  for (const [name, , kind, dflt] of MESSAGE_SPECS[code].fixed as readonly FixedSpec[]) {
    const v = given[name];
    if (typeof v === 'string') fixed[name] = v;
    else if (v !== undefined) throw bad(`fixed.${name} must be a string`);
    else if (kind === 'date' && dflt === 'now') fixed[name] = formatSip2Date(new Date());
    else if (dflt !== undefined) fixed[name] = dflt;
    else throw bad(`fixed.${name} is required`);
  }
  const fieldsIn = o.fields ?? [];
  if (!Array.isArray(fieldsIn)) throw bad('fields must be an array of [id, value]');
  const fields: Sip2Field[] = fieldsIn.map((f, i) => {
    if (!Array.isArray(f) || f.length !== 2 || typeof f[0] !== 'string' || typeof f[1] !== 'string') {
      throw bad(`fields[${i}] must be [id, value] strings`);
    }
    return [f[0], f[1]];
  });
  const message: Record<string, unknown> = { code, fixed, fields };
  if (typeof o.sequence === 'number') message.sequence = o.sequence;
  else if (o.sequence !== undefined && o.sequence !== null) throw bad('sequence must be a digit or null');
  const cs = o.checksum;
  message.checksum =
    typeof cs === 'boolean'
      ? cs
      : typeof cs === 'object' && cs !== null
        ? (cs as { present?: unknown }).present === true
        : typeof o.sequence === 'number';
  if (o.terminator === '\r' || o.terminator === '\r\n' || o.terminator === '\n')
    message.terminator = o.terminator;
  if (o.finalDelimiter === false) message.finalDelimiter = false;
  return message as unknown as Sip2Message;
}
