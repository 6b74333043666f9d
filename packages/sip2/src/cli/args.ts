import { charsetOf, type Sip2Charset } from '../codec/charset.js';

/** Flags shared by the codec commands. */
export interface CodecFlags {
  readonly positional: string[];
  readonly strict: boolean;
  readonly charset: Sip2Charset;
  readonly sequence: number | undefined;
  readonly terminator: '\r' | '\r\n' | '\n' | undefined;
  readonly errorDetection: 'optional' | 'required';
}

const TERMINATORS = { cr: '\r', crlf: '\r\n', lf: '\n' } as const;

/** Parses `--strict`, `--charset X`, `--sequence N`, `--terminator cr|crlf|lf`, `--require-checksum`. */
export function parseFlags(argv: readonly string[]): CodecFlags | string {
  const positional: string[] = [];
  let strict = false;
  let charset: Sip2Charset = 'utf-8';
  let sequence: number | undefined;
  let terminator: CodecFlags['terminator'];
  let errorDetection: CodecFlags['errorDetection'] = 'optional';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--strict':
        strict = true;
        break;
      case '--require-checksum':
        errorDetection = 'required';
        break;
      case '--charset': {
        const name = value();
        const c = name === undefined ? undefined : charsetOf(name);
        if (c === undefined)
          return `unknown charset ${JSON.stringify(name)} (ascii, cp850, iso-8859-1, utf-8)`;
        charset = c;
        break;
      }
      case '--sequence': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 0 || n > 9) return '--sequence takes a digit 0-9';
        sequence = n;
        break;
      }
      case '--terminator': {
        const t = value()?.toLowerCase();
        if (t !== 'cr' && t !== 'crlf' && t !== 'lf') return '--terminator takes cr, crlf or lf';
        terminator = TERMINATORS[t];
        break;
      }
      default:
        if (flag!.startsWith('--')) return `unknown option ${flag}`;
        positional.push(arg);
    }
  }
  return { positional, strict, charset, sequence, terminator, errorDetection };
}
