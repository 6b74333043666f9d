// MARC-8 output read back by yaz-marcdump (-f MARC-8 -t UTF-8) and by MARC::Record + MARC::Charset.
// Sources: the genuine MARC-8 samples decoded to Unicode, the UTF-8 brkrtest file and pymarc's
// 1515 lines of UTF-8 text (Arabic, CJK, Hebrew, Cyrillic, Greek, Latin with diacritics).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { sharedPath } from '../../../testing/paths.js';
import { commandPeer, describeWithPeers, perlPeer, runPeer } from '../../../testing/peers.js';
import { parseIso2709 } from '../src/iso2709/read.js';
import { writeIso2709 } from '../src/iso2709/write.js';
import { parseMarcXml } from '../src/marcxml/read.js';
import { isDataField, type MarcRecord } from '../src/record.js';

const MARC8_SOURCES = [
  ['marc8', 'marc4j-brkrtest.mrc'],
  ['marc8', 'perl-charset-cjk1.marc'],
  ['marc8', 'perl-charset-cyrillic.marc'],
  ['marc8', 'perl-charset-hebrew1.marc'],
  ['marc8', 'pymarc-marc8.dat'],
  ['iso2709-marc21', 'marc4j-brkrtest_UTF8.mrc'],
];

// yaz cannot read the EACC codes LC gives with a 0x7F first byte (— ’ ” ™), see charset.interop.test.ts.
const YAZ_UNREADABLE = /[—’”™]/;

function sources(): MarcRecord[] {
  const records = MARC8_SOURCES.flatMap(([dir, name]) =>
    parseIso2709(readFileSync(sharedPath('data', 'marc', dir as string, name as string)), { toUtf8: true }),
  );
  const lines = readFileSync(sharedPath('data', 'marc', 'marc8', 'pymarc-test_utf8.txt'), 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !YAZ_UNREADABLE.test(l));
  for (let i = 0; i < lines.length; i += 50) {
    records.push({
      leader: '00000nam a2200000   4500',
      fields: lines.slice(i, i + 50).map((line) => ({
        tag: '500',
        ind1: ' ',
        ind2: ' ',
        subfields: [{ code: 'a', value: line }],
      })),
    });
  }
  return records;
}

/** [tag, code, NFC value] for every subfield (control fields as code ''), in record order. */
function flatten(records: MarcRecord[]): string[][] {
  return records.flatMap((r) =>
    r.fields.flatMap((f) =>
      isDataField(f)
        ? f.subfields.map((s) => [f.tag, s.code, s.value.normalize('NFC')])
        : [[f.tag, '', f.value.normalize('NFC')]],
    ),
  );
}

function writeMarc8File(records: MarcRecord[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'marc8-out-')), 'out.mrc');
  const problems: string[] = [];
  writeFileSync(
    path,
    writeIso2709(records, { encoding: 'marc8', onProblem: (p) => problems.push(p.message) }),
  );
  expect(problems).toEqual([]);
  return path;
}

describeWithPeers('MARC-8 output read by yaz-marcdump', [commandPeer('yaz-marcdump')], () => {
  it('yaz-marcdump -f MARC-8 -t UTF-8 gives back the same text, record for record', () => {
    const records = sources().filter((r) => !YAZ_UNREADABLE.test(JSON.stringify(r)));
    const path = writeMarc8File(records);
    const yaz = parseMarcXml(runPeer('yaz-marcdump', ['-f', 'MARC-8', '-t', 'UTF-8', '-o', 'marcxml', path]));
    expect(yaz.length).toBe(records.length);
    expect(flatten(yaz)).toEqual(flatten(records));
    // yaz sets leader/09 to 'a' after converting: we wrote ' '.
    expect(readFileSync(path)[9]).toBe(0x20);
  });
});

const PERL_MARC8_TO_UTF8 = `
use strict; use warnings; use MARC::Batch; use MARC::Charset qw(marc8_to_utf8); use JSON::PP;
my $b = MARC::Batch->new('USMARC', $ARGV[0]); $b->strict_off();
my @out;
while (my $r = $b->next) {
  for my $f ($r->fields) {
    if ($f->is_control_field) { push @out, [$f->tag, '', marc8_to_utf8($f->data)]; next; }
    push @out, [$f->tag, $_->[0], marc8_to_utf8($_->[1])] for $f->subfields;
  }
}
print JSON::PP->new->utf8->encode(\\@out);`;

describeWithPeers(
  'MARC-8 output read by MARC::Record + MARC::Charset',
  [perlPeer('MARC::Charset'), perlPeer('MARC::Batch')],
  () => {
    it('marc8_to_utf8 of every value equals the text we wrote', () => {
      const records = sources();
      const path = writeMarc8File(records);
      const perl = JSON.parse(
        runPeer('perl', ['-e', PERL_MARC8_TO_UTF8, path]).toString('utf8'),
      ) as string[][];
      expect(perl.map(([t, c, v]) => [t, c, (v as string).normalize('NFC')])).toEqual(flatten(records));
    });
  },
);
