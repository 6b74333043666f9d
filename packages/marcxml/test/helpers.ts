import { readFileSync } from 'node:fs';
import { sharedPath } from '../../../testing/paths.js';
import type { MarcProblem } from '../src/index.js';

export function sample(...parts: string[]): Buffer {
  return readFileSync(sharedPath('data', 'marc', ...parts));
}

export function collector(): { problems: MarcProblem[]; onProblem: (p: MarcProblem) => void } {
  const problems: MarcProblem[] = [];
  return { problems, onProblem: (p) => problems.push(p) };
}
