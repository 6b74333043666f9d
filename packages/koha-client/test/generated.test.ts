// The committed types are what the generator makes from the shared spec today, and they cover it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kohaOperations } from '@bibwire/koha-client';
import { expect, it } from 'vitest';
import { sharedPath } from '../../../testing/paths.js';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const specFile = sharedPath('koha-openapi', 'koha-api-v1.bundled.json');

it('src/generated/koha-api.ts is up to date with the generator and the spec', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koha-gen-'));
  try {
    const out = join(dir, 'koha-api.ts');
    const r = spawnSync(process.execPath, [join(pkg, 'scripts/generate-types.mjs'), specFile, out], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const fresh = readFileSync(out, 'utf8').split('\n');
    const committed = readFileSync(join(pkg, 'src/generated/koha-api.ts'), 'utf8').split('\n');
    // Line 3 names the spec file relative to the package; everything else must match.
    expect(fresh.filter((_, i) => i !== 2)).toEqual(committed.filter((_, i) => i !== 2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('has every operation of the spec with its method, path and parameter locations', () => {
  type Doc = { paths: Record<string, Record<string, { operationId: string }>> };
  const shared = JSON.parse(readFileSync(specFile, 'utf8')) as Doc;
  const additions = JSON.parse(readFileSync(join(pkg, 'spec/koha-api-v1.additions.json'), 'utf8')) as Doc;
  const fromSpec = [shared, additions].flatMap((spec) =>
    Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => `${op.operationId} ${method.toUpperCase()} ${path}`),
    ),
  );
  const ours = Object.entries(kohaOperations).map(([id, m]) => `${id} ${m.method} ${m.path}`);
  expect(ours.sort()).toEqual(fromSpec.sort());
  expect(kohaOperations.listPatrons.query.q).toBe('multi');
  expect(kohaOperations.listVendors.headers['x-koha-embed']).toBe('csv');
  expect(kohaOperations.tokenOAuth.form).toEqual(['grant_type', 'client_id', 'client_secret']);
  // From the additions: renewal, password validation, hold cancellation, check-in.
  expect(kohaOperations.renewCheckout).toMatchObject({
    method: 'POST',
    path: '/checkouts/{checkout_id}/renewal',
    query: { seen: 'single' },
  });
  expect(kohaOperations.deleteHold.headers['x-koha-override']).toBe('csv');
  expect(kohaOperations.validateUserAndPassword.body).toBe(true);
  expect(kohaOperations.addCheckin).toMatchObject({ method: 'POST', path: '/checkins', body: true });
});

it('refuses additions that redefine an operation of the spec', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koha-gen-'));
  try {
    const specCopy = JSON.parse(readFileSync(specFile, 'utf8')) as {
      paths: Record<string, Record<string, unknown>>;
    };
    specCopy.paths['/checkins'] = { post: { operationId: 'clash', responses: {} } };
    const file = join(dir, 'spec.json');
    writeFileSync(file, JSON.stringify(specCopy));
    const r = spawnSync(
      process.execPath,
      [join(pkg, 'scripts/generate-types.mjs'), file, join(dir, 'x.ts')],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/additions redefine POST \/checkins/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
