// A streaming tokenizer for the XML that MARCXML uses: elements, attributes, text, the predefined
// entities, character references, CDATA, comments and processing instructions. It checks
// well-formedness (names, nesting, quoting, references, characters) and is several times faster than a
// general XML parser. A DOCTYPE makes it give up before the root element (`Unsupported`), so the caller
// can hand the document to saxes, which knows DTD syntax.
import { MarcError } from '../errors.js';
import {
  type Attributes,
  LEAF_CONTROL,
  LEAF_LEADER,
  LEAF_SUBFIELD,
  type LeafKind,
  type RecordBuilder,
} from './builder.js';

/** Thrown before any element is opened when the document needs a full XML parser. */
export class Unsupported extends Error {}

const NAME =
  /^[:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}][-.0-9:A-Z_a-z\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C-\u200D\u203F-\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}]*$/u;
// Characters XML 1.0 forbids (controls, U+FFFE/U+FFFF, unpaired surrogates).
const MAYBE_BAD = /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
// Whole MARCXML elements in their usual spelling, matched in one step (anything else, e.g. text with
// references or attributes in another order, takes the general path, which gives the same result).
// Group 1 is the prefix (`marc:` or empty).
const VALUE = '([^"<&\\t\\n\\r]*)';
const TEXT = '([^<&\\r]*)';
function usual(prefix: string): RegExp[] {
  const p = `(${prefix})`;
  return [
    new RegExp(`<${p}subfield\\s+code="${VALUE}"\\s*>${TEXT}</\\1subfield\\s*>`, 'y'),
    new RegExp(`<${p}datafield\\s+tag="${VALUE}"\\s+ind1="${VALUE}"\\s+ind2="${VALUE}"\\s*>`, 'y'),
    new RegExp(`<${p}controlfield\\s+tag="${VALUE}"\\s*>${TEXT}</\\1controlfield\\s*>`, 'y'),
    new RegExp(`<${p}leader\\s*>${TEXT}</\\1leader\\s*>`, 'y'),
  ];
}
const UNPREFIXED = usual('');
const PREFIXED = usual('[A-Za-z_][-.\\w]*:');

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export interface FastTokenizer {
  push(text: string): void;
  end(): void;
  position(): number;
}

export function createFastTokenizer(b: RecordBuilder, maxValue: number): FastTokenizer {
  let buf = '';
  let base = 0; // absolute offset of buf[0]
  let at = 0; // absolute offset of the construct being read, for errors
  const stack: string[] = [];
  let rootSeen = false;
  let started = false;

  const fail = (message: string, offset = at): never => {
    throw new MarcError('XML_SYNTAX', `MARCXML is not well-formed: ${message}`, {
      record: b.recordNumber(),
      offset,
    });
  };

  const checkName = (name: string): void => {
    if (isAsciiName(name)) return;
    if (!NAME.test(name)) fail(`invalid name ${JSON.stringify(name)}`);
  };

  /** Characters are checked once per pushed chunk; a surrogate pair may straddle two chunks. */
  let pendingHigh = false;
  const checkChars = (s: string, offset: number, final: boolean): void => {
    let from = 0;
    if (pendingHigh) {
      const c = s.charCodeAt(0);
      if (!(c >= 0xdc00 && c <= 0xdfff)) fail('unpaired surrogate', offset - 1);
      pendingHigh = false;
      from = 1; // the low half of the pair begun in the previous chunk
    }
    if (!MAYBE_BAD.test(s)) return;
    for (let k = from; k < s.length; k++) {
      const c = s.charCodeAt(k);
      if (c >= 0x20 && c < 0xd800) continue;
      if (c === 0x09 || c === 0x0a || c === 0x0d) continue;
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = s.charCodeAt(k + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          k++;
          continue;
        }
        if (k + 1 === s.length && !final) {
          pendingHigh = true;
          continue;
        }
      } else if (c >= 0xe000 && c <= 0xfffd) continue;
      fail(`disallowed character U+${c.toString(16).toUpperCase().padStart(4, '0')}`, offset + k);
    }
  };

  function decode(s: string): string {
    let out = '';
    let from = 0;
    for (let amp = s.indexOf('&'); amp >= 0; amp = s.indexOf('&', from)) {
      const semi = s.indexOf(';', amp);
      if (semi < 0) fail('unterminated entity reference');
      out += s.slice(from, amp);
      const ref = s.slice(amp + 1, semi);
      if (ref.charCodeAt(0) === 0x23 /* # */) {
        const hex = ref.charCodeAt(1) === 0x78; /* x */
        const digits = ref.slice(hex ? 2 : 1);
        if (!(hex ? /^[0-9A-Fa-f]{1,8}$/ : /^[0-9]{1,10}$/).test(digits))
          fail(`bad character reference &${ref};`);
        const cp = Number.parseInt(digits, hex ? 16 : 10);
        const ok =
          cp === 0x9 ||
          cp === 0xa ||
          cp === 0xd ||
          (cp >= 0x20 && cp <= 0xd7ff) ||
          (cp >= 0xe000 && cp <= 0xfffd) ||
          (cp >= 0x10000 && cp <= 0x10ffff);
        if (!ok) fail(`character reference &${ref}; is not an XML character`);
        out += String.fromCodePoint(cp);
      } else {
        const v = PREDEFINED[ref];
        if (v === undefined) fail(`undefined entity &${ref};`);
        out += v;
      }
      from = semi + 1;
    }
    return out + s.slice(from);
  }

  /** Text between markup: `raw` has no `<`, and any `&` in it is complete. */
  function onText(raw: string): void {
    if (raw.length === 0) return;
    let t = raw;
    if (t.indexOf('\r') >= 0) t = t.replace(/\r\n?/g, '\n');
    if (t.indexOf(']]>') >= 0) fail('"]]>" in text');
    if (t.indexOf('&') >= 0) t = decode(t);
    if (stack.length === 0) {
      if (/[^ \t\n\r]/.test(t)) fail('text outside the root element');
      return;
    }
    if (b.wantsText()) b.text(t);
  }

  /** Text nobody keeps (indentation between elements): only checked, never copied. */
  function ignoredText(from: number, to: number): void {
    for (let k = from; k < to; k++) {
      const c = buf.charCodeAt(k);
      if (c === 0x26 /* & */ || c === 0x5d /* ] */) {
        onText(buf.slice(from, to));
        return;
      }
    }
  }

  function attrValue(raw: string): string {
    if (raw.indexOf('<') >= 0) fail('"<" in an attribute value');
    let v = raw;
    if (/[\t\n\r]/.test(v)) v = v.replace(/\r\n|[\t\n\r]/g, ' ');
    return v.indexOf('&') >= 0 ? decode(v) : v;
  }

  /**
   * Reads the start tag at buf[start] (`<name a="v" ...>` or `.../>`) in one pass; returns the index
   * after it, or -1 when it has not fully arrived yet (nothing is reported until it has).
   */
  function startTag(start: number): number {
    const n = buf.length;
    let i = start + 1;
    let c = buf.charCodeAt(i);
    while (i < n && c !== 0x3e && c !== 0x2f && !isSpace(c)) c = buf.charCodeAt(++i);
    if (i >= n) return -1;
    const name = buf.slice(start + 1, i);
    checkName(name);
    const attrs: Attributes = {};
    for (;;) {
      const ws = i;
      while (isSpace(c)) c = buf.charCodeAt(++i);
      if (i >= n) return -1;
      if (c === 0x3e /* > */ || c === 0x2f /* / */) break;
      if (i === ws) fail('attributes must be separated by whitespace');
      const nameStart = i;
      while (i < n && c !== 0x3d /* = */ && c !== 0x3e && c !== 0x2f && !isSpace(c)) c = buf.charCodeAt(++i);
      const attr = knownAttribute(buf.slice(nameStart, i));
      while (isSpace(c)) c = buf.charCodeAt(++i);
      if (i >= n) return -1;
      if (c !== 0x3d) fail(`attribute ${attr} without a value`);
      c = buf.charCodeAt(++i);
      while (isSpace(c)) c = buf.charCodeAt(++i);
      if (i >= n) return -1;
      if (c !== 0x22 && c !== 0x27) fail(`attribute ${attr} is not quoted`);
      const close = buf.indexOf(c === 0x22 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      checkName(attr);
      if (attrs[attr] !== undefined) fail(`duplicate attribute ${attr}`);
      attrs[attr] = attrValue(buf.slice(i + 1, close));
      i = close + 1;
      c = buf.charCodeAt(i);
    }
    let selfClosing = false;
    if (c === 0x2f) {
      if (i + 1 >= n) return -1;
      if (buf.charCodeAt(i + 1) !== 0x3e) fail('"/" not followed by ">" in a tag');
      selfClosing = true;
      i++;
    }
    if (stack.length === 0) {
      if (rootSeen) fail('more than one root element');
      rootSeen = true;
    }
    stack.push(name);
    b.open(name, attrs);
    if (selfClosing) {
      stack.pop();
      b.close();
    }
    return i + 1;
  }

  /** A usual MARCXML element at buf[start] in one step; the index after it, or -1. */
  function usualElement(start: number): number {
    const c = buf.charCodeAt(start + 1);
    // Lower-case s, d, c, l start the unprefixed names; a prefix may start with them too.
    if (c === 0x73 || c === 0x64 || c === 0x63 || c === 0x6c) {
      const next = usualIn(UNPREFIXED, start);
      if (next >= 0) return next;
    }
    return usualIn(PREFIXED, start);
  }

  function usualIn(set: RegExp[], start: number): number {
    const [sub, data, control, leader] = set as [RegExp, RegExp, RegExp, RegExp];
    sub.lastIndex = start;
    let m = sub.exec(buf);
    if (m !== null) {
      // Subfields come in runs separated by indentation: read the run here.
      let next = leaf(m, LEAF_SUBFIELD, m[2] as string, m[3] as string);
      for (;;) {
        let k = next;
        let c = buf.charCodeAt(k);
        while (c === 0x20 || c === 0x0a || c === 0x09) c = buf.charCodeAt(++k);
        if (c !== 0x3c /* < */) return next;
        sub.lastIndex = k;
        m = sub.exec(buf);
        if (m === null) return next;
        at = base + k;
        next = leaf(m, LEAF_SUBFIELD, m[2] as string, m[3] as string);
      }
    }
    data.lastIndex = start;
    m = data.exec(buf);
    if (m !== null) {
      const name = `${m[1]}datafield`;
      stack.push(name);
      b.open(name, { tag: m[2] as string, ind1: m[3] as string, ind2: m[4] as string });
      return start + m[0].length;
    }
    control.lastIndex = start;
    m = control.exec(buf);
    if (m !== null) return leaf(m, LEAF_CONTROL, m[2] as string, m[3] as string);
    leader.lastIndex = start;
    m = leader.exec(buf);
    if (m !== null) return leaf(m, LEAF_LEADER, '', m[2] as string);
    return -1;
  }

  function leaf(m: RegExpExecArray, kind: LeafKind, attr: string, text: string): number {
    if (text.indexOf(']]>') >= 0) fail('"]]>" in text');
    b.leaf(kind, m[1] as string, attr, text);
    return m.index + m[0].length;
  }

  function run(final: boolean): void {
    let i = 0;
    const n = buf.length;
    while (i < n) {
      at = base + i;
      const lt = buf.indexOf('<', i);
      if (lt !== i) {
        // Text up to the next `<`, or to what is safe to take when none has arrived yet.
        let stop = lt;
        if (lt < 0) {
          if (final) stop = n;
          else {
            stop = n;
            const amp = buf.lastIndexOf('&');
            if (amp >= i && buf.indexOf(';', amp) < 0) stop = amp;
            if (stop > i && buf.charCodeAt(stop - 1) === 0x0d) stop--; // CR LF may be split
            while (stop > i && buf.charCodeAt(stop - 1) === 0x5d) stop--; // and so may "]]>"
            const c = buf.charCodeAt(stop - 1);
            if (stop > i && c >= 0xd800 && c <= 0xdbff) stop--; // so may a surrogate pair
          }
        }
        if (stop > i) {
          if (stack.length > 0 && !b.wantsText()) ignoredText(i, stop);
          else onText(buf.slice(i, stop));
        }
        i = stop;
        if (lt < 0) break;
        continue;
      }
      const c = buf.charCodeAt(i + 1);
      if (c === 0x2f /* / */) {
        const gt = buf.indexOf('>', i);
        if (gt < 0) break;
        const name = buf.slice(i + 2, gt).trimEnd();
        const open = stack.pop();
        if (open === undefined) fail(`unmatched end tag </${name}>`);
        if (name !== open) fail(`end tag </${name}> does not match <${open}>`);
        b.close();
        i = gt + 1;
      } else if (c === 0x3f /* ? */) {
        const e = buf.indexOf('?>', i + 2);
        if (e < 0) break;
        const target = /^[^\s?]*/.exec(buf.slice(i + 2, e))?.[0] ?? '';
        if (target.toLowerCase() === 'xml' && (target !== 'xml' || base + i !== 0))
          fail('XML declaration not at the start');
        checkName(target);
        i = e + 2;
      } else if (c === 0x21 /* ! */) {
        if (n - i < 9 && !final) break;
        if (buf.startsWith('<!--', i)) {
          const e = buf.indexOf('-->', i + 4);
          if (e < 0) break;
          if (buf.slice(i + 4, e).indexOf('--') >= 0) fail('"--" in a comment');
          i = e + 3;
        } else if (buf.startsWith('<![CDATA[', i)) {
          const e = buf.indexOf(']]>', i + 9);
          if (e < 0) break;
          if (stack.length === 0) fail('CDATA outside the root element');
          const raw = buf.slice(i + 9, e);
          if (b.wantsText()) b.text(raw.indexOf('\r') >= 0 ? raw.replace(/\r\n?/g, '\n') : raw);
          i = e + 3;
        } else if (buf.startsWith('<!DOCTYPE', i)) {
          if (started) fail('DOCTYPE after the root element');
          throw new Unsupported('DOCTYPE');
        } else fail('unknown markup declaration');
      } else {
        const usual = stack.length > 0 ? usualElement(i) : -1;
        const next = usual >= 0 ? usual : startTag(i);
        if (next < 0) break;
        started = true;
        i = next;
      }
    }
    buf = buf.slice(i);
    base += i;
    if (buf.length > maxValue + 1024) {
      throw new MarcError('LIMIT_EXCEEDED', `more than ${maxValue} characters without markup`, {
        record: b.recordNumber(),
      });
    }
  }

  return {
    push(text: string): void {
      if (base === 0 && buf === '' && text.charCodeAt(0) === 0xfeff) {
        text = text.slice(1);
      }
      checkChars(text, base + buf.length, false);
      buf = buf === '' ? text : buf + text;
      run(false);
    },
    end(): void {
      if (pendingHigh) fail('unpaired surrogate', base + buf.length - 1);
      run(true);
      at = base;
      if (buf.length > 0) fail('unexpected end of document');
      if (stack.length > 0) fail(`unclosed element <${stack[stack.length - 1]}>`);
      if (!rootSeen) fail('document must contain a root element');
    },
    position: () => at,
  };
}

/** The attribute names MARCXML uses, as constants so objects keyed by them share one shape. */
function knownAttribute(name: string): string {
  switch (name.length) {
    case 3:
      return name === 'tag' ? 'tag' : name;
    case 4:
      return name === 'code' ? 'code' : name === 'ind1' ? 'ind1' : name === 'ind2' ? 'ind2' : name;
    default:
      return name;
  }
}

/** Plain ASCII XML name (the usual case), checked without a regular expression. */
function isAsciiName(name: string): boolean {
  const n = name.length;
  if (n === 0) return false;
  let c = name.charCodeAt(0);
  if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a)) return false;
  for (let k = 1; k < n; k++) {
    c = name.charCodeAt(k);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) continue;
    if (c === 0x5f || c === 0x3a || c === 0x2d || c === 0x2e) continue;
    return false;
  }
  return true;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}
