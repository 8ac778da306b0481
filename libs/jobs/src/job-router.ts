import { SpanKind } from '@opentelemetry/api';
import { UnrecoverableError, type Job } from 'bullmq';
import { withExtractedContext } from '@buqi/observability';
import type { JobContext } from './job-processor.decorator';
import type { RoutedHandler } from './job-processor.registry';
import type { JobPayload } from './job-payload';

/** The part of a BullMQ job the router reads. */
export type RoutedJob = Pick<Job<JobPayload>, 'id' | 'name' | 'data' | 'attemptsMade' | 'opts'>;

/**
 * The BullMQ processor of one queue: runs the handler named by the job inside a span that continues
 * the scheduler's trace, with its correlation id. A job no handler knows fails at once, unretried:
 * retrying cannot make a handler appear.
 */
export function routeJobs(
  queue: string,
  handlers: ReadonlyMap<string, RoutedHandler>,
): (job: RoutedJob) => Promise<void> {
  return async (job) => {
    const { _meta, ...data } = job.data;
    const attributes = {
      'messaging.system': 'bullmq',
      'messaging.destination.name': queue,
      'messaging.message.id': job.id,
    };
    await withExtractedContext(
      _meta?.carrier ?? {},
      `${queue} ${job.name}`,
      SpanKind.CONSUMER,
      () => {
        const handler = handlers.get(job.name);
        if (!handler) {
          const known = [...handlers.keys()].join(', ');
          throw new UnrecoverableError(
            `no processor for job "${job.name}" on queue ${queue} (it has: ${known})`,
          );
        }
        const context: JobContext = {
          id: job.id ?? '',
          name: job.name,
          queue,
          attempt: job.attemptsMade + 1,
          attempts: job.opts.attempts ?? 1,
        };
        return handler(data, context);
      },
      { attributes },
    );
  };
}
