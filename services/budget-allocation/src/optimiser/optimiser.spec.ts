import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { threadId as mainThreadId } from 'node:worker_threads';
import { DomainValidationError } from '@buqi/domain-kernel';
import { generateProblem, optimise, type AllocationProblem } from '@buqi/domain-allocation';
import { Optimiser } from './optimiser';
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
