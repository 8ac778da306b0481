import 'reflect-metadata';
import type { AnyQueue, JobDataOf, JobNameOf } from './queue-definition';

/** What a processor learns about the job besides its data. */
export interface JobContext<N extends string = string> {
  readonly id: string;
  readonly name: N;
  readonly queue: string;
  /** 1 on the first try. */
  readonly attempt: number;
  /** Tries the job gets in all; after the last, it stays failed. */
  readonly attempts: number;
}

/**
 * Processes one job. Delivery is at least once (a stalled job runs again), so a processor reloads
 * the state by the ids in `data` and returns early when the work is already done.
 */
export type JobHandler<Q extends AnyQueue, N extends JobNameOf<Q>> = (
  data: JobDataOf<Q, N>,
  job: JobContext<N>,
) => Promise<void>;

export interface JobProcessorTarget {
  readonly queue: AnyQueue;
  readonly name: string;
}

const JOB_PROCESSOR = Symbol('buqi:job-processor');

/**
 * Marks a provider's method as the processor of job `name` on `queue`; JobsModule finds it at
 * start-up. The method's parameters are checked against the queue's definition.
 */
export function JobProcessor<Q extends AnyQueue, N extends JobNameOf<Q>>(queue: Q, name: N) {
  return <H extends JobHandler<Q, N>>(
    target: object,
    method: string | symbol,
    descriptor: TypedPropertyDescriptor<H>,
  ): void => {
    const fn = descriptor.value;
    const where = `${target.constructor.name}.${String(method)}`;
    if (typeof fn !== 'function') throw new Error(`@JobProcessor on ${where}, which is not a method`);
    // A second decorator would silently replace the first target.
    if (Reflect.hasOwnMetadata(JOB_PROCESSOR, fn)) {
      throw new Error(`${where} already has a @JobProcessor; give each job its own method`);
    }
    const value: JobProcessorTarget = { queue, name };
    Reflect.defineMetadata(JOB_PROCESSOR, value, fn);
  };
}

/** The job a method was marked to process, if any. */
export function jobProcessorOf(fn: unknown): JobProcessorTarget | undefined {
  return typeof fn === 'function' ? Reflect.getOwnMetadata(JOB_PROCESSOR, fn) : undefined;
}
