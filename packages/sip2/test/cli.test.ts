import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';

async function run(argv: string[], stdin: string | Uint8Array = '') {
  let out = '';
  const outBytes: number[] = [];
  let err = '';
  const io = {
    stdout: {
      write(chunk: string | Uint8Array) {
        if (typeof chunk === 'string') {
          out += chunk;
          outBytes.push(...new TextEncoder().encode(chunk));
        } else {
          out += new TextDecoder('latin1').decode(chunk);
          outBytes.push(...chunk);
        }
      },
    },
    stderr: {
      write(chunk: string | Uint8Array) {
        err += String(chunk);
      },
    },
    stdin: (async function* () {
      yield stdin;
    })(),
  };
  const code = await runCli(argv, io);
  return { code, out, err, bytes: Uint8Array.from(outBytes) };
}

const LOGIN = '9300CNscclient|COclientpwd|CPUWOLS|AY0AZF1EC';

describe('sip2 CLI', () => {
  it('decode prints one JSON object per message', async () => {
    const { code, out } = await run(['decode'], `${LOGIN}\n9900302.00AY1AZfca5\r\n`);
    expect(code).toBe(0);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({
      code: '93',
      name: 'login',
      fixed: { uidAlgorithm: '0', pwdAlgorithm: '0' },
      fields: [
        ['CN', 'scclient'],
        ['CO', 'clientpwd'],
        ['CP', 'UWOLS'],
      ],
      sequence: 0,
      checksum: { present: true, valid: true, value: 'F1EC' },
      terminator: null,
      warnings: [],
    });
    expect(lines[1]).toMatchObject({
      code: '99',
      terminator: '\r',
      warnings: [{ code: 'LOWERCASE_CHECKSUM' }],
    });
  });

  it('decode --strict reports defects as error lines and exits 1', async () => {
    const { code, out } = await run(['decode', '--strict'], '9900302.00AY1AZ0000\n941\n');
    expect(code).toBe(1);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ error: { code: 'CHECKSUM_MISMATCH', line: 1, field: 'AZ' } });
    expect(lines[1]).toMatchObject({ code: '94' });
  });

  it('decode reads a file in the charset asked for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sip2-cli-'));
    const file = join(dir, 'in.sip');
    writeFileSync(
      file,
      Buffer.from(
        '1803000120261123    101112AB30001|AJLes Mis\x82rables / Victor Hugo|AQMain|AY2AZEA47\r',
        'latin1',
      ),
    );
    const { out } = await run(['decode', file, '--charset', 'cp850']);
    const line = JSON.parse(out);
    expect(line.fields[1]).toEqual(['AJ', 'Les Misérables / Victor Hugo']);
    expect(line.checksum.valid).toBe(true);
  });

  it('encode turns decode output back into the same message', async () => {
    const decoded = await run(['decode'], `${LOGIN}\r`);
    const { code, bytes } = await run(['encode'], decoded.out);
    expect(code).toBe(0);
    expect(new TextDecoder().decode(bytes)).toBe(`${LOGIN}\r`);
  });

  it('encode fills default fixed fields, accepts names, and reports bad lines', async () => {
    const { code, bytes, err } = await run(
      ['encode', '--terminator', 'lf'],
      '{"name":"loginResponse","fixed":{"ok":"1"},"sequence":0}\n{"code":"94"}\nnot json\n',
    );
    expect(new TextDecoder().decode(bytes)).toBe('941AY0AZFDFD\n');
    expect(code).toBe(1);
    expect(err).toContain('line 2: INVALID_ARGUMENT: fixed.ok is required');
    expect(err).toContain('line 3: INVALID_ARGUMENT: not JSON');
  });

  it('checksum stamps AY/AZ', async () => {
    expect((await run(['checksum', '9300CNscclient|COclientpwd|CPUWOLS|AY0AZ'])).out).toBe(`${LOGIN}\n`);
    expect((await run(['checksum', '941', '--sequence', '0'])).out).toBe('941AY0AZFDFD\n');
    expect((await run(['checksum', '9'])).code).toBe(1);
  });

  it('rejects unknown options and charsets', async () => {
    expect((await run(['decode', '--charset', 'koi8-r'])).code).toBe(2);
    expect((await run(['decode', '--bogus'])).code).toBe(2);
    expect((await run(['checksum'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['--help'])).out).toContain('checksum <msg>');
  });
});
