// MARC-8 ⇄ Unicode against yaz (yaz-marcdump, yaz-iconv) and Perl MARC::Charset.
// Documented differences (spec notes §2.1, §8):
// - ruby-marc8_accented_chars.marc declares UTF-8 (leader/09 'a') but holds MARC-8: yaz with -f marc8
//   honours leader/09 and empties the affected subfields; forced to MARC-8 we decode them, and the
//   result equals MARC::Charset's on the same bytes.
// - A combining mark before a space: yaz attaches it to the space (spacing diacritic), MARC::Charset
//   carries it over to the next non-space character; we follow yaz.
// - Invalid input: yaz stops converting (the subfield ends early or comes out empty), MARC::Charset
//   keeps raw bytes such as ESC; we write U+FFFD and report a warning with the byte offset.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { sharedPath } from '../../../testing/paths.js';
import { commandPeer, describeWithPeers, perlPeer, runPeer } from '../../../testing/peers.js';
import { decodeIso5426 } from '../src/charset/iso5426.js';
import { decodeMarc8, encodeMarc8 } from '../src/charset/marc8.js';
import { parseIso2709 } from '../src/iso2709/read.js';
import { writeIso2709 } from '../src/iso2709/write.js';
import { parseMarcXml } from '../src/marcxml/read.js';
import { isDataField, type MarcRecord } from '../src/record.js';

const GENUINE_MARC8 = [
  'marc4j-brkrtest.mrc',
  'pymarc-marc8.dat',
  'perl-charset-cjk1.marc',
  'perl-charset-cyrillic.marc',
  'perl-charset-hebrew1.marc',
];

/** [tag, code, value] for every subfield (control fields as code ''), in record order. */
function flatten(records: MarcRecord[]): string[][] {
  return records.flatMap((r) =>
    r.fields.flatMap((f) =>
      isDataField(f) ? f.subfields.map((s) => [f.tag, s.code, s.value]) : [[f.tag, '', f.value]],
    ),
  );
}

// Reads a MARC-8 file with MARC::Record and converts every value with MARC::Charset.
const PERL_MARC8_TO_UTF8 = `
use strict; use warnings; use MARC::Batch; use MARC::Charset qw(marc8_to_utf8); use JSON::PP;
MARC::Charset->ignore_errors(1);
my $b = MARC::Batch->new('USMARC', $ARGV[0]); $b->strict_off(); $b->warnings_off();
my @out;
while (my $r = $b->next) {
  for my $f ($r->fields) {
    if ($f->is_control_field) { push @out, [$f->tag, '', marc8_to_utf8($f->data)]; next; }
    push @out, [$f->tag, $_->[0], marc8_to_utf8($_->[1])] for $f->subfields;
  }
}
print JSON::PP->new->utf8->encode(\\@out);`;

const PERL_LINES = `
use strict; use warnings; use MARC::Charset qw(marc8_to_utf8); use JSON::PP;
MARC::Charset->ignore_errors(1);
open my $f, '<:raw', $ARGV[0] or die; local $/; my @lines = split /\\n/, <$f>, -1;
print JSON::PP->new->utf8->encode([map { marc8_to_utf8($_) } @lines]);`;

describeWithPeers('MARC-8 → UTF-8 against yaz-marcdump', [commandPeer('yaz-marcdump')], () => {
  for (const name of GENUINE_MARC8) {
    it(`${name}: every field equals yaz-marcdump -f marc8 -t utf8`, () => {
      const path = sharedPath('data', 'marc', 'marc8', name);
      const ours = parseIso2709(readFileSync(path), { encoding: 'marc8' });
      const yaz = parseMarcXml(runPeer('yaz-marcdump', ['-f', 'marc8', '-t', 'utf8', '-o', 'marcxml', path]));
      expect(ours.length).toBeGreaterThan(0);
      expect(flatten(ours)).toEqual(flatten(yaz));
    });
  }

  it('ruby-marc8_accented_chars.marc: yaz empties the mislabelled subfields, we decode them', () => {
    const path = sharedPath('data', 'marc', 'marc8', 'ruby-marc8_accented_chars.marc');
    const ours = flatten(parseIso2709(readFileSync(path), { encoding: 'marc8' }));
    const yaz = flatten(
      parseMarcXml(runPeer('yaz-marcdump', ['-f', 'marc8', '-t', 'utf8', '-o', 'marcxml', path])),
    );
    const differing = ours.filter((row, i) => row[2] !== yaz[i]?.[2]);
    expect(differing.length).toBeGreaterThan(0);
    for (const [tag, code] of differing) expect(yaz.find((r) => r[0] === tag && r[1] === code)?.[2]).toBe('');
    expect(ours.find((r) => r[0] === '245')?.[2]?.normalize('NFC')).toBe('Histoire du "nouveau théâtre."');
  });
});

describeWithPeers(
  'MARC-8 → UTF-8 against MARC::Charset',
  [perlPeer('MARC::Charset'), perlPeer('MARC::Batch')],
  () => {
    for (const name of [...GENUINE_MARC8, 'ruby-marc8_accented_chars.marc']) {
      it(`${name}: every value equals MARC::Charset's marc8_to_utf8`, () => {
        let bytes = readFileSync(sharedPath('data', 'marc', 'marc8', name));
        // MARC::File::USMARC decodes leader/09 'a' records as UTF-8 and dies on the mislabelled file.
        if (bytes[9] === 0x61)
          bytes = Buffer.concat([bytes.subarray(0, 9), Buffer.from(' '), bytes.subarray(10)]);
        const path = join(mkdtempSync(join(tmpdir(), 'marc8-')), name);
        writeFileSync(path, bytes);
        const ours = flatten(parseIso2709(bytes, { encoding: 'marc8' }));
        const perl = JSON.parse(
          runPeer('perl', ['-e', PERL_MARC8_TO_UTF8, path]).toString('utf8'),
        ) as string[][];
        expect(ours.length).toBeGreaterThan(0);
        expect(ours).toEqual(perl);
      });
    }

    it('pymarc test_marc8.txt: all 1515 lines equal MARC::Charset, and the warning-free decode agrees', () => {
      const path = sharedPath('data', 'marc', 'marc8', 'pymarc-test_marc8.txt');
      const perl = JSON.parse(runPeer('perl', ['-e', PERL_LINES, path]).toString('utf8')) as string[];
      const bytes = readFileSync(path);
      const lines: Uint8Array[] = [];
      let start = 0;
      for (let i = 0; i <= bytes.length; i++) {
        if (i === bytes.length || bytes[i] === 0x0a) {
          lines.push(bytes.subarray(start, i));
          start = i + 1;
        }
      }
      expect(lines.length).toBe(perl.length);
      expect(lines.map((l) => decodeMarc8(l))).toEqual(perl);
    });
  },
);

describeWithPeers(
  'UTF-8 → MARC-8 against yaz',
  [commandPeer('yaz-iconv'), commandPeer('yaz-marcdump')],
  () => {
    const utf8Lines = readFileSync(sharedPath('data', 'marc', 'marc8', 'pymarc-test_utf8.txt'), 'utf8').split(
      '\n',
    );

    it('yaz-marcdump decodes what we encode back to the original text (1515 lines: Arabic, CJK, Hebrew…)', () => {
      // yaz cannot read the EACC codes LC gives with a 0x7F first byte (7F2014 —, 7F2019 ’, 7F2020 ”,
      // 7F2122 ™) and empties that subfield, so that line is checked on its own.
      const unreadable = 'a …“—’”™ z';
      const latin1 = (b: Uint8Array): string => String.fromCharCode(...b);
      const records: MarcRecord[] = utf8Lines.map((line) => ({
        leader: '00000nam  2200000   4500',
        fields: [
          {
            tag: '245',
            ind1: '0',
            ind2: '0',
            subfields: [{ code: 'a', value: latin1(encodeMarc8(line, { unmappable: 'error' })) }],
          },
        ],
      }));
      const path = join(mkdtempSync(join(tmpdir(), 'marc8-')), 'encoded.mrc');
      writeFileSync(path, writeIso2709(records, { encoding: 'latin1' }));
      const yaz = parseMarcXml(runPeer('yaz-marcdump', ['-f', 'marc8', '-t', 'utf8', '-o', 'marcxml', path]));
      expect(yaz.length).toBe(utf8Lines.length);
      const decoded = flatten(yaz).map((row) => row[2]!.normalize('NFC'));
      expect(utf8Lines.filter((line, i) => decoded[i] !== line.normalize('NFC'))).toEqual([unreadable]);
      expect(decodeMarc8(encodeMarc8(unreadable))).toBe(unreadable);
    });

    it('we decode what yaz encodes back to the original text', () => {
      const input = `${utf8Lines.join('\u001e')}`;
      const marc8 = runPeer('yaz-iconv', ['-f', 'utf8', '-t', 'marc8'], input);
      const warnings: Array<{ offset: number }> = [];
      const decoded = decodeMarc8(marc8, (w) => warnings.push(w)).split('\u001e');
      expect(warnings).toEqual([]);
      const mismatches = utf8Lines.filter(
        (line, i) => decoded[i]!.normalize('NFC') !== line.normalize('NFC'),
      );
      // Not losses of ours: yaz writes U+3013 (geta mark) as EACC 6F7624, which LC's table (and so
      // MARC::Charset, yaz's own decoder and we) reads as its private-use code point U+E8B0; and yaz turns
      // "…“—’”™" into Basic Arabic bytes.
      expect(mismatches).toEqual(['林 水〓.', 'a …“—’”™ z']);
      expect(decoded[utf8Lines.indexOf('林 水〓.')]).toBe('林 水\ue8b0.');
    });

    it('keeps letters yaz drops: ź and ễ have no precomposed MARC-8 form', () => {
      const text = 'Łódź, Nguyễn, Hà Nội';
      expect(decodeMarc8(encodeMarc8(text)).normalize('NFC')).toBe(text);
      const yaz = runPeer('yaz-iconv', ['-f', 'utf8', '-t', 'marc8'], text);
      expect(decodeMarc8(yaz).normalize('NFC')).toBe('Łód, Nguyn, Hà Ni');
    });

    it('writes the same bytes as yaz for Latin text with diacritics', () => {
      const text = 'Café crème, Straße, Łukasz, Ærøskøbing, São Paulo, Đorđe, Ångström';
      expect(Buffer.from(encodeMarc8(text)).toString('hex')).toBe(
        runPeer('yaz-iconv', ['-f', 'utf8', '-t', 'marc8'], text).toString('hex'),
      );
    });
  },
);

describeWithPeers('ISO 5426 → UTF-8 against yaz-iconv', [commandPeer('yaz-iconv')], () => {
  // One spawn per byte and letter: within a longer string yaz misplaces the mark that follows a mark
  // it could not compose with its letter (e.g. the caron after "a" + horn comes out ahead of its "a").
  it('decodes every assigned byte before a letter as yaz does', () => {
    let compared = 0;
    for (let b = 0xa1; b <= 0xfe; b++) {
      for (const letter of [0x61, 0x45]) {
        const input = Uint8Array.of(b, letter, 0x20, 0x31);
        const yaz = runPeer('yaz-iconv', ['-f', 'iso5426', '-t', 'utf8'], input).toString('utf8');
        if (yaz.length < 4) continue; // unassigned: yaz drops the byte, we write U+FFFD and warn
        expect([b, decodeIso5426(input)]).toEqual([b, yaz]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(120);
  });
});
