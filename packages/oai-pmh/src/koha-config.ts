// Koha's OAI-PMH configuration file (system preference OAI-PMH:ConfFile): a YAML map
//   format: { <key>: { metadataPrefix, metadataNamespace, schema, xsl_file?, include_items? } }
// Only the YAML this file uses is read: nested block maps of plain or quoted scalars, comments, `---`.
import { OaiError } from './errors.js';

export interface KohaFormatConfig {
  /** The key under `format:` (Koha uses it only as a name). */
  readonly key: string;
  readonly metadataPrefix: string;
  readonly metadataNamespace: string;
  readonly schema: string;
  /** XSLT Koha applies to the MARCXML; absent = raw MARCXML. */
  readonly xslFile?: string;
  /** Whether item fields (952 MARC 21 / 995 UNIMARC) are embedded before transformation. */
  readonly includeItems: boolean;
}

export interface KohaOaiConfig {
  readonly formats: readonly KohaFormatConfig[];
}

type YamlMap = Map<string, string | YamlMap>;

/** Parses the configuration text; throws OaiError BAD_CONFIG with the line number on anything else. */
export function parseKohaOaiConfig(text: string): KohaOaiConfig {
  const root = parseYamlMaps(text);
  const formatMap = root.get('format');
  if (formatMap === undefined) return { formats: [] };
  if (typeof formatMap === 'string') throw configError('"format" must be a map of formats');
  const formats: KohaFormatConfig[] = [];
  for (const [key, value] of formatMap) {
    if (typeof value === 'string') throw configError(`format "${key}" must be a map`);
    const str = (name: string): string | undefined => {
      const v = value.get(name);
      if (v !== undefined && typeof v !== 'string')
        throw configError(`format "${key}": ${name} must be a value`);
      return v;
    };
    const metadataPrefix = str('metadataPrefix') ?? key;
    const xslFile = str('xsl_file');
    const include = str('include_items');
    formats.push({
      key,
      metadataPrefix,
      metadataNamespace: str('metadataNamespace') ?? '',
      schema: str('schema') ?? '',
      ...(xslFile !== undefined && xslFile !== '' && { xslFile }),
      includeItems: include !== undefined && !/^(0|false|no|off|)$/i.test(include),
    });
  }
  return { formats };
}

interface Frame {
  readonly indent: number;
  readonly map: YamlMap;
}

function parseYamlMaps(text: string): YamlMap {
  const root: YamlMap = new Map();
  const stack: Frame[] = [{ indent: -1, map: root }];
  let pendingKey: { key: string; indent: number; parent: YamlMap } | undefined;
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const lineNo = n + 1;
    const raw = lines[n]!;
    if (/^\s*(#.*)?$/.test(raw) || /^(---|\.\.\.)\s*$/.test(raw)) continue;
    if (raw.includes('\t') && /^\s*\t/.test(raw))
      throw configError('tabs are not allowed for indentation', lineNo);
    const indent = raw.length - raw.trimStart().length;
    const content = raw.trim();
    if (content.startsWith('- ') || content === '-')
      throw configError('lists are not supported here', lineNo);
    const m = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:#'"][^:#]*?)\s*:(?:\s+(.*))?$/.exec(content);
    if (!m) throw configError(`expected "key: value", got "${content.slice(0, 40)}"`, lineNo);
    const key = unquote(m[1]!, lineNo);
    const rest = m[2] === undefined ? '' : stripComment(m[2]).trim();
    if (pendingKey) {
      if (indent > pendingKey.indent) {
        const child: YamlMap = new Map();
        pendingKey.parent.set(pendingKey.key, child);
        stack.push({ indent, map: child });
      } else {
        pendingKey.parent.set(pendingKey.key, '');
      }
      pendingKey = undefined;
    }
    while (stack.length > 1 && stack[stack.length - 1]!.indent > indent) stack.pop();
    let frame = stack[stack.length - 1]!;
    if (frame.indent === -1) {
      // The document's first key fixes the root indentation.
      frame = { indent, map: frame.map };
      stack[stack.length - 1] = frame;
    } else if (frame.indent !== indent) {
      throw configError('indentation does not match any enclosing map', lineNo);
    }
    if (frame.map.has(key)) throw configError(`duplicate key "${key}"`, lineNo);
    if (rest === '') pendingKey = { key, indent, parent: frame.map };
    else frame.map.set(key, unquote(rest, lineNo));
  }
  if (pendingKey) pendingKey.parent.set(pendingKey.key, '');
  return root;
}

function stripComment(value: string): string {
  const quoted = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')\s*(#.*)?$/.exec(value);
  if (quoted) return quoted[1]!;
  if (value.startsWith('"') || value.startsWith("'")) return value;
  const hash = value.search(/\s#/);
  return hash < 0 ? value : value.slice(0, hash);
}

function unquote(value: string, line: number): string {
  if (value.startsWith('"')) {
    if (!/^"(?:[^"\\]|\\.)*"$/.test(value)) throw configError('unterminated double-quoted value', line);
    try {
      return JSON.parse(value) as string;
    } catch {
      throw configError('bad escape in double-quoted value', line);
    }
  }
  if (value.startsWith("'")) {
    if (!/^'(?:[^']|'')*'$/.test(value)) throw configError('unterminated single-quoted value', line);
    return value.slice(1, -1).replace(/''/g, "'");
  }
  if (/^[[{&*!|>%@`]/.test(value))
    throw configError(`unsupported YAML construct "${value.slice(0, 20)}"`, line);
  return value;
}

function configError(message: string, line?: number): OaiError {
  return new OaiError(
    'BAD_CONFIG',
    line === undefined ? `Koha OAI config: ${message}` : `Koha OAI config line ${line}: ${message}`,
    line === undefined ? {} : { line },
  );
}
