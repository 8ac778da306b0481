import { monitorEventLoopDelay, performance, type ELDHistogram } from 'node:perf_hooks';
import { setImmediate, setTimeout } from 'node:timers/promises';

export interface LoopDelay<T> {
  readonly value: T;
  readonly seconds: number;
  /** Ticks of the delay timer recorded during the solve: a blocked loop ticks once, however long. */
  readonly samples: number;
  /** Milliseconds between ticks (an idle loop reads about the resolution). */
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/**
 * Runs `work` while perf_hooks.monitorEventLoopDelay samples the loop every `resolutionMs`. The
 * histogram records the gap between its ticks from its second tick on, so the work starts after the
 * first tick (a block from its very start counts) and before the second (no idle sample before it:
 * on a busy machine the histogram is armed again until that holds). Measuring ends at the first tick
 * after the work, the one that records a block.
 */
export async function measureLoopDelay<T>(
  resolutionMs: number,
  work: () => Promise<T>,
): Promise<LoopDelay<T>> {
  let histogram = armed(resolutionMs);
  // Equal due times run in start order: the histogram's first tick, then this timer.
  for (await setTimeout(resolutionMs); histogram.count > 0; await setTimeout(resolutionMs)) {
    histogram.disable();
    histogram = armed(resolutionMs);
  }
  const start = performance.now();
  const value = await work();
  const seconds = (performance.now() - start) / 1000;
  const ticks = histogram.count;
  while (histogram.count === ticks) await setImmediate();
  histogram.disable();
  const ms = (ns: number): number => ns / 1e6;
  return {
    value,
    seconds,
    samples: histogram.count,
    p50: ms(histogram.percentile(50)),
    p99: ms(histogram.percentile(99)),
    max: ms(histogram.max),
  };
}

function armed(resolutionMs: number): ELDHistogram {
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  histogram.enable();
  return histogram;
}
