// What Koha's Perl side writes and reads, checked with the same Perl modules Koha uses:
// MARC::Record's as_formatted (Koha's text/plain), MARC::File::XML (Koha's MARCXML), and
// MARC-in-JSON built from MARC::Record; our MARCXML bodies validated by xmllint against the XSD.
import { readFileSync } from 'node:fs';
import { decodeBiblioBody, encodeBiblioBody, formatMarc } from '@bibwire/koha-client';
import { type MarcRecord, parseIso2709 } from '@bibwire/marcxml';
import { expect, it } from 'vitest';
import { sharedPath } from '../../../testing/paths.js';
import { commandPeer, describeWithPeers, perlPeer, runPeer } from '../../../testing/peers.js';

const FILES = [
  'marc4j-chabon.mrc',
  'marc4j-summerland.mrc',
  'marc4j-065001035.mrc',
  'marc4j-brkrtest_UTF8.mrc',
  'perl-mij-test.mrc',
  'yaz-marccol1.u8.marc',
  'yaz-marccol5.u8.marc',
];

// Reads ISO 2709 from stdin; writes, per record, the form Koha would send, NUL-separated.
const PERL_EXPORT = `
use strict; use warnings; use MARC::File::USMARC; use MARC::File::XML (BinaryEncoding => 'utf8'); use JSON::PP;
binmode STDIN; binmode STDOUT, ':encoding(UTF-8)';
local $/; my $all = <STDIN>; my $form = $ARGV[0];
my @out;
for my $raw (split /\\x1D/, $all) {
  next unless length $raw > 5;
  my $r = MARC::File::USMARC->decode($raw . "\\x1D");
  if ($form eq 'text') { push @out, $r->as_formatted; }
  elsif ($form eq 'xml') { push @out, $r->as_xml_record(); }
  elsif ($form eq 'json') {
    my @fields;
    for my $f ($r->fields) {
      if ($f->is_control_field) { push @fields, { $f->tag => $f->data }; next; }
      push @fields, { $f->tag => { ind1 => $f->indicator(1), ind2 => $f->indicator(2),
        subfields => [ map { { $_->[0] => $_->[1] } } $f->subfields ] } };
    }
    push @out, JSON::PP->new->canonical->encode({ leader => $r->leader, fields => \\@fields });
  }
}
print join("\\x00", @out);
`;

// Reads MARCXML (our body) and writes MARC-in-JSON of what MARC::File::XML understood.
const PERL_IMPORT = `
use strict; use warnings; use MARC::Record; use MARC::File::XML (BinaryEncoding => 'utf8'); use JSON::PP;
binmode STDIN; binmode STDOUT; local $/; my @out;
for my $xml (split /\\x00/, <STDIN>) {
  my $r = MARC::Record->new_from_xml($xml, 'UTF-8');
  my @fields;
  for my $f ($r->fields) {
    if ($f->is_control_field) { push @fields, { $f->tag => $f->data }; next; }
    push @fields, { $f->tag => { ind1 => $f->indicator(1), ind2 => $f->indicator(2),
      subfields => [ map { { $_->[0] => $_->[1] } } $f->subfields ] } };
  }
  push @out, JSON::PP->new->utf8->canonical->encode({ leader => $r->leader, fields => \\@fields });
}
print join("\\x00", @out);
`;

// MARC21slim.xsd constrains the leader; some sample records carry '^' for blanks there.
const XSD_LEADER = /^[\d ]{5}[\dA-Za-z ][\dA-Za-z][\dA-Za-z ]{3}(2| )(2| )[\d ]{5}[\dA-Za-z ]{3}(4500| {4})$/;

function split(out: Buffer): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= out.length; i++) {
    if (i === out.length || out[i] === 0) {
      parts.push(new Uint8Array(out.subarray(start, i)));
      start = i + 1;
    }
  }
  return parts;
}

describeWithPeers(
  'Koha-side MARC (MARC::Record, MARC::File::XML, xmllint)',
  [perlPeer('MARC::Record'), perlPeer('MARC::File::XML'), perlPeer('JSON::PP'), commandPeer('xmllint')],
  () => {
    const sets = FILES.map((file) => {
      const bytes = readFileSync(sharedPath('data', 'marc', 'iso2709-marc21', file));
      return { file, bytes, records: parseIso2709(new Uint8Array(bytes)) };
    });

    it('reads as_formatted (text/plain) into the same records, and writes it byte for byte', () => {
      let n = 0;
      for (const { file, bytes, records } of sets) {
        const texts = split(runPeer('perl', ['-e', PERL_EXPORT, 'text'], bytes));
        expect(texts.length, file).toBe(records.length);
        texts.forEach((t, i) => {
          const [parsed] = decodeBiblioBody('text', t);
          expect(parsed, `${file} #${i + 1}`).toEqual(records[i]);
          expect(formatMarc(records[i] as MarcRecord), `${file} #${i + 1}`).toBe(new TextDecoder().decode(t));
          n++;
        });
      }
      expect(n).toBeGreaterThan(80);
    });

    it('reads as_xml_record (application/marcxml+xml) and MARC-in-JSON into the same records', () => {
      for (const { file, bytes, records } of sets) {
        const xml = split(runPeer('perl', ['-e', PERL_EXPORT, 'xml'], bytes));
        const json = split(runPeer('perl', ['-e', PERL_EXPORT, 'json'], bytes));
        records.forEach((record, i) => {
          expect(decodeBiblioBody('marcxml', xml[i] as Uint8Array), `${file} #${i + 1} xml`).toEqual([
            record,
          ]);
          expect(decodeBiblioBody('marc-in-json', json[i] as Uint8Array), `${file} #${i + 1} json`).toEqual([
            record,
          ]);
        });
      }
    });

    it('our MARCXML bodies are read back by MARC::File::XML and valid against MARC21slim.xsd', () => {
      const xsd = sharedPath('schemas', 'marc', 'MARC21slim.xsd');
      let validated = 0;
      for (const { file, records } of sets) {
        const bodies = records.map((r) => encodeBiblioBody('marcxml', r) as string);
        const back = split(runPeer('perl', ['-e', PERL_IMPORT], bodies.join('\0')));
        records.forEach((record, i) => {
          expect(decodeBiblioBody('marc-in-json', back[i] as Uint8Array), `${file} #${i + 1}`).toEqual([
            record,
          ]);
        });
        // xmllint once per file (first schema-conformant record): the writer is the same for all.
        const k = records.findIndex((r) => XSD_LEADER.test(r.leader));
        if (k >= 0) {
          runPeer('xmllint', ['--noout', '--schema', xsd, '-'], bodies[k]);
          validated++;
        }
      }
      expect(validated).toBeGreaterThanOrEqual(6);
    });
  },
);
