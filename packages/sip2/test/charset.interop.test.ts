// Our charsets and checksums against independent implementations: glibc iconv for the byte
// tables, Perl's Encode + unpack("%32C*") for the checksum over encoded bytes.
import { build, decodeText, encode, encodeText, type Sip2Charset } from '@bibwire/sip2';
import { fc } from '@fast-check/vitest';
import { expect, it } from 'vitest';
import { commandPeer, describeWithPeers, perlPeer, runPeer } from '../../../testing/peers.js';

const ICONV_NAMES: Record<Exclude<Sip2Charset, 'utf-8'>, string> = {
  ascii: 'ASCII',
  cp850: 'CP850',
  'iso-8859-1': 'ISO-8859-1',
};

describeWithPeers('charset tables agree with iconv', [commandPeer('iconv')], () => {
  it.each(['cp850', 'iso-8859-1'] as const)('%s: all 256 bytes decode as iconv decodes them', (charset) => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const viaIconv = runPeer('iconv', ['-f', ICONV_NAMES[charset], '-t', 'UTF-8'], all).toString('utf8');
    expect(decodeText(all, charset).text).toBe(viaIconv);
  });

  it.each(['ascii', 'cp850', 'iso-8859-1'] as const)('%s: text encodes as iconv encodes it', (charset) => {
    const sample = fc.sample(
      fc.string({ unit: fc.constantFrom(...'AZaz09 |éÆøßÇü½µ░▒│┤╣═■¤ıÿ'.split('')), maxLength: 40 }),
      { numRuns: 50, seed: 42 },
    );
    for (const text of sample) {
      const ours = (() => {
        try {
          return Buffer.from(encodeText(text, charset, 'error'));
        } catch {
          return undefined;
        }
      })();
      let theirs: Buffer | undefined;
      try {
        theirs = runPeer('iconv', ['-f', 'UTF-8', '-t', ICONV_NAMES[charset]], Buffer.from(text, 'utf8'));
      } catch {
        theirs = undefined; // iconv refuses an unmappable character, as our `error` policy does
      }
      expect(ours?.toString('hex'), text).toBe(theirs?.toString('hex'));
    }
  });
});

describeWithPeers('AZ checksum agrees with Perl Encode', [perlPeer('Encode')], () => {
  const PERL_NAMES: Record<Sip2Charset, string> = {
    ascii: 'ascii',
    cp850: 'cp850',
    'iso-8859-1': 'iso-8859-1',
    'utf-8': 'UTF-8',
  };
  // Reads one UTF-8 line per message (the text up to AZ), encodes it in the charset and prints the
  // SIP2 checksum of those bytes.
  const script = (charset: Sip2Charset) =>
    `use Encode; binmode STDIN, ':encoding(UTF-8)'; while (my $l = <STDIN>) { chomp $l; ` +
    `my $b = encode('${PERL_NAMES[charset]}', $l); printf("%04X\\n", (-unpack('%32C*', $b)) & 0xFFFF); }`;

  it.each(['cp850', 'iso-8859-1', 'utf-8'] as const)(
    '%s: titles with accents, symbols and scripts',
    (charset) => {
      const titles = [
        'Les Misérables / Victor Hugo',
        'Smørrebrød på Ærø ½',
        'Ça ira, Ü-Boot, façade',
        ...(charset === 'utf-8' ? ['Война и мир', '三体', 'Les Mise\u0301rables', '🙂 emoji'] : []),
      ];
      const messages = titles.map((title, i) =>
        build.checkoutResponse({
          ok: true,
          transactionDate: '20261123    101112',
          institutionId: 'MAIN',
          patronIdentifier: 'P1',
          itemIdentifier: `I${i}`,
          titleIdentifier: title,
          sequence: i % 10,
        }),
      );
      const encoded = messages.map((m) => encode(m, { charset, unmappable: 'error' }));
      const upToAz = messages.map((m) =>
        new TextDecoder()
          .decode(encode({ ...m, checksum: false }, { charset: 'utf-8' }))
          .replace(/\r$/, 'AZ'),
      );
      const perl = runPeer('perl', ['-e', script(charset)], `${upToAz.join('\n')}\n`)
        .toString('latin1')
        .trim()
        .split('\n');
      const ours = encoded.map((b) => Buffer.from(b.subarray(b.length - 5, b.length - 1)).toString('latin1'));
      expect(ours).toEqual(perl);
    },
  );
});
