// The MARC record model shared by every format in this package (and by oai-pmh, sru-cql, koha-client).
// Plain data: a leader and ordered fields; control fields carry a value, data fields two indicators
// and ordered subfields. Everything is a string so nothing is lost between formats.

export interface ControlField {
  readonly tag: string;
  value: string;
}

export interface Subfield {
  code: string;
  value: string;
}

export interface DataField {
  readonly tag: string;
  ind1: string;
  ind2: string;
  subfields: Subfield[];
}

export type Field = ControlField | DataField;

export interface MarcRecord {
  /** 24 characters. */
  leader: string;
  fields: Field[];
}

export function isControlField(field: Field): field is ControlField {
  return 'value' in field;
}

export function isDataField(field: Field): field is DataField {
  return 'subfields' in field;
}
