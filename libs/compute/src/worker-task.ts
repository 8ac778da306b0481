import { performance } from 'node:perf_hooks';
import { threadId } from 'node:worker_threads';
import { serialiseError, type SerialisedError } from './serialised-error';

interface ReplyBase {
  /** Marks a reply from defineWorkerTask, so a worker file that forgot it fails loudly. */
  readonly protocol: typeof PROTOCOL;
  readonly threadId: number;
  /** Time the handler took inside the worker (the rest of a run is queueing and copying). */
  readonly durationMs: number;
}

export type WorkerReply<R> =
  | (ReplyBase & { readonly ok: true; readonly value: R })
  | (ReplyBase & { readonly ok: false; readonly error: SerialisedError });

export type WorkerTask<T, R> = (task: T) => Promise<WorkerReply<R>>;

export const PROTOCOL = 'buqi.compute/1';

/**
 * Wraps the function a worker file exports as default (`export default defineWorkerTask(fn)`): the
 * result travels by structured clone; a thrown error is serialised so the caller can rebuild its
 * class and fields.
 */
export function defineWorkerTask<T, R>(handler: (task: T) => R | Promise<R>): WorkerTask<T, R> {
  return async (task) => {
    const start = performance.now();
    try {
      const value = await handler(task);
      return { protocol: PROTOCOL, ok: true, value, threadId, durationMs: performance.now() - start };
    } catch (error) {
      return {
        protocol: PROTOCOL,
        ok: false,
        error: serialiseError(error),
        threadId,
        durationMs: performance.now() - start,
      };
    }
  };
}

export function isWorkerReply(value: unknown): value is WorkerReply<unknown> {
  return (
    typeof value === 'object' && value !== null && (value as { protocol?: unknown }).protocol === PROTOCOL
  );
}
