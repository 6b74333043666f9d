import { basicAuth, KohaClient, reportUrl } from '@bibwire/koha-client';
import { afterEach, describe, expect, it } from 'vitest';
import { type Served, serve } from './mock/http.js';

let server: Served | undefined;
let seen: Request[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  seen = [];
});

/** svc/report as Koha answers it: rows as arrays, or objects with annotated=1. */
async function startReports(answer?: (url: URL) => Response): Promise<Served> {
  return serve((request) => {
    seen.push(request);
    const url = new URL(request.url);
    if (answer) return answer(url);
    if (url.pathname !== '/cgi-bin/koha/svc/report') return new Response('not found', { status: 404 });
    const params = url.searchParams.getAll('sql_params');
    const rows = [
      ['CPL', Number(params[0] ?? 0)],
      ['MPL', 7],
    ];
    const body =
      url.searchParams.get('annotated') === '1' ? rows.map(([b, n]) => ({ branchcode: b, count: n })) : rows;
    return new Response(JSON.stringify(body), {
      headers: { 'content-type': 'application/json; charset=UTF-8' },
    });
  });
}

describe('reports (svc/report)', () => {
  it('runs a report by id with sql_params, rows typed by the caller', async () => {
    server = await startReports();
    const client = new KohaClient({ baseUrl: `${server.url}/api/v1`, auth: basicAuth('staff', 'pw') });
    const rows = await client.reports.run<[string, number]>({ id: 12, params: ['42', 'a&b'] });
    expect(rows).toEqual([
      ['CPL', 42],
      ['MPL', 7],
    ]);
    const url = new URL(seen[0]?.url ?? '');
    expect(url.pathname).toBe('/cgi-bin/koha/svc/report');
    expect(url.search).toBe('?id=12&sql_params=42&sql_params=a%26b');
    expect(seen[0]?.headers.get('authorization')).toMatch(/^Basic /);
  });

  it('annotated rows by name', async () => {
    server = await startReports();
    const client = new KohaClient({ baseUrl: server.url });
    const rows = await client.reports.runAnnotated<{ branchcode: string; count: number }>({
      name: 'Loans per branch',
      params: [5],
    });
    expect(rows[0]).toEqual({ branchcode: 'CPL', count: 5 });
    expect(new URL(seen[0]?.url ?? '').search).toBe('?name=Loans+per+branch&sql_params=5&annotated=1');
  });

  it('the OPAC URL sends no credentials; a staff cookie replaces them', async () => {
    server = await startReports();
    const client = new KohaClient({
      baseUrl: 'https://staff.koha.example',
      auth: basicAuth('staff', 'pw'),
      fetch: (i, init) =>
        fetch(new URL(new URL(String(i)).pathname + new URL(String(i)).search, server?.url), init),
    });
    await client.reports.run({ id: 1, interface: 'opac', opacUrl: 'https://opac.koha.example' });
    expect(seen[0]?.headers.get('authorization')).toBeNull();
    await client.reports.run({ id: 1, cookie: 'CGISESSID=abc' });
    expect(seen[1]?.headers.get('authorization')).toBeNull();
    expect(seen[1]?.headers.get('cookie')).toBe('CGISESSID=abc');
  });

  it('an HTML answer (unknown or non-public report) is REPORT_FAILED', async () => {
    server = await startReports(
      () =>
        new Response('<html>Sorry this report is not public</html>', {
          headers: { 'content-type': 'text/html' },
        }),
    );
    const client = new KohaClient({ baseUrl: server.url });
    await expect(client.reports.run({ id: 3, interface: 'opac' })).rejects.toMatchObject({
      code: 'REPORT_FAILED',
    });
  });

  it('an error structure with status 200 is REPORT_FAILED; so is a server error', async () => {
    server = await startReports((url) =>
      url.searchParams.get('id') === '1'
        ? Response.json({ error: 'SQL syntax error' })
        : new Response('There is no such report.', { status: 500 }),
    );
    const client = new KohaClient({ baseUrl: server.url, retry: false });
    await expect(client.reports.run({ id: 1 })).rejects.toMatchObject({
      code: 'REPORT_FAILED',
      message: 'report failed: SQL syntax error',
    });
    await expect(client.reports.run({ id: 2 })).rejects.toMatchObject({ code: 'REPORT_FAILED', status: 500 });
    await expect(client.reports.runAnnotated({ id: 1 })).rejects.toMatchObject({ code: 'REPORT_FAILED' });
  });

  it('needs exactly one of id or name', () => {
    expect(() => reportUrl('https://k.example', {}, false)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => reportUrl('https://k.example', { id: 1, name: 'x' }, false)).toThrow(
      expect.objectContaining({ field: 'id' }),
    );
    expect(() => reportUrl('https://k.example', { id: 0 }, false)).toThrow(
      expect.objectContaining({ field: 'id' }),
    );
    expect(reportUrl('https://k.example/koha/api/v1/', { id: 4 }, true).href).toBe(
      'https://k.example/koha/cgi-bin/koha/svc/report?id=4&annotated=1',
    );
  });
});
