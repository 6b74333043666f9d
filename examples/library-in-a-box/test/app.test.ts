import { describe, expect, it } from 'vitest';
import { createDemoHandler } from '../src/app.js';

describe('demo handler', () => {
  const handle = createDemoHandler({ httpPort: 8080, sipPort: 6001 });
  it('serves the home page', async () => {
    const res = await handle(new Request('http://127.0.0.1:8080/'));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('library in a box');
  });
  it('answers 404 elsewhere', async () => {
    expect((await handle(new Request('http://127.0.0.1:8080/nope'))).status).toBe(404);
  });
});
