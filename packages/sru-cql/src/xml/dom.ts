// A minimal namespace-aware element tree built with saxes, for XCQL input and SRU responses.
// DOCTYPEs are rejected so no entity expansion can blow up memory.
import { SaxesParser } from 'saxes';

export interface XmlElement {
  /** Local name. */
  readonly name: string;
  /** Namespace URI ('' when none). */
  readonly ns: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** Concatenated character data directly inside this element. */
  text: string;
  /** Offsets of the element's start and end in the source (for re-serialising record data). */
  readonly start: number;
  end: number;
  /** Namespace bindings in scope (prefix → URI; '' is the default namespace). */
  readonly scope: Readonly<Record<string, string>>;
}

/** Parses a whole document; throws Error (callers wrap it into their SruError) on malformed XML. */
export function parseXml(xml: string, options: { maxDepth?: number } = {}): XmlElement {
  const maxDepth = options.maxDepth ?? 2000;
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: Error | undefined;
  let tagStart = 0;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('doctype', () => {
    failure ??= new Error('DOCTYPE not allowed');
  });
  parser.on('opentagstart', () => {
    // saxes reports `position` just after '<name'; walk back to the '<'.
    tagStart = xml.lastIndexOf('<', parser.position - 1);
  });
  parser.on('opentag', (tag) => {
    if (stack.length >= maxDepth) {
      failure ??= new Error(`XML nested deeper than ${maxDepth}`);
      return;
    }
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix !== 'xmlns' && a.name !== 'xmlns') attrs[a.local] = a.value;
    }
    const parent = stack[stack.length - 1];
    const declared = tag.ns ?? {};
    const outer = parent?.scope ?? EMPTY;
    const scope = Object.keys(declared).length === 0 ? outer : { ...outer, ...declared };
    const el: XmlElement = {
      name: tag.local,
      ns: tag.uri,
      attrs,
      children: [],
      text: '',
      start: tagStart,
      end: tagStart,
      scope,
    };
    if (parent) parent.children.push(el);
    else root ??= el;
    if (tag.isSelfClosing) el.end = parser.position;
    else stack.push(el);
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    const el = stack.pop();
    if (el) el.end = parser.position;
  });
  const onText = (t: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(xml).close();
  } catch (e) {
    failure ??= e instanceof Error ? e : new Error(String(e));
  }
  if (failure) throw failure;
  if (!root) throw new Error('no root element');
  return root;
}

const EMPTY: Readonly<Record<string, string>> = Object.freeze({});

/**
 * The element's source text, standalone: namespace bindings it inherits are declared on its start tag,
 * so `<marc:record>` cut out of an envelope that declared `marc` stays well-formed.
 */
export function outerXml(el: XmlElement, source: string): string {
  const text = source.slice(el.start, el.end);
  const nameEnd = text.search(/[\s/>]/);
  const startTag = text.slice(0, text.indexOf('>') + 1);
  let decls = '';
  for (const [prefix, uri] of Object.entries(el.scope)) {
    // Only bindings the fragment can use: the default one and prefixes that appear in it.
    if (prefix === 'xml' || (prefix !== '' && !text.includes(`${prefix}:`))) continue;
    const attr = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
    if (!new RegExp(`\\s${attr}\\s*=`).test(startTag))
      decls += ` ${attr}="${uri.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`;
  }
  return decls === '' ? text : text.slice(0, nameEnd) + decls + text.slice(nameEnd);
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

export function childText(el: XmlElement, name: string): string | undefined {
  const c = child(el, name);
  return c === undefined ? undefined : c.text;
}
