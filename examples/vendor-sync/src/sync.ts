// One pass over the list: for each vendor, find it by name across every page of Koha's vendor list
// (Koha's `name` filter is a "contains" search, so the exact match is chosen here), create it when
// absent, and report what happened. A failure on one vendor is reported and the pass goes on.
import { type KohaClient, KohaError, type Vendor } from '@bibwire/koha-client';
import type { VendorEntry } from './vendor-list.js';

export type SyncOutcome =
  | { readonly name: string; readonly action: 'found' | 'created'; readonly id: number | undefined }
  | { readonly name: string; readonly action: 'missing' }
  | { readonly name: string; readonly action: 'failed'; readonly error: string };

export interface SyncOptions {
  /** Only look vendors up; report the missing ones instead of creating them. */
  readonly dryRun?: boolean;
  readonly signal?: AbortSignal;
}

function describe(error: unknown): string {
  return KohaError.is(error) ? `${error.code}: ${error.message}` : (error as Error).message;
}

export async function syncVendors(
  koha: KohaClient,
  vendors: readonly VendorEntry[],
  options: SyncOptions = {},
  onOutcome: (outcome: SyncOutcome) => void = () => {},
): Promise<SyncOutcome[]> {
  const outcomes: SyncOutcome[] = [];
  const call = options.signal ? { signal: options.signal } : {};
  // The same name twice in the list is one vendor.
  const seen = new Map<string, SyncOutcome>();
  for (const entry of vendors) {
    const key = entry.name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
    let outcome = seen.get(key);
    if (outcome === undefined) {
      try {
        if (options.dryRun) {
          const vendor: Vendor | undefined = await koha.vendors.findByName(entry.name, call);
          outcome = vendor
            ? { name: entry.name, action: 'found', id: vendor.id }
            : { name: entry.name, action: 'missing' };
        } else {
          const { name, ...create } = entry;
          const { vendor, created } = await koha.vendors.sync(name, {
            ...call,
            create: { ...create, active: true },
          });
          outcome = { name: entry.name, action: created ? 'created' : 'found', id: vendor.id };
        }
      } catch (error) {
        if (options.signal?.aborted) throw error;
        outcome = { name: entry.name, action: 'failed', error: describe(error) };
      }
      seen.set(key, outcome);
    }
    // Report under the name as the list spells it.
    const reported = { ...outcome, name: entry.name };
    outcomes.push(reported);
    onOutcome(reported);
  }
  return outcomes;
}
