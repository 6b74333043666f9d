// The demo's HTTP side as a Fetch-standard handler, so tests call it without a socket.
// It grows with the packages: each service is mounted here once its package provides a handler.

export interface DemoOptions {
  readonly httpPort: number;
  readonly sipPort: number;
}

const page = (o: DemoOptions) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bibwire: library in a box</title></head>
<body>
<h1>bibwire: library in a box</h1>
<p>The services below come up as their packages land.</p>
<ul>
  <li>HTTP on port ${o.httpPort}: this page</li>
</ul>
</body></html>`;

export function createDemoHandler(options: DemoOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/') {
      return new Response(page(options), { headers: { 'content-type': 'text/html; charset=utf-8' } });
    }
    return new Response('not found\n', { status: 404, headers: { 'content-type': 'text/plain' } });
  };
}
