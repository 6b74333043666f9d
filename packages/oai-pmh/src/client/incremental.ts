// Incremental harvesting: the next run asks `from` the responseDate of the previous complete run
// (spec §13: overlap is harmless, gaps are not), in the provider's granularity.
import { type Granularity, parseUtcDate } from '../dates.js';
import type { OaiHarvester } from './harvester.js';
import type { HarvestedRecord } from './types.js';

/** Where the last harvest's datestamp is kept (a file, a database row ...). */
export interface HarvestState {
  load(): Promise<string | undefined> | string | undefined;
  save(from: string): Promise<void> | void;
}

export interface IncrementalHarvestOptions {
  readonly harvester: OaiHarvester;
  readonly metadataPrefix: string;
  readonly set?: string;
  readonly state: HarvestState;
  /** The provider's granularity; asked with Identify when omitted. */
  readonly granularity?: Granularity;
}

/**
 * Yields the records changed since the last complete harvest; saves the new `from` only after the
 * list has been read to its end, so an interrupted run is repeated rather than leaving a gap.
 */
export async function* incrementalHarvest(
  options: IncrementalHarvestOptions,
): AsyncGenerator<HarvestedRecord> {
  const { harvester } = options;
  const granularity = options.granularity ?? (await harvester.identify()).granularity;
  const saved = await options.state.load();
  const from = saved === undefined ? undefined : inGranularity(saved, granularity);
  yield* harvester.listRecords({
    metadataPrefix: options.metadataPrefix,
    ...(from !== undefined && { from }),
    ...(options.set !== undefined && { set: options.set }),
  });
  const next = harvester.lastResponseDate;
  if (next !== undefined && parseUtcDate(next)) await options.state.save(inGranularity(next, granularity));
}

/** Rounds a UTCdatetime down to the granularity. */
function inGranularity(date: string, granularity: Granularity): string {
  return granularity === 'YYYY-MM-DD' ? date.slice(0, 10) : date;
}
