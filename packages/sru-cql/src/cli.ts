#!/usr/bin/env node
// `sru-cql` command line: only dispatch here; the commands live in ./cli/.
import { runCli } from './cli/main.js';

const stop = new AbortController();
process.once('SIGINT', () => stop.abort());
process.once('SIGTERM', () => stop.abort());

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  signal: stop.signal,
}).then(
  (code) => {
    process.exitCode = code;
    // Signal listeners would otherwise keep nothing alive, but stdin may; end explicitly.
    process.stdin.destroy();
  },
  (error: unknown) => {
    process.stderr.write(`sru-cql: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
    process.stdin.destroy();
  },
);
