// The CORAL case: find a vendor by name across every page, create it when absent, and read
// it back by id (so the caller holds what Koha stored, embeds included).
import type { CallOptions, KohaClient } from './client.js';
import type { Vendor } from './generated/koha-api.js';
import type { BodyOf, EmbedOf } from './resources.js';

export interface FindVendorOptions extends CallOptions {
  /** `_per_page` while searching (default 100). */
  perPage?: number;
  /** Also accept a vendor whose alias matches (needs the `aliases` embed, sent automatically). */
  matchAliases?: boolean;
}

export interface SyncVendorOptions extends FindVendorOptions {
  /** Fields for a new vendor besides `name` (ignored when the vendor exists). */
  create?: Omit<BodyOf<'addVendor'>, 'name'>;
  /** Embeds for the final read by id. */
  embed?: EmbedOf<'getVendor'>;
}

export interface SyncVendorResult {
  vendor: Vendor;
  created: boolean;
}

/** Names compare trimmed, with runs of spaces collapsed and case folded (as Koha's search does). */
export function sameVendorName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return norm(a) === norm(b);
}

/**
 * The vendor whose name (or alias) equals `name`, read across all pages; undefined when none.
 * Koha's `name` parameter is a case-insensitive `contains` search, so candidates are filtered here.
 */
export async function findVendorByName(
  client: KohaClient,
  name: string,
  options: FindVendorOptions = {},
): Promise<Vendor | undefined> {
  const { perPage = 100, matchAliases = false, ...call } = options;
  if (!matchAliases) {
    for await (const vendor of client.all('listVendors', { query: { name } }, { ...call, perPage })) {
      if (typeof vendor.name === 'string' && sameVendorName(vendor.name, name)) return vendor;
    }
    return undefined;
  }
  // Aliases are not searched by `name`, so scan every vendor with its aliases embedded.
  for await (const vendor of client.all(
    'listVendors',
    { headers: { 'x-koha-embed': ['aliases'] } },
    { ...call, perPage },
  )) {
    if (typeof vendor.name === 'string' && sameVendorName(vendor.name, name)) return vendor;
    if (vendor.aliases?.some((a) => sameVendorName(a.alias, name))) return vendor;
  }
  return undefined;
}

/** Find by name, create when absent, then read by id. */
export async function syncVendor(
  client: KohaClient,
  name: string,
  options: SyncVendorOptions = {},
): Promise<SyncVendorResult> {
  const { create, embed, ...find } = options;
  const trimmed = name.trim();
  const found = await findVendorByName(client, trimmed, find);
  let id: number | undefined = found?.id;
  let created = false;
  if (found === undefined) {
    const made = await client.call('addVendor', { body: { ...create, name: trimmed } }, find);
    id = made.id;
    created = true;
    if (id === undefined) return { vendor: made, created };
  }
  const headers = embed !== undefined ? { headers: { 'x-koha-embed': embed } } : {};
  const vendor = await client.call('getVendor', { path: { vendor_id: id as number }, ...headers }, find);
  return { vendor, created };
}
