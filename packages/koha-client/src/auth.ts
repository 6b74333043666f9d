// Authentication strategies. Secrets live in closures (not properties), so neither
// JSON.stringify nor util.inspect of a client or strategy can print them.
import { KohaError } from './errors.js';

export interface AuthContext {
  /** The fetch the client uses (injectable). */
  readonly fetch: typeof fetch;
  /** `…/api/v1` of the Koha instance, without a trailing slash. */
  readonly apiBase: string;
  /** Abort for this caller only; a shared token refresh is never cancelled by one waiter. */
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs: number;
}

/** How the client authenticates each `/api/v1` request. */
export interface KohaAuth {
  /** The `Authorization` header value to send, or undefined for none. */
  authorization(ctx: AuthContext): Promise<string | undefined>;
  /**
   * Koha answered 401 to a request sent with `value`. Return true when asking again makes
   * sense (a cached token was dropped); the client then retries that request once.
   */
  rejected?(value: string): boolean;
}

export interface ClientCredentialsOptions {
  clientId: string;
  clientSecret: string;
  /** Token endpoint; default `<apiBase>/oauth/token`. */
  tokenUrl?: string;
  /** Renew this long before the token expires (ms, default 60 s, at most half the lifetime). */
  refreshMarginMs?: number;
  /** Send id/secret in the form body (Koha's spec, default) or as HTTP Basic. */
  credentialsIn?: 'body' | 'basic';
  /** Clock, injectable for tests. */
  now?: () => number;
}

interface CachedToken {
  readonly header: string;
  readonly renewAt: number;
}

/** Lifetime assumed when Koha omits `expires_in` (it always sends 3600 in practice). */
const DEFAULT_LIFETIME_S = 300;

/**
 * OAuth2 client credentials (`POST /api/v1/oauth/token`, form-encoded). The token is cached
 * until shortly before it expires; however many requests wait, one token request is in flight.
 */
export function clientCredentials(options: ClientCredentialsOptions): KohaAuth {
  const { clientId, clientSecret } = options;
  if (
    typeof clientId !== 'string' ||
    clientId === '' ||
    typeof clientSecret !== 'string' ||
    clientSecret === ''
  ) {
    throw new KohaError('INVALID_ARGUMENT', 'clientCredentials needs a non-empty clientId and clientSecret', {
      field: clientId ? 'clientSecret' : 'clientId',
    });
  }
  const now = options.now ?? Date.now;
  const margin = options.refreshMarginMs ?? 60_000;
  let cached: CachedToken | undefined;
  let inflight: Promise<CachedToken> | undefined;

  async function requestToken(ctx: AuthContext): Promise<CachedToken> {
    const url = options.tokenUrl ?? `${ctx.apiBase}/oauth/token`;
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    };
    if (options.credentialsIn === 'basic') headers.authorization = basicHeader(clientId, clientSecret);
    else {
      form.set('client_id', clientId);
      form.set('client_secret', clientSecret);
    }
    const started = now();
    const res = await postToken(ctx, url, headers, form.toString());
    const text = await res.text();
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!res.ok) {
      const kohaError = errorField(body, 'error');
      throw new KohaError(
        'TOKEN_REQUEST_FAILED',
        `token request refused: HTTP ${res.status}${kohaError ? ` (${kohaError})` : ''}`,
        {
          status: res.status,
          method: 'POST',
          path: pathOf(url),
          ...(kohaError ? { kohaError } : {}),
          ...(errorField(body, 'error_code')
            ? { kohaErrorCode: errorField(body, 'error_code') as string }
            : {}),
        },
      );
    }
    const token = isRecord(body) ? body.access_token : undefined;
    if (typeof token !== 'string' || token === '') {
      throw new KohaError('TOKEN_REQUEST_FAILED', 'token response has no access_token', {
        status: res.status,
        method: 'POST',
        path: pathOf(url),
      });
    }
    const type = isRecord(body) && typeof body.token_type === 'string' ? body.token_type : 'Bearer';
    const expiresIn =
      isRecord(body) && typeof body.expires_in === 'number' ? body.expires_in : DEFAULT_LIFETIME_S;
    const lifetimeMs = Math.max(0, expiresIn * 1000);
    const renewAt = started + lifetimeMs - Math.min(margin, lifetimeMs / 2);
    // Koha says "Bearer"; normalise the case so a lower-case token_type still works.
    return { header: `${type.toLowerCase() === 'bearer' ? 'Bearer' : type} ${token}`, renewAt };
  }

  return {
    async authorization(ctx) {
      if (cached && now() < cached.renewAt) return cached.header;
      if (!inflight) {
        inflight = requestToken({ ...ctx, signal: undefined }).then(
          (t) => {
            cached = t;
            inflight = undefined;
            return t;
          },
          (e: unknown) => {
            inflight = undefined;
            throw e;
          },
        );
      }
      const token = await abortable(inflight, ctx.signal);
      return token.header;
    },
    rejected(value) {
      if (cached?.header === value) cached = undefined;
      return true;
    },
  };
}

/**
 * POST the token form; one more try after a network error (a keep-alive socket the server just
 * closed is the usual cause, and asking for a token twice is harmless).
 */
async function postToken(ctx: AuthContext, url: string, headers: Record<string, string>, body: string) {
  for (let attempt = 1; ; attempt++) {
    const timer = new AbortController();
    const t = setTimeout(() => timer.abort(), ctx.timeoutMs);
    try {
      return await ctx.fetch(url, { method: 'POST', headers, body, signal: timer.signal });
    } catch (cause) {
      const timedOut = timer.signal.aborted;
      if (!timedOut && attempt < 2) continue;
      throw new KohaError(
        'TOKEN_REQUEST_FAILED',
        timedOut ? 'token request timed out' : 'token request failed: network error',
        { method: 'POST', path: pathOf(url), attempts: attempt },
        { cause },
      );
    } finally {
      clearTimeout(t);
    }
  }
}

/** HTTP Basic (Koha's `RESTBasicAuth`): user id and password on every request. */
export function basicAuth(username: string, password: string): KohaAuth {
  if (typeof username !== 'string' || username === '' || username.includes(':')) {
    throw new KohaError('INVALID_ARGUMENT', 'basicAuth needs a user id without ":"', { field: 'username' });
  }
  const header = basicHeader(username, password);
  return {
    async authorization() {
      return header;
    },
  };
}

/** A bearer token obtained elsewhere; a 401 is final (the client cannot renew it). */
export function bearerToken(token: string): KohaAuth {
  const header = `Bearer ${token}`;
  return {
    async authorization() {
      return header;
    },
    rejected() {
      return false;
    },
  };
}

function basicHeader(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

function abortError(): KohaError {
  return new KohaError('ABORTED', 'request aborted while waiting for a token');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function errorField(body: unknown, name: string): string | undefined {
  return isRecord(body) && typeof body[name] === 'string' ? body[name] : undefined;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
