// node:http in front of a Fetch-standard handler. Responses stream with backpressure, so a slow
// harvester never makes a ListRecords page pile up in memory; request bodies are capped.
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';

export type FetchHandler = (request: Request) => Response | Promise<Response>;

export interface NodeListenerOptions {
  /** Largest request body accepted, in bytes (default 1 MiB); a larger one is answered 413. */
  readonly maxBodyBytes?: number;
  /** Called when the handler throws or the response stream fails; the client gets a bare 500. */
  readonly onError?: (error: unknown) => void;
}

export interface NodeServeOptions extends NodeListenerOptions {
  /** Default '127.0.0.1'. */
  readonly host?: string;
  /** Default 0 (any free port). */
  readonly port?: number;
  /** Path appended to the `url` reported back (default '/'). */
  readonly path?: string;
}

export interface RunningNodeServer {
  /** `http://host:port` + path. */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /** Stops listening and drops open connections (streams in progress are cancelled). */
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 1024 * 1024;

class BodyTooLarge extends Error {}

function requestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const one of value) headers.append(name, one);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

function cappedBody(req: IncomingMessage, max: number): ReadableStream<Uint8Array> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) throw new BodyTooLarge();
  let size = 0;
  const source = Readable.toWeb(req) as ReadableStream<Uint8Array>;
  return source.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > max) controller.error(new BodyTooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
}

function toRequest(req: IncomingMessage, maxBody: number, signal: AbortSignal): Request {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const init: RequestInit & { duplex?: 'half' } = { method, headers: requestHeaders(req), signal };
  if (method !== 'GET' && method !== 'HEAD') {
    init.body = cappedBody(req, maxBody);
    init.duplex = 'half';
  }
  return new Request(url, init);
}

function writeHead(res: ServerResponse, response: Response): void {
  res.statusCode = response.status;
  // Set-Cookie must stay several headers; every other one may be joined.
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
}

async function pipeBody(res: ServerResponse, body: ReadableStream<Uint8Array>): Promise<void> {
  const reader = body.getReader();
  const cancel = () => void reader.cancel().catch(() => {});
  res.once('close', cancel);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || res.destroyed) break;
      if (!res.write(value)) {
        await new Promise<void>((resume) => {
          const go = () => {
            res.off('drain', go);
            res.off('close', go);
            resume();
          };
          res.on('drain', go);
          res.on('close', go);
        });
      }
    }
  } finally {
    res.off('close', cancel);
  }
  res.end();
}

function fail(res: ServerResponse, status: number): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = status;
  res.end();
}

/** A node:http request listener for `handler`: plug it into your own server or Express. */
export function toNodeListener(handler: FetchHandler, options: NodeListenerOptions = {}): RequestListener {
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  return (req, res) => {
    // The handler sees the client going away through request.signal.
    const aborted = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) aborted.abort();
    });
    let request: Request;
    try {
      request = toRequest(req, maxBody, aborted.signal);
    } catch (error) {
      if (error instanceof BodyTooLarge) return fail(res, 413);
      options.onError?.(error);
      return fail(res, 400);
    }
    Promise.resolve()
      .then(() => handler(request))
      .then(async (response) => {
        writeHead(res, response);
        if (!response.body || req.method === 'HEAD') {
          await response.body?.cancel();
          res.end();
          return;
        }
        await pipeBody(res, response.body);
      })
      .catch((error: unknown) => {
        if (error instanceof BodyTooLarge || (error as { cause?: unknown })?.cause instanceof BodyTooLarge) {
          return fail(res, 413);
        }
        options.onError?.(error);
        fail(res, 500);
      });
  };
}

/** Serves `handler` over node:http on 127.0.0.1 (by default) and resolves once listening. */
export function serveNode(handler: FetchHandler, options: NodeServeOptions = {}): Promise<RunningNodeServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer(toNodeListener(handler, options));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${port}${options.path ?? '/'}`,
        port,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
