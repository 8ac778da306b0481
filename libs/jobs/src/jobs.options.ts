import { assertSafeName } from './job-id';

export interface JobsModuleOptions {
  /**
   * Namespace of BullMQ's Redis keys (default 'buqi'); environments sharing a Redis use different
   * ones. Changing it in a running environment strands the jobs waiting under the old prefix.
   */
  readonly prefix?: string;
  /** Jobs of one queue this process runs at once (default 4). */
  readonly concurrency?: number;
  /**
   * How long shutdown waits for active jobs (default 10 s, below the platform's 20 s shutdown
   * limit). A job still running then is abandoned; its lock expires and another worker retries it.
   */
  readonly shutdownTimeoutMs?: number;
}

export type JobsOptions = Required<JobsModuleOptions>;

export const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');
/** The service logger's child for jobs (type Logger from @buqi/observability). */
export const JOBS_LOGGER = Symbol('JOBS_LOGGER');
/** The queues' depths, read for the `buqi.jobs.queue.depth` gauge (a CachedReading). */
export const JOB_DEPTH_GAUGE = Symbol('JOB_DEPTH_GAUGE');

export function resolveJobsOptions(options: JobsModuleOptions): JobsOptions {
  const resolved = { prefix: 'buqi', concurrency: 4, shutdownTimeoutMs: 10_000, ...options };
  assertSafeName('jobs prefix', resolved.prefix);
  if (!Number.isInteger(resolved.concurrency) || resolved.concurrency < 1) {
    throw new Error(`jobs concurrency must be a positive integer, not ${resolved.concurrency}`);
  }
  return resolved;
}
