/** What a CLI command reads and writes; tests pass in-memory streams. */
export interface CliIo {
  stdout: { write(chunk: string | Uint8Array): unknown };
  stderr: { write(chunk: string | Uint8Array): unknown };
  stdin: AsyncIterable<string | Uint8Array>;
}
