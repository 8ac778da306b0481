import { threadId } from 'node:worker_threads';
import { defineWorkerTask } from '../worker-task';
import { DailyQuotaError, QuotaError, UnlistedError } from './fixture-errors';

export type SampleTask =
  | { readonly kind: 'echo'; readonly value: unknown }
  | { readonly kind: 'throw'; readonly error: 'registered' | 'subclass' | 'unlisted' | 'string' | 'caused' }
  /** Flags `started[0]`, then blocks its thread until it is terminated. */
  | { readonly kind: 'block'; readonly started: Int32Array };

export interface SampleResult {
  readonly value: unknown;
  readonly threadId: number;
}

export default defineWorkerTask((task: SampleTask): SampleResult => {
  switch (task.kind) {
    case 'echo':
      return { value: task.value, threadId };
    case 'block':
      Atomics.store(task.started, 0, 1);
      Atomics.notify(task.started, 0);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
      throw new Error('unreachable: nothing wakes this thread');
    case 'throw':
      switch (task.error) {
        case 'registered':
          throw new QuotaError('inspections', 3, { zone: 'south-court', seen: new Set([1, 2]) });
        case 'subclass':
          throw new DailyQuotaError('inspections', 1, {});
        case 'unlisted':
          throw new UnlistedError('not on the list');
        case 'string':
          throw 'a bare string';
        case 'caused':
          throw new Error('outer', { cause: new QuotaError('repairs', 2, {}) });
      }
  }
});
