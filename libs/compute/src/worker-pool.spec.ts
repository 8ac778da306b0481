import { join } from 'node:path';
import { threadId as mainThreadId } from 'node:worker_threads';
import { DailyQuotaError, QuotaError } from './test-fixtures/fixture-errors';
import type { SampleResult, SampleTask } from './test-fixtures/sample.worker';
import { WorkerPool } from './worker-pool';

// Under Jest the pool must add the TypeScript hook itself: these workers are .ts files.
const sampleWorker = join(__dirname, 'test-fixtures', 'sample.worker.ts');

function startedFlag(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

async function whenStarted(started: Int32Array): Promise<void> {
  while (Atomics.load(started, 0) === 0) await new Promise((resolve) => setImmediate(resolve));
}

describe('WorkerPool', () => {
  let pool: WorkerPool<SampleTask, SampleResult>;

  beforeEach(() => {
    pool = new WorkerPool({ filename: sampleWorker, name: 'sample', errors: [QuotaError] });
  });
  afterEach(() => pool.destroy());

  it("resolves with the worker's result, computed on another thread", async () => {
    const result = await pool.run({ kind: 'echo', value: { fen: 1_500_000, ids: ['a', 'b'] } });

    expect(result.value).toEqual({ fen: 1_500_000, ids: ['a', 'b'] });
    expect(result.threadId).not.toBe(mainThreadId);
  });

  it('rejects with an instance of the registered class, with its fields, message and the worker stack', async () => {
    const error: unknown = await pool.run({ kind: 'throw', error: 'registered' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(QuotaError);
    expect(error).toMatchObject({
      name: 'QuotaError',
      message: 'quota inspections is limited to 3',
      quota: 'inspections',
      limit: 3,
      detail: { zone: 'south-court', seen: new Set([1, 2]) },
    });
    expect((error as Error).stack).toMatch(/sample\.worker\.ts/);
  });

  it('rebuilds an unregistered subclass as its nearest registered ancestor, keeping its name', async () => {
    const error: unknown = await pool.run({ kind: 'throw', error: 'subclass' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(QuotaError);
    expect(error).not.toBeInstanceOf(DailyQuotaError);
    expect(error).toMatchObject({ name: 'DailyQuotaError', quota: 'inspections', limit: 1 });
  });

  it('rebuilds an unknown class as an Error that keeps its name and fields, and rebuilds causes', async () => {
    const unlisted: unknown = await pool.run({ kind: 'throw', error: 'unlisted' }).catch((e: unknown) => e);
    const caused: unknown = await pool.run({ kind: 'throw', error: 'caused' }).catch((e: unknown) => e);
    const bare: unknown = await pool.run({ kind: 'throw', error: 'string' }).catch((e: unknown) => e);

    expect(unlisted).toBeInstanceOf(Error);
    expect(unlisted).toMatchObject({ name: 'UnlistedError', message: 'not on the list', code: 'E_UNLISTED' });
    expect((caused as Error).cause).toBeInstanceOf(QuotaError);
    expect((caused as Error).cause).toMatchObject({ quota: 'repairs', limit: 2 });
    expect(bare).toMatchObject({ name: 'Error', message: 'a bare string' });
  });

  it('stops a running task when its signal aborts, and runs the next task on a fresh thread', async () => {
    const first = await pool.run({ kind: 'echo', value: 1 });
    const started = startedFlag();
    const abort = new AbortController();

    const blocked = pool.run({ kind: 'block', started }, { signal: abort.signal });
    await whenStarted(started);
    abort.abort();

    await expect(blocked).rejects.toMatchObject({ name: 'AbortError' });
    const next = await pool.run({ kind: 'echo', value: 2 });
    expect(next.value).toBe(2);
    expect(next.threadId).not.toBe(first.threadId);
  });

  it('destroy() stops a running task and refuses later ones', async () => {
    const started = startedFlag();
    const blocked = pool.run({ kind: 'block', started });
    await whenStarted(started);
    const outcome = expect(blocked).rejects.toThrow('Terminating worker thread');

    await pool.destroy();

    await outcome;
    await expect(pool.run({ kind: 'echo', value: 1 })).rejects.toThrow('WorkerPool sample is destroyed');
  });

  it('refuses a worker file whose handler is not wrapped in defineWorkerTask', async () => {
    const raw = new WorkerPool<number, number>({
      filename: join(__dirname, 'test-fixtures', 'raw.worker.ts'),
      name: 'raw',
    });
    try {
      await expect(raw.run(21)).rejects.toThrow('must export defineWorkerTask(...) as default');
    } finally {
      await raw.destroy();
    }
  });

  it('rejects every run, neither hanging nor crashing the process, when the worker file fails to load', async () => {
    const broken = new WorkerPool<number, number>({
      filename: join(__dirname, 'test-fixtures', 'broken.worker.ts'),
      name: 'broken',
    });
    try {
      await expect(broken.run(1)).rejects.toThrow('this worker file fails to load');
      await expect(broken.run(2)).rejects.toThrow('this worker file fails to load');
    } finally {
      await broken.destroy();
    }
  });

  it('refuses a thread count that is not a whole number ≥ 1', () => {
    expect(() => new WorkerPool({ filename: sampleWorker, name: 'none', maxThreads: 0 })).toThrow(RangeError);
  });
});
