import { describe, expect, it } from 'vitest';
import {
  cloneRecord,
  controlField,
  createRecord,
  dataField,
  detectFlavour,
  getAuthors,
  getControlValue,
  getDataFields,
  getField,
  getFields,
  getFirstValue,
  getIsbns,
  getIssns,
  getLanguage,
  getPublicationDate,
  getPublisher,
  getSubfield,
  getSubfields,
  getSubjects,
  getTitle,
  type MarcRecord,
  parseIso2709,
  recordsEqual,
} from '../src/index.js';
import { sample } from './helpers.js';

const summerland = parseIso2709(sample('iso2709-marc21', 'marc4j-summerland.mrc'))[0] as MarcRecord;
const unimarc = parseIso2709(sample('unimarc', 'marcjs-bib.mrc'))[0] as MarcRecord;
const issns = parseIso2709(sample('unimarc', 'xbib-issns.mrc'));

describe('accessors and builders', () => {
  const r = createRecord(undefined, [
    controlField('001', 'id1'),
    dataField('245', '1', '0', [
      ['a', 'Title :'],
      ['b', 'sub /'],
    ]),
    dataField('650', ' ', '0', [{ code: 'a', value: 'Cats' }]),
    dataField('651', ' ', '0', [['a', 'Paris']]),
  ]);

  it('finds fields by tag, X/. pattern and RegExp', () => {
    expect(getFields(r, '6XX').map((f) => f.tag)).toEqual(['650', '651']);
    expect(getFields(r, '65.').length).toBe(2);
    expect(getDataFields(r, /^2/).map((f) => f.tag)).toEqual(['245']);
    expect(getField(r, '001')).toEqual({ tag: '001', value: 'id1' });
    expect(getControlValue(r, '001')).toBe('id1');
    expect(getControlValue(r, '003')).toBeUndefined();
  });

  it('reads subfields', () => {
    const f = getDataFields(r, '245')[0];
    expect(f && getSubfield(f, 'b')).toBe('sub /');
    expect(f && getSubfields(f)).toEqual(['Title :', 'sub /']);
    expect(f && getSubfields(f, 'b')).toEqual(['sub /']);
    expect(getFirstValue(r, '6..', 'a')).toBe('Cats');
  });

  it('clones deeply and compares', () => {
    const c = cloneRecord(r);
    expect(recordsEqual(c, r)).toBe(true);
    (c.fields[1] as { subfields: { value: string }[] }).subfields[0] = { code: 'a', value: 'other' } as never;
    expect(recordsEqual(c, r)).toBe(false);
    expect(getFirstValue(r, '245', 'a')).toBe('Title :');
  });
});

describe('flavour helpers', () => {
  it('detects MARC 21 and UNIMARC on the samples', () => {
    expect(detectFlavour(summerland)).toBe('marc21');
    expect(detectFlavour(unimarc)).toBe('unimarc');
    expect(issns.map(detectFlavour)).toEqual(['unimarc', 'unimarc', 'unimarc']);
  });

  it('MARC 21: title, ISBN, authors, publisher, date, language, subjects', () => {
    expect(getTitle(summerland)).toBe('Summerland');
    expect(getIsbns(summerland)).toEqual(['0786808772', '0786816155']);
    expect(getAuthors(summerland)).toEqual(['Chabon, Michael']);
    expect(getPublisher(summerland)).toBe('Miramax Books/Hyperion Books for Children');
    expect(getPublicationDate(summerland)).toBe('c2002');
    expect(getLanguage(summerland)).toBe('eng');
    expect(getSubjects(summerland)).toContain('Fantasy');
  });

  it('UNIMARC: 200, 700/701/702 with $b, 210, 101, 011', () => {
    expect(getTitle(unimarc)).toMatch(/^Greek printing types/);
    expect(getAuthors(unimarc)).toEqual(['Kenyon, Frederic George']);
    expect(getPublicationDate(unimarc)).toMatch(/^1927/);
    expect(getLanguage(unimarc)).toBe('eng');
    expect(issns.flatMap((x) => getIssns(x)).length).toBeGreaterThan(0);
    expect(getTitle(unimarc, 'marc21')).toBeUndefined();
  });
});
