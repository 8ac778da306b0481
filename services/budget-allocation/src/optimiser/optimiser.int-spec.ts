import { Module, type INestApplication, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { threadId as mainThreadId } from 'node:worker_threads';
import { defineConfig, loadConfig, serviceBaseConfig } from '@buqi/config';
import { PlatformModule } from '@buqi/platform';
import { dropTestDatabase, engineEnv, uniqueDatabaseName } from '@buqi/testing';
import { serviceConfig } from '../config';
import { serviceInfo } from '../service-info';
import { Optimiser, type AnytimeProgress } from './optimiser';
import { OptimiserModule } from './optimiser.module';
import { generateProblem } from '@buqi/domain-allocation';

const database = uniqueDatabaseName('budget_optimiser');
// What PlatformModule and OptimiserModule read, with the service's own OPTIMISER_THREADS variable.
const spec = defineConfig({
  ...serviceBaseConfig({ httpPort: 3102, database }),
  OPTIMISER_THREADS: serviceConfig.OPTIMISER_THREADS,
});
const config = loadConfig(spec, { ...engineEnv(), LOG_LEVEL: 'fatal' });

@Module({
  imports: [
    PlatformModule.forRoot({ serviceName: serviceInfo.name, config }),
    OptimiserModule.register(config),
  ],
})
class OptimiserTestModule {}

describe('Optimiser in the service, against the local engines', () => {
  let app: INestApplication | undefined;
  let url: string;

  beforeAll(async () => {
    app = await NestFactory.create(OptimiserTestModule, { logger: false, abortOnError: false });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });
  afterAll(async () => {
    await app?.close();
    await dropTestDatabase(config.MONGO_URL, database);
  });

  it('solves 1,000 candidates on a worker thread while /health/ready keeps answering', async () => {
    const optimiser = (app as INestApplication).get(Optimiser);
    const problem = generateProblem(1_000, 1);

    // A solve on this thread would hold every probe until it ends, so none would answer in between.
    let solving = true;
    const solve = optimiser.optimise(problem, { method: 'heuristic', timeLimitSeconds: 5 });
    solve.finally(() => (solving = false)).catch(() => undefined);
    const answeredWhileSolving: number[] = [];
    while (solving) {
      const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(60_000) });
      await response.arrayBuffer();
      if (solving) answeredWhileSolving.push(response.status);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const { result, threadId } = await solve;

    expect(threadId).not.toBe(mainThreadId);
    expect(threadId).not.toBe(0);
    expect(answeredWhileSolving).toContain(200);
    expect(result.status).not.toBe('infeasible');
    expect(result.chosen.length).toBeGreaterThan(0);
  });
});

describe('the anytime optimiser', () => {
  // Wired as the service wires it, with OPTIMISER_THREADS=2.
  let context: INestApplicationContext;
  let optimiser: Optimiser;
  beforeAll(async () => {
    context = await NestFactory.createApplicationContext(OptimiserModule.register({ OPTIMISER_THREADS: 2 }), {
      logger: false,
    });
    optimiser = context.get(Optimiser);
  });
  afterAll(() => context?.close());

  it('races the heuristic and HiGHS on two threads, reports each better plan as found, and returns the best with its proven gap', async () => {
    // 300 tightly capped candidates: HiGHS runs to the limit, the heuristic ends sooner.
    const progress: AnytimeProgress[] = [];
    const outcome = await optimiser.anytime(generateProblem(300, 7), 5, (p) => progress.push(p));
    const runs = outcome.runs.flatMap((r) => ('threadId' in r ? [r] : []));
    expect(runs).toHaveLength(2);
    expect(outcome.result.objective).toBe(Math.max(...runs.map((r) => r.objective ?? -Infinity)));
    expect(outcome.bound).toBeGreaterThanOrEqual(outcome.result.objective ?? Infinity);
    expect(outcome.gap).toBeGreaterThanOrEqual(0);
    expect(outcome.gap).toBeLessThan(0.1);
    const threads = new Set(runs.map((r) => r.threadId));
    expect(threads.size).toBe(2);
    expect(threads.has(mainThreadId)).toBe(false);
    // The first plan is reported when its run ends, before the race does; each report improves on the last.
    const first = Math.min(...runs.map((r) => r.seconds));
    expect(progress[0].seconds).toBe(first);
    expect(progress[0].seconds).toBeLessThan(outcome.elapsedSeconds);
    for (let i = 1; i < progress.length; i++)
      expect(progress[i].objective).toBeGreaterThan(progress[i - 1].objective);
    expect(progress.at(-1)?.objective).toBe(outcome.result.objective);
    expect(outcome.seconds).toBe(progress.at(-1)?.seconds);
  });

  it('answers with gap 0 when HiGHS proves the plan optimal', async () => {
    const option = (id: string, costFen: number, benefit: number) => ({
      id,
      costFen,
      benefit,
      lifetimeYears: 5,
    });
    const problem = {
      envelopes: [{ id: 'maintenance', budgetFen: 1_000 }],
      candidates: [
        {
          id: 'a',
          department: 'd',
          zone: 'z',
          envelope: 'maintenance',
          options: [option('a1', 600, 6), option('a2', 300, 4)],
        },
        { id: 'b', department: 'd', zone: 'z', envelope: 'maintenance', options: [option('b1', 500, 5)] },
        { id: 'c', department: 'd', zone: 'z', envelope: 'maintenance', options: [option('c1', 400, 3)] },
      ],
    };
    const outcome = await optimiser.anytime(problem, 5);
    // a1 + c1 (1,000 fen) and a2 + b1 (800 fen) both reach 9 within 1,000 fen: the optimum.
    expect(outcome.result.objective).toBe(9);
    expect(outcome.runs.find((r) => r.method === 'exact')?.status).toBe('optimal');
    expect(outcome.gap).toBe(0);
  });
});
