// Requests that exercise every verb and every error the protocol defines, and a MARC provider.
import { readFileSync } from 'node:fs';
import {
  createMarcRepository,
  createOaiHandler,
  kohaDefaultFormats,
  type MarcEntry,
  type OaiProviderOptions,
  parseMarcBytes,
} from '@bibwire/oai-pmh/server';
import { sharedPath } from '../../../testing/paths.js';
import { dcFormat, makeHandler, sampleItems } from './fixtures.js';

export const QUERIES: readonly string[] = [
  'verb=Identify',
  'verb=ListMetadataFormats',
  'verb=ListMetadataFormats&identifier=oai:example.org:1',
  'verb=ListSets',
  'verb=GetRecord&identifier=oai:example.org:1&metadataPrefix=oai_dc',
  'verb=GetRecord&identifier=oai:example.org:7&metadataPrefix=oai_dc',
  'verb=ListIdentifiers&metadataPrefix=oai_dc',
  'verb=ListIdentifiers&metadataPrefix=oai_dc&set=books&from=2020-01-02&until=2020-01-05',
  'verb=ListRecords&metadataPrefix=oai_dc',
  'verb=ListRecords&metadataPrefix=oai_dc&set=maps',
  // errors
  '',
  'verb=Nope',
  'verb=Identify&verb=Identify',
  'verb=Identify&extra=1',
  'verb=ListRecords',
  'verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01&until=2020-01-02T00:00:00Z',
  'verb=ListRecords&resumptionToken=forged',
  'verb=ListIdentifiers&resumptionToken=forged',
  'verb=ListSets&resumptionToken=forged',
  'verb=ListRecords&metadataPrefix=unknown',
  'verb=GetRecord&identifier=missing&metadataPrefix=oai_dc',
  'verb=GetRecord&identifier=missing&metadataPrefix=unknown',
  'verb=ListMetadataFormats&identifier=missing',
  'verb=ListRecords&metadataPrefix=oai_dc&from=2031-01-01',
  'verb=ListRecords&metadataPrefix=oai_dc&set=nothing',
];

export { dcFormat, makeHandler, sampleItems };

/** A provider over real MARC records (marc4j chabon + summerland, perl camel) with Koha's formats. */
export async function marcHandler(extra: Partial<OaiProviderOptions<MarcEntry>> = {}) {
  const records = [
    ...parseMarcBytes(readFileSync(sharedPath('data', 'marc', 'iso2709-marc21', 'marc4j-chabon.mrc'))),
    ...parseMarcBytes(readFileSync(sharedPath('data', 'marc', 'iso2709-marc21', 'perl-camel.usmarc'))),
    ...parseMarcBytes(readFileSync(sharedPath('data', 'marc', 'marcxml', 'marc4j-summerland.xml'))),
  ];
  const repository = createMarcRepository(records, {
    repositoryIdentifier: 'example.org',
    setMappings: [
      {
        setSpec: 'perl',
        setName: 'Perl books',
        rules: [{ tag: '650', subfield: 'a', value: 'Perl (Computer program language)' }],
      },
    ],
    defaultDatestamp: Date.UTC(2020, 0, 1),
  });
  return createOaiHandler<MarcEntry>({
    repository,
    formats: kohaDefaultFormats(),
    repositoryName: 'MARC test repository',
    adminEmails: ['admin@example.org'],
    deletedRecord: 'persistent',
    pageSize: 5,
    tokenSecret: 'marc secret',
    repositoryIdentifier: 'example.org',
    ...extra,
  });
}
