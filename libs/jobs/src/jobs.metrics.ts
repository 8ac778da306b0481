import { metrics, type Counter, type Meter } from '@opentelemetry/api';

/** The states a queue's depth is reported in. */
export const DEPTH_STATES = ['waiting', 'delayed', 'active', 'failed'] as const;
export type DepthState = (typeof DEPTH_STATES)[number];

export interface QueueDepth {
  queue: string;
  counts: Record<DepthState, number>;
}

/** BullMQ's counts (by its own state names) as the states reported: prioritized and paused jobs wait too. */
export function depthOf(queue: string, counts: Readonly<Record<string, number | undefined>>): QueueDepth {
  const n = (state: string) => counts[state] ?? 0;
  return {
    queue,
    counts: {
      waiting: n('waiting') + n('prioritized') + n('paused'),
      delayed: n('delayed'),
      active: n('active'),
      failed: n('failed'),
    },
  };
}

/** The BullMQ states to ask for, to compute depthOf. */
export const COUNTED_STATES = ['waiting', 'prioritized', 'paused', 'delayed', 'active', 'failed'] as const;

/**
 * Job failures and queue depths. Created by the jobs module after telemetry started, so the
 * instruments bind to the configured meter provider.
 */
export class JobsMetrics {
  private readonly meter: Meter = metrics.getMeter('@buqi/jobs');
  private readonly failures: Counter = this.meter.createCounter('buqi.jobs.failures', {
    description: 'Job attempts that failed, by queue, job and whether it was the last attempt',
  });

  /**
   * Starts each job's failure counts at 0, so the first failure is an increase Prometheus sees
   * (a series born at 1 shows none).
   */
  announceQueue(queue: string, jobNames: Iterable<string>): void {
    for (const job of jobNames)
      for (const final of [true, false]) this.failures.add(0, this.attributes(queue, job, final));
  }

  /** `job` should be a name the queue's processors know: anything else is counted as "_OTHER". */
  recordFailure(queue: string, job: string, final: boolean): void {
    this.failures.add(1, this.attributes(queue, job, final));
  }

  /** Depth per queue and state, as `read` last found it (it asks Redis at most every few seconds). */
  observeDepth(read: () => Promise<readonly QueueDepth[] | undefined>): void {
    this.meter
      .createObservableGauge('buqi.jobs.queue.depth', {
        description: 'Jobs in a queue by state: waiting, delayed, active, failed (kept for inspection)',
        unit: '{job}',
      })
      .addCallback(async (result) => {
        for (const { queue, counts } of (await read()) ?? [])
          for (const state of DEPTH_STATES)
            result.observe(counts[state], { 'messaging.destination.name': queue, 'buqi.job.state': state });
      });
  }

  private attributes(queue: string, job: string, final: boolean) {
    return { 'messaging.destination.name': queue, 'buqi.job.name': job, 'buqi.job.final': final };
  }
}
