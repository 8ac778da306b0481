import { Inject, Injectable } from '@nestjs/common';
import { Queue, type JobsOptions as BullJobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { injectContext, type Logger } from '@buqi/observability';
import { REDIS_CONNECTION } from '@buqi/platform';
import { assertJobId } from './job-id';
import type { JobPayload } from './job-payload';
import { COUNTED_STATES, depthOf, type QueueDepth } from './jobs.metrics';
import { JOBS_LOGGER, JOBS_OPTIONS, type JobsOptions } from './jobs.options';
import type { AnyQueue, JobDataOf, JobNameOf } from './queue-definition';

export interface ScheduleOptions extends Pick<BullJobsOptions, 'attempts' | 'backoff'> {
  /**
   * Makes scheduling idempotent; derive it from what the job acts on, e.g. `esc-<orderId>-<step>`.
   * While a job with this id is kept in Redis, adding it again does nothing (not even change its
   * delay): while it waits or runs, for 7 days after it completed (unless 10,000 newer jobs of its
   * queue completed since) and for 30 days after it failed for good. Past that, BullMQ may have
   * removed it, and the same id then schedules a new job.
   */
  readonly jobId: string;
  /** Runs the job no earlier than this many milliseconds from now. */
  readonly delayMs?: number;
}

/**
 * Adds jobs to queues. The active trace context and correlation id ride in the job data, so the
 * processor's span joins the trace of whatever scheduled the job.
 */
@Injectable()
export class JobScheduler {
  private readonly queues = new Map<string, Queue>();
  private closed = false;

  constructor(
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
    @Inject(JOBS_OPTIONS) private readonly options: JobsOptions,
    @Inject(JOBS_LOGGER) private readonly logger: Logger,
  ) {}

  /** Resolves with the job id once the job is stored in Redis (or was already there). */
  async schedule<Q extends AnyQueue, N extends JobNameOf<Q>>(
    queue: Q,
    name: N,
    data: JobDataOf<Q, N>,
    opts: ScheduleOptions,
  ): Promise<string> {
    assertJobId(opts.jobId);
    const payload: JobPayload = { ...data, _meta: { carrier: injectContext() } };
    await this.queue(queue.name).add(name, payload, {
      jobId: opts.jobId,
      delay: opts.delayMs,
      attempts: opts.attempts ?? 5,
      backoff: opts.backoff ?? { type: 'exponential', delay: 1_000 },
      removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    });
    return opts.jobId;
  }

  /**
   * Runs a job every `everyMs`, from every instance of the service at once without duplicates: the
   * repetition is one scheduler in Redis, named `schedulerId`, created or updated idempotently (a
   * restart or a second instance keeps one schedule). Each run is an ordinary job of the queue.
   */
  async every<Q extends AnyQueue, N extends JobNameOf<Q>>(
    queue: Q,
    name: N,
    data: JobDataOf<Q, N>,
    opts: { schedulerId: string; everyMs: number },
  ): Promise<void> {
    assertJobId(opts.schedulerId);
    if (!Number.isInteger(opts.everyMs) || opts.everyMs < 1_000)
      throw new Error(`everyMs must be a whole number of milliseconds of at least 1000, not ${opts.everyMs}`);
    const payload: JobPayload = { ...data, _meta: { carrier: {} } };
    await this.queue(queue.name).upsertJobScheduler(
      opts.schedulerId,
      { every: opts.everyMs },
      {
        name,
        data: payload,
        opts: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { age: 7 * 24 * 3600 } },
      },
    );
  }

  /** How many jobs of a queue wait, are delayed, run and failed (one Redis script). */
  async depth(queue: string): Promise<QueueDepth> {
    // After close, a metrics scrape must not open a queue on a connection being shut.
    if (this.closed) throw new Error('the job scheduler is closed');
    return depthOf(queue, await this.queue(queue).getJobCounts(...COUNTED_STATES));
  }

  async close(): Promise<void> {
    this.closed = true;
    const queues = [...this.queues.values()];
    this.queues.clear();
    await Promise.all(queues.map((q) => q.close()));
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.redis, prefix: this.options.prefix });
      const log = this.logger.child({ queue: name });
      // Without a listener an 'error' event (Redis gone) would crash the process.
      queue.on('error', (err) => log.warn({ err }, 'job queue error'));
      this.queues.set(name, queue);
    }
    return queue;
  }
}
