// The vendor list to synchronise: a CSV file with a header row (CORAL's organisation export, or any
// spreadsheet) or a JSON array of names or objects. `name` is required; type, url, phone, email-free
// contact columns map onto Koha's vendor fields.
export interface VendorEntry {
  readonly name: string;
  readonly type?: string;
  readonly url?: string;
  readonly phone?: string;
  readonly notes?: string;
  readonly accountnumber?: string;
}

const FIELDS = ['type', 'url', 'phone', 'notes', 'accountnumber'] as const;

export class VendorListError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'VendorListError';
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
    } else field += c;
  }
  if (quoted) throw new VendorListError('unterminated quoted field', line);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

function entry(record: Record<string, unknown>, where: number): VendorEntry {
  const name = typeof record.name === 'string' ? record.name.trim() : '';
  if (name === '') throw new VendorListError('vendor without a name', where);
  const out: Record<string, string> = { name };
  for (const key of FIELDS) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') out[key] = value.trim();
  }
  return out as unknown as VendorEntry;
}

export function parseVendorList(text: string, format: 'csv' | 'json'): VendorEntry[] {
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new VendorListError(`not JSON: ${(error as Error).message}`);
    }
    if (!Array.isArray(data)) throw new VendorListError('expected a JSON array of vendors');
    return data.map((v, i) =>
      entry(typeof v === 'string' ? { name: v } : (v as Record<string, unknown>), i + 1),
    );
  }
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  if (!header) return [];
  const columns = header.map((h) => h.trim().toLowerCase());
  if (!columns.includes('name')) throw new VendorListError('the header row has no "name" column', 1);
  return rows.map((row, i) => entry(Object.fromEntries(columns.map((c, k) => [c, row[k] ?? ''])), i + 2));
}
