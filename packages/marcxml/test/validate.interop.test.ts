// Our MARC 21 findings against MARC::Lint 1.53's warnings, record by record: every MARC 21
// bibliographic sample file, the hand list of validate-corpus.ts, and generated defective records.
// Both sides get the same records: we build MARC::Record objects in Perl from the records our
// readers decoded (so MARC-8 files reach MARC::Lint as the same Unicode text we check).
// Findings are compared as multisets of "tag CLASS [detail] | message"; every deliberate
// difference is listed below with its reason.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../../testing/paths.js';
import { describeWithPeers, perlPeer, runPeer } from '../../../testing/peers.js';
import { detectFlavour } from '../src/flavour.js';
import { parseIso2709 } from '../src/iso2709/read.js';
import { type DataField, type Field, isControlField, type MarcRecord } from '../src/record.js';
import { readAllRecords } from '../src/stream/read.js';
import type { Finding } from '../src/validate/findings.js';
import { marc21BibRule } from '../src/validate/rules.js';
import { isbnOf, isbnProblem } from '../src/validate/standard-numbers.js';
import { validateRecord } from '../src/validate/validate.js';
import { defectiveRecord, LINT_CASES } from './validate-corpus.js';

// Prints one JSON line per record: MARC::Lint's warnings or its death. Records come as JSON lines
// on stdin, or from an ISO 2709 file named as the argument (read by MARC::File::USMARC).
const LINT_SCRIPT = String.raw`
use strict; use warnings; no warnings 'uninitialized';
use JSON::PP; use MARC::Record; use MARC::Field; use MARC::File::USMARC; use MARC::Lint;
binmode STDOUT, ':raw';
my $json = JSON::PP->new->utf8->canonical;
my $lint = MARC::Lint->new;
local $SIG{__WARN__} = sub {};
sub lint {
  my $r = shift;
  my $out = eval { $lint->check_record($r); 1 } ? { warnings => [$lint->warnings] } : { died => "$@" };
  print '@@', $json->encode($out), "\n";
}
if (@ARGV) {
  my $file = MARC::File::USMARC->in($ARGV[0]);
  while (my $r = $file->next) { lint($r) }
  exit 0;
}
while (my $line = <STDIN>) {
  chomp $line;
  my $in = $json->decode($line);
  my $r = MARC::Record->new;
  $r->leader($in->{leader});
  for my $f (@{$in->{fields}}) {
    $r->append_fields(exists $f->{value} ? MARC::Field->new($f->{tag}, $f->{value})
      : MARC::Field->new($f->{tag}, $f->{ind1}, $f->{ind2}, map { @$_ } @{$f->{subfields}}));
  }
  lint($r);
}`;

type LintResult = { warnings: string[] } | { died: string };

function runLint(records: readonly MarcRecord[]): LintResult[] {
  const input = records
    .map((r) =>
      JSON.stringify({
        leader: r.leader,
        fields: r.fields.map((f) =>
          isControlField(f) ? f : { ...f, subfields: f.subfields.map((s) => [s.code, s.value]) },
        ),
      }),
    )
    .join('\n');
  const results = lintOutput(runPeer('perl', ['-e', LINT_SCRIPT], `${input}\n`));
  expect(results).toHaveLength(records.length);
  return results;
}

/** MARC::Lint on the records MARC::File::USMARC reads from the file's bytes. */
function runLintOnFile(path: string): LintResult[] {
  return lintOutput(runPeer('perl', ['-e', LINT_SCRIPT, path]));
}

function lintOutput(out: Buffer): LintResult[] {
  return out
    .toString('utf8')
    .split('\n')
    .filter((l) => l.startsWith('@@'))
    .map((l) => JSON.parse(l.slice(2)) as LintResult);
}

/**
 * The fields MARC::Record can hold: a valid tag, control fields exactly at 001-009, data fields with
 * a subfield. Others are structure defects (MARC::File::USMARC drops or rejects them); both sides
 * get the record without them.
 */
function holdable(record: MarcRecord): MarcRecord {
  const ok = (f: Field) =>
    /^[0-9A-Za-z]{3}$/.test(f.tag) &&
    isControlField(f) === /^00[0-9]$/.test(f.tag) &&
    (isControlField(f) || f.subfields.length > 0);
  return { leader: record.leader, fields: record.fields.filter(ok) };
}

// ---- normalisation: MARC::Lint message → class ------------------------------------------------
const LINT_CLASSES: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^1XX: Only one 1XX tag/, () => '1XX MULTIPLE_1XX'],
  [/^(\d{3}): No \d{3} tag\.$/, (m) => `${m[1]} MISSING_FIELD`],
  [/^(...): Field is not repeatable\.$/s, (m) => `${m[1]} FIELD_NOT_REPEATABLE`],
  [/^(...): Indicator ([12]) must be /s, (m) => `${m[1]} INDICATOR_NOT_ALLOWED ${m[2]}`],
  [/^(...): Subfield _(.*) is not allowed\.$/s, (m) => `${m[1]} SUBFIELD_NOT_ALLOWED ${m[2]}`],
  [/^(...): Subfield _(.*) is not repeatable\.$/s, (m) => `${m[1]} SUBFIELD_NOT_REPEATABLE ${m[2]}`],
  [/^(...): Subfield _(.*) has an invalid control character$/s, (m) => `${m[1]} CONTROL_CHARACTER ${m[2]}`],
  [/^(...): Subfields are not allowed in fields lower than 010$/, (m) => `${m[1]} CONTROL_SUBFIELD`],
  [/^(880|245): (?:No subfield 6|Must have a subfield _a)\.$/, (m) => `${m[1]} MISSING_SUBFIELD`],
  [/^020: Subfield a may have invalid characters/, () => '020 ISBN_INVALID_CHARACTERS'],
  [/^020: Subfield a qualifier must be preceded by space/, () => '020 ISBN_QUALIFIER_SPACING'],
  [/^020: Subfield a has (?:the wrong number of digits|bad checksum)/, () => '020 INVALID_ISBN'],
  [/^020: {2}Subfield z is numerically valid/, () => '020 CANCELLED_ISBN_VALID'],
  [/^041: Subfield _(.) must be evenly divisible by 3/s, (m) => `041 LANGUAGE_CODE_LENGTH ${m[1]}`],
  [/^041: Subfield _(.), .*, may be obsolete\.$/s, (m) => `041 OBSOLETE_LANGUAGE_CODE ${m[1]}`],
  [/^041: Subfield _(.), .*, is not valid\.$/s, (m) => `041 INVALID_LANGUAGE_CODE ${m[1]}`],
  [/^043: Subfield _a must be exactly 7 characters/, () => '043 GEOGRAPHIC_CODE_LENGTH'],
  [/^043: Subfield _a, .*, may be obsolete\.$/s, () => '043 OBSOLETE_GEOGRAPHIC_CODE'],
  [/^043: Subfield _a, .*, is not valid\.$/s, () => '043 INVALID_GEOGRAPHIC_CODE'],
  [/^245: Must end with \. \(period\)\.$/, () => '245 FINAL_PUNCTUATION'],
  [/^245: MARC21 allows \? or ! as final punctuation/, () => '245 FINAL_PUNCTUATION_NOT_PERIOD'],
  [/^245: May have too few subfields\.$/, () => '245 TOO_FEW_SUBFIELDS'],
  [/^245: First subfield must be /, () => '245 SUBFIELD_ORDER 0'],
  [/^245: First subfield after subfield _6 must be _a/, () => '245 SUBFIELD_ORDER 1'],
  [/^245: Subfield _([bcnp]) (?:must|should) be preceded by /, (m) => `245 PRECEDING_PUNCTUATION ${m[1]}`],
  [/^245: Subfield _c initials should not have a space\.$/, () => '245 SPACED_INITIALS'],
  [/^245: Subfield _h should not be preceded by space\.$/, () => '245 SPACE_BEFORE_SUBFIELD h'],
  [/^245: Subfield _h must have matching square brackets/, () => '245 UNBRACKETED_MEDIUM'],
  [/^245: Non-filing indicator is non-numeric$/, () => '245 NONFILING_NOT_NUMERIC'],
  [/^245: First word, .*, may be an article/s, () => '245 NONFILING_ARTICLE'],
  [/^245: First word, .*, does not appear to be an article/s, () => '245 NONFILING_NOT_ARTICLE'],
];

function lintClass(message: string): string {
  for (const [re, key] of LINT_CLASSES) {
    const m = re.exec(message);
    if (m) return key(m);
  }
  return `UNKNOWN ${message}`;
}

// ---- normalisation: our finding → class -------------------------------------------------------
const STRUCTURE_CODES = new Set([
  'LEADER_LENGTH',
  'LEADER_VALUE',
  'INVALID_TAG',
  'CONTROL_FIELD_EXPECTED',
  'DATA_FIELD_EXPECTED',
  'INVALID_INDICATOR',
  'INVALID_SUBFIELD_CODE',
  'NO_SUBFIELDS',
  'EMPTY_SUBFIELD',
  'FIELD_TOO_LONG',
  'RECORD_TOO_LONG',
]);
const WITH_SUBFIELD_CODE = new Set([
  'SUBFIELD_NOT_ALLOWED',
  'SUBFIELD_NOT_REPEATABLE',
  'CONTROL_CHARACTER',
  'LANGUAGE_CODE_LENGTH',
  'OBSOLETE_LANGUAGE_CODE',
  'INVALID_LANGUAGE_CODE',
  'PRECEDING_PUNCTUATION',
  'SPACE_BEFORE_SUBFIELD',
]);

/** Our class for a finding, or undefined for a deliberate extra that MARC::Lint does not check. */
function ourClass(f: Finding, record: MarcRecord): string | undefined {
  const field = f.field === undefined ? undefined : record.fields[f.field];
  // Structure is not MARC::Lint's business (MARC::File::USMARC reports it while decoding) ...
  if (STRUCTURE_CODES.has(f.code)) return undefined;
  // ... except a delimiter inside a control field that has rules, which MARC::Lint reports.
  if (f.code === 'RESERVED_CHARACTER') {
    const lints =
      field && isControlField(field) && field.value.includes('\u001f') && marc21BibRule(field.tag);
    return lints ? `${f.tag} CONTROL_SUBFIELD` : undefined;
  }
  // Extras: 008 presence and length, ISSN check digits (not in MARC::Lint 1.53), and the
  // repeatability of tags MARC::Lint lists without rules (841, 842, 844: NR in MARC 21).
  if (f.tag === '008' && (f.code === 'MISSING_FIELD' || f.code === 'FIXED_FIELD_LENGTH')) return undefined;
  if (f.code === 'INVALID_ISSN') return undefined;
  if (
    f.tag === '020' &&
    field &&
    !isControlField(field) &&
    nonAsciiDigits(field.subfields[f.subfield ?? -1]?.value)
  )
    return undefined;
  if (f.code === 'FIELD_NOT_REPEATABLE' && marc21BibRule(f.tag ?? '')?.subfields === undefined)
    return undefined;
  if (f.code === 'MULTIPLE_1XX') return '1XX MULTIPLE_1XX';
  let detail = '';
  if (f.code === 'INDICATOR_NOT_ALLOWED') detail = ` ${f.indicator}`;
  if (f.code === 'SUBFIELD_ORDER') detail = ` ${f.subfield}`;
  if (WITH_SUBFIELD_CODE.has(f.code) && field && !isControlField(field) && f.subfield !== undefined) {
    detail = ` ${field.subfields[f.subfield]?.code}`;
  }
  return `${f.tag} ${f.code}${detail}`;
}

/**
 * MARC::Lint's warnings less those we deliberately do not give, each a MARC::Lint defect:
 * - 041 $2, $6 and $8 read as language codes (they hold a source code, a linkage, a field link);
 * - "245: Must have a subfield _a." when the first $a is "0" (Perl's false value);
 * - any 020 $a finding for a value with non-ASCII decimal digits (Perl's \d matches them, so
 *   MARC::Lint takes "٩٧٨…" for an ISBN whose check digit it then computes as 0); we say the ISBN
 *   has the wrong number of digits, and the 020 checks are not compared for such values;
 * - "880: Indicator 1 must be S, a, m or e" for an 880 whose $6 links to 880 (its table entry for
 *   880 reads the words "Same as associated field" as indicator values);
 * - "020: Subfield a has bad checksum" for a 10-digit ISBN whose check digit is right, because
 *   Business::ISBN also rejects group/publisher prefixes missing from its range table.
 */
function lintOnly(warnings: readonly string[], record: MarcRecord): string[] {
  // One "must have $a" per 245 (or 880 linked to 245) whose first $a is "0".
  let zeroA = record.fields.filter(
    (f) =>
      !isControlField(f) &&
      (f.tag === '245' ||
        (f.tag === '880' && f.subfields.find((s) => s.code === '6')?.value.startsWith('245'))) &&
      f.subfields.find((s) => s.code === 'a')?.value === '0',
  ).length;
  return warnings.filter((message) => {
    if (/^041: Subfield _[268](?:, | must be evenly)/.test(message)) return false;
    if (/^020: Subfield a /.test(message) && nonAsciiDigits(message)) return false;
    // An 880 linked to 880 meets the 880 entry's indicator text "Same as associated field".
    if (/^880: Indicator [12] must be S, a, m or e /.test(message)) return false;
    if (message === '245: Must have a subfield _a.' && zeroA > 0) {
      zeroA--;
      return false;
    }
    const checksum = /^020: Subfield a has bad checksum, (.*)\.$/s.exec(message);
    return !checksum || isbnProblem(checksum[1]!) !== undefined;
  });
}

/**
 * Records MARC::Lint cannot check, as it dies on them:
 * - check_020 ("Can't locate object method checksum") on a 020 $z that starts with "ISBN" or
 *   digits-hyphen and holds 10 characters after its clean-up: it calls
 *   Business::ISBN::is_valid_checksum as a function (Business::ISBN 3). We report the valid ones
 *   as CANCELLED_ISBN_VALID.
 * - check_record ("data() is only for control fields") on an 880 whose $6 links to 001-008. We
 *   check the repeatability of the linked tag only.
 */
const LINT_DEATHS: readonly [RegExp, (record: MarcRecord) => boolean][] = [
  [/checksum/, (record) => linkedFields(record, '020').some((f) => f.subfields.some(cancelledIsbnShape))],
  [/data\(\) is only for control fields/, (record) => linkedFields(record, '00[1-8]').length > 0],
];

function cancelledIsbnShape(s: { code: string; value: string }): boolean {
  return (
    s.code === 'z' &&
    (/^ISBN/.test(s.value) || /^[0-9]*-[0-9]/.test(s.value)) &&
    [...isbnOf(s.value)].length === 10
  );
}

/** Data fields with this tag, or 880s whose $6 links to it. */
function linkedFields(record: MarcRecord, tag: string): DataField[] {
  const re = new RegExp(`^${tag}`);
  return record.fields.filter(
    (f): f is DataField =>
      !isControlField(f) &&
      (re.test(f.tag) ||
        (f.tag === '880' && re.test(f.subfields.find((s) => s.code === '6')?.value.slice(0, 3) ?? ''))),
  );
}

function nonAsciiDigits(value: string | undefined): boolean {
  return value !== undefined && /(?![0-9])\p{Nd}/u.test(value);
}

/**
 * Messages are compared word for word except where ours are reworded on purpose: MARC::Lint prints
 * the code instead of the value for an unbracketed 245 $h, " or 7" for a single allowed indicator
 * value, "First word, , en," with a stray comma, and another wording for a delimiter in a control
 * field (ours is a structure finding).
 */
function wording(key: string, message: string): string {
  const reworded =
    /^\S+ (UNBRACKETED_MEDIUM|CONTROL_SUBFIELD|CANCELLED_ISBN_VALID)/.test(key) ||
    /Indicator [12] must be (?: or )?[^ ,]+ but/.test(message) ||
    /First word, (?:, )?en, /.test(message);
  return reworded ? key : `${key} | ${message}`;
}

const sorted = (a: readonly string[]) => [...a].sort();

interface Comparison {
  readonly ours: string[];
  readonly theirs: string[];
  readonly died?: string;
}

function compare(records: readonly MarcRecord[], lint = runLint(records)): Comparison[] {
  return records.map((record, i) => {
    const result = lint[i]!;
    const ours = validateRecord(record, { flavour: 'marc21' }).flatMap((f) => {
      const key = ourClass(f, record);
      return key === undefined ? [] : [wording(key, f.message)];
    });
    if ('died' in result) return { ours: sorted(ours), theirs: [], died: result.died };
    const theirs = lintOnly(result.warnings, record).map((w) => wording(lintClass(w), w));
    return { ours: sorted(ours), theirs: sorted(theirs) };
  });
}

/** Totals over the sample files, so that agreement there is known not to be vacuous. */
const sampleTotals = { records: 0, warnings: 0 };

function expectAgreement(
  records: readonly MarcRecord[],
  names: readonly string[],
  lint?: LintResult[],
): number {
  let died = 0;
  compare(records, lint).forEach((c, i) => {
    sampleTotals.records++;
    sampleTotals.warnings += c.theirs.length;
    if (c.died !== undefined) {
      const known = LINT_DEATHS.find(([message]) => message.test(c.died ?? ''));
      expect(known?.[1](records[i]!), `${names[i]}: MARC::Lint died: ${c.died}`).toBe(true);
      died++;
      return;
    }
    expect({ record: names[i], findings: c.ours }).toEqual({ record: names[i], findings: c.theirs });
  });
  return died;
}

const MARC_DIR = sharedPath('data', 'marc');
const SAMPLE_DIRS = ['iso2709-marc21', 'marc8', 'marcxml', 'json', 'mnemonic', 'broken'];

async function sampleRecords(rel: string): Promise<MarcRecord[]> {
  const bytes = readFileSync(join(MARC_DIR, rel));
  // Lenient reading: the broken files are in scope as far as our readers recover records.
  try {
    return /\.(mrc|marc|usmarc|dat)$|\/x\d+$/.test(rel)
      ? parseIso2709(bytes, { onProblem: () => {}, toUtf8: true })
      : await readAllRecords(bytes, { onProblem: () => {} });
  } catch {
    return [];
  }
}

describeWithPeers(
  'validateRecord equals MARC::Lint 1.53',
  [perlPeer('MARC::Lint'), perlPeer('MARC::Record')],
  () => {
    describe('on every MARC 21 bibliographic sample file', () => {
      const files = SAMPLE_DIRS.flatMap((d) =>
        readdirSync(join(MARC_DIR, d))
          .filter((f) => !/\.(txt|md)$/.test(f))
          .map((f) => `${d}/${f}`),
      );
      it('covers the sample files', () => {
        expect(files.length).toBeGreaterThan(40);
      });
      for (const rel of files) {
        it(rel, async () => {
          const records = (await sampleRecords(rel))
            .filter((r) => detectFlavour(r) === 'marc21')
            .map(holdable);
          if (records.length === 0) return; // UNIMARC, or nothing our readers recover
          expectAgreement(
            records,
            records.map((_, i) => `${rel} #${i + 1}`),
          );
        });
      }

      // The same bytes to both: our ISO 2709 reader against MARC::File::USMARC, on the UTF-8 files
      // (MARC::Lint reads MARC-8 records as bytes, where Perl's \w knows no letter above 0x7F).
      for (const rel of files.filter((f) => f.startsWith('iso2709-marc21/'))) {
        it(`${rel}, decoded by MARC::File::USMARC`, () => {
          const records = parseIso2709(readFileSync(join(MARC_DIR, rel)), { onProblem: () => {} });
          if (!records.every((r) => r.leader[9] === 'a' && detectFlavour(r) === 'marc21')) return;
          expectAgreement(
            records.map(holdable),
            records.map((_, i) => `${rel} #${i + 1} (bytes)`),
            runLintOnFile(join(MARC_DIR, rel)),
          );
        });
      }
    });

    it('compared many records and warnings on the sample files', () => {
      expect(sampleTotals.records).toBeGreaterThan(350);
      expect(sampleTotals.warnings).toBeGreaterThan(600);
    });

    it('uses tables generated from the installed MARC::Lint (scripts/gen-marc-lint-data.mjs)', () => {
      const perlPath = (module: string) =>
        runPeer('perl', [`-M${module}`, '-e', `print $INC{"${module.replaceAll('::', '/')}.pm"}`]).toString(
          'utf8',
        );
      const out = mkdtempSync(join(tmpdir(), 'marc-lint-data-'));
      try {
        const script = fileURLToPath(new URL('../scripts/gen-marc-lint-data.mjs', import.meta.url));
        runPeer(process.execPath, [script, perlPath('MARC::Lint'), perlPath('MARC::Lint::CodeData'), out]);
        for (const name of ['marc21-bib-rules.ts', 'code-lists.ts']) {
          const committed = readFileSync(new URL(`../src/validate/${name}`, import.meta.url), 'utf8');
          expect(readFileSync(join(out, name), 'utf8'), name).toBe(committed);
        }
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });

    it('on the hand list (one or more cases per rule)', () => {
      const died = expectAgreement(
        LINT_CASES.map((c) => c.record),
        LINT_CASES.map((c) => c.name),
      );
      expect(died).toBe(2); // '$z hyphenated valid ISBN', '880 linked to 008'
    });

    it('on 500 generated defective records (fixed seed)', () => {
      const records = fc.sample(defectiveRecord, { numRuns: 500, seed: 5 });
      const comparisons = compare(records);
      // The generator reaches most classes on both sides, so agreement is not vacuous.
      const classes = new Set(
        comparisons.flatMap((c) => c.theirs.map((k) => k.split(' ').slice(0, 2).join(' '))),
      );
      expect(classes.size).toBeGreaterThan(25);
      expectAgreement(
        records,
        records.map((_, i) => `generated #${i}`),
      );
    });
  },
);
