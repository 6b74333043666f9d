// Harvest an OAI-PMH list into an ISO 2709 or MARCXML file, writing each record as it arrives.
// The file is written under `<out>.part` and renamed at the end, so a failed harvest never leaves a
// truncated file that looks complete.
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { marcXmlCollectionRecord, marcXmlHead, marcXmlTail, writeIso2709 } from '@bibwire/marcxml';
import { type FetchLike, OaiHarvester } from '@bibwire/oai-pmh/client';

export type OutputFormat = 'iso2709' | 'marcxml';

export interface HarvestOptions {
  readonly baseUrl: string;
  readonly out: string;
  /** Default `marc21`; the prefix must deliver MARCXML. */
  readonly prefix?: string;
  readonly set?: string;
  readonly from?: string;
  readonly until?: string;
  /** Default: from the extension of `out` (.xml → MARCXML, otherwise ISO 2709). */
  readonly format?: OutputFormat;
  readonly fetch?: FetchLike;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: HarvestProgress) => void;
}

export interface HarvestProgress {
  readonly written: number;
  readonly deleted: number;
  readonly skipped: number;
  readonly pages: number;
  readonly completeListSize: number | undefined;
}

export interface HarvestSummary extends HarvestProgress {
  readonly format: OutputFormat;
  readonly out: string;
}

export function formatFromPath(path: string): OutputFormat {
  return /\.xml$/i.test(path) ? 'marcxml' : 'iso2709';
}

function write(stream: WriteStream, chunk: string | Uint8Array): Promise<void> | undefined {
  if (stream.write(chunk)) return undefined;
  // A full disk shows up as 'error' instead of 'drain': wait for either.
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (error: Error) => {
      stream.off('drain', onDrain);
      reject(error);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}

function finish(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}

export async function harvestToFile(options: HarvestOptions): Promise<HarvestSummary> {
  const format = options.format ?? formatFromPath(options.out);
  const part = `${options.out}.part`;
  let pages = 0;
  let completeListSize: number | undefined;
  const harvester = new OaiHarvester({
    baseUrl: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    // Called as each page arrives, before its records are written.
    onPage: (page) => {
      pages++;
      if (page.token?.completeListSize !== undefined) completeListSize = page.token.completeListSize;
      options.onProgress?.({ written, deleted, skipped, pages, completeListSize });
    },
  });
  let written = 0;
  let deleted = 0;
  let skipped = 0;
  const stream = createWriteStream(part);
  // Kept for the whole write, so a late error is reported instead of crashing the process.
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure ??= error;
  });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  try {
    await opened;
    if (format === 'marcxml') await write(stream, marcXmlHead({ declaration: true }));
    const list = harvester.listRecords({
      metadataPrefix: options.prefix ?? 'marc21',
      ...(options.set !== undefined ? { set: options.set } : {}),
      ...(options.from !== undefined ? { from: options.from } : {}),
      ...(options.until !== undefined ? { until: options.until } : {}),
    });
    for await (const record of list) {
      if (record.header.deleted) deleted++;
      else if (record.marc === undefined) skipped++;
      else {
        await write(
          stream,
          format === 'marcxml' ? marcXmlCollectionRecord(record.marc) : writeIso2709(record.marc),
        );
        written++;
      }
    }
    if (format === 'marcxml') await write(stream, marcXmlTail());
    if (failure) throw failure;
    await finish(stream);
    await rename(part, options.out);
  } catch (error) {
    stream.destroy();
    await rm(part, { force: true });
    throw error;
  }
  return { written, deleted, skipped, pages, completeListSize, format, out: options.out };
}
