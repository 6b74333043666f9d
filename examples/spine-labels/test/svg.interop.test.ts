// The sheet is checked by a real XML parser (libxml2's xmllint), not only by our own reading of it.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { commandPeer, describeWithPeers, runPeer } from '../../../testing/peers.js';
import { renderSheets } from '../src/sheet.js';

describeWithPeers('spine label sheets in xmllint', [commandPeer('xmllint')], () => {
  it('is well-formed SVG with one label group per item', async () => {
    const labels = Array.from({ length: 5 }, (_, i) => ({
      barcode: `39${i}`,
      callNumber: `Q ${i} & <x>`,
      title: `T "${i}"`,
    }));
    const [svg] = renderSheets(labels).pages;
    const file = join(await mkdtemp(join(tmpdir(), 'labels-peer-')), 'labels.svg');
    await writeFile(file, svg ?? '');
    runPeer('xmllint', ['--noout', file]);
    const count = runPeer('xmllint', [
      '--xpath',
      'count(//*[local-name()="g"][@class="label"])',
      file,
    ]).toString('utf8');
    expect(Number(count)).toBe(5);
  });
});
