/** One thing being measured, by us or by a peer. */
export interface Contender {
  readonly name: string;
  /** true for the bibwire implementation; ratios are given relative to it. */
  readonly ours?: boolean;
  /** Why the contender cannot run here (missing CLI ...), or undefined when it can. */
  unavailable?(): string | undefined;
  /**
   * Runs one round and returns how many units of work it did (records, messages, symbols ...),
   * optionally with other figures of the round (latency percentiles ...), reported as medians.
   */
  run(): Promise<number | RoundResult> | number | RoundResult;
  /** Optional: peak RSS in bytes of one round, measured in a child process (see lib/rss.ts). */
  peakRss?(): Promise<number | undefined>;
}

export interface RoundResult {
  readonly work: number;
  readonly metrics?: Readonly<Record<string, number>>;
}

export interface BenchCase {
  readonly name: string;
  /** Unit of work, e.g. "records" or "messages"; throughput is reported as units per second. */
  readonly unit: string;
  readonly contenders: readonly Contender[];
  /** Rounds per contender (default 5); the first warm-up round is not counted. */
  readonly rounds?: number;
}

export interface BenchSuite {
  readonly name: string;
  readonly description: string;
  /** The goal, written next to the figures. */
  readonly goal?: string;
  setup?(): Promise<void> | void;
  cases(): Promise<readonly BenchCase[]> | readonly BenchCase[];
}
