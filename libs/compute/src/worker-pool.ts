import { performance } from 'node:perf_hooks';
import { SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { Piscina } from 'piscina';
import { ErrorClassRegistry, type ErrorClass } from './serialised-error';
import { workerRuntime } from './worker-runtime';
import { isWorkerReply } from './worker-task';

export interface WorkerPoolOptions {
  /** Absolute path of the worker file; its default export is a defineWorkerTask(...) handler. */
  readonly filename: string;
  /** Names the pool in spans (`compute <name>`) and errors. */
  readonly name: string;
  /** Threads at most; tasks beyond them queue. Default 1. */
  readonly maxThreads?: number;
  /** An idle thread is stopped after this long (ms); the next task starts a new one. Default 60 000. */
  readonly idleTimeoutMs?: number;
  /** Errors thrown in the worker come back as these classes (matched by class name), not as plain Errors. */
  readonly errors?: readonly ErrorClass[];
  /**
   * A thread failed outside any task (e.g. an uncaught error from a stray callback while idle); it is
   * replaced on the next task. Default: a process warning. Without a listener it would crash the process.
   */
  readonly onThreadError?: (error: Error) => void;
}

export interface RunOptions {
  /** Aborting stops the task: a queued task is dropped, a running one has its thread terminated. */
  readonly signal?: AbortSignal;
}

const tracer = trace.getTracer('@buqi/compute');

/**
 * Runs CPU-heavy functions on worker threads (piscina) so the event loop keeps serving health checks,
 * HTTP and Kafka. Threads start on the first task, not at construction, and stop when idle. Call
 * destroy() on shutdown.
 */
export class WorkerPool<T, R> {
  readonly name: string;
  private readonly filename: string;
  private readonly piscina: Piscina;
  private readonly errors: ErrorClassRegistry;
  private destroyed = false;

  constructor(options: WorkerPoolOptions) {
    const maxThreads = options.maxThreads ?? 1;
    if (!Number.isInteger(maxThreads) || maxThreads < 1)
      throw new RangeError(
        `WorkerPool ${options.name}: maxThreads must be a whole number ≥ 1 (got ${maxThreads})`,
      );
    this.name = options.name;
    this.filename = options.filename;
    this.errors = new ErrorClassRegistry(options.errors);
    const runtime = workerRuntime(options.filename, {
      execArgv: process.execArgv,
      env: process.env,
      resolve: (specifier) => require.resolve(specifier),
    });
    // No filename here but on each run: a thread then loads the file inside the task, so a file that
    // fails to load rejects that run. Given here, piscina loads it at thread start, and a failure there
    // leaves the task queued forever and emits 'error'.
    this.piscina = new Piscina({
      minThreads: 0,
      maxThreads,
      idleTimeout: options.idleTimeoutMs ?? 60_000,
      ...(runtime.execArgv && { execArgv: [...runtime.execArgv] }),
      ...(runtime.env && { env: { ...runtime.env } }),
    });
    const onThreadError =
      options.onThreadError ??
      ((error: Error) =>
        process.emitWarning(error, { type: 'WorkerPoolWarning', detail: `pool ${this.name}` }));
    this.piscina.on('error', (error: unknown) =>
      onThreadError(error instanceof Error ? error : new Error(String(error))),
    );
  }

  /** Runs `task` on a worker thread and resolves with the handler's result, or rejects with its error. */
  run(task: T, options: RunOptions = {}): Promise<R> {
    return tracer.startActiveSpan(
      `compute ${this.name}`,
      { attributes: { 'compute.pool': this.name } },
      (span) => this.runInSpan(span, task, options).finally(() => span.end()),
    );
  }

  /** Stops every thread; queued and running tasks reject. Later runs reject. */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    await this.piscina.destroy();
  }

  private async runInSpan(span: Span, task: T, options: RunOptions): Promise<R> {
    const start = performance.now();
    try {
      if (this.destroyed) throw new Error(`WorkerPool ${this.name} is destroyed`);
      const reply: unknown = await this.piscina.run(task, {
        filename: this.filename,
        signal: options.signal ?? null,
      });
      if (!isWorkerReply(reply))
        throw new Error(
          `WorkerPool ${this.name}: the worker file must export defineWorkerTask(...) as default`,
        );
      span.setAttributes({
        'compute.worker.thread_id': reply.threadId,
        'compute.worker.duration_ms': reply.durationMs,
        'compute.queue_and_transfer_ms': Math.max(0, performance.now() - start - reply.durationMs),
      });
      if (!reply.ok) throw this.errors.rebuild(reply.error);
      // R is the pool's declaration of what the worker file returns; structured clone cannot check it.
      return reply.value as R;
    } catch (error) {
      const exception = error instanceof Error ? error : new Error(String(error));
      span.recordException(exception);
      span.setStatus({ code: SpanStatusCode.ERROR, message: exception.message });
      throw error;
    }
  }
}
