import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { createLogger, injectContext } from '@buqi/observability';
import type { JobDataMap, JobName, JobPayload, QueueName } from './queues';

const log = createLogger({ name: 'jobs' });

/** BullMQ refuses ':' (its key separator) in ids; ids keep to a safe alphabet everywhere. */
export function assertJobId(jobId: string): void {
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(jobId)) {
    throw new Error(`jobId "${jobId}" must be 1-200 characters of A-Z, a-z, 0-9, '.', '_' or '-'`);
  }
}

/**
 * A typed producer of jobs. The active trace context rides in the job data so the worker's span
 * joins the trace of whatever scheduled it.
 */
export class JobQueue {
  readonly queue: Queue;

  /** `prefix` namespaces the Redis keys (one per environment sharing a Redis). */
  constructor(name: QueueName, connection: Redis, prefix = 'buqi') {
    this.queue = new Queue(name, { connection, prefix });
    // Without a listener an 'error' event (Redis gone) would crash the process.
    this.queue.on('error', (err) => log.warn({ err, queue: name }, 'job queue error'));
  }

  /**
   * `jobId` makes scheduling idempotent: adding the same id again while it waits is a no-op.
   * Completed and failed jobs are kept for a while, so a late duplicate is still recognised.
   */
  async add<N extends JobName>(
    name: N,
    data: JobDataMap[N],
    opts: { jobId: string; delayMs?: number } & Pick<JobsOptions, 'attempts' | 'backoff'>,
  ): Promise<string> {
    assertJobId(opts.jobId);
    const payload: JobPayload<N> = { ...data, _meta: { carrier: injectContext() } };
    const job = await this.queue.add(name, payload, {
      jobId: opts.jobId,
      delay: opts.delayMs,
      attempts: opts.attempts ?? 5,
      backoff: opts.backoff ?? { type: 'exponential', delay: 1_000 },
      removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    });
    return job.id ?? opts.jobId;
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
