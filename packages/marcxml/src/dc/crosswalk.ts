// MARC → Dublin Core following LoC's MARC21slim2OAIDC (the copy Koha ships) and Koha's
// UNIMARCslim2OAIDC. Rules run in the stylesheets' order, so the entry list is also the oai_dc order.
import { detectFlavour, type MarcFlavour } from '../flavour.js';
import { type DataField, isControlField, isDataField, type MarcRecord } from '../record.js';

export const DC_ELEMENTS = [
  'title',
  'creator',
  'subject',
  'description',
  'publisher',
  'contributor',
  'date',
  'type',
  'format',
  'identifier',
  'source',
  'language',
  'relation',
  'coverage',
  'rights',
] as const;

export type DcElement = (typeof DC_ELEMENTS)[number];

/** Every DC element, each with its values in stylesheet order (empty array when none). */
export type DublinCore = Record<DcElement, string[]>;

export interface DublinCoreOptions {
  /** Default: detected from the record (`detectFlavour`). */
  flavour?: MarcFlavour;
  /**
   * `'clean'` (default): the stylesheets' mapping with values trimmed, subfields joined by one
   * space, no empty elements, no 520/521 counted twice, and the UNIMARC 995 rule done as intended.
   * `'koha'`: what Koha's OAI server emits, quirks included (empty `type`/`language`, 520/521
   * twice, `LOC:` alone, the `http://opac.mylibrary.org/bib/` placeholder, `type="original"`,
   * the role-label typos); equal to xsltproc's output after per-element whitespace normalisation.
   */
  compat?: 'clean' | 'koha';
  /** UNIMARC 090 $a becomes `opacBaseUrl + $a` (clean mode: omitted unless set). */
  opacBaseUrl?: string;
  /** UNIMARC 995 $c branch codes → names for `LOC:` identifiers (default: Koha's MAIN/BIB2 examples). */
  branches?: Readonly<Record<string, string>>;
}

export interface DcEntry {
  readonly element: DcElement;
  readonly value: string;
  /** Only `type="original"` on the 530 relation in Koha mode. */
  readonly attributes?: Readonly<Record<string, string>>;
}

const KOHA_OPAC_PLACEHOLDER = 'http://opac.mylibrary.org/bib/';
const KOHA_BRANCHES: Readonly<Record<string, string>> = { MAIN: 'Main Branch', BIB2: 'Library 2' };

/** MARC record → Dublin Core element arrays. */
export function toDublinCore(record: MarcRecord, options: DublinCoreOptions = {}): DublinCore {
  const dc = Object.fromEntries(DC_ELEMENTS.map((e) => [e, [] as string[]])) as DublinCore;
  for (const entry of dublinCoreEntries(record, options)) dc[entry.element].push(entry.value);
  return dc;
}

/** The crosswalk as an ordered list of elements (what the oai_dc serializer writes). */
export function dublinCoreEntries(record: MarcRecord, options: DublinCoreOptions = {}): DcEntry[] {
  const flavour = options.flavour ?? detectFlavour(record);
  const koha = options.compat === 'koha';
  const out: DcEntry[] = [];
  const add = (element: DcElement, value: string, attributes?: Record<string, string>): void => {
    const v = koha ? value : value.trim();
    if (!koha && v === '') return;
    out.push(attributes ? { element, value: v, attributes } : { element, value: v });
  };
  if (flavour === 'unimarc') unimarcRules(record, options, koha, add);
  else marc21Rules(record, koha, add);
  return out;
}

type Add = (element: DcElement, value: string, attributes?: Record<string, string>) => void;

function marc21Rules(record: MarcRecord, koha: boolean, add: Add): void {
  const leader = record.leader;
  const l6 = leader.charAt(6);
  const l7 = leader.charAt(7);
  const field008 = record.fields.find((f) => f.tag === '008' && isControlField(f));
  const fields = dataFields(record);
  const tagged = (...tags: string[]): DataField[] => fields.filter((f) => tags.includes(f.tag));

  for (const f of tagged('245')) add('title', select(f, 'abfghk'));
  for (const f of tagged('100', '110', '111', '700', '710', '711', '720')) add('creator', allText(f));
  const typeParts = [
    l7 === 'c' ? 'collection' : '',
    'dfpt'.includes(l6) && l6 !== '' ? 'manuscript' : '',
    MARC21_TYPE[l6] ?? '',
  ];
  if (koha) add('type', typeParts.join(''));
  else for (const t of typeParts) add('type', t);
  for (const f of tagged('655')) add('type', allText(f));
  for (const f of tagged('260')) add('publisher', select(f, 'ab'));
  for (const f of tagged('260')) for (const c of values(f, 'c')) add('date', c);
  const lang = field008 && isControlField(field008) ? field008.value.slice(35, 38) : '';
  if (koha || /^[a-z]{3}$/i.test(lang)) add('language', lang);
  for (const f of tagged('856')) for (const q of values(f, 'q')) add('format', q);
  for (const f of tagged('520')) add('description', first(f, 'a'));
  for (const f of tagged('521')) add('description', first(f, 'a'));
  for (const f of fields) {
    const n = numericTag(f.tag);
    if (n === undefined || n <= 500 || n > 599 || [506, 530, 540, 546].includes(n)) continue;
    if (!koha && (n === 520 || n === 521)) continue; // already mapped above
    add('description', first(f, 'a'));
  }
  for (const tag of ['600', '610', '611', '630', '650', '653']) {
    for (const f of tagged(tag)) add('subject', select(f, 'abcdq'));
  }
  for (const f of tagged('752')) add('coverage', select(f, 'abcd'));
  for (const f of tagged('530')) add('relation', select(f, 'abcdu'), koha ? { type: 'original' } : undefined);
  const links = [
    '760',
    '762',
    '765',
    '767',
    '770',
    '772',
    '773',
    '774',
    '775',
    '776',
    '777',
    '780',
    '785',
    '786',
    '787',
  ];
  for (const f of tagged(...links)) add('relation', select(f, 'ot'));
  for (const f of tagged('856')) add('identifier', first(f, 'u'));
  for (const f of tagged('020')) prefixed(add, 'identifier', 'URN:ISBN:', first(f, 'a'), koha);
  for (const f of tagged('506')) add('rights', first(f, 'a'));
  for (const f of tagged('540')) add('rights', first(f, 'a'));
}

const MARC21_TYPE: Readonly<Record<string, string>> = {
  a: 'text',
  t: 'text',
  e: 'cartographic',
  f: 'cartographic',
  c: 'notated music',
  d: 'notated music',
  i: 'sound recording',
  j: 'sound recording',
  k: 'still image',
  g: 'moving image',
  r: 'three dimensional object',
  m: 'software, multimedia',
  p: 'mixed material',
};

/** UNIMARC $4 relator codes → the French role labels Koha appends (first match in this order wins). */
const UNIMARC_ROLES: ReadonlyArray<readonly [string, string, string?]> = [
  ['010', 'adaptateur'],
  ['020', 'annotateur', 'annotatateur'],
  ['075', 'postfacier'],
  ['080', 'préfacier'],
  ['100', 'auteur œuvre adapté'],
  ['205', 'collaborateur'],
  ['212', 'commentaire'],
  ['220', 'compilateur'],
  ['230', 'compositeur'],
  ['245', 'concepteur'],
  ['295', 'donneur de grades'],
  ['340', 'éditeur scientifique'],
  ['370', 'réalisateur'],
  ['395', 'fondateur'],
  ['440', 'illustrateur'],
  ['520', 'parolier'],
  ['557', 'organisateur congrès'],
  ['570', 'autre'],
  ['573', 'diffuseur'],
  ['574', 'présentateur'],
  ['575', 'responsable'],
  ['600', 'photographe'],
  ['605', 'présentateur'],
  ['650', 'éditeur'],
  ['651', 'directeur de la publication'],
  ['673', 'directeur'],
  ['675', 'critique'],
  ['710', 'rédacteur'],
  ['723', 'commanditaire', 'commenditaire'],
  ['727', 'directeur de thèse'],
  ['730', 'traducteur'],
];

function unimarcRules(record: MarcRecord, options: DublinCoreOptions, koha: boolean, add: Add): void {
  const fields = dataFields(record);
  const tagged = (...tags: string[]): DataField[] => fields.filter((f) => tags.includes(f.tag));

  for (const f of tagged('200')) add('title', select(f, 'a'));
  for (const f of tagged('700', '701', '702', '710', '711', '712')) {
    let name = first(f, 'a');
    if (f.subfields.some((s) => s.code === 'b')) name += `, ${first(f, 'b')}`;
    const relators = values(f, '4');
    const role = UNIMARC_ROLES.find(([code]) => relators.includes(code));
    if (role) name += `, ${koha ? (role[2] ?? role[1]) : role[1]}`;
    add('creator', name);
  }
  const gmd = tagged('200').flatMap((f) => values(f, 'b'))[0] ?? '';
  add('type', gmd);
  for (const f of tagged('210')) for (const c of values(f, 'c')) add('publisher', c);
  for (const f of tagged('210')) for (const d of values(f, 'd')) add('date', d);
  for (const f of tagged('101')) for (const a of values(f, 'a')) add('language', a);
  for (const f of tagged('856')) for (const q of values(f, 'q')) add('format', q);
  for (const f of tagged('520')) add('description', first(f, 'a'));
  for (const f of tagged('521')) add('description', first(f, 'a'));
  for (const f of fields) {
    const n = numericTag(f.tag);
    if (n !== undefined && n > 300 && n <= 345) add('description', first(f, 'a'));
  }
  for (const f of tagged('600', '601', '602', '604', '605', '606')) add('subject', select(f, 'abcdq'));
  for (const f of tagged('752')) add('coverage', select(f, 'abcd'));
  for (const f of tagged('530')) add('relation', select(f, 'abcdu'), koha ? { type: 'original' } : undefined);
  for (const f of tagged('461', '464')) add('relation', select(f, 't'));
  for (const f of tagged('856')) add('identifier', first(f, 'u'));
  for (const f of tagged('010')) prefixed(add, 'identifier', 'URN:ISBN:', first(f, 'a'), koha);
  for (const f of tagged('011')) prefixed(add, 'identifier', 'URN:ISSN:', first(f, 'a'), koha);
  const opac = options.opacBaseUrl ?? (koha ? KOHA_OPAC_PLACEHOLDER : undefined);
  if (opac !== undefined)
    for (const f of tagged('090')) prefixed(add, 'identifier', opac, first(f, 'a'), koha);
  const branches = options.branches ?? KOHA_BRANCHES;
  for (const f of tagged('995')) {
    const code = first(f, 'c');
    const branch = branches[code] ?? (koha ? '' : code);
    // Koha's stylesheet spells xsl:for-each as xsl:foreach, so the $k part never appears there.
    const shelf = koha
      ? ''
      : values(f, 'k')
          .map((k) => `:${k}`)
          .join('');
    if (!koha && branch === '' && shelf === '') continue;
    add('identifier', `LOC:${branch}${shelf}`);
  }
}

function dataFields(record: MarcRecord): DataField[] {
  return record.fields.filter(isDataField);
}

function values(f: DataField, code: string): string[] {
  return f.subfields.filter((s) => s.code === code).map((s) => s.value);
}

/** XSLT `value-of` on a node set: the first matching subfield, or ''. */
function first(f: DataField, code: string): string {
  return f.subfields.find((s) => s.code === code)?.value ?? '';
}

/** MARC21slimUtils `subfieldSelect`: listed subfields in record order, joined by one space. */
function select(f: DataField, codes: string): string {
  return f.subfields
    .filter((s) => codes.includes(s.code))
    .map((s) => s.value)
    .join(' ');
}

/** A data field's whole text (the stylesheet's string value, with subfields separated by a space). */
function allText(f: DataField): string {
  return f.subfields.map((s) => s.value).join(' ');
}

function prefixed(add: Add, element: DcElement, prefix: string, value: string, koha: boolean): void {
  if (!koha && value.trim() === '') return;
  add(element, prefix + (koha ? value : value.trim()));
}

function numericTag(tag: string): number | undefined {
  return /^[0-9]{3}$/.test(tag) ? Number(tag) : undefined;
}
