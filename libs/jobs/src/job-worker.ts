import { SpanKind } from '@opentelemetry/api';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { createLogger, withExtractedContext } from '@buqi/observability';
import type { JobDataMap, JobName, JobPayload, QueueName } from './queues';

const log = createLogger({ name: 'jobs' });

export type JobHandlers = { [N in JobName]?: (data: JobDataMap[N], job: Job) => Promise<void> };

/**
 * Runs the handlers of one queue, each job inside a span that continues the scheduler's trace.
 * Handlers reload state by id and return early when the work was already done: BullMQ delivers
 * at least once (a stalled job is retried).
 */
export function startJobWorker(
  name: QueueName,
  connection: Redis,
  handlers: JobHandlers,
  opts: { concurrency?: number; prefix?: string } = {},
): Worker {
  const worker = new Worker(
    name,
    async (job: Job<JobPayload<JobName>>) => {
      const handler = handlers[job.name as JobName] as
        | ((data: JobDataMap[JobName], job: Job) => Promise<void>)
        | undefined;
      if (!handler) throw new Error(`no handler for job "${job.name}" on queue ${name}`);
      const { _meta, ...data } = job.data;
      await withExtractedContext(_meta?.carrier ?? {}, `${name} ${job.name}`, SpanKind.CONSUMER, () => handler(data, job), {
        attributes: { 'messaging.system': 'bullmq', 'messaging.destination.name': name, 'messaging.message.id': job.id },
      });
    },
    { connection, prefix: opts.prefix ?? 'buqi', concurrency: opts.concurrency ?? 4, autorun: true },
  );
  // Without a listener an 'error' event (Redis gone) would crash the process.
  worker.on('error', (err) => log.warn({ err, queue: name }, 'job worker error'));
  worker.on('failed', (job, err) => log.warn({ err, queue: name, jobId: job?.id }, 'job failed'));
  return worker;
}
