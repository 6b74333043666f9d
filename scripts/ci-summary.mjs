// Sums every count file .ci/run collected (vitest JSON reports and our checklists) into the one
// closing line CI reads: "N passed, N failed".
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  // vitest's JSON reporter (numPassedTests...) or our { passed, failed }
  const p = data.numPassedTests ?? data.passed ?? 0;
  const f = (data.numFailedTests ?? data.failed ?? 0) + (data.numFailedTestSuites ?? 0);
  passed += p;
  failed += f;
  console.log(`  ${file.replace(/\.json$/, '').padEnd(24)} ${p} passed, ${f} failed`);
}
console.log(`${passed} passed, ${failed} failed`);
