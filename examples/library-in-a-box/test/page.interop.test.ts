import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningNodeServer, serveNode } from '@bibwire/oai-pmh/node';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commandPeer, describeWithPeers, runPeer } from '../../../testing/peers.js';
import { createDemoHandler } from '../src/app.js';
import { loadCatalogue } from '../src/catalogue.js';

// The demo page end to end in headless Chromium (Debian's, no browser download): search, open a
// record, see its MARC, Dublin Core and an item barcode image that zbarimg decodes.
const chromiumPeer = commandPeer('chromium');
describeWithPeers('demo page in Chromium', [chromiumPeer, commandPeer('zbarimg')], () => {
  let server: RunningNodeServer;
  let base: string;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    const catalogue = loadCatalogue();
    server = await serveNode(createDemoHandler(catalogue, { httpPort: 0, sipPort: 6001 }));
    base = `http://127.0.0.1:${server.port}`;
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    dir = mkdtempSync(join(tmpdir(), 'demo-e2e-'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('searches, opens a record and shows a barcode that decodes', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/`);
    await page.fill('#q', 'atlas');
    await page.click('#search button');
    await page.waitForFunction(
      () =>
        document.querySelectorAll('.hit').length > 0 &&
        /atlas/i.test(document.querySelector('.hit')?.textContent ?? ''),
    );
    expect(await page.textContent('#count')).toMatch(/\d+ records?/);
    await page.click('.hit');
    await page.waitForFunction(() => (document.getElementById('marc')?.textContent ?? '').includes('=245'));
    expect(await page.textContent('#marc')).toMatch(/=952 {2}\\\\\$a/);
    expect(await page.textContent('#dc')).toMatch(/title/);
    const img = page.locator('#items img').first();
    await img.waitFor();
    await page.waitForFunction(() => {
      const i = document.querySelector('#items img') as HTMLImageElement | null;
      return !!i && i.complete && i.naturalWidth > 0;
    });
    const src = await img.getAttribute('src');
    const expected = await img.getAttribute('data-barcode');
    const png = new Uint8Array(await (await fetch(new URL(src!, base))).arrayBuffer());
    writeFileSync(join(dir, 'item.png'), png);
    const decoded = runPeer('zbarimg', ['--quiet', '--raw', join(dir, 'item.png')])
      .toString('utf8')
      .trim();
    expect(decoded).toBe(expected);
    await page.waitForFunction(() => {
      const i = document.querySelector('#card img') as HTMLImageElement | null;
      return !!i && i.complete && i.naturalWidth > 0;
    });
    await page.screenshot({ path: join(dir, 'page.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
