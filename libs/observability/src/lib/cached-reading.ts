import { setTimeout as sleep } from 'node:timers/promises';

export interface CachedReadingOptions {
  /** A value younger than this is served without reading again. */
  readonly maxAgeMs: number;
  /** How long a caller waits for a fresh value before it gets the last one (or none). */
  readonly waitMs: number;
  /** Told when a reading fails; the last good value is kept. */
  readonly onError?: (err: unknown) => void;
  readonly clock?: () => number;
}

/**
 * A value that is costly to read (an engine round trip), for observable metrics: read at most once
 * per `maxAgeMs` whoever asks, one reading at a time, and a caller never waits more than `waitMs`
 * for it. A reading that outlasts the wait goes on in the background and serves later callers; one
 * that fails leaves the last good value in place.
 */
export class CachedReading<T> {
  private value?: T;
  private readAt?: number;
  private reading?: Promise<void>;
  private readonly clock: () => number;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly options: CachedReadingOptions,
  ) {
    this.clock = options.clock ?? Date.now;
  }

  /** The last value read, refreshed first when it is older than maxAgeMs (within waitMs). */
  async get(): Promise<T | undefined> {
    const at = this.clock();
    if (this.readAt === undefined || at - this.readAt >= this.options.maxAgeMs) {
      // Counted from the start, so a slow engine is asked at most once per maxAgeMs.
      this.readAt = at;
      this.reading ??= this.refresh();
      await Promise.race([this.reading, sleep(this.options.waitMs, undefined, { ref: false })]);
    } else if (this.reading && this.value === undefined) {
      // The first reading is still under way: wait for it rather than report nothing.
      await Promise.race([this.reading, sleep(this.options.waitMs, undefined, { ref: false })]);
    }
    return this.value;
  }

  private refresh(): Promise<void> {
    // Started on a later tick, so even a read that throws at once finds `reading` set to clear.
    const reading: Promise<void> = Promise.resolve()
      .then(() => this.read())
      .then(
        (value) => {
          this.value = value;
        },
        (err: unknown) => this.options.onError?.(err),
      )
      .finally(() => {
        if (this.reading === reading) this.reading = undefined;
      });
    return reading;
  }
}
