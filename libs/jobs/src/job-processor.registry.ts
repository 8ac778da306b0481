import { Injectable } from '@nestjs/common';
import type { JobContext, JobHandler } from './job-processor.decorator';
import type { AnyQueue, JobNameOf } from './queue-definition';

/** A processor as the router calls it: the data's type was checked where it was registered. */
export type RoutedHandler = (data: object, job: JobContext) => Promise<void>;

interface Registration {
  readonly handler: RoutedHandler;
  /** Where it came from, for error messages, e.g. "EscalationProcessor.stepDue". */
  readonly source: string;
}

/** The processors of this process, by queue then job name; closed once the workers start. */
@Injectable()
export class JobProcessorRegistry {
  private readonly queues = new Map<string, Map<string, Registration>>();
  private sealed = false;

  register<Q extends AnyQueue, N extends JobNameOf<Q>>(
    queue: Q,
    name: N,
    handler: JobHandler<Q, N>,
    source = 'JobProcessorRegistry.register',
  ): void {
    if (this.sealed) {
      throw new Error(
        `cannot add a processor for job "${name}" on queue ${queue.name} (${source}): the job workers have started; declare processors with @JobProcessor on a provider present at start-up`,
      );
    }
    const jobs = this.queues.get(queue.name) ?? new Map<string, Registration>();
    const existing = jobs.get(name);
    if (existing) {
      throw new Error(
        `job "${name}" on queue ${queue.name} has two processors: ${existing.source} and ${source}`,
      );
    }
    // Safe: the router hands this handler only jobs named `name` from this queue.
    jobs.set(name, { handler: handler as RoutedHandler, source });
    this.queues.set(queue.name, jobs);
  }

  /** Closes the registry (later registrations throw) and returns the handlers by queue and job name. */
  seal(): ReadonlyMap<string, ReadonlyMap<string, RoutedHandler>> {
    this.sealed = true;
    return new Map(
      [...this.queues].map(([queue, jobs]) => [queue, new Map([...jobs].map(([n, r]) => [n, r.handler]))]),
    );
  }
}
