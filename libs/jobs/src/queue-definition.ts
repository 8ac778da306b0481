import { assertSafeName } from './job-id';

/** What every job's data may hold: ids, not state. `_meta` is the library's own field. */
export type JobData = object & { readonly _meta?: never };

declare const jobTypes: unique symbol;

/**
 * A queue and, as a type only, the jobs it carries (job name → data). Build it with defineQueue;
 * producers and processors take it so that a wrong job name or payload does not compile.
 */
export interface QueueDefinition<J extends object = object> {
  readonly name: string;
  /** Never set at run time: it carries the job map's type to where the queue is used. */
  readonly [jobTypes]?: J;
}

export type AnyQueue = QueueDefinition;

export type JobsOf<Q extends AnyQueue> = Q extends QueueDefinition<infer J> ? J : never;

/** The job names of a queue. */
export type JobNameOf<Q extends AnyQueue> = keyof JobsOf<Q> & string;

/** The data of job `N` of a queue. */
export type JobDataOf<Q extends AnyQueue, N extends JobNameOf<Q>> = JobsOf<Q>[N] & JobData;

/** Every job of a queue as a union discriminated by name, like an event map's events. */
export type JobOf<Q extends AnyQueue> = {
  [N in JobNameOf<Q>]: { readonly name: N; readonly data: JobDataOf<Q, N> };
}[JobNameOf<Q>];

/**
 * Declares a queue: `defineQueue<{ 'escalation-step-due': { workOrderId: string; step: number } }>(name)`.
 * Production queues are declared in queues.ts, beside the names that must never change.
 */
export function defineQueue<J extends { readonly [N in keyof J]: JobData }>(
  name: string,
): QueueDefinition<J> {
  assertSafeName('queue name', name);
  return Object.freeze({ name });
}
