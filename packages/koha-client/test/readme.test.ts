// Runs the README's first example (and its circulation example) verbatim against the spec-driven mock, so the README cannot rot.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { clientCredentials, KohaClient } from '@bibwire/koha-client';
import { afterAll, expect, it, vi } from 'vitest';
import { startKohaMock } from './mock/koha-mock.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
const file = fileURLToPath(new URL('./readme-example.generated.ts', import.meta.url));
afterAll(() => rmSync(file, { force: true }));

it('the README example runs and prints what it says', async () => {
  expect(example).toContain("koha.vendors.sync('Acme Books')");
  const mock = await startKohaMock();
  const saved = { ...process.env };
  Object.assign(process.env, {
    KOHA_URL: mock.url,
    KOHA_CLIENT_ID: 'coral',
    KOHA_CLIENT_SECRET: 's3cret-value',
  });
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    writeFileSync(file, example);
    await import(/* @vite-ignore */ file);
    expect(log.mock.calls).toEqual([
      [101, 'Acme Books', false],
      [1, 'Surname1'],
      [2, 'Surname2'],
      [3, 'Surname3'],
      ['00759cam a2200229 a 4500', 17],
    ]);
    expect(mock.violations).toEqual([]);
  } finally {
    log.mockRestore();
    process.env = saved;
    await mock.close();
  }
});

it('the README circulation example runs against the mock', async () => {
  const block = /```ts\n(const loan = await koha\.checkouts\.renew[\s\S]*?)```/.exec(readme)?.[1] ?? '';
  expect(block).toContain('koha.checkins.create');
  const mock = await startKohaMock();
  const store = mock.store as unknown as {
    patrons: Record<string, unknown>[];
    items: Record<string, unknown>[];
    passwords: Map<number, string>;
  };
  store.patrons.push({ ...store.patrons[0], patron_id: 90, cardnumber: 'C90', userid: 'ada' });
  store.passwords.set(90, '4711');
  store.items.push({
    ...store.items[0],
    item_id: 90,
    biblio_id: 9,
    external_id: '39000000000019',
    withdrawn: 0,
    lost_status: 0,
  });
  const koha = new KohaClient({
    baseUrl: mock.url,
    auth: clientCredentials({ clientId: 'coral', clientSecret: 's3cret-value' }),
  });
  const loan = await koha.checkouts.create({ patron_id: 90, item_id: 90 });
  const hold = await koha.holds.create({ patron_id: 90, biblio_id: 8, pickup_library_id: 'CPL' });
  const circulationFile = file.replace('readme-example', 'readme-circulation');
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    writeFileSync(
      circulationFile,
      `import type { KohaClient } from '@bibwire/koha-client';\nexport async function run(koha: KohaClient, checkoutId: number, holdId: number) {\n${block}\nreturn { loan, checkin };\n}\n`,
    );
    const { run } = (await import(/* @vite-ignore */ circulationFile)) as {
      run(
        k: KohaClient,
        c: number,
        h: number,
      ): Promise<{ loan: { renewals_count?: number }; checkin: { checkout_id?: number | null } }>;
    };
    const out = await run(koha, loan.checkout_id as number, hold.hold_id as number);
    expect(out.loan.renewals_count).toBe(1);
    expect(out.checkin.checkout_id).toBe(loan.checkout_id);
    expect(log.mock.calls).toEqual([[90]]);
    expect(mock.violations).toEqual([]);
  } finally {
    log.mockRestore();
    rmSync(circulationFile, { force: true });
    await mock.close();
  }
});
