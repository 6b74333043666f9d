#!/usr/bin/env node
// `koha-client` command line: only dispatch here; the commands live in ./cli/.
import { runCli } from './cli/main.js';

runCli(
  process.argv.slice(2),
  { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin },
  { env: process.env },
).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`koha-client: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
