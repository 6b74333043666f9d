/** What a CLI command reads and writes; tests pass in-memory streams. */
export interface CliIo {
  stdout: { write(chunk: string | Uint8Array): unknown };
  stderr: { write(chunk: string | Uint8Array): unknown };
  stdin: AsyncIterable<string | Uint8Array>;
  /** Ends long-running commands (`serve`); the binary wires SIGINT/SIGTERM to it. */
  signal?: AbortSignal;
  /** Injected fetch for `search`/`explain`/`scan` (tests); defaults to the global one. */
  fetch?: typeof fetch;
}
