// One HTTP exchange with Koha: auth header, per-attempt timeout, caller abort, one retry
// with a fresh token on 401, and backoff retries for idempotent requests.
import type { KohaAuth } from './auth.js';
import { KohaError } from './errors.js';

export interface RetryPolicy {
  /** Extra attempts after the first (default 2). */
  retries: number;
  /** First backoff delay in ms (default 200); doubles each attempt, with full jitter. */
  baseDelayMs: number;
  /** Upper bound of one delay, also for `Retry-After` (default 10 000). */
  maxDelayMs: number;
  /** Statuses that are retried (default 429, 502, 503, 504). */
  statuses: readonly number[];
}

export const defaultRetryPolicy: RetryPolicy = {
  retries: 2,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
  statuses: [429, 502, 503, 504],
};

/** What the client reports to an optional logger; never headers or bodies, so never secrets. */
export type KohaLogEvent =
  | { type: 'response'; method: string; path: string; status: number; attempt: number; durationMs: number }
  | { type: 'retry'; method: string; path: string; attempt: number; delayMs: number; reason: string };

export interface TransportConfig {
  fetch: typeof fetch;
  apiBase: string;
  auth: KohaAuth | undefined;
  timeoutMs: number;
  retry: RetryPolicy;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  logger: ((event: KohaLogEvent) => void) | undefined;
}

export interface OutgoingRequest {
  method: string;
  url: URL;
  headers: Headers;
  /** Strings and bytes only, so a retry can send the body again. */
  body?: string | Uint8Array | undefined;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  /** Send the client's Authorization (default true). */
  authenticate?: boolean | undefined;
  /** Override: retry on network errors and retry statuses even for POST/PATCH. */
  idempotent?: boolean | undefined;
}

export interface Exchange {
  response: Response;
  attempts: number;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

export async function exchange(config: TransportConfig, req: OutgoingRequest): Promise<Exchange> {
  const idempotent = req.idempotent ?? IDEMPOTENT.has(req.method);
  const path = req.url.pathname;
  let authRetried = false;
  let attempt = 0;
  for (;;) {
    attempt++;
    if (req.signal?.aborted) throw aborted(req, attempt - 1);
    const timeoutMs = req.timeoutMs ?? config.timeoutMs;
    let authValue: string | undefined;
    if (req.authenticate !== false && config.auth) {
      authValue = await config.auth.authorization({
        fetch: config.fetch,
        apiBase: config.apiBase,
        signal: req.signal,
        timeoutMs,
      });
    }
    const headers = new Headers(req.headers);
    if (authValue !== undefined) headers.set('authorization', authValue);
    const started = Date.now();
    const outcome = await attemptOnce(config, req, headers, timeoutMs);
    if ('response' in outcome) {
      const { response } = outcome;
      config.logger?.({
        type: 'response',
        method: req.method,
        path,
        status: response.status,
        attempt,
        durationMs: Date.now() - started,
      });
      if (
        response.status === 401 &&
        authValue !== undefined &&
        !authRetried &&
        config.auth?.rejected?.(authValue)
      ) {
        authRetried = true;
        await discard(response);
        continue;
      }
      if (idempotent && config.retry.statuses.includes(response.status) && attempt <= config.retry.retries) {
        const delayMs = backoff(config, attempt, response.headers.get('retry-after'));
        await discard(response);
        config.logger?.({
          type: 'retry',
          method: req.method,
          path,
          attempt,
          delayMs,
          reason: `HTTP ${response.status}`,
        });
        await sleepOrAbort(config, delayMs, req, attempt);
        continue;
      }
      return { response, attempts: attempt };
    }
    if (outcome.kind === 'aborted') throw aborted(req, attempt);
    if (idempotent && attempt <= config.retry.retries) {
      const delayMs = backoff(config, attempt, null);
      config.logger?.({ type: 'retry', method: req.method, path, attempt, delayMs, reason: outcome.kind });
      await sleepOrAbort(config, delayMs, req, attempt);
      continue;
    }
    if (outcome.kind === 'timeout') {
      throw new KohaError(
        'TIMEOUT',
        `${req.method} ${path} timed out after ${timeoutMs} ms`,
        { method: req.method, path, attempts: attempt },
        { cause: outcome.cause },
      );
    }
    throw new KohaError(
      'NETWORK',
      `${req.method} ${path} failed: ${describe(outcome.cause)}`,
      { method: req.method, path, attempts: attempt },
      { cause: outcome.cause },
    );
  }
}

type Outcome = { response: Response } | { kind: 'timeout' | 'network' | 'aborted'; cause: unknown };

async function attemptOnce(
  config: TransportConfig,
  req: OutgoingRequest,
  headers: Headers,
  timeoutMs: number,
): Promise<Outcome> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  req.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const init: RequestInit = { method: req.method, headers, signal: controller.signal };
    if (req.body !== undefined) init.body = req.body as BodyInit;
    const response = await config.fetch(req.url, init);
    return { response };
  } catch (cause) {
    if (req.signal?.aborted) return { kind: 'aborted', cause };
    return { kind: timedOut ? 'timeout' : 'network', cause };
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onAbort);
  }
}

/** Full-jitter exponential backoff; a `Retry-After` (seconds or date) wins when it is longer. */
function backoff(config: TransportConfig, attempt: number, retryAfter: string | null): number {
  const { baseDelayMs, maxDelayMs } = config.retry;
  const exp = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
  let delay = Math.round(exp * config.random());
  if (retryAfter !== null) {
    const seconds = Number(retryAfter);
    const hinted = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - Date.now();
    if (Number.isFinite(hinted) && hinted > delay) delay = Math.min(maxDelayMs, Math.max(0, hinted));
  }
  return delay;
}

async function sleepOrAbort(config: TransportConfig, ms: number, req: OutgoingRequest, attempt: number) {
  try {
    await config.sleep(ms, req.signal);
  } catch {
    throw aborted(req, attempt);
  }
  if (req.signal?.aborted) throw aborted(req, attempt);
}

async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // the body is not needed; a failure to cancel changes nothing
  }
}

function aborted(req: OutgoingRequest, attempts: number): KohaError {
  return new KohaError(
    'ABORTED',
    `${req.method} ${req.url.pathname} aborted`,
    { method: req.method, path: req.url.pathname, attempts },
    { cause: req.signal?.reason },
  );
}

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = (cause as { cause?: unknown }).cause;
    const code = typeof inner === 'object' && inner !== null ? (inner as { code?: unknown }).code : undefined;
    return typeof code === 'string' ? `${cause.message} (${code})` : cause.message;
  }
  return String(cause);
}

/** setTimeout-based sleep that stops early (rejecting) when the signal fires. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason);
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
