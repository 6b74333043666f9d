// MARCXML reader on saxes. Accepts MARC21/slim and MarcXchange with any prefix or none, a
// `collection` or bare `record`, and records inside other XML (OAI-PMH `metadata`, SRU `recordData`):
// a `record` element counts as MARC unless it sits in a known envelope namespace.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { MarcError, type ProblemHandler } from '../errors.js';
import type { MarcRecord } from '../record.js';
import { createRecordBuilder } from './builder.js';
import { createFastTokenizer, type FastTokenizer, Unsupported } from './fast.js';

export const MARC21_SLIM_NS = 'http://www.loc.gov/MARC21/slim';

export interface MarcXmlReadOptions {
  /** Throw on the first structural problem instead of skipping the damaged part. */
  strict?: boolean;
  onProblem?: ProblemHandler;
  /** Longest text of one leader, control field or subfield, in characters. Default 16 Mi. */
  maxValueChars?: number;
  /** XML parser: the fast MARCXML tokenizer (default) or saxes. */
  xmlParser?: 'fast' | 'saxes';
}

export interface MarcXmlPushParser {
  /** Feed text; returns the records completed by it. */
  push(text: string): MarcRecord[];
  /** End of input; throws XML_SYNTAX when the document is incomplete. */
  end(): MarcRecord[];
}

/**
 * A push parser for MARCXML. By default a fast tokenizer for the XML that MARCXML uses reads the
 * document; a DOCTYPE in the prolog hands it to saxes instead. `xmlParser: 'saxes'` forces saxes.
 */
export function createMarcXmlParser(options: MarcXmlReadOptions = {}): MarcXmlPushParser {
  if (options.xmlParser === 'saxes') return createSaxesMarcXmlParser(options);
  const maxValue = options.maxValueChars ?? 16 * 1024 * 1024;
  let fast: FastTokenizer | undefined;
  const builder = createRecordBuilder(options, () => fast?.position() ?? 0);
  fast = createFastTokenizer(builder, maxValue);
  let prolog: string[] | undefined = []; // text seen before the root element, replayed on a fallback
  let slow: MarcXmlPushParser | undefined;

  const fallBack = (): MarcRecord[] => {
    slow = createSaxesMarcXmlParser(options);
    const seen = (prolog ?? []).join('');
    prolog = undefined;
    return slow.push(seen);
  };
  let prologChars = 0;
  const guarded = (run: () => void): MarcRecord[] | undefined => {
    try {
      run();
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      if (prolog) return fallBack();
      throw new MarcError('XML_SYNTAX', 'MARCXML is not well-formed: DOCTYPE after a long prolog', {
        offset: (fast as FastTokenizer).position(),
      });
    }
    return undefined;
  };
  return {
    push(text: string): MarcRecord[] {
      if (slow) return slow.push(text);
      if (prolog) {
        prolog.push(text);
        prologChars += text.length;
        const replayed = guarded(() => (fast as FastTokenizer).push(text));
        if (replayed) return replayed;
        // Only a prolog can hold a DOCTYPE; stop keeping text once it is over (or absurdly long).
        if (builder.started() || prologChars > 1 << 20) prolog = undefined;
        return builder.take();
      }
      (fast as FastTokenizer).push(text);
      return builder.take();
    },
    end(): MarcRecord[] {
      if (slow) return slow.end();
      const replayed = guarded(() => (fast as FastTokenizer).end());
      if (replayed) {
        for (const r of (slow as unknown as MarcXmlPushParser).end()) replayed.push(r);
        return replayed;
      }
      return builder.take();
    },
  };
}

/** The same records from saxes, a general XML parser. */
function createSaxesMarcXmlParser(options: MarcXmlReadOptions): MarcXmlPushParser {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const b = createRecordBuilder(options, () => parser.position);
  const maxValue = options.maxValueChars ?? 16 * 1024 * 1024;
  let fed = 0; // characters written to saxes
  let lastEvent = 0; // saxes position at its last event

  parser.on('error', (err) => {
    throw new MarcError('XML_SYNTAX', `MARCXML is not well-formed: ${err.message}`, {
      record: b.recordNumber(),
      offset: parser.position,
    });
  });
  parser.on('opentag', (node: SaxesTagPlain) => {
    lastEvent = parser.position;
    b.open(node.name, node.attributes);
  });
  const onText = (t: string): void => {
    lastEvent = parser.position;
    b.text(t);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => b.close());

  return {
    push(chunk: string): MarcRecord[] {
      fed += chunk.length;
      parser.write(chunk);
      // saxes holds a text node until its end: bound what it may hold between two events.
      if (fed - lastEvent > maxValue) {
        throw new MarcError('LIMIT_EXCEEDED', `more than ${maxValue} characters without markup`, {
          record: b.recordNumber(),
        });
      }
      return b.take();
    },
    end(): MarcRecord[] {
      parser.close();
      return b.take();
    },
  };
}

/** Every MARC record in an XML document. */
export function parseMarcXml(xml: string | Uint8Array, options: MarcXmlReadOptions = {}): MarcRecord[] {
  const p = createMarcXmlParser(options);
  const text = typeof xml === 'string' ? xml : new TextDecoder('utf-8').decode(xml);
  const out = p.push(text);
  for (const r of p.end()) out.push(r);
  return out;
}

/** Exactly one MARC record (a bare `record`, a one-record collection, or a record inside an envelope). */
export function parseMarcXmlRecord(xml: string | Uint8Array, options: MarcXmlReadOptions = {}): MarcRecord {
  const records = parseMarcXml(xml, options);
  if (records.length !== 1)
    throw new MarcError('INVALID_ARGUMENT', `expected one MARCXML record, found ${records.length}`);
  return records[0] as MarcRecord;
}
