// Lookups in the MARC code lists MARC::Lint uses for 041 and 043 (generated into code-lists.ts).
import {
  GEOGRAPHIC_AREA_CODES,
  LANGUAGE_CODES,
  OBSOLETE_GEOGRAPHIC_AREA_CODES,
  OBSOLETE_LANGUAGE_CODES,
} from './code-lists.js';

export type CodeStatus = 'valid' | 'obsolete' | 'invalid';

interface CodeList {
  readonly current: ReadonlySet<string>;
  readonly obsolete: ReadonlySet<string>;
}

let languages: CodeList | undefined;
let areas: CodeList | undefined;

export function languageCodeStatus(code: string): CodeStatus {
  languages ??= { current: set(LANGUAGE_CODES), obsolete: set(OBSOLETE_LANGUAGE_CODES) };
  return status(languages, code);
}

export function geographicAreaCodeStatus(code: string): CodeStatus {
  areas ??= { current: set(GEOGRAPHIC_AREA_CODES), obsolete: set(OBSOLETE_GEOGRAPHIC_AREA_CODES) };
  return status(areas, code);
}

function set(list: string): ReadonlySet<string> {
  return new Set(list.split('|'));
}

function status(list: CodeList, code: string): CodeStatus {
  if (list.current.has(code)) return 'valid';
  return list.obsolete.has(code) ? 'obsolete' : 'invalid';
}
