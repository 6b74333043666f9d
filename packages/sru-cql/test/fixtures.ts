// Small MARC records built in code, so server/client tests do not depend on file parsing.
import { controlField, createRecord, dataField, type MarcRecord } from '@bibwire/marcxml';

function book(
  id: string,
  year: string,
  title: string,
  author: string,
  subjects: string[],
  isbn: string,
): MarcRecord {
  return createRecord('00000nam a2200000 a 4500', [
    controlField('001', id),
    controlField('008', `000101s${year}    xxu           000 0 eng  `),
    dataField('020', ' ', ' ', [['a', isbn]]),
    dataField('100', '1', ' ', [['a', author]]),
    dataField('245', '1', '0', [['a', title]]),
    dataField('260', ' ', ' ', [
      ['b', 'Example Press,'],
      ['c', `${year}.`],
    ]),
    ...subjects.map((s) => dataField('650', ' ', '0', [['a', s]])),
  ]);
}

export const BOOKS: readonly MarcRecord[] = [
  book(
    'rec1',
    '1999',
    'Guide des récifs coralliens',
    'Ferrari, Andrea',
    ['Coral reefs', 'Marine fauna'],
    '2-603-01193-6',
  ),
  book('rec2', '2004', 'The fish and the frog', 'Smith, John', ['Fishes', 'Frogs'], '0-306-40615-2 (pbk.)'),
  book('rec3', '2010', 'Frogs of the world', 'Jones, Mary', ['Frogs'], '9780306406157'),
  book('rec4', '1987', 'Programming Perl', 'Wall, Larry', ['Perl (Computer program language)'], '0937175641'),
  book('rec5', '2000', 'Reefs and fishes', 'Smith, Anna', ['Coral reefs', 'Fishes'], '1565926994'),
];
