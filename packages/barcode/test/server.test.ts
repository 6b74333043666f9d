import { createBarcodeHandler } from '@bibwire/barcode/server';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';

const handler = createBarcodeHandler();
const get = (query: string, h = handler) =>
  h(new Request(`http://koha.test/cgi-bin/koha/svc/barcode?${query}`));

describe('Koha /svc/barcode handler', () => {
  it('Code39 PNG by default, with Koha asterisks accepted', async () => {
    const r = await get('barcode=*123456789*');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('image/png');
    const body = new Uint8Array(await r.arrayBuffer());
    expect(Array.from(body.slice(1, 4))).toEqual([0x50, 0x4e, 0x47]);
    expect(r.headers.get('content-length')).toBe(String(body.length));
  });
  it('every Koha type spelling works', async () => {
    const samples: Record<string, string> = {
      Code39: '123456789',
      UPCE: '0123456',
      UPCA: '03600029145',
      QRcode: 'https://koha-community.org/',
      NW7: 'A123456B',
      Matrix2of5: '123456',
      ITF: '12345',
      Industrial2of5: '123456',
      IATA2of5: '123456',
      EAN8: '5512345',
      EAN13: '590123412345',
      COOP2of5: '123456',
    };
    for (const [type, barcode] of Object.entries(samples)) {
      const r = await get(`type=${type}&barcode=${encodeURIComponent(barcode)}&format=svg`);
      expect(r.status, type).toBe(200);
      expect(await r.text()).toMatch(/^<svg /);
    }
  });
  it('notext removes the text; height is in pixels including text', async () => {
    const withText = await (await get('type=EAN13&barcode=590123412345&format=svg')).text();
    const without = await (await get('type=EAN13&barcode=590123412345&format=svg&notext=1')).text();
    expect(withText).toContain('<text');
    expect(without).not.toContain('<text');
    const tall = await (await get('type=Code39&barcode=A&format=svg&height=200&notext=1')).text();
    expect(tall).toContain('height="200"');
  });
  it('Koha compatibility: unverified EAN check digit, ITF odd length gets a check digit', async () => {
    const ean = await (await get('type=EAN13&barcode=5901234123458&format=svg')).text();
    expect(ean).toContain('>123458</text>');
    const itf = await (await get('type=ITF&barcode=123&format=svg')).text();
    expect(itf).toContain('>1236</text>');
  });
  it('errors are 400 with the error code; unknown types optionally fall back to Code39', async () => {
    const bad = await get('type=EAN13&barcode=12AB');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/^INVALID_CHARACTER: /);
    expect((await get('type=Foo&barcode=1')).status).toBe(400);
    expect((await get('type=Code39')).status).toBe(400);
    expect((await get('barcode=1&scale=0')).status).toBe(400);
    const lax = createBarcodeHandler({ unknownType: 'code39', defaultFormat: 'svg' });
    expect(await (await get('type=system(1)&barcode=AB', lax)).text()).toContain('*AB*');
  });
  it('QR: modulesize is pixels per module, 4-module quiet zone; Accept: image/svg+xml gives SVG', async () => {
    const r = await get('type=QRcode&barcode=HELLO&modulesize=3');
    const png = new Uint8Array(await r.arrayBuffer());
    const width = new DataView(png.buffer).getUint32(16);
    expect(width).toBe((21 + 8) * 3);
    const svg = await handler(
      new Request('http://x/svc/barcode?barcode=AB', { headers: { accept: 'image/svg+xml,*/*;q=0.8' } }),
    );
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
  });
  it('HEAD has headers only; POST is 405', async () => {
    const head = await handler(new Request('http://x/svc/barcode?barcode=1', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await handler(new Request('http://x/svc/barcode?barcode=1', { method: 'POST' }));
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('handler robustness', () => {
  const value = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom('Code39', 'EAN13', 'QRcode', 'NW7', 'ITF', '0', '1', '-5', '999'),
  );
  test.prop(
    [
      fc.dictionary(
        fc.constantFrom('barcode', 'type', 'notext', 'height', 'scale', 'modulesize', 'format', 'quietzone'),
        value,
      ),
    ],
    {
      numRuns: 60,
    },
  )('any query gives 200 with an image or 400 with a code, never an exception', async (query) => {
    const r = await handler(new Request(`http://x/svc/barcode?${new URLSearchParams(query)}`));
    expect([200, 400]).toContain(r.status);
    if (r.status === 400) expect(await r.text()).toMatch(/^[A-Z_]+: /);
    else expect(r.headers.get('content-type')).toMatch(/^image\/(png|svg\+xml)$/);
  });
});
