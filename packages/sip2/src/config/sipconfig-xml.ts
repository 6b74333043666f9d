// Koha's and Evergreen's SIPconfig.xml, accepted as they are: listeners (service), accounts
// (login) and institutions with their policy. Elements and attributes we do not use (server-params,
// syslog, Koha's per-account field templates ...) are skipped, not rejected.
import { SaxesParser } from 'saxes';
import { charsetOf } from '../codec/charset.js';
import { delimiterCode } from '../codec/delimiter.js';
import type { Sip2Terminator } from '../codec/types.js';
import { Sip2Error } from '../errors.js';
import type { ErrorDetectionMode, SipAccount, SipInstitution, SipPolicy } from '../server/config.js';

export interface SipListener {
  readonly host: string;
  readonly port: number;
  /** RAW (plain TCP), telnet, http ... as written; only RAW is served by createSipServer. */
  readonly transport: string;
  readonly protocol: string | undefined;
  /** Login-phase timeout (Koha `timeout`), ms. */
  readonly loginTimeoutMs: number | undefined;
  /** Idle connection timeout (Koha `client_timeout`), ms. */
  readonly idleTimeoutMs: number | undefined;
}

export interface SipConfigFile {
  /**
   * The global field delimiter (Koha's `delimiter` on `<acsconfig>` or as an element): the 93 and
   * everything before login are read with it. Accounts may set their own for after login.
   */
  readonly delimiter?: string;
  readonly listeners: readonly SipListener[];
  readonly accounts: readonly SipAccount[];
  readonly institutions: readonly SipInstitution[];
}

const fail = (message: string, line?: number): never => {
  throw new Sip2Error('INVALID_CONFIG', `SIPconfig.xml${line ? ` line ${line}` : ''}: ${message}`);
};

const bool = (v: string | undefined, dflt: boolean) =>
  v === undefined ? dflt : /^(true|1|yes|y|enabled)$/i.test(v.trim());

function listener(attrs: Record<string, string>, line: number): SipListener {
  // port="127.0.0.1:6001/tcp", "6001/tcp", "*:6001", "6001"
  const m = /^(?:(.*):)?(\d+)(?:\/(\w+))?$/.exec((attrs.port ?? '').trim());
  if (!m) return fail(`service port "${attrs.port ?? ''}" is not host:port/proto`, line);
  const host = !m[1] || m[1] === '*' || m[1] === '0' ? '0.0.0.0' : m[1];
  const secs = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) * 1000 : undefined);
  return {
    host,
    port: Number(m[2]),
    transport: attrs.transport ?? 'RAW',
    protocol: attrs.protocol,
    loginTimeoutMs: secs(attrs.timeout),
    idleTimeoutMs: secs(attrs.client_timeout),
  };
}

function account(attrs: Record<string, string>, defaultDetect: boolean, line: number): SipAccount {
  const loginId = attrs.id ?? fail('login without id', line);
  const institutionId = attrs.institution ?? fail(`login ${loginId} has no institution`, line);
  const term = attrs.terminator?.trim().toUpperCase();
  const terminator: Sip2Terminator | undefined =
    term === undefined
      ? undefined
      : term === 'CR'
        ? '\r'
        : term === 'CRLF'
          ? '\r\n'
          : term === 'LF'
            ? '\n'
            : fail(`login ${loginId}: terminator must be CR or CRLF`, line);
  const encoding = attrs.encoding?.trim();
  const charset = encoding
    ? (charsetOf(encoding) ?? fail(`login ${loginId}: unknown encoding ${encoding}`, line))
    : undefined;
  const delimiter = attrs.delimiter === undefined ? undefined : checkedDelimiter(attrs.delimiter, line);
  const detect = attrs['error-detect'];
  const errorDetection: ErrorDetectionMode =
    detect === undefined ? (defaultDetect ? 'auto' : 'off') : bool(detect, false) ? 'on' : 'off';
  return {
    loginId,
    password: attrs.password ?? '',
    institutionId,
    errorDetection,
    ...(terminator ? { terminator } : {}),
    ...(charset ? { charset } : {}),
    ...(delimiter !== undefined ? { delimiter } : {}),
    ...(attrs.location_code ? { location: attrs.location_code } : {}),
  };
}

/** The delimiter as written; Sip2Error INVALID_CONFIG with the line when it cannot be one. */
function checkedDelimiter(value: string, line?: number): string {
  try {
    delimiterCode(value);
  } catch (e) {
    fail((e as Error).message, line);
  }
  return value;
}

function policy(attrs: Record<string, string>): Partial<SipPolicy> {
  const num = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : undefined);
  const out: Record<string, unknown> = {
    checkin: bool(attrs.checkin, true),
    checkout: bool(attrs.checkout, true),
    renewal: bool(attrs.renewal, true),
    statusUpdate: bool(attrs.status_update, false),
    offline: bool(attrs.offline, false),
  };
  const timeout = num(attrs.timeout);
  const retries = num(attrs.retries);
  if (timeout !== undefined) out.timeout = timeout;
  if (retries !== undefined) out.retries = retries;
  return out as Partial<SipPolicy>;
}

/** Parses SIPconfig.xml text. Throws Sip2Error INVALID_CONFIG naming the line of the problem. */
export function parseSipConfigXml(xml: string): SipConfigFile {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const listeners: SipListener[] = [];
  const pending: { attrs: Record<string, string>; line: number }[] = [];
  const institutions: SipInstitution[] = [];
  let defaultDetect = false;
  let current: { id: string; name?: string; policy: Partial<SipPolicy> } | undefined;
  let sawRoot = false;
  let delimiter: string | undefined;
  let delimiterText: { text: string; line: number } | undefined;
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('opentag', (tag) => {
    const name = tag.name.replace(/^.*:/, '');
    const attrs = tag.attributes as Record<string, string>;
    const line = parser.line;
    if (!sawRoot) {
      if (name !== 'acsconfig') fail(`root element is <${name}>, expected <acsconfig>`, line);
      sawRoot = true;
      if (attrs.delimiter !== undefined) delimiter = checkedDelimiter(attrs.delimiter, line);
    }
    switch (name) {
      case 'error-detect':
        defaultDetect = bool(attrs.enabled, false);
        break;
      case 'service':
        listeners.push(listener(attrs, line));
        break;
      case 'login':
        pending.push({ attrs, line });
        break;
      case 'institution':
        current = {
          id: attrs.id ?? fail('institution without id', line),
          policy: {},
          ...(attrs.name ? { name: attrs.name } : {}),
        };
        break;
      case 'policy':
        if (current) current.policy = policy(attrs);
        break;
      case 'delimiter':
        delimiterText = { text: '', line };
        break;
    }
  });
  parser.on('text', (text) => {
    if (delimiterText) delimiterText.text += text;
  });
  parser.on('closetag', (tag) => {
    const closing = tag.name.replace(/^.*:/, '');
    if (closing === 'delimiter' && delimiterText) {
      // Whitespace around the character is layout; a lone space is refused by the check anyway.
      delimiter = checkedDelimiter(delimiterText.text.trim() || delimiterText.text, delimiterText.line);
      delimiterText = undefined;
    }
    if (closing === 'institution' && current) {
      institutions.push({
        id: current.id,
        policy: current.policy,
        ...(current.name ? { name: current.name } : {}),
      });
      current = undefined;
    }
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    error ??= e as Error;
  }
  if (error) {
    if (Sip2Error.is(error)) throw error;
    fail(`not well-formed XML: ${error.message}`);
  }
  if (!sawRoot) fail('empty document');
  // error-detect may come after the accounts in the file; apply it once everything is read.
  const accounts = pending.map((p) => account(p.attrs, defaultDetect, p.line));
  const known = new Set(institutions.map((i) => i.id));
  for (const a of accounts)
    if (!known.has(a.institutionId))
      fail(`login ${a.loginId}: institution ${a.institutionId} is not defined`);
  return { ...(delimiter !== undefined ? { delimiter } : {}), listeners, accounts, institutions };
}
