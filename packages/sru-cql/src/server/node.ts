// Node's http server in front of a Fetch handler (the handler itself stays runtime-neutral).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SruHandler } from './handler.js';

export interface NodeServerOptions {
  /** Default 0 (any free port). */
  readonly port?: number;
  /** Default '127.0.0.1'. */
  readonly host?: string;
  /** Largest request body accepted, in bytes (default 1 MiB); larger answers 413. */
  readonly maxBodyBytes?: number;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

async function toRequest(req: IncomingMessage, base: string, maxBody: number): Promise<Request | undefined> {
  const url = new URL(req.url ?? '/', base);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (typeof v === 'string') headers.set(k, v);
  }
  if (req.method !== 'POST') return new Request(url, { method: req.method ?? 'GET', headers });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBody) return undefined;
    chunks.push(chunk as Buffer);
  }
  return new Request(url, { method: 'POST', headers, body: Buffer.concat(chunks) });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((v, k) => {
    res.setHeader(k, v);
  });
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** Serves `handler` over HTTP (127.0.0.1 by default). */
export function serveNode(handler: SruHandler, options: NodeServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;
  const server = createServer((req, res) => {
    const base = `http://${req.headers.host ?? host}`;
    toRequest(req, base, maxBody)
      .then(async (request) => {
        if (request === undefined) {
          res.statusCode = 413;
          res.end();
          return;
        }
        await send(res, await handler(request));
      })
      .catch(() => {
        res.statusCode = 500;
        res.end();
      });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${host}:${port}/`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
