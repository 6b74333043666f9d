// An in-memory stdout/stderr for tests that run a CLI's main(argv, io); `extra` adds fields such as env.
export function memoryIo<E extends object = Record<never, never>>(extra?: E) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => err.push(s) },
      ...(extra ?? ({} as E)),
    },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}
