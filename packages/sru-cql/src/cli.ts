#!/usr/bin/env node
// `sru-cql` command line: only dispatch here; the commands live in ./cli/.
import { runCli } from './cli/main.js';

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sru-cql: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
