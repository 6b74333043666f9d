// The demo catalogue: real, openly licensed records shipped in data/ (see data/SOURCES.md) plus
// generated ones, each given a control number, a 005 datestamp and Koha-style 952 item fields
// (barcode $p, home branch $a, call number $o). The same items and a few patrons feed the SIP2 ILS.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  controlField,
  createRecord,
  dataField,
  detectFlavour,
  type Field,
  getTitle,
  isControlField,
  type MarcRecord,
  parseIso2709,
} from '@bibwire/marcxml';
import type { IlsData } from '@bibwire/sip2/server';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'data');

export interface DemoItem {
  readonly barcode: string;
  readonly recordId: string;
  readonly title: string;
  readonly branch: string;
  readonly callNumber: string;
}

export interface DemoPatron {
  readonly cardnumber: string;
  readonly name: string;
  readonly pin: string;
  readonly branch: string;
}

export interface Catalogue {
  readonly records: MarcRecord[];
  readonly items: DemoItem[];
  readonly patrons: DemoPatron[];
  readonly ilsData: IlsData;
}

export const PATRONS: readonly DemoPatron[] = [
  { cardnumber: '23529000000011', name: 'Ada Lovelace', pin: '1234', branch: 'MAIN' },
  { cardnumber: '23529000000029', name: 'Alan Turing', pin: '2345', branch: 'MAIN' },
  { cardnumber: '23529000000037', name: 'Grace Hopper', pin: '3456', branch: 'EAST' },
  { cardnumber: '23529000000045', name: 'Émilie du Châtelet', pin: '4567', branch: 'EAST' },
  { cardnumber: '23529000000052', name: 'Katherine Johnson', pin: '5678', branch: 'MAIN' },
];

// A small deterministic generator (mulberry32) so every run serves the same catalogue.
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ADJECTIVES = [
  'Silent',
  'Hidden',
  'Northern',
  'Lost',
  'Painted',
  'Quiet',
  'Distant',
  'Golden',
  'Broken',
  'Secret',
  'Winter',
  'Amber',
];
const NOUNS = [
  'Atlas',
  'Garden',
  'Harbour',
  'Library',
  'River',
  'Lantern',
  'Archive',
  'Orchard',
  'Compass',
  'Island',
  'Bridge',
  'Map',
];
const TOPICS = [
  'Cartography',
  'Botany',
  'Navigation',
  'Libraries',
  'Rivers',
  'Astronomy',
  'Bookbinding',
  'Typography',
  'Weather',
  'Folklore',
];
const GIVEN = [
  'Maria',
  'Jonas',
  'Aiko',
  'Samuel',
  'Ingrid',
  'Tomás',
  'Leila',
  'Oskar',
  'Nadia',
  'Pieter',
  'Zofia',
  'Kwame',
];
const FAMILY = [
  'Varga',
  'Lindqvist',
  'Okafor',
  'Moreau',
  'Tanaka',
  'Kowalski',
  'Haddad',
  'Novak',
  'Brennan',
  'Silva',
  'Ito',
  'Fischer',
];

function isbn13(body12: string): string {
  const sum = [...body12].reduce((s, d, i) => s + Number(d) * (i % 2 ? 3 : 1), 0);
  return body12 + ((10 - (sum % 10)) % 10);
}

function generated(count: number): MarcRecord[] {
  const rnd = random(20261123);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const title = `The ${pick(ADJECTIVES)} ${pick(NOUNS)}`;
    const subtitle = `${pick(['a history of', 'notes on', 'an essay on', 'stories of'])} ${pick(TOPICS).toLowerCase()}`;
    const author = `${pick(FAMILY)}, ${pick(GIVEN)}`;
    const year = 1950 + Math.floor(rnd() * 75);
    const subjects = [pick(TOPICS), pick(TOPICS)].filter((s, j, a) => a.indexOf(s) === j);
    const isbn = isbn13(`978${String(100000000 + i * 7919).slice(0, 9)}`);
    return createRecord('00000nam a2200000 a 4500', [
      controlField('008', `261123s${year}    xx            000 0 eng d`),
      dataField('020', ' ', ' ', [['a', isbn]]),
      dataField('100', '1', ' ', [['a', `${author}.`]]),
      dataField('245', '1', '4', [
        ['a', `${title} :`],
        ['b', `${subtitle} /`],
        ['c', `${author.split(', ').reverse().join(' ')}.`],
      ]),
      dataField('264', ' ', '1', [
        ['a', 'Springfield :'],
        ['b', 'Bibwire Press,'],
        ['c', `${year}.`],
      ]),
      dataField('300', ' ', ' ', [
        ['a', `${100 + Math.floor(rnd() * 400)} pages ;`],
        ['c', '24 cm'],
      ]),
      ...subjects.map((s) => dataField('650', ' ', '0', [['a', `${s}.`]])),
    ]);
  });
}

/** Loads the shipped records, adds the generated ones, and numbers everything for the demo. */
export function loadCatalogue(generatedCount = 224): Catalogue {
  const real = readdirSync(dataDir)
    .filter((f) => /\.(mrc|usmarc)$/.test(f))
    .sort()
    .flatMap((f) => parseIso2709(readFileSync(join(dataDir, f))));
  const records: MarcRecord[] = [];
  const items: DemoItem[] = [];
  const branches = ['MAIN', 'EAST'];
  [...real, ...generated(generatedCount)].forEach((source, index) => {
    const id = `bw${String(index + 1).padStart(6, '0')}`;
    const flavour = detectFlavour(source);
    const title = getTitle(source, flavour) ?? `Record ${id}`;
    // Keep the source's own number in 035; 001 becomes the demo id (SRU rec.id, OAI identifier).
    const own = source.fields.find((f) => f.tag === '001');
    const fields: Field[] = source.fields.filter(
      (f) => f.tag !== '001' && f.tag !== '005' && f.tag !== '952' && f.tag !== '995',
    );
    const copies = 1 + (index % 3 === 0 ? 1 : 0);
    const itemFields = Array.from({ length: copies }, (_, c) => {
      const barcode = `39${String(index + 1).padStart(6, '0')}${c}`;
      const branch = branches[(index + c) % 2]!;
      const callNumber = `DEMO ${String(index + 1).padStart(4, '0')}`;
      items.push({ barcode, recordId: id, title, branch, callNumber });
      const tag = flavour === 'unimarc' ? '995' : '952';
      return dataField(tag, ' ', ' ', [
        ['a', branch],
        ['b', branch],
        ['o', callNumber],
        ['p', barcode],
        ['y', 'BK'],
      ]);
    });
    const stamp = `2026${String(1 + (index % 12)).padStart(2, '0')}${String(1 + (index % 28)).padStart(2, '0')}120000.0`;
    records.push({
      leader: source.leader,
      fields: [
        controlField('001', id),
        controlField('005', stamp),
        ...(own && isControlField(own) ? [dataField('035', ' ', ' ', [['a', own.value]])] : []),
        ...fields,
        ...itemFields,
      ],
    });
  });
  const ilsData: IlsData = {
    institutionId: 'MAIN',
    rules: { loanDays: 21, maxRenewals: 3, finePerDay: 0.1, maxFine: 5, feeLimit: 10, currency: 'USD' },
    patrons: PATRONS.map((p) => ({ id: p.cardnumber, name: p.name, password: p.pin, homeLibrary: p.branch })),
    items: items.map((i) => ({
      id: i.barcode,
      title: i.title.replace(/[|\r\n]/g, ' ').slice(0, 200),
      titleId: i.recordId,
      callNumber: i.callNumber,
      permanentLocation: i.branch,
      mediaType: '001',
    })),
  };
  return { records, items, patrons: [...PATRONS], ilsData };
}
