// Test helpers shared by unit and interop tests.

/** Modules as zint's `--dump` prints them: hex digits of 4 modules each, the last one zero-padded. */
export function toZintHex(modules: Uint8Array): string {
  let s = '';
  for (let i = 0; i < modules.length; i += 4) {
    let v = 0;
    for (let k = 0; k < 4; k++) v = v * 2 + (modules[i + k] ?? 0);
    s += v.toString(16).toUpperCase();
  }
  return s;
}

/** A TextDecoder-backed in-memory CLI io. */
export function memoryIo(stdinText = '') {
  const out: (string | Uint8Array)[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: { write: (c: string | Uint8Array) => out.push(c) },
      stderr: { write: (c: string | Uint8Array) => err.push(String(c)) },
      stdin: (async function* () {
        yield stdinText;
      })(),
    },
    stdout: () => out.map((c) => (typeof c === 'string' ? c : new TextDecoder('latin1').decode(c))).join(''),
    stdoutBytes: () => {
      const parts = out.map((c) => (typeof c === 'string' ? new TextEncoder().encode(c) : c));
      const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let pos = 0;
      for (const p of parts) {
        all.set(p, pos);
        pos += p.length;
      }
      return all;
    },
    stderr: () => err.join(''),
  };
}
