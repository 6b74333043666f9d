/** What a CLI command reads and writes; tests pass in-memory streams. */
export interface CliIo {
  stdout: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean };
  stderr: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean };
  stdin: AsyncIterable<string | Uint8Array>;
}
