import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { threadId as mainThreadId } from 'node:worker_threads';
import { DomainValidationError } from '@buqi/domain-kernel';
import {
  generateProblem,
  optimise,
  type AllocationProblem,
  type AllocationResult,
} from '@buqi/domain-allocation';
import { Optimiser, type AnytimeProgress } from './optimiser';
import type { OptimiserPool } from './optimiser.pool';
import { OptimiserModule } from './optimiser.module';

describe('Optimiser (worker threads, no engines)', () => {
  let app: INestApplicationContext;
  let optimiser: Optimiser;

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(OptimiserModule.register({ OPTIMISER_THREADS: 1 }), {
      logger: false,
    });
    optimiser = app.get(Optimiser);
  });
  afterAll(() => app.close());

  it.each(['heuristic', 'exact'] as const)(
    'returns what optimise returns in-process (%s), computed on a worker thread',
    async (method) => {
      // Small enough for HiGHS to prove optimality quickly, so both runs are deterministic.
      const problem = generateProblem(30, 6);

      const outcome = await optimiser.optimise(problem, { method, timeLimitSeconds: 30 });

      expect(outcome.threadId).not.toBe(mainThreadId);
      expect(outcome.result.chosen.length).toBeGreaterThan(0);
      expect(outcome.result).toEqual(await optimise(problem, { method, timeLimitSeconds: 30 }));
    },
  );

  it('rejects a bad problem with a DomainValidationError naming the field, as in-process', async () => {
    const problem = generateProblem(5, 1);
    const duplicate: AllocationProblem = {
      ...problem,
      candidates: [...problem.candidates, problem.candidates[0]],
    };

    const error: unknown = await optimiser
      .optimise(duplicate, { method: 'heuristic' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DomainValidationError);
    const inProcess = await optimise(duplicate, { method: 'heuristic' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'DomainValidationError',
      field: (inProcess as DomainValidationError).field,
      value: (inProcess as DomainValidationError).value,
      reason: (inProcess as DomainValidationError).reason,
      message: (inProcess as DomainValidationError).message,
    });
  });

  it('stops its threads when the application closes', async () => {
    const other = await NestFactory.createApplicationContext(
      OptimiserModule.register({ OPTIMISER_THREADS: 1 }),
      {
        logger: false,
      },
    );
    const closing = other.get(Optimiser);
    await closing.optimise(generateProblem(5, 1), { method: 'heuristic' });

    await other.close();

    await expect(closing.optimise(generateProblem(5, 1), { method: 'heuristic' })).rejects.toThrow(
      'is destroyed',
    );
  });
});

describe('the anytime race (its threads faked: which run ends when is the point)', () => {
  const plan = (method: 'exact' | 'heuristic', objective: number, extra: Partial<AllocationResult> = {}) =>
    ({ method, status: 'feasible', objective, chosen: [], ...extra }) as unknown as AllocationResult;
  /** A pool whose runs end when the test says, or reject when their signal aborts. */
  function fakePool() {
    const pending = new Map<string, (r: AllocationResult) => void>();
    const aborted: string[] = [];
    const pool = {
      run: (task: { options: { method: string } }, options: { signal?: AbortSignal }) =>
        new Promise((resolve, reject) => {
          const method = task.options.method;
          pending.set(method, (result) => resolve({ result, threadId: method === 'exact' ? 1 : 2 }));
          options.signal?.addEventListener('abort', () => {
            aborted.push(method);
            reject(new Error('aborted'));
          });
        }),
    };
    const finish = async (method: string, result: AllocationResult) => {
      while (!pending.has(method)) await new Promise((r) => setImmediate(r));
      pending.get(method)?.(result);
    };
    return { pool: pool as unknown as OptimiserPool, finish, aborted };
  }

  it('stops HiGHS when the heuristic proves its plan within the gap tolerance, and reports it at once', async () => {
    const { pool, finish, aborted } = fakePool();
    const progress: AnytimeProgress[] = [];
    const race = new Optimiser(pool).anytime(generateProblem(5, 1), 60, (p) => progress.push(p));
    await finish('heuristic', plan('heuristic', 100, { bound: 100.005, gap: 0.00005 }));
    const outcome = await race;
    expect(aborted).toEqual(['exact']);
    expect(outcome.method).toBe('heuristic');
    expect(outcome.runs).toEqual([
      { method: 'exact', status: 'stopped' },
      expect.objectContaining({ method: 'heuristic', objective: 100 }),
    ]);
    expect(progress).toEqual([
      expect.objectContaining({ method: 'heuristic', objective: 100, bound: 100.005 }),
    ]);
  });

  it('lets HiGHS run on when the heuristic cannot prove its plan, and takes its better one', async () => {
    const { pool, finish, aborted } = fakePool();
    const progress: AnytimeProgress[] = [];
    const race = new Optimiser(pool).anytime(generateProblem(5, 1), 60, (p) => progress.push(p));
    await finish('heuristic', plan('heuristic', 90, { bound: 120, gap: 0.33 }));
    await finish('exact', plan('exact', 110, { status: 'time-limit', bound: 115 }));
    const outcome = await race;
    expect(aborted).toEqual([]);
    expect(outcome.result.objective).toBe(110);
    expect(outcome.bound).toBe(115);
    expect(outcome.gap).toBeCloseTo(5 / 110);
    expect(progress.map((p) => [p.method, p.objective])).toEqual([
      ['heuristic', 90],
      ['exact', 110],
    ]);
  });

  it('stops the heuristic when HiGHS proves the optimum first', async () => {
    const { pool, finish, aborted } = fakePool();
    const race = new Optimiser(pool).anytime(generateProblem(5, 1), 60);
    await finish('exact', plan('exact', 80, { status: 'optimal', bound: 80, gap: 0 }));
    const outcome = await race;
    expect(aborted).toEqual(['heuristic']);
    expect(outcome.gap).toBe(0);
    expect(outcome.method).toBe('exact');
  });
});
