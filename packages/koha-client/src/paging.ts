// Koha's paging headers: `X-Total-Count`, `X-Base-Total-Count` and an RFC 8288 `Link` header
// with first/prev/next/last. None is guaranteed, so every reader tolerates absence.

export interface PageLinks {
  first?: URL;
  prev?: URL;
  next?: URL;
  last?: URL;
  /** Every link by relation, including unknown ones. */
  all: Readonly<Record<string, URL>>;
}

export interface PageInfo {
  /** `X-Total-Count`: records matching the filters. */
  totalCount: number | undefined;
  /** `X-Base-Total-Count`: records before filtering. */
  baseTotalCount: number | undefined;
  links: PageLinks;
}

/** Parse an RFC 8288 `Link` header; malformed parts are skipped, relative URIs resolve against `base`. */
export function parseLinkHeader(header: string | null | undefined, base?: string | URL): PageLinks {
  const all: Record<string, URL> = {};
  const out: PageLinks = { all };
  if (!header) return out;
  for (const part of splitLinks(header)) {
    const m = /^\s*<([^>]*)>(.*)$/s.exec(part);
    if (!m) continue;
    let url: URL;
    try {
      url = new URL(m[1] ?? '', base);
    } catch {
      continue;
    }
    const relMatch = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(m[2] ?? '');
    const rels = (relMatch?.[1] ?? relMatch?.[2] ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    for (const rel of rels) {
      if (Object.hasOwn(all, rel)) continue;
      Object.defineProperty(all, rel, { value: url, enumerable: true, writable: true, configurable: true });
      if (rel === 'first' || rel === 'prev' || rel === 'next' || rel === 'last') out[rel] = url;
    }
  }
  return out;
}

/** Split on commas that are outside `<…>` and quoted strings. */
function splitLinks(header: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < header.length; i++) {
    const c = header[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '<') depth++;
    else if (c === '>') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      parts.push(header.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(header.slice(start));
  return parts;
}

function count(value: string | null): number | undefined {
  if (value === null) return undefined;
  const n = Number(value.trim());
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

export function readPageInfo(headers: Headers, base?: string | URL): PageInfo {
  return {
    totalCount: count(headers.get('x-total-count')),
    baseTotalCount: count(headers.get('x-base-total-count')),
    links: parseLinkHeader(headers.get('link'), base),
  };
}

/**
 * Whether another page follows: the `Link` header decides when present, then `X-Total-Count`
 * against the records seen so far, and without either a full page means "maybe more" (Koha's
 * `GET /biblios` sends neither).
 */
export function hasNextPage(info: PageInfo, seen: number, perPage: number, received: number): boolean {
  if (received === 0) return false;
  if (Object.keys(info.links.all).length > 0) return info.links.next !== undefined;
  if (info.totalCount !== undefined) return seen < info.totalCount;
  return received >= perPage;
}
