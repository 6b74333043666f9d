import { defineConfig } from 'vitest/config';
import { sourceConditions } from './vitest.shared.js';

// Tests against real peers (Debian packages, browsers, mock servers). A missing peer skips
// the suite locally with its name in the reason, and fails it when CI=true (testing/peers.ts).
export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions } },
  test: {
    include: ['packages/*/test/**/*.interop.test.ts', 'examples/*/test/**/*.interop.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    passWithNoTests: true,
  },
});
