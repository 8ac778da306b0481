import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '@buqi/observability';
import { REDIS_CONNECTION } from '@buqi/platform';
import { JobProcessorRegistry } from './job-processor.registry';
import { routeJobs } from './job-router';
import { JobsMetrics } from './jobs.metrics';
import { JOBS_LOGGER, JOBS_OPTIONS, type JobsOptions } from './jobs.options';

/** One BullMQ worker per queue that has processors, started with the app and closed with it. */
@Injectable()
export class JobWorkers {
  private readonly workers = new Map<string, { worker: Worker; ready: Promise<unknown> }>();
  private readonly metrics = new JobsMetrics();
  private started = false;

  constructor(
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
    @Inject(JOBS_OPTIONS) private readonly options: JobsOptions,
    @Inject(JOBS_LOGGER) private readonly logger: Logger,
    private readonly registry: JobProcessorRegistry,
  ) {}

  start(): void {
    if (this.started) throw new Error('job workers already started');
    this.started = true;
    for (const [queue, handlers] of this.registry.seal()) {
      const log = this.logger.child({ queue });
      const worker = new Worker(queue, routeJobs(queue, handlers), {
        connection: this.redis,
        prefix: this.options.prefix,
        concurrency: this.options.concurrency,
        autorun: false,
      });
      // Without a listener an 'error' event (Redis gone) would crash the process.
      worker.on('error', (err) => log.warn({ err }, 'job worker error'));
      this.metrics.announceQueue(queue, handlers.keys());
      worker.on('failed', (job, err) => {
        const final =
          !job || err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
        const name = job && handlers.has(job.name) ? job.name : '_OTHER';
        this.metrics.recordFailure(queue, name, final);
        const fields = { err, jobId: job?.id, job: job?.name, attempt: job?.attemptsMade };
        if (final) log.error(fields, 'job failed for good');
        else log.warn(fields, 'job failed; it will be retried');
      });
      void worker.run().catch((err: unknown) => log.error({ err }, 'job worker stopped'));
      const ready = worker.waitUntilReady().catch(() => undefined);
      this.workers.set(queue, { worker, ready });
      log.info({ jobs: [...handlers.keys()] }, 'job worker started');
    }
  }

  /** The queues this process runs workers for (its own queues), once started. */
  get queues(): string[] {
    return [...this.workers.keys()];
  }

  /** Stops taking jobs and waits for the active ones, up to shutdownTimeoutMs. */
  async close(): Promise<void> {
    const timeoutMs = this.options.shutdownTimeoutMs;
    await Promise.all(
      [...this.workers].map(async ([queue, { worker, ready }]) => {
        // Closed while its connection still starts, BullMQ 5 raises an unhandled 'error' after it
        // removed its listeners (taskforcesh/bullmq#3546): let it connect first.
        const closing = ready.then(() => worker.close()).then(() => true);
        const closed = await Promise.race([closing, sleep(timeoutMs, false, { ref: false })]);
        if (!closed) {
          this.logger
            .child({ queue })
            .warn(
              { timeoutMs },
              'active jobs still running at shutdown; their locks will expire and they will be retried',
            );
        }
      }),
    );
  }

  /** The readiness check: throws naming each queue whose worker does not run. */
  check(): { queues: string[] } {
    if (!this.started) throw new Error('job workers have not started');
    const stopped = [...this.workers].filter(([, w]) => !w.worker.isRunning()).map(([queue]) => queue);
    if (stopped.length > 0) throw new Error(`job worker not running for queue ${stopped.join(', ')}`);
    return { queues: [...this.workers.keys()] };
  }
}
