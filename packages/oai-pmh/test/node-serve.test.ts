import { request as httpRequest } from 'node:http';
import { type RunningNodeServer, serveNode } from '@bibwire/oai-pmh/node';
import { afterEach, describe, expect, it } from 'vitest';

let running: RunningNodeServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** Raw node:http call, so status codes and multi-valued headers are seen as sent. */
function call(
  url: string,
  init: { method?: string; body?: Buffer; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('serveNode', () => {
  it('passes method, path, query, headers and body through, and the status and headers back', async () => {
    running = await serveNode(
      async (request) => {
        const url = new URL(request.url);
        const text = await request.text();
        const headers = new Headers({
          'content-type': 'text/plain',
          'x-seen': request.headers.get('x-test') ?? '',
        });
        headers.append('set-cookie', 'a=1');
        headers.append('set-cookie', 'b=2');
        return new Response(`${request.method} ${url.pathname}${url.search} ${text}`, {
          status: 201,
          headers,
        });
      },
      { path: '/oai' },
    );
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oai$/);
    const res = await call(`${running.url}?verb=Identify`, {
      method: 'POST',
      body: Buffer.from('hello'),
      headers: { 'x-test': 'yes' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toBe('POST /oai?verb=Identify hello');
    expect(res.headers['x-seen']).toBe('yes');
    expect(res.headers['set-cookie']).toEqual(['a=1', 'b=2']);
  });

  it('streams a long body, pulling no further ahead than socket buffers while the client is paused', async () => {
    let pulled = 0;
    const CHUNKS = 2000;
    running = await serveNode(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              pulled++;
              if (pulled > CHUNKS) controller.close();
              else controller.enqueue(new Uint8Array(16 * 1024).fill(65));
            },
          }),
        ),
    );
    let received = 0;
    const whilePaused = await new Promise<number>((resolve) => {
      const req = httpRequest(running!.url, (res) => {
        res.once('data', (c: Buffer) => {
          received += c.length;
          res.pause();
          setTimeout(() => {
            const seen = pulled;
            res.on('data', (more: Buffer) => {
              received += more.length;
            });
            res.on('end', () => resolve(seen));
            res.resume();
          }, 200);
        });
      });
      req.end();
    });
    // 2000 chunks are 32 MiB; while paused only what fits in kernel and stream buffers is pulled.
    expect(whilePaused).toBeLessThan(400);
    expect(received).toBe(CHUNKS * 16 * 1024);
  });

  it('cancels the body stream when the client goes away', async () => {
    let cancelled = false;
    let pulls = 0;
    running = await serveNode(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              pulls++;
              controller.enqueue(new Uint8Array(64 * 1024));
            },
            cancel() {
              cancelled = true;
            },
          }),
        ),
    );
    await new Promise<void>((resolve) => {
      const req = httpRequest(running!.url, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.end();
    });
    await expect.poll(() => cancelled, { timeout: 2000 }).toBe(true);
    const pullsAtCancel = pulls;
    await new Promise((r) => setTimeout(r, 50));
    expect(pulls).toBe(pullsAtCancel);
  });

  it('answers 413 to a body over the limit, declared or streamed', async () => {
    running = await serveNode(async (request) => new Response(String((await request.text()).length)), {
      maxBodyBytes: 10,
    });
    expect((await call(running.url, { method: 'POST', body: Buffer.alloc(11) })).status).toBe(413);
    const chunked = await call(running.url, {
      method: 'POST',
      body: Buffer.alloc(50),
      headers: { 'transfer-encoding': 'chunked' },
    });
    expect(chunked.status).toBe(413);
    expect((await call(running.url, { method: 'POST', body: Buffer.alloc(10) })).body).toBe('10');
  });

  it('answers a bare 500 when the handler throws, without the message, and reports it', async () => {
    const seen: unknown[] = [];
    running = await serveNode(
      () => {
        throw new Error('secret detail');
      },
      { onError: (e) => seen.push(e) },
    );
    const res = await call(running.url);
    expect(res.status).toBe(500);
    expect(res.body).toBe('');
    expect(seen).toHaveLength(1);
  });

  it('sends no body to HEAD', async () => {
    running = await serveNode(() => new Response('body', { headers: { 'content-type': 'text/plain' } }));
    const res = await call(running.url, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
  });
});
